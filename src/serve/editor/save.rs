//! Saving a draft, through the one writer (`content::edit::Writer`): an existing profile
//! is replaced only if its bytes are still those the form was opened on (else nothing is
//! written and the writer is told); a new one is created and never replaces another; a
//! photo makes the profile a bundle (`YEAR/SLUG/index.md` beside it), never overwriting a
//! file. The watcher then rebuilds the site as for any save.

use std::path::Path;

use super::draft::{Problem, prepare};
use super::form::Draft;
use super::photo::Upload;
use crate::content::edit::{EditError, Writer};
use crate::content::model::Site;

/// What a save wrote.
#[derive(Debug, Clone)]
pub struct Saved {
    /// The profile's file now, relative to the root.
    pub file: String,
    /// The hash of its bytes, for the next save.
    pub hash: String,
    /// Its page on the site.
    pub page: String,
    /// Every path the save created, moved or changed, relative to the root.
    pub paths: Vec<String>,
}

#[derive(Debug)]
pub enum SaveError {
    Problem(Problem),
    /// The file changed on disk since the form was opened: nothing was written.
    Changed,
    /// A new profile's address is taken.
    Exists(String),
    Write(EditError),
}

impl From<EditError> for SaveError {
    fn from(e: EditError) -> Self {
        match e {
            EditError::Changed(_) => SaveError::Changed,
            EditError::Exists(p) => SaveError::Exists(p),
            other => SaveError::Write(other),
        }
    }
}

/// The hash a form holds of the file it was opened on.
pub fn hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

fn inside(file: &str) -> &str {
    file.strip_prefix("content/").unwrap_or(file)
}

/// The first photo name not taken in the folder `dir` (inside `content/`).
fn free_name(w: &Writer, dir: &str, ext: &str) -> Result<String, SaveError> {
    for n in 1..100 {
        let name = match n {
            1 => format!("anh-dai-dien.{ext}"),
            n => format!("anh-dai-dien-{n}.{ext}"),
        };
        let path = w.resolve(&format!("{dir}/{name}"))?;
        if std::fs::symlink_metadata(&path).is_err() {
            return Ok(name);
        }
    }
    Err(SaveError::Exists(format!("{dir}/anh-dai-dien.{ext}")))
}

/// Saves `draft`; `base` is the hash of the file when its form was opened.
pub fn save(
    root: &Path,
    site: &Site,
    draft: &Draft,
    base: Option<&str>,
    upload: Option<&Upload>,
) -> Result<Saved, SaveError> {
    let w = Writer::open(&root.join("content"))?;
    // Where the photo will go, and under which name.
    let photo = match upload {
        Some(u) => {
            let probe = prepare(root, site, draft, None).map_err(SaveError::Problem)?;
            let dir = format!("{}/{}", probe.year, probe.slug);
            Some((dir.clone(), free_name(&w, &dir, u.ext)?, u))
        }
        None => None,
    };
    let prep = prepare(
        root,
        site,
        draft,
        photo.as_ref().map(|(_, n, _)| n.as_str()),
    )
    .map_err(SaveError::Problem)?;
    let bytes = prep.text.to_text().into_bytes();
    let mut paths = vec![prep.file.clone()];
    match (&prep.old_file, &prep.current) {
        (Some(old), Some(current)) => {
            if base != Some(hash(current).as_str()) {
                return Err(SaveError::Changed);
            }
            if let Some((dir, name, u)) = &photo {
                w.create(&format!("{dir}/{name}"), &u.bytes)?;
                paths.push(format!("content/{dir}/{name}"));
            }
            if *old != prep.file {
                w.rename(inside(old), inside(&prep.file))?;
                paths.push(old.clone());
            }
            w.replace(inside(&prep.file), current, &bytes)?;
        }
        _ => {
            let (plain, folder) = (
                format!("{}/{}.md", prep.year, prep.slug),
                format!("{}/{}", prep.year, prep.slug),
            );
            for taken in [&plain, &folder] {
                if std::fs::symlink_metadata(w.resolve(taken)?).is_ok() {
                    return Err(SaveError::Exists(format!("content/{taken}")));
                }
            }
            w.create(inside(&prep.file), &bytes)?;
            if let Some((dir, name, u)) = &photo {
                w.create(&format!("{dir}/{name}"), &u.bytes)?;
                paths.push(format!("content/{dir}/{name}"));
            }
        }
    }
    Ok(Saved {
        file: prep.file.clone(),
        hash: hash(&bytes),
        page: format!("/{}/{}/", prep.year, prep.slug),
        paths,
    })
}
