//! Stories from Markdown to safe HTML: pulldown-cmark (tables, footnotes, heading
//! anchors), then ammonia, so no script, frame, event attribute or `javascript:` link
//! reaches a page. A story's `#` headings become `<h2>`: the page's `<h1>` is the name.
//! Every id a story makes (headings, footnotes, its own HTML) starts with [`ID_PREFIX`],
//! so it never meets an id of the theme, and links to them follow. Addresses from the
//! site's root (`/2024/nguyen-van-an/`) get the site's `base_url` in front; relative ones
//! (`../nguyen-van-an/`, `tong-ket.jpg`) work as they are from the page's folder.
//! Stories without HTML of their own (most) skip the sanitiser: what they produce is
//! already what it would give back (`the_plain_way_writes_what_ammonia_would`).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Parser, Tag, TagEnd, html,
};

use crate::content::story_html::walk;
use crate::content::story_refs::options;
use crate::text::slug::slugify;

/// The start of every id a story makes (*câu chuyện*); no id of the theme has it.
pub const ID_PREFIX: &str = "cc-";

/// Markdown for one site: its base path and the sanitiser that knows it.
pub struct Markdown {
    base: String,
    sanitizer: ammonia::Builder<'static>,
}

/// Markdown for a site served at `/`.
pub fn to_html(markdown: &str) -> String {
    static ROOT: OnceLock<Markdown> = OnceLock::new();
    ROOT.get_or_init(|| Markdown::new("/")).to_html(markdown)
}

/// An address of a story as the page writes it: `base` before one from the site's root,
/// the story's id prefix on a place in the page, others as they are; `None` drops an
/// image from another host (checking refuses those; this holds if it did not run).
fn address<'u>(base: &str, element: &str, url: &'u str) -> Option<Cow<'u, str>> {
    if let Some(frag) = url.strip_prefix('#') {
        if frag.is_empty() || frag.starts_with(ID_PREFIX) {
            return Some(Cow::Borrowed(url));
        }
        return Some(Cow::Owned(format!("#{ID_PREFIX}{frag}")));
    }
    let elsewhere = url.starts_with("//") || url.starts_with("/\\") || has_scheme(url);
    if element == "img" && elsewhere {
        return None;
    }
    match url.strip_prefix('/') {
        Some(rest) if !elsewhere => Some(Cow::Owned(format!("{base}{rest}"))),
        _ => Some(Cow::Borrowed(url)),
    }
}

fn has_scheme(url: &str) -> bool {
    let head = url.split(['/', '?', '#']).next().unwrap_or_default();
    head.contains(':')
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        other => other,
    }
}

impl Markdown {
    /// Markdown for a site whose pages are served from `base` (`/`, `/thi-dua/`).
    pub fn new(base: &str) -> Markdown {
        let base = base.to_string();
        let mut b = ammonia::Builder::default();
        let own = base.clone();
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
            .id_prefix(Some(ID_PREFIX))
            .attribute_filter(move |element, attr, value| {
                match attr {
                    // Only the alignment pulldown-cmark writes for table columns.
                    "style" => [
                        "text-align: left",
                        "text-align: center",
                        "text-align: right",
                    ]
                    .contains(&value)
                    .then(|| value.into()),
                    "href" | "src" => address(&own, element, value),
                    _ => Some(value.into()),
                }
            })
            .url_schemes(
                ["http", "https", "mailto"]
                    .into_iter()
                    .collect::<HashSet<_>>(),
            )
            .link_rel(Some("noopener noreferrer"));
        Markdown { base, sanitizer: b }
    }

