//! Watching `content/` and `themes/` for changes (notify), debounced: a burst of events
//! from one save becomes one batch of changed paths.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

/// How long the files must stay quiet before a batch is handed over.
const QUIET: Duration = Duration::from_millis(40);

pub struct Changes {
    _watcher: RecommendedWatcher,
    rx: Receiver<notify::Result<notify::Event>>,
}

impl Changes {
    /// Watches the folders of `root` that a site is made of.
    pub fn watch(root: &Path) -> notify::Result<Changes> {
        let (tx, rx) = channel();
        let mut watcher = notify::recommended_watcher(move |event| {
            let _ = tx.send(event);
        })?;
        for dir in ["content", "themes"] {
            let path = root.join(dir);
            if path.is_dir() {
                watcher.watch(&path, RecursiveMode::Recursive)?;
            }
        }
        Ok(Changes {
            _watcher: watcher,
            rx,
        })
    }

    /// Blocks until something changes, then waits for quiet; returns the changed paths.
    /// `None` when the watcher has stopped.
    pub fn next_batch(&self) -> Option<BTreeSet<PathBuf>> {
        let mut batch = BTreeSet::new();
        while batch.is_empty() {
            let first = self.rx.recv().ok()?;
            add(&mut batch, first);
        }
        loop {
            match self.rx.recv_timeout(QUIET) {
                Ok(event) => add(&mut batch, event),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        Some(batch)
    }
}

fn add(batch: &mut BTreeSet<PathBuf>, event: notify::Result<notify::Event>) {
    if let Ok(event) = event {
        if matches!(event.kind, notify::EventKind::Access(_)) {
            return;
        }
        for path in event.paths {
            let hidden = path.file_name().is_some_and(|n| {
                n.to_string_lossy().starts_with('.') || n.to_string_lossy().ends_with('~')
            });
            if !hidden {
                batch.insert(path);
            }
        }
    }
}
