//! Writing the built site: only what changed, only once the build is complete, all at once,
//! and never over what is not the build's own.
//!
//! Each file the build produces is compared with the file already in the output folder;
//! an identical file is left alone (its mtime stays, so an `rsync` to the intranet server
//! copies nothing), a new or different one is written into a staging folder. When every
//! page rendered, [`Output::commit`] completes the staging folder into the whole new site
//! (hard links to the unchanged files, the list of the files it wrote, the files of
//! someone else's that were in the output) and exchanges it with the output folder in one
//! step (`swap`); a build that fails, or is killed, leaves the previous output exactly as
//! it was. Where the output cannot be exchanged (a mount point, a folder whose parent
//! cannot be written), the changed files are moved in under a journal that the next build
//! completes (`journal`). The list of the files each build wrote (`manifest`) says what a
//! build may remove: nothing else is ever deleted.

mod commit;
mod existing;
pub mod guard;
mod journal;
pub mod lock;
pub mod manifest;
pub mod precompress;
pub mod stamp;
mod swap;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use crate::diag::{Fatal, Notice};
use existing::{entries, same_bytes, same_file};
use stamp::FileMeta;

/// Where a build's files go: the staging folder of `build`, or the memory of `serve`.
pub trait Sink: Sync {
    fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), String>;

    /// Takes the file at `rel` from the file at `from`, one that bangvang keeps and only
    /// ever replaces through a rename (a cached share card): by default, its bytes. The
    /// output folder links it instead of copying it where it can.
    fn put_file(&self, rel: &str, from: &Path) -> Result<(), String> {
        let bytes = fs::read(from).map_err(|e| format!("{}: {e}", from.display()))?;
        self.put(rel, &bytes)
    }
}

/// What a commit did to the output folder.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Files written (new or changed).
    pub written: usize,
    /// Files left as they were, byte for byte.
    pub unchanged: usize,
    /// Files removed because the site no longer has them.
    pub removed: usize,
}

/// What happens to a file of the new site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Put {
    /// Written into the staging folder.
    Staged,
    /// The output already holds these bytes there.
    Unchanged,
}

/// How the new site replaces the old one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Staged beside the output, exchanged with it in one step.
    Swap,
    /// Staged inside the output, moved in file by file under a journal.
    InPlace,
}

/// How to treat an output folder that holds files but no list of them.
pub struct Opening<'a> {
    /// `--force`: build there anyway (its files are kept, never deleted).
    pub force: bool,
    /// Whether its files are exactly what the last build of the site left (its stamp
    /// matches): then they are the build's own, written before lists were kept.
    pub adopt: &'a dyn Fn() -> bool,
}

/// The files of one build on their way into `target`.
pub struct Output {
    staging: PathBuf,
    target: PathBuf,
    mode: Mode,
    /// Whether `target` held files before (then each file is compared with its own).
    had_files: bool,
    /// The files earlier builds wrote (the list in the output), which this one may
    /// replace or remove.
    owned: HashSet<String>,
    /// Whether `owned` came from a list in the output (not adopted, not forced).
    listed: bool,
    /// Each file of the new site, with its size and time where known (for the stamp).
    files: Mutex<HashMap<String, (Put, Option<FileMeta>)>>,
    /// The folders of the staging folder made so far (most pages have a folder of their
    /// own, and two or three files in it).
    folders: Mutex<HashSet<PathBuf>>,
    /// Files of someone else's where this build must write.
    in_the_way: Mutex<BTreeSet<String>>,
    /// Every write that failed, as reported.
    failures: Mutex<Vec<String>>,
    done: bool,
}

fn locked<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // Each holder does one insert or push: a panic cannot leave the value half-updated.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn unwritable(path: &Path, e: &io::Error) -> Fatal {
    Fatal::Unwritable {
        path: path.display().to_string(),
        detail: e.to_string(),
    }
}

