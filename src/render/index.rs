//! What is published and in what order, computed once per build: each profile's status,
//! the lists by year and by unit in Vietnamese order, and one card per listed profile.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use rayon::prelude::*;

use super::avatar;
use super::urls::Urls;
use super::views::{Avatar, Card, PhotoView};
use crate::content::model::{Kind, Profile, Site};
use crate::facts::consent::story_allowed;
use crate::facts::people::People;
use crate::facts::status::{Status, status};
use crate::facts::units::Units;

/// A unit's listed collective in a year, and the listed leaders who head it.
pub type Group = (Option<usize>, Vec<usize>);

pub struct Index<'s> {
    pub site: &'s Site,
    pub urls: Urls,
    pub drafts: bool,
    pub status: Vec<Status>,
    /// A card for every profile that appears in lists (recognised; pending with drafts).
    pub cards: Vec<Option<Card>>,
    /// Profiles that get a page: the listed ones and the revoked ones.
    pub pages: Vec<usize>,
    /// Listed profiles by year, in roll order.
    pub by_year: BTreeMap<u16, Vec<usize>>,
    /// Listed profiles by unit, in Vietnamese order.
    pub by_unit: HashMap<&'s str, Vec<usize>>,
    /// Where each listed profile stands in its year's list and in its unit's list.
    pub place_in_year: Vec<usize>,
    pub place_in_unit: Vec<usize>,
    /// For each (year, unit): its listed collective and the listed leaders who head it.
    pub heads: HashMap<(u16, &'s str), Group>,
    /// The published photo of each profile, as its own page shows it (see `images`).
    pub portraits: Vec<Option<PhotoView>>,
    /// The units over time: periods, predecessors, successors.
    pub units: Units<'s>,
    /// Each recognised exemplar's other years and run of years.
    pub people: People,
}

pub use crate::facts::order::order;

pub fn is_provincial(p: &Profile) -> bool {
    p.province.is_some()
}

