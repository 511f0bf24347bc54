//! Between the form and the file: the values a file holds, as the form shows them, and the
//! edits a writer made, applied to the file's text in place. Only the fields the writer
//! changed are written (the page sends those alone), so a value the form would show
//! differently from the file (`members = "12"`) is never rewritten behind their back.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value as Json;

use super::schema::{Form, Input, OPTIONAL_TABLES};
use crate::content::edit::front_matter::{ProfileText, Shown, Value};
use crate::content::model::Kind;
use crate::text::date::Date;
use crate::text::fold::nfc_owned;

/// What the page sends: the edits of one profile, new or not.
#[derive(Debug, Clone, Deserialize)]
pub struct Draft {
    /// The profile's file (`content/2024/x.md`), or none for a new one.
    #[serde(default)]
    pub file: Option<String>,
    pub year: u16,
    /// A new profile's address; by default the slug of its name.
    #[serde(default)]
    pub slug: Option<String>,
    /// The fields changed, by dotted key: a string, a boolean or a list of strings; an
    /// empty string or `null` removes the key.
    #[serde(default)]
    pub edits: BTreeMap<String, Json>,
    /// The story, when it is to be written.
    #[serde(default)]
    pub story: Option<String>,
    /// A photo uploaded for this profile (see `photo`).
    #[serde(default)]
    pub upload: Option<String>,
    /// Whether to stop naming a photo (the file stays where it is).
    #[serde(default)]
    pub remove_photo: bool,
}

impl Draft {
    /// No edit of the profile at `file`: what it holds now.
    pub fn of(file: &str) -> Draft {
        Draft {
            file: Some(file.to_string()),
            year: 0,
            slug: None,
            edits: BTreeMap::new(),
            story: None,
            upload: None,
            remove_photo: false,
        }
    }
}

fn date(s: &str) -> Option<Date> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The value to write for what the page sent, `None` to remove the key. What does not
/// parse as the field's type is written as text, for the check to name the mistake.
fn value(input: Input, sent: &Json) -> Option<Value> {
    match (input, sent) {
        (_, Json::Null) => None,
        (Input::Bool, Json::Bool(b)) => Some(Value::Bool(*b)),
        (Input::Movements, Json::Array(items)) => Some(Value::List(
            items
                .iter()
                .filter_map(|i| i.as_str().map(|s| nfc_owned(s.to_string())))
                .collect(),
        )),
        (_, Json::String(s)) if s.trim().is_empty() => None,
        (Input::Integer, Json::String(s)) => Some(
            s.trim()
                .parse()
                .map_or_else(|_| Value::Text(nfc_owned(s.clone())), Value::Integer),
        ),
        (Input::Date, Json::String(s)) => {
            Some(date(s.trim()).map_or_else(|| Value::Text(nfc_owned(s.clone())), Value::Date))
        }
        (_, Json::String(s)) => Some(Value::Text(nfc_owned(s.clone()))),
        (_, Json::Number(n)) => n.as_i64().map(Value::Integer),
        (_, other) => Some(Value::Text(other.to_string())),
    }
}

/// The kind the profile will have: the one edited, else the file's.
pub fn kind_of(text: &ProfileText, draft: &Draft) -> Option<Kind> {
    match draft.edits.get("kind") {
        Some(Json::String(k)) => Kind::parse(k),
        Some(_) => None,
        None => match text.get(None, "kind") {
            Some(Shown::Text(k)) => Kind::parse(&k),
            _ => None,
        },
    }
}

/// Applies the draft's edits to `text`: each changed field set or removed in place; when
/// the kind changed, the fields that are an error for the new kind removed; tables the
/// edits left empty removed; the story replaced when it changed.
pub fn apply(text: &mut ProfileText, form: &Form, draft: &Draft, new_file: bool) {
    let layout = form.layout();
    let kind = kind_of(text, draft);
    let kind_changed = draft.edits.contains_key("kind");
    let mut emptied: Vec<&str> = Vec::new();
    for f in &form.fields {
        let (table, key) = f.place();
        if !f.for_kind(kind) {
            if kind_changed && f.only_for_kinds && text.get(table, key).is_some() {
                text.remove(table, key);
                emptied.extend(table);
            }
            continue;
        }
        let Some(sent) = draft.edits.get(&f.key) else {
            continue;
        };
        // An older form is only ever kept or removed, never written anew.
        let want = match (f.legacy, value(f.input, sent)) {
            (true, Some(Value::Bool(false))) => None,
            (_, want) => want,
        };
        match (text.get(table, key), want) {
            (Some(have), Some(want)) if have.same_as(&want) => {}
            (_, Some(want)) => text.set(table, key, want, &layout),
            (Some(_), None) => {
                text.remove(table, key);
                emptied.extend(table);
            }
            (None, None) => {}
        }
    }
    for t in OPTIONAL_TABLES {
        if emptied.contains(t) && text.is_empty_table(t) {
            text.remove_table(t);
        }
    }
    if new_file {
        for f in form.fields.iter().filter(|f| f.input == Input::Criterion) {
            if let (Some(label), (Some(t), k)) = (&f.label, f.place())
                && text.get(Some(t), k).is_some()
            {
                text.set_comment(Some(t), k, label);
            }
        }
    }
    if let Some(story) = &draft.story {
        text.set_body(&nfc_owned(story.clone()));
    }
}

