//! One person across years: `person` is an id of a leader or a member of staff
//! (`invalid-value` otherwise), one person appears once a year (`duplicate-person`), and
//! two profiles of different years with one name and one unit's line that `person` does
//! not tie are pointed out (`same-name`, a warning suggesting the key).

use std::collections::{BTreeMap, HashMap, HashSet};

use super::Out;
use crate::content::model::{Kind, Profile, Site};
use crate::diag::{Msg, Rule};
use crate::facts::units::Units;
use crate::text::slug::is_valid_id;

pub fn person_field(p: &Profile, out: &mut Out) {
    let Some(person) = &p.person else { return };
    let msg = if !is_valid_id(&person.value) {
        Msg::BadId {
            key: "person".into(),
            value: person.value.clone(),
        }
    } else if p.kind() == Some(Kind::Collective) {
        Msg::NotForKind {
            key: "person".into(),
            kind: Kind::Collective.name().into(),
        }
    } else {
        return;
    };
    out.push(
        p.doc
            .diag(Rule::InvalidValue, Some(person.span), Some("person"), msg),
    );
}

pub fn duplicate_person(site: &Site, out: &mut Out) {
    let mut by_year: BTreeMap<(u16, &str), Vec<&Profile>> = BTreeMap::new();
    for p in &site.profiles {
        if let Some(person) = p.person() {
            by_year.entry((p.year, person)).or_default().push(p);
        }
    }
    for ((year, person), list) in by_year {
        if list.len() < 2 {
            continue;
        }
        for p in &list {
            let other = list
                .iter()
                .filter(|q| q.file() != p.file())
                .map(|q| q.file())
                .collect::<Vec<_>>()
                .join(", ");
            let msg = Msg::DuplicatePerson {
                person: person.to_string(),
                year,
                other,
            };
            let span = p.person.as_ref().map(|x| x.span);
            out.push(p.doc.diag(Rule::DuplicatePerson, span, Some("person"), msg));
        }
    }
}

fn unit(p: &Profile) -> &str {
    p.unit_id().unwrap_or_default()
}

/// Whether `person` already says that `p` and `q` are one person, or two.
fn tied(p: &Profile, q: &Profile) -> bool {
    p.person().is_some() && q.person().is_some()
}

pub fn same_name(site: &Site, units: &Units, out: &mut Out) {
    let mut by_name: HashMap<&str, Vec<&Profile>> = HashMap::new();
    for p in &site.profiles {
        if matches!(p.kind(), Some(Kind::Leader | Kind::Staff)) && p.unit_id().is_some() {
            by_name.entry(p.name()).or_default().push(p);
        }
    }
    for list in by_name.values().filter(|l| l.len() > 1) {
        let mut list = list.clone();
        list.sort_by_key(|p| (p.year, p.file()));
        let mut warned: HashSet<&str> = HashSet::new();
        for (k, p) in list.iter().enumerate() {
            let earlier = list[..k]
                .iter()
                .find(|q| q.year < p.year && !tied(p, q) && units.related(unit(p), unit(q)));
            let Some(q) = earlier else { continue };
            // The warning goes to the profile that lacks the key (the later one if both).
            let (at, other) = if p.person().is_some() {
                (*q, *p)
            } else {
                (*p, *q)
            };
            if !warned.insert(at.file()) {
                continue;
            }
            let person = list
                .iter()
                .filter(|x| units.related(unit(x), unit(p)))
                .find_map(|x| x.person())
                .map_or_else(|| q.slug.clone(), str::to_string);
            let msg = Msg::SameName {
                name: at.name().to_string(),
                year: other.year,
                other: other.file().to_string(),
                person,
            };
            let span = at.name.as_ref().map(|n| n.span);
            out.push(at.doc.diag(Rule::SameName, span, Some("name"), msg));
        }
    }
}
