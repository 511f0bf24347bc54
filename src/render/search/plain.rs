//! A story's words as plain text for the search index: the text the page shows, without
//! markup, links' addresses, raw HTML or what the sanitiser removes (scripts, styles).

use pulldown_cmark::{Event, Options, Parser, TagEnd};

/// Markdown to one line of plain text, whitespace collapsed.
pub fn plain_text(markdown: &str) -> String {
    let mut raw = String::with_capacity(markdown.len());
    plain_into(markdown, &mut raw);
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The same text into `raw` (cleared first), whitespace as it comes: what the index
/// reads, without a new string per story.
pub fn plain_into(markdown: &str, raw: &mut String) {
    raw.clear();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    // Inside an inline <script> or <style>: its text never reaches the page.
    let mut hidden = false;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(t) | Event::Code(t) if !hidden => raw.push_str(&t),
            Event::InlineHtml(h) | Event::Html(h) => {
                let h = h.to_ascii_lowercase();
                if h.contains("<script") || h.contains("<style") {
                    hidden = true;
                }
                if h.contains("</script") || h.contains("</style") {
                    hidden = false;
                }
                raw.push(' ');
            }
            Event::SoftBreak | Event::HardBreak | Event::Rule => raw.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition,
            ) => raw.push(' '),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_addresses_go() {
        let text = plain_text(
            "# Mỗi con số\n\nAnh **An** lập [bảng](https://e.vn/x) theo dõi.\n\n- một\n- hai\n\n<div>khối</div>\n\nChữ <script>alert(1)</script> cuối.",
        );
        assert_eq!(
            text,
            "Mỗi con số Anh An lập bảng theo dõi. một hai Chữ cuối."
        );
    }
}
