//! A draft judged as `check` judges a file: the text a save would write, read by the same
//! reader (`content::profile_file::read_profile`) and checked by the same rules
//! (`check::check_profile`, `check::check_across`) on the site with the draft in its
//! place, in the same words (the catalogue). Nothing is written.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::form::{self, Draft};
use super::photo::Upload;
use super::schema::Form;
use crate::check::{check_across, check_profile};
use crate::content::edit::Writer;
use crate::content::edit::front_matter::{ProfileText, Refusal, Shown};
use crate::content::load::{decode, locate_photo};
use crate::content::model::{PhotoFile, Profile, ProfileFile, Site};
use crate::content::profile_file::{Location, read_profile};
use crate::diag::{self, Diagnostic, Lang, Severity};
use crate::facts::consent::photo_allowed;
use crate::facts::status::status;
use crate::render::avatar;
use crate::render::markdown::to_html;
use crate::text::slug::{YEAR_RESERVED, is_valid_id, slugify};

/// A diagnostic as the page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct DiagView {
    pub severity: &'static str,
    pub rule: &'static str,
    pub file: String,
    pub line: u32,
    pub field: Option<String>,
    pub message: String,
    pub hint: String,
}

pub fn view(d: &Diagnostic, lang: Lang) -> DiagView {
    DiagView {
        severity: match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        rule: d.rule.name(),
        file: d.file.clone(),
        line: d.line,
        field: d.field.clone(),
        message: d.msg.text(lang),
        hint: d.msg.hint(lang),
    }
}

/// Why a draft cannot be made into a file.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The file is not a profile of the site.
    NotAProfile,
    /// The year has no valid plan to build the form from.
    NoPlan,
    /// A new profile without a name, or with an address that is not a slug.
    BadSlug(String),
    /// The file cannot be edited in place (see [`Refusal`]).
    Refused(Refusal),
    Unreadable(String),
}

/// A draft made into the text a save would write.
pub struct Prepared {
    /// Where the profile will be, relative to the root (`content/2024/x.md`).
    pub file: String,
    /// Where it is now, for a profile that exists.
    pub old_file: Option<String>,
    pub year: u16,
    pub slug: String,
    pub bundle: bool,
    /// The file's bytes now, for a profile that exists.
    pub current: Option<Vec<u8>>,
    pub text: ProfileText,
    pub form: Form,
}

/// The year, slug and path inside `content/` of a profile's file: `content/YEAR/SLUG.md`
/// or `content/YEAR/SLUG/index.md`, of a year the site has, and nothing else (the model
/// may not have read a file saved a moment ago yet; the shape of its path is enough).
pub fn place<'f>(site: &Site, file: &'f str) -> Option<(u16, &'f str, &'f str)> {
    let rel = file.strip_prefix("content/")?;
    let parts: Vec<&str> = rel.split('/').collect();
    let (year, slug) = match parts.as_slice() {
        [year, name] => (*year, name.strip_suffix(".md")?),
        [year, slug, "index.md"] => (*year, *slug),
        _ => return None,
    };
    let year: u16 = (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()))
        .then(|| year.parse().ok())
        .flatten()?;
    (site.plans.contains_key(&year) && is_valid_id(slug)).then_some((year, slug, rel))
}

/// The year's form, if its plan is valid.
pub fn form_of(site: &Site, year: u16) -> Result<Form, Problem> {
    let plan = site.plan(year).ok_or(Problem::NoPlan)?;
    Ok(Form::new(site, year, plan))
}

/// The text a save of `draft` would write, and where. `photo` is the name the upload
/// will have, if there is one.
pub fn prepare(
    root: &Path,
    site: &Site,
    draft: &Draft,
    photo: Option<&str>,
) -> Result<Prepared, Problem> {
    let (year, slug, old_file, bundle, current, mut text) = match &draft.file {
        Some(file) => {
            let (year, slug, rel) = place(site, file).ok_or(Problem::NotAProfile)?;
            let path = Writer::open(&root.join("content"))
                .and_then(|w| w.resolve(rel))
                .map_err(|_| Problem::NotAProfile)?;
            if !path.is_file() {
                return Err(Problem::NotAProfile);
            }
            let bytes = std::fs::read(path).map_err(|e| Problem::Unreadable(e.to_string()))?;
            let raw = String::from_utf8(bytes.clone())
                .map_err(|_| Problem::Refused(Refusal::Formatting))?;
            let text = ProfileText::parse(&raw).map_err(Problem::Refused)?;
            let bundle = file.ends_with("/index.md");
            (
                year,
                slug.to_string(),
                Some(file.clone()),
                bundle,
                Some(bytes),
                text,
            )
        }
        None => {
            let name = match draft.edits.get("name") {
                Some(serde_json::Value::String(n)) => n.clone(),
                _ => String::new(),
            };
            let slug = draft
                .slug
                .clone()
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| slugify(&name));
            if !is_valid_id(&slug) || YEAR_RESERVED.contains(&slug.as_str()) {
                return Err(Problem::BadSlug(slug));
            }
            (draft.year, slug, None, false, None, ProfileText::new_file())
        }
    };
    let form = form_of(site, year)?;
    form::apply(&mut text, &form, draft, current.is_none());
    if let Some(name) = photo {
        form::set_photo(&mut text, &form, Some(name));
    } else if draft.remove_photo {
        form::set_photo(&mut text, &form, None);
    }
    let bundle = bundle || photo.is_some();
    let file = match (&old_file, bundle) {
        (Some(f), true) if f.ends_with("/index.md") => f.clone(),
        (_, true) => format!("content/{year}/{slug}/index.md"),
        (_, false) => format!("content/{year}/{slug}.md"),
    };
    Ok(Prepared {
        file,
        old_file,
        year,
        slug,
        bundle,
        current,
        text,
        form,
    })
}

