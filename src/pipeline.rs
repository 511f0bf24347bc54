//! From a checked site to its files, whatever receives them: the staging folder of
//! `build`, or the memory of `serve`. Loads the theme, renders, and adds the site's own
//! static files.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use crate::content::load::read_bytes;
use crate::content::model::Site;
use crate::diag::{Diagnostic, Fatal, Lang, report};
use crate::render::{self, Sink, Summary, theme};

pub use crate::media::verify::{PHOTO_CACHE, STORY_CACHE};
/// Where share cards are kept between builds, inside the site's root.
pub const CARD_CACHE: &str = ".cache/bangvang/the";

/// Why rendering failed: a problem of the theme's templates (exit 1), or of files (exit 2).
#[derive(Debug)]
pub enum Failure {
    Template(Vec<String>),
    Fatal(Vec<Fatal>),
}

/// Why building failed: photos that could not be published (`photo` diagnostics, exit 1),
/// or another failure.
#[derive(Debug)]
pub enum Stopped {
    Photos(Vec<Diagnostic>),
    Failed(Failure),
}

/// What to render.
pub struct Request<'a> {
    pub root: &'a Path,
    pub site: &'a Site,
    /// The language of messages (the theme's words follow the site's `language`).
    pub lang: Lang,
    pub base_url: String,
    pub drafts: bool,
    /// Only these pages (see `render::Options::only`); `None` for the whole site.
    pub only: Option<HashSet<String>>,
    /// Whether to write the search index.
    pub search: bool,
}

/// The first of `names` that the site's static folder or the theme provides.
fn asset(root: &Path, statics: &BTreeMap<String, Vec<u8>>, names: &[&str]) -> Option<String> {
    names
        .iter()
        .find(|n| root.join("content/static").join(n).is_file() || statics.contains_key(**n))
        .map(|n| n.to_string())
}

/// The names a favicon goes by, in the order pages link them.
const FAVICONS: [&str; 3] = ["favicon.ico", "favicon.png", "favicon.svg"];

/// The favicons pages link: the site's own (in `content/static/`) when it has any, and
/// then none of the theme's is published, so that no browser shows the theme's icon for
/// the site's; else the theme's.
fn favicons(site: &Site, statics: &mut BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let own: Vec<String> = FAVICONS
        .iter()
        .filter(|n| site.statics.iter().any(|f| f.rel == **n))
        .map(|n| n.to_string())
        .collect();
    if own.is_empty() {
        return FAVICONS
            .iter()
            .filter(|n| statics.contains_key(**n))
            .map(|n| n.to_string())
            .collect();
    }
    statics.retain(|name, _| !FAVICONS.contains(&name.as_str()));
    own
}

/// Copies the files of `content/static/` (found when the site was read) to the root of
/// the site.
fn copy_static(root: &Path, site: &Site, sink: &dyn Sink) -> Result<(), Fatal> {
    for f in &site.statics {
        let bytes = read_bytes(root, &f.path)?;
        sink.put(&f.rel, &bytes)
            .map_err(|detail| Fatal::Unwritable {
                path: f.rel.clone(),
                detail,
            })?;
    }
    Ok(())
}

/// Renders every page and copies every static file into `sink`; a photo that cannot be
/// published is a template failure carrying its diagnostic's words (see [`build_site`]).
pub fn render_site(req: &Request, sink: &dyn Sink) -> Result<Summary, Failure> {
    build_site(req, sink).map_err(|s| match s {
        Stopped::Failed(f) => f,
        Stopped::Photos(diags) => {
            Failure::Template(diags.iter().map(|d| report::human(d, req.lang)).collect())
        }
    })
}

/// Publishes the photos, renders every page and copies every static file into `sink`.
pub fn build_site(req: &Request, sink: &dyn Sink) -> Result<Summary, Stopped> {
    let failed = |f| Stopped::Failed(f);
    let mut theme = match theme::load(req.root, &req.site.config.theme, req.site.config.language) {
        Ok(t) => t,
        Err(Fatal::Template { detail }) => return Err(failed(Failure::Template(vec![detail]))),
        Err(f) => return Err(failed(Failure::Fatal(vec![f]))),
    };
    let favicons = favicons(req.site, &mut theme.statics);
    let opts = render::Options {
        base_url: req.base_url.clone(),
        drafts: req.drafts,
        logo: asset(req.root, &theme.statics, &["logo.svg", "logo.png"]),
        favicons,
        only: req.only.clone(),
        search: req.search,
        photo_cache: Some(req.root.join(PHOTO_CACHE)),
        story_cache: Some(req.root.join(STORY_CACHE)),
        card_cache: Some(req.root.join(CARD_CACHE)),
        // A bar only on a terminal, and only for a step long enough to need one.
        progress: true,
    };
    let summary = render::render(req.site, &theme, &opts, sink).map_err(|e| match e {
        render::Error::Template(errors) => failed(Failure::Template(errors)),
        render::Error::Photos(diags) => Stopped::Photos(diags),
    })?;
    if req.only.is_none() {
        copy_static(req.root, req.site, sink).map_err(|f| failed(Failure::Fatal(vec![f])))?;
    }
    Ok(summary)
}
