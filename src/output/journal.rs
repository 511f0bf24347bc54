//! The commit file by file, where the output cannot be exchanged in one step (a mount
//! point, a folder whose parent cannot be written, a file system without
//! `RENAME_EXCHANGE`): the changed files are staged inside the output, a journal naming
//! every move and removal is written in one step, and only then are the files moved in.
//! A build stopped before the journal leaves the old site; one stopped after it leaves a
//! journal that the next build completes before anything else, so the output is again
//! one whole build.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::commit::{Plan, move_in, remove_stale, write_whole};
use super::manifest;
use crate::diag::Notice;

#[derive(Serialize, Deserialize)]
struct Journal {
    /// Where the staged files are.
    staging: PathBuf,
    /// Files to move from the staging folder into the output, by path inside it.
    moves: Vec<String>,
    /// Files of earlier builds to remove from the output.
    removals: Vec<String>,
}

/// Moves the staged files in and removes the stale ones, under a journal.
pub(super) fn commit(plan: &Plan) -> io::Result<Vec<Notice>> {
    let (t, s) = (plan.target, plan.staging);
    let mut moves = plan.staged.to_vec();
    let prepared = (|| {
        if !plan.list_same {
            let _ = fs::remove_file(s.join(manifest::NAME));
            fs::write(s.join(manifest::NAME), plan.list)?;
            moves.push(manifest::NAME.to_string());
        }
        fs::create_dir_all(t)?;
        let journal = Journal {
            staging: s.to_path_buf(),
            moves,
            removals: plan.removals.to_vec(),
        };
        let bytes = serde_json::to_vec(&journal).map_err(io::Error::other)?;
        write_whole(&t.join(manifest::JOURNAL), &bytes)?;
        Ok(journal)
    })();
    let journal = match prepared {
        Ok(j) => j,
        Err(e) => {
            let _ = fs::remove_dir_all(s);
            return Err(e);
        }
    };
    // From here on the journal stands: whatever fails, the next build completes it.
    apply(t, &journal)?;
    Ok(Vec::new())
}

/// Does what `journal` says (again, if an earlier build did part of it), then forgets it.
fn apply(target: &Path, journal: &Journal) -> io::Result<()> {
    for r in &journal.moves {
        let from = journal.staging.join(r);
        if fs::symlink_metadata(&from).is_ok() {
            move_in(&from, target, r)?;
        }
    }
    for r in &journal.removals {
        remove_stale(target, r)?;
    }
    fs::remove_file(target.join(manifest::JOURNAL))?;
    let _ = fs::remove_dir_all(&journal.staging);
    Ok(())
}

/// Completes the commit an earlier build into `target` left under way, and removes a
/// staging folder it left inside the output before its journal was written.
pub(super) fn recover(target: &Path) -> io::Result<()> {
    match fs::read(target.join(manifest::JOURNAL)) {
        Ok(bytes) => {
            let journal: Journal = serde_json::from_slice(&bytes)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
            apply(target, &journal)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let inside = target.join(manifest::STAGING);
            if fs::symlink_metadata(&inside).is_ok() {
                fs::remove_dir_all(&inside)?;
            }
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => Ok(()),
        Err(e) => Err(e),
    }
}
