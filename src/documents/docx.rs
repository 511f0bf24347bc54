//! A [`Document`] as a DOCX file (docx-rs) that Word, LibreOffice and WPS open and edit:
//! A4 and Decree 30's margins, Times New Roman throughout, every table with a fixed
//! layout, its grid and each cell's width given (WPS and LibreOffice lay out a table
//! without them as they please), the short rules as paragraph borders.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BorderType, Docx, Header as DocxHeader, HeightRule, LineSpacing, PageMargin,
    PageNum, Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts,
    SpecialIndentType, Table as DocxTable, TableBorders, TableCell, TableCellBorder,
    TableCellBorderPosition, TableCellBorders, TableCellMargins, TableLayoutType, TableRow,
    WidthType,
};

use super::layout::*;

/// Twips (a twentieth of a point) in `mm` millimetres.
pub fn twips(mm: u32) -> usize {
    (mm as usize * 14_400 + 127) / 254
}

/// Twips in `mm` millimetres, rounded up: a margin never narrower than Decree 30's.
fn twips_up(mm: u32) -> i32 {
    (mm * 14_400).div_ceil(254) as i32
}

/// About how wide `text` sets in Times New Roman at `half_points`, in millimetres: for
/// the length of the short rules (Decree 30: a third to a half of the line above).
fn text_mm(text: &str, half_points: u32, caps: bool) -> u32 {
    let em = if caps { 0.68 } else { 0.5 };
    let pt = text.chars().count() as f64 * em * f64::from(half_points) / 2.0;
    (pt * 0.3528) as u32
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT)
}

fn run(span: &Span, size: u32) -> Run {
    let mut r = Run::new()
        .add_text(&span.text)
        .size(size as usize)
        .fonts(fonts());
    if span.bold {
        r = r.bold();
    }
    if span.italic {
        r = r.italic();
    }
    r
}

fn align(a: Align) -> AlignmentType {
    match a {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Justify => AlignmentType::Both,
    }
}

/// Space before and after a paragraph, in twips; single spacing.
fn spaced(p: Paragraph, before: u32, after: u32) -> Paragraph {
    p.line_spacing(
        LineSpacing::new()
            .before(before)
            .after(after)
            .line(240)
            .line_rule(docx_rs::LineSpacingType::Auto),
    )
}

fn line(spans: &[Span], a: Align, size: u32) -> Paragraph {
    let p = spans.iter().fold(Paragraph::new().align(align(a)), |p, s| {
        p.add_run(run(s, size))
    });
    spaced(p, 0, 0)
}

fn centered(text: &str, size: u32, bold: bool, italic: bool) -> Paragraph {
    let span = Span {
        text: text.to_string(),
        bold,
        italic,
    };
    line(&[span], Align::Center, size)
}

/// A short centred rule `width_mm` long inside a space `room_mm` wide: an empty
/// paragraph with only its bottom border, narrowed by its indents.
fn rule(width_mm: u32, room_mm: u32) -> Paragraph {
    let side = twips(room_mm.saturating_sub(width_mm) / 2) as i32;
    let border = ParagraphBorder::new(ParagraphBorderPosition::Bottom)
        .val(BorderType::Single)
        .size(6)
        .space(1);
    let mut p = Paragraph::new()
        .indent(Some(side), None, Some(side), None)
        .size(4);
    p.property = p
        .property
        .set_borders(ParagraphBorders::with_empty().set(border));
    spaced(p, 40, 0)
}

fn borderless(widths: &[u32], rows: Vec<TableRow>) -> DocxTable {
    DocxTable::new(rows)
        .set_grid(widths.iter().map(|w| twips(*w)).collect())
        .layout(TableLayoutType::Fixed)
        .width(twips(widths.iter().sum()), WidthType::Dxa)
        .set_borders(TableBorders::with_empty())
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
}

fn cell(mm: u32, paragraphs: Vec<Paragraph>) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new().width(twips(mm), WidthType::Dxa), |c, p| {
            c.add_paragraph(p)
        })
}

