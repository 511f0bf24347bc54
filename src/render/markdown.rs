//! Stories from Markdown to safe HTML: pulldown-cmark (tables, footnotes, heading
//! anchors), then ammonia, so no script, frame, event attribute or `javascript:` link
//! reaches a page. A story's `#` headings become `<h2>`: the page's `<h1>` is the name.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd, html,
};

use crate::text::slug::slugify;

/// Ids the theme itself uses, which a heading must not take.
const RESERVED_IDS: &[&str] = &[
    "main", "content", "top", "search", "q", "results", "story", "criteria",
];

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static B: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    B.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.add_tag_attributes("h2", ["id"])
            .add_tag_attributes("h3", ["id"])
            .add_tag_attributes("h4", ["id"])
            .add_tag_attributes("h5", ["id"])
            .add_tag_attributes("h6", ["id"])
            .add_tag_attributes("div", ["id", "class"])
            .add_tag_attributes("sup", ["id", "class"])
            .add_tag_attributes("li", ["id"])
            .add_tag_attributes("td", ["style"])
            .add_tag_attributes("th", ["style"])
            .attribute_filter(|_, attr, value| {
                if attr == "style" {
                    // Only the alignment pulldown-cmark writes for table columns.
                    let ok = [
                        "text-align: left",
                        "text-align: center",
                        "text-align: right",
                    ]
                    .contains(&value);
                    return ok.then(|| value.into());
                }
                Some(value.into())
            })
            .url_schemes(
                ["http", "https", "mailto"]
                    .into_iter()
                    .collect::<HashSet<_>>(),
            )
            .link_rel(Some("noopener noreferrer"));
        b
    })
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        other => other,
    }
}

/// Markdown to sanitised HTML, with an id on every heading.
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let mut used: HashMap<String, usize> =
        RESERVED_IDS.iter().map(|id| (id.to_string(), 1)).collect();
    let mut out = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let mut text = String::new();
                let mut j = i + 1;
                while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                    if let Event::Text(t) | Event::Code(t) = &events[j] {
                        text.push_str(t);
                    }
                    j += 1;
                }
                let wanted = id.as_ref().map_or_else(|| slugify(&text), |id| slugify(id));
                let wanted = if wanted.is_empty() {
                    "muc".to_string()
                } else {
                    wanted
                };
                let n = used.entry(wanted.clone()).or_insert(0);
                *n += 1;
                let unique = if *n == 1 {
                    wanted
                } else {
                    format!("{wanted}-{}", *n - 1)
                };
                used.entry(unique.clone()).or_insert(1);
                out.push(Event::Start(Tag::Heading {
                    level: demote(*level),
                    id: Some(CowStr::from(unique)),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                out.push(Event::End(TagEnd::Heading(demote(*level))))
            }
            other => out.push(other.clone()),
        }
        i += 1;
    }
    let plain = out.iter().all(plainly_safe);
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, out.into_iter());
    if plain {
        with_link_rel(&raw)
    } else {
        sanitizer().clean(&raw).to_string()
    }
}

/// Whether pulldown-cmark writes this event exactly as ammonia would give it back (but
/// for `rel` on links): no HTML of the author's, no attribute ammonia would drop, no
/// address with a scheme it refuses, no character it would write otherwise. Most
/// stories are made of nothing else, and skip the sanitiser's parse of the whole page
/// (the test `the_plain_way_writes_what_ammonia_would` holds the two to each other).
fn plainly_safe(event: &Event) -> bool {
    let plain_text = |t: &str| !t.contains('\u{a0}');
    match event {
        Event::Text(t) | Event::Code(t) => plain_text(t),
        Event::SoftBreak | Event::End(_) => true,
        Event::Start(tag) => match tag {
            Tag::Paragraph
            | Tag::Item
            | Tag::List(_)
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::BlockQuote(None)
            | Tag::CodeBlock(CodeBlockKind::Indented) => true,
            Tag::CodeBlock(CodeBlockKind::Fenced(info)) => info.split(' ').next() == Some(""),
            Tag::Heading { classes, attrs, .. } => classes.is_empty() && attrs.is_empty(),
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => {
                let title_ok = !title.contains(['&', '<', '>', '"', '\'', '\u{a0}']);
                let url_ok = !dest_url.contains(['\'', '\u{a0}'])
                    && (*link_type == LinkType::Email || allowed_address(dest_url));
                title_ok && url_ok
            }
            _ => false,
        },
        _ => false,
    }
}

/// An address ammonia keeps as it is: http, https, mailto, or one without a scheme.
fn allowed_address(url: &str) -> bool {
    let head = url.split(['/', '?', '#']).next().unwrap_or_default();
    match head.split_once(':') {
        None => true,
        Some((scheme, _)) => ["http", "https", "mailto"]
            .iter()
            .any(|s| scheme.eq_ignore_ascii_case(s)),
    }
}

