//! Finding what `content/` holds, so that nobody is left off the roll without a word:
//! year folders and the profiles in them (`YEAR/SLUG.md`, `YEAR/SLUG/index.md`), the
//! files of `static/`, and every Markdown file anywhere else (`misplaced-file`) or named
//! so that its name is not an address (`bad-slug`). A folder that cannot be read, a file
//! that is not a regular file (a pipe, a socket, a device) and a link leading outside
//! `content/` stop the command (exit 2) naming it: never a smaller site, never a hang,
//! nothing read from outside.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::load::{Found, hidden, rel};
use super::regular::special;
use crate::diag::{Diagnostic, Fatal, Msg, Rule};
use crate::text::slug::{YEAR_RESERVED, is_valid_id, slugify};

/// A file of `content/static/`, copied to the same place in the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticFile {
    /// Its path inside `static/` (and inside the site), with `/`.
    pub rel: String,
    pub path: PathBuf,
}

/// What `content/` holds.
#[derive(Default)]
pub(crate) struct Discovered {
    pub years: Vec<(u16, PathBuf)>,
    pub found: Vec<Found>,
    pub statics: Vec<StaticFile>,
    pub diags: Vec<Diagnostic>,
    pub fatals: Vec<Fatal>,
}

/// What an entry of a folder is, links followed as far as `content/`.
enum Kind {
    Dir(PathBuf),
    File,
    /// A link leading outside `content/`, with where it leads and whether to a folder.
    Outside {
        target: String,
        dir: bool,
    },
    /// A link leading nowhere.
    Broken(String),
    Special(crate::diag::fatal::Special),
}

impl Kind {
    /// A link leading out to a file, or nowhere: a photo's or a story file's own rule
    /// says why it is refused, unless it stands where a profile would.
    fn leads_out_to_a_file(&self) -> bool {
        matches!(self, Kind::Outside { dir: false, .. } | Kind::Broken(_))
    }
}

/// Whether `name` is a Markdown file's name.
fn markdown(name: &str) -> Option<&str> {
    let lower = name.to_ascii_lowercase();
    [".md", ".markdown"]
        .iter()
        .find(|ext| lower.ends_with(*ext))
        .map(|ext| &name[..name.len() - ext.len()])
}

fn is_year(name: &str) -> Option<u16> {
    let ok = name.len() == 4 && name.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| name.parse().ok()).flatten()
}

/// A year written anywhere in `text` (`Năm 2025` → 2025).
fn year_in(text: &str) -> Option<u16> {
    let digits: Vec<char> = text.chars().collect();
    digits.windows(4).enumerate().find_map(|(i, w)| {
        let edge = |j: Option<&char>| j.is_none_or(|c| !c.is_ascii_digit());
        let alone = edge(i.checked_sub(1).and_then(|k| digits.get(k))) && edge(digits.get(i + 4));
        let s: String = w.iter().collect();
        is_year(&s).filter(|y| alone && (1900..2200).contains(y))
    })
}

struct Walker<'a> {
    root: &'a Path,
    content_real: PathBuf,
    /// Real folders already walked (a link to one is not walked twice).
    seen: HashSet<PathBuf>,
    out: Discovered,
}