/// Sets or removes the `photo` key.
pub fn set_photo(text: &mut ProfileText, form: &Form, name: Option<&str>) {
    match name {
        Some(n) => text.set(None, "photo", Value::Text(n.to_string()), &form.layout()),
        None => text.remove(None, "photo"),
    }
}

/// The values of a file as the form shows them: text for every field, `true`/`false` for
/// a box, a list for the movements.
pub fn values(text: &ProfileText, form: &Form) -> BTreeMap<String, Json> {
    let mut out = BTreeMap::new();
    for f in &form.fields {
        let (table, key) = f.place();
        let Some(shown) = text.get(table, key) else {
            continue;
        };
        let json = match (f.input, shown) {
            (Input::Bool, Shown::Bool(b)) => Json::Bool(b),
            (Input::Movements, Shown::List(l)) => Json::from(l),
            (_, other) => Json::String(other.text()),
        };
        out.insert(f.key.clone(), json);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::{Criterion, Movement, Plan, Site, SiteConfig};

    fn form() -> Form {
        let plan = Plan {
            file: "content/2024/_plan.toml".into(),
            number: "1/KH".into(),
            title: "Kế hoạch".into(),
            issued: None,
            deadline: Date::new(2024, 11, 30).expect("date"),
            approval_percent: 90,
            excellent_members_percent: 50,
            movements: vec![Movement {
                id: "m".into(),
                name: "Phong trào".into(),
            }],
            criteria: vec![
                Criterion {
                    id: "chung".into(),
                    applies_to: Kind::ALL.to_vec(),
                    text: "Tiêu chí chung".into(),
                },
                Criterion {
                    id: "tap-the".into(),
                    applies_to: vec![Kind::Collective],
                    text: "Tiêu chí tập thể".into(),
                },
            ],
        };
        let site = Site {
            root: ".".into(),
            config: SiteConfig::default(),
            units: Vec::new(),
            plans: Default::default(),
            profiles: Vec::new(),
            files: Vec::new(),
            statics: Vec::new(),
        };
        Form::new(&site, 2024, &plan)
    }

    fn draft(edits: &[(&str, Json)]) -> Draft {
        Draft {
            file: None,
            year: 2024,
            slug: None,
            edits: edits
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
            story: None,
            upload: None,
            remove_photo: false,
        }
    }

    const FILE: &str = "+++\nname = \"Tổ A\"\nkind = \"collective\"\nmembers = \"12\" # sai kiểu, để nguyên\nexcellent_members = 7\n\n[criteria]\n# chung\nchung = \"x\"\ntap-the = \"y\"\n\n[vote]\ndate = 2024-12-05\nmembers = 11\n+++\nstory\n";

    #[test]
    fn only_the_fields_edited_change() {
        let mut t = ProfileText::parse(FILE).expect("editable");
        apply(&mut t, &form(), &draft(&[("name", "Tổ B".into())]), false);
        assert_eq!(t.to_text(), FILE.replace("Tổ A", "Tổ B"));
        let mut t = ProfileText::parse(FILE).expect("editable");
        let same = draft(&[
            ("vote.members", "11".into()),
            ("vote.date", "2024-12-05".into()),
        ]);
        apply(&mut t, &form(), &same, false);
        assert_eq!(t.to_text(), FILE, "a value typed again as it was");
    }

    #[test]
    fn a_new_kind_drops_what_would_be_an_error() {
        let mut t = ProfileText::parse(FILE).expect("editable");
        apply(&mut t, &form(), &draft(&[("kind", "staff".into())]), false);
        let out = t.to_text();
        assert!(!out.contains("excellent_members") && !out.contains("members = \"12\""));
        assert!(!out.contains("tap-the"), "{out}");
        assert!(out.contains("# chung\nchung = \"x\""), "{out}");
        assert!(
            out.contains("[vote]\ndate = 2024-12-05\nmembers = 11\n"),
            "{out}"
        );
    }

    #[test]
    fn emptied_tables_go_and_bad_input_reaches_the_check() {
        let mut t = ProfileText::parse(FILE).expect("editable");
        let d = draft(&[
            ("vote.date", "".into()),
            ("vote.members", Json::Null),
            ("excellent_members", "bảy".into()),
            ("nomination.date", "20/11/2024".into()),
        ]);
        apply(&mut t, &form(), &d, false);
        let out = t.to_text();
        assert!(!out.contains("[vote]"), "{out}");
        assert!(out.contains("excellent_members = \"bảy\""), "{out}");
        assert!(out.contains("[nomination]\ndate = \"20/11/2024\""), "{out}");
    }

    #[test]
    fn a_new_file_gets_the_plans_words_above_each_criterion() {
        let mut t = ProfileText::new_file();
        let d = draft(&[
            ("name", "Lê An".into()),
            ("kind", "staff".into()),
            ("criteria.chung", "Có".into()),
            ("movements", Json::from(vec!["m"])),
            ("nomination.date", "2024-11-20".into()),
        ]);
        apply(&mut t, &form(), &d, true);
        assert_eq!(
            t.to_text(),
            "+++\nname = \"Lê An\"\nkind = \"staff\"\nmovements = [\"m\"]\n\n[criteria]\n# Tiêu chí chung\nchung = \"Có\"\n\n[nomination]\ndate = 2024-11-20\n+++\n"
        );
        assert_eq!(
            values(&t, &form()).get("movements"),
            Some(&Json::from(vec!["m"]))
        );
    }
}
