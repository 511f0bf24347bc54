//! The cache of share cards, keyed by everything a card is made from (its words, its
//! picture, the photo's content, the font, the design's version), never by file times:
//! a card whose inputs did not change is drawn once. One flat folder of `KEY.png` and
//! `KEY.jpg` files, each written through a rename.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::design::{Content, Picture};
use super::encode::Format;
use super::font;
use crate::media::store::{is_key, write_atomic};

/// Bump when the cards drawn from the same content change (design, encoding).
pub const VERSION: u32 = 1;

/// The key of a card: its content, the photo's key when it has one, the font and the
/// version of the design.
pub fn key(content: &Content, photo_key: Option<&str>) -> String {
    let mut h = blake3::Hasher::new();
    let mut field = |s: &str| {
        h.update(&(s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    };
    field(&format!(
        "bangvang card v{VERSION}; font {}; png/jpeg q{}",
        font::fingerprint(),
        super::encode::QUALITY
    ));
    field(&content.agency);
    field(&content.kicker);
    field(&content.title);
    field(&content.lines.len().to_string());
    for l in &content.lines {
        field(l);
    }
    field(content.mark.as_deref().unwrap_or("\u{0}none"));
    field(&content.foot);
    match &content.picture {
        Picture::Photo => field(&format!("photo {}", photo_key.unwrap_or(""))),
        Picture::Initials { text, color } => field(&format!("initials {text} {color}")),
        Picture::Year(y) => field(&format!("year {y}")),
        Picture::Star => field("star"),
    }
    h.finalize().to_hex().to_string()
}

pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    pub fn new(dir: &Path) -> Cache {
        Cache {
            dir: dir.to_path_buf(),
        }
    }

    fn file(&self, key: &str, f: Format) -> PathBuf {
        self.dir.join(format!("{key}.{}", f.extension()))
    }

    /// The file of the card cached under `key`, its format and size, when its first and
    /// last bytes look like its format (a card cut short by a full disk is not one).
    pub fn locate(&self, key: &str) -> Option<(PathBuf, Format, u64)> {
        use std::os::unix::fs::FileExt;
        [Format::Png, Format::Jpeg].into_iter().find_map(|f| {
            let path = self.file(key, f);
            let file = fs::File::open(&path).ok()?;
            let len = file.metadata().ok().filter(|m| m.is_file())?.len();
            let mut head = [0u8; 8];
            file.read_exact_at(&mut head, 0).ok()?;
            let mut tail = [0u8; 2];
            file.read_exact_at(&mut tail, len.checked_sub(2)?).ok()?;
            let ok = match f {
                Format::Png => head == *b"\x89PNG\r\n\x1a\n" && tail == [0x60, 0x82],
                Format::Jpeg => head.starts_with(&[0xFF, 0xD8]) && tail == [0xFF, 0xD9],
            };
            ok.then_some((path, f, len))
        })
    }

    /// The format and size of the card cached under `key`, without reading it (a partial
    /// rebuild that does not write the card only needs to know it is there).
    pub fn peek(&self, key: &str) -> Option<(Format, u64)> {
        [Format::Png, Format::Jpeg].into_iter().find_map(|f| {
            let m = fs::metadata(self.file(key, f)).ok()?;
            (m.is_file() && m.len() > 8).then_some((f, m.len()))
        })
    }

    /// Keeps a card. The cache only saves time: a failure is ignored.
    pub fn store(&self, key: &str, bytes: &[u8], f: Format) {
        let _ =
            fs::create_dir_all(&self.dir).and_then(|()| write_atomic(&self.file(key, f), bytes));
    }

    /// Removes the cards whose key is not in `used`, and nothing the cache did not write;
    /// returns how many files went.
    pub fn prune(&self, used: &HashSet<String>) -> usize {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return 0;
        };
        let mut removed = 0;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some((key, ext)) = name.split_once('.') else {
                continue;
            };
            if is_key(key)
                && Format::from_extension(ext).is_some()
                && !used.contains(key)
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

    fn content(title: &str) -> Content {
        Content {
            agency: "Sở Xây dựng".into(),
            kicker: "Điển hình tiên tiến năm 2024".into(),
            title: title.into(),
            lines: vec!["Chuyên viên".into()],
            mark: None,
            foot: String::new(),
            picture: Picture::Initials {
                text: "NA".into(),
                color: "#8b1e1e".into(),
            },
        }
    }

    #[test]
    fn the_key_follows_every_input() {
        let a = content("Nguyễn Văn An");
        assert_eq!(key(&a, None), key(&a.clone(), None));
        assert_ne!(key(&a, None), key(&content("Nguyễn Văn Ân"), None));
        let mut b = a.clone();
        b.mark = Some("Điển hình cấp tỉnh".into());
        assert_ne!(key(&a, None), key(&b, None));
        let mut p = a.clone();
        p.picture = Picture::Photo;
        assert_ne!(key(&p, Some("1")), key(&p, Some("2")));
        // Fields cannot run into each other.
        let mut c = a.clone();
        c.lines = vec!["Chuyên".into(), "viên".into()];
        assert_ne!(key(&a, None), key(&c, None));
    }

    #[test]
    fn store_lookup_prune() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let cache = Cache::new(&tmp.path().join("the"));
        let (a, b) = (key(&content("A"), None), key(&content("B"), None));
        assert!(cache.locate(&a).is_none());
        let png = b"\x89PNG\r\n\x1a\nrest\xaeB`\x82";
        cache.store(&a, png, Format::Png);
        cache.store(
            &b,
            &[0xFF, 0xD8, 1, 2, 3, 4, 5, 6, 0xFF, 0xD9],
            Format::Jpeg,
        );
        let found = cache.locate(&a).expect("png");
        assert_eq!((found.1, found.2), (Format::Png, png.len() as u64));
        assert_eq!(fs::read(&found.0).expect("read"), png);
        assert_eq!(cache.locate(&b).map(|x| x.1), Some(Format::Jpeg));
        // A card cut short (a full disk) is not a card.
        let c = key(&content("C"), None);
        cache.store(&c, &png[..png.len() - 1], Format::Png);
        assert!(cache.locate(&c).is_none());
        fs::write(tmp.path().join("the/notes.txt"), "mine").expect("write");
        assert_eq!(cache.prune(&HashSet::from([b.clone()])), 2);
        assert!(cache.locate(&a).is_none());
        assert!(cache.locate(&b).is_some());
        assert!(tmp.path().join("the/notes.txt").exists());
    }
}