impl Walker<'_> {
    fn kind(&mut self, path: &Path, t: fs::FileType) -> Kind {
        if let Some(s) = special(t) {
            return Kind::Special(s);
        }
        if t.is_dir() {
            return Kind::Dir(path.to_path_buf());
        }
        if t.is_file() {
            return Kind::File;
        }
        // A link: allowed only when it leads to something inside content/.
        let target = fs::read_link(path).map_or_else(|_| "?".into(), |t| t.display().to_string());
        let real = match path.canonicalize() {
            Ok(real) => real,
            Err(e) => return Kind::Broken(e.to_string()),
        };
        let meta = match fs::metadata(&real) {
            Ok(m) => m,
            Err(e) => return Kind::Broken(e.to_string()),
        };
        if !real.starts_with(&self.content_real) {
            let dir = meta.is_dir();
            return Kind::Outside { target, dir };
        }
        if meta.is_dir() {
            Kind::Dir(real)
        } else {
            special(meta.file_type()).map_or(Kind::File, Kind::Special)
        }
    }

    /// The entries of `dir`, sorted, each with what it is; `None` (and a fatal) when the
    /// folder cannot be read.
    fn entries(&mut self, dir: &Path) -> Option<Vec<(String, PathBuf, Kind)>> {
        let listed: io::Result<Vec<fs::DirEntry>> = fs::read_dir(dir).and_then(Iterator::collect);
        let mut list = match listed {
            Ok(l) => l,
            Err(e) => {
                self.unreadable(dir, &e);
                return None;
            }
        };
        list.sort_by_key(fs::DirEntry::file_name);
        let mut out = Vec::with_capacity(list.len());
        for entry in list {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            match entry.file_type() {
                Ok(t) => {
                    let kind = self.kind(&path, t);
                    out.push((name, path, kind));
                }
                Err(e) => self.unreadable(&path, &e),
            }
        }
        Some(out)
    }

    fn unreadable(&mut self, path: &Path, e: &io::Error) {
        self.out.fatals.push(Fatal::Unreadable {
            path: rel(self.root, path),
            detail: e.to_string(),
        });
    }

    /// Refuses what may not be read: returns `true` for an entry that may.
    fn allowed(&mut self, path: &Path, kind: &Kind) -> bool {
        let path = rel(self.root, path);
        match kind {
            Kind::Special(kind) => self.out.fatals.push(Fatal::NotAFile { path, kind: *kind }),
            Kind::Outside { target, .. } => self.out.fatals.push(Fatal::LeadsOutside {
                path,
                target: target.clone(),
            }),
            Kind::Broken(detail) => self.out.fatals.push(Fatal::Unreadable {
                path,
                detail: detail.clone(),
            }),
            Kind::Dir(_) | Kind::File => return true,
        }
        false
    }

    /// A folder to walk, once.
    fn first_visit(&mut self, real: &Path) -> bool {
        let real = real.canonicalize().unwrap_or(real.to_path_buf());
        self.seen.insert(real)
    }

    fn misplaced(&mut self, path: &Path, slug_from: &str, year: Option<u16>) {
        let file = rel(self.root, path);
        let year = year_in(&file).or(year);
        let slug = Some(slugify(slug_from)).filter(|s| !s.is_empty());
        let msg = Msg::MisplacedFile { year, slug };
        self.out
            .diags
            .push(Diagnostic::new(Rule::MisplacedFile, &file, 1, None, msg));
    }

    fn bad_slug(&mut self, path: &Path, name: &str, stem: &str, folder: bool) {
        let file = rel(self.root, path);
        let slug = slugify(stem);
        let suggestion =
            (!slug.is_empty()).then(|| if folder { slug } else { format!("{slug}.md") });
        let msg = Msg::BadSlug {
            name: name.to_string(),
            suggestion,
            folder,
        };
        self.out
            .diags
            .push(Diagnostic::new(Rule::BadSlug, &file, 1, None, msg));
    }

    fn reserved_slug(&mut self, path: &Path, name: &str, folder: bool) {
        let file = rel(self.root, path);
        let msg = Msg::ReservedSlug {
            name: name.to_string(),
            folder,
        };
        self.out
            .diags
            .push(Diagnostic::new(Rule::BadSlug, &file, 1, None, msg));
    }

    /// Every Markdown file under `dir` (none of them is a profile); links to folders are
    /// not followed (what they lead to inside `content/` is walked where it is).
    fn scan(&mut self, dir: &Path, year: Option<u16>) {
        let Some(list) = self.entries(dir) else {
            return;
        };
        for (name, path, kind) in list {
            if hidden(&name) || !self.allowed(&path, &kind) {
                continue;
            }
            match kind {
                Kind::Dir(real) if real == path => self.scan(&path, year),
                Kind::File => {
                    if let Some(stem) = markdown(&name) {
                        let slug_from = if stem == "index" {
                            parent_name(&path)
                        } else {
                            stem
                        };
                        self.misplaced(&path, slug_from, year);
                    }
                }
                _ => {}
            }
        }
    }

    fn bundle(&mut self, year: u16, name: &str, path: &Path, real: &Path) {
        if !self.first_visit(real) {
            return;
        }
        let Some(list) = self.entries(path) else {
            return;
        };
        let slug = name.strip_suffix(".md").unwrap_or(name);
        let mut index = None;
        for (inner, inner_path, kind) in list {
            if hidden(&inner) {
                continue;
            }
            let stem = markdown(&inner);
            if kind.leads_out_to_a_file() && stem.is_none() {
                continue;
            }
            if !self.allowed(&inner_path, &kind) {
                continue;
            }
            match (kind, stem) {
                (Kind::File, _) if inner == "index.md" => index = Some(inner_path),
                (Kind::File, Some(stem)) => self.misplaced(&inner_path, stem, Some(year)),
                (Kind::Dir(_), _) => self.scan(&inner_path, Some(year)),
                _ => {}
            }
        }
        match index {
            Some(index) if YEAR_RESERVED.contains(&name) => self.reserved_slug(&index, name, true),
            Some(index) if is_valid_id(name) => self.out.found.push(Found {
                year,
                slug: name.to_string(),
                path: index,
                bundle: true,
            }),
            Some(index) => self.bad_slug(&index, name, slug, true),
            None => {}
        }
    }

    fn year(&mut self, year: u16, dir: &Path) {
        self.out.years.push((year, dir.to_path_buf()));
        let Some(list) = self.entries(dir) else {
            return;
        };
        for (name, path, kind) in list {
            if name == "_plan.toml" {
                self.allowed(&path, &kind);
            }
            if hidden(&name) {
                continue;
            }
            if kind.leads_out_to_a_file() && markdown(&name).is_none() {
                continue;
            }
            if !self.allowed(&path, &kind) {
                continue;
            }
            match (kind, markdown(&name)) {
                (Kind::Dir(real), _) => self.bundle(year, &name, &path, &real),
                (Kind::File, Some(stem)) if YEAR_RESERVED.contains(&stem) => {
                    self.reserved_slug(&path, &name, false)
                }
                (Kind::File, Some(stem)) if is_valid_id(stem) && name.ends_with(".md") => {
                    self.out.found.push(Found {
                        year,
                        slug: stem.to_string(),
                        path,
                        bundle: false,
                    });
                }
                (Kind::File, Some(stem)) => self.bad_slug(&path, &name, stem, false),
                _ => {}
            }
        }
    }

    fn statics(&mut self, dir: &Path, inside: &str) {
        let Some(list) = self.entries(dir) else {
            return;
        };
        for (name, path, kind) in list {
            if !self.allowed(&path, &kind) {
                continue;
            }
            let r = if inside.is_empty() {
                name
            } else {
                format!("{inside}/{name}")
            };
            match kind {
                Kind::Dir(real) if real == path => self.statics(&path, &r),
                Kind::File => self.out.statics.push(StaticFile { rel: r, path }),
                _ => {}
            }
        }
    }
}