/// `rel="noopener noreferrer"` on every link, as the sanitiser adds it. In HTML written
/// from Markdown without HTML of its own, `<a href="` only ever opens a link, and its
/// tag ends at the first `>` (attribute values have theirs escaped).
fn with_link_rel(html: &str) -> String {
    const OPEN: &str = "<a href=\"";
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        let Some(end) = rest[at..].find('>') else {
            break;
        };
        out.push_str(&rest[..at + end]);
        out.push_str(" rel=\"noopener noreferrer\">");
        rest = &rest[at + end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_unique_anchors() {
        let html = to_html("# Câu chuyện\n\n## Kết quả\n\n## Kết quả\n\n## Main\n");
        assert!(
            html.contains("<h2 id=\"cau-chuyen\">Câu chuyện</h2>"),
            "{html}"
        );
        assert!(html.contains("<h2 id=\"ket-qua\">"), "{html}");
        assert!(html.contains("<h2 id=\"ket-qua-1\">"), "{html}");
        assert!(html.contains("<h2 id=\"main-1\">"), "{html}");
    }

    #[test]
    fn hostile_html_is_removed() {
        let html = to_html(
            "Hi <script>alert(1)</script><img src=x onerror=\"alert(2)\"><iframe src=\"https://e.vn\"></iframe>\n\n[a](javascript:alert(3)) <a href=\"javascript:alert(4)\" onclick=\"x()\">b</a>",
        );
        for bad in [
            "<script",
            "onerror",
            "<iframe",
            "javascript:",
            "onclick",
            "alert(1)",
        ] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
    }

    /// Markdown that takes the plain way, and Markdown that must not.
    const PLAIN: &[&str] = &[
        "# Câu chuyện\n\nAnh *Nguyễn Văn An* là **kỹ sư** của ~~phòng~~ [Sở](https://soxd.example.vn/a?b=1&c=2 \"Trang của Sở\").\nDòng hai.\n",
        "- một\n- hai [x](/2024/an/#muc)\n\n3. ba\n4. bốn `mã < > &`\n\n> Trích dẫn\n",
        "```\nkhối <b> & mã\n```\n\n    thụt lề\n\nThư: <an@soxd.example.vn>, <https://e.vn/x y>",
        "## Trùng\n\n## Trùng\n\n[tương đối](../2023/binh/) và [HTTP](HTTP://E.VN) và [mail](mailto:a@b.vn)",
        "Giá 1 < 2 & 3 > 2, \"trích\" 'đơn' — “cong” … 100%",
    ];
    const NOT_PLAIN: &[&str] = &[
        "Có <b>HTML</b>",
        "<div>khối</div>",
        "![ảnh](a.jpg)",
        "dòng  \nngắt",
        "---",
        "| a |\n|---|\n| 1 |",
        "x[^1]\n\n[^1]: y",
        "[js](javascript:alert(1))",
        "[d](data:text/html,x)",
        "# Tiêu đề {.lop}",
        "# Tiêu đề {onclick=x}",
        "```rust\nfn\n```",
        "có\u{a0}cách",
        "[a](/x 'ti<tle')",
        "[a](/x'y)",
    ];

    #[test]
    fn the_plain_way_writes_what_ammonia_would() {
        let opts = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_HEADING_ATTRIBUTES;
        let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let stories: Vec<String> = walkdir::WalkDir::new(sample)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
            .map(|e| std::fs::read_to_string(e.path()).expect("read"))
            .map(|t| t.splitn(3, "+++").nth(2).unwrap_or_default().to_string())
            .collect();
        assert!(stories.len() > 5);
        let mut plain = 0;
        for md in PLAIN
            .iter()
            .copied()
            .chain(stories.iter().map(String::as_str))
        {
            let events: Vec<Event> = Parser::new_ext(md, opts).collect();
            if !events.iter().all(plainly_safe) {
                continue;
            }
            plain += 1;
            let mut raw = String::new();
            html::push_html(&mut raw, events.into_iter());
            assert_eq!(
                with_link_rel(&raw),
                sanitizer().clean(&raw).to_string(),
                "{md}"
            );
        }
        assert!(plain >= PLAIN.len(), "every PLAIN sample and some stories");
        for md in PLAIN {
            assert!(Parser::new_ext(md, opts).all(|e| plainly_safe(&e)), "{md}");
        }
        for md in NOT_PLAIN {
            assert!(!Parser::new_ext(md, opts).all(|e| plainly_safe(&e)), "{md}");
        }
    }

    #[test]
    fn tables_and_footnotes() {
        let html = to_html("| a | b |\n|:-|-:|\n| 1 | 2 |\n\nText[^1].\n\n[^1]: Note.\n");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("text-align: right"), "{html}");
        assert!(html.contains("footnote-definition"), "{html}");
    }
}
