//! The site `serve` keeps in memory: the model, its diagnostics by file and the rendered
//! files. After an edit to one profile only that profile is read and checked again, and
//! only the pages that show it are rendered again (its page, its year, its unit, the
//! pages of its unit's collective and leaders that year, the home page, the units index,
//! the feed, the sitemap and the search index). Anything else changed rebuilds it all.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use super::http::{Shared, Snapshot};
use crate::check::{check_across, check_profile};
use crate::content::load::{Loaded, load};
use crate::content::model::{Kind, Profile, Site};
use crate::content::reread::{Change, Reread, reread};
use crate::diag::{self, Diagnostic, Fatal, Lang, report};
use crate::facts::units::Units;
use crate::media::verify::{Mode, verify, verify_one};
use crate::pipeline::{Failure, Request, render_site};
use crate::render::Sink;

/// Files rendered into memory.
#[derive(Default)]
pub struct Memory(Mutex<HashMap<String, Arc<[u8]>>>);

impl Sink for Memory {
    fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), String> {
        let mut files = self
            .0
            .lock()
            .map_err(|_| "memory sink poisoned".to_string())?;
        files.insert(rel.to_string(), Arc::from(bytes));
        Ok(())
    }
}

impl Memory {
    pub fn into_files(self) -> HashMap<String, Arc<[u8]>> {
        self.0.into_inner().unwrap_or_default()
    }
}

/// The model and its diagnostics, kept between rebuilds. The site is shared with the
/// editor and the search thread (copied only if one still holds it when it changes).
struct Model {
    site: Arc<Site>,
    /// Diagnostics of reading, by file.
    read: HashMap<String, Vec<Diagnostic>>,
    /// Diagnostics of the rules on one profile, by file.
    rules: HashMap<String, Vec<Diagnostic>>,
}

fn by_file(diags: Vec<Diagnostic>) -> HashMap<String, Vec<Diagnostic>> {
    let mut map: HashMap<String, Vec<Diagnostic>> = HashMap::new();
    for d in diags {
        map.entry(d.file.clone()).or_default().push(d);
    }
    map
}

impl Model {
    fn new(loaded: Loaded) -> Model {
        let site = Arc::new(loaded.site);
        let rules = site
            .profiles
            .iter()
            .map(|p| (p.file().to_string(), check_profile(&site, p)))
            .collect();
        Model {
            read: by_file(loaded.diags),
            rules,
            site,
        }
    }

    /// Every diagnostic, sorted.
    fn diagnostics(&self) -> Vec<Diagnostic> {
        let mut all: Vec<Diagnostic> = self
            .read
            .values()
            .chain(self.rules.values())
            .flatten()
            .cloned()
            .collect();
        all.extend(check_across(&self.site));
        diag::sort(&mut all);
        all
    }

    /// Replaces one profile by what is on disk now; returns the pages that show it.
    fn replace(&mut self, r: Reread) -> HashSet<String> {
        let mut pages = HashSet::new();
        let site = Arc::make_mut(&mut self.site);
        if let Some(old) = site.profiles.iter().find(|p| p.file() == r.file) {
            pages.extend(pages_of(site, old));
        }
        site.profiles.retain(|p| p.file() != r.file);
        site.files.retain(|f| f.file != r.file);
        self.read.remove(&r.file);
        self.rules.remove(&r.file);
        if r.exists {
            site.files.push(r.profile_file());
            site.files
                .sort_by(|a, b| (a.year, &a.file).cmp(&(b.year, &b.file)));
            self.read.insert(r.file.clone(), r.diags);
        }
        if let Some(mut p) = r.profile {
            verify_one(site, &mut p, Mode::Build { drafts: true });
            self.rules.insert(r.file.clone(), check_profile(site, &p));
            pages.extend(pages_of(site, &p));
            let at = site
                .profiles
                .partition_point(|q| (q.year, q.file()) < (p.year, p.file()));
            site.profiles.insert(at, p);
        }
        pages
    }
}