fn parent_name(path: &Path) -> &str {
    path.parent()
        .and_then(Path::file_name)
        .and_then(|n| n.to_str())
        .unwrap_or("")
}

/// Everything `content/` (the folder `content` of the site at `root`) holds.
pub(crate) fn discover(root: &Path, content: &Path) -> Discovered {
    let mut w = Walker {
        root,
        content_real: content.canonicalize().unwrap_or(content.to_path_buf()),
        seen: HashSet::new(),
        out: Discovered::default(),
    };
    let Some(list) = w.entries(content) else {
        return w.out;
    };
    let latest = list
        .iter()
        .filter(|(_, _, k)| matches!(k, Kind::Dir(_)))
        .filter_map(|(n, _, _)| is_year(n))
        .max();
    for (name, path, kind) in list {
        if hidden(&name) || !w.allowed(&path, &kind) {
            continue;
        }
        match (kind, is_year(&name)) {
            // A year folder reached twice (a link to another) is read once.
            (Kind::Dir(real), Some(year)) if w.first_visit(&real) => w.year(year, &path),
            (Kind::Dir(_), None) if name == "static" => w.statics(&path, ""),
            (Kind::Dir(_), None) => w.scan(&path, latest),
            (Kind::File, _) => {
                if let Some(stem) = markdown(&name) {
                    w.misplaced(&path, stem, latest);
                }
            }
            _ => {}
        }
    }
    w.out
}

#[cfg(test)]
mod tests;
