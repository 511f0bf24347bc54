//! A unit's life: before `from`, after `until`, its line and its names over the years.

use super::*;
use crate::content::model::UnitType;

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).expect("valid date")
}

fn unit(id: &str, name: &str, from: Option<Date>, until: Option<Date>, next: Option<&str>) -> Unit {
    Unit {
        id: id.into(),
        name: name.into(),
        kind: UnitType::Office,
        description: None,
        from,
        until,
        successor: next.map(str::to_string),
    }
}

/// Two offices merged into one that began on 1 March 2025, which was renamed on 1 July.
fn sample() -> Vec<Unit> {
    vec![
        unit("a", "Phòng A", None, Some(d(2025, 2, 28)), Some("c")),
        unit("b", "Phòng B", None, Some(d(2025, 2, 28)), Some("c")),
        unit(
            "c",
            "Phòng C",
            Some(d(2025, 3, 1)),
            Some(d(2025, 6, 30)),
            Some("e"),
        ),
        unit("e", "Phòng E", Some(d(2025, 7, 1)), None, None),
        unit("x", "Phòng X", None, None, None),
    ]
}

#[test]
fn a_day_before_from_names_the_unit_of_that_day() {
    let all = sample();
    let units = Units::new(&all);
    assert!(matches!(
        units.on("c", d(2025, 3, 1)),
        Some(OnDate::InBeing)
    ));
    match units.on("e", d(2025, 5, 2)) {
        Some(OnDate::NotYet { from, predecessor }) => {
            assert_eq!(from, d(2025, 7, 1));
            assert_eq!(predecessor.map(|u| u.id.as_str()), Some("c"));
        }
        other => panic!("{other:?}"),
    }
    match units.on("e", d(2024, 11, 20)) {
        Some(OnDate::NotYet { predecessor, .. }) => {
            assert_eq!(
                predecessor.map(|u| u.id.as_str()),
                Some("a"),
                "the first in units.toml"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(units.on("nope", d(2025, 1, 1)).is_none());
}

#[test]
fn a_day_after_until_names_the_successor_of_that_day() {
    let all = sample();
    let units = Units::new(&all);
    match units.on("a", d(2025, 4, 10)) {
        Some(OnDate::Ended { until, successor }) => {
            assert_eq!(until, d(2025, 2, 28));
            assert_eq!(successor.map(|u| u.id.as_str()), Some("c"));
        }
        other => panic!("{other:?}"),
    }
    match units.on("a", d(2025, 11, 20)) {
        Some(OnDate::Ended { successor, .. }) => {
            assert_eq!(
                successor.map(|u| u.id.as_str()),
                Some("e"),
                "followed to the unit of that day"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        units.on("x", d(1990, 1, 1)),
        Some(OnDate::InBeing)
    ));
}

#[test]
fn a_unit_s_line_and_its_relatives() {
    let all = sample();
    let units = Units::new(&all);
    let ids = |v: Vec<&Unit>| v.iter().map(|u| u.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(units.predecessors("c")), ["a", "b"]);
    assert_eq!(ids(units.ancestors("e")), ["c", "a", "b"]);
    assert_eq!(ids(units.line("e")), ["e", "c", "a", "b"]);
    assert_eq!(ids(units.descendants("a")), ["c", "e"]);
    assert!(units.related("a", "e") && units.related("e", "a") && units.related("c", "c"));
    assert!(
        !units.related("a", "b"),
        "two units merged into one are not one collective"
    );
    assert!(!units.related("a", "x"));
    assert!(units.is_former("a") && !units.is_former("e"));
    assert_eq!(units.successor("c").map(|u| u.id.as_str()), Some("e"));
}

#[test]
fn the_name_of_a_unit_in_a_year() {
    let all = sample();
    let units = Units::new(&all);
    assert_eq!(units.name_in_year("a", 2024), Some("Phòng A"));
    assert_eq!(
        units.name_in_year("a", 2025),
        Some("Phòng A"),
        "in being that year"
    );
    assert_eq!(
        units.name_in_year("a", 2026),
        Some("Phòng E"),
        "after it ended"
    );
    assert_eq!(
        units.name_in_year("e", 2024),
        Some("Phòng A"),
        "before it began"
    );
    assert_eq!(units.name_on("e", d(2025, 4, 1)), Some("Phòng C"));
    assert_eq!(units.name_on("c", d(2025, 8, 1)), Some("Phòng E"));
    assert_eq!(units.name_in_year("nope", 2024), None);
}

#[test]
fn a_cycle_built_by_hand_does_not_loop() {
    let all = vec![
        unit("p", "P", None, Some(d(2025, 1, 1)), Some("q")),
        unit("q", "Q", None, Some(d(2025, 1, 1)), Some("p")),
    ];
    let units = Units::new(&all);
    assert_eq!(units.descendants("p").len(), 1);
    assert_eq!(units.ancestors("p").len(), 1);
    assert!(units.on("p", d(2026, 1, 1)).is_some());
}
