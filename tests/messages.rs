//! Every word in the writer's language, end to end: the new diagnostics as a writer
//! reads them (snapshots, both languages), TOML's own mistakes, help and usage errors,
//! and a port already in use.

mod common;

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use common::Fixture;

fn typo_site() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/typo-site"
    ))
}

fn bangvang(root: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("bangvang")
        .expect("binary")
        .current_dir(root)
        .env("BANGVANG_TODAY", "2025-06-01")
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn the_new_diagnostics_in_vietnamese() {
    let out = bangvang(typo_site(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("typo_site_vi", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn the_new_diagnostics_in_english() {
    let out = bangvang(typo_site(), &["check", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("typo_site_en", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn no_english_from_the_parser_reaches_a_vietnamese_writer() {
    let out = bangvang(typo_site(), &["check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    for english in [
        "expected",
        "invalid date",
        "invalid basic",
        "quoted",
        "duplicate key",
        "TOML parse error",
    ] {
        assert!(!text.contains(english), "{english} in\n{text}");
    }
}

#[test]
fn help_and_usage_errors_follow_the_site() {
    let f = Fixture::new();
    let out = f.run(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("Cách dùng: bangvang") && help.contains("Lệnh:"),
        "{help}"
    );
    let out = f.run(&["check", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("lỗi: giá trị 'xml'") && err.contains("[giá trị: human, json]"),
        "{err}"
    );
    // A site written in English gets English help and errors; `--lang` decides first.
    f.write(
        "content/site.toml",
        &common::SITE_TOML.replace("language = \"vi\"", "language = \"en\""),
    );
    let out = f.run(&["check", "--format", "xml"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("invalid value 'xml'"), "{err}");
    let out = f.run(&["help", "build", "--lang", "vi"]);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("--base-url <URL>") && help.contains("Tùy chọn:"),
        "{help}"
    );
    let out = f.run(&["help", "khong-co"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_port_in_use_says_what_to_do() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let port = taken.local_addr().expect("address").port().to_string();
    let f = Fixture::new();
    let out = Command::cargo_bin("bangvang")
        .expect("binary")
        .current_dir(f.root())
        .args(["serve", "--port", &port])
        .timeout(Duration::from_secs(120))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("cổng {port}")) && err.contains("--port"),
        "{err}"
    );
}
