//! Writing the built site: only what changed, and only once the build is complete.
//!
//! Each file the build produces is compared with the file already in the output folder;
//! an identical file is left alone (its mtime stays, so an `rsync` to the intranet server
//! copies nothing), a new or different one is written into a staging folder beside the
//! output. [`Output::commit`], called only when every page rendered, moves the staged
//! files into the output and removes the files the site no longer has. A build that fails
//! drops the staging folder and leaves the previous output exactly as it was. When there
//! is no output yet, the staging folder simply becomes the output.

mod commit;
pub mod stamp;

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Where a build's files go: the staging folder of `build`, or the memory of `serve`.
pub trait Sink: Sync {
    fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), String>;
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

/// The files of one build on their way into `target`.
pub struct Output {
    staging: PathBuf,
    target: PathBuf,
    /// Whether `target` had no files before: everything is new, and the staging folder
    /// becomes the output whole.
    fresh: bool,
    /// Every file the build produced, by path inside the site: `true` when it is staged
    /// (new or changed), `false` when the output already has these bytes.
    files: Mutex<HashMap<String, bool>>,
    done: bool,
}

fn sibling(target: &Path, suffix: &str) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.{suffix}"))
}

/// Whether the file at `path` holds exactly `bytes`.
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    match fs::metadata(path) {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => {
            fs::read(path).is_ok_and(|old| old == bytes)
        }
        _ => false,
    }
}

impl Output {
    /// Prepares a build into `target` (created when the build commits).
    pub fn new(target: &Path) -> io::Result<Output> {
        let staging = sibling(target, "new");
        if staging.exists() {
            fs::remove_dir_all(&staging)?;
        }
        fs::create_dir_all(&staging)?;
        let fresh = match fs::read_dir(target) {
            Ok(mut entries) => entries.next().is_none(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => true,
            Err(e) => return Err(e),
        };
        Ok(Output {
            staging,
            target: target.to_path_buf(),
            fresh,
            files: Mutex::new(HashMap::new()),
            done: false,
        })
    }

    /// The staging folder (for messages).
    pub fn staging(&self) -> &Path {
        &self.staging
    }

    /// Takes the file at `rel` (a `/`-separated path inside the site): staged when the
    /// output does not already hold these bytes there. A later call for the same path
    /// replaces an earlier one.
    pub fn put(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let staged = self.staging.join(rel);
        let unchanged = !self.fresh && same_bytes(&self.target.join(rel), bytes);
        if unchanged {
            let was_staged = self.lock().insert(rel.to_string(), false);
            if was_staged == Some(true) {
                fs::remove_file(&staged)?;
            }
            return Ok(());
        }
        if let Some(parent) = staged.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&staged, bytes)?;
        self.lock().insert(rel.to_string(), true);
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, bool>> {
        // A panic while holding the lock cannot leave the map half-updated (one insert).
        self.files.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Moves the staged files into the output and removes the files this build did not
    /// produce.
    pub fn commit(mut self) -> io::Result<Written> {
        let files = std::mem::take(&mut *self.lock());
        let written = files.values().filter(|&&s| s).count();
        let unchanged = files.len() - written;
        if self.fresh {
            if self.target.exists() {
                fs::remove_dir(&self.target)?;
            }
            if let Some(parent) = self.target.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::rename(&self.staging, &self.target)?;
            self.done = true;
            return Ok(Written {
                written,
                unchanged,
                removed: 0,
            });
        }
        let mut staged: Vec<&String> = files.iter().filter(|f| *f.1).map(|f| f.0).collect();
        staged.sort();
        for rel in staged {
            commit::move_in(&self.staging.join(rel), &self.target, rel)?;
        }
        let removed = commit::remove_others(&self.target, &files)?;
        self.done = true;
        let _ = fs::remove_dir_all(&self.staging);
        Ok(Written {
            written,
            unchanged,
            removed,
        })
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
mod tests;
