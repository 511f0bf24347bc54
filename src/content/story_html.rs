//! A story's events walked once, in linear time: the addresses its raw HTML uses
//! (`<img src>`, `<a href>`, read by html5ever's tokenizer, the one the sanitiser uses)
//! and how deep its elements nest, Markdown and HTML together. The sanitiser's tree
//! builder looks through the open elements on every tag, so a story nested 200,000 deep
//! costs it minutes; past [`MAX_DEPTH`] a story is refused instead (`syntax`), which
//! bounds that cost to a constant per tag.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
};
use pulldown_cmark::{Event, Tag, TagEnd};

/// The deepest a story's elements may nest (real stories stay under a dozen).
pub const MAX_DEPTH: usize = 100;

/// An address raw HTML uses, and the byte offset in the story of the fragment it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRef {
    pub image: bool,
    pub url: String,
    pub offset: usize,
}

/// What the walk found.
#[derive(Debug, Default)]
pub struct Walk {
    pub raw_refs: Vec<RawRef>,
    /// The byte offset where nesting first went past [`MAX_DEPTH`].
    pub too_deep: Option<usize>,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Whether opening `new` ends the open element `open` (HTML's implied end tags:
/// `<li>` after `<li>`, `<tr>` after a cell, a block after `<p>`).
fn closes(open: &str, new: &str) -> bool {
    match new {
        "td" | "th" => matches!(open, "td" | "th"),
        "tr" => matches!(open, "tr" | "td" | "th"),
        "thead" | "tbody" | "tfoot" => {
            matches!(open, "thead" | "tbody" | "tfoot" | "tr" | "td" | "th")
        }
        "option" => open == "option",
        "optgroup" => matches!(open, "option" | "optgroup"),
        "rb" | "rt" | "rp" | "rtc" => matches!(open, "rb" | "rt" | "rp" | "rtc"),
        "li" => matches!(open, "li" | "p"),
        "dt" | "dd" => matches!(open, "dt" | "dd" | "p"),
        n => open == "p" && (n == "p" || is_block(n)),
    }
}

fn is_block(n: &str) -> bool {
    matches!(
        n,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "details"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "pre"
            | "section"
            | "table"
            | "ul"
    )
}

/// The tokenizer's sink: the open raw elements (never more than one past the limit), the
/// addresses, and the offset of the fragment being fed.
#[derive(Default)]
struct Sink {
    state: RefCell<SinkState>,
}

#[derive(Default)]
struct SinkState {
    open: Vec<String>,
    refs: Vec<RawRef>,
    offset: usize,
    markdown_depth: usize,
    too_deep: Option<usize>,
}

impl SinkState {
    fn check_depth(&mut self) {
        if self.too_deep.is_none() && self.markdown_depth + self.open.len() > MAX_DEPTH {
            self.too_deep = Some(self.offset);
        }
    }
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        let mut st = self.state.borrow_mut();
        let name: &str = &tag.name;
        let attr = |want: &str| -> Option<StrTendril> {
            tag.attrs
                .iter()
                .find(|a| &*a.name.local == want)
                .map(|a| a.value.clone())
        };
        match tag.kind {
            TagKind::StartTag => {
                let (image, url) = match name {
                    "img" => (true, attr("src")),
                    "a" => (false, attr("href")),
                    _ => (false, None),
                };
                if let Some(url) = url {
                    let offset = st.offset;
                    st.refs.push(RawRef {
                        image,
                        url: url.to_string(),
                        offset,
                    });
                }
                // Past the limit there is nothing more to measure.
                if !tag.self_closing && !VOID.contains(&name) && st.too_deep.is_none() {
                    while st.open.last().is_some_and(|open| closes(open, name)) {
                        st.open.pop();
                    }
                    st.open.push(name.to_string());
                    st.check_depth();
                }
                // The tree builder reads these elements' content as text: so does this.
                match name {
                    "script" => return TokenSinkResult::RawData(RawKind::ScriptData),
                    "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                        return TokenSinkResult::RawData(RawKind::Rawtext);
                    }
                    "textarea" | "title" => return TokenSinkResult::RawData(RawKind::Rcdata),
                    "plaintext" => return TokenSinkResult::Plaintext,
                    _ => {}
                }
            }
            TagKind::EndTag if st.too_deep.is_none() => {
                if let Some(at) = st.open.iter().rposition(|open| open == name) {
                    st.open.truncate(at);
                }
            }
            TagKind::EndTag => {}
        }
        TokenSinkResult::Continue
    }
}

/// Walks a story's events (with their byte ranges in the story).
pub fn walk<'e>(events: impl IntoIterator<Item = (&'e Event<'e>, usize)>) -> Walk {
    let tokenizer = Tokenizer::new(Sink::default(), Default::default());
    let input = BufferQueue::default();
    for (event, offset) in events {
        let mut st = tokenizer.sink.state.borrow_mut();
        st.offset = offset;
        match event {
            Event::Start(tag) if !matches!(tag, Tag::HtmlBlock) => {
                st.markdown_depth += 1;
                st.check_depth();
            }
            Event::End(end) if !matches!(end, TagEnd::HtmlBlock) => {
                st.markdown_depth = st.markdown_depth.saturating_sub(1);
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                drop(st);
                input.push_back(StrTendril::from_slice(html));
                let _ = tokenizer.feed(&input);
            }
            _ => {}
        }
    }
    tokenizer.end();
    let st = tokenizer.sink.state.take();
    Walk {
        raw_refs: st.refs,
        too_deep: st.too_deep,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    fn walked(md: &str) -> Walk {
        let events: Vec<(Event, usize)> = Parser::new(md)
            .into_offset_iter()
            .map(|(e, r)| (e, r.start))
            .collect();
        walk(events.iter().map(|(e, o)| (e, *o)))
    }

    #[test]
    fn raw_html_addresses() {
        let w = walked(
            "Xem <a href=\"/2024/an/\">anh An</a>.\n\n<div>\n<img\n  src=\"so-do.png\" alt=\"\">\n</div>\n\n<script>var s = '<img src=x>';</script>\n",
        );
        let got: Vec<(bool, &str)> = w
            .raw_refs
            .iter()
            .map(|r| (r.image, r.url.as_str()))
            .collect();
        assert_eq!(got, vec![(false, "/2024/an/"), (true, "so-do.png")]);
        assert_eq!(w.too_deep, None);
    }

    #[test]
    fn nesting_is_measured_markdown_and_html_together() {
        let deep = format!(
            "{}x{}",
            "<div>".repeat(MAX_DEPTH + 5),
            "</div>".repeat(MAX_DEPTH + 5)
        );
        assert!(walked(&deep).too_deep.is_some());
        let quotes = format!("{} x", ">".repeat(MAX_DEPTH + 5));
        assert!(walked(&quotes).too_deep.is_some());
        let fine = format!("{}x{}", "<div>".repeat(20), "</div>".repeat(20));
        assert_eq!(walked(&fine).too_deep, None);
        // Elements that close their siblings do not pile up.
        let table = format!("<table>{}</table>", "<tr><td>a<td>b".repeat(500));
        assert_eq!(walked(&table).too_deep, None);
        let list = format!("<ul>{}</ul>", "<li>a".repeat(500));
        assert_eq!(walked(&list).too_deep, None);
        let paragraphs = "<p>a".repeat(500);
        assert_eq!(walked(&paragraphs).too_deep, None);
    }
}
