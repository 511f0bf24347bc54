//! Folding for search and comparison: NFC, lowercase, tones dropped, đ as d; and the
//! tone-placement normalisation that lets `hòa` and `hoà` compare equal with their tones.

use unicode_normalization::{
    IsNormalized, UnicodeNormalization, char::is_combining_mark, is_nfc_quick,
};

/// Text as Unicode NFC (a name typed with combining accents becomes the same name as its
/// precomposed twin): returned as it is when it is NFC already.
pub fn nfc_owned(text: String) -> String {
    if plainly_nfc(text.as_bytes()) {
        return text;
    }
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text,
        _ => text.nfc().collect(),
    }
}

/// Whether every character of valid UTF-8 `s` is one that is NFC whatever surrounds it:
/// below U+0300 (ASCII, Latin-1, Latin Extended A and B: ă đ ơ ư), in Latin Extended
/// Additional (U+1E00–U+1EFF: ạ ả ấ … ỹ, most Vietnamese letters with a tone), or the
/// dashes and quotes U+2010–U+203F. A byte scan, several times faster than a check of
/// each character; text with anything else is checked character by character.
fn plainly_nfc(s: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        i += match b {
            0x00..=0x7f => 1,
            0xc2..=0xcb => 2,
            0xe1 if matches!(s.get(i + 1), Some(0xb8..=0xbb)) => 3,
            0xe2 if s.get(i + 1) == Some(&0x80) && matches!(s.get(i + 2), Some(0x90..=0xbf)) => 3,
            _ => return false,
        };
    }
    true
}

/// `Nguyễn Văn An` → `nguyen van an`; `Đường` → `duong`.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The five Vietnamese tone marks, as combining characters (huyền, sắc, ngã, hỏi, nặng).
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// A letter with its marks: the base, the marks that are not tones (ă â ê ô ơ ư), the tone.
struct Letter {
    base: char,
    marks: Vec<char>,
    tone: Option<char>,
}

