//! `privacy`: text that looks like personal data (a national ID number, a phone number,
//! an e-mail address) and a photo without consent. Warnings: a person decides.

use super::Out;
use crate::content::model::Profile;
use crate::content::source::Span;
use crate::diag::{Msg, Rule};
use crate::text::personal::findings;

/// The dotted key written on the line that holds `offset`, following `[table]` headers.
fn key_at(text: &str, offset: usize) -> Option<String> {
    let mut table = String::new();
    let mut key = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('[') && !trimmed.starts_with("[[") {
            table = trimmed
                .trim_matches(|c| c == '[' || c == ']')
                .trim()
                .to_string();
        } else if let Some((k, _)) = trimmed.split_once('=') {
            let k = k.trim().trim_matches('"');
            key = Some(if table.is_empty() {
                k.to_string()
            } else {
                format!("{table}.{k}")
            });
        }
        pos += line.len();
        if pos > offset {
            break;
        }
    }
    key
}

/// Personal data in the front-matter and in the story (a story let go to save memory was
/// scanned before, see `content::story`).
pub fn personal_data(p: &Profile, out: &mut Out) {
    let fm: &str = &p.doc.text;
    for (range, msg) in findings(fm) {
        let span = Span::new(range.clone());
        let field = key_at(fm, range.start);
        out.push(p.doc.diag(Rule::Privacy, Some(span), field.as_deref(), msg));
    }
    out.extend(p.story_personal_data());
}

pub fn photo_consent(p: &Profile, out: &mut Out) {
    let Some(photo) = &p.photo else { return };
    if crate::facts::consent::photo_allowed(p) {
        return;
    }
    let msg = match crate::facts::consent::withdrawn(p) {
        Some(date) => Msg::PhotoConsentWithdrawn { date },
        None => Msg::PhotoWithoutConsent,
    };
    out.push(
        p.doc
            .diag(Rule::Privacy, Some(photo.span), Some("photo"), msg),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_of_a_line() {
        let fm = "name = \"A\"\n[criteria]\nx = \"0912345678\"\n";
        assert_eq!(
            key_at(fm, fm.find("09").expect("present")).as_deref(),
            Some("criteria.x")
        );
    }
}
