//! Units over time: when each unit was in being (`from`, `until`), who came before it (the
//! units whose `successor` it is) and after it, and the name a unit's line had on a day
//! or in a year. Built once from `units.toml` and asked by checking (`unit-period`),
//! rendering (unit pages, the units page, rolls) and the Council's documents alike.

use std::collections::HashMap;

use crate::content::model::Unit;
use crate::text::date::Date;

/// Where a day falls in a unit's life.
#[derive(Debug, Clone, Copy)]
pub enum OnDate<'s> {
    InBeing,
    /// Before `from`; `predecessor` is the unit of its line in being that day, if any.
    NotYet {
        from: Date,
        predecessor: Option<&'s Unit>,
    },
    /// After `until`; `successor` is the unit of its line in being that day (or the last
    /// of its successors), if any.
    Ended {
        until: Date,
        successor: Option<&'s Unit>,
    },
}

/// The units of a site with their links in time.
pub struct Units<'s> {
    units: &'s [Unit],
    by_id: HashMap<&'s str, usize>,
    /// For each unit, the units whose successor it is, in the order of units.toml.
    predecessors: Vec<Vec<usize>>,
}

/// Whether `u` was in being on `date`.
pub fn in_being(u: &Unit, date: Date) -> bool {
    u.from.is_none_or(|f| f <= date) && u.until.is_none_or(|t| date <= t)
}

/// Whether `u` was in being on some day of `year`.
pub fn in_being_in(u: &Unit, year: u16) -> bool {
    let year = i32::from(year);
    u.from.is_none_or(|f| f.year <= year) && u.until.is_none_or(|t| year <= t.year)
}

impl<'s> Units<'s> {
    pub fn new(units: &'s [Unit]) -> Units<'s> {
        let by_id: HashMap<&str, usize> = units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.as_str(), i))
            .collect();
        let mut predecessors = vec![Vec::new(); units.len()];
        for (i, u) in units.iter().enumerate() {
            if let Some(&s) = u.successor.as_deref().and_then(|s| by_id.get(s))
                && s != i
            {
                predecessors[s].push(i);
            }
        }
        Units {
            units,
            by_id,
            predecessors,
        }
    }

    pub fn get(&self, id: &str) -> Option<&'s Unit> {
        self.by_id.get(id).map(|&i| &self.units[i])
    }

    /// Every unit, in the order of units.toml.
    pub fn all(&self) -> &'s [Unit] {
        self.units
    }

    /// A unit that has ended (it has `until`): listed among former units.
    pub fn is_former(&self, id: &str) -> bool {
        self.get(id).is_some_and(|u| u.until.is_some())
    }

    pub fn successor(&self, id: &str) -> Option<&'s Unit> {
        self.get(id)?.successor.as_deref().and_then(|s| self.get(s))
    }

    /// The units whose work `id` took over, in the order of units.toml.
    pub fn predecessors(&self, id: &str) -> Vec<&'s Unit> {
        let Some(&i) = self.by_id.get(id) else {
            return Vec::new();
        };
        self.predecessors[i]
            .iter()
            .map(|&p| &self.units[p])
            .collect()
    }

    /// Every unit before `id` in time, nearest first (predecessors, theirs, …).
    pub fn ancestors(&self, id: &str) -> Vec<&'s Unit> {
        let Some(&start) = self.by_id.get(id) else {
            return Vec::new();
        };
        let mut seen = vec![false; self.units.len()];
        seen[start] = true;
        let mut out = Vec::new();
        let mut queue = vec![start];
        let mut k = 0;
        while k < queue.len() {
            for &p in &self.predecessors[queue[k]] {
                if !std::mem::replace(&mut seen[p], true) {
                    out.push(&self.units[p]);
                    queue.push(p);
                }
            }
            k += 1;
        }
        out
    }

    /// Every unit after `id` in time: its successor, that one's, …
    pub fn descendants(&self, id: &str) -> Vec<&'s Unit> {
        let mut out: Vec<&Unit> = Vec::new();
        let mut at = id;
        while let Some(next) = self.successor(at) {
            if next.id == id || out.iter().any(|u| u.id == next.id) {
                break;
            }
            out.push(next);
            at = &next.id;
        }
        out
    }

    /// `id` and every unit before it: the units whose exemplars its page shows.
    pub fn line(&self, id: &str) -> Vec<&'s Unit> {
        self.get(id).into_iter().chain(self.ancestors(id)).collect()
    }

    /// Whether one of `a` and `b` came after the other (or they are one unit): their
    /// collectives are one collective over the years.
    pub fn related(&self, a: &str, b: &str) -> bool {
        a == b
            || self.ancestors(a).iter().any(|u| u.id == b)
            || self.ancestors(b).iter().any(|u| u.id == a)
    }

    /// Where `date` falls in the life of unit `id` (`None` for an unknown id).
    pub fn on(&self, id: &str, date: Date) -> Option<OnDate<'s>> {
        let u = self.get(id)?;
        if let Some(from) = u.from.filter(|&f| date < f) {
            let predecessor = self.ancestors(id).into_iter().find(|a| in_being(a, date));
            return Some(OnDate::NotYet { from, predecessor });
        }
        if let Some(until) = u.until.filter(|&t| date > t) {
            let after = self.descendants(id);
            let successor = after
                .iter()
                .copied()
                .find(|s| in_being(s, date))
                .or(after.last().copied());
            return Some(OnDate::Ended { until, successor });
        }
        Some(OnDate::InBeing)
    }

    /// The name of the unit of `id`'s line in being on `date`: its own, a predecessor's
    /// before it began, a successor's after it ended (its own when none was).
    pub fn name_on(&self, id: &str, date: Date) -> Option<&'s str> {
        let own = self.get(id)?;
        let named = match self.on(id, date)? {
            OnDate::InBeing => own,
            OnDate::NotYet { predecessor, .. } => predecessor.unwrap_or(own),
            OnDate::Ended { successor, .. } => {
                successor.filter(|s| in_being(s, date)).unwrap_or(own)
            }
        };
        Some(&named.name)
    }

    /// The name of unit `id` in `year`, as that year's roll and documents print it: its
    /// own when it was in being that year, else the name its line had then.
    pub fn name_in_year(&self, id: &str, year: u16) -> Option<&'s str> {
        let u = self.get(id)?;
        if in_being_in(u, year) {
            return Some(&u.name);
        }
        let y = i32::from(year);
        let day = match u.from {
            Some(f) if y < f.year => Date::new(y, 12, 31),
            _ => Date::new(y, 1, 1),
        }?;
        self.name_on(id, day)
    }
}

#[cfg(test)]
mod tests;
