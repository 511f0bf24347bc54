//! The one answer to what may be published, for every form consent takes.

use super::*;
use crate::content::model::ConsentRecord;
use crate::content::source::{At, Doc, Span};

fn d(y: i32, m: u8, day: u8) -> Option<At<Date>> {
    Date::new(y, m, day).map(|d| At::new(d, Span::default()))
}

fn profile(legacy: Option<bool>, rec: Option<ConsentRecord>) -> Profile {
    let mut p = Profile::empty(Doc::new("content/2024/a.md", String::new(), 1), 2024, "a");
    p.photo_consent = legacy.map(|b| At::new(b, Span::default()));
    p.consent = rec;
    p
}

fn rec(photo: Option<At<Date>>, withdrawn: Option<At<Date>>, story: Option<bool>) -> ConsentRecord {
    ConsentRecord {
        header: None,
        photo,
        withdrawn,
        withdrawn_story: story.map(|b| At::new(b, Span::default())),
    }
}

#[test]
fn what_each_form_allows() {
    let cases = [
        (profile(None, None), false, true, Consent::None),
        (profile(Some(false), None), false, true, Consent::None),
        (profile(Some(true), None), true, true, Consent::Undated),
        (
            profile(None, Some(rec(d(2024, 11, 2), None, None))),
            true,
            true,
            Consent::Given {
                since: Date::new(2024, 11, 2).expect("date"),
            },
        ),
        (
            profile(None, Some(rec(d(2024, 11, 2), d(2026, 3, 2), Some(false)))),
            false,
            true,
            Consent::Withdrawn {
                given: Date::new(2024, 11, 2),
                on: Date::new(2026, 3, 2).expect("date"),
                story: false,
            },
        ),
        (
            profile(None, Some(rec(d(2024, 11, 2), d(2026, 3, 2), Some(true)))),
            false,
            false,
            Consent::Withdrawn {
                given: Date::new(2024, 11, 2),
                on: Date::new(2026, 3, 2).expect("date"),
                story: true,
            },
        ),
        // Both forms at once, or an empty record: an error, and nothing published.
        (
            profile(Some(true), Some(rec(d(2024, 11, 2), None, None))),
            false,
            true,
            Consent::Unclear,
        ),
        (
            profile(None, Some(rec(None, None, None))),
            false,
            true,
            Consent::Unclear,
        ),
        // `withdrawn_story` without `withdrawn` is an error; the story stays down anyway.
        (
            profile(None, Some(rec(d(2024, 11, 2), None, Some(true)))),
            true,
            false,
            Consent::Given {
                since: Date::new(2024, 11, 2).expect("date"),
            },
        ),
    ];
    for (k, (p, photo, story, consent_of)) in cases.iter().enumerate() {
        assert_eq!(photo_allowed(p), *photo, "case {k}: photo");
        assert_eq!(story_allowed(p), *story, "case {k}: story");
        assert_eq!(consent(p), *consent_of, "case {k}");
    }
    assert_eq!(withdrawn(&cases[4].0), Date::new(2026, 3, 2));
    assert_eq!(withdrawn(&cases[3].0), None);
}
