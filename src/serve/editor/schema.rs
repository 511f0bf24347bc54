//! The form, as data: every key of SPEC §1 a writer fills in, with the input it needs and
//! the kinds it is for; the criteria come from the year's plan, the units from units.toml,
//! the movements from the plan. A new key of the format is one more line in [`FIELDS`]
//! (and its words in `words/*.toml`); the page builds itself from what this gives it.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::edit::front_matter::Layout;
use crate::content::model::{Kind, Plan, Site};
use crate::content::profile_file::PROFILE_KEYS;
use crate::facts::units::in_being_in;

/// How a value is typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Input {
    Text,
    /// A text area (and, for the summary, its count of characters).
    LongText,
    Integer,
    Date,
    Bool,
    Kind,
    Unit,
    /// The id of a person across years, with the ids the site already has offered.
    Person,
    Movements,
    Criterion,
}

/// The part of the form a field sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    General,
    Photo,
    Criteria,
    Process,
    Revoked,
}

/// One key of the format, as the form shows it.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The dotted key (`vote.in_favour`), the same as a diagnostic's `field`.
    pub key: &'static str,
    pub input: Input,
    pub group: Group,
    /// The kinds it is shown for (all when empty).
    pub kinds: &'static [Kind],
    /// Whether it is an error for the other kinds, so that changing the kind removes it.
    pub only_for_kinds: bool,
    /// The most characters it may have, shown as a count as one types.
    pub max_chars: Option<usize>,
    /// An older form of a key, shown only in a file that has it.
    pub legacy: bool,
}

const ALL: &[Kind] = &[];
const PEOPLE: &[Kind] = &[Kind::Leader, Kind::Staff];
const COLLECTIVE: &[Kind] = &[Kind::Collective];

const fn field(key: &'static str, input: Input, group: Group) -> Field {
    Field {
        key,
        input,
        group,
        kinds: ALL,
        only_for_kinds: false,
        max_chars: None,
        legacy: false,
    }
}

const fn for_kinds(mut f: Field, kinds: &'static [Kind], only: bool) -> Field {
    f.kinds = kinds;
    f.only_for_kinds = only;
    f
}

/// Every key the form edits, in the order of the format (criteria come from the plan and
/// sit where `criteria` is; `photo` is set by the upload; `year` is the folder's).
pub const FIELDS: &[Field] = &[
    field("name", Input::Text, Group::General),
    field("given_name", Input::Text, Group::General),
    field("kind", Input::Kind, Group::General),
    field("unit", Input::Unit, Group::General),
    for_kinds(
        field("position", Input::Text, Group::General),
        PEOPLE,
        false,
    ),
    Field {
        max_chars: Some(crate::check::fields::MAX_SUMMARY),
        ..field("summary", Input::LongText, Group::General)
    },
    Field {
        legacy: true,
        ..field("photo_consent", Input::Bool, Group::Photo)
    },
    field("consent.photo", Input::Date, Group::Photo),
    field("consent.withdrawn", Input::Date, Group::Photo),
    field("consent.withdrawn_story", Input::Bool, Group::Photo),
    for_kinds(field("person", Input::Person, Group::General), PEOPLE, true),
    field("movements", Input::Movements, Group::General),
    for_kinds(
        field("members", Input::Integer, Group::General),
        COLLECTIVE,
        true,
    ),
    for_kinds(
        field("excellent_members", Input::Integer, Group::General),
        COLLECTIVE,
        true,
    ),
    field("nomination.date", Input::Date, Group::Process),
    field("vote.date", Input::Date, Group::Process),
    field("vote.members", Input::Integer, Group::Process),
    field("vote.in_favour", Input::Integer, Group::Process),
    field("decision.number", Input::Text, Group::Process),
    field("decision.date", Input::Date, Group::Process),
    field("province.number", Input::Text, Group::Process),
    field("province.date", Input::Date, Group::Process),
    field("revoked.number", Input::Text, Group::Revoked),
    field("revoked.date", Input::Date, Group::Revoked),
    field("revoked.reason", Input::LongText, Group::Revoked),
];

/// Tables the editor may remove when the form leaves them empty (the others are required).
pub const OPTIONAL_TABLES: &[&str] = &["consent", "vote", "decision", "province", "revoked"];

/// A field of one year's form: a fixed one, or a criterion of the plan.
#[derive(Debug, Clone, Serialize)]
pub struct FormField {
    pub key: String,
    pub input: Input,
    pub group: Group,
    /// Kind names (`"staff"`); empty for all kinds.
    pub kinds: Vec<&'static str>,
    pub only_for_kinds: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_chars: Option<usize>,
    pub legacy: bool,
    /// The plan's own words, for a criterion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    pub id: String,
    pub name: String,
}

