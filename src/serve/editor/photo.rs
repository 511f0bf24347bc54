//! Photos in the editor: an upload (JPEG, PNG or WebP, at most 20 MB, sent as the raw
//! body) is decoded at once by `media::photos`, as a build would, and kept in memory until
//! the profile is saved; the page shows the size a profile page publishes. The photo a
//! profile already names is shown the same way.

use std::collections::{HashMap, VecDeque};
use std::io::Cursor;
use std::path::Path;
use std::sync::Mutex;

use image::{ImageFormat, ImageReader};

use crate::content::load::MAX_PHOTO_SIDE;
use crate::diag::Msg;
use crate::media::photos::{Encoded, Failure, MAX_ALLOC, process};

/// The largest photo accepted.
pub const MAX_UPLOAD: usize = 20 * 1024 * 1024;
/// Uploads kept at once (the oldest goes first).
const KEPT: usize = 4;
/// The size the page shows: the one a profile page names in `src`.
const SHOWN_WIDTH: u32 = 320;

/// A photo uploaded and not saved yet.
#[derive(Clone)]
pub struct Upload {
    pub id: String,
    pub bytes: Vec<u8>,
    /// `jpg`, `png` or `webp`.
    pub ext: &'static str,
    pub width: u32,
    pub height: u32,
    /// The published size shown, as JPEG.
    pub shown: Encoded,
}

#[derive(Default)]
pub struct Photos {
    uploads: Mutex<VecDeque<Upload>>,
    /// Shown sizes of photos on disk, by the hash of their bytes.
    shown: Mutex<HashMap<String, Encoded>>,
}

/// Why a photo was refused: words from the catalogue.
pub fn refusal(f: Failure, name: &str) -> Msg {
    match f {
        Failure::Damaged(detail) => Msg::PhotoDamaged {
            path: name.to_string(),
            detail,
        },
        Failure::TooHeavy => Msg::PhotoTooHeavy {
            path: name.to_string(),
            max_mib: MAX_ALLOC >> 20,
        },
    }
}

/// The widest size at most [`SHOWN_WIDTH`] (sizes come narrowest first), else the first.
fn shown_size(sizes: Vec<Encoded>) -> Option<Encoded> {
    let at = sizes
        .iter()
        .rposition(|e| e.width <= SHOWN_WIDTH)
        .unwrap_or(0);
    sizes.into_iter().nth(at)
}

fn format_of(bytes: &[u8]) -> Option<&'static str> {
    match image::guess_format(bytes) {
        Ok(ImageFormat::Jpeg) => Some("jpg"),
        Ok(ImageFormat::Png) => Some("png"),
        Ok(ImageFormat::WebP) => Some("webp"),
        _ => None,
    }
}

impl Photos {
    /// Decodes an upload and keeps it; the message says why not.
    pub fn upload(&self, bytes: Vec<u8>, id: String) -> Result<Upload, Msg> {
        let name = "upload";
        let Some(ext) = format_of(&bytes) else {
            return Err(Msg::PhotoNotAnImage { path: name.into() });
        };
        let (width, height) = ImageReader::new(Cursor::new(&bytes))
            .with_guessed_format()
            .map_err(|e| refusal(Failure::Damaged(e.to_string()), name))?
            .into_dimensions()
            .map_err(|e| refusal(Failure::Damaged(e.to_string()), name))?;
        if width > MAX_PHOTO_SIDE || height > MAX_PHOTO_SIDE {
            return Err(Msg::PhotoTooLarge {
                path: name.into(),
                width,
                height,
                max: MAX_PHOTO_SIDE,
            });
        }
        let sizes = process(&bytes).map_err(|f| refusal(f, name))?;
        let shown =
            shown_size(sizes).ok_or_else(|| refusal(Failure::Damaged(String::new()), name))?;
        let upload = Upload {
            id,
            bytes,
            ext,
            width,
            height,
            shown,
        };
        if let Ok(mut kept) = self.uploads.lock() {
            if kept.len() >= KEPT {
                kept.pop_front();
            }
            kept.push_back(upload.clone());
        }
        Ok(upload)
    }

    pub fn get(&self, id: &str) -> Option<Upload> {
        self.uploads
            .lock()
            .ok()?
            .iter()
            .find(|u| u.id == id)
            .cloned()
    }

    /// Forgets an upload once it is saved.
    pub fn forget(&self, id: &str) {
        if let Ok(mut kept) = self.uploads.lock() {
            kept.retain(|u| u.id != id);
        }
    }

    /// The published size of the photo at `path` (inside `content/`, found by the reader).
    pub fn shown_on_disk(&self, path: &Path, name: &str) -> Result<Encoded, Msg> {
        let bytes = std::fs::read(path).map_err(|e| Msg::PhotoUnreadable {
            path: name.into(),
            detail: e.to_string(),
        })?;
        let key = blake3::hash(&bytes).to_hex().to_string();
        if let Some(e) = self.shown.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok(e);
        }
        let sizes = process(&bytes).map_err(|f| refusal(f, name))?;
        let shown =
            shown_size(sizes).ok_or_else(|| refusal(Failure::Damaged(String::new()), name))?;
        if let Ok(mut m) = self.shown.lock() {
            if m.len() >= 64 {
                m.clear();
            }
            m.insert(key, shown.clone());
        }
        Ok(shown)
    }
}
