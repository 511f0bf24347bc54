//! The agency as its documents name it on the day they speak for: today's from the
//! `[documents]` table of site.toml, an earlier one from `[[organisation_history]]`
//! (`facts::organisation`); and for each key neither gives, what the name itself gives
//! (`Sở Xây dựng tỉnh Bình Phước`: the place `Bình Phước`, the parent `UBND TỈNH BÌNH
//! PHƯỚC`, the header's `SỞ XÂY DỰNG`, the symbol `SXD`).

use crate::content::model::{DocumentsConfig, SiteConfig};
use crate::facts::organisation;
use crate::text::date::Date;
use crate::text::slug::slugify;

/// The Council, as the header of its own documents names it, on two lines (on one it
/// would not fit beside the national motto).
pub const COUNCIL: &str = "HỘI ĐỒNG THI ĐUA -\nKHEN THƯỞNG";
/// The Council's symbol in its documents' numbers (`…/BB-HĐTĐKT`).
pub const COUNCIL_SYMBOL: &str = "HĐTĐKT";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    /// Above the agency in the decision's header: `UBND TỈNH BÌNH PHƯỚC`.
    pub parent: Option<String>,
    /// The agency in capitals, as headers write it: `SỞ XÂY DỰNG`.
    pub name: String,
    /// The agency in running text: `Sở Xây dựng tỉnh Bình Phước`.
    pub full: String,
    pub place: String,
    pub symbol: String,
    pub signer_title: String,
    pub signer: Option<String>,
}

/// The words after the last `tỉnh ` or `thành phố ` of the organisation's name.
fn province(organisation: &str) -> Option<(&'static str, String)> {
    [("thành phố ", "THÀNH PHỐ"), ("tỉnh ", "TỈNH")]
        .iter()
        .find_map(|(word, kind)| {
            let at = organisation.rfind(word)?;
            let rest = organisation[at + word.len()..].trim();
            (!rest.is_empty()).then(|| (*kind, rest.to_string()))
        })
}

/// The organisation's name without its province: `Sở Xây dựng tỉnh Bình Phước` → `Sở Xây dựng`.
fn without_province(organisation: &str) -> &str {
    ["thành phố ", "tỉnh "]
        .iter()
        .filter_map(|w| organisation.rfind(w))
        .min()
        .map_or(organisation, |at| organisation[..at].trim_end())
}

/// `Sở Xây dựng` → `SXD`: the first letter of each word, tones dropped.
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| slugify(w).chars().next())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

impl Agency {
    /// The agency as named on `date`: under an earlier name, the keys of `[documents]`
    /// that describe today's agency (its parent, place, header name, symbol and signer)
    /// give way to that era's and to what its name gives; the signer's title stays.
    pub fn on(config: &SiteConfig, date: Date) -> Agency {
        let era = organisation::at(config, date);
        if !era.earlier {
            return Agency::of(config);
        }
        let then = DocumentsConfig {
            parent: era.parent.map(str::to_string),
            place: era.place.map(str::to_string),
            signer_title: config.documents.signer_title.clone(),
            ..DocumentsConfig::default()
        };
        Agency::from_parts(era.name, &then)
    }

    /// Today's agency.
    pub fn of(config: &SiteConfig) -> Agency {
        Agency::from_parts(&config.organisation, &config.documents)
    }

