//! Stories packed in memory. A site of 100,000 profiles holds a quarter of a gigabyte of
//! Markdown; past the first 96 MiB, a large site keeps each story compressed (zstd with a
//! dictionary trained on the first of them, `content::pack`) and unpacks it when its page
//! and its search entry are made: no file is read twice, and the build uses exactly the
//! text it checked. Once every profile is checked, every story is packed, so is the
//! evidence of the criteria (which only the page reads then), and the text of
//! front-matters that no later diagnostic will quote goes too. What the `privacy` rule
//! looks for in a story is found before the story is packed, so checking never unpacks
//! one.

use std::borrow::Cow;
use std::sync::Arc;

use rayon::prelude::*;

use super::model::{Profile, Site};
use super::pack::{Dict, Packed};
use super::source::{At, Span, snippet};
use crate::diag::{Diagnostic, Rule};
use crate::text::personal::findings;

/// Sites with more Markdown than this (bytes) pack their stories.
pub const KEEP_BYTES: usize = 96 << 20;

/// Criteria of this many profiles at most teach the criteria's dictionary.
const CRITERIA_SAMPLES: usize = 4096;

/// A criterion's evidence as a page shows it: the criterion's key and its text.
pub type Evidence = (String, Option<String>);

/// The criteria of a profile in one buffer: for each, the key's length (4 bytes,
/// little-endian) and bytes, then the evidence's length and bytes (`u32::MAX` for none).
fn encode_criteria(criteria: &[(At<String>, Option<At<String>>)]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut field = |s: Option<&str>| -> Option<()> {
        match s {
            Some(s) => {
                out.extend_from_slice(&u32::try_from(s.len()).ok()?.to_le_bytes());
                out.extend_from_slice(s.as_bytes());
            }
            None => out.extend_from_slice(&u32::MAX.to_le_bytes()),
        }
        Some(())
    };
    for (key, evidence) in criteria {
        field(Some(&key.value))?;
        field(evidence.as_ref().map(|e| e.value.as_str()))?;
    }
    Some(out)
}

/// The criteria `encode_criteria` wrote.
fn decode_criteria(bytes: &[u8]) -> Result<Vec<Evidence>, String> {
    let mut at = bytes;
    let field = |at: &mut &[u8]| -> Result<Option<String>, String> {
        let (len, rest) = at.split_at_checked(4).ok_or("cut short")?;
        let len = u32::from_le_bytes(len.try_into().map_err(|_| "cut short")?);
        if len == u32::MAX {
            *at = rest;
            return Ok(None);
        }
        let (text, rest) = rest.split_at_checked(len as usize).ok_or("cut short")?;
        *at = rest;
        let text = simdutf8::basic::from_utf8(text).map_err(|e| e.to_string())?;
        Ok(Some(text.to_owned()))
    };
    let mut out = Vec::new();
    while !at.is_empty() {
        let key = field(&mut at)?.ok_or("a criterion without its key")?;
        out.push((key, field(&mut at)?));
    }
    Ok(out)
}

impl Site {
    /// On a large site (more than `keep` bytes of stories, or some packed already while
    /// reading), packs every story and lets go of what only checking needed: the keys
    /// written, and the text of front-matters that no later diagnostic will quote (those
    /// without a photo); returns whether it did.
    pub fn release_texts(&mut self, keep: usize) -> bool {
        let held: usize = self.profiles.iter().map(|p| p.body.len()).sum();
        let large = held > keep || self.profiles.iter().any(|p| p.packed_story.is_some());
        if !large {
            return false;
        }
        let (stories, criteria) = (self.story_dict(), self.criteria_dict());
        self.profiles.par_iter_mut().for_each(|p| {
            p.release_story(stories.as_ref());
            p.release_criteria(criteria.as_ref());
            p.keys = Vec::new();
            if p.photo.is_none() {
                p.doc.text = "".into();
            }
        });
        true
    }