/// A unit to choose, with its period (`dd/mm/yyyy`) when it has one.
#[derive(Debug, Clone, Serialize)]
pub struct UnitChoice {
    pub id: String,
    pub name: String,
    pub from: Option<String>,
    pub until: Option<String>,
    /// Whether it was in being on some day of the form's year.
    pub in_year: bool,
}

/// What the page needs to build the form of a year.
#[derive(Debug, Clone, Serialize)]
pub struct Form {
    pub year: u16,
    pub plan_number: String,
    pub plan_title: String,
    pub deadline: String,
    pub kinds: Vec<&'static str>,
    pub units: Vec<UnitChoice>,
    pub movements: Vec<Choice>,
    /// The people of the site's other profiles (`person`), by id, with a name they had.
    pub people: Vec<Choice>,
    pub fields: Vec<FormField>,
}

fn kind_names(kinds: &[Kind]) -> Vec<&'static str> {
    kinds.iter().map(|k| k.name()).collect()
}

impl Form {
    pub fn new(site: &Site, year: u16, plan: &Plan) -> Form {
        let mut fields = Vec::new();
        for f in FIELDS {
            if f.key == "nomination.date" {
                // The criteria sit where the format has them: after the top-level keys.
                for c in &plan.criteria {
                    fields.push(FormField {
                        key: format!("criteria.{}", c.id),
                        input: Input::Criterion,
                        group: Group::Criteria,
                        kinds: kind_names(&c.applies_to),
                        only_for_kinds: true,
                        max_chars: None,
                        legacy: false,
                        label: Some(c.text.clone()),
                    });
                }
            }
            fields.push(FormField {
                key: f.key.to_string(),
                input: f.input,
                group: f.group,
                kinds: kind_names(f.kinds),
                only_for_kinds: f.only_for_kinds,
                max_chars: f.max_chars,
                legacy: f.legacy,
                label: None,
            });
        }
        Form {
            year,
            plan_number: plan.number.clone(),
            plan_title: plan.title.clone(),
            deadline: plan.deadline.iso(),
            kinds: kind_names(&Kind::ALL),
            units: site
                .units
                .iter()
                .map(|u| UnitChoice {
                    id: u.id.clone(),
                    name: u.name.clone(),
                    from: u.from.map(|d| d.dmy()),
                    until: u.until.map(|d| d.dmy()),
                    in_year: in_being_in(u, year),
                })
                .collect(),
            people: people(site),
            movements: plan
                .movements
                .iter()
                .map(|m| Choice {
                    id: m.id.clone(),
                    name: m.name.clone(),
                })
                .collect(),
            fields,
        }
    }

    pub fn field(&self, key: &str) -> Option<&FormField> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// Where keys go when they are added: the format's order of keys and tables, the
    /// criteria in the plan's order.
    pub fn layout(&self) -> Layout {
        let mut tables: Vec<(String, Vec<String>)> = Vec::new();
        let mut keys = Vec::new();
        for key in PROFILE_KEYS {
            let inside: Vec<String> = self
                .fields
                .iter()
                .filter_map(|f| f.key.strip_prefix(&format!("{key}.")).map(String::from))
                .collect();
            if inside.is_empty() {
                keys.push(key.to_string());
            } else {
                tables.push((key.to_string(), inside));
            }
        }
        Layout { keys, tables }
    }
}

/// Every `person` of the site, once, with the name of its latest profile.
fn people(site: &Site) -> Vec<Choice> {
    let mut by_id: BTreeMap<&str, (u16, &str)> = BTreeMap::new();
    for p in &site.profiles {
        if let Some(id) = p.person() {
            let e = by_id.entry(id).or_insert((p.year, p.name()));
            if p.year >= e.0 {
                *e = (p.year, p.name());
            }
        }
    }
    by_id
        .into_iter()
        .map(|(id, (_, name))| Choice {
            id: id.to_string(),
            name: name.to_string(),
        })
        .collect()
}

impl FormField {
    /// Whether the field is shown for `kind` (every field when the kind is not known).
    pub fn for_kind(&self, kind: Option<Kind>) -> bool {
        self.kinds.is_empty() || kind.is_none_or(|k| self.kinds.contains(&k.name()))
    }

    /// The table and key of the dotted key.
    pub fn place(&self) -> (Option<&str>, &str) {
        match self.key.split_once('.') {
            Some((t, k)) => (Some(t), k),
            None => (None, self.key.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_the_form_edits_is_a_key_of_the_format() {
        for f in FIELDS {
            let top = f.key.split('.').next().unwrap_or("");
            assert!(PROFILE_KEYS.contains(&top), "{}", f.key);
        }
    }
}
