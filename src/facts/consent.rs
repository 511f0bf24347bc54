//! What a person agreed to have published: the one answer every room asks (photos,
//! share cards, the print board, search). Today `photo_consent = true`; the `[consent]`
//! record of SPEC §1 (given, withdrawn, the story too) is read here when it comes.

use crate::content::model::Profile;

/// Whether the profile's photo may be published anywhere (pages, cards, the board).
pub fn photo_allowed(p: &Profile) -> bool {
    p.photo_consent.as_ref().is_some_and(|c| c.value)
}

/// Whether the profile's story (and the files beside it) may be published.
pub fn story_allowed(_p: &Profile) -> bool {
    true
}
