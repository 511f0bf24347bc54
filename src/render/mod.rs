//! Rendering: from a model without errors to the files of the site. Markdown, the theme,
//! the plain views templates receive, feeds and the sitemap. Never reads content files.

pub mod avatar;
pub mod board;
pub mod card_fn;
pub mod charts;
pub mod feeds;
pub mod history;
pub mod index;
pub mod layout;
pub mod lists;
pub mod markdown;
pub mod pager;
pub mod pages;
pub mod photo_views;
pub mod profile_view;
pub mod search;
pub mod share;
pub mod stats;
pub mod theme;
pub mod tidy;
pub mod urls;
pub mod views;

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::content::model::Site;
use crate::diag::{Diagnostic, Msg, Rule};
use crate::facts::status::Status;
use crate::media::cards;
use crate::media::photos as images;
use crate::media::story_files;
pub use crate::output::Sink;
use index::Index;
use pages::{Html, Pages};
use theme::Theme;
use urls::{Urls, page_file};
use views::{Favicon, SiteView, YearLink};

pub struct Options {
    pub base_url: String,
    pub drafts: bool,
    /// File names (inside the site's root) of the logo, when present, and of the
    /// favicons pages link (`favicon.ico`, `favicon.png`, `favicon.svg`).
    pub logo: Option<String>,
    pub favicons: Vec<String>,
    /// Render only the pages at these paths (and the feed, sitemap and search index), as
    /// `serve` does after one profile changed; `None` renders everything.
    pub only: Option<HashSet<String>>,
    /// Whether to write the search index (`serve` writes it after the reload).
    pub search: bool,
    /// Where published photo sizes are cached between builds (`ROOT/.cache/bangvang/anh`
    /// for `build` and `serve`); `None` processes every photo every time.
    pub photo_cache: Option<PathBuf>,
    /// Where published story images are cached (`ROOT/.cache/bangvang/truyen`).
    pub story_cache: Option<PathBuf>,
    /// Where share cards are cached between builds (`ROOT/.cache/bangvang/the`).
    pub card_cache: Option<PathBuf>,
    /// Whether the long steps (photos, cards) show their progress on a terminal.
    pub progress: bool,
}

/// What a build produced, for the summary line.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub pages: usize,
    pub recognised: usize,
    pub pending: usize,
    pub not_recognised: usize,
    pub revoked: usize,
    /// Photos decoded and encoded by this build, and those reused from the cache.
    pub photos_processed: usize,
    pub photos_reused: usize,
    /// Files beside stories published: images made or reused, other files copied.
    pub story_files: usize,
    /// Share cards drawn by this build, and those reused from the cache.
    pub cards_made: usize,
    pub cards_reused: usize,
    /// Where the time went inside rendering.
    pub phases: Vec<(&'static str, Duration)>,
}

/// Why rendering failed.
#[derive(Debug)]
pub enum Error {
    /// Templates that failed, or files that could not be written.
    Template(Vec<String>),
    /// Photos that could not be published (`photo` diagnostics), or card text the
    /// built-in font cannot draw (`invalid-value`): content errors.
    Photos(Vec<Diagnostic>),
}

fn site_view(site: &Site, urls: &Urls, opts: &Options, years: &[u16]) -> SiteView {
    let c = &site.config;
    SiteView {
        title: c.title.clone(),
        organisation: c.organisation.clone(),
        description: c.description.clone(),
        lang: c.language.code(),
        base: urls.base.clone(),
        home_url: urls.home(),
        units_url: urls.units(),
        search_url: urls.search(),
        feed_url: urls.at("atom.xml"),
        css_url: urls.at("style.css"),
        favicon_url: opts
            .favicons
            .iter()
            .max_by_key(|f| f.ends_with(".svg"))
            .map(|f| urls.at(f))
            .unwrap_or_default(),
        favicons: opts.favicons.iter().map(|f| Favicon::of(f, urls)).collect(),
        logo_url: opts.logo.as_deref().map(|f| urls.at(f)).unwrap_or_default(),
        years: years
            .iter()
            .map(|&year| YearLink {
                year,
                url: urls.year(year),
                board_url: urls.board(year),
            })
            .collect(),
        search_index_url: urls.at("tim-kiem/index.json"),
        search_js_url: urls.at("search.js"),
        stats_url: urls.stats(),
        share_js_url: urls.at("share.js"),
    }
}

