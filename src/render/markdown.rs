//! Stories from Markdown to safe HTML: pulldown-cmark (tables, footnotes, heading
//! anchors), then ammonia, so no script, frame, event attribute or `javascript:` link
//! reaches a page. A story's `#` headings become `<h2>`: the page's `<h1>` is the name.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

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
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, out.into_iter());
    sanitizer().clean(&raw).to_string()
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

    #[test]
    fn tables_and_footnotes() {
        let html = to_html("| a | b |\n|:-|-:|\n| 1 | 2 |\n\nText[^1].\n\n[^1]: Note.\n");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("text-align: right"), "{html}");
        assert!(html.contains("footnote-definition"), "{html}");
    }
}
