//! Each page's values, handed to its template: home, year rolls, profiles, units, search
//! and 404. Values come from the index built once; nothing here reads files.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::{Context, Tera};

use super::history::{issuer, neighbours, unit_link, year_lists};
use super::index::Index;
use super::markdown;
use super::share::{self, Cards, Owner};
use super::theme::{Theme, describe};
use super::views::*;
use crate::content::model::{Kind, Plan, Unit};
use crate::facts::consent::story_allowed;
use crate::facts::organisation::name_on;
use crate::facts::status::Status;
use crate::text::collate::compare;
use crate::text::date::Date;

/// A rendered page: UTF-8 as Tera wrote it, not checked again.
pub struct Html(Vec<u8>);

impl Html {
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

/// A page's first allocation: most pages are a few tens of kilobytes.
const PAGE_BYTES: usize = 32 * 1024;

/// Renders pages; what is the same on every page (`site`, and the theme's `t`) is in the
/// templates' global context, not copied into each page's.
pub struct Pages<'a> {
    pub index: &'a Index<'a>,
    pub theme: &'a Theme,
    /// The share cards of the build, for the pages' share tags and panel.
    pub cards: &'a Cards,
    /// The theme's templates with this build's `site`.
    tera: Tera,
    /// Markdown for this build's base path.
    markdown: markdown::Markdown,
}

fn plan_view(ix: &Index, plan: &Plan) -> PlanView {
    PlanView {
        number: plan.number.clone(),
        title: plan.title.clone(),
        issued: plan.issued.map(|d| d.dmy()),
        deadline: plan.deadline.dmy(),
        by: plan.issued.and_then(|d| issuer(ix, d)),
    }
}