/// The pages that show a profile.
fn pages_of(site: &Site, p: &Profile) -> Vec<String> {
    let mut pages = vec![
        format!("{}/index.html", p.year),
        format!("{}/{}/index.html", p.year, p.slug),
    ];
    if let Some(unit) = p.unit_id() {
        pages.push(format!("don-vi/{unit}/index.html"));
        for q in &site.profiles {
            let head_or_collective = matches!(q.kind(), Some(Kind::Collective | Kind::Leader));
            if q.year == p.year && q.unit_id() == Some(unit) && head_or_collective {
                pages.push(format!("{}/{}/index.html", q.year, q.slug));
            }
        }
        // The units after it show its exemplars; the same exemplar's other years link it.
        let units = Units::new(&site.units);
        for later in units.descendants(unit) {
            pages.push(format!("don-vi/{}/index.html", later.id));
        }
        let collective = p.kind() == Some(Kind::Collective);
        for q in &site.profiles {
            let same_person = p.person().is_some() && q.person() == p.person();
            let same_line = collective
                && q.kind() == Some(Kind::Collective)
                && q.unit_id().is_some_and(|u| units.related(u, unit));
            if q.year != p.year && (same_person || same_line) {
                pages.push(format!("{}/{}/index.html", q.year, q.slug));
            }
        }
    }
    pages
}

pub struct Live {
    root: PathBuf,
    lang_arg: Option<Lang>,
    lang: Lang,
    model: Option<Model>,
    files: HashMap<String, Arc<[u8]>>,
    /// Whether `files` changed since they were last published.
    fresh: bool,
    /// The diagnostics of the last rebuild, when it failed.
    problems: Option<String>,
    /// Pages to render again at the next successful rebuild (`None`: all of them), and
    /// the folders of profiles that are gone, whose files leave the site then.
    owed: Option<HashSet<String>>,
    gone: Vec<String>,
    /// Whether the search index is older than the pages (it is written after a reload).
    search_owed: bool,
    /// Whether the last rebuild rendered everything (the search index included).
    rebuilt_whole: bool,
    /// Every diagnostic of the model, as the last rebuild found them.
    diags: Vec<Diagnostic>,
}

