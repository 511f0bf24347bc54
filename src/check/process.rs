//! Rules of the recognition process: the collective's share of excellent members, the
//! deadline, the Council's vote, the order of dates, and what each record needs first.

use super::Out;
use crate::content::model::{Kind, Plan, Profile, Record};
use crate::content::source::Span;
use crate::diag::{Msg, Rule};
use crate::facts::status::vote_passes;
use crate::text::date::Date;

fn date(r: &Option<Record>) -> Option<(Date, Span)> {
    r.as_ref()
        .and_then(|r| r.date.as_ref())
        .map(|d| (d.value, d.span))
}

pub fn excellent_share(plan: &Plan, p: &Profile, out: &mut Out) {
    if p.kind() != Some(Kind::Collective) {
        return;
    }
    let (Some(members), Some(excellent)) = (&p.members, &p.excellent_members) else {
        return;
    };
    let (m, e) = (members.value, excellent.value);
    let msg = if e > m {
        Msg::ExcellentOverMembers {
            excellent: e,
            members: m,
        }
    } else if e.saturating_mul(100) < plan.excellent_members_percent.saturating_mul(m) {
        Msg::ExcellentBelowShare {
            excellent: e,
            members: m,
            percent: plan.excellent_members_percent,
        }
    } else {
        return;
    };
    out.push(p.doc.diag(
        Rule::ExcellentShare,
        Some(excellent.span),
        Some("excellent_members"),
        msg,
    ));
}

pub fn deadline(plan: &Plan, p: &Profile, out: &mut Out) {
    let Some((d, span)) = date(&p.nomination) else {
        return;
    };
    if d > plan.deadline {
        let msg = Msg::AfterDeadline {
            date: d,
            deadline: plan.deadline,
            plan: plan.number.clone(),
        };
        out.push(p.doc.diag(
            Rule::NominationDeadline,
            Some(span),
            Some("nomination.date"),
            msg,
        ));
    }
}

pub fn vote(plan: &Plan, p: &Profile, out: &mut Out) {
    let Some(vote) = &p.vote else { return };
    let (Some(members), Some(in_favour)) = (&vote.members, &vote.in_favour) else {
        return;
    };
    if members.value < 1 {
        let msg = Msg::VoteMembersBelowOne {
            members: members.value,
        };
        out.push(p.doc.diag(
            Rule::VoteCount,
            Some(members.span),
            Some("vote.members"),
            msg,
        ));
        return;
    }
    if in_favour.value > members.value {
        let msg = Msg::InFavourOverMembers {
            in_favour: in_favour.value,
            members: members.value,
        };
        out.push(p.doc.diag(
            Rule::VoteCount,
            Some(in_favour.span),
            Some("vote.in_favour"),
            msg,
        ));
        return;
    }
    if vote_passes(vote, plan.approval_percent) == Some(false) {
        let decided = p.decision.is_some();
        let msg = Msg::BelowThreshold {
            in_favour: in_favour.value,
            members: members.value,
            percent: plan.approval_percent,
            decided,
        };
        let d = p.doc.diag(
            Rule::VoteThreshold,
            Some(in_favour.span),
            Some("vote.in_favour"),
            msg,
        );
        out.push(if decided { d } else { d.warning() });
    }
}

pub fn date_order(p: &Profile, out: &mut Out) {
    let pairs = [
        (&p.vote, &p.nomination, "vote.date"),
        (&p.decision, &p.vote, "decision.date"),
        (&p.province, &p.decision, "province.date"),
    ];
    for (later, earlier, field) in pairs {
        let (Some((l, span)), Some((e, _))) = (date(later), date(earlier)) else {
            continue;
        };
        if l >= e {
            continue;
        }
        let msg = match field {
            "vote.date" => Msg::VoteBeforeNomination {
                vote: l,
                nomination: e,
            },
            "decision.date" => Msg::DecisionBeforeVote {
                decision: l,
                vote: e,
            },
            _ => Msg::ProvinceBeforeDecision {
                province: l,
                decision: e,
            },
        };
        out.push(p.doc.diag(Rule::DateOrder, Some(span), Some(field), msg));
    }
}

pub fn prerequisites(p: &Profile, out: &mut Out) {
    if let (Some(decision), None) = (&p.decision, &p.vote) {
        out.push(p.doc.diag(
            Rule::DecisionWithoutVote,
            decision.header,
            Some("decision"),
            Msg::DecisionWithoutVote,
        ));
    }
    if let (Some(province), None) = (&p.province, &p.decision) {
        let msg = Msg::ProvinceWithoutDecision;
        out.push(p.doc.diag(
            Rule::ProvinceWithoutDecision,
            province.header,
            Some("province"),
            msg,
        ));
    }
    if let Some(revoked) = &p.revoked {
        match (&p.decision, date(&p.revoked), date(&p.decision)) {
            (None, _, _) => out.push(p.doc.diag(
                Rule::Revocation,
                revoked.header,
                Some("revoked"),
                Msg::RevokedWithoutDecision,
            )),
            (Some(_), Some((r, span)), Some((d, _))) if r < d => {
                let msg = Msg::RevokedBeforeDecision {
                    revoked: r,
                    decision: d,
                };
                out.push(
                    p.doc
                        .diag(Rule::Revocation, Some(span), Some("revoked.date"), msg),
                );
            }
            _ => {}
        }
    }
}
