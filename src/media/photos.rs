//! Portraits, published the way a careful newsroom would. Only the photo of a published
//! profile (recognised; pending with `--drafts`) that says `photo_consent = true` is
//! published, and never as the file it was: it is decoded under limits, turned upright,
//! resized to a few widths and encoded again as JPEG from its pixels, so no metadata of
//! the original (EXIF, GPS, XMP, ICC, serials) reaches the site. The sizes are written at
//! `/YEAR/SLUG/anh-WIDTH.jpg` and kept in a cache keyed by the photo's content, so an
//! unchanged photo is decoded once. Photos are processed in parallel, before the pages.
//! A photo whose consent was withdrawn is published nowhere and leaves the cache (see
//! `withdrawn`).

mod cache;
mod encode;
mod withdrawn;

pub(crate) use crate::media::store::write_atomic;
pub use cache::{Size, VERSION, key};
pub use encode::{
    Encoded, Failure, MAX_ALLOC, MAX_FILE_BYTES, QUALITY, WIDTHS, decode, flatten, jpeg_complete,
    process, scaled, targets,
};
pub use withdrawn::{Withdrawn, evict, same_as, withdrawn};

use std::collections::HashSet;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::content::model::{PhotoFile, Profile, Site};
use crate::diag::{self, Diagnostic, Msg, Rule};
use crate::output::Sink;
use cache::Cache;

/// The photos of one build.
#[derive(Debug, Default)]
pub struct Published {
    /// For each profile of the site, the sizes of its published photo, narrowest first.
    pub sizes: Vec<Option<Vec<Size>>>,
    /// For each profile of the site, the key of its published photo (its content).
    pub keys: Vec<Option<String>>,
    /// Photos decoded and encoded by this build, and those taken from the cache.
    pub processed: usize,
    pub reused: usize,
    /// A `photo` diagnostic for each photo that could not be published.
    pub diags: Vec<Diagnostic>,
    /// Files that could not be written.
    pub errors: Vec<String>,
}

/// The file name of one size.
pub fn file_name(width: u32) -> String {
    format!("anh-{width}.jpg")
}

/// The JPEG of one published size of the photo whose key is `key`: from the cache when
/// it has it, else made again from the original at `path` (a build without a cache).
pub fn size_bytes(cache_dir: Option<&Path>, key: &str, width: u32, path: &Path) -> Option<Vec<u8>> {
    if let Some(bytes) = cache_dir.and_then(|d| Cache::new(d).read(key, width).ok()) {
        return Some(bytes);
    }
    let original = std::fs::read(path).ok()?;
    process(&original)
        .ok()?
        .into_iter()
        .find(|e| e.width == width)
        .map(|e| e.bytes)
}

/// The profiles among `published` (indexes into the site's profiles) whose photo may be
/// published, with the photo's file.
pub fn candidates(site: &Site, published: impl Fn(usize) -> bool) -> Vec<(usize, &Path)> {
    site.profiles
        .iter()
        .enumerate()
        .filter(|(i, _)| published(*i))
        .filter(|(_, p)| crate::facts::consent::photo_allowed(p))
        .filter_map(|(i, p)| match &p.photo_file {
            Some(PhotoFile::Found { path, .. }) => Some((i, path.as_path())),
            _ => None,
        })
        .collect()
}

/// Why one photo was not published.
enum Stop {
    Photo(Msg),
    Write(String),
    /// It has the bytes of a photo whose consent was withdrawn.
    Withdrawn,
}

/// The photo's bytes, refusing a file too large to be a portrait before reading it.
pub(crate) fn read_photo(path: &Path, name: &str) -> Result<Vec<u8>, Msg> {
    let unreadable = |e: std::io::Error| Msg::PhotoUnreadable {
        path: name.to_string(),
        detail: e.to_string(),
    };
    let file = File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Msg::PhotoTooHeavy {
            path: name.to_string(),
            max_mib: MAX_ALLOC >> 20,
        });
    }
    Ok(bytes)
}

/// Whether the photo at `path` decodes, as `check` must know: from the cache under
/// `cache_dir` (its sizes were made from these very bytes), or by decoding it now; with
/// `store`, a photo not yet cached is processed whole and cached, so that the build
/// which follows the check decodes nothing twice (then `Ok(true)`).
pub fn verify(path: &Path, cache_dir: Option<&Path>, store: bool) -> Result<bool, Failure> {
    let bytes = read_photo(path, "").map_err(|m| match m {
        Msg::PhotoTooHeavy { .. } => Failure::TooHeavy,
        Msg::PhotoUnreadable { detail, .. } => Failure::Damaged(detail),
        _ => Failure::Damaged(String::new()),
    })?;
    let key = key(&bytes);
    let cache = cache_dir.map(Cache::new);
    if cache.as_ref().is_some_and(|c| c.lookup(&key).is_some()) {
        return Ok(false);
    }
    match (store, cache) {
        (true, Some(c)) => process(&bytes).map(|sizes| {
            c.store(&key, &sizes);
            true
        }),
        _ => decode(&bytes).map(|_| false),
    }
}

