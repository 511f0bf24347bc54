//! Writing the built site atomically: pages go into a staging folder beside the output,
//! which replaces the output only when the build is complete. A failed build removes the
//! staging folder and leaves the previous output exactly as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A staging folder beside `output`, swapped in by [`Staging::commit`].
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    done: bool,
}

fn sibling(target: &Path, suffix: &str) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.{suffix}"))
}

impl Staging {
    pub fn new(target: &Path) -> io::Result<Staging> {
        let dir = sibling(target, "new");
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        if let Some(parent) = dir.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::create_dir_all(&dir)?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            done: false,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes `bytes` at `rel` (a `/`-separated path inside the site).
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, bytes)
    }

    /// Replaces the output with the staging folder.
    pub fn commit(mut self) -> io::Result<()> {
        let old = sibling(&self.target, "old");
        if old.exists() {
            fs::remove_dir_all(&old)?;
        }
        let had_output = self.target.exists();
        if had_output {
            fs::rename(&self.target, &old)?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.target) {
            if had_output {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(e);
        }
        self.done = true;
        if had_output {
            let _ = fs::remove_dir_all(&old);
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_drop_discards() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let out = tmp.path().join("output");
        fs::create_dir_all(out.join("gone")).expect("mkdir");
        fs::write(out.join("gone/index.html"), "old").expect("write");
        let s = Staging::new(&out).expect("staging");
        s.write("a/index.html", b"new").expect("write");
        s.commit().expect("commit");
        assert_eq!(
            fs::read_to_string(out.join("a/index.html")).expect("read"),
            "new"
        );
        assert!(!out.join("gone").exists());

        let s = Staging::new(&out).expect("staging");
        s.write("b/index.html", b"x").expect("write");
        drop(s);
        assert!(out.join("a/index.html").exists());
        assert!(!out.join("b").exists());
        assert_eq!(fs::read_dir(tmp.path()).expect("ls").count(), 1);
    }
}
