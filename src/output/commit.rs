//! The two halves of a commit into an output folder that already has a site: moving the
//! staged files in, then removing what the new site no longer has.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::Path;

use walkdir::WalkDir;

/// Makes `dir` a folder, removing a file that stands where it should be.
fn folder(dir: &Path) -> io::Result<()> {
    match fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => {
            fs::remove_file(dir)?;
            fs::create_dir(dir)
        }
        Err(_) => {
            if let Some(parent) = dir.parent() {
                folder(parent)?;
            }
            fs::create_dir(dir)
        }
    }
}

/// Moves the staged file `from` to `rel` inside `target` (a rename: the old file is
/// replaced in one step, never seen half-written).
pub fn move_in(from: &Path, target: &Path, rel: &str) -> io::Result<()> {
    let to = target.join(rel);
    if let Some(parent) = to.parent() {
        folder(parent)?;
    }
    if fs::symlink_metadata(&to).is_ok_and(|m| m.is_dir()) {
        fs::remove_dir_all(&to)?;
    }
    fs::rename(from, &to)
}

/// Removes every file under `target` that is not in `files`, then the folders left
/// empty; returns how many files went.
pub fn remove_others(target: &Path, files: &HashMap<String, bool>) -> io::Result<usize> {
    let mut removed = 0;
    let mut dirs = Vec::new();
    for entry in WalkDir::new(target).min_depth(1) {
        let entry = entry.map_err(io::Error::other)?;
        let rel = crate::content::load::rel(target, entry.path());
        if entry.file_type().is_dir() {
            dirs.push(entry.into_path());
        } else if !files.contains_key(&rel) {
            fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    // Deepest first, so a folder's emptied subfolders are gone before it is looked at.
    for dir in dirs.iter().rev() {
        if fs::read_dir(dir)?.next().is_none() {
            fs::remove_dir(dir)?;
        }
    }
    Ok(removed)
}
