//! The parts of pages that tell time: a unit's history (when it began and ended, the
//! units before and after it), an exemplar's other years and run of years, and the name
//! the organisation had when it issued a decision. Facts come from `facts` (computed once
//! per site in the index); here they only become views.

use super::index::Index;
use super::views::{OtherYear, RunView, UnitLink};
use crate::content::model::Unit;
use crate::text::date::Date;

pub fn unit_link(ix: &Index, u: &Unit) -> UnitLink {
    UnitLink {
        id: u.id.clone(),
        name: u.name.clone(),
        url: ix.urls.unit(&u.id),
        from: u.from.map(|d| d.dmy()),
        until: u.until.map(|d| d.dmy()),
    }
}

/// The unit that took over `u`'s work, and those whose work it took over.
pub fn neighbours(ix: &Index, u: &Unit) -> (Option<UnitLink>, Vec<UnitLink>) {
    let successor = ix.units.successor(&u.id).map(|s| unit_link(ix, s));
    let predecessors = ix
        .units
        .predecessors(&u.id)
        .into_iter()
        .map(|p| unit_link(ix, p))
        .collect();
    (successor, predecessors)
}

/// The other years profile `i`'s exemplar was recognised in, and its run of years.
pub fn others(ix: &Index, i: usize) -> (Vec<OtherYear>, Option<RunView>) {
    let site = ix.site;
    let years = ix.people.others[i]
        .iter()
        .map(|&j| {
            let q = &site.profiles[j];
            OtherYear {
                year: q.year,
                url: ix.urls.profile(q.year, &q.slug),
                name: q.name().to_string(),
            }
        })
        .collect();
    let run = ix.people.runs[i].map(|r| RunView {
        years: r.years(),
        first: r.first,
        last: r.last,
    });
    (years, run)
}

/// The organisation's name on `date`, when it is not today's.
pub fn issuer(ix: &Index, date: Date) -> Option<String> {
    let era = crate::facts::organisation::at(&ix.site.config, date);
    era.earlier.then(|| era.name.to_string())
}
