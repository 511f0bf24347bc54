//! A cell's words read as what the profile needs: a kind (`Tập thể`, `Lãnh đạo`,
//! `Cá nhân`, or its id), a unit and movements (by id, or by name with tones and case
//! left aside, the nearest name suggested when none matches).

use super::columns::header_words;
use crate::content::model::{Kind, Movement, Unit};
use crate::diag::catalogue::import::Named;
use crate::facts::units::in_being_in;
use crate::text::slug::slugify;

/// The kind a cell names: its id, or Vietnamese words for it.
pub fn kind(text: &str) -> Option<Kind> {
    if let Some(k) = Kind::parse(text.trim()) {
        return Some(k);
    }
    let words = format!(" {} ", header_words(text));
    let has = |w: &str| words.contains(&format!(" {w} "));
    if has("tap the") {
        Some(Kind::Collective)
    } else if has("lanh dao") || has("quan ly") {
        Some(Kind::Leader)
    } else if [
        "ca nhan",
        "cong chuc",
        "vien chuc",
        "nguoi lao dong",
        "nhan vien",
    ]
    .iter()
    .any(|w| has(w))
    {
        Some(Kind::Staff)
    } else {
        None
    }
}

/// What a name matched among units or movements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match<'a> {
    Found(&'a str),
    Ambiguous(Vec<String>),
    Unknown(Option<Named>),
}

/// How alike two folded names are, 0 to 1; a name inside the other counts as close.
fn likeness(a: &str, b: &str) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inside = if a.contains(b) || b.contains(a) {
        0.85
    } else {
        0.0
    };
    strsim::normalized_damerau_levenshtein(a, b).max(inside)
}

/// The best of `items` (id, name, its words to compare) for `words`, if alike enough.
fn nearest<'a>(
    words: &str,
    items: impl Iterator<Item = (&'a str, &'a str, String)>,
) -> Option<Named> {
    items
        .map(|(id, name, key)| (likeness(words, &key).max(likeness(words, id)), id, name))
        .filter(|(score, _, _)| *score >= 0.5)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id, name)| Named {
            name: name.to_string(),
            id: id.to_string(),
        })
}

/// The unit a cell names: its id, or its name (tones, case and punctuation aside); of
/// units that had the same name, the one in being in `year`.
pub fn unit<'a>(units: &'a [Unit], text: &str, year: u16) -> Match<'a> {
    let text = text.trim();
    if let Some(u) = units.iter().find(|u| u.id == text) {
        return Match::Found(&u.id);
    }
    let words = header_words(text);
    let slug = slugify(text);
    let mut same: Vec<&Unit> = units
        .iter()
        .filter(|u| header_words(&u.name) == words)
        .collect();
    if same.len() > 1 && same.iter().any(|u| in_being_in(u, year)) {
        same.retain(|u| in_being_in(u, year));
    }
    match same[..] {
        [u] => return Match::Found(&u.id),
        [_, _, ..] => return Match::Ambiguous(same.iter().map(|u| u.id.clone()).collect()),
        [] => {}
    }
    if let Some(u) = units.iter().find(|u| u.id == slug) {
        return Match::Found(&u.id);
    }
    Match::Unknown(nearest(
        &words,
        units
            .iter()
            .map(|u| (u.id.as_str(), u.name.as_str(), header_words(&u.name))),
    ))
}

/// A movement's name without the words every movement has: `Phong trào thi đua do Sở
/// Xây dựng phát động` → `so xay dung`.
fn movement_core(name: &str) -> String {
    let words = header_words(name);
    let mut w = words.as_str();
    for prefix in ["phong trao ", "thi dua ", "do "] {
        w = w.strip_prefix(prefix).unwrap_or(w);
    }
    w.strip_suffix(" phat dong").unwrap_or(w).to_string()
}

/// The movement a piece of a cell names: its id, its name, or the name's own part
/// (`Sở Xây dựng` for `Phong trào thi đua do Sở Xây dựng phát động`).
pub fn movement<'a>(movements: &'a [Movement], text: &str) -> Match<'a> {
    let text = text.trim();
    if let Some(m) = movements.iter().find(|m| m.id == text) {
        return Match::Found(&m.id);
    }
    let core = movement_core(text);
    let same: Vec<&Movement> = movements
        .iter()
        .filter(|m| movement_core(&m.name) == core || m.id == slugify(text))
        .collect();
    match same[..] {
        [m] => Match::Found(&m.id),
        [_, _, ..] => Match::Ambiguous(same.iter().map(|m| m.id.clone()).collect()),
        [] => Match::Unknown(nearest(
            &core,
            movements
                .iter()
                .map(|m| (m.id.as_str(), m.name.as_str(), movement_core(&m.name))),
        )),
    }
}

