//! The site `serve` keeps in memory: the model, its diagnostics and the rendered files,
//! rebuilt when files change.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use super::http::Shared;
use crate::cmd::analyse;
use crate::diag::{Diagnostic, Fatal, Lang, count_errors, report};
use crate::pipeline::{Failure, Request, render_site};
use crate::render::Sink;

/// Files rendered into memory.
#[derive(Default)]
pub struct Memory(Mutex<HashMap<String, Vec<u8>>>);

impl Sink for Memory {
    fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), String> {
        let mut files = self
            .0
            .lock()
            .map_err(|_| "memory sink poisoned".to_string())?;
        files.insert(rel.to_string(), bytes.to_vec());
        Ok(())
    }
}

impl Memory {
    pub fn into_files(self) -> HashMap<String, Vec<u8>> {
        self.0.into_inner().unwrap_or_default()
    }
}

pub struct Live {
    root: PathBuf,
    lang_arg: Option<Lang>,
    lang: Lang,
    /// Files of the last good build, not yet published.
    fresh: Option<HashMap<String, Vec<u8>>>,
    /// The diagnostics of the last rebuild, when it failed.
    problems: Option<String>,
}

fn problems_text(diags: &[Diagnostic], files: usize, lang: Lang) -> String {
    report::human_all(diags, files, lang)
}

impl Live {
    /// The first build. Unlike later ones, a failure here is returned when it is not
    /// about content (no site, unreadable files).
    pub fn start(root: &Path, lang: Option<Lang>) -> Result<Live, Vec<Fatal>> {
        let mut live = Live {
            root: root.to_path_buf(),
            lang_arg: lang,
            lang: lang.unwrap_or_default(),
            fresh: None,
            problems: None,
        };
        live.rebuild()?;
        Ok(live)
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Rebuilds after `changed` paths changed; a failure becomes the problems shown.
    pub fn update(&mut self, changed: &BTreeSet<PathBuf>) {
        let started = Instant::now();
        if let Err(fatals) = self.rebuild() {
            self.problems = Some(fatals.iter().map(|f| f.text(self.lang) + "\n").collect());
        }
        let mut out = std::io::stdout().lock();
        let _ = match (self.lang, &self.problems) {
            (Lang::Vi, None) => writeln!(
                out,
                "đã dựng lại sau {} thay đổi: {} ms",
                changed.len(),
                started.elapsed().as_millis()
            ),
            (Lang::En, None) => writeln!(
                out,
                "rebuilt after {} changes: {} ms",
                changed.len(),
                started.elapsed().as_millis()
            ),
            (Lang::Vi, Some(_)) => writeln!(out, "có lỗi: trang web giữ bản dựng tốt gần nhất"),
            (Lang::En, Some(_)) => writeln!(out, "errors: the last good site is kept"),
        };
    }

    fn rebuild(&mut self) -> Result<(), Vec<Fatal>> {
        let (loaded, diags) = analyse(&self.root)?;
        self.lang = self.lang_arg.unwrap_or(loaded.site.config.language);
        if count_errors(&diags) > 0 {
            let text = problems_text(&diags, loaded.site.files.len(), self.lang);
            eprint!("{text}");
            self.problems = Some(text);
            return Ok(());
        }
        let memory = Memory::default();
        let request = Request {
            root: &self.root,
            site: &loaded.site,
            lang: self.lang,
            base_url: "/".into(),
            drafts: true,
        };
        match render_site(&request, &memory) {
            Ok(_) => {
                self.fresh = Some(memory.into_files());
                self.problems = None;
            }
            Err(Failure::Template(errors)) => {
                let text: String = errors
                    .iter()
                    .map(|e| Fatal::Template { detail: e.clone() }.text(self.lang) + "\n")
                    .collect();
                eprint!("{text}");
                self.problems = Some(text);
            }
            Err(Failure::Fatal(f)) => return Err(f),
        }
        Ok(())
    }

    /// Hands the new files (if any) and the problems to the server.
    pub fn publish(&mut self, shared: &Shared) {
        shared.publish(self.fresh.take(), self.problems.clone());
    }
}
