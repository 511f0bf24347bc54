//! Where things are in a file: byte spans in a piece of text that starts at a known line,
//! turned into 1-based lines and the marked source line of a diagnostic.

use crate::diag::{Diagnostic, Msg, Rule, Snippet};

/// A byte range in a [`Doc`]'s text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(range: std::ops::Range<usize>) -> Span {
        Span {
            start: range.start as u32,
            end: range.end as u32,
        }
    }
}

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct At<T> {
    pub value: T,
    pub span: Span,
}

impl<T> At<T> {
    pub fn new(value: T, span: Span) -> At<T> {
        At { value, span }
    }
}

/// A piece of a file (the front-matter, or a whole TOML file) that diagnostics point into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    /// Relative to the site root, with `/`.
    pub file: String,
    pub text: Box<str>,
    /// The file line of the text's first line (1-based).
    pub first_line: u32,
}

impl Doc {
    pub fn new(file: impl Into<String>, text: impl Into<Box<str>>, first_line: u32) -> Doc {
        Doc {
            file: file.into(),
            text: text.into(),
            first_line,
        }
    }

    /// The file line of a byte offset in the text.
    pub fn line_of(&self, offset: u32) -> u32 {
        let end = (offset as usize).min(self.text.len());
        let newlines = self.text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.first_line + newlines as u32
    }

    /// The line holding `span.start`, with the span marked (to the end of that line).
    pub fn snippet(&self, span: Span) -> Option<Snippet> {
        snippet(&self.text, span)
    }

    /// A diagnostic at `span` (or at the doc's first line when `span` is `None`).
    pub fn diag(
        &self,
        rule: Rule,
        span: Option<Span>,
        field: Option<&str>,
        msg: Msg,
    ) -> Diagnostic {
        match span {
            Some(span) => Diagnostic::new(rule, &self.file, self.line_of(span.start), field, msg)
                .with_snippet(self.snippet(span)),
            None => Diagnostic::new(rule, &self.file, 1, field, msg),
        }
    }
}

/// The line of `text` holding `span.start`, with the span marked (to the end of that
/// line); `None` for a blank or very long line.
pub fn snippet(text: &str, span: Span) -> Option<Snippet> {
    let start = (span.start as usize).min(text.len());
    if !text.is_char_boundary(start) {
        return None;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = text[line_start..line_end].trim_end_matches('\r');
    if line.trim().is_empty() || line.len() > 300 {
        return None;
    }
    // A span may start on the line's trailing `\r`, past the trimmed line.
    let end = (span.end as usize).clamp(start, (line_start + line.len()).max(start));
    let end = if text.is_char_boundary(end) {
        end
    } else {
        line_start + line.len()
    };
    let col = text[line_start..start].chars().count();
    let len = text[start..end].chars().count().max(1);
    Some(Snippet {
        text: line.to_string(),
        col,
        len,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_snippets() {
        let doc = Doc::new("a.md", "name = \"Hà\"\nunti = \"x\"\n", 2);
        let at = doc.text.find("unti").expect("present") as u32;
        assert_eq!(doc.line_of(at), 3);
        let s = doc
            .snippet(Span {
                start: at,
                end: at + 4,
            })
            .expect("snippet");
        assert_eq!(
            s,
            Snippet {
                text: "unti = \"x\"".into(),
                col: 0,
                len: 4
            }
        );
        assert_eq!(doc.line_of(0), 2);
    }

    #[test]
    fn a_span_on_a_carriage_return_does_not_panic() {
        // Found by the property test: the error span starts on the `\r`.
        assert!(snippet("=\u{a1}\r", Span { start: 3, end: 4 }).is_some());
        let doc = Doc::new("x.toml", "=\u{a1}\r", 1);
        let _ = crate::content::toml_doc::parse(&doc);
    }
}
