//! The line to type for a key, for hints: `date = 2024-11-20`, `members = 12`.

use super::Expected;

/// The line to type for `key` (its last part): `key = value` in the type it takes, or
/// the type `key` usually has.
pub fn form(key: &str, expected: Option<Expected>) -> String {
    let leaf = key.rsplit_once('.').map_or(key, |(_, l)| l);
    let expected = expected.unwrap_or(match leaf {
        "date" | "issued" | "deadline" | "from" | "until" => Expected::Date,
        "members"
        | "excellent_members"
        | "in_favour"
        | "year"
        | "approval_percent"
        | "excellent_members_percent" => Expected::Integer,
        "photo_consent" | "withdrawn_story" => Expected::Bool,
        "movements" | "applies_to" => Expected::TextList,
        "criteria" | "nomination" | "vote" | "decision" | "province" | "revoked" => Expected::Table,
        _ => Expected::Text,
    });
    let value = match expected {
        Expected::Text => "\"…\"",
        Expected::Integer => "12",
        Expected::Date => "2024-11-20",
        Expected::Bool => "true",
        Expected::TextList => "[\"…\"]",
        Expected::Table => return format!("[{key}]"),
        Expected::TableList => return format!("[[{key}]]"),
    };
    format!("{leaf} = {value}")
}

/// The table `key` sits in, for the hint of a missing key.
pub fn table_of(key: &str) -> Option<&str> {
    key.rsplit_once('.').map(|(t, _)| t)
}
