//! Files beside a story, published beside its page (`/2024/le-thi-lan/tong-ket.jpg`).
//! An image (a JPEG, PNG or WebP by its bytes, however it is linked) is published like a
//! photo: decoded under the photos' limits, turned upright, made at most [`MAX_WIDTH`]
//! pixels wide and encoded again in its own format from its pixels alone, so no EXIF,
//! GPS, XMP or ICC block of the original reaches the site; the result is kept in
//! `.cache/bangvang/truyen/`, keyed by the file's content. Any other file (a PDF) is
//! copied as it is. Only the files of stories that are published go out.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::imageops::{self, FilterType};
use image::{DynamicImage, ImageFormat};
use rayon::prelude::*;

use super::photos::{self, Failure, MAX_ALLOC, QUALITY, write_atomic};
use crate::content::model::{Profile, Site};
use crate::content::story_refs::{StoryFile, Target};
use crate::diag::{self, Diagnostic, Msg, Rule};
use crate::facts::consent::story_allowed;
use crate::output::Sink;

/// The widest a story image is published (twice a story column on a sharp screen).
pub const MAX_WIDTH: u32 = 1280;
/// Bump when the published bytes change for the same image.
pub const VERSION: u32 = 1;

/// The key of an image's published form: its content and the operation.
pub fn key(bytes: &[u8]) -> String {
    let op =
        format!("bangvang story image v{VERSION}; width {MAX_WIDTH}; jpeg q{QUALITY}; upright");
    let mut h = blake3::Hasher::new();
    h.update(op.as_bytes());
    h.update(&[0]);
    h.update(blake3::hash(bytes).as_bytes());
    h.finalize().to_hex().to_string()
}

/// The image's own format, the one it is published in.
fn format_of(bytes: &[u8]) -> Option<ImageFormat> {
    match image::guess_format(bytes) {
        Ok(f @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) => Some(f),
        _ => None,
    }
}

fn extension(f: ImageFormat) -> &'static str {
    match f {
        ImageFormat::Png => "png",
        ImageFormat::WebP => "webp",
        _ => "jpg",
    }
}

/// Decodes an image and encodes it again, in its own format, at most [`MAX_WIDTH`] wide.
pub fn process(bytes: &[u8]) -> Result<Vec<u8>, Failure> {
    std::panic::catch_unwind(|| {
        let format = format_of(bytes).ok_or_else(|| Failure::Damaged("not an image".into()))?;
        let img = photos::decode(bytes)?;
        let img = if img.width() > MAX_WIDTH {
            let h = photos::scaled(img.width(), img.height(), MAX_WIDTH);
            DynamicImage::from(imageops::resize(
                &img.to_rgba8(),
                MAX_WIDTH,
                h,
                FilterType::Lanczos3,
            ))
        } else {
            img
        };
        encode(&img, format)
    })
    .unwrap_or_else(|_| Err(Failure::Damaged("the decoder gave up".into())))
}

fn encode(img: &DynamicImage, format: ImageFormat) -> Result<Vec<u8>, Failure> {
    let alpha = img.color().has_alpha();
    let img = match (format, alpha) {
        (ImageFormat::Jpeg, _) | (_, false) => DynamicImage::ImageRgb8(photos::flatten(img)),
        _ => DynamicImage::ImageRgba8(img.to_rgba8()),
    };
    let mut out = Cursor::new(Vec::new());
    let done = match format {
        ImageFormat::Jpeg => {
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, QUALITY).encode_image(&img)
        }
        ImageFormat::Png => img.write_to(&mut out, ImageFormat::Png),
        _ => img.write_with_encoder(image::codecs::webp::WebPEncoder::new_lossless(&mut out)),
    };
    done.map_err(|e| Failure::Damaged(e.to_string()))?;
    Ok(out.into_inner())
}

/// Published story images, one file per key: `KEY.jpg`, `KEY.png` or `KEY.webp`.
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    pub fn new(dir: &Path) -> Cache {
        Cache {
            dir: dir.to_path_buf(),
        }
    }

    fn file(&self, key: &str, f: ImageFormat) -> PathBuf {
        self.dir.join(format!("{key}.{}", extension(f)))
    }

    /// The published bytes under `key`, when the cache has them in format `f`.
    pub fn read(&self, key: &str, f: ImageFormat) -> Option<Vec<u8>> {
        let bytes = fs::read(self.file(key, f)).ok()?;
        (format_of(&bytes) == Some(f)).then_some(bytes)
    }

    /// Whether the cache has `key` (without reading it).
    pub fn has(&self, key: &str, f: ImageFormat) -> bool {
        self.file(key, f).is_file()
    }

    /// Keeps the published bytes; a failure only costs the next build the work.
    pub fn store(&self, key: &str, f: ImageFormat, bytes: &[u8]) {
        let _ =
            fs::create_dir_all(&self.dir).and_then(|()| write_atomic(&self.file(key, f), bytes));
    }

    /// Removes the entries whose key is not in `used`, and nothing the cache did not write.
    pub fn prune(&self, used: &HashSet<String>) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some((key, ext)) = name.split_once('.') else {
                continue;
            };
            let ours = key.len() == 64
                && key.bytes().all(|b| b.is_ascii_hexdigit())
                && ["jpg", "png", "webp"].contains(&ext);
            if ours && !used.contains(key) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

