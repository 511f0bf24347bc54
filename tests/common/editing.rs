//! Calls the editor's page makes, for the tests of the editor.

use serde_json::{Value, json};

use super::server::{Answer, Server};

/// Saves `draft` as the page does (with the hash of the file it opened, if any).
pub fn save(s: &Server, draft: Value, base: Option<&str>, commit: bool) -> Answer {
    s.editor_post(
        "/_bangvang/api/save",
        &json!({ "draft": draft, "base": base, "commit": commit }),
    )
}

/// The hash of a profile as its form receives it.
pub fn hash_of(s: &Server, file: &str) -> String {
    let a = s.editor_get(&format!("/_bangvang/api/profile?file={file}"));
    assert_eq!(a.status, 200, "{}", a.text());
    a.json()["hash"].as_str().expect("a hash").to_string()
}

/// A new profile of `kind` with every key a recognised one needs.
pub fn new_profile(kind: &str, name: &str, unit: &str, criteria: &[&str]) -> Value {
    let mut edits = json!({
        "name": name,
        "kind": kind,
        "unit": unit,
        "summary": "Tóm tắt thành tích tiêu biểu.",
        "movements": ["so-xay-dung"],
        "nomination.date": "2024-11-20",
        "vote.date": "2024-12-05",
        "vote.members": "10",
        "vote.in_favour": "10",
        "decision.number": "1456/QĐ-SXD",
        "decision.date": "2024-12-16",
    });
    for c in criteria {
        edits[format!("criteria.{c}")] = json!("Minh chứng cụ thể.");
    }
    match kind {
        "collective" => {
            edits["members"] = json!("12");
            edits["excellent_members"] = json!("7");
        }
        _ => edits["position"] = json!("Chuyên viên"),
    }
    json!({ "file": null, "year": 2024, "edits": edits, "story": "## Câu chuyện\n\nViệc làm tốt.\n" })
}
