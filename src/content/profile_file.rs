//! A profile: `+++` TOML front-matter, strictly read, and the Markdown story after it.

use super::frontmatter::{SplitError, split};
use super::model::{ConsentRecord, Kind, Profile, Record};
use super::reader::{Need, Reader, Tbl};
use super::source::{At, Doc};
use super::story_refs::facts;
use super::toml_doc;
use crate::diag::{Diagnostic, Msg, Rule};

pub const PROFILE_KEYS: &[&str] = &[
    "name",
    "given_name",
    "kind",
    "unit",
    "position",
    "summary",
    "photo",
    "photo_consent",
    "consent",
    "person",
    "movements",
    "members",
    "excellent_members",
    "year",
    "criteria",
    "nomination",
    "vote",
    "decision",
    "province",
    "revoked",
];

/// Where a profile file sits: its path relative to the root, its year and slug.
pub struct Location<'a> {
    pub file: &'a str,
    pub year: u16,
    pub slug: &'a str,
    pub bundle: bool,
}

/// Reads a profile from its (NFC) text. `None` when the front-matter cannot be parsed at
/// all; otherwise a profile with whatever could be read, and the diagnostics.
pub fn read_profile(loc: &Location, text: &str) -> (Option<Profile>, Vec<Diagnostic>) {
    let parts = match split(text) {
        Ok(parts) => parts,
        Err(SplitError::NoFrontMatter) => {
            return (
                None,
                vec![Diagnostic::new(
                    Rule::Syntax,
                    loc.file,
                    1,
                    None,
                    Msg::NoFrontMatter,
                )],
            );
        }
        Err(SplitError::Unterminated { line }) => {
            return (
                None,
                vec![Diagnostic::new(
                    Rule::Syntax,
                    loc.file,
                    line,
                    None,
                    Msg::Unterminated,
                )],
            );
        }
    };
    let doc = Doc::new(loc.file, parts.front_matter, parts.front_matter_line);
    let tree = match toml_doc::parse(&doc) {
        Ok(tree) => tree,
        Err(d) => return (None, vec![d]),
    };
    let mut r = Reader::new(&doc);
    let root = Reader::root(&tree);

    let kind = r
        .string(root, "kind", Need::Required)
        .and_then(|k| match Kind::parse(&k.value) {
            Some(kind) => Some(At::new(kind, k.span)),
            None => {
                r.error(
                    Rule::InvalidValue,
                    Some(k.span),
                    "kind",
                    Msg::UnknownKind { value: k.value },
                );
                None
            }
        });
    let criteria_tbl = r.table(root, "criteria", Need::Required);
    let criteria = criteria_tbl
        .map(|t| r.string_entries(t))
        .unwrap_or_default();
    let nomination = record(&mut r, root, "nomination", Need::Required, &["date"]);
    let vote = record(
        &mut r,
        root,
        "vote",
        Need::Optional,
        &["date", "members", "in_favour"],
    );
    let decision = record(
        &mut r,
        root,
        "decision",
        Need::Optional,
        &["number", "date"],
    );
    let province = record(
        &mut r,
        root,
        "province",
        Need::Optional,
        &["number", "date"],
    );
    let revoked = record(
        &mut r,
        root,
        "revoked",
        Need::Optional,
        &["number", "date", "reason"],
    );

    let mut profile = Profile {
        doc: doc.clone(),
        year: loc.year,
        slug: loc.slug.to_string(),
        bundle: loc.bundle,
        name: r.string(root, "name", Need::Required),
        given_name: r.string(root, "given_name", Need::Optional),
        kind,
        unit: r.string(root, "unit", Need::Required),
        position: r.string(root, "position", Need::Optional),
        summary: r.string(root, "summary", Need::Required),
        photo: r.string(root, "photo", Need::Optional),
        photo_file: None,
        photo_consent: r.boolean(root, "photo_consent", Need::Optional),
        consent: consent(&mut r, root),
        person: r.string(root, "person", Need::Optional),
        movements: r.string_list(root, "movements", Need::Required),
        members: r.count(root, "members", Need::Optional),
        excellent_members: r.count(root, "excellent_members", Need::Optional),
        year_field: r.integer(root, "year", Need::Optional),
        criteria_header: criteria_tbl.and_then(|t| t.header),
        criteria,
        nomination,
        vote,
        decision,
        province,
        revoked,
        body: parts.body.to_string(),
        body_line: parts.body_line,
        packed_story: None,
        packed_criteria: None,
        story_privacy: None,
        story_facts: facts(parts.body, parts.body_line, loc.year, loc.slug),
        keys: root
            .table
            .iter()
            .map(|(k, _)| k.get_ref().to_string())
            .collect(),
    };
    r.reject_unknown(root, PROFILE_KEYS);
    let diags = std::mem::take(&mut r.diags);
    profile.doc = doc;
    (Some(profile), diags)
}