/// Where the time of a build went, phase by phase (for `build --timings`).
pub struct Clock {
    last: Instant,
    pub laps: Vec<(&'static str, Duration)>,
}

impl Clock {
    pub fn start() -> Clock {
        Clock {
            last: Instant::now(),
            laps: Vec::new(),
        }
    }

    /// Ends a phase made of `steps`, each timed on its own.
    pub fn steps(&mut self, steps: &[(&'static str, Duration)]) {
        self.laps.extend_from_slice(steps);
        self.last = Instant::now();
    }

    /// Ends the phase called `name`.
    pub fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.laps.push((name, now - self.last));
        self.last = now;
    }
}

/// A page to render: its file, and the function that renders it.
type Job<'a> = (
    String,
    Box<dyn FnOnce() -> Result<Html, String> + Send + 'a>,
);

/// How many profile pages are rendered, then written, at a time: enough to keep every
/// core busy, few enough that a site of 100,000 never holds its pages in memory at once.
const CHUNK: usize = 2048;

/// Time spent on each step of the pages, summed over the chunks.
#[derive(Default)]
struct Steps {
    markdown: Duration,
    templates: Duration,
    write: Duration,
}

impl Steps {
    /// Renders `pages` (templates) and writes each as soon as it is rendered, so that no
    /// more pages are held than there are threads (a year's roll of a national site is
    /// ten megabytes); returns the errors of both. The wall time is shared between the
    /// two steps in proportion to the time the threads spent on each.
    fn render_and_write(&mut self, pages: Vec<Job<'_>>, sink: &dyn Sink) -> Vec<String> {
        let at = Instant::now();
        let done: Vec<(Duration, Duration, Option<String>)> = pages
            .into_par_iter()
            .map(|(path, job)| {
                let start = Instant::now();
                let html = job();
                let rendered = Instant::now();
                let error = match html {
                    Ok(html) => sink.put(&path, html.as_bytes()).err(),
                    Err(e) => Some(e),
                };
                (rendered - start, rendered.elapsed(), error)
            })
            .collect();
        let wall = at.elapsed();
        let (templates, write) = done
            .iter()
            .fold((Duration::ZERO, Duration::ZERO), |(t, w), d| {
                (t + d.0, w + d.1)
            });
        let busy = (templates + write).as_secs_f64();
        let share = if busy > 0.0 {
            templates.as_secs_f64() / busy
        } else {
            1.0
        };
        self.templates += wall.mul_f64(share);
        self.write += wall.mul_f64(1.0 - share);
        done.into_iter().filter_map(|d| d.2).collect()
    }
}

/// Publishes the photos, then renders every page, the feed and the sitemap into `sink`;
/// every template error (or every photo that fails) is collected, not just the first.
pub fn render(
    site: &Site,
    theme: &Theme,
    opts: &Options,
    sink: &dyn Sink,
) -> Result<Summary, Error> {
    let mut clock = Clock::start();
    let urls = Urls::new(&opts.base_url);
    let mut index = Index::new(site, urls.clone(), opts.drafts);
    clock.lap("index of years and units");
    let photos = images::publish(
        site,
        &images::candidates(site, |i| index.card(i).is_some()),
        opts.photo_cache.as_deref(),
        opts.only.is_none(),
        &|page: &str| opts.only.as_ref().is_none_or(|only| only.contains(page)),
        sink,
        opts.progress,
    );
    let stories = story_files::publish(
        site,
        &|i| index.card(i).is_some(),
        opts.story_cache.as_deref(),
        opts.only.is_none(),
        &|page: &str| opts.only.as_ref().is_none_or(|only| only.contains(page)),
        sink,
    );
    let mut diags = photos.diags.clone();
    diags.extend(stories.diags);
    if !diags.is_empty() {
        crate::diag::sort(&mut diags);
        return Err(Error::Photos(diags));
    }
    let mut failed = photos.errors.clone();
    failed.extend(stories.errors);
    if !failed.is_empty() {
        return Err(Error::Template(failed));
    }
    photo_views::attach(&mut index, &photos, site.config.language);
    clock.lap("images");
    let index = index;
    let wanted = |path: &str| opts.only.as_ref().is_none_or(|only| only.contains(path));
    let (share_cards, made) = share_media(&index, theme, opts, &photos, &wanted, sink)?;
    clock.lap("share cards and QR codes");
    let years = site.years();
    let view = site_view(site, &urls, opts, &years);
    let pages = Pages::new(&index, theme, &view, &share_cards);
    let pages = &pages;

    // Profile pages a chunk at a time, and beside them the feed, the sitemap and the
    // search index (which have steps that run on one core); then the lists.
    let profiles: Vec<(String, usize)> = index
        .pages_by_unit()
        .into_iter()
        .map(|i| {
            let p = &site.profiles[i];
            (page_file(&format!("{}/{}/", p.year, p.slug)), i)
        })
        .filter(|(path, _)| wanted(path))
        .collect();
    let at = Instant::now();
    let ((mut steps, mut errors), side) = rayon::join(
        || profile_pages(pages, &profiles, sink),
        || feeds_and_search(pages, &years, opts.search, sink),
    );
    errors.extend(side.errors);
    let mut jobs = list_pages(pages, &years);
    let count = index.pages.len() + jobs.len();
    jobs.retain(|(path, _)| wanted(path));
    errors.extend(steps.render_and_write(jobs, sink));
    clock.steps(&[
        (
            "pages, feed, sitemap and search index, side by side",
            at.elapsed(),
        ),
        ("  Markdown", steps.markdown),
        ("  templates", steps.templates),
        ("  write pages", steps.write),
        ("  feed, sitemap", side.feeds),
        ("  search index", side.search),
    ]);
    for (path, bytes) in theme.statics.iter().filter(|_| opts.only.is_none()) {
        if let Err(e) = sink.put(path, bytes) {
            errors.push(e);
        }
    }
    if !errors.is_empty() {
        errors.sort();
        errors.dedup();
        return Err(Error::Template(errors));
    }
    Ok(Summary {
        pages: count,
        recognised: index.count(Status::Recognised),
        pending: index.count(Status::Pending),
        not_recognised: index.count(Status::NotRecognised),
        revoked: index.count(Status::Revoked),
        photos_processed: photos.processed,
        photos_reused: photos.reused,
        story_files: stories.processed + stories.reused + stories.copied,
        cards_made: made.0,
        cards_reused: made.1,
        phases: clock.laps,
    })
}

/// The share cards of the profiles, years and home page, and the QR codes of the
/// profiles; a card text the font cannot draw is a diagnostic of its profile (or, for the
/// site's own words, an error naming them). Returns the cards and how many were drawn
/// and reused.
fn share_media(
    index: &Index,
    theme: &Theme,
    opts: &Options,
    photos: &images::Published,
    wanted: &(dyn Fn(&str) -> bool + Sync),
    sink: &dyn Sink,
) -> Result<(share::Cards, (usize, usize)), Error> {
    let (jobs, owners) = share::jobs(index, theme, photos, opts.photo_cache.as_deref(), wanted);
    let made = cards::publish(
        &jobs,
        opts.card_cache.as_deref(),
        opts.only.is_none(),
        sink,
        opts.progress,
    );
    let mut diags = Vec::new();
    let mut errors = made.errors.clone();
    for m in &made.missing {
        let msg = Msg::CardGlyph {
            text: m.text.clone(),
            ch: m.ch,
        };
        match owners[m.job].0 {
            share::Owner::Profile(i) => {
                let p = &index.site.profiles[i];
                let (span, field) = match (&p.name, &p.position) {
                    (Some(n), _) if n.value.contains(m.ch) => (Some(n.span), Some("name")),
                    (_, Some(x)) if x.value.contains(m.ch) => (Some(x.span), Some("position")),
                    _ => (None, None),
                };
                diags.push(p.doc.diag(Rule::InvalidValue, span, field, msg));
            }
            _ => errors.push(format!(
                "content/site.toml, content/units.toml: {}",
                msg.text(index.site.config.language)
            )),
        }
    }
    if !diags.is_empty() {
        crate::diag::sort(&mut diags);
        diags.dedup_by(|a, b| a.file == b.file && a.line == b.line);
        return Err(Error::Photos(diags));
    }
    errors.extend(share::write_qr(index, wanted, sink));
    if !errors.is_empty() {
        errors.sort();
        errors.dedup();
        return Err(Error::Template(errors));
    }
    let cards = share::Cards::new(&owners, &made.cards);
    Ok((cards, (made.made, made.reused)))
}

/// The profile pages, a chunk at a time: Markdown, then templates and writing.
fn profile_pages(
    pages: &Pages,
    profiles: &[(String, usize)],
    sink: &dyn Sink,
) -> (Steps, Vec<String>) {
    let mut steps = Steps::default();
    let mut errors = Vec::new();
    for chunk in profiles.chunks(CHUNK) {
        let at = Instant::now();
        let stories: Vec<Result<String, String>> =
            chunk.par_iter().map(|&(_, i)| pages.story(i)).collect();
        steps.markdown += at.elapsed();
        let jobs = chunk
            .iter()
            .zip(stories)
            .map(|((path, i), story)| {
                let job: Job = (path.clone(), Box::new(move || pages.profile(*i, story?)));
                job
            })
            .collect();
        errors.extend(steps.render_and_write(jobs, sink));
    }
    (steps, errors)
}

/// The lists (home, years, units: each of their pages), the print boards, statistics,
/// search and the 404 page.
fn list_pages<'a>(pages: &'a Pages, years: &[u16]) -> Vec<Job<'a>> {
    let mut jobs: Vec<Job> = Vec::new();
    for (file, page) in pages.layout.files(pages.index) {
        jobs.push((file, Box::new(move || pages.list_page(page))));
    }
    // The print boards: one page a year, long on purpose.
    for &y in years {
        jobs.push((
            page_file(&format!("{y}/in/")),
            Box::new(move || pages.board(y)),
        ));
    }
    jobs.push((page_file("thong-ke/"), Box::new(move || pages.stats())));
    jobs.push((page_file("tim-kiem/"), Box::new(move || pages.search())));
    jobs.push(("404.html".into(), Box::new(move || pages.not_found())));
    jobs
}

/// What `feeds_and_search` wrote wrong, and how long each part took.
struct Side {
    errors: Vec<String>,
    feeds: Duration,
    search: Duration,
}

/// The feed, the sitemap and (when `search`) the search index.
fn feeds_and_search(pages: &Pages, years: &[u16], search: bool, sink: &dyn Sink) -> Side {
    let at = Instant::now();
    let index = pages.index;
    let mut errors = Vec::new();
    let further = pages.layout.further_pages(index);
    let mut files = vec![("atom.xml".to_string(), feeds::atom(index))];
    files.extend(feeds::sitemap(index, years, &further));
    for (path, body) in files {
        if let Err(e) = sink.put(&path, body.as_bytes()) {
            errors.push(e);
        }
    }
    let feeds = at.elapsed();
    let at = Instant::now();
    if search {
        errors.extend(search::write(index, sink));
    }
    Side {
        errors,
        feeds,
        search: at.elapsed(),
    }
}
