//! From a checked site to its files, whatever receives them: the staging folder of
//! `build`, or the memory of `serve`. Loads the theme, renders, and adds the site's own
//! static files.

use std::collections::BTreeMap;
use std::path::Path;

use walkdir::WalkDir;

use crate::content::load::rel;
use crate::content::model::Site;
use crate::diag::{Fatal, Lang};
use crate::render::{self, Sink, Summary, theme};

/// Why rendering failed: a problem of the theme's templates (exit 1), or of files (exit 2).
#[derive(Debug)]
pub enum Failure {
    Template(Vec<String>),
    Fatal(Vec<Fatal>),
}

/// What to render.
pub struct Request<'a> {
    pub root: &'a Path,
    pub site: &'a Site,
    pub lang: Lang,
    pub base_url: String,
    pub drafts: bool,
}

/// The first of `names` that the site's static folder or the theme provides.
fn asset(root: &Path, statics: &BTreeMap<String, Vec<u8>>, names: &[&str]) -> Option<String> {
    names
        .iter()
        .find(|n| root.join("content/static").join(n).is_file() || statics.contains_key(**n))
        .map(|n| n.to_string())
}

/// Copies `content/static/` to the root of the site.
fn copy_static(root: &Path, sink: &dyn Sink) -> Result<(), Fatal> {
    let dir = root.join("content").join("static");
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in WalkDir::new(&dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Fatal::Unreadable {
            path: rel(root, &dir),
            detail: e.to_string(),
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let bytes = std::fs::read(path).map_err(|e| Fatal::Unreadable {
            path: rel(root, path),
            detail: e.to_string(),
        })?;
        let inside = rel(&dir, path);
        sink.put(&inside, &bytes)
            .map_err(|detail| Fatal::Unwritable {
                path: inside,
                detail,
            })?;
    }
    Ok(())
}

/// Renders every page and copies every static file into `sink`.
pub fn render_site(req: &Request, sink: &dyn Sink) -> Result<Summary, Failure> {
    let theme = match theme::load(req.root, &req.site.config.theme, req.lang) {
        Ok(t) => t,
        Err(Fatal::Template { detail }) => return Err(Failure::Template(vec![detail])),
        Err(f) => return Err(Failure::Fatal(vec![f])),
    };
    let opts = render::Options {
        base_url: req.base_url.clone(),
        drafts: req.drafts,
        logo: asset(req.root, &theme.statics, &["logo.svg", "logo.png"]),
        favicon: asset(
            req.root,
            &theme.statics,
            &["favicon.svg", "favicon.ico", "favicon.png"],
        ),
    };
    let summary = render::render(req.site, &theme, &opts, sink).map_err(Failure::Template)?;
    copy_static(req.root, sink).map_err(|f| Failure::Fatal(vec![f]))?;
    Ok(summary)
}