/// The draft's mark (if a draft) and the header's two columns.
fn header(h: &Header, draft: bool) -> (Option<DocxTable>, DocxTable) {
    let (left, right) = HEADER_MM;
    let mut names = Vec::new();
    if let Some(parent) = &h.parent {
        names.push(centered(parent, NAMES, false, false));
    }
    for l in h.issuer.lines() {
        names.push(centered(l, NAMES, true, false));
    }
    let issuer_mm = h
        .issuer
        .lines()
        .map(|l| text_mm(l, NAMES, true))
        .max()
        .unwrap_or(0)
        .min(left);
    names.push(rule((issuer_mm * 45 / 100).clamp(14, left), left));
    let underlined = run(&Span::bold(MOTTO), BODY).underline("single");
    let mut motto = vec![
        centered(MOTTO_COUNTRY, NAMES, true, false),
        spaced(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(underlined),
            0,
            0,
        ),
    ];
    if h.parent.is_some() {
        // The motto's two lines stand level with the agency's last two.
        motto.push(line(&[], Align::Center, 4));
    }
    let number = h.number.as_deref().map_or_else(
        || line(&[], Align::Center, NAMES),
        |n| centered(n, NAMES, false, false),
    );
    let dated = centered(&h.dated, BODY, false, true);
    let top = TableRow::new(vec![cell(left, names), cell(right, motto)]);
    let bottom = TableRow::new(vec![
        cell(left, vec![spaced(number, 120, 0)]),
        cell(right, vec![spaced(dated, 120, 0)]),
    ]);
    let mut mark_table = None;
    if draft {
        let boxed = TableCellBorders::new()
            .set(TableCellBorder::new(TableCellBorderPosition::Top).border_type(BorderType::Single))
            .set(
                TableCellBorder::new(TableCellBorderPosition::Bottom)
                    .border_type(BorderType::Single),
            )
            .set(
                TableCellBorder::new(TableCellBorderPosition::Left).border_type(BorderType::Single),
            )
            .set(
                TableCellBorder::new(TableCellBorderPosition::Right)
                    .border_type(BorderType::Single),
            );
        let mark = TableRow::new(vec![
            cell(TEXT_MM - 30, vec![line(&[], Align::Left, NAMES)]),
            cell(
                30,
                vec![spaced(centered("DỰ THẢO", NAMES, true, false), 20, 20)],
            )
            .set_borders(boxed),
        ]);
        mark_table = Some(borderless(&[TEXT_MM - 30, 30], vec![mark]));
    }
    (mark_table, borderless(&[left, right], vec![top, bottom]))
}

fn table(t: &Table) -> DocxTable {
    let widths: Vec<u32> = t.columns.iter().map(|c| c.mm).collect();
    let head = TableRow::new(
        t.columns
            .iter()
            .map(|c| cell(c.mm, vec![centered(&c.title, TABLE, true, false)]))
            .collect(),
    )
    .cant_split()
    .row_height(HEAD_MARK_TWIPS)
    .height_rule(HeightRule::AtLeast);
    let mut rows = vec![head];
    for r in &t.rows {
        let row = match r {
            Row::Group(title) => TableRow::new(vec![
                cell(
                    widths.iter().sum(),
                    vec![line(&[Span::bold(title)], Align::Left, TABLE)],
                )
                .grid_span(widths.len()),
            ]),
            Row::Cells(cells) | Row::Total(cells) => {
                let bold = matches!(r, Row::Total(_));
                TableRow::new(
                    t.columns
                        .iter()
                        .zip(cells)
                        .map(|(c, text)| {
                            let span = Span {
                                text: text.clone(),
                                bold,
                                italic: false,
                            };
                            cell(c.mm, vec![line(&[span], c.align, TABLE)])
                        })
                        .collect(),
                )
            }
        };
        rows.push(row.cant_split());
    }
    DocxTable::new(rows)
        .set_grid(widths.iter().map(|w| twips(*w)).collect())
        .layout(TableLayoutType::Fixed)
        .width(twips(widths.iter().sum()), WidthType::Dxa)
        .margins(TableCellMargins::new().margin(40, 80, 40, 80))
}

fn signer(s: &Signer) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = s
        .titles
        .iter()
        .map(|t| centered(t, BODY, true, false))
        .collect();
    for _ in 0..4 {
        out.push(line(&[], Align::Center, BODY));
    }
    if let Some(name) = &s.name {
        out.push(centered(name, BODY, true, false));
    }
    out
}

