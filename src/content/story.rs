//! Stories kept on disk. A site of 100,000 profiles holds half a gigabyte of Markdown;
//! once every profile is checked, a large site lets its stories (and the front-matter
//! text kept for diagnostics) go, and reads each story again when its page and its search
//! entry are made. A story read again must be the text that was checked: a file changed
//! during the build stops it. What the `privacy` rule looks for in a story is found
//! before the story is let go, so checking never reads a story twice.

use std::borrow::Cow;
use std::fs;
use std::path::Path;

use rayon::prelude::*;

use super::frontmatter::split;
use super::load::decode;
use super::model::{Profile, Site};
use super::source::{Span, snippet};
use crate::diag::{Diagnostic, Rule};
use crate::text::personal::findings;

/// Sites with more Markdown than this (bytes) let their stories go after the check.
pub const KEEP_BYTES: usize = 96 << 20;

fn hash(text: &str) -> [u8; 32] {
    *blake3::hash(text.as_bytes()).as_bytes()
}

impl Site {
    /// On a large site (more than `keep` bytes of stories, or some let go already while
    /// reading), lets every story go, with the text of front-matters that no later
    /// diagnostic will quote (those without a photo); returns whether it did.
    pub fn release_texts(&mut self, keep: usize) -> bool {
        let held: usize = self.profiles.iter().map(|p| p.body.len()).sum();
        let large = held > keep || self.profiles.iter().any(|p| p.body_hash.is_some());
        if !large {
            return false;
        }
        self.profiles.par_iter_mut().for_each(|p| {
            p.release_story();
            if p.photo.is_none() {
                p.doc.text = "".into();
            }
        });
        true
    }

    /// The story of profile `i`: from memory, or read again from its file.
    pub fn story(&self, i: usize) -> Result<Cow<'_, str>, String> {
        self.profiles[i].story(&self.root)
    }
}

impl Profile {
    /// Lets the story go, keeping its hash (see [`Profile::story`]) and what in it looks
    /// like personal data.
    pub fn release_story(&mut self) {
        if self.body_hash.is_none() {
            self.story_privacy = Some(self.story_personal_data());
            self.body_hash = Some(hash(&self.body));
            self.body = String::new();
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

    /// The story: from memory, or read again from the file under `root`.
    pub fn story(&self, root: &Path) -> Result<Cow<'_, str>, String> {
        let Some(expected) = self.body_hash else {
            return Ok(Cow::Borrowed(&self.body));
        };
        let file = self.file();
        let changed = || format!("{file}: changed while the site was being built; build again");
        let bytes = fs::read(root.join(file)).map_err(|e| format!("{file}: {e}"))?;
        let text = decode(file, bytes).map_err(|_| changed())?;
        let body = split(&text).map_err(|_| changed())?.body;
        if hash(body) != expected {
            return Err(changed());
        }
        Ok(Cow::Owned(body.to_string()))
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
        p.release_story();
        assert!(p.body.is_empty());
        assert_eq!(p.story_personal_data(), before);
    }

    #[test]
    fn a_released_story_reads_back_the_same_or_says_it_changed() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path();
        let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        for entry in walkdir::WalkDir::new(&sample) {
            let entry = entry.expect("walk");
            let to = root
                .join("content")
                .join(entry.path().strip_prefix(&sample).expect("inside"));
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).expect("mkdir");
            } else {
                std::fs::copy(entry.path(), &to).expect("copy");
            }
        }
        let mut site = load(root).expect("load").site;
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
        site.profiles[i].release_story();
        assert!(
            site.release_texts(usize::MAX),
            "stories let go while reading make the site large"
        );
        assert!(site.release_texts(0));
        assert!(site.profiles.iter().all(|p| p.body.is_empty()));
        assert!(site.profiles[i].body.is_empty());
        assert!(
            site.profiles[i].doc.text.is_empty(),
            "no photo: nothing to quote later"
        );
        assert_eq!(site.story(i).expect("read again"), before);

        let path = root.join(site.profiles[i].file());
        let text = std::fs::read_to_string(&path).expect("read");
        std::fs::write(&path, text.replace(before.trim(), "Một câu khác.")).expect("write");
        let err = site.story(i).expect_err("changed");
        assert!(
            err.contains("changed while the site was being built"),
            "{err}"
        );
    }
}