    fn from_parts(organisation: &str, d: &DocumentsConfig) -> Agency {
        let org = organisation.trim();
        let province = province(org);
        let own = without_province(org);
        let fallback = |s: &str| {
            if s.is_empty() {
                "……".to_string()
            } else {
                s.to_string()
            }
        };
        Agency {
            parent: d.parent.clone().or_else(|| {
                province
                    .as_ref()
                    .map(|(kind, p)| format!("UBND {kind} {}", p.to_uppercase()))
            }),
            name: d
                .agency
                .clone()
                .unwrap_or_else(|| fallback(&own.to_uppercase())),
            full: fallback(org),
            place: d
                .place
                .clone()
                .or_else(|| province.as_ref().map(|(_, p)| p.clone()))
                .unwrap_or_else(|| "……".into()),
            symbol: d.symbol.clone().unwrap_or_else(|| {
                let s = initials(own);
                if s.is_empty() { "……".into() } else { s }
            }),
            signer_title: d.signer_title.clone().unwrap_or_else(|| {
                if own.starts_with("Sở ") {
                    "GIÁM ĐỐC".into()
                } else {
                    "THỦ TRƯỞNG CƠ QUAN".into()
                }
            }),
            signer: d.signer.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::DocumentsConfig;

    fn config(org: &str, documents: DocumentsConfig) -> SiteConfig {
        SiteConfig {
            organisation: org.into(),
            documents,
            ..SiteConfig::default()
        }
    }

    #[test]
    fn defaults_from_the_organisation() {
        let a = Agency::of(&config(
            "Sở Xây dựng tỉnh Bình Phước",
            DocumentsConfig::default(),
        ));
        assert_eq!(a.parent.as_deref(), Some("UBND TỈNH BÌNH PHƯỚC"));
        assert_eq!(a.name, "SỞ XÂY DỰNG");
        assert_eq!(a.place, "Bình Phước");
        assert_eq!(a.symbol, "SXD");
        assert_eq!(a.signer_title, "GIÁM ĐỐC");
        assert_eq!(a.signer, None);
        let a = Agency::of(&config(
            "Sở Tư pháp thành phố Hải Phòng",
            DocumentsConfig::default(),
        ));
        assert_eq!(a.parent.as_deref(), Some("UBND THÀNH PHỐ HẢI PHÒNG"));
        assert_eq!((a.name.as_str(), a.symbol.as_str()), ("SỞ TƯ PHÁP", "STP"));
        let a = Agency::of(&config("Ban Quản lý dự án", DocumentsConfig::default()));
        assert_eq!(a.parent, None);
        assert_eq!(a.place, "……");
        assert_eq!(a.signer_title, "THỦ TRƯỞNG CƠ QUAN");
    }

    #[test]
    fn the_documents_table_wins() {
        let d = DocumentsConfig {
            parent: Some("BỘ XÂY DỰNG".into()),
            agency: Some("CỤC KINH TẾ XÂY DỰNG".into()),
            place: Some("Hà Nội".into()),
            symbol: Some("KTXD".into()),
            signer_title: Some("CỤC TRƯỞNG".into()),
            signer: Some("Nguyễn Văn A".into()),
        };
        let a = Agency::of(&config("Sở Xây dựng tỉnh Bình Phước", d));
        assert_eq!(a.parent.as_deref(), Some("BỘ XÂY DỰNG"));
        assert_eq!(a.name, "CỤC KINH TẾ XÂY DỰNG");
        assert_eq!(a.place, "Hà Nội");
        assert_eq!(a.symbol, "KTXD");
        assert_eq!(a.signer_title, "CỤC TRƯỞNG");
        assert_eq!(a.signer.as_deref(), Some("Nguyễn Văn A"));
    }

    #[test]
    fn an_earlier_name_brings_its_own_parent_and_place() {
        let d = |y, m, day| Date::new(y, m, day).expect("date");
        let mut c = config(
            "Sở Xây dựng tỉnh Đồng Nai",
            DocumentsConfig {
                parent: Some("UBND TỈNH ĐỒNG NAI".into()),
                agency: Some("SỞ XÂY DỰNG".into()),
                place: Some("Đồng Nai".into()),
                symbol: Some("SXD".into()),
                signer_title: Some("GIÁM ĐỐC".into()),
                signer: Some("Phan Minh Quang".into()),
            },
        );
        c.organisation_history = vec![crate::content::model::OrganisationEra {
            name: "Sở Xây dựng tỉnh Bình Phước".into(),
            until: d(2025, 6, 30),
            parent: Some("UBND TỈNH BÌNH PHƯỚC".into()),
            place: None,
        }];
        let then = Agency::on(&c, d(2024, 12, 5));
        assert_eq!(then.parent.as_deref(), Some("UBND TỈNH BÌNH PHƯỚC"));
        assert_eq!(
            then.place, "Bình Phước",
            "from the name when the era does not say"
        );
        assert_eq!(then.full, "Sở Xây dựng tỉnh Bình Phước");
        assert_eq!(
            (then.name.as_str(), then.symbol.as_str()),
            ("SỞ XÂY DỰNG", "SXD")
        );
        assert_eq!(then.signer_title, "GIÁM ĐỐC");
        assert_eq!(then.signer, None, "today's Director did not sign for 2024");
        let now = Agency::on(&c, d(2025, 7, 1));
        assert_eq!(now, Agency::of(&c));
        assert_eq!(now.place, "Đồng Nai");
    }
}
