//! Reading a site from disk: settings, units, each year's plan and every profile (in
//! parallel), all text as NFC, each problem kept as a diagnostic.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::discover::{Discovered, discover};
use super::model::{PhotoFile, PlanState, Profile, ProfileFile, Site};
use super::pack::Dict;
use super::plan_file::read_plan;
use super::profile_file::{Location, read_profile};
use super::regular::{self, Known, NotRead, file_hash, special};
use super::site_file::{read_site, read_units, theme_missing};
use super::source::Doc;
use super::story::KEEP_BYTES;
use super::story_files;
use crate::diag::{Diagnostic, Fatal, Msg, Rule};
use crate::text::fold::nfc_owned;

/// Photos larger than this on either side are refused before decoding.
pub const MAX_PHOTO_SIDE: u32 = 12_000;

/// A site as read, and every diagnostic reading found.
pub struct Loaded {
    pub site: Site,
    pub diags: Vec<Diagnostic>,
    /// How long reading the profiles' files and parsing them took.
    pub phases: Vec<(&'static str, Duration)>,
    /// The hash of each file read ([`file_hash`]), for the build's stamp.
    pub hashes: Known,
}

/// How many profile files are read, then parsed, at a time.
const CHUNK: usize = 4096;

/// The path of `path` relative to `root`, with `/`.
pub fn rel(root: &Path, path: &Path) -> String {
    let p = path.strip_prefix(root).unwrap_or(path);
    p.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A file's text as NFC, or a `syntax` diagnostic if it is not UTF-8. Validated with
/// SIMD (simdutf8: several times faster than the standard check on Vietnamese text, whose
/// every other word has a multi-byte letter), then copied, which costs less than checking.
pub fn decode(file: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    match simdutf8::basic::from_utf8(&bytes) {
        Ok(s) => {
            let s = s.strip_prefix('\u{feff}').unwrap_or(s);
            Ok(nfc_owned(s.to_string()))
        }
        Err(_) => {
            let valid = std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), |s| s.len());
            let line = 1 + bytes[..valid].iter().filter(|&&b| b == b'\n').count() as u32;
            Err(Diagnostic::new(
                Rule::Syntax,
                file,
                line,
                None,
                Msg::InvalidUtf8,
            ))
        }
    }
}

/// The bytes of a regular file under `root`; anything else (a pipe, a socket) is never
/// opened.
pub fn read_bytes(root: &Path, path: &Path) -> Result<Vec<u8>, Fatal> {
    regular::read(path).map_err(|e| match e {
        NotRead::Special(kind) => Fatal::NotAFile {
            path: rel(root, path),
            kind,
        },
        NotRead::Io(e) => Fatal::Unreadable {
            path: rel(root, path),
            detail: e.to_string(),
        },
    })
}

/// Whether the settings file at `path` is there; a pipe or a socket in its place is a
/// fatal problem of its own, not a missing file.
fn present(root: &Path, path: &Path) -> Result<bool, Fatal> {
    match fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(true),
        Ok(m) => match special(m.file_type()) {
            Some(kind) => Err(Fatal::NotAFile {
                path: rel(root, path),
                kind,
            }),
            None => Ok(false),
        },
        Err(_) => Ok(false),
    }
}

/// Reads a whole TOML file into a [`Doc`], or the diagnostic that says why not; keeps the
/// hash of its bytes in `hashes`.
fn toml_doc(
    root: &Path,
    path: &Path,
    hashes: &mut Known,
) -> Result<Result<Doc, Diagnostic>, Fatal> {
    let file = rel(root, path);
    let bytes = read_bytes(root, path)?;
    hashes.insert(file.clone(), file_hash(&file, &bytes));
    Ok(decode(&file, bytes).map(|text| Doc::new(file, text, 1)))
}

