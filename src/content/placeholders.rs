//! The sentences a skeleton (`new`, and `import` through the same writer) leaves for the
//! writer to replace. One list, read by the skeleton and by the `placeholder` rule, so
//! that the two cannot drift apart: a sentence added here is both written and caught.

use std::sync::OnceLock;

/// The story of a new skeleton.
pub const STORY: &str = "Viết câu chuyện điển hình ở đây.";

/// Every placeholder sentence.
pub const ALL: &[&str] = &[STORY];

/// Each placeholder as a pattern that ignores letter case (`regex` folds Vietnamese
/// letters: `VIẾT` is `viết`), built once.
fn patterns() -> &'static [(regex::Regex, &'static str)] {
    static P: OnceLock<Vec<(regex::Regex, &'static str)>> = OnceLock::new();
    P.get_or_init(|| {
        ALL.iter()
            .filter_map(|p| {
                let re = regex::Regex::new(&format!("(?i){}", regex::escape(p))).ok()?;
                Some((re, *p))
            })
            .collect()
    })
}

/// The first placeholder in `text`, whatever its letter case, with its byte offset.
pub fn find(text: &str) -> Option<(usize, &'static str)> {
    patterns()
        .iter()
        .find_map(|(re, p)| re.find(text).map(|m| (m.start(), *p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn found_whatever_the_case() {
        assert_eq!(
            find("## Câu chuyện\n\nViết câu chuyện điển hình ở đây.\n"),
            Some((18, STORY))
        );
        assert!(find("VIẾT CÂU CHUYỆN ĐIỂN HÌNH Ở ĐÂY.").is_some());
        assert_eq!(find("Chị viết câu chuyện của mình."), None);
    }
}
