//! The commit in one step: the new site is completed in a staging folder beside the
//! output (hard links to the unchanged files, so their bytes, inode and modification time
//! stay; the files of someone else's carried over the same way), then the two folders
//! are exchanged by one `renameat2(RENAME_EXCHANGE)`. Before it the output is the old
//! site, after it the new one; there is no moment in between. The old tree, now in the
//! staging folder's place, is then cleared: only what a build listed, or what is also in
//! the new site, is removed; anything else that reached it meanwhile is moved into the
//! new output. A build stopped at any point leaves at most a staging folder, which the
//! next build clears the same way.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;
use rustix::fs::{AtFlags, CWD, RenameFlags, StatxAttributes, StatxFlags};
use walkdir::WalkDir;

use super::commit::{Plan, patiently, write_whole};
use super::{Mode, journal, manifest, unwritable};
use crate::content::load::rel;
use crate::diag::{Fatal, Notice};

/// The start of the name of every staging folder beside `target`.
fn prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    format!(".{name}.bangvang-")
}

/// Whether `target` can be exchanged with a folder beside it: not a mount point, on the
/// same file system as its parent.
fn swappable(target: &Path, parent: &Path) -> bool {
    let flags = AtFlags::SYMLINK_NOFOLLOW | AtFlags::NO_AUTOMOUNT;
    if let Ok(st) = rustix::fs::statx(CWD, target, flags, StatxFlags::empty())
        && st.stx_attributes_mask.contains(StatxAttributes::MOUNT_ROOT)
        && st.stx_attributes.contains(StatxAttributes::MOUNT_ROOT)
    {
        return false;
    }
    match (fs::symlink_metadata(target), fs::metadata(parent)) {
        (Ok(t), Ok(p)) => t.dev() == p.dev(),
        _ => false,
    }
}

static SERIAL: AtomicU64 = AtomicU64::new(0);

/// Makes the staging folder of a build into `target`: beside it when the two can be
/// exchanged, inside it otherwise.
pub(super) fn staging(target: &Path) -> io::Result<(Mode, PathBuf)> {
    let parent = target.parent().unwrap_or(Path::new("/"));
    fs::create_dir_all(parent)?;
    let exists = fs::symlink_metadata(target).is_ok();
    if !exists || swappable(target, parent) {
        let n = SERIAL.fetch_add(1, Ordering::Relaxed);
        let beside = parent.join(format!("{}{}-{n}", prefix(target), std::process::id()));
        match fs::create_dir(&beside) {
            Ok(()) => return Ok((Mode::Swap, beside)),
            Err(e) if !exists => return Err(e),
            Err(_) => {}
        }
    }
    let inside = target.join(manifest::STAGING);
    if fs::symlink_metadata(&inside).is_ok() {
        fs::remove_dir_all(&inside)?;
    }
    fs::create_dir(&inside)?;
    Ok((Mode::InPlace, inside))
}

/// Whether two paths are one file (hard links of each other).
fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::symlink_metadata(a), fs::symlink_metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

/// Makes the folders that will hold `files` inside `dir`.
fn folders_for(dir: &Path, files: &[String]) -> io::Result<()> {
    let mut parents: Vec<&str> = files
        .iter()
        .filter_map(|r| r.rsplit_once('/').map(|(d, _)| d))
        .collect();
    parents.dedup();
    parents
        .par_iter()
        .try_for_each(|d| fs::create_dir_all(dir.join(d)))
}

/// The whole new site in the staging folder: the list, the unchanged files, the files
/// of someone else's.
fn complete(plan: &Plan) -> io::Result<()> {
    let (t, s) = (plan.target, plan.staging);
    if plan.list_same {
        fs::hard_link(t.join(manifest::NAME), s.join(manifest::NAME))?;
    } else {
        fs::write(s.join(manifest::NAME), plan.list)?;
    }
    folders_for(s, plan.unchanged)?;
    plan.unchanged
        .par_iter()
        .try_for_each(|r| fs::hard_link(t.join(r), s.join(r)))?;
    folders_for(s, plan.foreign)?;
    for r in plan.foreign {
        let (from, to) = (t.join(r), s.join(r));
        let meta = fs::symlink_metadata(&from)?;
        if meta.is_dir() {
            fs::create_dir_all(&to)?;
        } else if meta.file_type().is_symlink() {
            std::os::unix::fs::symlink(fs::read_link(&from)?, &to)?;
        } else {
            fs::hard_link(&from, &to)?;
        }
    }
    if fs::symlink_metadata(t).is_ok() && !plan.listed {
        // The old site gets the list of what it holds of bangvang's, so that its tree,
        // once swapped out, is cleared by what the list says.
        write_whole(&t.join(manifest::NAME), &manifest::bytes(plan.owned))?;
    }
    Ok(())
}

