//! `consent`: the record of consent holds together (errors: dates out of order,
//! `withdrawn` without `photo`, `withdrawn_story` without `withdrawn`, both forms at
//! once); `photo_consent = true` still works but has no date, so a warning suggests the
//! record; a photo with the bytes of one whose consent was withdrawn is not published
//! (a warning says so). What may be published is decided in `facts::consent` alone.

use super::Out;
use crate::content::model::{PhotoFile, Profile, Site};
use crate::diag::{Msg, Rule};
use crate::facts::consent::photo_allowed;
use crate::media::photos::{same_as, withdrawn};

pub fn record(p: &Profile, out: &mut Out) {
    let legacy = &p.photo_consent;
    let Some(rec) = &p.consent else {
        if let Some(c) = legacy.as_ref().filter(|c| c.value)
            && p.photo.is_some()
        {
            let d = p.doc.diag(
                Rule::Consent,
                Some(c.span),
                Some("photo_consent"),
                Msg::LegacyConsent,
            );
            out.push(d.warning());
        }
        return;
    };
    if let Some(c) = legacy {
        out.push(p.doc.diag(
            Rule::Consent,
            Some(c.span),
            Some("photo_consent"),
            Msg::ConsentBothForms,
        ));
    }
    match (&rec.photo, &rec.withdrawn) {
        (None, None) => out.push(p.doc.diag(
            Rule::MissingField,
            rec.header,
            Some("consent.photo"),
            Msg::MissingField {
                key: "consent.photo".into(),
            },
        )),
        (None, Some(w)) => out.push(p.doc.diag(
            Rule::Consent,
            Some(w.span),
            Some("consent.withdrawn"),
            Msg::ConsentWithdrawnWithoutPhoto,
        )),
        (Some(given), Some(w)) if w.value < given.value => {
            let msg = Msg::ConsentWithdrawnBeforeGiven {
                photo: given.value,
                withdrawn: w.value,
            };
            out.push(
                p.doc
                    .diag(Rule::Consent, Some(w.span), Some("consent.withdrawn"), msg),
            );
        }
        _ => {}
    }
    if let (Some(story), None) = (&rec.withdrawn_story, &rec.withdrawn)
        && story.value
    {
        out.push(p.doc.diag(
            Rule::Consent,
            Some(story.span),
            Some("consent.withdrawn_story"),
            Msg::ConsentStoryWithoutWithdrawn,
        ));
    }
}

/// A photo that would be published but has the bytes of one whose consent was withdrawn.
pub fn same_withdrawn_photo(site: &Site, out: &mut Out) {
    let gone = withdrawn(site);
    if gone.is_empty() {
        return;
    }
    for p in &site.profiles {
        let Some(PhotoFile::Found { path, .. }) = &p.photo_file else {
            continue;
        };
        if !photo_allowed(p) {
            continue;
        }
        let Some(w) = same_as(&gone, path) else {
            continue;
        };
        let msg = Msg::SameWithdrawnPhoto {
            other: site.profiles[w.profile].file().to_string(),
            date: w.on,
        };
        let span = p.photo.as_ref().map(|x| x.span);
        let d = p.doc.diag(Rule::Consent, span, Some("photo"), msg);
        out.push(d.warning());
    }
}
