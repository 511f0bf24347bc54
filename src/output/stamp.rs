//! The stamp of the last build: what went in (a hash of every file under `content/` and
//! `themes/`, the program and the options), what came out (the names, sizes and mtimes of
//! the output's files) and what it said. When both still match, a new build has nothing
//! to do: it prints what the last one said and touches no file.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use walkdir::WalkDir;

use crate::content::load::rel;
use crate::content::regular::{self, Known, file_hash};

/// Where the stamp is kept, inside the site's root.
pub const STAMP: &str = ".cache/bangvang/build-stamp.json";

/// What a build reported, to print again when nothing changed.
#[derive(Serialize, Deserialize, Debug, Clone, Default, PartialEq, Eq)]
pub struct Said {
    /// The site's language (that of messages when no `--lang` is given).
    pub lang: String,
    /// The warnings, in Vietnamese and in English, as printed.
    pub warnings_vi: Vec<String>,
    pub warnings_en: Vec<String>,
    pub pages: usize,
    pub recognised: usize,
    pub pending: usize,
    pub not_recognised: usize,
    pub revoked: usize,
    pub photos: usize,
    /// Share cards made or reused.
    #[serde(default)]
    pub cards: usize,
    /// Files in the output.
    pub files: usize,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub inputs: String,
    pub output: String,
    pub said: Said,
}

/// Every file under `dir` (links not followed), sorted by path, with what it is.
fn files(dir: &Path) -> Vec<(PathBuf, fs::FileType)> {
    WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .map(|e| (e.file_type(), e.into_path()))
        .map(|(t, p)| (p, t))
        .collect()
}

/// A hash of everything a build of `root` reads, and of `options` (the program's own
/// identity included); `None` when a file cannot be read (then the build runs and says
/// why).
pub fn inputs(root: &Path, options: &str) -> Option<String> {
    inputs_with(root, options, &Known::new())
}

/// [`inputs`], taking the hash of a regular file from `known` when the build read it
/// already (the profiles: then the stamp holds what was built, and nothing is read twice).
pub fn inputs_with(root: &Path, options: &str, known: &Known) -> Option<String> {
    let mut paths = files(&root.join("content"));
    paths.extend(files(&root.join("themes")));
    let hashes: Option<Vec<blake3::Hash>> = paths
        .par_iter()
        .map(|(p, t)| {
            let r = rel(root, p);
            if t.is_file() {
                if let Some(h) = known.get(&r) {
                    return Some(*h);
                }
                return Some(file_hash(&r, &regular::read(p).ok()?));
            }
            let mut h = blake3::Hasher::new();
            h.update(r.as_bytes());
            h.update(&[0]);
            if t.is_symlink() {
                // What it leads to is hashed where it is (a link leading outside is
                // refused, never read): here, where it leads.
                h.update(b"link\0");
                h.update(fs::read_link(p).ok()?.as_os_str().as_encoded_bytes());
            } else {
                // A pipe or a socket is never opened: reading the site says so.
                h.update(b"special\0");
            }
            Some(h.finalize())
        })
        .collect();
    let mut all = blake3::Hasher::new();
    all.update(env!("CARGO_PKG_VERSION").as_bytes());
    let exe = std::env::current_exe().ok()?;
    let meta = fs::metadata(&exe).ok()?;
    all.update(
        format!(
            "{}\0{}\0{:?}\0",
            exe.display(),
            meta.len(),
            meta.modified().ok()?
        )
        .as_bytes(),
    );
    all.update(options.as_bytes());
    for h in hashes? {
        all.update(h.as_bytes());
    }
    Some(all.finalize().to_hex().to_string())
}

/// The entries of the folder `output`, sorted by path; `None` if it cannot be read.
fn top_entries(output: &Path) -> Option<Vec<PathBuf>> {
    let mut top: Vec<PathBuf> = fs::read_dir(output)
        .ok()?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .ok()?;
    top.sort();
    Some(top)
}

