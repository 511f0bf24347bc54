//! Share cards (SPEC §5): a 1200×630 image beside each published profile page, each
//! year's roll and the home page, shown by Zalo, Facebook and the like when the page is
//! shared (`og:image`) and offered for download. Each card is drawn from its words and
//! picture with the built-in font, kept in a cache keyed by all of them (a rebuild with
//! nothing changed draws none and writes none), and made in parallel.

mod cache;
pub mod canvas;
pub mod design;
mod encode;
pub mod font;
pub mod layout;

pub use cache::{VERSION, key};
pub use design::{Content, FRAME_SIZE, HEIGHT, Photo, Picture, WIDTH};
pub use encode::Format;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use image::imageops::{self, FilterType};
use rayon::prelude::*;

use crate::output::Sink;
use cache::Cache;

/// The name of a card's file, without its extension, beside its page.
pub const STEM: &str = "chia-se";

/// The width of the published photo size a card's photo is cut from.
pub const PHOTO_WIDTH: u32 = 320;

/// The address of a card inside the site: `DIR/chia-se.png` (`DIR` empty for the home
/// page).
pub fn file(dir: &str, f: Format) -> String {
    let name = format!("{STEM}.{}", f.extension());
    if dir.is_empty() {
        name
    } else {
        format!("{}/{name}", dir.trim_matches('/'))
    }
}

/// Where a card's photo comes from: its key, and how to get a published size.
#[derive(Debug, Clone)]
pub struct PhotoSource {
    pub key: String,
    /// The photo cache, when the build has one.
    pub cache: Option<PathBuf>,
    /// The original file, to make the size again without a cache.
    pub original: PathBuf,
}

/// One card to make.
#[derive(Debug, Clone)]
pub struct Job {
    /// The folder of its page inside the site: `2024/nguyen-van-an`, `2024`, or empty.
    pub dir: String,
    pub content: Content,
    /// With [`Picture::Photo`]: the photo; the card shows `fallback` if it cannot be read.
    pub photo: Option<PhotoSource>,
    pub fallback: Picture,
    /// Whether to write it now (a partial rebuild writes only its pages' cards).
    pub write: bool,
}

/// A card made: its file inside the site and its format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Made {
    pub file: String,
    pub format: Format,
    pub bytes: usize,
}

/// A character of a card's text that the font cannot draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// The job whose card it is.
    pub job: usize,
    pub ch: char,
    /// The text it is in.
    pub text: String,
}

/// The cards of one build.
#[derive(Debug, Default)]
pub struct Published {
    /// For each job, its card (none when it failed).
    pub cards: Vec<Option<Made>>,
    /// Cards drawn by this build, and those taken from the cache.
    pub made: usize,
    pub reused: usize,
    pub missing: Vec<Missing>,
    /// Files that could not be made or written.
    pub errors: Vec<String>,
}

/// The photo's pixels cut to the card's frame: the published size decoded, scaled to
/// cover the frame and centred (a little above the middle, where faces are).
fn photo_pixels(src: &PhotoSource) -> Option<Photo> {
    let bytes = crate::media::photos::size_bytes(
        src.cache.as_deref(),
        &src.key,
        PHOTO_WIDTH,
        &src.original,
    )?;
    let img = image::load_from_memory_with_format(&bytes, image::ImageFormat::Jpeg)
        .ok()?
        .to_rgb8();
    let (fw, fh) = FRAME_SIZE;
    let (w, h) = img.dimensions();
    if w == 0 || h == 0 {
        return None;
    }
    // The largest part of the image with the frame's proportions.
    let (cw, ch) = if u64::from(w) * u64::from(fh) > u64::from(h) * u64::from(fw) {
        ((u64::from(h) * u64::from(fw) / u64::from(fh)) as u32, h)
    } else {
        (w, (u64::from(w) * u64::from(fh) / u64::from(fw)) as u32)
    };
    let x = (w - cw) / 2;
    let y = (h - ch) / 3;
    let part = imageops::crop_imm(&img, x, y, cw.max(1), ch.max(1)).to_image();
    let out = imageops::resize(&part, fw, fh, FilterType::Triangle);
    Some(Photo {
        width: fw,
        height: fh,
        rgb: out.into_raw(),
    })
}

