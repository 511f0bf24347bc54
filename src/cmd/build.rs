//! `bangvang build`: check, then render into a staging folder swapped in when complete.
//! The output is resolved and judged first, locked for the whole build, and what an
//! interrupted build left is finished before anything looks at it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::build_report::{summary_line, timings};
use super::{CONTENT_ERRORS, OK, analyse_loaded, fatal};
use crate::content::load::load;
use crate::content::site_file::{self, base_url_problem};
use crate::content::story::KEEP_BYTES;
use crate::diag::{Diagnostic, Fatal, Lang, Notice, count_errors, report};
use crate::media::verify::Mode;
use crate::output::precompress::Precompressed;
use crate::output::stamp::{self, Said, Stamp};
use crate::output::{Opening, Output, Written, guard, lock};
use crate::pipeline::{Failure, Request, Stopped, build_site};
use crate::render::{Sink, Summary};
use crate::text::date::today;

pub struct Options {
    pub root: PathBuf,
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    pub timings: bool,
    /// Build into a folder that holds files no build listed (they stay).
    pub force: bool,
}

fn notice(n: &Notice, lang: Lang) {
    eprintln!("{}", n.text(lang));
}

/// How many failed writes are printed one by one (a full disk fails them all).
const SHOWN_FAILURES: usize = 10;

/// Writes that failed while rendering: an I/O error (exit 2), whatever else failed.
fn write_failed(failures: &[String], lang: Lang) -> u8 {
    let fatals: Vec<Fatal> = failures
        .iter()
        .take(SHOWN_FAILURES)
        .map(|f| {
            let (path, detail) = f.rsplit_once(": ").unwrap_or((f, ""));
            Fatal::Unwritable {
                path: path.to_string(),
                detail: detail.to_string(),
            }
        })
        .collect();
    let code = fatal(&fatals, lang);
    if failures.len() > SHOWN_FAILURES {
        notice(
            &Notice::MoreUnwritable {
                count: failures.len() - SHOWN_FAILURES,
            },
            lang,
        );
    }
    code
}

fn unwritable(path: &Path, e: &std::io::Error) -> Fatal {
    Fatal::Unwritable {
        path: path.display().to_string(),
        detail: e.to_string(),
    }
}

/// Prints the diagnostics `show` of a site that is not built, the count of `all`, and
/// says so: exit 1.
fn refuse(show: &[Diagnostic], all: &[Diagnostic], profiles: usize, lang: Lang) -> u8 {
    let mut err = std::io::stderr().lock();
    for d in show {
        let _ = writeln!(err, "{}", report::human(d, lang));
    }
    let _ = writeln!(err, "{}", report::summary(all, profiles, lang));
    let _ = match lang {
        Lang::Vi => writeln!(
            err,
            "không xây dựng: hãy sửa các lỗi trên; thư mục output giữ nguyên"
        ),
        Lang::En => writeln!(
            err,
            "not built: fix the errors above; the output folder is unchanged"
        ),
    };
    CONTENT_ERRORS
}

/// What a build depends on besides its files: the options that change the output.
fn options_key(o: &Options, output: &Path) -> String {
    let abs = std::path::absolute(output).unwrap_or_else(|_| output.to_path_buf());
    format!(
        "output={}\0base={:?}\0drafts={}",
        abs.display(),
        o.base_url,
        o.drafts
    )
}

/// The last build's stamp, when its output is as it left it (then the inputs are worth
/// comparing: hashing them reads every file).
fn output_as_left(o: &Options, output: &Path) -> Option<Stamp> {
    let last = stamp::read(&o.root)?;
    (stamp::output(output).as_deref() == Some(last.output.as_str())).then_some(last)
}

/// When nothing the last build read has changed and its output is as it left it
/// ([`output_as_left`]): prints what it said, and touches no file.
fn unchanged(
    last: &Stamp,
    inputs: &str,
    lang: Option<Lang>,
    start: Instant,
    o: &Options,
    output: &Path,
) -> bool {
    if last.inputs != inputs {
        return false;
    }
    let said = &last.said;
    let lang = lang.unwrap_or(Lang::parse(&said.lang).unwrap_or_default());
    let warnings = match lang {
        Lang::Vi => &said.warnings_vi,
        Lang::En => &said.warnings_en,
    };
    for w in warnings {
        eprintln!("{w}");
    }
    if o.timings {
        timings(&[(
            "nothing changed since the last build (inputs and output compared)",
            start.elapsed(),
        )]);
    }
    let summary = Summary {
        pages: said.pages,
        recognised: said.recognised,
        pending: said.pending,
        not_recognised: said.not_recognised,
        revoked: said.revoked,
        photos_reused: said.photos,
        cards_reused: said.cards,
        ..Summary::default()
    };
    let written = Written {
        unchanged: said.files,
        ..Written::default()
    };
    let secs = start.elapsed().as_secs_f64();
    println!("{}", summary_line(output, &summary, &written, secs, lang));
    true
}

/// Whether the files of `output`, which holds no list of them, are exactly what the last
/// build of `root` left there (then they are the build's own, written before lists): by
/// the stamp of this program, or by that of a build from before lists.
fn left_by_last_build(root: &Path, output: &Path) -> bool {
    stamp::read(root).is_some_and(|s| {
        let same = |hash: Option<String>| hash.as_deref() == Some(&s.output);
        same(stamp::output(output)) || same(stamp::output_before_lists(output))
    })
}