/// A hash of the names, sizes and modification times of every file in `output`: each
/// entry of its top folder walked on its own, in parallel, in the order of their names.
pub fn output(output: &Path) -> Option<String> {
    let top = top_entries(output)?;
    let parts: Option<Vec<blake3::Hash>> = top
        .par_iter()
        .map(|entry| {
            let meta = fs::symlink_metadata(entry).ok()?;
            let mut lines = Vec::new();
            walk(output, entry, &meta, 0, &mut lines)?;
            Some(blake3::hash(&lines))
        })
        .collect();
    let mut all = blake3::Hasher::new();
    for part in parts? {
        all.update(part.as_bytes());
    }
    (!top.is_empty()).then(|| all.finalize().to_hex().to_string())
}

/// The hash of `output` as builds made it before they kept a list of their files (one
/// walk, folders with their sizes and times): an output such a build left, with its
/// stamp, is still recognised as the build's own. Only for that: it walks the output.
pub fn output_before_lists(output: &Path) -> Option<String> {
    let mut all = blake3::Hasher::new();
    let mut any = false;
    for entry in WalkDir::new(output).sort_by_file_name().min_depth(1) {
        let entry = entry.ok()?;
        let meta = entry.metadata().ok()?;
        let kind = if meta.is_dir() { "d" } else { "f" };
        let line = format!(
            "{kind}\0{}\0{}\0{:?}\n",
            rel(output, entry.path()),
            meta.len(),
            meta.modified().ok()?
        );
        all.update(line.as_bytes());
        any = true;
    }
    any.then(|| all.finalize().to_hex().to_string())
}

/// How deep [`walk`] goes on its own; below, a folder is walked by `walkdir`, which
/// needs no stack for depth (a folder nested a thousand times cannot overflow it).
const WALK_DEPTH: usize = 32;

/// What the stamp holds of a file (a link, anything not a folder): its size and its
/// modification time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileMeta {
    pub len: u64,
    pub modified: SystemTime,
}

impl FileMeta {
    /// The size and time of `meta` (`None` where the system keeps no time).
    pub fn of(meta: &fs::Metadata) -> Option<FileMeta> {
        Some(FileMeta {
            len: meta.len(),
            modified: meta.modified().ok()?,
        })
    }
}

/// The line of the entry `rel` in the hash: a folder by its name alone (what it holds
/// has lines of its own), a file by its name, size and time.
fn entry_line(rel: &str, file: Option<FileMeta>) -> String {
    match file {
        None => format!("d\0{rel}\n"),
        Some(m) => format!("f\0{rel}\0{}\0{:?}\n", m.len, m.modified),
    }
}

/// The line of one entry of the output in its hash.
fn line(output: &Path, path: &Path, meta: &fs::Metadata) -> Option<String> {
    let file = match meta.is_dir() {
        true => None,
        false => Some(FileMeta::of(meta)?),
    };
    Some(entry_line(&rel(output, path), file))
}

/// The hash [`output`] gives an output folder that holds exactly `files` (paths inside
/// it, `/`-separated) and the folders they are in, without walking it: for the build
/// that wrote every one of them and knows their sizes and times.
pub fn of_files<'a>(files: impl IntoIterator<Item = (&'a str, FileMeta)>) -> Option<String> {
    let mut entries: Vec<(&str, Option<FileMeta>)> = Vec::new();
    let mut folders: HashSet<&str> = HashSet::new();
    for (r, meta) in files {
        entries.push((r, Some(meta)));
        let mut at = r;
        while let Some((dir, _)) = at.rsplit_once('/') {
            if !folders.insert(dir) {
                break;
            }
            entries.push((dir, None));
            at = dir;
        }
    }
    // The order of the walk: by name at each level, a folder before what it holds. With
    // each `/` read as the least of bytes, paths sort as text the way they do part by
    // part (`a/b` before `a-b`), and much faster.
    let mut keyed: Vec<(Vec<u8>, &str, Option<FileMeta>)> = entries
        .into_par_iter()
        .map(|(r, m)| {
            (
                r.bytes().map(|b| if b == b'/' { 0 } else { b }).collect(),
                r,
                m,
            )
        })
        .collect();
    keyed.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    // The entries of the top folder hashed one by one, then their hashes together.
    let mut all = blake3::Hasher::new();
    let mut part: Option<(&str, blake3::Hasher)> = None;
    for (_, r, meta) in &keyed {
        let first = r.split('/').next().unwrap_or(r);
        if part.as_ref().is_none_or(|(name, _)| *name != first) {
            if let Some((_, h)) = part.take() {
                all.update(h.finalize().as_bytes());
            }
            part = Some((first, blake3::Hasher::new()));
        }
        if let Some((_, h)) = part.as_mut() {
            h.update(entry_line(r, *meta).as_bytes());
        }
    }
    let (_, last) = part?;
    all.update(last.finalize().as_bytes());
    Some(all.finalize().to_hex().to_string())
}

