//! `bangvang build`: check, then render into a staging folder swapped in when complete.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{CONTENT_ERRORS, OK, analyse, fatal};
use crate::diag::{Diagnostic, Fatal, Lang, count_errors, report};
use crate::output::Staging;
use crate::pipeline::{Failure, Request, Stopped, build_site};
use crate::render::{Sink, Summary};

pub struct Options {
    pub root: PathBuf,
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    pub timings: bool,
}

impl Sink for Staging {
    fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), String> {
        self.write(rel, bytes)
            .map_err(|e| format!("{}/{rel}: {e}", self.dir().display()))
    }
}

/// Refuses an output folder whose replacement would destroy the site itself.
fn safe_output(root: &Path, output: &Path) -> Result<(), Fatal> {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (root, out) = (abs(root), abs(output));
    if root.starts_with(&out)
        || out.starts_with(root.join("content"))
        || out.starts_with(root.join("themes"))
    {
        let detail = format!(
            "--output {} would replace the site's own files",
            output.display()
        );
        return Err(Fatal::BadArgument { detail });
    }
    Ok(())
}

fn seconds(secs: f64, lang: Lang) -> String {
    let s = format!("{secs:.2}");
    if lang == Lang::Vi {
        s.replace('.', ",")
    } else {
        s
    }
}

fn summary_line(out: &Path, s: &Summary, secs: f64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "đã xây dựng {}: {} trang; hồ sơ: {} được công nhận, {} chờ xét, {} không được công nhận, {} bị thu hồi; ảnh: {} xử lý, {} dùng lại; {} giây",
            out.display(),
            s.pages,
            s.recognised,
            s.pending,
            s.not_recognised,
            s.revoked,
            s.photos_processed,
            s.photos_reused,
            seconds(secs, lang)
        ),
        Lang::En => format!(
            "built {}: {} pages; profiles: {} recognised, {} pending, {} not recognised, {} revoked; photos: {} processed, {} reused; {} s",
            out.display(),
            s.pages,
            s.recognised,
            s.pending,
            s.not_recognised,
            s.revoked,
            s.photos_processed,
            s.photos_reused,
            seconds(secs, lang)
        ),
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

pub fn run(o: &Options, lang: Option<Lang>) -> u8 {
    let start = Instant::now();
    let (loaded, diags) = match analyse(&o.root) {
        Ok(x) => x,
        Err(f) => return fatal(&f, lang.unwrap_or_default()),
    };
    let checked = start.elapsed();
    let site = &loaded.site;
    let lang = lang.unwrap_or(site.config.language);
    if count_errors(&diags) > 0 {
        return refuse(&diags, &diags, site.files.len(), lang);
    }
    for d in &diags {
        eprintln!("{}", report::human(d, lang));
    }
    let output = o.output.clone().unwrap_or_else(|| o.root.join("output"));
    if let Err(f) = safe_output(&o.root, &output) {
        return fatal(&[f], lang);
    }
    let base_url = o
        .base_url
        .clone()
        .unwrap_or_else(|| site.config.base_url.clone());
    if !(base_url.starts_with('/')
        || base_url.starts_with("http://")
        || base_url.starts_with("https://"))
    {
        let detail = format!("--base-url \"{base_url}\": /, /sub-path/ or https://…");
        return fatal(&[Fatal::BadArgument { detail }], lang);
    }
    let staging = match Staging::new(&output) {
        Ok(s) => s,
        Err(e) => {
            let f = Fatal::Unwritable {
                path: output.display().to_string(),
                detail: e.to_string(),
            };
            return fatal(&[f], lang);
        }
    };
    let rendered_at = Instant::now();
    let request = Request {
        root: &o.root,
        site,
        lang,
        base_url,
        drafts: o.drafts,
        only: None,
        search: true,
    };
    let summary = match build_site(&request, &staging) {
        Ok(s) => s,
        Err(Stopped::Photos(photo_diags)) => {
            // The warnings are printed already; the count covers them too.
            let mut all = photo_diags.clone();
            all.extend(diags);
            return refuse(&photo_diags, &all, site.files.len(), lang);
        }
        Err(Stopped::Failed(Failure::Template(errors))) => {
            let fatals: Vec<Fatal> = errors
                .into_iter()
                .map(|detail| Fatal::Template { detail })
                .collect();
            fatal(&fatals, lang);
            return CONTENT_ERRORS;
        }
        Err(Stopped::Failed(Failure::Fatal(f))) => return fatal(&f, lang),
    };
    let rendered = rendered_at.elapsed();
    let committed_at = Instant::now();
    if let Err(e) = staging.commit() {
        return fatal(
            &[Fatal::Unwritable {
                path: output.display().to_string(),
                detail: e.to_string(),
            }],
            lang,
        );
    }
    if o.timings {
        let committed = committed_at.elapsed();
        eprintln!("{:>8.3} s  read, parse and check", checked.as_secs_f64());
        for (phase, time) in &summary.phases {
            eprintln!(
                "{:>8.3} s    {phase} (rendered and written)",
                time.as_secs_f64()
            );
        }
        eprintln!(
            "{:>8.3} s  render and write, in all",
            rendered.as_secs_f64()
        );
        eprintln!("{:>8.3} s  swap the new output in", committed.as_secs_f64());
    }
    println!(
        "{}",
        summary_line(&output, &summary, start.elapsed().as_secs_f64(), lang)
    );
    OK
}
