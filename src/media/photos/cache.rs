//! The cache of published sizes, keyed by the photo's content hash and the operation that
//! made them (sizes, quality, a version), never by file times: an unchanged photo is
//! decoded and encoded once, whatever touched its file. One flat folder: for each key a
//! manifest `KEY.txt` (one line `WIDTH HEIGHT` per size) and the files `KEY-WIDTH.jpg`.
//! The manifest is written last and every file through a rename, so a build stopped half
//! way, or two builds at once, leave nothing half written that a later build would use.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::encode::{Encoded, MAX_ALLOC, QUALITY, WIDTHS};
use crate::content::load::MAX_PHOTO_SIDE;
use crate::media::store::{is_key, write_atomic};

/// Bump when the published bytes change for the same photo (a new filter, encoder…).
pub const VERSION: u32 = 1;

/// What the cached files were made by.
fn operation() -> String {
    format!(
        "bangvang photos v{VERSION}; jpeg q{QUALITY}; widths {WIDTHS:?}; upright; limits {MAX_PHOTO_SIDE} px {MAX_ALLOC} B"
    )
}

/// The key of a photo's published sizes: its content and the operation.
pub fn key(photo: &[u8]) -> String {
    let content = blake3::hash(photo);
    let mut h = blake3::Hasher::new();
    h.update(operation().as_bytes());
    h.update(&[0]);
    h.update(content.as_bytes());
    h.finalize().to_hex().to_string()
}

/// A size as the manifest records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

pub struct Cache {
    dir: PathBuf,
}

/// A file name the cache wrote: a 64-digit key, then `.txt` or `-WIDTH.jpg`.
fn key_of(name: &str) -> Option<&str> {
    let key = name.get(..64)?;
    let rest = &name[64..];
    let ours = is_key(key)
        && (rest == ".txt"
            || rest
                .strip_prefix('-')
                .and_then(|r| r.strip_suffix(".jpg"))
                .is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())));
    ours.then_some(key)
}

impl Cache {
    pub fn new(dir: &Path) -> Cache {
        Cache {
            dir: dir.to_path_buf(),
        }
    }

    fn file(&self, key: &str, width: u32) -> PathBuf {
        self.dir.join(format!("{key}-{width}.jpg"))
    }

    fn manifest(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.txt"))
    }

    /// The sizes cached under `key`, when its manifest and every file it names are there.
    pub fn lookup(&self, key: &str) -> Option<Vec<Size>> {
        let text = fs::read_to_string(self.manifest(key)).ok()?;
        let mut sizes = Vec::new();
        for line in text.lines() {
            let (w, h) = line.split_once(' ')?;
            let size = Size {
                width: w.parse().ok()?,
                height: h.parse().ok()?,
            };
            if !self.file(key, size.width).is_file() {
                return None;
            }
            sizes.push(size);
        }
        (!sizes.is_empty()).then_some(sizes)
    }

    /// The bytes of one cached size: a JPEG, or an error.
    pub fn read(&self, key: &str, width: u32) -> io::Result<Vec<u8>> {
        let bytes = fs::read(self.file(key, width))?;
        if !bytes.starts_with(&[0xFF, 0xD8]) {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "not a JPEG"));
        }
        Ok(bytes)
    }

    /// The file of one cached size, when it starts as a JPEG does (to link into the
    /// output rather than read: the cache replaces its files only through a rename).
    pub fn path(&self, key: &str, width: u32) -> io::Result<PathBuf> {
        use std::io::Read;
        let path = self.file(key, width);
        let mut head = [0u8; 2];
        fs::File::open(&path)?.read_exact(&mut head)?;
        if head != [0xFF, 0xD8] {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "not a JPEG"));
        }
        Ok(path)
    }

    /// Stores the sizes of a photo. The cache only saves time: a failure is ignored and
    /// the next build makes them again.
    pub fn store(&self, key: &str, sizes: &[Encoded]) {
        let stored = fs::create_dir_all(&self.dir).and_then(|()| {
            for e in sizes {
                write_atomic(&self.file(key, e.width), &e.bytes)?;
            }
            let manifest: String = sizes
                .iter()
                .map(|e| format!("{} {}\n", e.width, e.height))
                .collect();
            write_atomic(&self.manifest(key), manifest.as_bytes())
        });
        let _ = stored;
    }

    /// Removes every file of the entry under `key`, its manifest first (so that no build
    /// takes what is left for an entry); returns how many files went.
    pub fn evict(&self, key: &str) -> usize {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return 0;
        };
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .filter(|e| key_of(&e.file_name().to_string_lossy()) == Some(key))
            .map(|e| e.path())
            .collect();
        let manifest = self.manifest(key);
        files.sort_by_key(|f| *f != manifest);
        files
            .into_iter()
            .filter(|f| fs::remove_file(f).is_ok())
            .count()
    }

    /// Removes the entries whose key is not in `used`, and nothing the cache did not
    /// write; returns how many files went.
    pub fn prune(&self, used: &HashSet<String>) -> usize {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return 0;
        };
        let mut removed = 0;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if key_of(&name).is_some_and(|k| !used.contains(k))
                && fs::remove_file(entry.path()).is_ok()
            {
                removed += 1;
            }
        }
        removed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(width: u32, height: u32) -> Encoded {
        Encoded {
            width,
            height,
            bytes: vec![0xFF, 0xD8, width as u8, 0xFF, 0xD9],
        }
    }

    #[test]
    fn key_follows_content_not_name() {
        assert_eq!(key(b"abc"), key(b"abc"));
        assert_ne!(key(b"abc"), key(b"abd"));
        assert_eq!(key(b"abc").len(), 64);
    }

    #[test]
    fn store_lookup_read_prune() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let cache = Cache::new(&tmp.path().join("anh"));
        let (a, b) = (key(b"a"), key(b"b"));
        assert_eq!(cache.lookup(&a), None);
        cache.store(&a, &[encoded(160, 213), encoded(320, 427)]);
        cache.store(&b, &[encoded(100, 100)]);
        assert_eq!(
            cache.lookup(&a),
            Some(vec![
                Size {
                    width: 160,
                    height: 213
                },
                Size {
                    width: 320,
                    height: 427
                }
            ])
        );
        assert_eq!(cache.read(&a, 320).expect("cached")[2], 320u32 as u8);
        // A missing file makes the entry unusable, not wrong.
        fs::remove_file(cache.file(&a, 160)).expect("rm");
        assert_eq!(cache.lookup(&a), None);

        fs::write(tmp.path().join("anh/notes.txt"), "mine").expect("write");
        let removed = cache.prune(&HashSet::from([b.clone()]));
        assert_eq!(removed, 2);
        assert!(cache.lookup(&b).is_some());
        assert!(tmp.path().join("anh/notes.txt").exists());
        assert_eq!(key_of(&format!("{a}-160.jpg")), Some(a.as_str()));
        assert_eq!(key_of(&format!("{a}-.jpg")), None);
        assert_eq!(key_of("x.txt"), None);
    }
}
