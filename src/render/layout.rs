//! Where each list of the site breaks into pages, decided once per build: each year's
//! roll, each unit's exemplars (newest year first, the roll's order within a year) and
//! the list of units. The list pages and the sitemap both read it.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use super::history::neighbours;
use super::index::Index;
use super::markdown;
use super::pager::{PAGE_BYTES, PAGE_ITEMS, card_weight, page_of, page_url, split};
use super::theme::escape;
use super::views::{Card, Counts, Section, UnitCount, UnitView, YearPage};
use crate::text::collate::compare;

/// The table of a year's exemplars by unit is left off its roll when it alone would
/// weigh more than this (an agency of several hundred units): the units page has it.
pub const BY_UNIT_BYTES: usize = 48 * 1024;

/// What the first page of a roll holds before its exemplars: the plan and the counts.
const ROLL_HEAD: usize = 2048;

/// What a row of the table by unit weighs, besides the unit's name and address.
const BY_UNIT_ROW: usize = 96;

pub struct Layout<'s> {
    /// Each year's roll (`Index::by_year`) in pages.
    pub years: BTreeMap<u16, Vec<Range<usize>>>,
    /// What every page of a year's roll says of the whole year.
    pub rolls: BTreeMap<u16, RollHead>,
    /// Each unit's exemplars in the order of its page, and that list in pages.
    pub unit_lists: HashMap<&'s str, Vec<usize>>,
    pub unit_pages: HashMap<&'s str, Vec<Range<usize>>>,
    /// Each unit's years, with the page where each begins, and its count by year.
    pub unit_years: HashMap<&'s str, (Vec<YearPage>, HashMap<u16, usize>)>,
    /// Every unit of units.toml in Vietnamese order, and that list in pages.
    pub units: Vec<UnitView>,
    pub units_pages: Vec<Range<usize>>,
}

/// What a year's roll says of the whole year on each of its pages, made once.
pub struct RollHead {
    pub counts: Counts,
    /// The groups and their pages (when the roll has several).
    pub sections: Vec<Section>,
    /// The table by unit (empty when it would be too heavy: see [`BY_UNIT_BYTES`]).
    pub by_unit: Vec<UnitCount>,
}

/// The group of the roll a card belongs to.
pub fn group_key(c: &Card) -> &'static str {
    if c.provincial {
        return "provincial";
    }
    match c.kind {
        "collective" => "collectives",
        "leader" => "leaders",
        _ => "staff",
    }
}

pub fn count(cards: &[&Card]) -> Counts {
    let mut c = Counts {
        total: cards.len(),
        ..Counts::default()
    };
    for card in cards {
        match card.kind {
            "collective" => c.collective += 1,
            "leader" => c.leader += 1,
            _ => c.staff += 1,
        }
        c.provincial += usize::from(card.provincial);
    }
    c
}

/// The head of the roll `cards` of `year`, in `pages`.
fn roll_head(
    ix: &Index,
    year: u16,
    cards: &[&Card],
    pages: &[Range<usize>],
    table: bool,
) -> RollHead {
    let url = ix.urls.year(year);
    let mut sections: Vec<Section> = Vec::new();
    if pages.len() > 1 {
        for (k, c) in cards.iter().enumerate() {
            let key = group_key(c);
            let at = page_of(pages, k);
            match sections.last_mut() {
                Some(s) if s.key == key => {
                    s.count += 1;
                    s.to = at;
                }
                _ => sections.push(Section {
                    key,
                    count: 1,
                    url: page_url(&url, at),
                    from: at,
                    to: at,
                }),
            }
        }
    }
    let mut by_unit = Vec::new();
    if table {
        let mut units: BTreeMap<&str, usize> = BTreeMap::new();
        for c in cards {
            *units.entry(&*c.unit_id).or_default() += 1;
        }
        by_unit = units
            .into_iter()
            .map(|(id, count)| UnitCount {
                name: ix
                    .units
                    .name_in_year(id, year)
                    .map_or(id.to_string(), str::to_string),
                url: ix.urls.unit(id),
                count,
            })
            .collect();
        by_unit.sort_by(|a, b| compare(&a.name, &b.name));
    }
    RollHead {
        counts: count(cards),
        sections,
        by_unit,
    }
}

