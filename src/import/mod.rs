//! `bangvang import`: the nominations spreadsheet the units send, turned into profile
//! skeletons. Reading (`sheet`), the header (`columns`), each row (`rows`, `values`), then
//! the files to write, named by the slug of each name; nothing is written here: the
//! command writes what [`prepare`] returns through the one writer, or nothing at all.

pub mod columns;
pub mod rows;
pub mod sheet;
pub mod values;

use std::collections::HashSet;
use std::path::Path;

use columns::HeaderProblem;
use rows::{Context, Nomination};
use sheet::Sheet;

use crate::content::skeleton::skeleton;
use crate::diag::catalogue::import::ImportMsg;
use crate::diag::{self, Diagnostic, Msg, Rule};
use crate::text::fold::fold;
use crate::text::slug::YEAR_RESERVED;

/// A profile to write: its path inside `content/`, its text, the row it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub rel: String,
    pub text: String,
    pub row: u32,
}

/// A row whose nomination is already a profile of the year: left as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Existing {
    pub row: u32,
    pub file: String,
}

/// What an import would do; `diags` non-empty means it must write nothing.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    pub diags: Vec<Diagnostic>,
    pub write: Vec<Planned>,
    pub existing: Vec<Existing>,
    /// Rows read as nominations (written or existing).
    pub rows: usize,
}

fn header_diag(file: &str, row: u32, p: &HeaderProblem) -> Diagnostic {
    let (rule, field, msg) = match p {
        HeaderProblem::NotFound => (
            Rule::MissingField,
            None,
            ImportMsg::NoHeader {
                looked: columns::HEADER_SEARCH,
            },
        ),
        HeaderProblem::Missing(col) => (
            Rule::MissingField,
            Some(col.title()),
            ImportMsg::MissingColumn {
                column: col.title().into(),
            },
        ),
        HeaderProblem::Twice { col, first, second } => (
            Rule::InvalidValue,
            Some(col.title()),
            ImportMsg::DuplicateColumn {
                column: col.title().into(),
                first: first.clone(),
                second: second.clone(),
            },
        ),
    };
    Diagnostic::new(rule, file, row, field, Msg::Import(msg))
}

/// Checks every row of `sheet` against the site and `cx.year`'s plan, and names a file
/// for each new nomination: the slug of its name, with `-2`, `-3` … when the year has
/// that slug already (on disk or earlier in the sheet). A nomination the year already
/// has (same name, kind and unit) is left alone.
pub fn prepare(cx: &Context, sheet: &Sheet, content: &Path) -> Prepared {
    let mut prepared = Prepared::default();
    let header = match columns::find(&sheet.rows) {
        Ok(h) => h,
        Err((row, problems)) => {
            prepared.diags = problems
                .iter()
                .map(|p| header_diag(cx.file, row, p))
                .collect();
            return prepared;
        }
    };
    let (nominations, mut diags) = rows::read(cx, &header, &sheet.rows);
    if nominations.is_empty() && diags.is_empty() {
        diags.push(Diagnostic::new(
            Rule::MissingField,
            cx.file,
            header.row,
            None,
            Msg::Import(ImportMsg::NoRows),
        ));
    }
    diag::sort(&mut diags);
    prepared.rows = nominations.len();
    if !diags.is_empty() {
        prepared.diags = diags;
        return prepared;
    }
    let year_dir = content.join(cx.year.to_string());
    let mut taken: HashSet<String> = cx
        .site
        .files
        .iter()
        .filter(|f| f.year == cx.year)
        .map(|f| f.slug.clone())
        .collect();
    for n in nominations {
        if let Some(file) = existing(cx, &n) {
            prepared.existing.push(Existing { row: n.row, file });
            continue;
        }
        let slug = free_slug(&n.slug, &taken, &year_dir);
        taken.insert(slug.clone());
        let text = skeleton(cx.site, cx.plan, n.kind, &n.unit, cx.year, &n.fill);
        prepared.write.push(Planned {
            rel: format!("{}/{slug}.md", cx.year),
            text,
            row: n.row,
        });
    }
    prepared
}

/// The year's profile of the same nomination (name, kind and unit), if there is one.
fn existing(cx: &Context, n: &Nomination) -> Option<String> {
    let name = fold(n.fill.name.as_deref().unwrap_or_default());
    cx.site
        .profiles
        .iter()
        .find(|p| {
            p.year == cx.year
                && fold(p.name()) == name
                && p.kind() == Some(n.kind)
                && p.unit_id() == Some(n.unit.as_str())
        })
        .map(|p| p.file().to_string())
}

/// `slug`, or `slug-2`, `slug-3` …: the first that neither the year nor the sheet has,
/// nor the build itself in a year's folder (a person called just "Trang" is `trang-2`).
fn free_slug(slug: &str, taken: &HashSet<String>, year_dir: &Path) -> String {
    let free = |s: &str| {
        !taken.contains(s)
            && !YEAR_RESERVED.contains(&s)
            && std::fs::symlink_metadata(year_dir.join(format!("{s}.md"))).is_err()
            && std::fs::symlink_metadata(year_dir.join(s)).is_err()
    };
    if free(slug) {
        return slug.to_string();
    }
    (2..)
        .map(|n| format!("{slug}-{n}"))
        .find(|s| free(s))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