    /// The dictionary the stories packed while reading were packed with, or one trained
    /// on the stories held.
    fn story_dict(&self) -> Option<Arc<Dict>> {
        let packed = self.profiles.iter().find_map(|p| p.packed_story.as_ref());
        match packed {
            Some(p) => p.dict().cloned(),
            None => Dict::train(self.profiles.iter().map(|p| p.body.as_bytes())),
        }
    }

    /// A dictionary for the criteria, trained on those of profiles spread over the site.
    fn criteria_dict(&self) -> Option<Arc<Dict>> {
        let step = self.profiles.len().div_ceil(CRITERIA_SAMPLES).max(1);
        let samples: Vec<Vec<u8>> = self
            .profiles
            .iter()
            .step_by(step)
            .filter_map(|p| encode_criteria(&p.criteria))
            .collect();
        Dict::train(samples.iter().map(Vec::as_slice))
    }

    /// The story of profile `i`.
    pub fn story(&self, i: usize) -> Result<Cow<'_, str>, String> {
        self.profiles[i].story()
    }
}

impl Profile {
    /// Packs the story (see [`Profile::story`]), keeping what in it looks like personal
    /// data.
    pub fn release_story(&mut self, dict: Option<&Arc<Dict>>) {
        if self.packed_story.is_some() || self.body.is_empty() {
            return;
        }
        if let Some(packed) = Packed::pack(self.body.as_bytes(), dict) {
            self.story_privacy = Some(self.story_personal_data());
            self.packed_story = Some(packed);
            self.body = String::new();
        }
    }

    /// Packs the evidence of the criteria, which only the profile's page reads once
    /// checking is done (at 100,000 profiles, 170 MiB of strings become a few dozen, packed
    /// with the criteria's own dictionary).
    pub fn release_criteria(&mut self, dict: Option<&Arc<Dict>>) {
        if self.packed_criteria.is_some() || self.criteria.is_empty() {
            return;
        }
        if let Some(packed) = encode_criteria(&self.criteria).and_then(|b| Packed::pack(&b, dict)) {
            self.packed_criteria = Some(packed);
            self.criteria = Vec::new();
        }
    }

    /// Each criterion's key and evidence, in the order written: as read, or unpacked.
    pub fn evidence(&self) -> Result<Vec<Evidence>, String> {
        let Some(packed) = &self.packed_criteria else {
            let each = |(k, e): &(At<String>, Option<At<String>>)| {
                (k.value.clone(), e.as_ref().map(|e| e.value.clone()))
            };
            return Ok(self.criteria.iter().map(each).collect());
        };
        packed
            .unpack()
            .and_then(|b| decode_criteria(&b))
            .map_err(|e| format!("{}: criteria damaged in memory: {e}", self.file()))
    }