/// A unit's years (newest first) with the page where each begins, and its count by year.
fn unit_years(
    ix: &Index,
    first: &str,
    list: &[usize],
    pages: &[Range<usize>],
) -> (Vec<YearPage>, HashMap<u16, usize>) {
    let mut counts: HashMap<u16, usize> = HashMap::new();
    let mut index: Vec<YearPage> = Vec::new();
    for (k, &i) in list.iter().enumerate() {
        let year = ix.site.profiles[i].year;
        *counts.entry(year).or_default() += 1;
        if index.last().is_none_or(|y| y.year != year) {
            index.push(YearPage {
                year,
                count: 0,
                url: page_url(first, page_of(pages, k)),
            });
        }
    }
    for y in &mut index {
        y.count = counts[&y.year];
    }
    (index, counts)
}

fn card_weights<'a>(cards: impl Iterator<Item = Option<&'a Card>>) -> Vec<usize> {
    cards.map(|c| c.map_or(0, card_weight)).collect()
}

fn unit_view(ix: &Index, md: &markdown::Markdown, u: &crate::content::model::Unit) -> UnitView {
    let (successor, predecessors) = neighbours(ix, u);
    UnitView {
        id: u.id.clone(),
        name: u.name.clone(),
        url: ix.urls.unit(&u.id),
        kind: u.kind.name(),
        count: ix.count_line(&u.id),
        description_html: u
            .description
            .as_deref()
            .map(|d| md.to_html(d))
            .unwrap_or_default(),
        from: u.from.map(|d| d.dmy()),
        until: u.until.map(|d| d.dmy()),
        former: u.until.is_some(),
        successor,
        predecessors,
    }
}