/// Draws one card: its bytes and format.
pub fn make(content: &Content, photo: Option<&Photo>) -> Result<(Vec<u8>, Format), String> {
    encode::encode(&design::draw(content, photo))
}

enum Outcome {
    Done(Made, String, bool),
    Missing(char, String),
    Failed(String),
}

fn publish_one(job: &Job, cache: Option<&Cache>, sink: &dyn Sink) -> Outcome {
    let mut content = job.content.clone();
    let photo_key = job.photo.as_ref().map(|p| p.key.as_str());
    if content.picture == Picture::Photo && photo_key.is_none() {
        content.picture = job.fallback.clone();
    }
    let mut key = key(&content, photo_key);
    // A card in the cache was drawn from these very words with this very font: every
    // character of them has its glyph.
    if !job.write
        && let Some((format, size)) = cache.and_then(|c| c.peek(&key))
    {
        return Outcome::Done(made(&job.dir, format, size), key, false);
    }
    if let Some((from, format, size)) = cache.and_then(|c| c.locate(&key)) {
        let path = file(&job.dir, format);
        if let Err(e) = sink.put_file(&path, &from) {
            return Outcome::Failed(e);
        }
        return Outcome::Done(made(&job.dir, format, size), key, false);
    }
    if let Some((ch, text)) = design::missing(&job.content) {
        return Outcome::Missing(ch, text);
    }
    let pixels = match (&content.picture, &job.photo) {
        (Picture::Photo, Some(src)) => photo_pixels(src),
        _ => None,
    };
    if content.picture == Picture::Photo && pixels.is_none() {
        content.picture = job.fallback.clone();
        key = cache::key(&content, None);
    }
    let (bytes, format) = match make(&content, pixels.as_ref()) {
        Ok(drawn) => drawn,
        Err(e) => return Outcome::Failed(format!("{}: {e}", file(&job.dir, Format::Png))),
    };
    if let Some(c) = cache {
        c.store(&key, &bytes, format);
    }
    let path = file(&job.dir, format);
    if job.write
        && let Err(e) = sink.put(&path, &bytes)
    {
        return Outcome::Failed(e);
    }
    Outcome::Done(made(&job.dir, format, bytes.len() as u64), key, true)
}

fn made(dir: &str, format: Format, size: u64) -> Made {
    Made {
        file: file(dir, format),
        format,
        bytes: size as usize,
    }
}

/// Makes every card of `jobs` into `sink`, in parallel. With `cache_dir`, reuses what an
/// earlier build drew, and after a whole build (`prune`) removes the cards this one did
/// not use.
pub fn publish(
    jobs: &[Job],
    cache_dir: Option<&Path>,
    prune: bool,
    sink: &dyn Sink,
    progress: bool,
) -> Published {
    let cache = cache_dir.map(Cache::new);
    let bar = super::progress::bar(jobs.len(), "thẻ chia sẻ", progress);
    let outcomes: Vec<Outcome> = jobs
        .par_iter()
        .map(|job| {
            let o = publish_one(job, cache.as_ref(), sink);
            bar.inc(1);
            o
        })
        .collect();
    bar.finish_and_clear();
    let mut out = Published {
        cards: Vec::with_capacity(jobs.len()),
        ..Published::default()
    };
    let mut used = HashSet::new();
    for (job, o) in outcomes.into_iter().enumerate() {
        match o {
            Outcome::Done(made, key, drawn) => {
                *if drawn {
                    &mut out.made
                } else {
                    &mut out.reused
                } += 1;
                used.insert(key);
                out.cards.push(Some(made));
            }
            Outcome::Missing(ch, text) => {
                out.missing.push(Missing { job, ch, text });
                out.cards.push(None);
            }
            Outcome::Failed(e) => {
                out.errors.push(e);
                out.cards.push(None);
            }
        }
    }
    if let Some(c) = cache
        .as_ref()
        .filter(|_| prune && out.missing.is_empty() && out.errors.is_empty())
    {
        c.prune(&used);
    }
    out
}

#[cfg(test)]
mod tests;
