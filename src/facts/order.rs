//! The order people and collectives are listed in, everywhere (the site's rolls, the
//! Council's documents): people by given name then full name, collectives by their
//! name, in Vietnamese order.

use std::cmp::Ordering;

use crate::content::model::{Kind, Profile};
use crate::text::collate::{given_name, person_order};

fn sort_name(p: &Profile) -> &str {
    match p.kind() {
        Some(Kind::Collective) => p.name(),
        _ => given_name(p.name(), p.given_name.as_ref().map(|g| g.value.as_str())),
    }
}

/// People by given name then full name; collectives by their name.
pub fn order(a: &Profile, b: &Profile) -> Ordering {
    person_order(sort_name(a), a.name(), sort_name(b), b.name())
        .then_with(|| a.year.cmp(&b.year))
        .then_with(|| a.slug.cmp(&b.slug))
}