pub fn run(o: &Options, lang: Option<Lang>) -> u8 {
    let start = Instant::now();
    let early = lang
        .or_else(|| site_file::language(&o.root))
        .unwrap_or_default();
    let typed = o.output.clone().unwrap_or_else(|| o.root.join("output"));
    let output = match guard::check(&o.root, &typed) {
        Ok(out) => out,
        Err(f) => return fatal(&[f], early),
    };
    let folder = output.parent().unwrap_or(&output).to_path_buf();
    let waiting = || {
        let folder = folder.display().to_string();
        notice(&Notice::Waiting { folder }, early);
    };
    let _lock = match lock::acquire(&folder, waiting) {
        Ok(l) => l,
        Err(e) => return fatal(&[unwritable(&folder, &e)], early),
    };
    match crate::output::recover(&output) {
        Ok(said) => said.iter().for_each(|n| notice(n, early)),
        Err(f) => return fatal(&[f], early),
    }
    let key = options_key(o, &output);
    if let Some(last) = output_as_left(o, &output)
        && let Some(inputs) = stamp::inputs(&o.root, &key)
        && unchanged(&last, &inputs, lang, start, o, &output)
    {
        return OK;
    }
    let stamped = start.elapsed();
    if let Err(value) = today() {
        return fatal(&[Fatal::BadToday { value }], lang.unwrap_or_default());
    }
    let loaded = match load(&o.root) {
        Ok(x) => x,
        Err(f) => return fatal(&f, lang.unwrap_or_default()),
    };
    // The stamp's inputs: the profiles and settings by the bytes just read (what is
    // built), the other files now, before anything reads them.
    let at = Instant::now();
    let inputs = stamp::inputs_with(&o.root, &key, &loaded.hashes);
    let hashed = at.elapsed();
    let (mut loaded, diags, made) = analyse_loaded(loaded, Mode::Build { drafts: o.drafts });
    let site_lang = loaded.site.config.language;
    let lang = lang.unwrap_or(site_lang);
    if count_errors(&diags) > 0 {
        return refuse(&diags, &diags, loaded.site.files.len(), lang);
    }
    for d in &diags {
        eprintln!("{}", report::human(d, lang));
    }
    // Checked: a large site packs its stories and drops front-matter texts.
    loaded.site.release_texts(KEEP_BYTES);
    let site = &loaded.site;
    let base_url = o
        .base_url
        .clone()
        .unwrap_or_else(|| site.config.base_url.clone());
    if base_url_problem(&base_url).is_some() {
        return fatal(&[Fatal::BadBaseUrl { value: base_url }], lang);
    }
    let opening = Opening {
        force: o.force,
        adopt: &|| left_by_last_build(&o.root, &output),
    };
    let out = match Output::open(&output, &opening) {
        Ok(s) => s,
        Err(f) => return fatal(&[f], lang),
    };
    let request = Request {
        root: &o.root,
        site,
        lang,
        base_url,
        drafts: o.drafts,
        only: None,
        search: true,
    };
    let gz = Precompressed::new(&out);
    let sink: &dyn Sink = if site.config.precompress { &gz } else { &out };
    let mut summary = match build_site(&request, sink) {
        Ok(s) => s,
        Err(Stopped::Photos(photo_diags)) => {
            // The warnings are printed already; the count covers them too.
            let mut all = photo_diags.clone();
            all.extend(diags);
            return refuse(&photo_diags, &all, site.files.len(), lang);
        }
        Err(Stopped::Failed(Failure::Template(errors))) => {
            let failures = out.failures();
            if !failures.is_empty() {
                return write_failed(&failures, lang);
            }
            let fatals: Vec<Fatal> = errors
                .into_iter()
                .map(|detail| Fatal::Template { detail })
                .collect();
            fatal(&fatals, lang);
            return CONTENT_ERRORS;
        }
        Err(Stopped::Failed(Failure::Fatal(f))) => return fatal(&f, lang),
    };
    // Photos made while checking were found in the cache by rendering: they are this
    // build's work all the same.
    summary.photos_processed += made.photos;
    summary.photos_reused = summary.photos_reused.saturating_sub(made.photos);
    let committed_at = Instant::now();
    stamp::forget(&o.root);
    let (written, known) = match out.commit_stamped() {
        Ok((w, said, known)) => {
            said.iter().for_each(|n| notice(n, lang));
            (w, known)
        }
        Err(f) => return fatal(&[f], lang),
    };
    let committed = committed_at.elapsed();
    // The output's hash from what the build wrote, or, where the output may hold more,
    // by walking it.
    let out_hash = known.or_else(|| stamp::output(&output));
    if let (Some(inputs), Some(out_hash)) = (inputs, out_hash) {
        let said = Said {
            lang: site_lang.code().to_string(),
            warnings_vi: diags.iter().map(|d| report::human(d, Lang::Vi)).collect(),
            warnings_en: diags.iter().map(|d| report::human(d, Lang::En)).collect(),
            pages: summary.pages,
            recognised: summary.recognised,
            pending: summary.pending,
            not_recognised: summary.not_recognised,
            revoked: summary.revoked,
            photos: summary.photos_processed + summary.photos_reused,
            cards: summary.cards_made + summary.cards_reused,
            files: written.written + written.unchanged,
        };
        stamp::write(
            &o.root,
            &Stamp {
                inputs,
                output: out_hash,
                said,
            },
        );
    }
    if o.timings {
        let mut phases = vec![("compare the output with the last build", stamped)];
        phases.extend(loaded.phases.iter().take(2).copied());
        phases.push(("hash the other inputs", hashed));
        phases.extend(loaded.phases.iter().skip(2).copied());
        phases.extend(summary.phases.iter().map(|(p, t)| (*p, *t)));
        phases.push(("swap the new site in", committed));
        phases.push(("in all", start.elapsed()));
        timings(&phases);
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{}", summary_line(&output, &summary, &written, secs, lang));
    // The program ends with this command: the system takes the site's memory back at
    // once, where freeing the profiles one by one took 20-35 ms of 10,000's build.
    std::mem::forget(loaded);
    OK
}
