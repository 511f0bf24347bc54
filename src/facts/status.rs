//! A profile's status (SPEC §1): recognised, pending, not recognised or revoked.

use crate::content::model::{Plan, Profile, Record};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Recognised,
    Pending,
    NotRecognised,
    Revoked,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Recognised => "recognised",
            Status::Pending => "pending",
            Status::NotRecognised => "not-recognised",
            Status::Revoked => "revoked",
        }
    }
}

/// `in_favour * 100 >= approval_percent * members`, in integers.
pub fn vote_passes(vote: &Record, approval_percent: i64) -> Option<bool> {
    let members = vote.members.as_ref()?.value;
    let in_favour = vote.in_favour.as_ref()?.value;
    Some(in_favour.saturating_mul(100) >= approval_percent.saturating_mul(members))
}

pub fn status(p: &Profile, plan: Option<&Plan>) -> Status {
    if p.revoked.is_some() {
        return Status::Revoked;
    }
    if p.decision.is_some() {
        return Status::Recognised;
    }
    let failed_vote = match (&p.vote, plan) {
        (Some(v), Some(plan)) => vote_passes(v, plan.approval_percent) == Some(false),
        _ => false,
    };
    if failed_vote {
        Status::NotRecognised
    } else {
        Status::Pending
    }
}
