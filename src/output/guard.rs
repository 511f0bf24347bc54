//! Where `--output` really is, and whether a build may write there: the path resolved
//! (`..`, symbolic links, a folder yet to be made) before anything, then refused when
//! replacing it could destroy what is not the build's own: the site itself, its
//! `content/`, `themes/` or `.cache/`, a home folder, `/`.

use std::env;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::diag::Fatal;
use crate::diag::fatal::Refusal;

/// `path` made absolute and real: every part that exists resolved as the system resolves
/// it (symbolic links followed, `..` taken after the link it follows), the parts that do
/// not exist yet appended as they will be made.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let abs = std::path::absolute(path)?;
    let mut real = PathBuf::from("/");
    // Whether `real` still exists: below a missing folder, `..` is plain text again.
    let mut exists = true;
    for part in abs.components() {
        match part {
            Component::Prefix(_) | Component::RootDir | Component::CurDir => {}
            Component::ParentDir => {
                real.pop();
            }
            Component::Normal(name) => {
                let next = real.join(name);
                if exists && fs::symlink_metadata(&next).is_ok() {
                    real = next.canonicalize()?;
                } else {
                    exists = false;
                    real = next;
                }
            }
        }
    }
    Ok(real)
}

/// The real place of `path`, or `path` itself when it cannot be resolved.
fn real(path: &Path) -> PathBuf {
    resolve(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Home folders: `$HOME`, `/root` and every folder of `/home`.
fn is_home(out: &Path) -> bool {
    let home = env::var_os("HOME").map(|h| real(Path::new(&h)));
    home.as_deref() == Some(out)
        || out == Path::new("/root")
        || out == Path::new("/home")
        || out.parent() == Some(Path::new("/home"))
}

/// Why the resolved output `out` may not be written by a build of the site at `root`,
/// if it may not.
pub fn refusal(root: &Path, out: &Path) -> Option<Refusal> {
    let root = real(root);
    if out.parent().is_none() {
        return Some(Refusal::FileSystemRoot);
    }
    if root.starts_with(out) {
        return Some(Refusal::SiteRoot);
    }
    for folder in ["content", "themes", ".cache"] {
        let place = real(&root.join(folder));
        if out.starts_with(&place) || out.starts_with(root.join(folder)) {
            return Some(Refusal::Inside {
                folder: folder.to_string(),
            });
        }
        // A folder of the site may be a link to elsewhere: holding it is holding the site.
        if place.starts_with(out) {
            return Some(Refusal::SiteRoot);
        }
    }
    if is_home(out) {
        return Some(Refusal::Home);
    }
    match fs::metadata(out) {
        Ok(m) if !m.is_dir() => Some(Refusal::NotAFolder),
        _ => None,
    }
}

/// The output folder `output` (as typed) of a build of `root`, resolved, or why a build
/// may not write there (exit 2).
pub fn check(root: &Path, output: &Path) -> Result<PathBuf, Fatal> {
    let typed = output.display().to_string();
    let out = resolve(output).map_err(|e| Fatal::Unreadable {
        path: typed.clone(),
        detail: e.to_string(),
    })?;
    match refusal(root, &out) {
        Some(why) => Err(Fatal::OutputRefused {
            output: typed,
            real: out.display().to_string(),
            why,
        }),
        None => Ok(out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().join("site");
        for dir in [
            "content/2024",
            "themes/default",
            ".cache/bangvang",
            "output",
        ] {
            fs::create_dir_all(root.join(dir)).expect("mkdir");
        }
        (tmp, root)
    }

    fn why(root: &Path, typed: &str) -> Option<Refusal> {
        let out = resolve(&root.join(typed)).expect("resolve");
        refusal(root, &out)
    }

    #[test]
    fn dots_and_links_are_resolved_before_judging() {
        let (tmp, root) = site();
        assert_eq!(why(&root, ".."), Some(Refusal::SiteRoot));
        assert_eq!(why(&root, "."), Some(Refusal::SiteRoot));
        let inside = |f: &str| {
            Some(Refusal::Inside {
                folder: f.to_string(),
            })
        };
        assert_eq!(why(&root, "output/../content"), inside("content"));
        assert_eq!(why(&root, "../site/content"), inside("content"));
        assert_eq!(why(&root, "content/2024/moi"), inside("content"));
        assert_eq!(why(&root, ".cache"), inside(".cache"));
        assert_eq!(why(&root, "themes/x/../default"), inside("themes"));
        std::os::unix::fs::symlink(root.join("content"), tmp.path().join("link")).expect("symlink");
        assert_eq!(why(&root, "../link"), inside("content"));
        assert_eq!(
            why(&root, "../link/2024/missing/../../x"),
            inside("content")
        );
        assert_eq!(why(&root, "output"), None);
        assert_eq!(why(&root, "public"), None);
        assert_eq!(why(&root, "output/sub"), None);
        assert_eq!(why(&root, "../elsewhere"), None);
        fs::write(root.join("notes.txt"), "x").expect("write");
        assert_eq!(why(&root, "notes.txt"), Some(Refusal::NotAFolder));
    }

    #[test]
    fn the_file_system_root_and_home_folders_are_refused() {
        let (_tmp, root) = site();
        let out = resolve(Path::new("/tmp/..")).expect("resolve");
        assert_eq!(out, PathBuf::from("/"));
        assert_eq!(refusal(&root, &out), Some(Refusal::FileSystemRoot));
        for home in ["/root", "/home", "/home/lan"] {
            assert_eq!(
                refusal(&root, Path::new(home)),
                Some(Refusal::Home),
                "{home}"
            );
        }
        if let Some(h) = env::var_os("HOME") {
            assert_eq!(refusal(&root, &real(Path::new(&h))), Some(Refusal::Home));
        }
        assert_eq!(refusal(&root, Path::new("/home/lan/site-out")), None);
    }

    #[test]
    fn a_refused_output_names_what_was_typed_and_where_it_leads() {
        let (_tmp, root) = site();
        let err = check(&root, &root.join("output/../content")).expect_err("refused");
        let text = err.text(crate::diag::Lang::En);
        assert!(text.contains("output/../content"), "{text}");
        assert!(text.contains("/site/content"), "{text}");
        assert!(check(&root, &root.join("output")).is_ok());
    }
}
