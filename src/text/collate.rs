//! Vietnamese order (CLDR's `vi` collation): a ă â b c d đ e ê … with tones after the
//! letter; people sorted by given name, then by full name.

use std::cmp::Ordering;
use std::sync::OnceLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;

fn collator() -> Option<&'static CollatorBorrowed<'static>> {
    static COLLATOR: OnceLock<Option<CollatorBorrowed<'static>>> = OnceLock::new();
    COLLATOR
        .get_or_init(|| Collator::try_new(locale!("vi").into(), CollatorOptions::default()).ok())
        .as_ref()
}

/// Compares two strings in Vietnamese order; byte order only if the baked data were
/// missing, which the build itself guarantees never happens.
pub fn compare(a: &str, b: &str) -> Ordering {
    match collator() {
        Some(c) => c.compare(a, b).then_with(|| a.cmp(b)),
        None => a.cmp(b),
    }
}

/// The given name people are sorted by: the explicit one, or the last word of the name.
pub fn given_name<'a>(name: &'a str, explicit: Option<&'a str>) -> &'a str {
    match explicit {
        Some(g) if !g.trim().is_empty() => g.trim(),
        _ => name.split_whitespace().last().unwrap_or(name),
    }
}

/// People order: given name, then full name.
pub fn person_order(given_a: &str, full_a: &str, given_b: &str, full_b: &str) -> Ordering {
    compare(given_a, given_b).then_with(|| compare(full_a, full_b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_alphabet_order() {
        let mut names = vec!["Hà", "Đức", "Ăn", "Bình", "Ánh", "Dũng", "An"];
        names.sort_by(|a, b| compare(a, b));
        assert_eq!(names, ["An", "Ánh", "Ăn", "Bình", "Dũng", "Đức", "Hà"]);
    }

    #[test]
    fn given_name_defaults_to_last_word() {
        assert_eq!(given_name("Nguyễn Thị Hạnh", None), "Hạnh");
        assert_eq!(given_name("Trần Bình Minh", Some("Bình Minh")), "Bình Minh");
        assert_eq!(given_name("Hạnh", Some("  ")), "Hạnh");
    }

    #[test]
    fn people_by_given_name_then_full_name() {
        let mut people = [
            ("Văn An", "Trần Văn An"),
            ("An", "Lê An"),
            ("Ánh", "Bùi Ánh"),
        ];
        people.sort_by(|a, b| person_order(given_name(a.1, None), a.1, given_name(b.1, None), b.1));
        assert_eq!(people.map(|p| p.1), ["Lê An", "Trần Văn An", "Bùi Ánh"]);
    }
}
