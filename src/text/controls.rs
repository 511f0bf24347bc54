//! Characters no page can carry: control characters (but tab and line breaks) and
//! Unicode noncharacters. They make `atom.xml` invalid XML and HTML a parse error, and in
//! a terminal a pasted escape sequence can rewrite what the writer sees; so text is
//! checked for them, and every report escapes them before printing.

use std::borrow::Cow;

/// A C0 or C1 control character other than tab, line feed and carriage return, DEL, or a
/// noncharacter (U+FDD0–U+FDEF and the last two of every plane).
pub fn forbidden(c: char) -> bool {
    let n = c as u32;
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || (0xFDD0..=0xFDEF).contains(&n)
        || n & 0xFFFE == 0xFFFE
}

/// The byte offset and the character of the first forbidden character of `s`.
pub fn first_forbidden(s: &str) -> Option<(usize, char)> {
    // Most text is free of them: only bytes that can start one need a closer look
    // (ASCII controls, C1 in UTF-8 `C2 80`–`C2 9F`, noncharacters in `EF B7` / `EF BF`
    // and in the four-byte planes).
    let suspicious = s.bytes().any(|b| {
        b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')
            || matches!(b, 0x7F | 0xC2 | 0xEF | 0xF0..=0xF4)
    });
    if !suspicious {
        return None;
    }
    s.char_indices().find(|&(_, c)| forbidden(c))
}

/// `s` with every control character (line breaks included) and noncharacter written as
/// `\u{1b}`, for printing into a terminal.
pub fn escape(s: &str) -> Cow<'_, str> {
    let needs = |c: char| forbidden(c) || c == '\n' || c == '\r';
    if !s.chars().any(needs) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_forbidden() {
        for c in [
            '\u{0}',
            '\u{7}',
            '\u{1b}',
            '\u{7f}',
            '\u{85}',
            '\u{9f}',
            '\u{fdd0}',
            '\u{fffe}',
            '\u{ffff}',
            '\u{1fffe}',
            '\u{10ffff}',
        ] {
            assert!(forbidden(c), "{:x}", c as u32);
            assert!(
                first_forbidden(&format!("Lê {c}An")).is_some(),
                "{:x}",
                c as u32
            );
        }
        for c in [
            '\t', '\n', '\r', 'a', 'ễ', '\u{a0}', '\u{fffd}', '\u{feff}', '😀',
        ] {
            assert!(!forbidden(c), "{:x}", c as u32);
        }
        assert_eq!(first_forbidden("Nguyễn Thị Hạnh"), None);
        assert_eq!(first_forbidden("a\u{1b}[31m"), Some((1, '\u{1b}')));
    }

    #[test]
    fn escaping_for_a_terminal() {
        assert_eq!(escape("Hà Nội"), "Hà Nội");
        assert_eq!(escape("a\u{1b}[2Jb\nc"), "a\\u{1b}[2Jb\\u{a}c");
        assert!(!escape("\u{9b}31m").chars().any(|c| c.is_control()));
    }
}
