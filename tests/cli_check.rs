//! `check` end to end: exit codes, the human report (snapshots), JSON on standard output
//! only, NFC, and `new`.

mod common;

use std::path::Path;

use assert_cmd::Command;
use common::{Fixture, line_of, staff};
use unicode_normalization::UnicodeNormalization;

fn bangvang(root: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("bangvang")
        .expect("binary")
        .current_dir(root)
        .args(args)
        .output()
        .expect("runs")
}

fn broken_site() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/broken-site"
    ))
}

#[test]
fn human_report_in_vietnamese() {
    let out = bangvang(broken_site(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("broken_site_vi", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn human_report_in_english() {
    let out = bangvang(broken_site(), &["check", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("broken_site_en", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn json_is_the_only_thing_on_stdout_and_is_sorted() {
    let out = bangvang(broken_site(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is exactly JSON");
    let items = v.as_array().expect("array");
    assert_eq!(items.len(), 8);
    let keys: Vec<(String, u64)> = items
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    for d in items {
        let obj = d.as_object().expect("object");
        let names: Vec<&str> = obj.keys().map(String::as_str).collect();
        assert_eq!(names.len(), 6);
        for k in ["severity", "rule", "file", "line", "field", "message"] {
            assert!(obj.contains_key(k), "{k} in {d}");
        }
    }
}

#[test]
fn the_sample_site_is_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = bangvang(root, &["check", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(
        v.as_array()
            .expect("array")
            .iter()
            .all(|d| d["severity"] == "warning"),
        "{v}"
    );
}

#[test]
fn exit_codes_for_usage_and_io_problems() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = bangvang(tmp.path(), &["check", "--root", "does-not-exist"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does-not-exist"));
    let out = bangvang(tmp.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("content/site.toml"));
    let out = bangvang(tmp.path(), &["check", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
    let out = bangvang(tmp.path(), &["check", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_profile_is_an_io_error() {
    use std::os::unix::fs::PermissionsExt;
    let f = Fixture::new();
    let path = f.path("content/2024/nguyen-thi-hanh.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&path).is_ok() {
        return; // running as root: permissions do not stop reading
    }
    let out = f.run(&["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nguyen-thi-hanh.md"));
}

#[test]
fn a_name_typed_with_combining_accents_is_the_same_name() {
    let f = Fixture::new();
    let nfd: String = "Nguyễn Thị Hạnh".nfd().collect();
    assert_ne!(nfd, "Nguyễn Thị Hạnh");
    f.write("content/2024/nguyen-thi-hanh.md", &staff(&nfd));
    let loaded = bangvang::content::load::load(f.root()).unwrap_or_else(|_| panic!("loads"));
    let p = loaded
        .site
        .profiles
        .iter()
        .find(|p| p.slug == "nguyen-thi-hanh")
        .expect("profile");
    assert_eq!(p.name(), "Nguyễn Thị Hạnh");
    let (code, diags) = f.check_json();
    assert_eq!((code, diags.len()), (0, 0), "{diags:?}");
}

#[test]
fn hostile_files_give_diagnostics_not_panics() {
    let f = Fixture::new();
    let long_line = format!("+++\nname = \"{}\"\n+++\n", "a".repeat(10 * 1024 * 1024));
    f.write("content/2024/dong-dai.md", &long_line);
    f.write(
        "content/2024/cau-chuyen-dai.md",
        &(staff("Lê An") + &"b".repeat(10 * 1024 * 1024)),
    );
    f.write(
        "content/2024/long-nhau.md",
        &format!("+++\na = {}\n+++\n", "[".repeat(200_000)),
    );
    f.write("content/2024/chi-dau.md", "+++");
    f.write_bytes(
        "content/2024/nhi-phan.md",
        &[0xff, 0xfe, 0x00, 0x2b, 0x2b, 0x2b, 0x0a, 0x80],
    );
    f.write(
        "content/site.toml",
        &format!("title = {}", "{a = ".repeat(100_000)),
    );
    let out = f.run(&["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let files: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|d| d["file"].as_str())
        .collect();
    for file in [
        "dong-dai.md",
        "long-nhau.md",
        "chi-dau.md",
        "nhi-phan.md",
        "site.toml",
    ] {
        assert!(
            files.iter().any(|f| f.ends_with(file)),
            "{file} has a diagnostic: {files:?}"
        );
    }
    assert!(
        !files.iter().any(|f| f.ends_with("cau-chuyen-dai.md")),
        "a long story is fine: {files:?}"
    );
}

#[test]
fn new_writes_a_skeleton_from_the_plan() {
    let f = Fixture::new();
    let out = f.run(&[
        "new",
        "2024/tran-thi-mai",
        "--kind",
        "staff",
        "--unit",
        "van-phong-so",
        "--name",
        "Trần Thị Mai",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(f.path("content/2024/tran-thi-mai.md")).expect("written");
    assert!(text.contains("name = \"Trần Thị Mai\""));
    for (id, words) in [
        ("chap-hanh", "# Gương mẫu chấp hành"),
        ("ca-nhan", "# Gương mẫu đi đầu"),
    ] {
        let key_line = line_of(&text, &format!("{id} = "));
        assert_eq!(
            line_of(&text, words) + 1,
            key_line,
            "the criterion's words stand above {id}"
        );
    }
    assert!(
        !text.contains("tap-the = ") && !text.contains("lanh-dao = "),
        "only the staff criteria"
    );
    // The skeleton is a valid TOML document that check judges (its blanks are errors).
    let (code, diags) = f.check_json();
    assert_eq!(code, 1);
    assert!(
        diags
            .iter()
            .all(|d| d["file"] == "content/2024/tran-thi-mai.md"),
        "{diags:?}"
    );
    assert!(
        !diags
            .iter()
            .any(|d| d["rule"] == "syntax" || d["rule"] == "unknown-field"),
        "{diags:?}"
    );
    // It refuses to overwrite.
    let again = f.run(&[
        "new",
        "2024/tran-thi-mai",
        "--kind",
        "staff",
        "--unit",
        "van-phong-so",
    ]);
    assert_eq!(again.status.code(), Some(1));
}

#[test]
fn new_refuses_unknown_year_kind_and_unit() {
    let f = Fixture::new();
    let out = f.run(&[
        "new",
        "2031/a-b",
        "--kind",
        "boss",
        "--unit",
        "van-phong",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    for rule in [
        "error[no-plan]",
        "error[invalid-value]",
        "error[unknown-unit]",
    ] {
        assert!(err.contains(rule), "{rule} in {err}");
    }
    assert!(err.contains("did you mean `van-phong-so`?"), "{err}");
    assert!(!f.path("content/2031/a-b.md").exists());
}
