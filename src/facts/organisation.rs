//! The organisation's name on a given day: today's (`organisation` in site.toml) or an
//! earlier one (`[[organisation_history]]`), so that a decision or a document of 2024
//! names the agency as it was named then while the site's header carries today's name.

use crate::content::model::SiteConfig;
use crate::text::date::Date;

/// The organisation as it was on a day: its name, and (when site.toml records them for
/// that era) the body above it and its place, as documents wrote them then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Era<'c> {
    pub name: &'c str,
    /// `None` for today's era, or an earlier one that does not say: take `[documents]`.
    pub parent: Option<&'c str>,
    pub place: Option<&'c str>,
    /// Whether this is an earlier name (not today's).
    pub earlier: bool,
}

/// The organisation on `date`: the first earlier name whose `until` is on or after it,
/// else today's.
pub fn at(config: &SiteConfig, date: Date) -> Era<'_> {
    match config.organisation_history.iter().find(|e| date <= e.until) {
        Some(e) => Era {
            name: &e.name,
            parent: e.parent.as_deref(),
            place: e.place.as_deref(),
            earlier: true,
        },
        None => Era {
            name: &config.organisation,
            parent: None,
            place: None,
            earlier: false,
        },
    }
}

/// The organisation's name on `date`.
pub fn name_on(config: &SiteConfig, date: Date) -> &str {
    at(config, date).name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::OrganisationEra;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).expect("valid date")
    }

    #[test]
    fn a_date_takes_the_name_of_its_era() {
        let config = SiteConfig {
            organisation: "Sở Xây dựng tỉnh Đồng Nai".into(),
            organisation_history: vec![
                OrganisationEra {
                    name: "Sở Xây dựng tỉnh Sông Bé".into(),
                    until: d(1996, 12, 31),
                    parent: None,
                    place: Some("Sông Bé".into()),
                },
                OrganisationEra {
                    name: "Sở Xây dựng tỉnh Bình Phước".into(),
                    until: d(2025, 6, 30),
                    parent: Some("UBND TỈNH BÌNH PHƯỚC".into()),
                    place: Some("Bình Phước".into()),
                },
            ],
            ..SiteConfig::default()
        };
        assert_eq!(name_on(&config, d(1990, 1, 1)), "Sở Xây dựng tỉnh Sông Bé");
        assert_eq!(
            name_on(&config, d(2024, 12, 16)),
            "Sở Xây dựng tỉnh Bình Phước"
        );
        let last_day = at(&config, d(2025, 6, 30));
        assert_eq!(
            (last_day.name, last_day.parent, last_day.earlier),
            (
                "Sở Xây dựng tỉnh Bình Phước",
                Some("UBND TỈNH BÌNH PHƯỚC"),
                true
            )
        );
        let today = at(&config, d(2025, 7, 1));
        assert_eq!(
            (today.name, today.parent, today.earlier),
            ("Sở Xây dựng tỉnh Đồng Nai", None, false)
        );
        let none = SiteConfig::default();
        assert_eq!(name_on(&none, d(2024, 1, 1)), "");
    }
}
