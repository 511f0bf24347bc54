//! Rules on single keys whose need depends on the kind: `missing-field` and
//! `invalid-value` for kind-specific keys, the summary's length, `year-mismatch`.

use super::Out;
use crate::content::model::{Kind, Profile};
use crate::diag::{Msg, Rule};

pub const MAX_SUMMARY: usize = 300;

pub fn kind_fields(p: &Profile, out: &mut Out) {
    let Some(kind) = p.kind() else { return };
    let doc = &p.doc;
    // `position = ""` is already an empty value: not also a missing key.
    if matches!(kind, Kind::Leader | Kind::Staff) && p.position.is_none() && !p.has_key("position")
    {
        out.push(doc.diag(
            Rule::MissingField,
            None,
            Some("position"),
            Msg::MissingField {
                key: "position".into(),
            },
        ));
    }
    if kind == Kind::Collective {
        for (key, v) in [
            ("members", &p.members),
            ("excellent_members", &p.excellent_members),
        ] {
            if v.is_none() && !p.has_key(key) {
                out.push(doc.diag(
                    Rule::MissingField,
                    None,
                    Some(key),
                    Msg::MissingField { key: key.into() },
                ));
            }
        }
    } else {
        for (key, v) in [
            ("members", &p.members),
            ("excellent_members", &p.excellent_members),
        ] {
            if let Some(v) = v {
                let msg = Msg::NotForKind {
                    key: key.into(),
                    kind: kind.name().into(),
                };
                out.push(doc.diag(Rule::InvalidValue, Some(v.span), Some(key), msg));
            }
        }
    }
}

pub fn summary_length(p: &Profile, out: &mut Out) {
    if let Some(s) = &p.summary {
        let chars = s.value.chars().count();
        if chars > MAX_SUMMARY {
            let msg = Msg::SummaryTooLong {
                chars,
                max: MAX_SUMMARY,
            };
            out.push(
                p.doc
                    .diag(Rule::InvalidValue, Some(s.span), Some("summary"), msg),
            );
        }
    }
}

pub fn year_mismatch(p: &Profile, out: &mut Out) {
    if let Some(y) = &p.year_field
        && y.value != i64::from(p.year)
    {
        let msg = Msg::YearMismatch {
            found: y.value,
            folder: p.year,
        };
        out.push(
            p.doc
                .diag(Rule::YearMismatch, Some(y.span), Some("year"), msg),
        );
    }
}
