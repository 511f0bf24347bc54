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

/// Whether byte `x` may start a forbidden character: an ASCII control but tab and line
/// breaks, DEL, or the lead byte of C1 (`C2`), of `U+Fxxx` (`EF`) or of a four-byte
/// character (`F0`–`F4`).
fn may_start(x: u8) -> bool {
    (x < 0x20 && !matches!(x, b'\t' | b'\n' | b'\r'))
        | (x == 0x7F)
        | (x == 0xC2)
        | (x == 0xEF)
        | (x >= 0xF0)
}

/// The byte offset and the character of the first forbidden character of `s`. Read
/// in UTF-8 without decoding, 32 bytes at a time (a test the compiler vectorises); only
/// a block that holds a byte that may start one is looked at closely: an ASCII control,
/// C1 (`C2 80`–`C2 9F`), and the noncharacters `EF B7 90`–`EF B7 AF`, `EF BF BE`/`BF`
/// and `F0`–`F4 ?F BF BE`/`BF`.
pub fn first_forbidden(s: &str) -> Option<(usize, char)> {
    const BLOCK: usize = 32;
    let b = s.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    for (n, block) in b.chunks(BLOCK).enumerate() {
        if !block.iter().fold(false, |any, &x| any | may_start(x)) {
            continue;
        }
        for i in n * BLOCK..n * BLOCK + block.len() {
            let hit = match b[i] {
                0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F => true,
                0xC2 => (0x80..=0x9F).contains(&at(i + 1)),
                0xEF => {
                    (at(i + 1) == 0xB7 && (0x90..=0xAF).contains(&at(i + 2)))
                        || (at(i + 1) == 0xBF && at(i + 2) >= 0xBE)
                }
                0xF0..=0xF4 => at(i + 1) & 0x0F == 0x0F && at(i + 2) == 0xBF && at(i + 3) >= 0xBE,
                _ => false,
            };
            if hit {
                return s[i..].chars().next().map(|c| (i, c));
            }
        }
    }
    None
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
        // Across the blocks it is read in, and at their edges.
        let long = format!("{}\u{fffe}", "ễ".repeat(40));
        assert_eq!(first_forbidden(&long), Some((120, '\u{fffe}')));
        let edge = format!("{}\u{85}", "a".repeat(31));
        assert_eq!(first_forbidden(&edge), Some((31, '\u{85}')));
    }

    #[test]
    fn escaping_for_a_terminal() {
        assert_eq!(escape("Hà Nội"), "Hà Nội");
        assert_eq!(escape("a\u{1b}[2Jb\nc"), "a\\u{1b}[2Jb\\u{a}c");
        assert!(!escape("\u{9b}31m").chars().any(|c| c.is_control()));
    }
}