fn closing(c: &Closing) -> DocxTable {
    const WIDTHS: [u32; 2] = [75, TEXT_MM - 75];
    let left = if c.recipients.is_empty() {
        c.signers
            .iter()
            .rev()
            .nth(1)
            .map(signer)
            .unwrap_or_default()
    } else {
        let mut ps = vec![line(
            &[Span {
                text: "Nơi nhận:".into(),
                bold: true,
                italic: true,
            }],
            Align::Left,
            RECIPIENTS_TITLE,
        )];
        ps.extend(
            c.recipients
                .iter()
                .map(|r| line(&[Span::plain(r)], Align::Left, RECIPIENTS)),
        );
        ps
    };
    let right = c.signers.last().map(signer).unwrap_or_default();
    let row = TableRow::new(vec![cell(WIDTHS[0], left), cell(WIDTHS[1], right)]).cant_split();
    borderless(&WIDTHS, vec![row])
}

/// The header row of every table is repeated atop each page it runs onto (`tblHeader`),
/// which docx-rs does not write: the row is marked with a height no other row has (a
/// twip, "at least", which changes nothing on the page) and the mark is replaced.
const HEAD_MARK_TWIPS: f32 = 1.0;
const HEAD_MARK: &str = "<w:trHeight w:val=\"1\" w:hRule=\"atLeast\" />";
const HEAD_ROW: &str = "<w:tblHeader />";

fn replace_all(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    String::from_utf8_lossy(bytes)
        .replace(from, to)
        .into_bytes()
}

/// The DOCX file's bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>, String> {
    let margins = PageMargin::new()
        .top(twips_up(MARGIN_TOP_MM))
        .bottom(twips_up(MARGIN_BOTTOM_MM))
        .left(twips_up(MARGIN_LEFT_MM))
        .right(twips_up(MARGIN_RIGHT_MM))
        .header(twips(10) as i32)
        .footer(twips(10) as i32);
    let page_number = DocxHeader::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_page_num(PageNum::new()),
    );
    let mut docx = Docx::new()
        .page_size(twips(PAGE_MM.0) as u32, twips(PAGE_MM.1) as u32)
        .page_margin(margins)
        .default_fonts(fonts())
        .default_size(BODY as usize)
        .header(page_number)
        .first_header(DocxHeader::new())
        .title_pg();
    let (mark, top) = header(&doc.header, doc.draft);
    if let Some(mark) = mark {
        docx = docx
            .add_table(mark)
            .add_paragraph(line(&[], Align::Left, 16));
    }
    docx = docx.add_table(top);
    for block in &doc.body {
        docx = match block {
            Block::Title(t) => docx.add_paragraph(spaced(centered(t, BODY, true, false), 360, 0)),
            Block::Subject(lines) => {
                let mut d = docx;
                for l in lines {
                    d = d.add_paragraph(centered(l, BODY, true, false));
                }
                let widest = lines
                    .iter()
                    .map(|l| text_mm(l, BODY, false))
                    .max()
                    .unwrap_or(0);
                d.add_paragraph(rule((widest * 40 / 100).clamp(20, 60), TEXT_MM))
                    .add_paragraph(line(&[], Align::Center, 12))
            }
            Block::Note(t) => docx.add_paragraph(spaced(centered(t, BODY, false, true), 0, 120)),
            Block::Centered(t) => {
                docx.add_paragraph(spaced(centered(t, BODY, true, false), 120, 120))
            }
            Block::Para(spans) => {
                let p = spans.iter().fold(
                    Paragraph::new().align(AlignmentType::Both).indent(
                        None,
                        Some(SpecialIndentType::FirstLine(720)),
                        None,
                        None,
                    ),
                    |p, s| p.add_run(run(s, BODY)),
                );
                docx.add_paragraph(spaced(p, 0, 120))
            }
            Block::Line(spans, a) => docx.add_paragraph(spaced(line(spans, *a, BODY), 0, 60)),
            Block::Table(t) => docx
                .add_table(table(t))
                .add_paragraph(line(&[], Align::Left, 12)),
            Block::Closing(c) => docx
                .add_paragraph(line(&[], Align::Left, 12))
                .add_table(closing(c)),
            Block::PageBreak => docx.add_paragraph(
                Paragraph::new().add_run(Run::new().add_break(docx_rs::BreakType::Page)),
            ),
        };
    }
    let mut xml = docx.build();
    xml.document = replace_all(&xml.document, HEAD_MARK, HEAD_ROW);
    let mut bytes = Cursor::new(Vec::new());
    xml.pack(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes.into_inner())
}
