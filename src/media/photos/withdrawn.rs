//! Photos whose consent was withdrawn. A withdrawal concerns the picture, whichever
//! profile names it: a photo with the very bytes of a withdrawn one is published by no
//! profile, and the cache entry made from those bytes is removed by every build, whole
//! or partial (a whole build's pruning would remove it too, but only after a build that
//! succeeds end to end).

use std::fs;
use std::path::Path;

use super::cache::{Cache, key};
use super::read_photo;
use crate::content::model::{PhotoFile, Site};
use crate::facts::consent::withdrawn as withdrawn_on;
use crate::text::date::Date;

/// A withdrawn photo that could be read: its profile, its cache key and its length.
#[derive(Debug, Clone)]
pub struct Withdrawn {
    pub profile: usize,
    pub on: Date,
    pub key: String,
    pub len: u64,
}

/// Every withdrawn photo of the site whose file can still be read.
pub fn withdrawn(site: &Site) -> Vec<Withdrawn> {
    site.profiles
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let on = withdrawn_on(p)?;
            let Some(PhotoFile::Found { path, .. }) = &p.photo_file else {
                return None;
            };
            let bytes = read_photo(path, "").ok()?;
            Some(Withdrawn {
                profile: i,
                on,
                key: key(&bytes),
                len: bytes.len() as u64,
            })
        })
        .collect()
}

/// The withdrawn photo whose bytes the file at `path` has, if any (a file of another
/// length is not read).
pub fn same_as<'w>(withdrawn: &'w [Withdrawn], path: &Path) -> Option<&'w Withdrawn> {
    let len = fs::metadata(path).ok()?.len();
    if !withdrawn.iter().any(|w| w.len == len) {
        return None;
    }
    let k = key(&read_photo(path, "").ok()?);
    withdrawn.iter().find(|w| w.key == k)
}

/// Removes from the cache in `dir` every entry made from a withdrawn photo.
pub fn evict(dir: &Path, withdrawn: &[Withdrawn]) {
    let cache = Cache::new(dir);
    for w in withdrawn {
        cache.evict(&w.key);
    }
}