/// Appends to `lines` the line of `path` (whose metadata, links not followed, is `meta`)
/// and, for a folder, those of everything in it, depth first in the order of names.
/// Each entry is asked about relative to its open folder (no walk of the whole path from
/// the root for each of a large site's files), and a folder's entries in parallel.
fn walk(
    output: &Path,
    path: &Path,
    meta: &fs::Metadata,
    depth: usize,
    lines: &mut Vec<u8>,
) -> Option<()> {
    if depth >= WALK_DEPTH {
        for e in WalkDir::new(path).sort_by_file_name() {
            let e = e.ok()?;
            lines.extend_from_slice(line(output, e.path(), &e.metadata().ok()?)?.as_bytes());
        }
        return Some(());
    }
    lines.extend_from_slice(line(output, path, meta)?.as_bytes());
    if !meta.is_dir() {
        return Some(());
    }
    let mut entries: Vec<(PathBuf, fs::Metadata)> = fs::read_dir(path)
        .ok()?
        .map(|e| {
            let e = e.ok()?;
            Some((e.path(), e.metadata().ok()?))
        })
        .collect::<Option<_>>()?;
    entries.sort_by(|a, b| a.0.file_name().cmp(&b.0.file_name()));
    let parts: Vec<Vec<u8>> = entries
        .par_iter()
        .map(|(p, m)| {
            let mut part = Vec::new();
            walk(output, p, m, depth + 1, &mut part).map(|()| part)
        })
        .collect::<Option<_>>()?;
    parts.iter().for_each(|p| lines.extend_from_slice(p));
    Some(())
}

/// The hash [`output`] gave before it walked folders itself (with `walkdir`), for the
/// test that both agree.
#[cfg(test)]
fn output_walkdir(output: &Path) -> Option<String> {
    let top = top_entries(output)?;
    let mut all = blake3::Hasher::new();
    for entry in &top {
        let mut h = blake3::Hasher::new();
        for e in WalkDir::new(entry).sort_by_file_name() {
            let e = e.ok()?;
            h.update(line(output, e.path(), &e.metadata().ok()?)?.as_bytes());
        }
        all.update(h.finalize().as_bytes());
    }
    (!top.is_empty()).then(|| all.finalize().to_hex().to_string())
}

/// The stamp of the last build of `root`, if there is one.
pub fn read(root: &Path) -> Option<Stamp> {
    let text = fs::read_to_string(root.join(STAMP)).ok()?;
    serde_json::from_str(&text).ok()
}

/// Keeps `stamp` for the next build (a stamp that cannot be written only costs that
/// build its shortcut).
pub fn write(root: &Path, stamp: &Stamp) {
    let path = root.join(STAMP);
    if let (Some(dir), Ok(text)) = (path.parent(), serde_json::to_string(stamp)) {
        let _ = fs::create_dir_all(dir).and_then(|()| fs::write(&path, text));
    }
}

