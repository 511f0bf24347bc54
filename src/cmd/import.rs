//! `bangvang import FILE --year YEAR [--sheet NAME]`: the units' nominations spreadsheet
//! turned into profile skeletons, every row checked before any file is written.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::Path;

use super::{CONTENT_ERRORS, OK, fatal};
use crate::content::edit::Writer;
use crate::content::load::load;
use crate::content::model::PlanState;
use crate::diag::catalogue::import_lines::ImportLine;
use crate::diag::{Diagnostic, Fatal, Lang, Msg, Rule, count_errors, report};
use crate::import::rows::Context;
use crate::import::sheet::{self, ReadError};
use crate::import::{Prepared, prepare};

pub struct Options<'a> {
    pub root: &'a Path,
    pub file: &'a Path,
    pub year: u16,
    pub sheet: Option<&'a str>,
}

pub fn run(opts: &Options, lang: Option<Lang>) -> u8 {
    let loaded = match load(opts.root) {
        Ok(l) => l,
        Err(f) => return fatal(&f, lang.unwrap_or_default()),
    };
    let site = &loaded.site;
    let lang = lang.unwrap_or(site.config.language);
    let year = opts.year;
    let year_file = format!("content/{year}");
    let plan = match site.plans.get(&year) {
        Some(PlanState::Valid(plan)) => plan,
        state => {
            let msg = match state {
                Some(PlanState::Invalid { file }) => Msg::PlanInvalid {
                    plan_file: file.clone(),
                },
                _ => Msg::NoPlan {
                    year,
                    model: site.plans.iter().rev().find_map(|(_, s)| match s {
                        PlanState::Valid(plan) => Some(plan.file.clone()),
                        _ => None,
                    }),
                },
            };
            let d = Diagnostic::new(Rule::NoPlan, &year_file, 1, None, msg);
            eprint!("{}", report::human(&d, lang));
            return CONTENT_ERRORS;
        }
    };
    let shown = opts.file.display().to_string();
    let sheet = match sheet::read(opts.file, opts.sheet) {
        Ok(s) => s,
        Err(e) => return fatal(&[read_fatal(&shown, e, lang)], lang),
    };
    if let Some(name) = sheet.encoding {
        eprintln!("{}", ImportLine::Encoding { name }.text(lang));
    }
    let cx = Context {
        site,
        plan,
        year,
        file: &shown,
    };
    let content = opts.root.join("content");
    let prepared = prepare(&cx, &sheet, &content);
    if count_errors(&prepared.diags) > 0 {
        return refuse(&prepared, &shown, lang);
    }
    write(&prepared, &content, year, lang)
}

fn read_fatal(shown: &str, e: ReadError, lang: Lang) -> Fatal {
    let detail = match e {
        ReadError::Unreadable(detail) => {
            return Fatal::Unreadable {
                path: shown.to_string(),
                detail,
            };
        }
        ReadError::TooLarge { bytes } => ImportLine::TooLarge {
            bytes,
            max: sheet::MAX_BYTES,
        },
        ReadError::UnknownSheet { name, sheets } => ImportLine::UnknownSheet { name, sheets },
        ReadError::NoSheet => ImportLine::NoSheet,
    };
    Fatal::Unreadable {
        path: shown.to_string(),
        detail: detail.text(lang),
    }
}

/// Prints every diagnostic and the closing count; writes nothing.
fn refuse(prepared: &Prepared, shown: &str, lang: Lang) -> u8 {
    let mut err = std::io::stdout().lock();
    for d in &prepared.diags {
        let _ = writeln!(err, "{}", report::human(d, lang));
    }
    let rows: BTreeSet<u32> = prepared.diags.iter().map(|d| d.line).collect();
    let line = ImportLine::Refused {
        errors: count_errors(&prepared.diags),
        rows: rows.len(),
        file: shown.to_string(),
    };
    let _ = writeln!(err, "{}", line.text(lang));
    CONTENT_ERRORS
}

/// Writes every planned profile, never over a file; if one write fails, takes back the
/// ones this run wrote, so that the year has all of the sheet or none of it.
fn write(prepared: &Prepared, content: &Path, year: u16, lang: Lang) -> u8 {
    let writer = match Writer::open(content) {
        Ok(w) => w,
        Err(e) => {
            return fatal(
                &[Fatal::Unwritable {
                    path: "content".into(),
                    detail: e.to_string(),
                }],
                lang,
            );
        }
    };
    let mut done: Vec<&str> = Vec::new();
    for p in &prepared.write {
        if let Err(e) = writer.create(&p.rel, p.text.as_bytes()) {
            let taken_back = prepared
                .write
                .iter()
                .filter(|w| done.contains(&w.rel.as_str()))
                .filter(|w| writer.remove(&w.rel, w.text.as_bytes()).is_ok())
                .count();
            let code = fatal(
                &[Fatal::Unwritable {
                    path: format!("content/{}", p.rel),
                    detail: e.to_string(),
                }],
                lang,
            );
            eprintln!("{}", ImportLine::TakenBack { files: taken_back }.text(lang));
            return code;
        }
        done.push(&p.rel);
    }
    let mut out = std::io::stdout().lock();
    for e in &prepared.existing {
        let line = ImportLine::Kept {
            file: e.file.clone(),
            row: e.row,
        };
        let _ = writeln!(out, "{}", line.text(lang));
    }
    for p in &prepared.write {
        let line = ImportLine::Wrote {
            file: format!("content/{}", p.rel),
            row: p.row,
        };
        let _ = writeln!(out, "{}", line.text(lang));
    }
    let done = ImportLine::Done {
        wrote: prepared.write.len(),
        kept: prepared.existing.len(),
        year,
    };
    let _ = writeln!(out, "{}", done.text(lang));
    OK
}
