//! The list pages: the home page, each page of a year's roll, of a unit's exemplars and
//! of the list of units. Each page holds a slice of its list, cut where `Layout` says,
//! with the pager that leads to the others.

use std::ops::Range;

use super::history::{issuer, unit_link};
use super::index::Index;
use super::layout::{ListPage, group_key};
use super::pager::{page_url, pager};
use super::pages::{Html, Pages};
use super::share::Owner;
use super::views::*;
use crate::content::model::{Plan, Unit};
use crate::facts::organisation::name_on;
use crate::text::collate::compare;
use crate::text::date::Date;

/// How many exemplars of the latest year the home page shows before the link to the
/// whole roll.
pub const HOME_CARDS: usize = 24;

/// How many units the home page lists (those with the most exemplars, in Vietnamese
/// order); the units page lists them all.
pub const HOME_UNITS: usize = 48;

/// `cards` in the roll's groups; `before` is the card just before them in the same list
/// (on an earlier page), if any.
fn groups<'a>(cards: &[&'a Card], before: Option<&Card>) -> Groups<'a> {
    let mut g = Groups {
        continued: match (before, cards.first()) {
            (Some(b), Some(c)) if group_key(b) == group_key(c) => group_key(c),
            _ => "",
        },
        ..Groups::default()
    };
    for &c in cards {
        match group_key(c) {
            "provincial" => g.provincial.push(c),
            "collectives" => g.collectives.push(c),
            "leaders" => g.leaders.push(c),
            _ => g.staff.push(c),
        }
    }
    g
}

pub(super) fn plan_view(ix: &Index, plan: &Plan) -> PlanView {
    PlanView {
        number: plan.number.clone(),
        title: plan.title.clone(),
        issued: plan.issued.map(|d| d.dmy()),
        deadline: plan.deadline.dmy(),
        by: plan.issued.and_then(|d| issuer(ix, d)),
    }
}

/// The organisation's name in `year`: on the day its plan was issued, else at its end.
fn organisation_in(ix: &Index, year: u16) -> String {
    let day = ix
        .site
        .plan(year)
        .and_then(|p| p.issued)
        .or(Date::new(i32::from(year), 12, 31));
    match day {
        Some(d) => name_on(&ix.site.config, d).to_string(),
        None => ix.site.config.organisation.clone(),
    }
}

impl<'a> Pages<'a> {
    /// Where `year`'s roll breaks into pages.
    fn year_pages(&self, year: u16) -> &[Range<usize>] {
        self.layout
            .years
            .get(&year)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// Renders a list page.
    pub fn list_page(&self, page: ListPage) -> Result<Html, String> {
        match page {
            ListPage::Home => self.home(),
            ListPage::Year(year, n) => self.year(year, n),
            ListPage::Units(n) => self.units(n),
            ListPage::Unit(u, n) => self.unit(u, n),
        }
    }

    /// The page `number` of `year`'s roll, showing the exemplars `range` of it; the home
    /// page shows the start of the latest roll without a pager.
    pub fn roll(&self, year: u16, number: usize, range: Range<usize>, paged: bool) -> Roll<'_> {
        let ix = self.index;
        let list = ix.by_year.get(&year).map(Vec::as_slice).unwrap_or_default();
        let pages = self.year_pages(year);
        let head = self.layout.rolls.get(&year);
        let url = ix.urls.year(year);
        let range = range.start.min(list.len())..range.end.min(list.len());
        let before = range.start.checked_sub(1).and_then(|b| ix.card(list[b]));
        let shown = ix.cards(&list[range]);
        Roll {
            year,
            organisation: organisation_in(ix, year),
            plan: ix.site.plan(year).map(|p| plan_view(ix, p)),
            groups: groups(&shown, before),
            counts: head.map(|h| h.counts.clone()).unwrap_or_default(),
            by_unit: match head {
                Some(h) if number == 1 => h.by_unit.clone(),
                _ => Vec::new(),
            },
            drafts: ix.drafts,
            sections: head.map(|h| h.sections.clone()).unwrap_or_default(),
            pager: if paged {
                pager(&url, number, pages.len())
            } else {
                None
            },
            shown: shown.len(),
            board_url: ix.urls.board(year),
            url,
        }
    }

    fn home(&self) -> Result<Html, String> {
        let ix = self.index;
        let years = ix.site.years();
        let latest = years.first().map(|&y| {
            let end = self.year_pages(y).first().map_or(0, |r| r.end);
            self.roll(y, 1, 0..end.min(HOME_CARDS), false)
        });
        let summaries: Vec<YearSummary> = years
            .iter()
            .map(|&y| {
                let plan = ix.site.plan(y);
                YearSummary {
                    year: y,
                    url: ix.urls.year(y),
                    plan_number: plan.map(|p| p.number.clone()).unwrap_or_default(),
                    plan_title: plan.map(|p| p.title.clone()).unwrap_or_default(),
                    counts: self
                        .layout
                        .rolls
                        .get(&y)
                        .map(|h| h.counts.clone())
                        .unwrap_or_default(),
                }
            })
            .collect();
        let mut units: Vec<&UnitView> = self.layout.units.iter().collect();
        if units.len() > HOME_UNITS {
            let mut by_count = units.clone();
            by_count.sort_by(|a, b| {
                b.count
                    .cmp(&a.count)
                    .then_with(|| compare(&a.name, &b.name))
            });
            by_count.truncate(HOME_UNITS);
            units.retain(|u| by_count.iter().any(|b| b.id == u.id));
        }
        let title = ix.site.config.title.clone();
        let page = self.meta("home", title, None, &ix.urls.home(), Some(Owner::Home));
        self.render(
            "home.html",
            page,
            &[
                ("latest", &latest),
                ("years", &summaries),
                ("units", &units),
            ],
            "",
        )
    }

