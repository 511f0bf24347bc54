//! The editor of a real `serve`, continued: a person and the kinds that may have one, the
//! check's own diagnostics as one types (across files too), "save and commit", and
//! nothing of the editor in `build`'s output.

mod common;

use std::process::Command;

use serde_json::{Value, json};

use bangvang::diag::{Lang, Msg};
use common::Fixture;
use common::editing::{hash_of, new_profile, save};
use common::server::Server;

#[test]
fn a_person_and_the_kind_that_may_have_one() {
    let f = Fixture::new();
    let s = Server::start(&f);
    let form = s.editor_get("/_bangvang/api/form?year=2024").json();
    let fields = form["fields"].as_array().expect("fields");
    let person = fields.iter().find(|f| f["key"] == "person");
    assert_eq!(
        person.map(|p| p["kinds"].clone()),
        Some(json!(["leader", "staff"]))
    );
    let file = "content/2024/nguyen-thi-hanh.md";
    let base = hash_of(&s, file);
    let draft = json!({ "file": file, "year": 2024, "edits": { "person": "nguyen-thi-hanh-vp" } });
    assert_eq!(save(&s, draft, Some(&base), false).status, 200);
    let text = std::fs::read_to_string(f.path(file)).expect("there");
    let want = "summary = \"Số hoá hồ sơ lưu trữ.\"\nperson = \"nguyen-thi-hanh-vp\"\nmovements";
    assert!(text.contains(want), "{text}");
    // A collective has no person: changing the kind takes it away with the staff's criteria.
    let base = hash_of(&s, file);
    let draft = json!({ "file": file, "year": 2024, "edits": { "kind": "collective" } });
    assert_eq!(save(&s, draft, Some(&base), false).status, 200);
    let text = std::fs::read_to_string(f.path(file)).expect("there");
    assert!(
        !text.contains("person") && !text.contains("ca-nhan"),
        "{text}"
    );
    assert!(text.contains("chap-hanh = "), "{text}");
}

#[test]
fn diagnostics_come_from_check_as_one_types() {
    let f = Fixture::new();
    let s = Server::start(&f);
    let draft = |edits: Value, file: Option<&str>| {
        let a = s.editor_post(
            "/_bangvang/api/draft",
            &json!({ "file": file, "year": 2024, "edits": edits }),
        );
        assert_eq!(a.status, 200, "{}", a.text());
        a.json()["diagnostics"].as_array().expect("a list").clone()
    };
    let find = |ds: &[Value], rule: &str| ds.iter().find(|d| d["rule"] == rule).cloned();
    let file = Some("content/2024/nguyen-thi-hanh.md");
    let long = "ạ".repeat(301);
    let ds = draft(json!({ "summary": long }), file);
    let d = find(&ds, "invalid-value").expect("too long");
    assert_eq!(d["field"], json!("summary"));
    let words = Msg::SummaryTooLong {
        chars: 301,
        max: 300,
    };
    assert_eq!(
        d["message"],
        json!(words.text(Lang::En)),
        "the catalogue's words"
    );
    assert_eq!(d["hint"], json!(words.hint(Lang::En)));
    assert!(
        draft(json!({ "summary": "Ngắn." }), file).is_empty(),
        "and gone again"
    );
    // Across files: a leader whose unit has no collective; the same address twice.
    let leader = new_profile(
        "leader",
        "Trần Văn Bình",
        "van-phong-so",
        &["chap-hanh", "lanh-dao"],
    );
    let ds = draft(leader["edits"].clone(), None);
    let d = find(&ds, "leader-collective").expect("no collective");
    assert_eq!(d["field"], json!("unit"));
    let mut same = new_profile(
        "staff",
        "Nguyễn Thị Hạnh",
        "van-phong-so",
        &["chap-hanh", "ca-nhan"],
    );
    same["edits"]["kind"] = json!("staff");
    let a = s.editor_post("/_bangvang/api/draft", &same);
    let ds = a.json()["diagnostics"].as_array().expect("a list").clone();
    assert!(find(&ds, "duplicate-slug").is_some(), "{ds:?}");
    assert_eq!(a.json()["file"], json!("content/2024/nguyen-thi-hanh.md"));
}

fn git(root: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn save_and_commit_commits_that_one_file() {
    let f = Fixture::new();
    git(f.root(), &["init", "-q"]);
    git(f.root(), &["config", "user.name", "Cán Bộ Thử"]);
    git(f.root(), &["config", "user.email", "thu@example.org"]);
    git(f.root(), &["add", "-A"]);
    git(f.root(), &["commit", "-qm", "đầu"]);
    f.write(
        "content/2024/le-van-dung.md",
        &common::leader().replace("Trưởng phòng", "Phó phòng"),
    );
    let s = Server::start(&f);
    let file = "content/2024/nguyen-thi-hanh.md";
    let base = hash_of(&s, file);
    let draft = json!({ "file": file, "year": 2024, "edits": { "position": "Chuyên viên chính" } });
    let a = save(&s, draft, Some(&base), true);
    assert_eq!(a.status, 200, "{}", a.text());
    assert_eq!(a.json()["commit"]["ok"], json!(true), "{}", a.text());
    let log = git(f.root(), &["log", "-1", "--format=%an|%s", "--name-only"]);
    assert_eq!(
        log,
        format!("Cán Bộ Thử|Edit the profile of Nguyễn Thị Hạnh ({file})\n\n{file}")
    );
    assert!(
        git(f.root(), &["status", "--porcelain"]).contains("le-van-dung.md"),
        "other edits stay uncommitted"
    );
    assert_eq!(
        git(f.root(), &["remote"]),
        "",
        "nothing to push to, nothing pushed"
    );
}

#[test]
fn nothing_of_the_editor_is_in_builds_output() {
    let f = Fixture::new();
    let out = f.run(&["build", "--drafts"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let built = common::server::tree(&f.path("output"));
    assert!(built.len() > 5, "a site was built");
    for (path, bytes) in &built {
        assert!(
            !path.contains("_bangvang") && !path.contains("editor"),
            "{path}"
        );
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("/_bangvang/") && !text.contains("__bangvang"),
            "{path}"
        );
    }
}