/// Reads `[consent]`: every key optional here; what it must hold is the `consent` rule's.
fn consent(r: &mut Reader, root: Tbl) -> Option<ConsentRecord> {
    let t = r.table(root, "consent", Need::Optional)?;
    let rec = ConsentRecord {
        header: t.header,
        photo: r.date(t, "photo", Need::Optional),
        withdrawn: r.date(t, "withdrawn", Need::Optional),
        withdrawn_story: r.boolean(t, "withdrawn_story", Need::Optional),
    };
    r.reject_unknown(t, &["photo", "withdrawn", "withdrawn_story"]);
    Some(rec)
}

/// Reads one of the dated tables; `keys` are the keys it may have (all required).
fn record(
    r: &mut Reader,
    root: Tbl,
    key: &'static str,
    need: Need,
    keys: &[&str],
) -> Option<Record> {
    let t = r.table(root, key, need)?;
    let field = |k: &str| keys.contains(&k);
    let rec = Record {
        header: t.header,
        date: r.date(t, "date", Need::Required),
        number: field("number")
            .then(|| r.string(t, "number", Need::Required))
            .flatten(),
        members: field("members")
            .then(|| r.integer(t, "members", Need::Required))
            .flatten(),
        in_favour: field("in_favour")
            .then(|| r.count(t, "in_favour", Need::Required))
            .flatten(),
        reason: field("reason")
            .then(|| r.string(t, "reason", Need::Required))
            .flatten(),
    };
    r.reject_unknown(t, keys);
    Some(rec)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc() -> Location<'static> {
        Location {
            file: "content/2024/a.md",
            year: 2024,
            slug: "a",
            bundle: false,
        }
    }

    #[test]
    fn reads_a_profile_and_reports_every_problem() {
        let text = "+++\nname = \"Lê An\"\nunti = \"x\"\nkind = \"boss\"\nsummary = \"\"\nmovements = [\"a\"]\n[criteria]\n[nomination]\ndate = 2024-11-20\n+++\nStory\n";
        let (p, diags) = read_profile(&loc(), text);
        let p = p.expect("profile");
        assert_eq!(p.name.as_ref().map(|n| n.value.as_str()), Some("Lê An"));
        assert_eq!(p.body, "Story\n");
        assert_eq!(p.body_line, 11);
        let got: Vec<_> = diags
            .iter()
            .map(|d| (d.rule.name(), d.line, d.field.clone()))
            .collect();
        assert!(
            got.contains(&("unknown-field", 3, Some("unti".into()))),
            "{got:?}"
        );
        assert!(
            got.contains(&("invalid-value", 4, Some("kind".into()))),
            "{got:?}"
        );
        assert!(
            got.contains(&("invalid-value", 5, Some("summary".into()))),
            "{got:?}"
        );
        assert!(
            got.contains(&("missing-field", 1, Some("unit".into()))),
            "{got:?}"
        );
    }

    #[test]
    fn unterminated_and_missing_front_matter() {
        let (p, d) = read_profile(&loc(), "+++\nname = \"A\"\n");
        assert!(p.is_none());
        assert_eq!((d[0].rule, d[0].line), (Rule::Syntax, 1));
        let (_, d) = read_profile(&loc(), "Just a story\n");
        assert_eq!(d[0].msg, Msg::NoFrontMatter);
    }
}