/// The sizes under `key` from the cache, with their bytes when they are to be written.
fn from_cache(cache: &Cache, key: &str, write: bool) -> Option<Vec<(Size, Option<Data>)>> {
    let sizes = cache.lookup(key)?;
    sizes
        .into_iter()
        .map(|s| match write {
            true => cache
                .path(key, s.width)
                .ok()
                .map(|f| (s, Some(Data::File(f)))),
            false => Some((s, None)),
        })
        .collect()
}

/// A published size on its way to the output: just made, or a file of the cache.
enum Data {
    Bytes(Vec<u8>),
    File(PathBuf),
}

/// Publishes one photo: from the cache, or decoded and encoded (and then cached).
/// Returns its sizes, its key, and whether it was processed.
fn publish_one(
    p: &Profile,
    path: &Path,
    cache: Option<&Cache>,
    write: bool,
    withdrawn: &HashSet<&str>,
    sink: &dyn Sink,
) -> Result<(Vec<Size>, String, bool), Stop> {
    let name = p
        .photo
        .as_ref()
        .map(|x| x.value.clone())
        .unwrap_or_default();
    let bytes = read_photo(path, &name).map_err(Stop::Photo)?;
    let key = key(&bytes);
    if withdrawn.contains(key.as_str()) {
        return Err(Stop::Withdrawn);
    }
    let (files, processed) = match cache.and_then(|c| from_cache(c, &key, write)) {
        Some(files) => (files, false),
        None => {
            let encoded = process(&bytes).map_err(|f| {
                Stop::Photo(match f {
                    Failure::Damaged(detail) => Msg::PhotoDamaged {
                        path: name.clone(),
                        detail,
                    },
                    Failure::TooHeavy => Msg::PhotoTooHeavy {
                        path: name.clone(),
                        max_mib: MAX_ALLOC >> 20,
                    },
                })
            })?;
            if let Some(c) = cache {
                c.store(&key, &encoded);
            }
            let files = encoded
                .into_iter()
                .map(|e| {
                    (
                        Size {
                            width: e.width,
                            height: e.height,
                        },
                        Some(Data::Bytes(e.bytes)),
                    )
                })
                .collect();
            (files, true)
        }
    };
    let dir = format!("{}/{}", p.year, p.slug);
    let mut sizes = Vec::with_capacity(files.len());
    for (size, bytes) in files {
        let rel = format!("{dir}/{}", file_name(size.width));
        match (write, bytes) {
            (true, Some(Data::Bytes(b))) => sink.put(&rel, &b),
            (true, Some(Data::File(f))) => sink.put_file(&rel, &f),
            _ => Ok(()),
        }
        .map_err(Stop::Write)?;
        sizes.push(size);
    }
    Ok((sizes, key, processed))
}

/// Publishes the photo of every profile in `candidates` into `sink`, in parallel; only
/// those of the profiles whose page `wanted` accepts are written (all of them for a whole
/// build). With `cache`, reuses what an earlier build made, and after a whole build
/// (`prune`) removes the entries this one did not use; the entries made from a withdrawn
/// photo go whatever the build.
pub fn publish(
    site: &Site,
    candidates: &[(usize, &Path)],
    cache_dir: Option<&Path>,
    prune: bool,
    wanted: &(dyn Fn(&str) -> bool + Sync),
    sink: &dyn Sink,
    progress: bool,
) -> Published {
    let cache = cache_dir.map(Cache::new);
    let gone = withdrawn(site);
    let gone_keys: HashSet<&str> = gone.iter().map(|w| w.key.as_str()).collect();
    if let Some(dir) = cache_dir {
        evict(dir, &gone);
    }
    let bar = super::progress::bar(candidates.len(), "ảnh", progress);
    let results: Vec<_> = candidates
        .par_iter()
        .map(|&(i, path)| {
            let p = &site.profiles[i];
            let write = wanted(&format!("{}/{}/index.html", p.year, p.slug));
            let done = publish_one(p, path, cache.as_ref(), write, &gone_keys, sink);
            bar.inc(1);
            (i, done)
        })
        .collect();
    bar.finish_and_clear();
    let mut out = Published {
        sizes: vec![None; site.profiles.len()],
        keys: vec![None; site.profiles.len()],
        ..Published::default()
    };
    let mut used = HashSet::new();
    for (i, r) in results {
        match r {
            Ok((sizes, key, processed)) => {
                out.sizes[i] = Some(sizes);
                out.keys[i] = Some(key.clone());
                used.insert(key);
                *if processed {
                    &mut out.processed
                } else {
                    &mut out.reused
                } += 1;
            }
            Err(Stop::Photo(msg)) => {
                let p = &site.profiles[i];
                let span = p.photo.as_ref().map(|x| x.span);
                out.diags
                    .push(p.doc.diag(Rule::Photo, span, Some("photo"), msg));
            }
            Err(Stop::Write(e)) => out.errors.push(e),
            Err(Stop::Withdrawn) => {}
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

#[cfg(test)]
mod tests;