impl<'s> Index<'s> {
    pub fn new(site: &'s Site, urls: Urls, drafts: bool) -> Index<'s> {
        let status: Vec<Status> = site
            .profiles
            .par_iter()
            .map(|p| status(p, site.plan(p.year)))
            .collect();
        let listed = |i: usize| match status[i] {
            Status::Recognised => true,
            Status::Pending => drafts,
            _ => false,
        };
        let mut order_idx: Vec<usize> = (0..site.profiles.len()).filter(|&i| listed(i)).collect();
        order_idx.par_sort_by(|&a, &b| order(&site.profiles[a], &site.profiles[b]));
        let mut by_year: BTreeMap<u16, Vec<usize>> = BTreeMap::new();
        let mut by_unit: HashMap<&str, Vec<usize>> = HashMap::new();
        for &i in &order_idx {
            let p = &site.profiles[i];
            by_year.entry(p.year).or_default().push(i);
            if let Some(u) = p.unit_id() {
                by_unit.entry(u).or_default().push(i);
            }
        }
        // Each year's list is in Vietnamese order already: a stable sort by rank alone
        // gives the roll's order without comparing names again.
        for list in by_year.values_mut() {
            list.sort_by_key(|&i| roll_rank(&site.profiles[i]));
        }
        let mut place_in_year = vec![0; site.profiles.len()];
        let mut place_in_unit = vec![0; site.profiles.len()];
        for (lists, places) in [
            (by_year.values().collect::<Vec<_>>(), &mut place_in_year),
            (by_unit.values().collect(), &mut place_in_unit),
        ] {
            for list in lists {
                for (k, &i) in list.iter().enumerate() {
                    places[i] = k;
                }
            }
        }
        // A unit's own collective is the one that bears its name (its teams have names
        // of their own), else its first in Vietnamese order.
        let mut heads: HashMap<(u16, &str), Group> = HashMap::new();
        for &i in &order_idx {
            let p = &site.profiles[i];
            let Some(u) = p.unit_id() else { continue };
            let entry = heads.entry((p.year, u)).or_default();
            match p.kind() {
                Some(Kind::Collective) => {
                    let own = site.unit(u).is_some_and(|unit| unit.name == p.name());
                    let first_is_own = entry.0.is_some_and(|c| {
                        site.unit(u)
                            .is_some_and(|unit| unit.name == site.profiles[c].name())
                    });
                    if entry.0.is_none() || (own && !first_is_own) {
                        entry.0 = Some(i);
                    }
                }
                Some(Kind::Leader) => entry.1.push(i),
                _ => {}
            }
        }
        let mut cards = vec![None; site.profiles.len()];
        let shared = Shared::new(site, &urls);
        let made: Vec<Card> = order_idx
            .par_iter()
            .map(|&i| card(&shared, &urls, &site.profiles[i], status[i]))
            .collect();
        for (&i, c) in order_idx.iter().zip(made) {
            cards[i] = Some(c);
        }
        let mut pages: Vec<usize> = (0..site.profiles.len())
            .filter(|&i| listed(i) || status[i] == Status::Revoked)
            .collect();
        let units = Units::new(&site.units);
        let people = People::new(site, &units, &status);
        pages.sort_by_key(|&i| (site.profiles[i].year, site.profiles[i].slug.as_str()));
        Index {
            site,
            urls,
            drafts,
            status,
            cards,
            pages,
            by_year,
            by_unit,
            place_in_year,
            place_in_unit,
            heads,
            portraits: vec![None; site.profiles.len()],
            units,
            people,
        }
    }

    /// How many listed profiles unit `id` and every unit before it have.
    pub fn count_line(&self, id: &str) -> usize {
        self.units
            .line(id)
            .iter()
            .filter_map(|u| self.by_unit.get(u.id.as_str()))
            .map(Vec::len)
            .sum()
    }

    /// The listed profiles of unit `id` and of every unit before it, in Vietnamese order:
    /// what the unit's page shows.
    pub fn by_line(&self, id: &str) -> Vec<usize> {
        let mut list: Vec<usize> = self
            .units
            .line(id)
            .iter()
            .filter_map(|u| self.by_unit.get(u.id.as_str()))
            .flatten()
            .copied()
            .collect();
        let profiles = &self.site.profiles;
        list.sort_by(|&a, &b| order(&profiles[a], &profiles[b]));
        list
    }

    /// The profiles that get a page, each unit's in the unit's order, then the others:
    /// the order to render them in, so that the cards of a page's related exemplars (its
    /// neighbours in its unit) were just rendered for the pages before it.
    pub fn pages_by_unit(&self) -> Vec<usize> {
        let mut has_page = vec![false; self.site.profiles.len()];
        for &i in &self.pages {
            has_page[i] = true;
        }
        let mut out = Vec::with_capacity(self.pages.len());
        for u in &self.site.units {
            for &i in self.by_unit.get(u.id.as_str()).into_iter().flatten() {
                if std::mem::take(&mut has_page[i]) {
                    out.push(i);
                }
            }
        }
        out.extend(self.pages.iter().copied().filter(|&i| has_page[i]));
        out
    }

    pub fn card(&self, i: usize) -> Option<&Card> {
        self.cards[i].as_ref()
    }

    pub fn cards<I: std::borrow::Borrow<usize>>(
        &self,
        list: impl IntoIterator<Item = I>,
    ) -> Vec<&Card> {
        list.into_iter()
            .filter_map(|i| self.card(*i.borrow()))
            .collect()
    }

    /// Counts of recognised (and, with drafts, pending) profiles by status, for the summary.
    pub fn count(&self, s: Status) -> usize {
        self.status.iter().filter(|&&x| x == s).count()
    }
}

/// Roll order: provincial first, then collectives, leaders, staff; each in Vietnamese
/// order (which a stable sort by this rank keeps).
fn roll_rank(p: &Profile) -> (bool, Option<Kind>) {
    (!is_provincial(p), p.kind())
}

pub fn avatar_of(name: &str) -> Avatar {
    Avatar {
        initials: avatar::initials(name),
        color: avatar::color(name),
        photo: None,
    }
}

/// The values many cards share: each unit's id, name and address, each year's address.
struct Shared {
    units: HashMap<String, [Arc<str>; 3]>,
    years: HashMap<u16, Arc<str>>,
}

impl Shared {
    fn new(site: &Site, urls: &Urls) -> Shared {
        let mut units = HashMap::new();
        let mut years = HashMap::new();
        for p in &site.profiles {
            let id = p.unit_id().unwrap_or_default();
            if !units.contains_key(id) {
                let name = site.unit(id).map_or(id, |u| u.name.as_str());
                units.insert(
                    id.to_string(),
                    [id.into(), name.into(), urls.unit(id).into()],
                );
            }
            years
                .entry(p.year)
                .or_insert_with(|| Arc::from(urls.year(p.year)));
        }
        Shared { units, years }
    }
}

fn card(shared: &Shared, urls: &Urls, p: &Profile, s: Status) -> Card {
    let [unit_id, unit_name, unit_url] = shared.units[p.unit_id().unwrap_or_default()].clone();
    Card {
        name: p.name().to_string(),
        url: urls.profile(p.year, &p.slug),
        kind: p.kind().map_or("staff", Kind::name),
        position: p.position.as_ref().map(|x| x.value.clone()),
        unit_url,
        unit_id,
        unit_name,
        year: p.year,
        year_url: shared.years[&p.year].clone(),
        summary: p
            .summary
            .as_ref()
            .filter(|_| story_allowed(p))
            .map(|x| x.value.clone())
            .unwrap_or_default(),
        provincial: is_provincial(p),
        status: s.name(),
        avatar: avatar_of(p.name()),
    }
}