/// Why an exchange failed when it failed because the system cannot do it here (and
/// nothing changed): then the journal takes over.
fn cannot_exchange(e: rustix::io::Errno) -> bool {
    use rustix::io::Errno;
    [
        Errno::INVAL,
        Errno::NOSYS,
        Errno::NOTSUP,
        Errno::BUSY,
        Errno::XDEV,
    ]
    .contains(&e)
}

/// Completes the staging folder and exchanges it with the output; says too whether the
/// new output holds only the new site (nothing moved into it from the old one, no
/// journal taking over).
pub(super) fn commit(plan: &Plan) -> Result<(Vec<Notice>, bool), Fatal> {
    let (t, s) = (plan.target, plan.staging);
    let fail = |e: io::Error| {
        let _ = fs::remove_dir_all(s);
        unwritable(t, &e)
    };
    complete(plan).map_err(fail)?;
    if fs::symlink_metadata(t).is_err() {
        fs::rename(s, t).map_err(fail)?;
        return Ok((Vec::new(), true));
    }
    match rustix::fs::renameat_with(CWD, s, CWD, t, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(clear(s, t)),
        Err(e) if cannot_exchange(e) => journal::commit(plan)
            .map(|said| (said, false))
            .map_err(|e| unwritable(t, &e)),
        Err(e) => Err(fail(e.into())),
    }
}

/// Removes from `old` the files of its list (side by side), its list, then the folders
/// that leaves empty, deepest first; whatever else it holds stays.
fn remove_listed(old: &Path, list: &HashSet<String>) {
    list.par_iter().for_each(|r| {
        let _ = patiently(&old.join(r), |p| fs::remove_file(p));
    });
    let _ = fs::remove_file(old.join(manifest::NAME));
    let mut folders: HashSet<&str> = HashSet::new();
    for r in list {
        let mut at = r.as_str();
        while let Some((parent, _)) = at.rsplit_once('/') {
            if !folders.insert(parent) {
                break;
            }
            at = parent;
        }
    }
    let mut by_depth: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for f in folders {
        by_depth.entry(f.matches('/').count()).or_default().push(f);
    }
    for (_, level) in by_depth.into_iter().rev() {
        level.par_iter().for_each(|f| {
            let _ = patiently(&old.join(f), |p| fs::remove_dir(p));
        });
    }
}

/// Clears `old`, a site swapped out of `live` (or a staging folder never swapped in):
/// removes what a build listed and what is also in `live`, moves anything else into
/// `live` (a file someone put into the output while the build ran), and says what it
/// could not remove, and whether `live` is as it was (nothing was left to look at).
fn clear(old: &Path, live: &Path) -> (Vec<Notice>, bool) {
    // Every site swapped out holds a list (`complete` gives one to an output without);
    // a folder without is a staging folder never swapped in: all of it is the build's.
    let listed = match manifest::read(old) {
        Ok(Some(list)) => Some(list),
        Ok(None) => None,
        Err(_) => Some(Default::default()),
    };
    if let Some(list) = &listed {
        remove_listed(old, list);
        if fs::remove_dir(old).is_ok() {
            return (Vec::new(), true);
        }
    }
    // What is left is looked at file by file.
    let ours = |r: &str, path: &Path| {
        listed.as_ref().is_none_or(|l| {
            manifest::reserved(r) || l.contains(r) || same_file(path, &live.join(r))
        })
    };
    let mut problem = None;
    for entry in WalkDir::new(old).min_depth(1).contents_first(true) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                problem.get_or_insert(e.to_string());
                continue;
            }
        };
        let (path, r) = (entry.path(), rel(old, entry.path()));
        let done = if entry.file_type().is_dir() {
            patiently(path, |p| fs::remove_dir(p))
        } else if ours(&r, path) {
            patiently(path, |p| fs::remove_file(p))
        } else {
            let to = live.join(&r);
            match fs::symlink_metadata(&to) {
                Ok(_) => Err(io::Error::other(format!(
                    "{} is not bangvang's",
                    path.display()
                ))),
                Err(_) => to
                    .parent()
                    .map_or(Ok(()), fs::create_dir_all)
                    .and_then(|()| fs::rename(path, &to)),
            }
        };
        if let Err(e) = done {
            problem.get_or_insert(e.to_string());
        }
    }
    let said = match fs::remove_dir(old) {
        Ok(()) => Vec::new(),
        Err(e) => vec![Notice::LeftoverKept {
            path: old.display().to_string(),
            detail: problem.unwrap_or_else(|| e.to_string()),
        }],
    };
    (said, false)
}

/// Clears every staging folder an earlier build into `target` left beside it.
pub(super) fn clear_leftovers(target: &Path) -> Result<Vec<Notice>, Fatal> {
    let Some(parent) = target.parent() else {
        return Ok(Vec::new());
    };
    let start = prefix(target);
    let list = match fs::read_dir(parent) {
        Ok(list) => list,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(unwritable(parent, &e)),
    };
    let mut notices = Vec::new();
    for entry in list.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&start) && entry.file_type().is_ok_and(|t| t.is_dir()) {
            notices.extend(clear(&entry.path(), target).0);
        }
    }
    Ok(notices)
}
