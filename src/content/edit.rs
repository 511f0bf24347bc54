//! The one door through which bangvang writes files of the user's (`content/`, the
//! Council's `hoi-dong/`): every path resolved inside its folder, nothing overwritten
//! unless the caller shows what it replaces, every write whole or not at all.
//!
//! `new`, `import`, `council` and the editor of `serve` write only through a [`Writer`].
//! A file appears complete or not at all: its bytes go to a hidden temporary file beside
//! it (a name beginning with `.`, which reading skips), synced, then linked or renamed
//! into place in one step.

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

pub mod front_matter;

/// Why a write was refused or failed.
#[derive(Debug)]
pub enum EditError {
    /// The path is absolute, has `..`, passes through a symbolic link, or is empty.
    Outside(String),
    /// `create` found a file (or folder) already there.
    Exists(String),
    /// `replace` found other bytes than the caller read: someone changed the file since.
    Changed(String),
    Io {
        path: String,
        error: io::Error,
    },
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::Outside(p) => write!(f, "{p}: outside the folder it may write in"),
            EditError::Exists(p) => write!(f, "{p}: already exists"),
            EditError::Changed(p) => write!(f, "{p}: changed on disk since it was read"),
            EditError::Io { path, error } => write!(f, "{path}: {error}"),
        }
    }
}

impl std::error::Error for EditError {}

/// Writes files inside one folder, and nowhere else.
#[derive(Debug, Clone)]
pub struct Writer {
    base: PathBuf,
}

static TEMP: AtomicU64 = AtomicU64::new(0);

impl Writer {
    /// A writer into `base`, which must be a folder (not a symbolic link to one).
    pub fn open(base: &Path) -> Result<Writer, EditError> {
        let io = |error| EditError::Io {
            path: base.display().to_string(),
            error,
        };
        let meta = fs::symlink_metadata(base).map_err(io)?;
        if !meta.is_dir() {
            return Err(EditError::Outside(base.display().to_string()));
        }
        Ok(Writer {
            base: base.to_path_buf(),
        })
    }

    /// A writer into `base`, making the folder (and its parents) first if needed.
    pub fn create_dir(base: &Path) -> Result<Writer, EditError> {
        fs::create_dir_all(base).map_err(|error| EditError::Io {
            path: base.display().to_string(),
            error,
        })?;
        Writer::open(base)
    }

    pub fn base(&self) -> &Path {
        &self.base
    }

    /// The file `rel` (a `/`-separated relative path) inside the folder, refusing a path
    /// that could lead out of it: absolute, `..`, `.`, empty parts, or any existing part
    /// that is a symbolic link.
    pub fn resolve(&self, rel: &str) -> Result<PathBuf, EditError> {
        let outside = || EditError::Outside(rel.to_string());
        if rel.is_empty() || rel.contains('\\') || rel.contains('\0') {
            return Err(outside());
        }
        let mut path = self.base.clone();
        for part in rel.split('/') {
            let mut comps = Path::new(part).components();
            match (comps.next(), comps.next()) {
                (Some(Component::Normal(_)), None) if part != "." => {}
                _ => return Err(outside()),
            }
            path.push(part);
            match fs::symlink_metadata(&path) {
                Ok(m) if m.file_type().is_symlink() => return Err(outside()),
                _ => {}
            }
        }
        Ok(path)
    }

