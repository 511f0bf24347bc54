//! A [`Document`] as a page to print from a browser: one self-contained HTML file (its
//! CSS inline, nothing from anywhere else), A4 with Decree 30's margins (`@page`), the
//! same header, tables and closing as the DOCX beside it.

use std::fmt::Write as _;

use super::layout::*;

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn spans(list: &[Span]) -> String {
    list.iter()
        .map(|s| match (s.bold, s.italic) {
            (true, true) => format!("<b><i>{}</i></b>", esc(&s.text)),
            (true, false) => format!("<b>{}</b>", esc(&s.text)),
            (false, true) => format!("<i>{}</i>", esc(&s.text)),
            (false, false) => esc(&s.text),
        })
        .collect()
}

fn align_class(a: Align) -> &'static str {
    match a {
        Align::Left => "left",
        Align::Center => "center",
        Align::Justify => "justify",
    }
}

fn css() -> String {
    format!(
        "@page {{ size: A4; margin: {t}mm {r}mm {b}mm {l}mm; }}
html {{ background: #e8e8e8; }}
body {{ font-family: \"Times New Roman\", Times, \"Liberation Serif\", serif; font-size: 14pt;
  line-height: 1.2; color: #000; background: #fff; width: {w}mm; margin: 8mm auto;
  padding: {t}mm {r}mm {b}mm {l}mm; }}
@media print {{ html {{ background: none; }} body {{ margin: 0; padding: 0; width: auto; }} }}
p {{ margin: 0; }}
.draft {{ text-align: right; font-weight: bold; font-size: 13pt; }}
.draft span {{ display: inline-block; border: 0.75pt solid #000; padding: 1pt 8pt; }}
.top {{ display: grid; grid-template-columns: {hl}mm {hr}mm; align-items: start; text-align: center; font-size: 12pt; }}
.issuer, .country, .words {{ font-weight: bold; }}
.words {{ font-size: 14pt; text-decoration: underline; text-underline-offset: 2pt; }}
.rule {{ border-top: 0.75pt solid #000; margin: 3pt auto 0; height: 0; }}
.number {{ margin-top: 6pt; font-size: 13pt; }}
.dated {{ margin-top: 6pt; font-style: italic; font-size: 14pt; }}
h1 {{ font-size: 14pt; text-align: center; margin: 18pt 0 0; }}
.subject {{ font-weight: bold; text-align: center; }}
.subject + .rule {{ margin-bottom: 6pt; }}
.note {{ text-align: center; font-style: italic; margin-bottom: 6pt; }}
.centered {{ text-align: center; font-weight: bold; margin: 6pt 0; }}
.para {{ text-align: justify; text-indent: 12.7mm; margin-bottom: 6pt; }}
.left {{ text-align: left; }} .center {{ text-align: center; }} .justify {{ text-align: justify; }}
.line {{ margin-bottom: 3pt; }}
table {{ border-collapse: collapse; table-layout: fixed; font-size: 13pt; margin-bottom: 6pt; }}
th, td {{ border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; }}
.group td, .total td {{ font-weight: bold; }}
.closing {{ display: grid; grid-template-columns: 75mm {cr}mm; margin-top: 12pt; break-inside: avoid; }}
.recipients {{ font-size: 11pt; }}
.recipients b {{ font-size: 12pt; }}
.signer {{ text-align: center; font-weight: bold; }}
.signer .space {{ height: 5.5em; }}
.pagebreak {{ break-before: page; height: 0; }}
",
        t = MARGIN_TOP_MM,
        r = MARGIN_RIGHT_MM,
        b = MARGIN_BOTTOM_MM,
        l = MARGIN_LEFT_MM,
        w = TEXT_MM,
        hl = HEADER_MM.0,
        hr = HEADER_MM.1,
        cr = TEXT_MM - 75,
    )
}

fn header(s: &mut String, h: &Header, draft: bool) {
    if draft {
        s.push_str("<p class=\"draft\"><span>DỰ THẢO</span></p>\n");
    }
    // Four cells, two rows: the names opposite the motto, the number opposite the date.
    s.push_str("<div class=\"top\">\n<div>");
    if let Some(parent) = &h.parent {
        let _ = write!(s, "<p>{}</p>", esc(parent));
    }
    let _ = write!(
        s,
        "<p class=\"issuer\">{}</p><div class=\"rule\" style=\"width: 22mm\"></div>",
        h.issuer.lines().map(esc).collect::<Vec<_>>().join("<br>")
    );
    let _ = write!(
        s,
        "</div>\n<div><p class=\"country\">{}</p><p class=\"words\">{}</p></div>\n",
        esc(MOTTO_COUNTRY),
        esc(MOTTO)
    );
    let _ = write!(
        s,
        "<p class=\"number\">{}</p>\n<p class=\"dated\">{}</p>\n</div>\n",
        h.number.as_deref().map(esc).unwrap_or_default(),
        esc(&h.dated)
    );
}

fn table(s: &mut String, t: &Table) {
    let total: u32 = t.columns.iter().map(|c| c.mm).sum();
    let _ = writeln!(s, "<table style=\"width: {total}mm\">");
    s.push_str("<colgroup>");
    for c in &t.columns {
        let _ = write!(s, "<col style=\"width: {}mm\">", c.mm);
    }
    s.push_str("</colgroup>\n<thead><tr>");
    for c in &t.columns {
        let _ = write!(s, "<th>{}</th>", esc(&c.title));
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for r in &t.rows {
        match r {
            Row::Group(title) => {
                let _ = writeln!(
                    s,
                    "<tr class=\"group\"><td colspan=\"{}\">{}</td></tr>",
                    t.columns.len(),
                    esc(title)
                );
            }
            Row::Cells(cells) | Row::Total(cells) => {
                let class = if matches!(r, Row::Total(_)) {
                    " class=\"total\""
                } else {
                    ""
                };
                let _ = write!(s, "<tr{class}>");
                for (c, text) in t.columns.iter().zip(cells) {
                    let _ = write!(
                        s,
                        "<td class=\"{}\">{}</td>",
                        align_class(c.align),
                        esc(text)
                    );
                }
                s.push_str("</tr>\n");
            }
        }
    }
    s.push_str("</tbody>\n</table>\n");
}

fn signer(s: &mut String, sg: Option<&Signer>) {
    s.push_str("<div class=\"signer\">");
    if let Some(sg) = sg {
        for t in &sg.titles {
            let _ = write!(s, "<p>{}</p>", esc(t));
        }
        s.push_str("<div class=\"space\"></div>");
        if let Some(name) = &sg.name {
            let _ = write!(s, "<p>{}</p>", esc(name));
        }
    }
    s.push_str("</div>");
}

fn closing(s: &mut String, c: &Closing) {
    s.push_str("<div class=\"closing\">\n");
    if c.recipients.is_empty() {
        signer(s, c.signers.iter().rev().nth(1));
    } else {
        s.push_str("<div class=\"recipients\"><p><b><i>Nơi nhận:</i></b></p>");
        for r in &c.recipients {
            let _ = write!(s, "<p>{}</p>", esc(r));
        }
        s.push_str("</div>");
    }
    signer(s, c.signers.last());
    s.push_str("\n</div>\n");
}

/// The page's HTML.
pub fn render(doc: &Document) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n",
        esc(&doc.title),
        css()
    );
    header(&mut s, &doc.header, doc.draft);
    for block in &doc.body {
        match block {
            Block::Title(t) => {
                let _ = writeln!(s, "<h1>{}</h1>", esc(t));
            }
            Block::Subject(lines) => {
                for l in lines {
                    let _ = writeln!(s, "<p class=\"subject\">{}</p>", esc(l));
                }
                s.push_str("<div class=\"rule\" style=\"width: 40mm\"></div>\n");
            }
            Block::Note(t) => {
                let _ = writeln!(s, "<p class=\"note\">{}</p>", esc(t));
            }
            Block::Centered(t) => {
                let _ = writeln!(s, "<p class=\"centered\">{}</p>", esc(t));
            }
            Block::Para(list) => {
                let _ = writeln!(s, "<p class=\"para\">{}</p>", spans(list));
            }
            Block::Line(list, a) => {
                let _ = writeln!(
                    s,
                    "<p class=\"line {}\">{}</p>",
                    align_class(*a),
                    spans(list)
                );
            }
            Block::Table(t) => table(&mut s, t),
            Block::Closing(c) => closing(&mut s, c),
            Block::PageBreak => s.push_str("<div class=\"pagebreak\"></div>\n"),
        }
    }
    s.push_str("</body>\n</html>\n");
    s
}
