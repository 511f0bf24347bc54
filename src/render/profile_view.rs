//! A profile page's own values: the profile as the page shows it, and its related
//! exemplars.

use super::history::{issuer, others};
use super::index::{avatar_of, is_provincial};
use super::pages::{CardValues, Pages};
use super::views::*;
use crate::content::model::{Kind, Plan, Profile, Record};
use crate::content::source::At;
use crate::facts::consent::story_allowed;
use crate::facts::status::Status;

/// How many related exemplars a profile page shows.
const RELATED: usize = 6;

impl Pages<'_> {
    /// Up to six exemplars of the same unit, then of the same year: the neighbours of this
    /// profile in those lists, leaving out `shown` (cards the page already has) and the
    /// same exemplar's other years (linked already).
    pub(super) fn related(&self, i: usize, p: &Profile, shown: &[usize]) -> CardValues {
        let ix = self.index;
        let mut out: Vec<usize> = Vec::with_capacity(RELATED);
        let lists = [
            (
                p.unit_id().and_then(|u| ix.by_unit.get(u)),
                ix.place_in_unit[i],
            ),
            (ix.by_year.get(&p.year), ix.place_in_year[i]),
        ];
        for (list, pos) in lists {
            let Some(list) = list else { continue };
            // Neighbours in the list's order, after this profile first, wrapping around.
            for k in 1..list.len() {
                let j = list[(pos + k) % list.len()];
                if out.len() >= RELATED {
                    break;
                }
                let same = ix.people.others[i].contains(&j);
                if j != i && !same && !out.contains(&j) && !shown.contains(&j) {
                    out.push(j);
                }
            }
        }
        self.card_values(&out)
    }

    /// What a profile page shows of a profile.
    pub(super) fn profile_view(
        &self,
        i: usize,
        status: Status,
        plan: Option<&Plan>,
        story_html: String,
    ) -> Result<ProfileView, String> {
        let ix = self.index;
        let p = &ix.site.profiles[i];
        let unit_id = p.unit_id().unwrap_or_default().to_string();
        let kind = p.kind().unwrap_or(Kind::Staff);
        let text = |f: &Option<At<String>>| f.as_ref().map(|x| x.value.clone()).unwrap_or_default();
        // The agency's own acts name it as it was named then; the province's do not.
        let dated = |r: &Option<Record>, ours: bool| {
            r.as_ref().map(|r| Dated {
                number: text(&r.number),
                date: r.date.as_ref().map(|d| d.value.dmy()).unwrap_or_default(),
                by: r
                    .date
                    .as_ref()
                    .filter(|_| ours)
                    .and_then(|d| issuer(ix, d.value)),
            })
        };
        // Taken down at the person's request: what tells their story goes (the summary
        // and the evidence too); the recognition, a public act, stays.
        let told = story_allowed(p);
        let written = match plan.filter(|_| told) {
            Some(_) => p.evidence()?,
            None => Vec::new(),
        };
        let criteria = plan
            .filter(|_| told)
            .map(|plan| {
                plan.criteria_for(kind)
                    .filter_map(|c| {
                        let evidence = written.iter().find(|(k, _)| *k == c.id)?.1.as_ref()?;
                        Some(CriterionView {
                            id: c.id.clone(),
                            text: c.text.clone(),
                            evidence: evidence.clone(),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        let movements = p
            .movements
            .iter()
            .flat_map(|m| m.value.iter())
            .filter_map(|m| plan.and_then(|pl| pl.movement(&m.value)))
            .map(|m| MovementView {
                id: m.id.clone(),
                name: m.name.clone(),
            })
            .collect();
        let revoked = status == Status::Revoked;
        // A revoked recognition is a notice, not one of the exemplar's years.
        let (others, run) = if revoked {
            (Vec::new(), None)
        } else {
            others(ix, i)
        };
        Ok(ProfileView {
            name: p.name().to_string(),
            kind: kind.name(),
            position: p.position.as_ref().map(|x| x.value.clone()),
            unit_name: ix
                .site
                .unit(&unit_id)
                .map_or_else(|| unit_id.clone(), |u| u.name.clone()),
            unit_url: ix.urls.unit(&unit_id),
            unit_id,
            year: p.year,
            year_url: ix.urls.year(p.year),
            provincial: is_provincial(p) && !revoked,
            status: status.name(),
            decision: dated(&p.decision, true),
            province: dated(&p.province, false),
            revoked: dated(&p.revoked, true).map(|d| Revocation {
                number: d.number,
                date: d.date,
                by: d.by,
                reason: p
                    .revoked
                    .as_ref()
                    .map(|r| text(&r.reason))
                    .unwrap_or_default(),
            }),
            summary: if told {
                text(&p.summary)
            } else {
                String::new()
            },
            avatar: Avatar {
                photo: ix.portraits[i].clone(),
                ..ix.card(i)
                    .map_or_else(|| avatar_of(p.name()), |c| c.avatar.clone())
            },
            criteria,
            movements,
            members: p.members.as_ref().map(|m| m.value),
            excellent_members: p.excellent_members.as_ref().map(|m| m.value),
            story_html,
            story_withdrawn: !told,
            others,
            run,
        })
    }
}