/// Forgets the last build (before a build changes the output).
pub fn forget(root: &Path) {
    let _ = fs::remove_file(root.join(STAMP));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_follow_every_byte_and_the_options() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path();
        fs::create_dir_all(root.join("content/2024")).expect("mkdir");
        fs::write(root.join("content/2024/a.md"), "một").expect("write");
        let first = inputs(root, "base=/").expect("hash");
        assert_eq!(inputs(root, "base=/"), Some(first.clone()));
        assert_ne!(inputs(root, "base=/thi-dua/"), Some(first.clone()));
        fs::write(root.join("content/2024/a.md"), "hai").expect("write");
        let second = inputs(root, "base=/").expect("hash");
        assert_ne!(second, first, "same size, other bytes");
        fs::create_dir_all(root.join("themes/x")).expect("mkdir");
        fs::write(root.join("themes/x/base.html"), "").expect("write");
        assert_ne!(inputs(root, "base=/"), Some(second), "a theme file counts");
    }

    #[test]
    fn what_the_build_read_hashes_as_reading_it_again_does() {
        let sample = Path::new(env!("CARGO_MANIFEST_DIR"));
        let loaded = crate::content::load::load(sample).expect("load");
        assert!(loaded.hashes.keys().any(|k| k.ends_with("site.toml")));
        assert!(loaded.hashes.keys().any(|k| k.starts_with("content/2024/")));
        let full = inputs(sample, "base=/").expect("hash");
        let known = inputs_with(sample, "base=/", &loaded.hashes).expect("hash");
        assert_eq!(known, full);
        // A hash that is not the file's shows: the known ones are used, not read again.
        let mut wrong = loaded.hashes.clone();
        let any = wrong.keys().next().expect("a file").clone();
        wrong.insert(any, blake3::hash(b"other"));
        assert_ne!(inputs_with(sample, "base=/", &wrong), Some(full));
    }

    #[test]
    fn output_follows_names_sizes_and_times() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let out = tmp.path().join("output");
        assert_eq!(output(&out), None);
        fs::create_dir_all(out.join("a")).expect("mkdir");
        fs::write(out.join("a/index.html"), "x").expect("write");
        let first = output(&out).expect("hash");
        assert_eq!(output(&out), Some(first.clone()));
        fs::write(out.join("a/index.html"), "xy").expect("write");
        assert_ne!(output(&out), Some(first), "a changed file");
        let second = output(&out);
        fs::write(out.join("b.html"), "").expect("write");
        assert_ne!(output(&out), second, "an added file");
    }

    #[test]
    fn output_hashes_what_walkdir_walked() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let out = tmp.path().join("output");
        for d in [
            "2024/an",
            "2024/ba",
            "2025/an/deep/er",
            "empty",
            "tim-kiem/d",
        ] {
            fs::create_dir_all(out.join(d)).expect("mkdir");
        }
        for (i, f) in [
            "index.html",
            "2024/index.html",
            "2024/an/index.html",
            "2024/an/chia-se.png",
            "2024/ba/index.html",
            "2025/an/deep/er/x.json",
            "tim-kiem/d/1.json",
            "tim-kiem/d/10.json",
            "tim-kiem/d/2.json",
            "Z.txt",
        ]
        .iter()
        .enumerate()
        {
            fs::write(out.join(f), "x".repeat(i)).expect("write");
        }
        std::os::unix::fs::symlink("../index.html", out.join("2024/link")).expect("link");
        // Deeper than `walk` goes on its own.
        let deep: PathBuf = (0..WALK_DEPTH + 8).map(|i| format!("d{i}")).collect();
        fs::create_dir_all(out.join("deep").join(&deep)).expect("mkdir");
        fs::write(out.join("deep").join(&deep).join("f.txt"), "f").expect("write");
        let walked = output_walkdir(&out).expect("hash");
        assert_eq!(output(&out), Some(walked.clone()));
        // Its files and their times alone give the same hash, but for the empty folder
        // (a build makes none).
        fs::remove_dir(out.join("empty")).expect("rmdir");
        let known: Vec<(String, FileMeta)> = WalkDir::new(&out)
            .into_iter()
            .map(|e| e.expect("entry"))
            .filter(|e| !e.file_type().is_dir())
            .map(|e| {
                let meta = FileMeta::of(&e.metadata().expect("meta")).expect("time");
                (rel(&out, e.path()), meta)
            })
            .collect();
        let pairs = known.iter().map(|(r, m)| (r.as_str(), *m));
        assert_eq!(of_files(pairs), output(&out));
        assert_eq!(of_files([]), None);
        fs::create_dir(out.join("empty")).expect("mkdir");
        fs::write(out.join("2025/an/deep/er/x.json"), "changed").expect("write");
        assert_ne!(output(&out), Some(walked));
        assert_eq!(output(&out), output_walkdir(&out));
    }
}
