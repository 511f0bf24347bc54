//! What both ways of committing share: the plan of a commit, and careful file
//! operations (a file moved in over the one it replaces, a stale file removed with the
//! folders it leaves empty, a folder of bangvang's that was made read-only made writable
//! again before anything in it is removed).

use std::collections::HashSet;
use std::fs;
use std::io;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// Everything a commit needs to know, worked out by `Output::commit`.
pub struct Plan<'a> {
    pub target: &'a Path,
    pub staging: &'a Path,
    /// Files written into the staging folder (new or changed), sorted.
    pub staged: &'a [String],
    /// Files the output already holds with the right bytes, sorted.
    pub unchanged: &'a [String],
    /// Files earlier builds wrote that this one does not make, present in the output.
    pub removals: &'a [String],
    /// Entries of the output that no build wrote (files, links, empty folders).
    pub foreign: &'a [String],
    /// The files earlier builds wrote.
    pub owned: &'a HashSet<String>,
    /// Whether the output already holds a list of its files.
    pub listed: bool,
    /// The new list's bytes, and whether the output holds them already.
    pub list: &'a [u8],
    pub list_same: bool,
}

/// Runs `op` on `path`; when it is refused for want of permission, makes the folder that
/// holds `path` writable for its owner (a folder of bangvang's, made read-only by hand)
/// and tries once more.
pub fn patiently(path: &Path, op: impl Fn(&Path) -> io::Result<()>) -> io::Result<()> {
    match op(path) {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            let Some(dir) = path.parent() else {
                return Err(e);
            };
            let mut perms = fs::metadata(dir)?.permissions();
            perms.set_mode(perms.mode() | 0o700);
            fs::set_permissions(dir, perms)?;
            op(path)
        }
        other => other,
    }
}

/// Writes `bytes` to `path` in one step (a temporary file beside it, renamed over it).
pub fn write_whole(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let temp = path.with_file_name(format!("{name}.tmp"));
    fs::write(&temp, bytes)
        .and_then(|()| fs::File::open(&temp)?.sync_all())
        .and_then(|()| fs::rename(&temp, path))
        .inspect_err(|_| {
            let _ = fs::remove_file(&temp);
        })
}

/// Makes `dir` a folder, removing a file of bangvang's that stands where it should be.
fn folder(dir: &Path) -> io::Result<()> {
    match fs::symlink_metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => {
            patiently(dir, |p| fs::remove_file(p))?;
            patiently(dir, |p| fs::create_dir(p))
        }
        Err(_) => {
            if let Some(parent) = dir.parent() {
                folder(parent)?;
            }
            match patiently(dir, |p| fs::create_dir(p)) {
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
                other => other,
            }
        }
    }
}

/// Moves the staged file `from` to `rel` inside `target` (a rename: the old file is
/// replaced in one step, never seen half-written). A folder standing there holds only
/// bangvang's files (the output checked it when the file was put).
pub fn move_in(from: &Path, target: &Path, rel: &str) -> io::Result<()> {
    let to = target.join(rel);
    if let Some(parent) = to.parent() {
        folder(parent)?;
    }
    if fs::symlink_metadata(&to).is_ok_and(|m| m.is_dir()) {
        fs::remove_dir_all(&to)?;
    }
    patiently(&to, |p| fs::rename(from, p))
}

/// Removes the file `rel` of `target` that the site no longer has, then the folders
/// that leaves empty.
pub fn remove_stale(target: &Path, rel: &str) -> io::Result<()> {
    let path = target.join(rel);
    match fs::symlink_metadata(&path) {
        Ok(m) if !m.is_dir() => patiently(&path, |p| fs::remove_file(p))?,
        _ => return Ok(()),
    }
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d == target || !d.starts_with(target) || fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
    Ok(())
}