    /// Writes a new file `rel` with `bytes`, making its folder; never replaces anything
    /// (`Exists` when the name is taken, even by a file made a moment before).
    pub fn create(&self, rel: &str, bytes: &[u8]) -> Result<(), EditError> {
        let path = self.resolve(rel)?;
        if fs::symlink_metadata(&path).is_ok() {
            return Err(EditError::Exists(rel.to_string()));
        }
        self.make_parent(rel, &path)?;
        let temp = self.temp(rel, &path, bytes)?;
        // A hard link fails when the name exists, so a file made meanwhile is kept.
        let linked = fs::hard_link(&temp, &path);
        let _ = fs::remove_file(&temp);
        match linked {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                Err(EditError::Exists(rel.to_string()))
            }
            // A file system without hard links: create_new still never replaces.
            Err(_) => {
                let mut f = fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&path)
                    .map_err(|error| match error.kind() {
                        io::ErrorKind::AlreadyExists => EditError::Exists(rel.to_string()),
                        _ => self.io(rel, error),
                    })?;
                f.write_all(bytes)
                    .and_then(|()| f.sync_all())
                    .map_err(|e| self.io(rel, e))
            }
        }
    }

    /// Replaces the file `rel`, which must still hold exactly `expected` (what the caller
    /// read and edited), with `bytes`, in one step.
    pub fn replace(&self, rel: &str, expected: &[u8], bytes: &[u8]) -> Result<(), EditError> {
        let path = self.resolve(rel)?;
        let current = fs::read(&path).map_err(|e| self.io(rel, e))?;
        if current != expected {
            return Err(EditError::Changed(rel.to_string()));
        }
        let temp = self.temp(rel, &path, bytes)?;
        fs::rename(&temp, &path).map_err(|e| {
            let _ = fs::remove_file(&temp);
            self.io(rel, e)
        })
    }

    /// Writes `rel` whatever it holds now: for files bangvang itself made and owns (the
    /// Council's documents), never for a file a person wrote.
    pub fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), EditError> {
        let path = self.resolve(rel)?;
        if fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
            return Err(EditError::Exists(rel.to_string()));
        }
        self.make_parent(rel, &path)?;
        let temp = self.temp(rel, &path, bytes)?;
        fs::rename(&temp, &path).map_err(|e| {
            let _ = fs::remove_file(&temp);
            self.io(rel, e)
        })
    }

    /// Removes the file `rel` if it still holds exactly `expected`: how a command takes
    /// back what it wrote a moment before when a later write of the same run failed.
    pub fn remove(&self, rel: &str, expected: &[u8]) -> Result<(), EditError> {
        let path = self.resolve(rel)?;
        let current = fs::read(&path).map_err(|e| self.io(rel, e))?;
        if current != expected {
            return Err(EditError::Changed(rel.to_string()));
        }
        fs::remove_file(&path).map_err(|e| self.io(rel, e))
    }

    /// Moves the file `from` to `to` (both inside the folder), never replacing a file at
    /// `to`: how a profile `YEAR/SLUG.md` becomes the bundle `YEAR/SLUG/index.md`.
    pub fn rename(&self, from: &str, to: &str) -> Result<(), EditError> {
        let src = self.resolve(from)?;
        let dst = self.resolve(to)?;
        if fs::symlink_metadata(&dst).is_ok() {
            return Err(EditError::Exists(to.to_string()));
        }
        self.make_parent(to, &dst)?;
        match fs::hard_link(&src, &dst) {
            Ok(()) => fs::remove_file(&src).map_err(|e| self.io(from, e)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                Err(EditError::Exists(to.to_string()))
            }
            Err(e) => Err(self.io(to, e)),
        }
    }

    fn make_parent(&self, rel: &str, path: &Path) -> Result<(), EditError> {
        match path.parent() {
            Some(parent) => fs::create_dir_all(parent).map_err(|e| self.io(rel, e)),
            None => Ok(()),
        }
    }

    /// A synced temporary file beside `path` holding `bytes`.
    fn temp(&self, rel: &str, path: &Path, bytes: &[u8]) -> Result<PathBuf, EditError> {
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let n = TEMP.fetch_add(1, Ordering::Relaxed);
        let temp = path.with_file_name(format!(".{name}.{}.{n}.tmp", std::process::id()));
        let written = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()));
        match written {
            Ok(()) => Ok(temp),
            Err(e) => {
                let _ = fs::remove_file(&temp);
                Err(self.io(rel, e))
            }
        }
    }

    fn io(&self, rel: &str, error: io::Error) -> EditError {
        EditError::Io {
            path: rel.to_string(),
            error,
        }
    }
}

#[cfg(test)]
mod tests;
