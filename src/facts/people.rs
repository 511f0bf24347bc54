//! People across years: the profiles of one `person` (a leader's or staff member's), and
//! the collectives of one unit's line (the unit, its predecessors and successors) that
//! bear their unit's name, are one exemplar recognised in several years; a team of a unit
//! (`Tổ Một cửa - Văn phòng Sở`) is one with the team of the same name in other years. For each recognised profile: its other
//! recognitions, and the run of consecutive years it belongs to. Only recognised profiles
//! count: a revoked year is no recognition, so it breaks a run. Computed once per site.

use std::collections::HashMap;

use super::status::Status;
use super::units::Units;
use crate::content::model::{Kind, Site};

/// Years in a row, first and last (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub first: u16,
    pub last: u16,
}

impl Run {
    pub fn years(self) -> u16 {
        self.last - self.first + 1
    }
}

#[derive(Debug, Default)]
pub struct People {
    /// For each profile, the other recognised profiles of the same exemplar, by year (then
    /// by file); empty for a profile that is not recognised.
    pub others: Vec<Vec<usize>>,
    /// For each recognised profile, the run of consecutive years it belongs to, when it
    /// spans two years or more.
    pub runs: Vec<Option<Run>>,
}

/// The run of consecutive years in `years` that holds `year`.
pub fn run_holding(years: &[u16], year: u16) -> Run {
    let mut run = Run {
        first: year,
        last: year,
    };
    while run.first > 0 && years.contains(&(run.first - 1)) {
        run.first -= 1;
    }
    while years.contains(&(run.last + 1)) {
        run.last += 1;
    }
    run
}

impl People {
    pub fn new(site: &Site, units: &Units, status: &[Status]) -> People {
        let n = site.profiles.len();
        let recognised = |i: usize| status.get(i) == Some(&Status::Recognised);
        let mut by_person: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut collectives: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut teams: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
        for (i, p) in site.profiles.iter().enumerate() {
            if !recognised(i) {
                continue;
            }
            match (p.kind(), p.person(), p.unit_id()) {
                (Some(Kind::Collective), _, Some(u)) => {
                    let own = units
                        .line(u)
                        .iter()
                        .chain(units.descendants(u).iter())
                        .any(|x| x.name == p.name());
                    if own {
                        collectives.entry(u).or_default().push(i);
                    } else {
                        teams.entry((u, p.name())).or_default().push(i);
                    }
                }
                (Some(Kind::Leader | Kind::Staff), Some(person), _) => {
                    by_person.entry(person).or_default().push(i)
                }
                _ => {}
            }
        }
        let mut others = vec![Vec::new(); n];
        for group in by_person.values().chain(teams.values()) {
            for &i in group {
                others[i] = group.iter().copied().filter(|&j| j != i).collect();
            }
        }
        // A collective's line: the collectives of the units before and after its own.
        let mut lines: HashMap<&str, Vec<&str>> = HashMap::new();
        for (&u, group) in &collectives {
            let line = lines.entry(u).or_insert_with(|| {
                let mut ids: Vec<&str> = units
                    .ancestors(u)
                    .into_iter()
                    .chain(units.descendants(u))
                    .map(|x| x.id.as_str())
                    .collect();
                ids.push(u);
                ids
            });
            let all: Vec<usize> = line
                .iter()
                .filter_map(|id| collectives.get(id))
                .flatten()
                .copied()
                .collect();
            for &i in group {
                others[i] = all.iter().copied().filter(|&j| j != i).collect();
            }
        }
        let mut runs = vec![None; n];
        for (i, list) in others.iter_mut().enumerate() {
            list.sort_by_key(|&j| (site.profiles[j].year, site.profiles[j].file()));
            if list.is_empty() {
                continue;
            }
            let year = site.profiles[i].year;
            let years: Vec<u16> = list.iter().map(|&j| site.profiles[j].year).collect();
            let run = run_holding(&years, year);
            runs[i] = (run.years() >= 2).then_some(run);
        }
        People { others, runs }
    }
}

#[cfg(test)]
mod tests;
