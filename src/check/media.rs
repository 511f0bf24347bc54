//! `photo`: the photo a profile names must exist inside `content/` and be an image the
//! build can decode safely (`media::verify` decoded it, or found it in the cache);
//! `invalid-value`: the text of the share card must be in letters its font has.

use super::Out;
use crate::content::load::MAX_PHOTO_SIDE;
use crate::content::model::{PhotoFile, Profile};
use crate::diag::{Msg, Rule};

pub fn photo(p: &Profile, out: &mut Out) {
    let (Some(photo), Some(file)) = (&p.photo, &p.photo_file) else {
        return;
    };
    let path = photo.value.clone();
    let msg = match file {
        PhotoFile::Found { .. } => return,
        PhotoFile::Missing => Msg::PhotoMissing { path },
        PhotoFile::WrongCase(actual) => Msg::PhotoWrongCase {
            path,
            actual: actual.clone(),
        },
        PhotoFile::Damaged(detail) => Msg::PhotoDamaged {
            path,
            detail: detail.clone(),
        },
        PhotoFile::TooHeavy => Msg::PhotoTooHeavy {
            path,
            max_mib: crate::media::photos::MAX_ALLOC >> 20,
        },
        PhotoFile::Outside => Msg::PhotoOutside { path },
        PhotoFile::NotAnImage => Msg::PhotoNotAnImage { path },
        PhotoFile::Unreadable(detail) => Msg::PhotoUnreadable {
            path,
            detail: detail.clone(),
        },
        PhotoFile::TooLarge { width, height } => Msg::PhotoTooLarge {
            path,
            width: *width,
            height: *height,
            max: MAX_PHOTO_SIDE,
        },
    };
    out.push(
        p.doc
            .diag(Rule::Photo, Some(photo.span), Some("photo"), msg),
    );
}

/// `invalid-value`: a name or position with a character the share cards' built-in font
/// cannot draw (an emoji, a letter of another script). The card would show a box; the
/// build refuses it instead, and `check` says so first.
pub fn card_text(p: &Profile, out: &mut Out) {
    for (field, value) in [("name", &p.name), ("position", &p.position)] {
        let Some(v) = value else { continue };
        if let Some(ch) = crate::media::cards::font::missing(&v.value) {
            let msg = Msg::CardGlyph {
                text: v.value.clone(),
                ch,
            };
            out.push(
                p.doc
                    .diag(Rule::InvalidValue, Some(v.span), Some(field), msg),
            );
        }
    }
}
