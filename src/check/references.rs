//! Rules on what a profile names elsewhere: its year's plan (`no-plan`), its unit
//! (`unknown-unit`), the plan's movements and criteria (`unknown-movement`,
//! `unknown-criterion`, `missing-criterion`).

use super::Out;
use crate::content::model::{Plan, PlanState, Profile, Site};
use crate::content::reader::nearest;
use crate::diag::{Msg, Rule};
use crate::text::slug::slugify;

pub fn plan<'s>(site: &'s Site, p: &Profile, out: &mut Out) -> Option<&'s Plan> {
    match site.plans.get(&p.year) {
        Some(PlanState::Valid(plan)) => Some(plan),
        Some(PlanState::Invalid { file }) => {
            out.push(p.doc.diag(
                Rule::NoPlan,
                None,
                None,
                Msg::PlanInvalid {
                    plan_file: file.clone(),
                },
            ));
            None
        }
        Some(PlanState::Missing) | None => {
            // A valid plan of another year to copy (the latest), never the missing file.
            let model = site.plans.iter().rev().find_map(|(_, s)| match s {
                PlanState::Valid(plan) => Some(plan.file.clone()),
                _ => None,
            });
            let msg = Msg::NoPlan {
                year: p.year,
                model,
            };
            out.push(p.doc.diag(Rule::NoPlan, None, None, msg));
            None
        }
    }
}

pub fn unit(site: &Site, p: &Profile, out: &mut Out) {
    let Some(u) = &p.unit else { return };
    if site.unit(&u.value).is_some() {
        return;
    }
    let ids = site.units.iter().map(|u| u.id.as_str());
    let by_name = slugify(&u.value);
    let suggestion = site
        .units
        .iter()
        .find(|unit| unit.id == by_name || slugify(&unit.name) == by_name)
        .map(|unit| unit.id.clone())
        .or_else(|| nearest(&u.value, ids));
    let msg = Msg::UnknownUnit {
        unit: u.value.clone(),
        suggestion,
    };
    out.push(
        p.doc
            .diag(Rule::UnknownUnit, Some(u.span), Some("unit"), msg),
    );
}

pub fn movements(plan: &Plan, p: &Profile, out: &mut Out) {
    let Some(list) = &p.movements else { return };
    if list.value.is_empty() {
        let msg = Msg::EmptyText {
            key: "movements".into(),
        };
        out.push(
            p.doc
                .diag(Rule::InvalidValue, Some(list.span), Some("movements"), msg),
        );
    }
    for m in &list.value {
        if plan.movement(&m.value).is_none() {
            let suggestion = nearest(&m.value, plan.movements.iter().map(|m| m.id.as_str()));
            let msg = Msg::UnknownMovement {
                id: m.value.clone(),
                suggestion,
            };
            out.push(
                p.doc
                    .diag(Rule::UnknownMovement, Some(m.span), Some("movements"), msg),
            );
        }
    }
}

pub fn criteria(plan: &Plan, p: &Profile, out: &mut Out) {
    let Some(kind) = p.kind() else { return };
    for (key, _) in &p.criteria {
        let field = format!("criteria.{}", key.value);
        match plan.criterion(&key.value) {
            Some(c) if c.applies_to.contains(&kind) => {}
            Some(_) => {
                let msg = Msg::CriterionNotForKind {
                    id: key.value.clone(),
                    kind: kind.name().into(),
                };
                out.push(
                    p.doc
                        .diag(Rule::UnknownCriterion, Some(key.span), Some(&field), msg),
                );
            }
            None => {
                let suggestion =
                    nearest(&key.value, plan.criteria_for(kind).map(|c| c.id.as_str()));
                let msg = Msg::UnknownCriterion {
                    id: key.value.clone(),
                    suggestion,
                };
                out.push(
                    p.doc
                        .diag(Rule::UnknownCriterion, Some(key.span), Some(&field), msg),
                );
            }
        }
    }
    if !p.has_key("criteria") {
        return; // `missing-field` already says the whole table is missing
    }
    for c in plan.criteria_for(kind) {
        if !p.criteria.iter().any(|(k, _)| k.value == c.id) {
            let field = format!("criteria.{}", c.id);
            let msg = Msg::MissingCriterion {
                id: c.id.clone(),
                text: c.text.clone(),
            };
            out.push(
                p.doc
                    .diag(Rule::MissingCriterion, p.criteria_header, Some(&field), msg),
            );
        }
    }
}
