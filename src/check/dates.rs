//! `date-range`: a date of the process that cannot be right. Before the year's plan was
//! issued, after the day of the check (`text::date::today`, which tests set with
//! `BANGVANG_TODAY`), or a nomination in another year than its folder's: a decision
//! dated 2052, a nomination of 2015 under the 2024 plan, a 2024 profile in `2025/`. One
//! diagnostic per date, the most telling.

use super::Out;
use crate::content::model::{Plan, Profile, Record};
use crate::diag::catalogue::TypoMsg;
use crate::diag::{Msg, Rule};
use crate::text::date::Date;

pub fn range(plan: Option<&Plan>, p: &Profile, today: Date, out: &mut Out) {
    let records: [(&Option<Record>, &str); 5] = [
        (&p.nomination, "nomination.date"),
        (&p.vote, "vote.date"),
        (&p.decision, "decision.date"),
        (&p.province, "province.date"),
        (&p.revoked, "revoked.date"),
    ];
    for (record, key) in records {
        let Some(at) = record.as_ref().and_then(|r| r.date.as_ref()) else {
            continue;
        };
        let date = at.value;
        let nomination = key == "nomination.date";
        let msg = if date > today {
            TypoMsg::InFuture {
                key: key.into(),
                date,
                today,
            }
        } else if nomination && date.year != i32::from(p.year) {
            TypoMsg::NominationOutsideYear { date, year: p.year }
        } else if let Some((issued, plan)) = plan.and_then(|pl| Some((pl.issued?, pl)))
            && date < issued
        {
            TypoMsg::BeforePlan {
                key: key.into(),
                date,
                issued,
                plan: plan.number.clone(),
            }
        } else {
            continue;
        };
        out.push(
            p.doc
                .diag(Rule::DateRange, Some(at.span), Some(key), Msg::Typo(msg)),
        );
    }
}
