//! One exemplar across years: a person's profiles, a collective's unit line, and the runs
//! of consecutive years (a revoked year breaks one).

use super::*;
use crate::content::model::{Profile, Site, SiteConfig, Unit, UnitType};
use crate::content::source::{At, Doc, Span};
use crate::text::date::Date;

fn at<T>(v: T) -> Option<At<T>> {
    Some(At::new(v, Span::default()))
}

fn profile(year: u16, slug: &str, kind: Kind, unit: &str, person: Option<&str>) -> Profile {
    let doc = Doc::new(format!("content/{year}/{slug}.md"), String::new(), 1);
    let mut p = Profile::empty(doc, year, slug);
    p.kind = at(kind);
    p.unit = at(unit.to_string());
    p.person = person.and_then(|s| at(s.to_string()));
    // A unit's own collective bears its name (see `unit`).
    if kind == Kind::Collective {
        p.name = at(unit.to_uppercase());
    }
    p
}

/// A team of `unit`: a collective with a name of its own.
fn team(year: u16, slug: &str, name: &str, unit: &str) -> Profile {
    let mut p = profile(year, slug, Kind::Collective, unit, None);
    p.name = at(name.to_string());
    p
}

fn unit(id: &str, until: Option<Date>, next: Option<&str>) -> Unit {
    Unit {
        id: id.into(),
        name: id.to_uppercase(),
        kind: UnitType::Office,
        description: None,
        from: None,
        until,
        successor: next.map(str::to_string),
    }
}

fn site(profiles: Vec<Profile>) -> Site {
    let end = Date::new(2024, 12, 31);
    Site {
        root: Default::default(),
        config: SiteConfig::default(),
        units: vec![
            unit("old", end, Some("new")),
            unit("new", None, None),
            unit("other", None, None),
        ],
        plans: Default::default(),
        profiles,
        files: Vec::new(),
        statics: Vec::new(),
    }
}

#[test]
fn a_person_s_years_and_a_revoked_year_breaking_the_run() {
    let s = site(vec![
        profile(2021, "an", Kind::Staff, "old", Some("an")),
        profile(2022, "an", Kind::Staff, "old", Some("an")),
        profile(2023, "an", Kind::Staff, "new", Some("an")),
        profile(2024, "an", Kind::Leader, "new", Some("an")),
        profile(2025, "an", Kind::Leader, "new", Some("an")),
        profile(2025, "binh", Kind::Staff, "new", None),
    ]);
    use Status::*;
    let status = [
        Recognised, Recognised, Revoked, Recognised, Recognised, Recognised,
    ];
    let units = Units::new(&s.units);
    let people = People::new(&s, &units, &status);
    assert_eq!(
        people.others[0],
        [1, 3, 4],
        "other recognised years, not the revoked one"
    );
    assert_eq!(
        people.others[2],
        Vec::<usize>::new(),
        "a revoked profile has no others"
    );
    assert_eq!(
        people.runs[0],
        Some(Run {
            first: 2021,
            last: 2022
        })
    );
    assert_eq!(
        people.runs[1],
        Some(Run {
            first: 2021,
            last: 2022
        })
    );
    assert_eq!(people.runs[2], None);
    assert_eq!(
        people.runs[4],
        Some(Run {
            first: 2024,
            last: 2025
        })
    );
    assert_eq!(people.runs[4].map(Run::years), Some(2));
    assert_eq!(
        (people.others[5].len(), people.runs[5]),
        (0, None),
        "no person: alone"
    );
}

#[test]
fn collectives_are_tied_by_their_unit_s_line() {
    let s = site(vec![
        profile(2023, "old", Kind::Collective, "old", None),
        profile(2024, "old", Kind::Collective, "old", None),
        profile(2025, "new", Kind::Collective, "new", None),
        profile(2025, "other", Kind::Collective, "other", None),
        profile(2025, "pending", Kind::Collective, "new", None),
        team(2023, "to-mot-cua", "Tổ Một cửa - OLD", "old"),
        team(2024, "to-mot-cua", "Tổ Một cửa - OLD", "old"),
        team(2025, "to-hai", "Tổ Hai - NEW", "new"),
    ]);
    use Status::*;
    let status = [
        Recognised, Recognised, Recognised, Recognised, Pending, Recognised, Recognised, Recognised,
    ];
    let units = Units::new(&s.units);
    let people = People::new(&s, &units, &status);
    assert_eq!(people.others[2], [0, 1]);
    assert_eq!(
        people.runs[2],
        Some(Run {
            first: 2023,
            last: 2025
        })
    );
    assert_eq!(people.runs[2].map(Run::years), Some(3));
    assert_eq!(people.others[0], [1, 2]);
    assert_eq!(people.others[3], Vec::<usize>::new());
    assert_eq!(people.runs[3], None);
    assert!(
        people.others[4].is_empty(),
        "only recognised profiles count"
    );
    // A unit's teams are not its own collective: each is one with itself in other years.
    assert_eq!(people.others[5], [6]);
    assert_eq!(people.others[6], [5]);
    assert!(people.others[7].is_empty());
    assert!(!people.others[0].contains(&5) && !people.others[2].contains(&7));
}

#[test]
fn a_run_holds_its_year() {
    assert_eq!(
        run_holding(&[2020, 2022, 2023], 2024),
        Run {
            first: 2022,
            last: 2024
        }
    );
    assert_eq!(
        run_holding(&[2020], 2024),
        Run {
            first: 2024,
            last: 2024
        }
    );
    assert_eq!(run_holding(&[1], 0), Run { first: 0, last: 1 });
}