    /// The story: as read, or unpacked.
    pub fn story(&self) -> Result<Cow<'_, str>, String> {
        match &self.packed_story {
            None => Ok(Cow::Borrowed(&self.body)),
            Some(packed) => packed
                .unpack_text()
                .map(Cow::Owned)
                .map_err(|e| format!("{}: story damaged in memory: {e}", self.file())),
        }
    }

    /// `privacy` warnings for what in the story looks like personal data.
    pub fn story_personal_data(&self) -> Vec<Diagnostic> {
        if let Some(found) = &self.story_privacy {
            return found.clone();
        }
        let body = &self.body;
        findings(body)
            .into_iter()
            .map(|(range, msg)| {
                let line = self.body_line + body[..range.start].matches('\n').count() as u32;
                let snip = snippet(body, Span::new(range));
                Diagnostic::new(Rule::Privacy, self.file(), line, None, msg).with_snippet(snip)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::content::load::load;
    use crate::content::model::Profile;
    use crate::content::source::Doc;

    #[test]
    fn personal_data_in_a_story_is_found_before_it_is_let_go() {
        let mut p = Profile::empty(Doc::new("content/2024/an.md", "", 1), 2024, "an");
        p.body = "Một đoạn.\n\nGọi anh theo số 0912 345 678 nhé.\n".into();
        p.body_line = 12;
        let before = p.story_personal_data();
        assert_eq!(before.len(), 1);
        assert_eq!(before[0].line, 14);
        p.release_story(None);
        assert!(p.body.is_empty());
        assert_eq!(p.story_personal_data(), before);
    }

    #[test]
    fn a_packed_story_unpacks_the_same() {
        let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut site = load(sample).expect("load").site;
        let i = site
            .profiles
            .iter()
            .position(|p| p.photo.is_none())
            .expect("a profile");
        let before = site.story(i).expect("story").into_owned();
        assert!(!before.is_empty());
        assert!(
            !site.release_texts(usize::MAX),
            "a small site keeps its stories"
        );
        site.profiles[i].release_story(None);
        assert!(
            site.release_texts(usize::MAX),
            "stories packed while reading make the site large"
        );
        assert!(site.profiles.iter().all(|p| p.body.is_empty()));
        let packed = site.profiles[i]
            .packed_story
            .as_ref()
            .expect("packed")
            .len();
        assert!(packed < before.len(), "{packed} < {}", before.len());
        assert!(
            site.profiles[i].doc.text.is_empty(),
            "no photo: nothing to quote later"
        );
        assert_eq!(site.story(i).expect("unpacked"), before);
    }

    #[test]
    fn a_large_site_packs_with_dictionaries_of_its_own() {
        use crate::content::source::{At, Span};
        let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut site = load(sample).expect("load").site;
        let at = |s: String| At::new(s, Span::new(0..1));
        site.profiles = (0..200)
            .map(|i| {
                let file = format!("content/2024/p{i}.md");
                let mut p = Profile::empty(Doc::new(file, "", 1), 2024, &format!("p{i}"));
                p.body = format!(
                    "Chị Trần Thị {i} hoàn thành xuất sắc nhiệm vụ năm 2024 tại Phòng {}.\n\n\
                     Chị tích cực ủng hộ Quỹ Vì người nghèo, hiến máu tình nguyện lần thứ {}.\n",
                    i % 9,
                    i % 5
                );
                p.criteria = vec![(
                    at("chap-hanh".into()),
                    Some(at(format!("Gương mẫu chấp hành pháp luật; năm thứ {i}."))),
                )];
                p
            })
            .collect();
        let stories: Vec<String> = site.profiles.iter().map(|p| p.body.clone()).collect();
        let evidence: Vec<_> = site.profiles.iter().map(|p| p.evidence()).collect();
        assert!(site.release_texts(0), "more stories than kept: packed");
        for (i, p) in site.profiles.iter().enumerate() {
            let (story, criteria) = (p.packed_story.as_ref(), p.packed_criteria.as_ref());
            assert!(
                story.and_then(|s| s.dict()).is_some(),
                "story {i} with a dictionary"
            );
            assert!(
                criteria.and_then(|c| c.dict()).is_some(),
                "criteria {i} too"
            );
            assert_eq!(site.story(i).expect("unpacked"), stories[i]);
            assert_eq!(p.evidence(), evidence[i]);
        }
    }

    #[test]
    fn packed_criteria_unpack_the_same() {
        use crate::content::source::{At, Span};
        let mut p = Profile::empty(Doc::new("content/2024/an.md", "", 1), 2024, "an");
        let at = |s: &str| At::new(s.to_string(), Span::new(0..1));
        p.criteria = vec![
            (
                at("chap-hanh"),
                Some(at("Gương mẫu chấp hành; \u{0}không vi phạm.")),
            ),
            (at("\"khóa có dấu\""), None),
            (at("ba"), Some(at(""))),
        ];
        let before = p.evidence().expect("as read");
        assert_eq!(before[1], ("\"khóa có dấu\"".to_string(), None));
        p.release_criteria(None);
        assert!(p.criteria.is_empty() && p.packed_criteria.is_some());
        assert_eq!(p.evidence().expect("unpacked"), before);
        // A profile with no criteria has nothing to pack.
        let mut q = Profile::empty(Doc::new("content/2024/ba.md", "", 1), 2024, "ba");
        q.release_criteria(None);
        assert!(q.packed_criteria.is_none());
        assert_eq!(q.evidence().expect("none"), []);
    }
}