/// Reads the site under `root`. Fatal problems (exit 2) are returned as `Err`.
pub fn load(root: &Path) -> Result<Loaded, Vec<Fatal>> {
    if !root.is_dir() {
        return Err(vec![Fatal::RootMissing {
            path: root.display().to_string(),
        }]);
    }
    let content = root.join("content");
    let site_path = content.join("site.toml");
    if !present(root, &site_path).map_err(|f| vec![f])? {
        return Err(vec![Fatal::NotASite {
            path: root.display().to_string(),
        }]);
    }
    let units_path = content.join("units.toml");
    if !present(root, &units_path).map_err(|f| vec![f])? {
        return Err(vec![Fatal::UnitsMissing {
            path: rel(root, &units_path),
        }]);
    }
    let mut diags = Vec::new();
    let mut fatals = Vec::new();
    let mut hashes = Known::new();

    let mut config = Default::default();
    match toml_doc(root, &site_path, &mut hashes) {
        Ok(Ok(doc)) => {
            let (c, d) = read_site(&doc);
            diags.extend(d);
            diags.extend(theme_missing(root, &doc, &c));
            config = c;
        }
        Ok(Err(d)) => diags.push(d),
        Err(f) => fatals.push(f),
    }
    let mut units = Vec::new();
    match toml_doc(root, &units_path, &mut hashes) {
        Ok(Ok(doc)) => {
            let (u, d) = read_units(&doc);
            units = u;
            diags.extend(d);
        }
        Ok(Err(d)) => diags.push(d),
        Err(f) => fatals.push(f),
    }

    let Discovered {
        years,
        found,
        statics,
        diags: placed,
        fatals: refused,
    } = discover(root, &content);
    diags.extend(placed);
    fatals.extend(refused);
    let mut plans = BTreeMap::new();
    for (year, dir) in &years {
        let plan_path = dir.join("_plan.toml");
        let state = if !plan_path.is_file() {
            PlanState::Missing
        } else {
            match toml_doc(root, &plan_path, &mut hashes) {
                Ok(Ok(doc)) => {
                    let (plan, d) = read_plan(&doc, *year);
                    diags.extend(d);
                    match plan {
                        Some(p) => PlanState::Valid(Box::new(p)),
                        None => PlanState::Invalid { file: doc.file },
                    }
                }
                Ok(Err(d)) => {
                    diags.push(d);
                    PlanState::Invalid {
                        file: rel(root, &plan_path),
                    }
                }
                Err(f) => {
                    fatals.push(f);
                    PlanState::Invalid {
                        file: rel(root, &plan_path),
                    }
                }
            }
        };
        plans.insert(*year, state);
    }

    let content_real = content.canonicalize().unwrap_or(content.clone());
    let mut profiles = Vec::with_capacity(found.len());
    let (mut reading, mut parsing) = (Duration::ZERO, Duration::ZERO);
    let mut kept = 0;
    let mut dict: Option<Option<std::sync::Arc<Dict>>> = None;
    // A chunk at a time, so that the bytes of 100,000 files are never held at once.
    for chunk in found.chunks(CHUNK) {
        let at = Instant::now();
        let bytes: Vec<_> = chunk
            .par_iter()
            .map(|f| {
                let bytes = read_bytes(root, &f.path)?;
                let file = rel(root, &f.path);
                Ok((file_hash(&file, &bytes), file, bytes))
            })
            .collect();
        reading += at.elapsed();
        let at = Instant::now();
        let parsed: Vec<_> = chunk
            .par_iter()
            .zip(bytes)
            .map(|(f, read)| {
                read.map(|(hash, file, b)| ((file, hash), parse_one(root, &content_real, f, b)))
            })
            .collect();
        let mut read = Vec::with_capacity(parsed.len());
        for r in parsed {
            match r {
                Ok(((file, hash), (p, d))) => {
                    hashes.insert(file, hash);
                    read.extend(p);
                    diags.extend(d);
                }
                Err(f) => fatals.push(f),
            }
        }
        // Past the first stories of a large site, every story is packed (content::story).
        let first_let_go = read
            .iter()
            .position(|p| {
                kept += p.body.len();
                kept > KEEP_BYTES
            })
            .unwrap_or(read.len());
        if first_let_go < read.len() && dict.is_none() {
            // The stories kept teach the dictionary the others are packed with.
            let kept = profiles.iter().chain(&read[..first_let_go]);
            dict = Some(Dict::train(kept.map(|p: &Profile| p.body.as_bytes())));
        }
        let dict = dict.as_ref().and_then(Option::as_ref);
        read[first_let_go..]
            .par_iter_mut()
            .for_each(|p| p.release_story(dict));
        parsing += at.elapsed();
        profiles.extend(read);
    }
    if !fatals.is_empty() {
        return Err(fatals);
    }
    let files = found
        .iter()
        .map(|f| ProfileFile {
            year: f.year,
            slug: f.slug.clone(),
            file: rel(root, &f.path),
        })
        .collect();
    let site = Site {
        root: root.to_path_buf(),
        config,
        units,
        plans,
        profiles,
        files,
        statics,
    };
    Ok(Loaded {
        site,
        diags,
        phases: vec![("read files", reading), ("parse", parsing)],
        hashes,
    })
}

