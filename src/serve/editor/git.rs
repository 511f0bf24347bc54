//! "Save and commit": when the site is a git repository and `git` is installed, the files
//! one save wrote are committed alone, with a message naming the profile and the author
//! from git's own configuration. Nothing is ever pushed; git runs without a terminal and
//! is stopped if it takes too long (a signing key asking for a passphrase).

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(30);

fn git(root: &Path, args: &[&str]) -> Result<Output, String> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_EDITOR", "true")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => return child.wait_with_output().map_err(|e| e.to_string()),
            Ok(None) if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err("git took too long and was stopped".into());
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(e.to_string()),
        }
    }
}

fn ok(out: Output) -> Result<String, String> {
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
    }
}

/// Whether `root` is inside a git work tree and `git` runs.
pub fn available(root: &Path) -> bool {
    git(root, &["rev-parse", "--is-inside-work-tree"])
        .and_then(ok)
        .is_ok_and(|s| s == "true")
}

/// Commits exactly `paths` (relative to `root`; a path moved away is committed as
/// removed when git knew it) with `message`; returns the commit's short hash.
pub fn commit(root: &Path, paths: &[String], message: &str) -> Result<String, String> {
    let mut chosen: Vec<&str> = Vec::new();
    for p in paths {
        let on_disk = root.join(p).exists();
        let tracked = git(root, &["ls-files", "--", p])
            .and_then(ok)
            .is_ok_and(|s| !s.is_empty());
        if on_disk || tracked {
            chosen.push(p);
        }
    }
    let mut add = vec!["add", "-A", "--"];
    add.extend(&chosen);
    git(root, &add).and_then(ok)?;
    let mut commit = vec!["commit", "--quiet", "-m", message, "--"];
    commit.extend(&chosen);
    git(root, &commit).and_then(ok)?;
    git(root, &["rev-parse", "--short", "HEAD"]).and_then(ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commits_only_the_files_saved() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        if git(root, &["init", "-q"]).and_then(ok).is_err() {
            // No git on this machine: the editor does not offer the button then.
            assert!(!available(root));
            return;
        }
        for (k, v) in [
            ("user.name", "Người Thử"),
            ("user.email", "thu@example.org"),
        ] {
            git(root, &["config", k, v]).and_then(ok).expect("config");
        }
        assert!(available(root));
        std::fs::create_dir_all(root.join("content/2024")).expect("dir");
        std::fs::write(root.join("content/2024/a.md"), "a").expect("write");
        std::fs::write(root.join("other.txt"), "x").expect("write");
        git(root, &["add", "other.txt"])
            .and_then(ok)
            .expect("staged");
        let paths = vec![
            "content/2024/a.md".to_string(),
            "content/2024/gone.md".to_string(),
        ];
        commit(root, &paths, "Hồ sơ a").expect("committed");
        let files = git(root, &["show", "--name-only", "--format=%an|%s", "HEAD"])
            .and_then(ok)
            .expect("log");
        assert_eq!(files, "Người Thử|Hồ sơ a\n\ncontent/2024/a.md");
        let staged = git(root, &["diff", "--cached", "--name-only"]).and_then(ok);
        assert_eq!(
            staged.as_deref(),
            Ok("other.txt"),
            "what else was staged stays staged"
        );
    }
}
