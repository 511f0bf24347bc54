//! What a person agreed to have published: the one answer every room asks (photos,
//! share cards, the print board, search, story files). Consent is written either as the
//! record `[consent]` (the day it was given, the day it was withdrawn, whether the story
//! goes too: SPEC §1) or, from before that record, as `photo_consent = true`. Both at once
//! is a `consent` error, and then nothing is published. The consent register of
//! `check --consent` is built here too.

use crate::content::model::{PhotoFile, Profile, Site};
use crate::text::date::Date;

/// What a profile says of consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consent {
    /// Nothing: no photo may be published.
    None,
    /// `photo_consent = true`, without a date.
    Undated,
    /// `[consent] photo`: given on that day.
    Given { since: Date },
    /// `[consent] withdrawn`: given (when the record says so), then withdrawn; `story`:
    /// the story was withdrawn too.
    Withdrawn {
        given: Option<Date>,
        on: Date,
        story: bool,
    },
    /// Both forms at once, or a record that says nothing: nothing is published.
    Unclear,
}

/// What the profile's front-matter says of consent.
pub fn consent(p: &Profile) -> Consent {
    let legacy = p.photo_consent.as_ref().map(|c| c.value);
    let Some(rec) = &p.consent else {
        return match legacy {
            Some(true) => Consent::Undated,
            _ => Consent::None,
        };
    };
    if legacy.is_some() {
        return Consent::Unclear;
    }
    let given = rec.photo.as_ref().map(|d| d.value);
    let story = rec.withdrawn_story.as_ref().is_some_and(|s| s.value);
    match (given, &rec.withdrawn) {
        (_, Some(on)) => Consent::Withdrawn {
            given,
            on: on.value,
            story,
        },
        (Some(since), None) => Consent::Given { since },
        (None, None) => Consent::Unclear,
    }
}

/// Whether the profile's photo may be published anywhere (pages, cards, the board).
pub fn photo_allowed(p: &Profile) -> bool {
    matches!(consent(p), Consent::Undated | Consent::Given { .. })
}

/// Whether the profile's story (and the files beside it, its summary and its evidence)
/// may be published: not once the person asked for it to be taken down. The recognition
/// itself (name, kind, position, unit, year, decisions) is the agency's public act and
/// stays.
pub fn story_allowed(p: &Profile) -> bool {
    !p.consent
        .as_ref()
        .and_then(|c| c.withdrawn_story.as_ref())
        .is_some_and(|s| s.value)
}

/// The day consent to the photo was withdrawn, if it was.
pub fn withdrawn(p: &Profile) -> Option<Date> {
    match consent(p) {
        Consent::Withdrawn { on, .. } => Some(on),
        _ => None,
    }
}

/// One line of the consent register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Index of the profile in the site.
    pub profile: usize,
    pub consent: Consent,
    /// Whether a photo is named, and found.
    pub photo: bool,
}

/// The register the Council's standing body keeps: every profile that names a photo or
/// says anything of consent, newest year first, then by file.
pub fn register(site: &Site) -> Vec<Entry> {
    let mut out: Vec<Entry> = site
        .profiles
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let consent = consent(p);
            let photo = matches!(p.photo_file, Some(PhotoFile::Found { .. }));
            let says = consent != Consent::None || p.photo_consent.is_some();
            (photo || p.photo.is_some() || says).then_some(Entry {
                profile: i,
                consent,
                photo,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        let (p, q) = (&site.profiles[a.profile], &site.profiles[b.profile]);
        q.year.cmp(&p.year).then_with(|| p.file().cmp(q.file()))
    });
    out
}

#[cfg(test)]
mod tests;
