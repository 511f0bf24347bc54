//! The editor's words, Vietnamese and English (`words/vi.toml`, `words/en.toml`, the same
//! keys): the page receives its language's table and shows nothing else; the server's own
//! answers take theirs from it too. Diagnostics keep their words in the catalogue.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::diag::Lang;

const VI: &str = include_str!("words/vi.toml");
const EN: &str = include_str!("words/en.toml");

fn parse(text: &str) -> BTreeMap<String, String> {
    toml::from_str::<toml::Table>(text)
        .map(|t| {
            t.into_iter()
                .filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_string())))
                .collect()
        })
        .unwrap_or_default()
}

/// Every word of `lang`, by key.
pub fn table(lang: Lang) -> &'static BTreeMap<String, String> {
    static VI_T: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    static EN_T: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    match lang {
        Lang::Vi => VI_T.get_or_init(|| parse(VI)),
        Lang::En => EN_T.get_or_init(|| parse(EN)),
    }
}

/// The word `key` in `lang` (the key itself if the table lacks it, which a test forbids).
pub fn word(lang: Lang, key: &str) -> &str {
    table(lang).get(key).map_or(key, String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::editor::schema::FIELDS;

    #[test]
    fn both_languages_have_the_same_words() {
        let (vi, en) = (table(Lang::Vi), table(Lang::En));
        assert!(vi.len() > 50, "the tables parse");
        assert_eq!(vi.keys().collect::<Vec<_>>(), en.keys().collect::<Vec<_>>());
        assert!(vi.values().chain(en.values()).all(|w| !w.trim().is_empty()));
    }

    #[test]
    fn every_word_the_page_asks_for_exists() {
        let js = [
            include_str!("assets/editor.js"),
            include_str!("assets/form.js"),
        ]
        .concat();
        let mut asked = Vec::new();
        for part in js.split("w('").skip(1) {
            if let Some(end) = part.find('\'') {
                asked.push(&part[..end]);
            }
        }
        assert!(asked.len() > 30, "the page asks through w('…')");
        for f in FIELDS {
            asked.push(f.key);
        }
        // Words the page asks for by a key it makes.
        asked.extend(["severity_error", "severity_warning", "group_story"]);
        asked.extend(["kind_collective", "kind_leader", "kind_staff"]);
        asked.extend([
            "status_recognised",
            "status_pending",
            "status_not_recognised",
        ]);
        asked.extend([
            "status_revoked",
            "group_general",
            "group_photo",
            "group_criteria",
        ]);
        asked.extend([
            "group_process",
            "group_revoked",
            "table.nomination",
            "table.vote",
        ]);
        asked.extend([
            "table.decision",
            "table.province",
            "refused_host",
            "refused_target",
        ]);
        asked.extend(["refused_token", "refused_origin"]);
        for key in asked {
            for lang in [Lang::Vi, Lang::En] {
                let key = if FIELDS.iter().any(|f| f.key == key) {
                    format!("field.{key}")
                } else {
                    key.to_string()
                };
                assert!(table(lang).contains_key(&key), "{key} ({})", lang.code());
            }
        }
    }
}