/// The pieces of a movements cell: separated by commas, semicolons or new lines.
pub fn pieces(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// Text as one line: every run of white space or control characters one space.
pub fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::UnitType;
    use crate::text::date::Date;

    fn units() -> Vec<Unit> {
        [
            ("van-phong-so", "Văn phòng Sở"),
            ("phong-quan-ly-xay-dung", "Phòng Quản lý xây dựng"),
            (
                "phong-kinh-te-vat-lieu-xay-dung",
                "Phòng Kinh tế - Vật liệu xây dựng",
            ),
        ]
        .into_iter()
        .map(|(id, name)| Unit {
            id: id.into(),
            name: name.into(),
            kind: UnitType::Office,
            description: None,
            from: None,
            until: None,
            successor: None,
        })
        .collect()
    }

    #[test]
    fn kinds_in_words() {
        for (text, want) in [
            ("Tập thể", Kind::Collective),
            ("TẬP THỂ", Kind::Collective),
            ("tap the", Kind::Collective),
            ("Lãnh đạo", Kind::Leader),
            ("Cá nhân lãnh đạo, quản lý", Kind::Leader),
            ("Cá nhân giữ chức vụ lãnh đạo, quản lý", Kind::Leader),
            ("Cá nhân", Kind::Staff),
            ("Công chức, viên chức, người lao động", Kind::Staff),
            ("Người lao động", Kind::Staff),
            ("staff", Kind::Staff),
            ("leader", Kind::Leader),
            ("collective", Kind::Collective),
        ] {
            assert_eq!(kind(text), Some(want), "{text}");
        }
        for text in ["", "Khác", "tập", "Staff member"] {
            assert_eq!(kind(text), None, "{text}");
        }
    }

    #[test]
    fn units_by_id_or_name() {
        let units = units();
        for text in [
            "van-phong-so",
            "Văn phòng Sở",
            "VĂN PHÒNG SỞ",
            "van phong so",
            " Văn  phòng sở ",
        ] {
            assert_eq!(
                unit(&units, text, 2024),
                Match::Found("van-phong-so"),
                "{text}"
            );
        }
        assert_eq!(
            unit(&units, "Phòng Kinh tế – Vật liệu xây dựng", 2024),
            Match::Found("phong-kinh-te-vat-lieu-xay-dung")
        );
        let Match::Unknown(Some(near)) = unit(&units, "Phòng Quản lý xây dưng mới", 2024)
        else {
            panic!("a suggestion")
        };
        assert_eq!(near.id, "phong-quan-ly-xay-dung");
        let Match::Unknown(Some(near)) = unit(&units, "Quản lý xây dựng", 2024) else {
            panic!("a suggestion")
        };
        assert_eq!(near.id, "phong-quan-ly-xay-dung");
        assert_eq!(
            unit(&units, "Sở Tài chính tỉnh Lâm Đồng", 2024),
            Match::Unknown(None)
        );
        // Two units named alike at different times: the one in being that year.
        let mut over_time = units.clone();
        over_time[0].until = Date::new(2024, 12, 31);
        over_time.push(Unit {
            id: "van-phong-so-moi".into(),
            from: Date::new(2025, 1, 1),
            until: None,
            ..over_time[0].clone()
        });
        assert_eq!(
            unit(&over_time, "Văn phòng Sở", 2024),
            Match::Found("van-phong-so")
        );
        assert_eq!(
            unit(&over_time, "Văn phòng Sở", 2025),
            Match::Found("van-phong-so-moi")
        );
    }

    #[test]
    fn movements_by_id_name_or_its_own_part() {
        let ms: Vec<Movement> = [
            ("so-xay-dung", "Phong trào thi đua do Sở Xây dựng phát động"),
            ("ubnd-tinh", "Phong trào thi đua do UBND tỉnh phát động"),
        ]
        .into_iter()
        .map(|(id, name)| Movement {
            id: id.into(),
            name: name.into(),
        })
        .collect();
        for text in [
            "so-xay-dung",
            "Phong trào thi đua do Sở Xây dựng phát động",
            "Sở Xây dựng",
            "so xay dung",
        ] {
            assert_eq!(movement(&ms, text), Match::Found("so-xay-dung"), "{text}");
        }
        let Match::Unknown(Some(near)) = movement(&ms, "UBND tinh Binh Phuoc") else {
            panic!("a suggestion")
        };
        assert_eq!(near.id, "ubnd-tinh");
        assert_eq!(
            pieces("Sở Xây dựng; UBND tỉnh,\n").collect::<Vec<_>>(),
            ["Sở Xây dựng", "UBND tỉnh"]
        );
    }

    #[test]
    fn text_on_one_line() {
        assert_eq!(
            one_line("  Số hoá\n hồ sơ\t\u{7}lưu trữ "),
            "Số hoá hồ sơ lưu trữ"
        );
    }
}
