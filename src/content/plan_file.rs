//! `YEAR/_plan.toml`: the year's deadline, thresholds, movements and criteria.

use super::model::{Criterion, Kind, Movement, Plan};
use super::reader::{Need, Reader};
use super::source::Doc;
use super::toml_doc;
use crate::diag::catalogue::TypoMsg;
use crate::diag::{Diagnostic, Msg, Rule};
use crate::text::slug::is_valid_id;

const PLAN_KEYS: &[&str] = &[
    "number",
    "title",
    "issued",
    "deadline",
    "approval_percent",
    "excellent_members_percent",
    "movement",
    "criterion",
];

/// The range of each percentage a plan sets: at least half of the Council must approve
/// (a lower threshold is a typo for 90), and a share of excellent members of 0 would
/// recognise every collective.
const APPROVAL: (i64, i64) = (50, 100);
const EXCELLENT: (i64, i64) = (1, 100);

/// Reads the plan of the `year` folder; `None` when it has any error (its diagnostics
/// say why).
pub fn read_plan(doc: &Doc, year: u16) -> (Option<Plan>, Vec<Diagnostic>) {
    let tree = match toml_doc::parse(doc) {
        Ok(tree) => tree,
        Err(d) => return (None, vec![d]),
    };
    let mut r = Reader::new(doc);
    let root = Reader::root(&tree);
    let number = r.string(root, "number", Need::Required);
    let title = r.string(root, "title", Need::Required);
    let issued = r.date(root, "issued", Need::Optional);
    let deadline = r.date(root, "deadline", Need::Required);
    if let Some(d) = &deadline
        && d.value.year != i32::from(year)
    {
        let msg = Msg::Typo(TypoMsg::DeadlineOtherYear {
            deadline: d.value,
            year,
        });
        r.error(Rule::InvalidValue, Some(d.span), "deadline", msg);
    }
    let approval = percent(&mut r, root, "approval_percent", APPROVAL);
    let excellent = percent(&mut r, root, "excellent_members_percent", EXCELLENT);

    let mut movements: Vec<Movement> = Vec::new();
    for t in r.table_list(root, "movement", Need::Required) {
        let id = r.string(t, "id", Need::Required);
        let name = r.string(t, "name", Need::Required);
        r.reject_unknown(t, &["id", "name"]);
        if let (Some(id), Some(name)) = (id, name)
            && valid_unique_id(
                &mut r,
                "movement.id",
                &id,
                movements.iter().map(|m| m.id.as_str()),
            )
        {
            movements.push(Movement {
                id: id.value,
                name: name.value,
            });
        }
    }

    let mut criteria: Vec<Criterion> = Vec::new();
    for t in r.table_list(root, "criterion", Need::Required) {
        let id = r.string(t, "id", Need::Required);
        let text = r.string(t, "text", Need::Required);
        let applies = r.string_list(t, "applies_to", Need::Required);
        r.reject_unknown(t, &["id", "applies_to", "text"]);
        let mut kinds = Vec::new();
        for k in applies.iter().flat_map(|a| a.value.iter()) {
            match Kind::parse(&k.value) {
                Some(kind) if !kinds.contains(&kind) => kinds.push(kind),
                Some(_) => {}
                None => r.error(
                    Rule::InvalidValue,
                    Some(k.span),
                    "criterion.applies_to",
                    Msg::UnknownAppliesTo {
                        value: k.value.clone(),
                    },
                ),
            }
        }
        if let Some(a) = &applies
            && a.value.is_empty()
        {
            let msg = Msg::EmptyText {
                key: "criterion.applies_to".into(),
            };
            r.error(
                Rule::InvalidValue,
                Some(a.span),
                "criterion.applies_to",
                msg,
            );
        }
        if let (Some(id), Some(text)) = (id, text)
            && valid_unique_id(
                &mut r,
                "criterion.id",
                &id,
                criteria.iter().map(|c| c.id.as_str()),
            )
        {
            criteria.push(Criterion {
                id: id.value,
                applies_to: kinds,
                text: text.value,
            });
        }
    }
    r.reject_unknown(root, PLAN_KEYS);

    let plan = match (number, title, deadline, approval, excellent) {
        (Some(number), Some(title), Some(deadline), Some(approval), Some(excellent))
            if r.diags.is_empty() =>
        {
            Some(Plan {
                file: doc.file.clone(),
                number: number.value,
                title: title.value,
                issued: issued.map(|d| d.value),
                deadline: deadline.value,
                approval_percent: approval,
                excellent_members_percent: excellent,
                movements,
                criteria,
            })
        }
        _ => None,
    };
    (plan, r.diags)
}

fn percent(
    r: &mut Reader,
    root: super::reader::Tbl,
    key: &str,
    (min, max): (i64, i64),
) -> Option<i64> {
    let v = r.integer(root, key, Need::Required)?;
    if !(min..=max).contains(&v.value) {
        let msg = Msg::Typo(TypoMsg::PercentOutOfRange {
            key: key.into(),
            value: v.value,
            min,
            max,
        });
        r.error(Rule::InvalidValue, Some(v.span), key, msg);
        return None;
    }
    Some(v.value)
}

fn valid_unique_id<'a>(
    r: &mut Reader,
    field: &str,
    id: &super::source::At<String>,
    mut seen: impl Iterator<Item = &'a str>,
) -> bool {
    if !is_valid_id(&id.value) {
        r.error(
            Rule::InvalidValue,
            Some(id.span),
            field,
            Msg::BadId {
                key: "id".into(),
                value: id.value.clone(),
            },
        );
        false
    } else if seen.any(|s| s == id.value) {
        r.error(
            Rule::InvalidValue,
            Some(id.span),
            field,
            Msg::DuplicateId {
                key: "id".into(),
                value: id.value.clone(),
            },
        );
        false
    } else {
        true
    }
}
