//! What the output folder already holds: whether a file there has the bytes a build
//! makes (then it is left alone), and every entry of the folder.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::Path;

use walkdir::WalkDir;

use super::manifest;
use crate::content::load::rel;

/// The metadata of the regular file at `path` (not a link) if it holds exactly `bytes`.
pub(super) fn same_bytes(path: &Path, bytes: &[u8]) -> Option<fs::Metadata> {
    let m = fs::symlink_metadata(path).ok()?;
    let same = m.is_file()
        && m.len() == bytes.len() as u64
        && fs::read(path).is_ok_and(|old| old == bytes);
    same.then_some(m)
}

/// The metadata of the regular file at `path` (not a link) if it holds the same bytes
/// as `from`: the same file (a link an earlier build made), or a copy of it.
pub(super) fn same_file(path: &Path, from: &Path) -> Option<fs::Metadata> {
    use std::os::unix::fs::MetadataExt;
    let (Ok(old), Ok(new)) = (fs::symlink_metadata(path), fs::metadata(from)) else {
        return None;
    };
    if !old.is_file() || old.len() != new.len() {
        return None;
    }
    let same = (old.dev() == new.dev() && old.ino() == new.ino())
        || matches!((fs::read(path), fs::read(from)), (Ok(a), Ok(b)) if a == b);
    same.then_some(old)
}

/// Every entry of the output folder `dir` but bangvang's records: files (and links, and
/// anything else that is not a folder), and folders that are empty.
pub(super) fn entries(dir: &Path) -> io::Result<Vec<String>> {
    let mut out = Vec::new();
    // Each folder comes after what it holds: one that held nothing is empty.
    let mut holding = HashSet::new();
    let walk = WalkDir::new(dir).min_depth(1).contents_first(true);
    for entry in walk {
        let entry = entry.map_err(io::Error::other)?;
        let r = rel(dir, entry.path());
        if manifest::reserved(&r) {
            continue;
        }
        if let Some(parent) = entry.path().parent() {
            holding.insert(parent.to_path_buf());
        }
        if !entry.file_type().is_dir() || !holding.contains(entry.path()) {
            out.push(r);
        }
    }
    out.sort();
    Ok(out)
}