/// Finishes whatever a build into `target` left undone (a journal to complete, staging
/// folders to clear): called, under the lock, before anything looks at the output.
pub fn recover(target: &Path) -> Result<Vec<Notice>, Fatal> {
    journal::recover(target).map_err(|e| unwritable(target, &e))?;
    swap::clear_leftovers(target)
}

impl Output {
    /// Prepares a build into `target` (a resolved path, see [`guard`]), made when the
    /// build commits. Refuses a folder that holds files no build listed, unless `opening`
    /// says otherwise.
    pub fn open(target: &Path, opening: &Opening) -> Result<Output, Fatal> {
        let fail = |e: io::Error| unwritable(target, &e);
        let empty = match fs::read_dir(target) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => true,
            Err(e) => return Err(fail(e)),
            Ok(mut list) => list.next().is_none(),
        };
        let (had_files, owned, listed) = match empty {
            true => (false, HashSet::new(), true),
            false => match manifest::read(target).map_err(fail)? {
                Some(owned) => (true, owned, true),
                None if (opening.adopt)() => {
                    let all = entries(target).map_err(fail)?;
                    (true, all.into_iter().collect(), false)
                }
                None if opening.force => (true, HashSet::new(), false),
                None => {
                    let all = entries(target).map_err(fail)?;
                    return Err(Fatal::OutputForeign {
                        output: target.display().to_string(),
                        count: all.len(),
                        examples: all.into_iter().take(5).collect(),
                    });
                }
            },
        };
        let (mode, staging) = swap::staging(target).map_err(fail)?;
        Ok(Output {
            staging,
            target: target.to_path_buf(),
            mode,
            had_files,
            owned,
            listed,
            files: Mutex::new(HashMap::new()),
            folders: Mutex::new(HashSet::new()),
            in_the_way: Mutex::new(BTreeSet::new()),
            failures: Mutex::new(Vec::new()),
            done: false,
        })
    }

    /// A build into `target` whatever it holds (tests, and outputs known to be the
    /// build's own).
    pub fn new(target: &Path) -> Result<Output, Fatal> {
        Output::open(
            target,
            &Opening {
                force: false,
                adopt: &|| true,
            },
        )
    }

    /// A build into `target` that moves its files in under a journal, as where the
    /// output cannot be exchanged (a mount point).
    #[cfg(test)]
    fn in_place(target: &Path) -> Output {
        let mut out = Output::new(target).expect("output");
        let _ = fs::remove_dir_all(&out.staging);
        fs::create_dir_all(target).expect("mkdir");
        out.staging = target.join(manifest::STAGING);
        fs::create_dir_all(&out.staging).expect("mkdir");
        out.mode = Mode::InPlace;
        out
    }

    /// The staging folder (for messages).
    pub fn staging(&self) -> &Path {
        &self.staging
    }

    /// The writes that failed so far, as [`Sink::put`] reported them: a full disk, a
    /// folder that cannot be written (I/O, never a template's fault).
    pub fn failures(&self) -> Vec<String> {
        locked(&self.failures).clone()
    }

    /// Whether something not the build's own stands at `rel` or on the way to it.
    fn blocked(&self, rel: &str) -> Option<String> {
        let mut at = String::new();
        for part in rel.split('/') {
            if !at.is_empty() {
                at.push('/');
            }
            at.push_str(part);
            let Ok(meta) = fs::symlink_metadata(self.target.join(&at)) else {
                return None;
            };
            let own = self.owned.contains(&at);
            if at.len() == rel.len() {
                if meta.is_dir() {
                    // A folder where a file goes: it may go only if it holds nothing else.
                    let inside = entries(&self.target.join(&at)).unwrap_or_default();
                    let theirs = inside.iter().map(|r| format!("{at}/{r}"));
                    return theirs.into_iter().find(|r| !self.owned.contains(r));
                }
                return (!own).then_some(at);
            }
            if !meta.is_dir() && !own {
                return Some(at);
            }
        }
        None
    }

    /// Takes the file at `rel` (a `/`-separated path inside the site): staged when the
    /// output does not already hold these bytes there. A later call for the same path
    /// replaces an earlier one.
    pub fn put(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let same = |at: &Path| same_bytes(at, bytes);
        if let Some(staged) = self.prepare(rel, &same)? {
            // What an earlier call staged there may be a link to a kept file (`put_file`):
            // writing into it would change that file too.
            if self.staged_before(rel) {
                fs::remove_file(&staged)?;
            }
            let mut file = fs::File::create(&staged)?;
            file.write_all(bytes)?;
            let meta = file.metadata().ok().and_then(|m| FileMeta::of(&m));
            locked(&self.files).insert(rel.to_string(), (Put::Staged, meta));
        }
        Ok(())
    }

    /// Takes the file at `rel` from the file `from`, which is never changed in place (see
    /// [`Sink::put_file`]): a hard link to it where the system allows (the output and the
    /// cache on one file system), else a copy. An output that already links it, or holds
    /// its bytes, is left alone.
    pub fn put_file(&self, rel: &str, from: &Path) -> io::Result<()> {
        let same = |at: &Path| same_file(at, from);
        if let Some(staged) = self.prepare(rel, &same)? {
            // Only a file staged there before is in the way of the link.
            if self.staged_before(rel) {
                fs::remove_file(&staged)?;
            }
            if fs::hard_link(from, &staged).is_err() {
                fs::copy(from, &staged)?;
            }
            let meta = fs::symlink_metadata(&staged).ok();
            let meta = meta.and_then(|m| FileMeta::of(&m));
            locked(&self.files).insert(rel.to_string(), (Put::Staged, meta));
        }
        Ok(())
    }

    /// What `put` and `put_file` share: refuses bangvang's own names, records a file the
    /// output already holds (`same` says whether it does) and returns `None`, or returns
    /// where to stage it, its folder made.
    fn prepare(
        &self,
        rel: &str,
        same: &dyn Fn(&Path) -> Option<fs::Metadata>,
    ) -> io::Result<Option<PathBuf>> {
        if manifest::reserved(rel) {
            let e = io::Error::new(
                io::ErrorKind::InvalidInput,
                "a name bangvang keeps for itself",
            );
            return Err(e);
        }
        let staged = self.staging.join(rel);
        if self.had_files
            && let Some(old) = same(&self.target.join(rel))
        {
            let kept = (Put::Unchanged, FileMeta::of(&old));
            let was = locked(&self.files).insert(rel.to_string(), kept);
            if was.is_some_and(|(put, _)| put == Put::Staged) {
                fs::remove_file(&staged)?;
            }
            return Ok(None);
        }
        if self.had_files
            && let Some(theirs) = self.blocked(rel)
        {
            locked(&self.in_the_way).insert(theirs);
        }
        if let Some(parent) = staged.parent()
            && !locked(&self.folders).contains(parent)
        {
            fs::create_dir_all(parent)?;
            locked(&self.folders).insert(parent.to_path_buf());
        }
        Ok(Some(staged))
    }

    /// Whether this build staged a file at `rel` already.
    fn staged_before(&self, rel: &str) -> bool {
        locked(&self.files)
            .get(rel)
            .is_some_and(|(put, _)| *put == Put::Staged)
    }

    /// Makes the new site the output, in one step where the system allows it; returns
    /// what changed and what is worth saying (files of someone else's kept).
    pub fn commit(self) -> Result<(Written, Vec<Notice>), Fatal> {
        self.commit_stamped().map(|(w, n, _)| (w, n))
    }

    /// [`Output::commit`], and the hash [`stamp::output`] gives the new output, worked
    /// out from what the build wrote where the output holds nothing else (a swap with no
    /// file of someone else's: the common case), so that a large site is not walked
    /// again just after it was written; `None` where the output must be walked.
    pub fn commit_stamped(mut self) -> Result<(Written, Vec<Notice>, Option<String>), Fatal> {
        let theirs: Vec<String> = std::mem::take(&mut *locked(&self.in_the_way))
            .into_iter()
            .collect();
        if !theirs.is_empty() {
            return Err(Fatal::OutputInTheWay {
                output: self.target.display().to_string(),
                paths: theirs,
            });
        }
        let files = std::mem::take(&mut *locked(&self.files));
        let fail = |e: io::Error| unwritable(&self.target, &e);
        let present =
            |r: &String| fs::symlink_metadata(self.target.join(r)).is_ok_and(|m| !m.is_dir());
        let mut removals: Vec<String> = self
            .owned
            .iter()
            .filter(|r| !files.contains_key(*r) && present(r))
            .cloned()
            .collect();
        removals.sort();
        let foreign: Vec<String> = if self.had_files {
            entries(&self.target)
                .map_err(fail)?
                .into_iter()
                .filter(|r| !self.owned.contains(r) && !files.contains_key(r))
                .collect()
        } else {
            Vec::new()
        };
        let list = manifest::bytes(files.keys());
        let list_same = same_bytes(&self.target.join(manifest::NAME), &list).is_some();
        let staged: Vec<String> = sorted(&files, Put::Staged);
        let unchanged: Vec<String> = sorted(&files, Put::Unchanged);
        let written = Written {
            written: staged.len(),
            unchanged: unchanged.len(),
            removed: removals.len(),
        };
        let mut notices = Vec::new();
        if !foreign.is_empty() {
            notices.push(Notice::ForeignKept {
                output: self.target.display().to_string(),
                count: foreign.len(),
                examples: foreign.iter().take(5).cloned().collect(),
            });
        }
        // The new output's files, if nothing but the build's is in it.
        let known = |clean: bool| {
            if !clean || !foreign.is_empty() {
                return None;
            }
            let list = fs::symlink_metadata(self.target.join(manifest::NAME)).ok()?;
            let mut all: Vec<(&str, FileMeta)> = files
                .iter()
                .map(|(r, (_, m))| Some((r.as_str(), (*m)?)))
                .collect::<Option<_>>()?;
            all.push((manifest::NAME, FileMeta::of(&list)?));
            stamp::of_files(all)
        };
        let nothing_to_do = self.had_files && staged.is_empty() && removals.is_empty();
        if nothing_to_do && list_same {
            let stamp = known(true);
            return Ok((written, notices, stamp));
        }
        let plan = commit::Plan {
            target: &self.target,
            staging: &self.staging,
            staged: &staged,
            unchanged: &unchanged,
            removals: &removals,
            foreign: &foreign,
            owned: &self.owned,
            listed: self.listed,
            list: &list,
            list_same,
        };
        // From here on the commit clears its own staging folder, or keeps it for the
        // journal it stands for.
        self.done = true;
        let (said, clean) = match self.mode {
            Mode::Swap => swap::commit(&plan)?,
            Mode::InPlace => (journal::commit(&plan).map_err(fail)?, false),
        };
        notices.extend(said);
        let stamp = known(clean);
        Ok((written, notices, stamp))
    }
}

fn sorted(files: &HashMap<String, (Put, Option<FileMeta>)>, kind: Put) -> Vec<String> {
    let mut out: Vec<String> = files
        .iter()
        .filter(|(_, (k, _))| *k == kind)
        .map(|(r, _)| r.clone())
        .collect();
    out.sort();
    out
}

impl Output {
    /// A failed write, as reported and kept.
    fn failed(&self, rel: &str, e: &io::Error) -> String {
        let said = format!("{}/{rel}: {e}", self.target.display());
        locked(&self.failures).push(said.clone());
        said
    }
}

impl Sink for Output {
    fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), String> {
        Output::put(self, rel, bytes).map_err(|e| self.failed(rel, &e))
    }

    fn put_file(&self, rel: &str, from: &Path) -> Result<(), String> {
        Output::put_file(self, rel, from).map_err(|e| self.failed(rel, &e))
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

#[cfg(test)]
mod known_stamp_tests;
#[cfg(test)]
mod tests;
