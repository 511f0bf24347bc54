//! The consent register of `check --consent`, for the Council's standing body: who agreed
//! to their photo being published and since when, who withdrew it (and their story) and
//! when, and which photos sit beside a profile without consent. In words (Vietnamese or
//! English) or as a JSON array. The entries come from `facts::consent::register`.

use std::fmt::Write as _;

use serde::Serialize;

use super::Lang;
use crate::content::model::Site;
use crate::facts::consent::{Consent, Entry, photo_allowed, register};
use crate::text::date::Date;

/// The groups of the register, in the order it prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Withdrawn,
    NoConsent,
    Unclear,
    Given,
}

const GROUPS: [Group; 4] = [
    Group::Withdrawn,
    Group::NoConsent,
    Group::Unclear,
    Group::Given,
];

fn group(e: &Entry) -> Group {
    match e.consent {
        Consent::Withdrawn { .. } => Group::Withdrawn,
        Consent::Given { .. } | Consent::Undated => Group::Given,
        Consent::Unclear => Group::Unclear,
        Consent::None => Group::NoConsent,
    }
}

fn heading(g: Group, n: usize, lang: Lang) -> String {
    match (g, lang) {
        (Group::Withdrawn, Lang::Vi) => format!("Đã rút đồng ý ({n})"),
        (Group::Withdrawn, Lang::En) => format!("Consent withdrawn ({n})"),
        (Group::NoConsent, Lang::Vi) => format!("Có ảnh nhưng chưa có đồng ý ({n})"),
        (Group::NoConsent, Lang::En) => format!("Photo without consent ({n})"),
        (Group::Unclear, Lang::Vi) => format!("Ghi chép đồng ý cần sửa ({n})"),
        (Group::Unclear, Lang::En) => format!("Consent records to correct ({n})"),
        (Group::Given, Lang::Vi) => format!("Đã đồng ý đăng ảnh ({n})"),
        (Group::Given, Lang::En) => format!("Consent given ({n})"),
    }
}

/// What the register says of one entry, after the name.
fn state(e: &Entry, lang: Lang) -> String {
    let photo = match (e.photo, lang) {
        (true, Lang::Vi) => "có ảnh",
        (true, Lang::En) => "photo present",
        (false, Lang::Vi) => "chưa có ảnh",
        (false, Lang::En) => "no photo",
    };
    let given = |d: Option<Date>| match (d, lang) {
        (Some(d), Lang::Vi) => format!("đồng ý ngày {}", d.dmy()),
        (Some(d), Lang::En) => format!("agreed on {}", d.dmy()),
        (None, _) => String::new(),
    };
    let what = match (e.consent, lang) {
        (Consent::Given { since }, Lang::Vi) => format!("đồng ý đăng ảnh từ ngày {}", since.dmy()),
        (Consent::Given { since }, Lang::En) => {
            format!("agreed to the photo since {}", since.dmy())
        }
        (Consent::Undated, Lang::Vi) => {
            "đồng ý đăng ảnh, không ghi ngày (photo_consent = true)".into()
        }
        (Consent::Undated, Lang::En) => {
            "agreed to the photo, no date (photo_consent = true)".into()
        }
        (
            Consent::Withdrawn {
                given: g,
                on,
                story,
            },
            Lang::Vi,
        ) => format!(
            "{}{}rút đồng ý ngày {}{}",
            given(g),
            if g.is_some() { ", " } else { "" },
            on.dmy(),
            if story {
                ", gỡ cả câu chuyện"
            } else {
                ""
            }
        ),
        (
            Consent::Withdrawn {
                given: g,
                on,
                story,
            },
            Lang::En,
        ) => format!(
            "{}{}withdrew on {}{}",
            given(g),
            if g.is_some() { ", " } else { "" },
            on.dmy(),
            if story { ", story taken down too" } else { "" }
        ),
        (Consent::Unclear, Lang::Vi) => {
            "ghi cả hai cách, hoặc [consent] trống: xem `bangvang check`".into()
        }
        (Consent::Unclear, Lang::En) => {
            "both forms, or an empty [consent]: see `bangvang check`".into()
        }
        (Consent::None, Lang::Vi) => "ảnh không được đăng".into(),
        (Consent::None, Lang::En) => "the photo is not published".into(),
    };
    format!("{photo}; {what}")
}

/// The register in words.
pub fn human(site: &Site, lang: Lang) -> String {
    let entries = register(site);
    let mut s = String::new();
    let _ = match lang {
        Lang::Vi => writeln!(
            s,
            "Sổ theo dõi đồng ý đăng ảnh và câu chuyện (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15): {} hồ sơ",
            entries.len()
        ),
        Lang::En => writeln!(
            s,
            "Register of consent to photos and stories (Law 91/2025/QH15 on personal data protection): {} profiles",
            entries.len()
        ),
    };
    for g in GROUPS {
        let list: Vec<&Entry> = entries.iter().filter(|e| group(e) == g).collect();
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(s, "\n{}", heading(g, list.len(), lang));
        for e in list {
            let p = &site.profiles[e.profile];
            let unit = p
                .unit_id()
                .map(|id| site.unit(id).map_or(id, |u| u.name.as_str()))
                .unwrap_or_default();
            let _ = writeln!(s, "  {}  {} ({unit}): {}", p.year, p.name(), state(e, lang));
            let _ = writeln!(s, "        {}", p.file());
        }
    }
    s
}

/// One entry as JSON.
#[derive(Serialize)]
struct Row<'a> {
    year: u16,
    name: &'a str,
    unit: &'a str,
    file: &'a str,
    photo: bool,
    /// "given", "undated", "withdrawn", "unclear" or "none".
    consent: &'static str,
    given: Option<String>,
    withdrawn: Option<String>,
    story_withdrawn: bool,
    /// Whether its consent lets the photo be published (when the profile is).
    photo_allowed: bool,
}

/// The register as a JSON array, one object per entry.
pub fn json(site: &Site) -> String {
    let rows: Vec<Row> = register(site)
        .iter()
        .map(|e| {
            let p = &site.profiles[e.profile];
            let (consent, given, withdrawn, story) = match e.consent {
                Consent::Given { since } => ("given", Some(since), None, false),
                Consent::Undated => ("undated", None, None, false),
                Consent::Withdrawn { given, on, story } => ("withdrawn", given, Some(on), story),
                Consent::Unclear => ("unclear", None, None, false),
                Consent::None => ("none", None, None, false),
            };
            Row {
                year: p.year,
                name: p.name(),
                unit: p.unit_id().unwrap_or_default(),
                file: p.file(),
                photo: e.photo,
                consent,
                given: given.map(|d| d.iso()),
                withdrawn: withdrawn.map(|d| d.iso()),
                story_withdrawn: story,
                photo_allowed: photo_allowed(p),
            }
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".into());
    text.push('\n');
    text
}
