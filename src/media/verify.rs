//! What checking must know from media before it judges: whether each image the build
//! would decode (a consented portrait, an image beside a published story) does decode.
//! An image already in the cache is known good without decoding (the cache is keyed by
//! content); the others are decoded, in parallel. `check` writes nothing; `build` and
//! `serve` process the images of the profiles they publish whole and keep them in the
//! cache, so the build that follows its own check decodes nothing twice. A failure is
//! written into the model (`PhotoFile::Damaged`, `StoryFile::Damaged`, …), where the
//! `photo` rule finds it.

use rayon::prelude::*;

use super::photos::{self, Failure};
use super::story_files::{self, Cache};
use crate::content::model::{PhotoFile, Profile, Site};
use crate::content::story_refs::{StoryFile, Target};
use crate::facts::consent::{photo_allowed, story_allowed};
use crate::facts::status::{Status, status};

/// Where published photo sizes and story images are kept between builds, in the root.
pub const PHOTO_CACHE: &str = ".cache/bangvang/anh";
pub const STORY_CACHE: &str = ".cache/bangvang/truyen";

/// Who asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `check`: decode what is not cached, write nothing.
    Check,
    /// `build` (pending profiles too with `drafts`) and `serve`: what this build
    /// publishes is processed and cached.
    Build { drafts: bool },
}

/// The verdicts on one profile's images: its photo's, then each story ref's by index,
/// and how many images were made (decoded, encoded and cached) to know.
struct Verdicts {
    photo: Option<Failure>,
    story: Vec<(usize, Failure)>,
    made: Made,
}

/// Images made and cached while verifying, which the build then finds in the cache: it
/// counts them as its own work.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Made {
    pub photos: usize,
    pub story_images: usize,
}

fn verdicts(site: &Site, p: &Profile, mode: Mode) -> Verdicts {
    let root = &site.root;
    let published = match mode {
        Mode::Check => false,
        Mode::Build { drafts } => match status(p, site.plan(p.year)) {
            Status::Recognised => true,
            Status::Pending => drafts,
            _ => false,
        },
    };
    let photo_cache = root.join(PHOTO_CACHE);
    let mut made = Made::default();
    let photo = match &p.photo_file {
        Some(PhotoFile::Found { path, .. }) if photo_allowed(p) => {
            match photos::verify(path, Some(&photo_cache), published) {
                Ok(true) => {
                    made.photos += 1;
                    None
                }
                Ok(false) => None,
                Err(f) => Some(f),
            }
        }
        _ => None,
    };
    let mut story = Vec::new();
    if story_allowed(p) && p.revoked.is_none() {
        let cache = Cache::new(&root.join(STORY_CACHE));
        for (i, r) in p.story_facts.refs.iter().enumerate() {
            if let Target::File {
                found:
                    StoryFile::Found {
                        path,
                        image: Some(_),
                    },
                ..
            } = &r.target
            {
                match story_files::verify(path, Some(&cache), published) {
                    Ok(true) => made.story_images += 1,
                    Ok(false) => {}
                    Err(f) => story.push((i, f)),
                }
            }
        }
    }
    Verdicts { photo, story, made }
}

fn apply(p: &mut Profile, v: Verdicts) {
    if let Some(f) = v.photo {
        p.photo_file = Some(match f {
            Failure::Damaged(detail) => PhotoFile::Damaged(detail),
            Failure::TooHeavy => PhotoFile::TooHeavy,
        });
    }
    for (i, f) in v.story {
        if let Some(Target::File { found, .. }) =
            p.story_facts.refs.get_mut(i).map(|r| &mut r.target)
        {
            *found = match f {
                Failure::Damaged(detail) => StoryFile::Damaged(detail),
                Failure::TooHeavy => StoryFile::TooHeavy,
            };
        }
    }
}

/// Decodes (or finds in the cache) every image of the site the build would decode;
/// returns how many it made and cached.
pub fn verify(site: &mut Site, mode: Mode) -> Made {
    let found: Vec<Verdicts> = site
        .profiles
        .par_iter()
        .map(|p| verdicts(site, p, mode))
        .collect();
    let mut made = Made::default();
    for (p, v) in site.profiles.iter_mut().zip(found) {
        made.photos += v.made.photos;
        made.story_images += v.made.story_images;
        apply(p, v);
    }
    made
}

/// The same for one profile read again (by `serve`), not yet in `site`.
pub fn verify_one(site: &Site, p: &mut Profile, mode: Mode) {
    let v = verdicts(site, p, mode);
    apply(p, v);
}