    /// Markdown to sanitised HTML, with an id on every heading.
    pub fn to_html(&self, markdown: &str) -> String {
        let events = anchored(Parser::new_ext(markdown, options()).collect());
        let plain = events.iter().all(plainly_safe);
        if !plain && walk(events.iter().map(|e| (e, 0))).too_deep.is_some() {
            // Checking refuses such a story; should one get here, it is shown as text,
            // in linear time, rather than handed to the sanitiser's tree builder.
            return format!("<pre>{}</pre>", super::theme::escape(markdown));
        }
        let mut raw = String::with_capacity(markdown.len() * 3 / 2);
        html::push_html(&mut raw, events.into_iter());
        if plain {
            self.plain(&raw)
        } else {
            self.sanitizer.clean(&raw).to_string()
        }
    }

    /// What the sanitiser would make of HTML written from Markdown without HTML of its
    /// own: `rel="noopener noreferrer"` on every link and the addresses of [`address`].
    /// There, `<a href="` only ever opens a link, its tag ends at the first `>`
    /// (attribute values have theirs escaped), and ids are the headings' own.
    fn plain(&self, html: &str) -> String {
        const OPEN: &str = "<a href=\"";
        let mut out = String::with_capacity(html.len() + 64);
        let mut rest = html;
        while let Some(at) = rest.find(OPEN) {
            let start = at + OPEN.len();
            let (Some(quote), Some(end)) = (rest[start..].find('"'), rest[at..].find('>')) else {
                break;
            };
            out.push_str(&rest[..start]);
            // The address is escaped already: only what `address` adds is escaped here.
            let href = &rest[start..start + quote];
            match (href.strip_prefix('#'), href.strip_prefix('/')) {
                (Some(frag), _) if !frag.is_empty() && !frag.starts_with(ID_PREFIX) => {
                    out.push('#');
                    out.push_str(ID_PREFIX);
                    out.push_str(frag);
                }
                (_, Some(path)) if !path.starts_with(['/', '\\']) => {
                    out.push_str(&attribute(&self.base));
                    out.push_str(path);
                }
                _ => out.push_str(href),
            }
            out.push_str(&rest[start + quote..at + end]);
            out.push_str(" rel=\"noopener noreferrer\">");
            rest = &rest[at + end + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// An address put into an attribute as the sanitiser's serialiser writes it.
fn attribute(s: &str) -> Cow<'_, str> {
    if !s.contains(['&', '"', '\u{a0}']) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('\u{a0}', "&nbsp;"),
    )
}

/// The events with headings demoted and given unique, prefixed ids, and footnote labels
/// set apart from them (`fn-…`).
fn anchored(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let label = |l: &CowStr| CowStr::from(format!("fn-{l}"));
    let mut used: HashMap<String, usize> = HashMap::new();
    for e in &events {
        if let Event::FootnoteReference(l) | Event::Start(Tag::FootnoteDefinition(l)) = e {
            used.insert(format!("fn-{l}"), 1);
        }
    }
    let mut out = Vec::with_capacity(events.len());
    for (i, event) in events.iter().enumerate() {
        out.push(match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let mut text = String::new();
                for e in events[i + 1..]
                    .iter()
                    .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
                {
                    if let Event::Text(t) | Event::Code(t) = e {
                        text.push_str(t);
                    }
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
                Event::Start(Tag::Heading {
                    level: demote(*level),
                    id: Some(CowStr::from(format!("{ID_PREFIX}{unique}"))),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                })
            }
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(*level))),
            Event::FootnoteReference(l) => Event::FootnoteReference(label(l)),
            Event::Start(Tag::FootnoteDefinition(l)) => {
                Event::Start(Tag::FootnoteDefinition(label(l)))
            }
            other => other.clone(),
        });
    }
    out
}

/// Whether pulldown-cmark writes this event exactly as ammonia would give it back (but
/// for what [`Markdown::plain`] adds): no HTML of the author's, no attribute ammonia
/// would drop, no address with a scheme it refuses, no character it would write
/// otherwise. Most stories are made of nothing else, and skip the sanitiser's parse of
/// the whole page (the test `the_plain_way_writes_what_ammonia_would` holds the two to
/// each other).
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
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
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

#[cfg(test)]
mod tests;