/// A profile file on disk.
pub(crate) struct Found {
    pub year: u16,
    pub slug: String,
    pub path: PathBuf,
    pub bundle: bool,
}

pub(crate) fn hidden(name: &str) -> bool {
    name.starts_with('_') || name.starts_with('.')
}

pub(crate) fn read_one(
    root: &Path,
    content_real: &Path,
    f: &Found,
) -> Result<(Option<Profile>, Vec<Diagnostic>), Fatal> {
    let bytes = read_bytes(root, &f.path)?;
    Ok(parse_one(root, content_real, f, bytes))
}

/// A profile from the bytes of its file.
fn parse_one(
    root: &Path,
    content_real: &Path,
    f: &Found,
    bytes: Vec<u8>,
) -> (Option<Profile>, Vec<Diagnostic>) {
    let file = rel(root, &f.path);
    let text = match decode(&file, bytes) {
        Ok(t) => t,
        Err(d) => return (None, vec![d]),
    };
    let loc = Location {
        file: &file,
        year: f.year,
        slug: &f.slug,
        bundle: f.bundle,
    };
    let (mut profile, diags) = read_profile(&loc, &text);
    if let Some(p) = profile.as_mut() {
        let dir = f.path.parent().unwrap_or(root);
        if let Some(photo) = &p.photo {
            p.photo_file = Some(locate_photo(content_real, dir, &photo.value));
        }
        story_files::locate_all(content_real, dir, &mut p.story_facts);
    }
    (profile, diags)
}

/// Finds a photo named relative to its profile's folder, refusing anything that leads
/// outside `content/` (a `..`, an absolute path, a symbolic link pointing out).
pub fn locate_photo(content_real: &Path, dir: &Path, name: &str) -> PhotoFile {
    let rel_path = Path::new(name);
    if rel_path
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return PhotoFile::Outside;
    }
    let path = dir.join(rel_path);
    let real = match path.canonicalize() {
        Ok(real) => real,
        Err(_) => {
            let near = match (path.parent(), path.file_name()) {
                (Some(parent), Some(file)) => {
                    story_files::near_name(parent, &file.to_string_lossy())
                }
                _ => None,
            };
            return near.map_or(PhotoFile::Missing, PhotoFile::WrongCase);
        }
    };
    if !real.starts_with(content_real) {
        return PhotoFile::Outside;
    }
    if !real.is_file() {
        return PhotoFile::Missing;
    }
    let mut head = [0u8; 64];
    let n = match fs::File::open(&real).and_then(|mut f| io::Read::read(&mut f, &mut head)) {
        Ok(n) => n,
        Err(e) => return PhotoFile::Unreadable(e.to_string()),
    };
    let format = match image::guess_format(&head[..n]) {
        Ok(f @ (image::ImageFormat::Jpeg | image::ImageFormat::Png | image::ImageFormat::WebP)) => {
            f
        }
        _ => return PhotoFile::NotAnImage,
    };
    let reader = match image::ImageReader::open(&real) {
        Ok(mut r) => {
            r.set_format(format);
            r
        }
        Err(e) => return PhotoFile::Unreadable(e.to_string()),
    };
    match reader.into_dimensions() {
        Ok((width, height)) if width > MAX_PHOTO_SIDE || height > MAX_PHOTO_SIDE => {
            PhotoFile::TooLarge { width, height }
        }
        Ok((width, height)) => PhotoFile::Found {
            path: real,
            width,
            height,
        },
        Err(e) => PhotoFile::Unreadable(e.to_string()),
    }
}