impl<'s> Layout<'s> {
    pub fn new(ix: &Index<'s>, md: &markdown::Markdown) -> Layout<'s> {
        let mut years = BTreeMap::new();
        let mut rolls = BTreeMap::new();
        for (&year, list) in &ix.by_year {
            let table = by_unit_weight(ix, list);
            let shown = table <= BY_UNIT_BYTES;
            let weights = card_weights(list.iter().map(|&i| ix.card(i)));
            let head = ROLL_HEAD + if shown { table } else { 0 };
            let pages = split(&weights, head, PAGE_ITEMS, PAGE_BYTES);
            rolls.insert(year, roll_head(ix, year, &ix.cards(list), &pages, shown));
            years.insert(year, pages);
        }
        // A unit's page: its years newest first; in each, its own exemplars, then those of
        // each unit before it (its line), each part in the roll's order.
        let mut by_year_unit: HashMap<(u16, &str), Vec<usize>> = HashMap::new();
        for (&year, list) in &ix.by_year {
            for &i in list {
                if let Some(u) = ix.site.profiles[i].unit_id() {
                    by_year_unit.entry((year, u)).or_default().push(i);
                }
            }
        }
        let mut unit_lists: HashMap<&str, Vec<usize>> = HashMap::new();
        for u in &ix.site.units {
            let line = ix.units.line(&u.id);
            let list = unit_lists.entry(u.id.as_str()).or_default();
            for &year in ix.by_year.keys().rev() {
                for part in &line {
                    list.extend(
                        by_year_unit
                            .get(&(year, part.id.as_str()))
                            .into_iter()
                            .flatten(),
                    );
                }
            }
        }
        let mut units: Vec<UnitView> = ix.site.units.iter().map(|u| unit_view(ix, md, u)).collect();
        let unit_pages: HashMap<&str, Vec<Range<usize>>> = ix
            .site
            .units
            .iter()
            .zip(&units)
            .map(|(u, view)| {
                let list = unit_lists.get(u.id.as_str()).map(Vec::as_slice);
                let weights = card_weights(list.unwrap_or_default().iter().map(|&i| ix.card(i)));
                let head = ROLL_HEAD + view.description_html.len();
                (u.id.as_str(), split(&weights, head, PAGE_ITEMS, PAGE_BYTES))
            })
            .collect();
        // Today's units first, then those that ended, each in Vietnamese order.
        units.sort_by(|a, b| {
            a.former
                .cmp(&b.former)
                .then_with(|| compare(&a.name, &b.name))
        });
        let unit_years = ix
            .site
            .units
            .iter()
            .map(|u| {
                let id = u.id.as_str();
                let list = unit_lists.get(id).map(Vec::as_slice).unwrap_or_default();
                let pages: &Vec<Range<usize>> = &unit_pages[id];
                (id, unit_years(ix, &ix.urls.unit(id), list, pages))
            })
            .collect();
        let weights: Vec<usize> = units
            .iter()
            .map(|u| 400 + 2 * escape(&u.name).len() + u.url.len() + u.description_html.len())
            .collect();
        let units_pages = split(&weights, 0, PAGE_ITEMS, PAGE_BYTES);
        Layout {
            years,
            rolls,
            unit_lists,
            unit_pages,
            unit_years,
            units,
            units_pages,
        }
    }

    /// The addresses of the pages of every list beyond its first (for the sitemap).
    pub fn further_pages(&self, ix: &Index) -> Vec<String> {
        let more = |first: String, pages: &[Range<usize>]| {
            (2..=pages.len())
                .map(|n| page_url(&first, n))
                .collect::<Vec<_>>()
        };
        let mut out = Vec::new();
        for (&year, pages) in &self.years {
            out.extend(more(ix.urls.year(year), pages));
        }
        out.extend(more(ix.urls.units(), &self.units_pages));
        let mut ids: Vec<&&str> = self.unit_pages.keys().collect();
        ids.sort_unstable();
        for id in ids {
            out.extend(more(ix.urls.unit(id), &self.unit_pages[*id]));
        }
        out
    }

    /// Every list page's file, with what renders it.
    pub fn files(&self, ix: &Index<'s>) -> Vec<(String, ListPage<'s>)> {
        let file =
            |url: &str| super::urls::page_file(url.strip_prefix(&ix.urls.base).unwrap_or(url));
        let mut out = vec![(file(&ix.urls.home()), ListPage::Home)];
        for (&year, pages) in &self.years {
            for n in 1..=pages.len() {
                out.push((
                    file(&page_url(&ix.urls.year(year), n)),
                    ListPage::Year(year, n),
                ));
            }
        }
        for n in 1..=self.units_pages.len() {
            out.push((file(&page_url(&ix.urls.units(), n)), ListPage::Units(n)));
        }
        for u in &ix.site.units {
            let count = self.unit_pages.get(u.id.as_str()).map_or(1, Vec::len);
            for n in 1..=count {
                out.push((
                    file(&page_url(&ix.urls.unit(&u.id), n)),
                    ListPage::Unit(u, n),
                ));
            }
        }
        out
    }
}

/// A page of a list: which list, and which page of it (1-based).
#[derive(Clone, Copy)]
pub enum ListPage<'s> {
    Home,
    Year(u16, usize),
    Units(usize),
    Unit(&'s crate::content::model::Unit, usize),
}

/// What the table of a year's exemplars by unit weighs.
fn by_unit_weight(ix: &Index, list: &[usize]) -> usize {
    let mut units: HashMap<&str, ()> = HashMap::new();
    for &i in list {
        if let Some(u) = ix.site.profiles[i].unit_id() {
            units.insert(u, ());
        }
    }
    units
        .keys()
        .map(|id| {
            let name = ix.site.unit(id).map_or(*id, |u| u.name.as_str());
            BY_UNIT_ROW + escape(name).len() + ix.urls.unit(id).len()
        })
        .sum()
}