/// The photo a prepared profile names, where the reader finds it.
pub fn photo_file(root: &Path, prep: &Prepared) -> Option<(PhotoFile, String)> {
    let Some(Shown::Text(name)) = prep.text.get(None, "photo") else {
        return None;
    };
    let content = root.join("content");
    let content_real = content.canonicalize().unwrap_or(content.clone());
    let dir = match prep.bundle {
        true => content.join(prep.year.to_string()).join(&prep.slug),
        false => content.join(prep.year.to_string()),
    };
    Some((locate_photo(&content_real, &dir, &name), name))
}

/// What the check says of a prepared draft, and the draft's profile when it could be read.
pub struct Judged {
    pub diags: Vec<Diagnostic>,
    pub profile: Option<Profile>,
}

/// The site with `p` in place of the profile at `old` (or beside every other profile, for
/// a new one: then an address already taken is the same slug twice).
fn with_draft(site: &Site, p: &Profile, old: Option<&str>) -> Site {
    let mut site = site.clone();
    if let Some(old) = old {
        site.profiles.retain(|q| q.file() != old);
        site.files.retain(|f| f.file != old);
    }
    let at = site
        .profiles
        .partition_point(|q| (q.year, q.file()) < (p.year, p.file()));
    site.profiles.insert(at, p.clone());
    site.files.push(ProfileFile {
        year: p.year,
        slug: p.slug.clone(),
        file: p.file().to_string(),
    });
    site.files
        .sort_by(|a, b| (a.year, &a.file).cmp(&(b.year, &b.file)));
    site
}

/// Reads and checks the prepared text exactly as `check` reads and checks a file.
pub fn judge(root: &Path, site: &Site, prep: &Prepared, upload: Option<&Upload>) -> Judged {
    let file = prep.file.clone();
    let text = match decode(&file, prep.text.to_text().into_bytes()) {
        Ok(t) => t,
        Err(d) => {
            return Judged {
                diags: vec![d],
                profile: None,
            };
        }
    };
    let loc = Location {
        file: &file,
        year: prep.year,
        slug: &prep.slug,
        bundle: prep.bundle,
    };
    let (profile, mut diags) = read_profile(&loc, &text);
    let Some(mut p) = profile else {
        return Judged {
            diags,
            profile: None,
        };
    };
    let content = root.join("content");
    let content_real = content.canonicalize().unwrap_or(content.clone());
    let dir = match prep.bundle {
        true => content.join(prep.year.to_string()).join(&prep.slug),
        false => content.join(prep.year.to_string()),
    };
    p.photo_file = match (&p.photo, upload) {
        (Some(_), Some(u)) => Some(PhotoFile::Found {
            path: PathBuf::from(format!("upload.{}", u.ext)),
            width: u.width,
            height: u.height,
        }),
        (Some(name), None) => Some(locate_photo(&content_real, &dir, &name.value)),
        (None, _) => None,
    };
    let site = with_draft(site, &p, prep.old_file.as_deref());
    diags.extend(check_profile(&site, &p));
    diags.extend(check_across(&site).into_iter().filter(|d| d.file == file));
    diag::sort(&mut diags);
    diags.dedup();
    Judged {
        diags,
        profile: Some(p),
    }
}

/// What the page shows beside a draft as it is typed.
#[derive(Debug, Serialize)]
pub struct Answer {
    pub file: String,
    pub slug: String,
    pub status: Option<&'static str>,
    pub diagnostics: Vec<DiagView>,
    pub story_html: String,
    pub photo: Option<String>,
    /// The initials the site shows when no photo is published.
    pub avatar: String,
    /// Whether the photo may be published, as the build decides it (`facts::consent`).
    pub photo_allowed: bool,
}

pub fn answer(site: &Site, prep: &Prepared, judged: &Judged, lang: Lang) -> Answer {
    let story = judged
        .profile
        .as_ref()
        .map_or(prep.text.body(), |p| p.body.as_str());
    Answer {
        file: prep.file.clone(),
        slug: prep.slug.clone(),
        status: judged
            .profile
            .as_ref()
            .map(|p| status(p, site.plan(prep.year)).name()),
        diagnostics: judged.diags.iter().map(|d| view(d, lang)).collect(),
        story_html: to_html(story),
        photo: match prep.text.get(None, "photo") {
            Some(Shown::Text(s)) => Some(s),
            _ => None,
        },
        avatar: {
            let name = judged.profile.as_ref().map_or("", |p| p.name());
            avatar::svg(&avatar::initials(name), avatar::color(name))
        },
        photo_allowed: judged.profile.as_ref().is_some_and(photo_allowed),
    }
}
