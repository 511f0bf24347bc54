//! Parsing TOML into a spanned tree, guarded against hostile input (huge or deeply
//! nested documents), with parse errors turned into `syntax` diagnostics in the writer's
//! words (`toml_error`).

use toml::Spanned;
use toml::de::DeTable;

use super::source::{Doc, Span};
use super::toml_error::explain;
use crate::diag::{Diagnostic, Msg, Rule};

/// Deeper nesting than this is refused before the parser sees it.
pub const MAX_DEPTH: usize = 32;
/// A front-matter or a TOML file larger than this is refused.
pub const MAX_BYTES: usize = 1024 * 1024;

/// Parses `doc.text` as TOML, or says why it cannot.
pub fn parse(doc: &Doc) -> Result<Spanned<DeTable<'_>>, Diagnostic> {
    let text: &str = &doc.text;
    if text.len() > MAX_BYTES {
        return Err(doc.diag(
            Rule::Syntax,
            None,
            None,
            Msg::TooLarge {
                limit_kb: MAX_BYTES / 1024,
            },
        ));
    }
    if let Some(at) = too_deep(text, MAX_DEPTH) {
        let span = Span {
            start: at as u32,
            end: at as u32 + 1,
        };
        return Err(doc.diag(
            Rule::Syntax,
            Some(span),
            None,
            Msg::TooDeep { limit: MAX_DEPTH },
        ));
    }
    DeTable::parse(text).map_err(|e| {
        let span = e.span().map(Span::new);
        let msg = Msg::Toml(explain(e.message(), text, e.span()));
        let mut d = doc.diag(Rule::Syntax, span, None, msg);
        if span.is_none() {
            d.line = doc.first_line;
        }
        d
    })
}

/// The byte offset where bracket nesting first exceeds `limit`, skipping strings and
/// comments; `None` when the text stays within it.
fn too_deep(text: &str, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            q @ (b'"' | b'\'') => {
                let triple = bytes[i..].starts_with(if q == b'"' { b"\"\"\"" } else { b"'''" });
                i += if triple { 3 } else { 1 };
                while i < bytes.len() {
                    if q == b'"' && bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if triple {
                        if bytes[i..].starts_with(if q == b'"' { b"\"\"\"" } else { b"'''" }) {
                            i += 2;
                            break;
                        }
                    } else if bytes[i] == q || bytes[i] == b'\n' {
                        break;
                    }
                    i += 1;
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_bounded() {
        let bomb = format!("a = {}1{}", "[".repeat(100_000), "]".repeat(100_000));
        let doc = Doc::new("x.toml", bomb, 1);
        let err = parse(&doc).expect_err("too deep");
        assert_eq!(err.rule, Rule::Syntax);
        assert!(matches!(err.msg, Msg::TooDeep { .. }));
    }

    #[test]
    fn brackets_in_strings_do_not_count() {
        let text = format!(
            "a = \"{}\"\nb = '''{}'''\n# {}\n",
            "[".repeat(99),
            "{".repeat(99),
            "[".repeat(99)
        );
        assert_eq!(too_deep(&text, 4), None);
        assert!(parse(&Doc::new("x.toml", text, 1)).is_ok());
    }

    #[test]
    fn syntax_errors_have_lines() {
        let doc = Doc::new("x.md", "name = \"A\"\nunit = \n", 2);
        let err = parse(&doc).expect_err("invalid");
        assert_eq!(err.rule, Rule::Syntax);
        assert_eq!(err.line, 3);
    }
}