impl Live {
    /// The first build. A failure that is not about content (no site, unreadable files)
    /// is returned.
    pub fn start(root: &Path, lang: Option<Lang>) -> Result<Live, Vec<Fatal>> {
        let mut live = Live {
            root: root.to_path_buf(),
            lang_arg: lang,
            lang: lang.unwrap_or_default(),
            model: None,
            files: HashMap::new(),
            fresh: false,
            problems: None,
            owed: None,
            gone: Vec::new(),
            search_owed: false,
            rebuilt_whole: false,
            diags: Vec::new(),
        };
        live.rebuild_all()?;
        Ok(live)
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Rebuilds after `changed` paths changed; a failure becomes the problems shown.
    pub fn update(&mut self, changed: &BTreeSet<PathBuf>) {
        let started = Instant::now();
        let result = match self.rereads(changed) {
            Ok(Some(rereads)) => self.rebuild_some(rereads),
            Ok(None) => self.rebuild_all(),
            Err(f) => Err(vec![f]),
        };
        if let Err(fatals) = result {
            self.problems = Some(fatals.iter().map(|f| f.text(self.lang) + "\n").collect());
        }
        let ms = started.elapsed().as_millis();
        let mut out = std::io::stdout().lock();
        let _ = match (self.lang, &self.problems) {
            (Lang::Vi, None) => {
                writeln!(out, "đã dựng lại sau {} thay đổi: {ms} ms", changed.len())
            }
            (Lang::En, None) => writeln!(out, "rebuilt after {} changes: {ms} ms", changed.len()),
            (Lang::Vi, Some(_)) => writeln!(out, "có lỗi: trang web giữ bản dựng tốt gần nhất"),
            (Lang::En, Some(_)) => writeln!(out, "errors: the last good site is kept"),
        };
    }

    /// The profiles the changed paths belong to, or `None` when something else changed.
    fn rereads(&self, changed: &BTreeSet<PathBuf>) -> Result<Option<Vec<Reread>>, Fatal> {
        if self.model.is_none() {
            return Ok(None);
        }
        let mut out: Vec<Reread> = Vec::new();
        for path in changed {
            match reread(&self.root, path)? {
                Change::Profile(r) if !out.iter().any(|o| o.file == r.file) => out.push(*r),
                Change::Profile(_) | Change::Nothing => {}
                Change::Other => return Ok(None),
            }
        }
        Ok(Some(out))
    }

    fn rebuild_all(&mut self) -> Result<(), Vec<Fatal>> {
        let mut loaded = load(&self.root)?;
        verify(&mut loaded.site, Mode::Build { drafts: true });
        self.lang = self.lang_arg.unwrap_or(loaded.site.config.language);
        self.model = Some(Model::new(loaded));
        self.owed = None;
        self.render()
    }

    fn rebuild_some(&mut self, rereads: Vec<Reread>) -> Result<(), Vec<Fatal>> {
        let Some(model) = self.model.as_mut() else {
            return self.rebuild_all();
        };
        let mut pages: HashSet<String> =
            ["index.html", "don-vi/index.html"].map(String::from).into();
        for r in rereads {
            self.gone.push(format!("{}/{}/", r.year, r.slug));
            pages.extend(model.replace(r));
        }
        if let Some(owed) = self.owed.as_mut() {
            owed.extend(pages);
        }
        self.render()
    }

    /// Checks the model and renders the pages owed (all of them when `owed` is `None`).
    fn render(&mut self) -> Result<(), Vec<Fatal>> {
        let only = self.owed.clone();
        let Some(model) = &self.model else {
            return Ok(());
        };
        let diags = model.diagnostics();
        self.diags = diags.clone();
        if diag::count_errors(&diags) > 0 {
            let text = report::human_all(&diags, model.site.files.len(), self.lang);
            eprint!("{text}");
            self.problems = Some(text);
            return Ok(());
        }
        let memory = Memory::default();
        let whole = only.is_none();
        let request = Request {
            root: &self.root,
            site: &model.site,
            lang: self.lang,
            base_url: "/".into(),
            drafts: true,
            only,
            search: whole,
        };
        match render_site(&request, &memory) {
            Ok(summary) => {
                if std::env::var_os("BANGVANG_TIMINGS").is_some() {
                    for (phase, time) in &summary.phases {
                        eprintln!("{:>8.1} ms  {phase}", time.as_secs_f64() * 1000.0);
                    }
                }
                let rendered = memory.into_files();
                if whole {
                    self.files = rendered;
                } else {
                    for prefix in &self.gone {
                        self.files.retain(|k, _| !k.starts_with(prefix.as_str()));
                    }
                    self.files.extend(rendered);
                }
                self.gone.clear();
                self.search_owed = !whole;
                self.rebuilt_whole = whole;
                self.owed = Some(HashSet::new());
                self.fresh = true;
                self.problems = None;
                Ok(())
            }
            Err(Failure::Template(errors)) => {
                let text: String = errors
                    .iter()
                    .map(|e| Fatal::Template { detail: e.clone() }.text(self.lang) + "\n")
                    .collect();
                eprint!("{text}");
                self.problems = Some(text);
                Ok(())
            }
            Err(Failure::Fatal(f)) => Err(f),
        }
    }

    /// Writes the search index the last partial rebuild left out, on another thread:
    /// the pages went first, so that a reload is fast; the index follows without asking
    /// open pages to reload.
    pub fn catch_up(&mut self, shared: &Arc<Shared>) {
        let Some(model) = &self.model else { return };
        if !self.search_owed || self.problems.is_some() {
            return;
        }
        self.search_owed = false;
        let (site, root, lang, shared) = (
            model.site.clone(),
            self.root.clone(),
            self.lang,
            shared.clone(),
        );
        let version = shared.next_search_version();
        std::thread::spawn(move || {
            let memory = Memory::default();
            let request = Request {
                root: &root,
                site: &site,
                lang,
                base_url: "/".into(),
                drafts: true,
                only: Some(HashSet::new()),
                search: true,
            };
            if render_site(&request, &memory).is_ok() {
                shared.merge_files(memory.into_files(), version);
            }
        });
    }

    /// Hands the new files (if any) and the problems to the server.
    pub fn publish(&mut self, shared: &Shared) {
        // Keep what the search thread wrote since the last publish, unless a whole
        // rebuild has written a newer index.
        if std::mem::take(&mut self.rebuilt_whole) {
            shared.forget_merged();
        } else {
            self.files.extend(shared.take_merged());
        }
        let files = std::mem::take(&mut self.fresh).then(|| self.files.clone());
        if let Some(model) = &self.model {
            shared.set_snapshot(Snapshot {
                site: model.site.clone(),
                diags: self.diags.clone(),
                lang: self.lang,
            });
        }
        shared.publish(files, self.problems.clone());
    }
}
