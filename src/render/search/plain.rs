//! A story's words as plain text for the search index: the text the page shows, without
//! markup, links' addresses, raw HTML or what the sanitiser removes (scripts, styles).

use pulldown_cmark::{Event, Options, Parser, TagEnd};

/// Markdown to one line of plain text, whitespace collapsed.
pub fn plain_text(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut raw = String::with_capacity(markdown.len());
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
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
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
