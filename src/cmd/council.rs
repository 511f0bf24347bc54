//! `bangvang council YEAR [--output DIR] [--date D] [--force]`: the documents of the
//! Council's meeting, written to `ROOT/hoi-dong/YEAR/` (never into `content/` or the
//! site's output) after the year passes `check`.

use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

use super::{CONTENT_ERRORS, FATAL, OK, analyse, fatal};
use crate::content::edit::Writer;
use crate::diag::catalogue::council::CouncilLine;
use crate::diag::{Diagnostic, Fatal, Lang, count_errors, report};
use crate::documents::store::{self, Kept, Outcome, StoreError};
use crate::documents::{Year, files};
use crate::media::verify::Mode;
use crate::text::typed_date;

pub struct Options {
    pub root: PathBuf,
    pub year: u16,
    pub output: Option<PathBuf>,
    pub date: Option<String>,
    pub force: bool,
}

fn say(line: &CouncilLine, lang: Lang) -> u8 {
    eprintln!("{}", line.text(lang));
    FATAL
}

/// `path` made absolute, `.` and `..` taken lexically, then its longest existing part
/// resolved (symbolic links followed), so that it can be compared with other folders.
fn resolved(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut clean = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            c => clean.push(c),
        }
    }
    let mut existing = clean.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(name) => rest.push(name.to_owned()),
            None => break,
        }
        existing.pop();
    }
    let mut out = existing.canonicalize().unwrap_or(existing);
    out.extend(rest.iter().rev());
    out
}

/// Whether a diagnostic belongs to `year`: its files, and the site's own (site.toml,
/// units.toml), not another year's.
fn of_year(d: &Diagnostic, year: u16) -> bool {
    let Some(rest) = d.file.strip_prefix("content/") else {
        return true;
    };
    match rest.split_once('/') {
        Some((y, _)) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            y == year.to_string()
        }
        _ => true,
    }
}

fn shown(root: &Path, path: &Path) -> String {
    let root = resolved(root);
    let path = resolved(path);
    path.strip_prefix(&root)
        .map_or_else(|_| path.display().to_string(), |p| p.display().to_string())
        .replace('\\', "/")
}

pub fn run(opts: &Options, lang: Option<Lang>) -> u8 {
    let (loaded, diags, _) = match analyse(&opts.root, Mode::Check) {
        Ok(x) => x,
        Err(f) => return fatal(&f, lang.unwrap_or_default()),
    };
    let site = &loaded.site;
    let lang = lang.unwrap_or(site.config.language);
    let year = opts.year;
    let Some(plan) = site.plan(year) else {
        if !site.plans.contains_key(&year) {
            let mut years = site.years();
            years.reverse();
            return say(&CouncilLine::NoYear { year, years }, lang);
        }
        // The year's plan is invalid: its diagnostics say why, below.
        return year_errors(&diags, site, year, lang);
    };
    let date = match opts.date.as_deref() {
        Some(text) => match typed_date::parse(text) {
            Some(d) => Some(d),
            None => {
                let line = CouncilLine::BadDate {
                    value: text.to_string(),
                };
                return say(&line, lang);
            }
        },
        None => None,
    };
    let dir = opts
        .output
        .clone()
        .unwrap_or_else(|| opts.root.join("hoi-dong").join(year.to_string()));
    let target = resolved(&dir);
    for inside in ["content", "output", "themes", ".cache"] {
        let forbidden = resolved(&opts.root.join(inside));
        if target.starts_with(&forbidden) {
            let line = CouncilLine::OutputInside {
                output: dir.display().to_string(),
                inside: format!("{}/", shown(&opts.root, &forbidden)),
            };
            return say(&line, lang);
        }
    }
    if diags.iter().any(|d| d.is_error() && of_year(d, year)) {
        return year_errors(&diags, site, year, lang);
    }
    let y = Year::new(site, year, plan, date);
    let made = match files(&y) {
        Ok(f) => f,
        Err(detail) => {
            return fatal(
                &[Fatal::Unwritable {
                    path: dir.display().to_string(),
                    detail,
                }],
                lang,
            );
        }
    };
    let writer = match Writer::create_dir(&dir) {
        Ok(w) => w,
        Err(e) => {
            return fatal(
                &[Fatal::Unwritable {
                    path: dir.display().to_string(),
                    detail: e.to_string(),
                }],
                lang,
            );
        }
    };
    let folder = shown(&opts.root, &dir);
    let outcomes = match store::write(&writer, &made, opts.force) {
        Ok(o) => o,
        Err(StoreError::Kept(kept)) => {
            let in_dir = |n: &String| format!("{folder}/{n}");
            let line = CouncilLine::Kept {
                edited: kept
                    .iter()
                    .filter_map(|k| match k {
                        Kept::Edited(n) => Some(in_dir(n)),
                        Kept::NotOurs(_) => None,
                    })
                    .collect(),
                not_ours: kept
                    .iter()
                    .filter_map(|k| match k {
                        Kept::NotOurs(n) => Some(in_dir(n)),
                        Kept::Edited(_) => None,
                    })
                    .collect(),
            };
            return say(&line, lang);
        }
        Err(StoreError::Write(e)) => {
            return fatal(
                &[Fatal::Unwritable {
                    path: folder,
                    detail: e.to_string(),
                }],
                lang,
            );
        }
    };
    let mut out = std::io::stdout().lock();
    let (mut written, mut unchanged) = (0, 0);
    for o in &outcomes {
        let line = match o {
            Outcome::Written(n) => {
                written += 1;
                CouncilLine::Wrote {
                    file: format!("{folder}/{n}"),
                }
            }
            Outcome::Unchanged(n) => {
                unchanged += 1;
                CouncilLine::Unchanged {
                    file: format!("{folder}/{n}"),
                }
            }
        };
        let _ = writeln!(out, "{}", line.text(lang));
    }
    if y.awaiting_vote().is_empty() {
        let _ = writeln!(out, "{}", CouncilLine::NobodyAwaits.text(lang));
    }
    if y.to_decide().is_empty() {
        let _ = writeln!(out, "{}", CouncilLine::NobodyToDecide.text(lang));
    }
    let done = CouncilLine::Done {
        dir: folder,
        written,
        unchanged,
    };
    let _ = writeln!(out, "{}", done.text(lang));
    OK
}

/// Prints the year's diagnostics as `check` does, and that no document was written.
fn year_errors(
    diags: &[Diagnostic],
    site: &crate::content::model::Site,
    year: u16,
    lang: Lang,
) -> u8 {
    let mine: Vec<Diagnostic> = diags.iter().filter(|d| of_year(d, year)).cloned().collect();
    let profiles = site.files.iter().filter(|f| f.year == year).count();
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(report::human_all(&mine, profiles, lang).as_bytes());
    let _ = writeln!(out, "{}", CouncilLine::YearErrors { year }.text(lang));
    if count_errors(&mine) == 0 {
        // An invalid plan with no diagnostic of its own cannot happen; stay on the safe side.
        return FATAL;
    }
    CONTENT_ERRORS
}
