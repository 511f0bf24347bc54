//! Text that looks like personal data: a national ID number (CMND, CCCD), a phone
//! number, an e-mail address. A scan of plain text, used on front-matter and stories by
//! the `privacy` rule (check::privacy) and on a story while it is in memory (content::story).

use std::sync::OnceLock;

use regex::Regex;

use crate::diag::Msg;

struct Patterns {
    id: Regex,
    phone: Regex,
    email: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        // CMND (9 digits) and CCCD (12 digits), standing alone.
        id: Regex::new(r"(?-u:\b)(?:[0-9]{12}|[0-9]{9})(?-u:\b)").expect("valid regex"),
        // 0xx… or +84…, ten or eleven digits, optionally grouped by spaces, dots or dashes.
        phone: Regex::new(r"(?:\+84[ .-]?|(?-u:\b)0)[0-9](?:[ .-]?[0-9]){8,9}(?-u:\b)")
            .expect("valid regex"),
        email: Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
            .expect("valid regex"),
    })
}

/// Every match in `text`: its byte range and the message for it.
pub fn findings(text: &str) -> Vec<(std::ops::Range<usize>, Msg)> {
    let p = patterns();
    let mut out: Vec<(std::ops::Range<usize>, Msg)> = Vec::new();
    // Most text has neither an @ nor nine digits in a row: skip the patterns then.
    if !text.contains('@') && longest_digit_run(text) < 9 {
        return out;
    }
    for m in p.email.find_iter(text) {
        out.push((
            m.range(),
            Msg::LooksLikeEmail {
                text: m.as_str().into(),
            },
        ));
    }
    for m in p.id.find_iter(text) {
        out.push((
            m.range(),
            Msg::LooksLikeIdNumber {
                text: m.as_str().into(),
            },
        ));
    }
    for m in p.phone.find_iter(text) {
        let overlaps = out
            .iter()
            .any(|(r, _)| r.start < m.end() && m.start() < r.end);
        if !overlaps {
            out.push((
                m.range(),
                Msg::LooksLikePhone {
                    text: m.as_str().into(),
                },
            ));
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// The longest run of digits, counting through single spaces, dots and dashes.
fn longest_digit_run(text: &str) -> usize {
    let (mut best, mut run, mut gap) = (0, 0, false);
    for b in text.bytes() {
        if b.is_ascii_digit() {
            run += 1;
            gap = false;
            best = best.max(run);
        } else if matches!(b, b' ' | b'.' | b'-') && run > 0 && !gap {
            gap = true;
        } else {
            run = 0;
            gap = false;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<&'static str> {
        findings(text)
            .into_iter()
            .map(|(_, m)| match m {
                Msg::LooksLikeEmail { .. } => "email",
                Msg::LooksLikeIdNumber { .. } => "id",
                Msg::LooksLikePhone { .. } => "phone",
                _ => "other",
            })
            .collect()
    }

    #[test]
    fn finds_personal_data() {
        assert_eq!(kinds("CCCD 079201001234 cấp năm"), ["id"]);
        assert_eq!(kinds("gọi 0912 345 678 nhé"), ["phone"]);
        assert_eq!(kinds("gọi 0912345678"), ["phone"]);
        assert_eq!(kinds("+84 912 345 678"), ["phone"]);
        assert_eq!(kinds("viết cho an.nguyen@soxd.example.vn"), ["email"]);
    }

    #[test]
    fn ignores_ordinary_numbers() {
        assert!(
            kinds("Quyết định 1456/QĐ-SXD ngày 16/12/2024, 1.234.567.890 đồng, 2024-11-20")
                .is_empty()
        );
        assert!(kinds("số hoá 12.500 hồ sơ, 98,5%").is_empty());
    }
}
