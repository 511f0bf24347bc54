//! Each page's values, handed to its template: home, year rolls, profiles, units, search
//! and 404. Values come from the index built once; nothing here reads files.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use serde::Serialize;
use tera::{Context, Tera, Value};

use super::index::Index;
use super::layout::Layout;
use super::lists::plan_view;
use super::markdown;
use super::share::{self, Cards, Owner};
use super::theme::{Theme, describe};
use super::tidy;
use super::views::*;
use crate::content::model::Kind;
use crate::facts::consent::story_allowed;
use crate::facts::status::Status;

/// A rendered page: UTF-8 as Tera wrote it, not checked again.
pub struct Html(Vec<u8>);

impl Html {
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

/// How many of a collective's heads its page shows as cards; a unit of a large agency may
/// have dozens of leaders in a year, all on the unit's page.
const HEADS: usize = 12;

/// A page's first allocation: most pages are a few tens of kilobytes.
const PAGE_BYTES: usize = 32 * 1024;

/// Renders pages; what is the same on every page (`site`, and the theme's `t`) is in the
/// templates' global context, not copied into each page's.
pub struct Pages<'a> {
    pub index: &'a Index<'a>,
    pub theme: &'a Theme,
    /// The share cards of the build, for the pages' share tags and panel.
    pub cards: &'a Cards,
    /// Where each list breaks into pages.
    pub layout: Layout<'a>,
    /// The theme's templates with this build's `site`.
    tera: Tera,
    /// Markdown for this build's base path.
    markdown: markdown::Markdown,
    /// Profiles' cards as template values, each made the first time a page shows it: a
    /// profile is among the related exemplars of about six other pages, mostly its
    /// neighbours in its unit, rendered just before or after it; a value is shared, not
    /// copied, by every page that holds it.
    card_values: Mutex<HashMap<usize, Option<Value>>>,
}

/// How many cards are kept as values at most (under a kilobyte each); then the kept ones
/// are let go, so that a site of 100,000 does not hold them all.
const CARD_VALUES: usize = 16_384;

/// Cards already made into template values (see [`Pages::card_values`]), put into a
/// page's context as a list without converting them again.
pub struct CardValues(Vec<Value>);

impl Insert for CardValues {
    fn insert_into(&self, ctx: &mut Context, key: &'static str) {
        ctx.insert_value(key, Value::from(self.0.clone()));
    }
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
        let layout = Layout::new(index, &markdown);
        Pages {
            index,
            theme,
            cards,
            layout,
            tera,
            markdown,
            card_values: Mutex::default(),
        }
    }

    /// The cards of the profiles `list` (those that have one), as template values.
    pub(super) fn card_values(&self, list: &[usize]) -> CardValues {
        let lock = || {
            self.card_values
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
        };
        let value = |i: usize| {
            if let Some(v) = lock().get(&i) {
                return v.clone();
            }
            let v = self.index.card(i).map(Value::from_serializable);
            let mut kept = lock();
            if kept.len() >= CARD_VALUES {
                kept.clear();
            }
            kept.insert(i, v.clone());
            v
        };
        CardValues(list.iter().filter_map(|&i| value(i)).collect())
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
        done.map(|()| {
            tidy::tidy(&mut html);
            Html(html)
        })
        .map_err(|e| {
            let d = describe(&e);
            if about.is_empty() {
                d
            } else {
                format!("{d} ({about})")
            }
        })
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
        let view = self.profile_view(i, status, plan, story_html)?;
        let unit = p.unit_id().unwrap_or_default();
        let group = ix.heads.get(&(p.year, unit));
        let collective_idx = match p.kind() {
            Some(Kind::Leader) => group.and_then(|g| g.0),
            _ => None,
        };
        // The unit's leaders head its own collective (the one its leaders' pages name), not
        // each of its teams'.
        let head_idx: &[usize] = match (p.kind(), group) {
            (Some(Kind::Collective), Some(g)) if g.0 == Some(i) => &g.1,
            _ => &[],
        };
        let collective = collective_idx.and_then(|c| ix.card(c));
        let heads = self.card_values(&head_idx[..head_idx.len().min(HEADS)]);
        let heads_more = head_idx.len().saturating_sub(HEADS);
        // The others are on the unit's page, where its year begins.
        let heads_url = self
            .layout
            .unit_years
            .get(unit)
            .and_then(|(years, _)| years.iter().find(|y| y.year == p.year))
            .map(|y| format!("{}#year-{}", y.url, p.year))
            .unwrap_or_default();
        let shown: Vec<usize> = collective_idx
            .into_iter()
            .chain(head_idx.iter().copied())
            .collect();
        let related = if status == Status::Revoked {
            CardValues(Vec::new())
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
                ("heads_more", &heads_more),
                ("heads_url", &heads_url),
                ("related", &related),
            ],
            p.file(),
        )
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