fn count(cards: &[&Card]) -> Counts {
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

impl<'a> Pages<'a> {
    pub fn new(
        index: &'a Index<'a>,
        theme: &'a Theme,
        site: &SiteView,
        cards: &'a Cards,
    ) -> Pages<'a> {
        let mut tera = theme.tera.clone();
        tera.global_context().insert("site", site);
        let markdown = markdown::Markdown::new(&index.urls.base);
        Pages {
            index,
            theme,
            cards,
            tera,
            markdown,
        }
    }

    /// A page's own values; `owner` is whose share card it shows (the home page's when
    /// `None`).
    pub(super) fn meta(
        &self,
        kind: &'static str,
        title: String,
        description: Option<&str>,
        path: &str,
        owner: Option<Owner>,
    ) -> PageMeta {
        let ix = self.index;
        let site = &ix.site.config;
        let description = description.unwrap_or(&site.description).to_string();
        let (qr, caption) = match owner {
            Some(Owner::Profile(i)) => (share::has_qr(ix, i), share::caption(ix, self.theme, i)),
            _ => (false, String::new()),
        };
        let shared_title = if kind == "home" { &site.title } else { &title };
        let share = share::view(
            ix,
            share::Page {
                kind,
                title: shared_title,
                description: &description,
                path,
                card: self.cards.of(owner),
                qr,
                caption,
            },
        );
        PageMeta {
            kind,
            title,
            description,
            url: ix.urls.absolute(path),
            share,
        }
    }

    /// Renders `template` with `page` and the extra values.
    pub(super) fn render(
        &self,
        template: &str,
        page: PageMeta,
        extra: &[(&'static str, &dyn Insert)],
        about: &str,
    ) -> Result<Html, String> {
        let mut ctx = Context::new();
        ctx.insert("page", &page);
        for (k, v) in extra {
            v.insert_into(&mut ctx, k);
        }
        let mut html = Vec::with_capacity(PAGE_BYTES);
        let done = self.tera.render_to(template, &ctx, &mut html);
        done.map(|()| Html(html)).map_err(|e| {
            let d = describe(&e);
            if about.is_empty() {
                d
            } else {
                format!("{d} ({about})")
            }
        })
    }

    pub fn roll(&self, year: u16) -> Roll<'_> {
        let ix = self.index;
        let list = ix.by_year.get(&year).map(Vec::as_slice).unwrap_or_default();
        let cards = ix.cards(list);
        let by_kind = |k: &str| {
            cards
                .iter()
                .filter(|c| !c.provincial && c.kind == k)
                .copied()
                .collect::<Vec<_>>()
        };
        let mut units: BTreeMap<&str, usize> = BTreeMap::new();
        for c in &cards {
            *units.entry(&*c.unit_id).or_default() += 1;
        }
        let mut by_unit: Vec<UnitCount> = units
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
        let day = ix
            .site
            .plan(year)
            .and_then(|p| p.issued)
            .or(Date::new(i32::from(year), 12, 31));
        let organisation = match day {
            Some(d) => name_on(&ix.site.config, d).to_string(),
            None => ix.site.config.organisation.clone(),
        };
        Roll {
            year,
            organisation,
            url: ix.urls.year(year),
            board_url: ix.urls.board(year),
            plan: ix.site.plan(year).map(|p| plan_view(ix, p)),
            provincial: cards.iter().filter(|c| c.provincial).copied().collect(),
            collectives: by_kind("collective"),
            leaders: by_kind("leader"),
            staff: by_kind("staff"),
            counts: count(&cards),
            by_unit,
            drafts: ix.drafts,
        }
    }

    fn unit_view(&self, u: &Unit) -> UnitView {
        let (successor, predecessors) = neighbours(self.index, u);
        UnitView {
            id: u.id.clone(),
            name: u.name.clone(),
            url: self.index.urls.unit(&u.id),
            kind: u.kind.name(),
            count: self.index.count_line(&u.id),
            description_html: u
                .description
                .as_deref()
                .map(|d| self.markdown.to_html(d))
                .unwrap_or_default(),
            from: u.from.map(|d| d.dmy()),
            until: u.until.map(|d| d.dmy()),
            former: u.until.is_some(),
            successor,
            predecessors,
        }
    }

    fn unit_views(&self) -> Vec<UnitView> {
        let mut units: Vec<UnitView> = self
            .index
            .site
            .units
            .iter()
            .map(|u| self.unit_view(u))
            .collect();
        units.sort_by(|a, b| compare(&a.name, &b.name));
        units
    }

    pub fn home(&self) -> Result<Html, String> {
        let years = self.index.site.years();
        let latest = years.first().map(|&y| self.roll(y));
        let summaries: Vec<YearSummary> = years
            .iter()
            .map(|&y| {
                let plan = self.index.site.plan(y);
                YearSummary {
                    year: y,
                    url: self.index.urls.year(y),
                    plan_number: plan.map(|p| p.number.clone()).unwrap_or_default(),
                    plan_title: plan.map(|p| p.title.clone()).unwrap_or_default(),
                    counts: count(
                        &self
                            .index
                            .cards(self.index.by_year.get(&y).into_iter().flatten()),
                    ),
                }
            })
            .collect();
        let units = self.unit_views();
        let title = self.index.site.config.title.clone();
        let page = self.meta(
            "home",
            title,
            None,
            &self.index.urls.home(),
            Some(Owner::Home),
        );
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

    pub fn year(&self, year: u16) -> Result<Html, String> {
        let roll = self.roll(year);
        let description = roll.plan.as_ref().map(|p| p.title.clone());
        let page = self.meta(
            "year",
            year.to_string(),
            description.as_deref(),
            &roll.url,
            Some(Owner::Year(year)),
        );
        self.render("year.html", page, &[("roll", &roll)], "")
    }

    /// The story of profile `i` as HTML, as its page shows it (none when revoked or taken
    /// down at the person's request).
    pub fn story(&self, i: usize) -> Result<String, String> {
        let shown = story_allowed(&self.index.site.profiles[i]);
        if self.index.status[i] == Status::Revoked || !shown {
            return Ok(String::new());
        }
        Ok(self.markdown.to_html(&self.index.site.story(i)?))
    }

    /// The page of profile `i`, whose story is `story_html` (see [`Pages::story`]).
    pub fn profile(&self, i: usize, story_html: String) -> Result<Html, String> {
        let ix = self.index;
        let p = &ix.site.profiles[i];
        let status = ix.status[i];
        let plan = ix.site.plan(p.year);
        let view = self.profile_view(i, status, plan, story_html);
        let unit = p.unit_id().unwrap_or_default();
        let group = ix.heads.get(&(p.year, unit));
        let collective_idx = match p.kind() {
            Some(Kind::Leader) => group.and_then(|g| g.0),
            _ => None,
        };
        let head_idx: &[usize] = match (p.kind(), group) {
            (Some(Kind::Collective), Some(g)) => &g.1,
            _ => &[],
        };
        let collective = collective_idx.and_then(|c| ix.card(c));
        let heads = ix.cards(head_idx);
        let shown: Vec<usize> = collective_idx
            .into_iter()
            .chain(head_idx.iter().copied())
            .collect();
        let related = if status == Status::Revoked {
            Vec::new()
        } else {
            self.related(i, p, &shown)
        };
        let url = ix.urls.profile(p.year, &p.slug);
        let owner = (status == Status::Recognised).then_some(Owner::Profile(i));
        let page = self.meta(
            "profile",
            view.name.clone(),
            Some(&view.summary),
            &url,
            owner,
        );
        let plan = plan.map(|p| plan_view(ix, p));
        self.render(
            "profile.html",
            page,
            &[
                ("p", &view),
                ("plan", &plan),
                ("collective", &collective),
                ("heads", &heads),
                ("related", &related),
            ],
            p.file(),
        )
    }

    pub fn units(&self) -> Result<Html, String> {
        let units = self.unit_views();
        let (former, current): (Vec<&UnitView>, Vec<&UnitView>) =
            units.iter().partition(|u| u.former);
        let title = self.theme.word("units_title", "Đơn vị").to_string();
        let page = self.meta("units", title, None, &self.index.urls.units(), None);
        self.render(
            "units.html",
            page,
            &[
                ("units", &units),
                ("current", &current),
                ("former", &former),
            ],
            "",
        )
    }

    pub fn unit(&self, u: &Unit) -> Result<Html, String> {
        let ix = self.index;
        let view = self.unit_view(u);
        // By year, then by the unit each was recognised in: this one, then those before it.
        let line = ix.units.line(&u.id);
        let mut years: BTreeMap<u16, BTreeMap<usize, Vec<usize>>> = BTreeMap::new();
        for i in ix.by_line(&u.id) {
            let p = &ix.site.profiles[i];
            let at = line
                .iter()
                .position(|x| Some(x.id.as_str()) == p.unit_id())
                .unwrap_or_default();
            years
                .entry(p.year)
                .or_default()
                .entry(at)
                .or_default()
                .push(i);
        }
        let years: Vec<UnitYear> = years
            .into_iter()
            .rev()
            .map(|(year, parts)| {
                let mut own = (Vec::new(), Vec::new(), Vec::new());
                let mut earlier = Vec::new();
                for (at, idx) in parts {
                    let unit = line[at];
                    let lists = year_lists(ix, &unit.id, year, &idx);
                    if at == 0 {
                        own = lists;
                    } else {
                        earlier.push(UnitPart {
                            unit: unit_link(ix, unit),
                            groups: lists.0,
                            leaders: lists.1,
                            staff: lists.2,
                        });
                    }
                }
                UnitYear {
                    year,
                    url: ix.urls.year(year),
                    groups: own.0,
                    leaders: own.1,
                    staff: own.2,
                    earlier,
                }
            })
            .collect();
        let description = u.description.clone();
        let page = self.meta(
            "unit",
            u.name.clone(),
            description.as_deref(),
            &view.url,
            None,
        );
        self.render("unit.html", page, &[("unit", &view), ("years", &years)], "")
    }

    pub fn search(&self) -> Result<Html, String> {
        let title = self.theme.word("search_title", "Tìm kiếm").to_string();
        let page = self.meta("search", title, None, &self.index.urls.search(), None);
        self.render("search.html", page, &[], "")
    }

    pub fn not_found(&self) -> Result<Html, String> {
        let title = self
            .theme
            .word("not_found_title", "Không tìm thấy trang")
            .to_string();
        let page = self.meta("404", title, None, &self.index.urls.at("404.html"), None);
        self.render("404.html", page, &[], "")
    }
}

/// Lets values of different types stand in one list of template values, each converted
/// once into the context.
pub trait Insert {
    fn insert_into(&self, ctx: &mut Context, key: &'static str);
}

impl<T: Serialize> Insert for T {
    fn insert_into(&self, ctx: &mut Context, key: &'static str) {
        ctx.insert(key, self);
    }
}
