//! The addresses a build makes (SPEC §4), for the story links that point at them: the
//! home page, each year's roll and print board, each profile's page and the files beside
//! it, the units, search, statistics, the feed and the sitemap, and the site's own
//! static files. A page added to the site is added here, or links to it are refused.
//! A long list's later pages (`/2024/trang/2/`, SPEC §4) are left out on purpose: what
//! they hold shifts as the roll grows, so a story links the list's first page instead.

use std::collections::HashMap;

use crate::content::model::Site;
use crate::content::story_files::reserved;
use crate::content::story_refs::{StoryFile, Target};
use crate::facts::status::{Status, status};

/// Files at the root of every site.
const ROOT_FILES: &[&str] = &[
    "atom.xml",
    "sitemap.xml",
    "404.html",
    "style.css",
    "search.js",
];

/// The addresses of one site, indexed once.
pub struct Addresses<'s> {
    site: &'s Site,
    /// Every profile file by year and slug, with the profile's index in the site when
    /// it could be read.
    profiles: HashMap<(u16, &'s str), Option<usize>>,
    /// Each profile's status, which says in which builds its page is made.
    status: Vec<Status>,
}

/// In which builds a profile's page is made.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Made {
    Never,
    WithDrafts,
    Always,
}

fn made(s: Status) -> Made {
    match s {
        Status::Recognised | Status::Revoked => Made::Always,
        Status::Pending => Made::WithDrafts,
        Status::NotRecognised => Made::Never,
    }
}

impl<'s> Addresses<'s> {
    pub fn new(site: &'s Site) -> Addresses<'s> {
        let mut profiles: HashMap<_, _> = site
            .files
            .iter()
            .map(|f| ((f.year, f.slug.as_str()), None))
            .collect();
        for (i, p) in site.profiles.iter().enumerate() {
            profiles.insert((p.year, p.slug.as_str()), Some(i));
        }
        let status = site
            .profiles
            .iter()
            .map(|p| status(p, site.plan(p.year)))
            .collect();
        Addresses {
            site,
            profiles,
            status,
        }
    }

    /// The profile whose page (or a file beside it) `path` leads to, when that page is
    /// not made in every build that makes profile `from`'s: a recognised exemplar's story
    /// linking a pending one, whose page only a build with `--drafts` makes, or one that
    /// was not recognised, whose page no build makes. Its index and status.
    pub fn unpublished(&self, path: &str, from: usize) -> Option<(usize, Status)> {
        let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let [y, slug, ..] = parts.as_slice() else {
            return None;
        };
        let y = y.parse::<u16>().ok().filter(|_| y.len() == 4)?;
        let to = (*self.profiles.get(&(y, *slug))?)?;
        let (source, target) = (made(self.status[from]), made(self.status[to]));
        (source > Made::Never && target < source).then_some((to, self.status[to]))
    }

    /// Whether `path` (from the site's root, without the leading `/`, decoded; with or
    /// without its trailing `/` or `index.html`) is an address the build makes.
    pub fn exists(&self, path: &str) -> bool {
        let path = path.strip_suffix("index.html").unwrap_or(path);
        let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let year = |s: &str| -> Option<u16> {
            let y = s.parse::<u16>().ok().filter(|_| s.len() == 4)?;
            self.site.plan(y).map(|_| y)
        };
        match parts.as_slice() {
            [] => true,
            ["don-vi"] | ["tim-kiem"] | ["thong-ke"] => true,
            ["don-vi", unit] => self.site.unit(unit).is_some(),
            [y] if year(y).is_some() => true,
            [y, "in"] if year(y).is_some() => true,
            [y, slug] => year(y).is_some_and(|y| self.profiles.contains_key(&(y, *slug))),
            [y, slug, rest @ ..] if year(y).is_some() => {
                let name = rest.join("/");
                year(y)
                    .and_then(|y| *self.profiles.get(&(y, *slug))?)
                    .is_some_and(|i| self.beside(i, &name))
            }
            [file] if ROOT_FILES.contains(file) => true,
            _ => self.static_file(&parts.join("/")),
        }
    }

    /// The profile slugs of `year`, in order (for a suggestion).
    pub fn slugs(&self, year: u16) -> Vec<&'s str> {
        let mut slugs: Vec<&str> = self
            .profiles
            .keys()
            .filter(|(y, _)| *y == year)
            .map(|(_, s)| *s)
            .collect();
        slugs.sort_unstable();
        slugs
    }

    /// Whether `name` is a file the build writes beside profile `i`'s page: a size of its
    /// portrait, or a file its story uses.
    fn beside(&self, i: usize, name: &str) -> bool {
        if !name.contains('/') && reserved(name) {
            return true;
        }
        self.site.profiles[i].story_facts.refs.iter().any(|r| {
            matches!(&r.target, Target::File { name: n, found: StoryFile::Found { .. } } if n == name)
        })
    }

    /// A file of `content/static/`, copied to the root of the site.
    fn static_file(&self, path: &str) -> bool {
        !path.split('/').any(|s| s == ".." || s.starts_with('.'))
            && self.site.root.join("content/static").join(path).is_file()
    }
}