    fn year(&self, year: u16, number: usize) -> Result<Html, String> {
        let pages = self.year_pages(year);
        let range = pages.get(number - 1).cloned().unwrap_or(0..0);
        let roll = self.roll(year, number, range, true);
        let description = roll.plan.as_ref().map(|p| p.title.clone());
        let url = page_url(&roll.url, number);
        let page = self.meta(
            "year",
            year.to_string(),
            description.as_deref(),
            &url,
            Some(Owner::Year(year)),
        );
        self.render("year.html", page, &[("roll", &roll)], "")
    }

    fn units(&self, number: usize) -> Result<Html, String> {
        let ix = self.index;
        let pages = &self.layout.units_pages;
        let range = pages.get(number - 1).cloned().unwrap_or(0..0);
        let all = &self.layout.units;
        let units = &all[range.start.min(all.len())..range.end.min(all.len())];
        let (former, current): (Vec<&UnitView>, Vec<&UnitView>) =
            units.iter().partition(|u| u.former);
        let has_former = all.iter().any(|u| u.former);
        let title = self.theme.word("units_title", "Đơn vị").to_string();
        let first = ix.urls.units();
        let page = self.meta("units", title, None, &page_url(&first, number), None);
        let pager = pager(&first, number, pages.len());
        self.render(
            "units.html",
            page,
            &[
                ("units", &units),
                ("current", &current),
                ("former", &former),
                ("has_former", &has_former),
                ("pager", &pager),
            ],
            "",
        )
    }

    fn unit(&self, u: &Unit, number: usize) -> Result<Html, String> {
        let ix = self.index;
        let Some(view) = self.layout.units.iter().find(|v| v.id == u.id) else {
            return Err(format!("don-vi/{}: not in units.toml", u.id));
        };
        let list = self
            .layout
            .unit_lists
            .get(u.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or_default();
        let pages = self
            .layout
            .unit_pages
            .get(u.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or_default();
        let range = pages.get(number - 1).cloned().unwrap_or(0..0);
        let range = range.start.min(list.len())..range.end.min(list.len());
        let first = ix.urls.unit(&u.id);
        let (index, counts) = self
            .layout
            .unit_years
            .get(u.id.as_str())
            .map_or((&[][..], None), |(i, c)| (i.as_slice(), Some(c)));
        let count_of = |year: u16| counts.and_then(|c| c.get(&year)).copied().unwrap_or(0);
        // Runs of one year and one unit of the line (this one, then those before it).
        let line = ix.units.line(&u.id);
        let part_of = |i: usize| {
            let p = &ix.site.profiles[i];
            let at = line.iter().position(|x| Some(x.id.as_str()) == p.unit_id());
            (p.year, at.unwrap_or_default())
        };
        let mut years: Vec<UnitYear> = Vec::new();
        let mut at = range.start;
        while at < range.end {
            let (year, part) = part_of(list[at]);
            let end = (at..range.end)
                .find(|&k| part_of(list[k]) != (year, part))
                .unwrap_or(range.end);
            let before = at
                .checked_sub(1)
                .filter(|&b| part_of(list[b]) == (year, part));
            let groups = groups(
                &ix.cards(&list[at..end]),
                before.and_then(|b| ix.card(list[b])),
            );
            let year_begun = at
                .checked_sub(1)
                .is_some_and(|b| part_of(list[b]).0 == year);
            if years.last().is_none_or(|y| y.year != year) {
                years.push(UnitYear {
                    year,
                    url: ix.urls.year(year),
                    count: count_of(year),
                    groups: Groups::default(),
                    continued: year_begun,
                    earlier: Vec::new(),
                });
            }
            if let Some(y) = years.last_mut() {
                match line.get(part) {
                    Some(unit) if part > 0 => y.earlier.push(UnitPart {
                        unit: unit_link(ix, unit),
                        groups,
                        continued: before.is_some(),
                    }),
                    _ => y.groups = groups,
                }
            }
            at = end;
        }
        let description = u.description.clone();
        let page = self.meta(
            "unit",
            u.name.clone(),
            description.as_deref(),
            &page_url(&first, number),
            None,
        );
        let pager = pager(&first, number, pages.len());
        let index = if index.len() > 1 || pages.len() > 1 {
            index
        } else {
            &[]
        };
        self.render(
            "unit.html",
            page,
            &[
                ("unit", &view),
                ("years", &years),
                ("year_index", &index),
                ("pager", &pager),
            ],
            "",
        )
    }
}
