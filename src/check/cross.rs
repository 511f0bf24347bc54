//! Rules across files: `leader-collective` (a leader only with an exemplary collective of
//! the unit they head) and `duplicate-slug` (one address per profile and year).

use std::collections::{BTreeMap, HashMap};

use super::Out;
use crate::content::model::{Kind, Site};
use crate::diag::{Diagnostic, Msg, Rule};
use crate::facts::status::{Status, status};

/// For each (year, unit): whether it has a collective profile, and a recognised one.
fn collectives(site: &Site) -> HashMap<(u16, &str), (bool, bool)> {
    let mut map: HashMap<(u16, &str), (bool, bool)> = HashMap::new();
    for p in &site.profiles {
        if p.kind() != Some(Kind::Collective) {
            continue;
        }
        let Some(unit) = p.unit_id() else { continue };
        let entry = map.entry((p.year, unit)).or_default();
        entry.0 = true;
        entry.1 |= p.decision.is_some() && p.revoked.is_none();
    }
    map
}

pub fn leader_collective(site: &Site, out: &mut Out) {
    let index = collectives(site);
    for p in &site.profiles {
        if p.kind() != Some(Kind::Leader) {
            continue;
        }
        let Some(unit) = &p.unit else { continue };
        let (any, recognised) = index
            .get(&(p.year, unit.value.as_str()))
            .copied()
            .unwrap_or_default();
        let unit_name = site
            .unit(&unit.value)
            .map_or(unit.value.clone(), |u| u.name.clone());
        let msg = match status(p, site.plan(p.year)) {
            Status::Recognised | Status::Revoked if !recognised => {
                Msg::LeaderWithoutRecognisedCollective {
                    unit: unit_name,
                    year: p.year,
                }
            }
            Status::Pending if !any => Msg::PendingLeaderWithoutCollective {
                unit: unit_name,
                year: p.year,
            },
            _ => continue,
        };
        out.push(
            p.doc
                .diag(Rule::LeaderCollective, Some(unit.span), Some("unit"), msg),
        );
    }
}

pub fn duplicate_slugs(site: &Site, out: &mut Out) {
    let mut by_slug: BTreeMap<(u16, &str), Vec<&str>> = BTreeMap::new();
    for f in &site.files {
        by_slug
            .entry((f.year, f.slug.as_str()))
            .or_default()
            .push(f.file.as_str());
    }
    for ((_, slug), files) in by_slug {
        if files.len() < 2 {
            continue;
        }
        for file in &files {
            let other = files
                .iter()
                .filter(|f| *f != file)
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            let msg = Msg::DuplicateSlug {
                slug: slug.to_string(),
                other,
            };
            out.push(Diagnostic::new(Rule::DuplicateSlug, file, 1, None, msg));
        }
    }
}