/// Lowercase NFC with the tone of each word moved to one convention, the "new" placement
/// (`hoà`, `hoè`, `thuỷ`, `quý`), so that words that differ only by where the tone sits
/// compare equal: `Hòa` → `hoà`, `thủy` → `thuỷ`, `qúy` → `quý`; `Hà` stays apart
/// from `hạ` and `ha`. The JavaScript of the search page (themes/default/static/search.js,
/// `toneKey`) does the same, case for case (src/text/fold_cases.tsv).
pub fn tone_key(text: &str) -> String {
    let lower: String = text.nfd().flat_map(char::to_lowercase).collect();
    let mut out = String::with_capacity(lower.len());
    let mut word: Vec<Letter> = Vec::new();
    for c in lower.nfd() {
        if is_combining_mark(c) {
            if let Some(last) = word.last_mut() {
                if TONES.contains(&c) && last.tone.is_none() {
                    last.tone = Some(c);
                } else {
                    last.marks.push(c);
                }
                continue;
            }
            out.push(c);
        } else if c.is_alphabetic() {
            word.push(Letter {
                base: c,
                marks: Vec::new(),
                tone: None,
            });
        } else {
            place_tone(&mut word);
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    place_tone(&mut word);
    flush(&mut word, &mut out);
    out.nfc().collect()
}

fn flush(word: &mut Vec<Letter>, out: &mut String) {
    for l in word.drain(..) {
        out.push(l.base);
        out.extend(l.marks);
        out.extend(l.tone);
    }
}

/// Moves the one tone of a word onto the vowel the new placement gives it; a word with no
/// tone, several, or no vowel is left as it is.
fn place_tone(word: &mut [Letter]) {
    let toned: Vec<usize> = (0..word.len())
        .filter(|&i| word[i].tone.is_some())
        .collect();
    let [from] = toned[..] else { return };
    let vowel = |i: usize| word.get(i).is_some_and(|l| is_vowel(l.base));
    // `qu` and `gi` before a vowel are consonants: quý, già, giữ (but gì).
    let mut start = 0;
    while start < word.len() && !vowel(start) {
        start += 1;
    }
    if start == 1 && word[0].base == 'q' && word[1].base == 'u' && word[1].marks.is_empty() {
        start = 2;
    }
    if start == 1 && word[0].base == 'g' && word[1].base == 'i' && vowel(2) {
        start = 2;
    }
    let mut end = start;
    while vowel(end) {
        end += 1;
    }
    if start == end {
        return;
    }
    let nucleus: Vec<usize> = (start..end).collect();
    let marked = nucleus.iter().rev().find(|&&i| !word[i].marks.is_empty());
    let to = if let Some(&i) = marked {
        i
    } else if nucleus.len() == 1 || end < word.len() {
        end - 1
    } else if nucleus.len() >= 3 {
        start + 1
    } else {
        match (word[start].base, word[start + 1].base) {
            ('o', 'a') | ('o', 'e') | ('u', 'y') => start + 1,
            _ => start,
        }
    };
    if to != from {
        word[to].tone = word[from].tone.take();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plain_characters_are_nfc_in_any_company() {
        let ranges = [
            '\u{0}'..='\u{2ff}',
            '\u{1e00}'..='\u{1eff}',
            '\u{2010}'..='\u{203f}',
        ];
        for c in ranges.into_iter().flatten() {
            let mut buf = [0; 4];
            assert!(plainly_nfc(c.encode_utf8(&mut buf).as_bytes()), "{c:?}");
            // NFC on its own, and never combining with what comes before it.
            assert_eq!(is_nfc_quick([c].into_iter()), IsNormalized::Yes, "{c:?}");
            assert_eq!(unicode_normalization::char::canonical_combining_class(c), 0);
            assert_eq!(
                is_nfc_quick(['a', c].into_iter()),
                IsNormalized::Yes,
                "{c:?}"
            );
        }
        for other in ["\u{300}", "a\u{301}", "\u{2000}", "Ω", "\u{2126}", "한"] {
            assert!(!plainly_nfc(other.as_bytes()), "{other:?}");
        }
        assert!(plainly_nfc("Nguyễn Thị Hồng Nhung – “Đường”".as_bytes()));
        let nfd = "Nguye\u{302}\u{303}n";
        assert_eq!(nfc_owned(nfd.to_string()), "Nguyễn");
    }

    #[test]
    fn folds_tones_and_d() {
        assert_eq!(fold("Nguyễn Văn An"), "nguyen van an");
        assert_eq!(fold("Đặng Thị Đường"), "dang thi duong");
        assert_eq!(fold("Phòng Quản lý xây dựng"), "phong quan ly xay dung");
    }

    #[test]
    fn nfd_input_equals_nfc() {
        let nfd: String = "Nguyễn".nfd().collect();
        assert_ne!(nfd, "Nguyễn");
        assert_eq!(nfc_owned(nfd.clone()), "Nguyễn");
        assert_eq!(fold(&nfd), "nguyen");
    }

    #[test]
    fn tone_placement_has_one_convention() {
        for (a, b) in [
            ("hòa", "hoà"),
            ("Hóa", "hoá"),
            ("thủy", "thuỷ"),
            ("hòe", "hoè"),
            ("qúy", "quý"),
            ("gìa", "già"),
            ("Thụy", "thuỵ"),
        ] {
            assert_eq!(tone_key(a), b, "{a}");
            assert_eq!(tone_key(b), b, "{b}");
        }
        // Tones and vowel marks stay: these are different words.
        assert_ne!(tone_key("Hà"), tone_key("Hạ"));
        assert_ne!(tone_key("Hà"), tone_key("Ha"));
        assert_eq!(tone_key("Hà"), "hà");
    }

    /// `\u0301` (four hex digits) in the cases file stands for that character, so that
    /// NFD input survives editors that normalise.
    fn unescape(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(at) = rest.find("\\u") {
            out.push_str(&rest[..at]);
            let hex = &rest[at + 2..at + 6];
            out.push(char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap());
            rest = &rest[at + 6..];
        }
        out.push_str(rest);
        out
    }

    /// The cases the search page's JavaScript is tested on too (.ci/gates/search.mjs).
    #[test]
    fn shared_cases() {
        let cases = include_str!("fold_cases.tsv");
        let mut n = 0;
        for line in cases
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let cols: Vec<&str> = line.split('\t').collect();
            let [input, folded, key] = cols[..] else {
                panic!("fold_cases.tsv: three columns wanted: {line:?}");
            };
            let input = unescape(input);
            assert_eq!(fold(&input), folded, "fold({input:?})");
            assert_eq!(tone_key(&input), key, "tone_key({input:?})");
            assert_eq!(tone_key(key), key, "tone_key is stable on {key:?}");
            n += 1;
        }
        assert!(n >= 20, "only {n} cases");
    }
}