/// Whether an image decodes, from the cache or by decoding it; with `store`, an image
/// not yet cached is processed whole and cached, so the build after decodes nothing
/// (then `Ok(true)`).
pub fn verify(path: &Path, cache: Option<&Cache>, store: bool) -> Result<bool, Failure> {
    let bytes = fs::read(path).map_err(|e| Failure::Damaged(e.to_string()))?;
    let Some(format) = format_of(&bytes) else {
        return Ok(false);
    };
    let key = key(&bytes);
    if cache.is_some_and(|c| c.has(&key, format)) {
        return Ok(false);
    }
    match (store, cache) {
        (true, Some(c)) => process(&bytes).map(|out| {
            c.store(&key, format, &out);
            true
        }),
        _ => photos::decode(&bytes).map(|_| false),
    }
}

/// What publishing the story files did.
#[derive(Debug, Default)]
pub struct Published {
    pub processed: usize,
    pub reused: usize,
    pub copied: usize,
    /// A `photo` diagnostic for each image that could not be published.
    pub diags: Vec<Diagnostic>,
    /// Files that could not be read or written.
    pub errors: Vec<String>,
}

/// The files a profile's story publishes, by name, with their place on disk.
pub fn files_of(p: &Profile) -> BTreeMap<&str, &Path> {
    if !story_allowed(p) || p.revoked.is_some() {
        return BTreeMap::new();
    }
    p.story_facts
        .refs
        .iter()
        .filter_map(|r| match &r.target {
            Target::File {
                name,
                found: StoryFile::Found { path, .. },
            } => Some((name.as_str(), path.as_path())),
            _ => None,
        })
        .collect()
}

enum Done {
    Processed(String),
    Reused(String),
    Copied,
}

/// Publishes one file as `YEAR/SLUG/NAME`.
fn publish_one(
    p: &Profile,
    name: &str,
    path: &Path,
    cache: Option<&Cache>,
    sink: &dyn Sink,
) -> Result<Done, Result<Msg, String>> {
    let bytes = fs::read(path).map_err(|e| Err(format!("{}: {e}", p.file())))?;
    let dest = format!("{}/{}/{name}", p.year, p.slug);
    let put = |b: &[u8]| sink.put(&dest, b).map_err(Err);
    let Some(format) = format_of(&bytes) else {
        put(&bytes)?;
        return Ok(Done::Copied);
    };
    let key = key(&bytes);
    if let Some(out) = cache.and_then(|c| c.read(&key, format)) {
        put(&out)?;
        return Ok(Done::Reused(key));
    }
    let out = process(&bytes).map_err(|f| {
        Ok(match f {
            Failure::Damaged(detail) => Msg::PhotoDamaged {
                path: name.to_string(),
                detail,
            },
            Failure::TooHeavy => Msg::PhotoTooHeavy {
                path: name.to_string(),
                max_mib: MAX_ALLOC >> 20,
            },
        })
    })?;
    if let Some(c) = cache {
        c.store(&key, format, &out);
    }
    put(&out)?;
    Ok(Done::Processed(key))
}

/// Publishes the story files of the profiles `pages` accepts (whose page shows their
/// story) into `sink`, in parallel; only those of pages `wanted` accepts are written.
/// After a whole build (`prune`), cache entries it did not use are removed.
pub fn publish(
    site: &Site,
    pages: &(dyn Fn(usize) -> bool + Sync),
    cache_dir: Option<&Path>,
    prune: bool,
    wanted: &(dyn Fn(&str) -> bool + Sync),
    sink: &dyn Sink,
) -> Published {
    let cache = cache_dir.map(Cache::new);
    let jobs: Vec<(usize, &str, &Path)> = site
        .profiles
        .iter()
        .enumerate()
        .filter(|(i, p)| pages(*i) && wanted(&format!("{}/{}/index.html", p.year, p.slug)))
        .flat_map(|(i, p)| files_of(p).into_iter().map(move |(n, path)| (i, n, path)))
        .collect();
    let results: Vec<_> = jobs
        .par_iter()
        .map(|&(i, name, path)| {
            (
                i,
                name,
                publish_one(&site.profiles[i], name, path, cache.as_ref(), sink),
            )
        })
        .collect();
    let mut out = Published::default();
    let mut used = HashSet::new();
    for (i, name, r) in results {
        match r {
            Ok(Done::Processed(key)) => {
                out.processed += 1;
                used.insert(key);
            }
            Ok(Done::Reused(key)) => {
                out.reused += 1;
                used.insert(key);
            }
            Ok(Done::Copied) => out.copied += 1,
            Err(Ok(msg)) => {
                let p = &site.profiles[i];
                let line = p
                    .story_facts
                    .refs
                    .iter()
                    .find(|r| matches!(&r.target, Target::File { name: n, .. } if n == name))
                    .map_or(p.body_line, |r| r.line);
                out.diags
                    .push(Diagnostic::new(Rule::Photo, p.file(), line, None, msg));
            }
            Err(Err(e)) => out.errors.push(e),
        }
    }
    diag::sort(&mut out.diags);
    if let Some(c) = cache
        .as_ref()
        .filter(|_| prune && out.diags.is_empty() && out.errors.is_empty())
    {
        c.prune(&used);
    }
    out
}
