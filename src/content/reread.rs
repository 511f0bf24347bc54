//! Re-reading one profile after it changed, for `serve`: which profile a changed path
//! belongs to, and that profile read again (or gone).

use std::fs;
use std::path::{Component, Path};

use super::load::{Found, hidden, read_one, rel};
use super::model::{Profile, ProfileFile};
use crate::diag::{Diagnostic, Fatal};
use crate::text::slug::is_valid_id;

/// A profile file as it is now.
pub struct Reread {
    /// Relative to the root, with `/`.
    pub file: String,
    pub year: u16,
    pub slug: String,
    /// `None` when the file is gone or could not be read into a model.
    pub profile: Option<Profile>,
    pub diags: Vec<Diagnostic>,
    pub exists: bool,
}

impl Reread {
    pub fn profile_file(&self) -> ProfileFile {
        ProfileFile {
            year: self.year,
            slug: self.slug.clone(),
            file: self.file.clone(),
        }
    }
}

/// The profile a changed path belongs to: `content/YEAR/SLUG.md`, or anything in
/// `content/YEAR/SLUG/` (its `index.md`, its photo). `None` for every other file.
fn profile_of(root: &Path, path: &Path) -> Option<Found> {
    let inside = path.strip_prefix(root.join("content")).ok()?;
    let parts: Vec<String> = inside
        .components()
        .map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let year: u16 = match parts.first() {
        Some(y) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => y.parse().ok()?,
        _ => return None,
    };
    let name = parts.get(1)?;
    if hidden(name) {
        return None;
    }
    let year_dir = root.join("content").join(&parts[0]);
    match (parts.len(), name.strip_suffix(".md")) {
        (2, Some(stem)) => Some(Found {
            year,
            slug: stem.to_string(),
            path: year_dir.join(name),
            bundle: false,
        }),
        (2, None) if !year_dir.join(name).is_dir() => None,
        (_, _) => Some(Found {
            year,
            slug: name.clone(),
            path: year_dir.join(name).join("index.md"),
            bundle: true,
        }),
    }
}

/// Whether `found`, the profile `changed` belongs to, is one that discovery would find
/// as it is: a slug for a name, a plain file or none (not a link), and `changed` is the
/// profile's file or a file that is not Markdown (its photo).
fn plainly_a_profile(root: &Path, changed: &Path, found: &Found) -> bool {
    let named = if found.bundle {
        is_valid_id(&found.slug)
    } else {
        is_valid_id(&found.slug) && found.path.extension().is_some_and(|e| e == "md")
    };
    let not_a_link = |p: &Path| !fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
    let dir = root.join("content").join(found.year.to_string());
    let markdown = changed
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    named
        && not_a_link(&found.path)
        && not_a_link(&dir.join(&found.slug))
        && (changed == found.path || !markdown)
}

/// What a changed path is to the site.
pub enum Change {
    /// A profile, read again.
    Profile(Box<Reread>),
    /// Nothing the site is made of: a temporary file an editor wrote and removed.
    Nothing,
    /// Something else (a plan, the units, the settings, a theme): rebuild everything.
    Other,
}

/// Reads again the profile that `changed` belongs to.
pub fn reread(root: &Path, changed: &Path) -> Result<Change, Fatal> {
    let in_year_folder =
        changed.parent().and_then(Path::parent) == Some(root.join("content").as_path());
    if in_year_folder && !changed.exists() && changed.extension().is_none_or(|e| e != "md") {
        return Ok(Change::Nothing);
    }
    let Some(found) = profile_of(root, changed) else {
        return Ok(Change::Other);
    };
    if !plainly_a_profile(root, changed, &found) {
        // A name that is not a slug, a Markdown file that is not the profile's own, a
        // link: reading the whole site again says what is wrong with it.
        return Ok(Change::Other);
    }
    let file = rel(root, &found.path);
    let (year, slug) = (found.year, found.slug.clone());
    if !found.path.is_file() {
        let diags = Vec::new();
        return Ok(Change::Profile(Box::new(Reread {
            file,
            year,
            slug,
            profile: None,
            diags,
            exists: false,
        })));
    }
    let content = root.join("content");
    let content_real = content.canonicalize().unwrap_or(content);
    let (profile, diags) = read_one(root, &content_real, &found)?;
    Ok(Change::Profile(Box::new(Reread {
        file,
        year,
        slug,
        profile,
        diags,
        exists: true,
    })))
}
