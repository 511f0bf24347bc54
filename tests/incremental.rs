//! Rebuilds that write only what changed (issue 6): a rebuild with nothing changed
//! touches no file, an edit writes only the files whose bytes differ, and whatever
//! happened to the output in between is repaired.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use common::{Fixture, tree};
use walkdir::WalkDir;

/// Builds into `output/` and returns what the build printed.
fn build(f: &Fixture) -> String {
    let out = f.run(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every file of `dir` with its modification time.
fn mtimes(dir: &Path) -> BTreeMap<String, SystemTime> {
    WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("inside");
            let time = fs::metadata(e.path())
                .and_then(|m| m.modified())
                .expect("mtime");
            (rel.to_string_lossy().into_owned(), time)
        })
        .collect()
}

/// Sets every file of `dir` an hour back, so that a rewrite shows.
fn age(dir: &Path) -> SystemTime {
    let old = SystemTime::now() - Duration::from_secs(3600);
    for rel in mtimes(dir).keys() {
        let file = fs::File::options()
            .write(true)
            .open(dir.join(rel))
            .expect("open");
        file.set_modified(old).expect("set mtime");
    }
    old
}

#[test]
fn a_rebuild_with_nothing_changed_touches_no_file() {
    let f = Fixture::new();
    // A warning, which every build prints again.
    let story = "content/2024/nguyen-thi-hanh.md";
    let text = fs::read_to_string(f.path(story)).expect("read");
    f.write(story, &format!("{text}\nLiên hệ: 0912 345 678.\n"));
    let first = build(&f);
    assert!(first.contains(" 0 không đổi, 0 xoá"), "{first}");
    let out = f.path("output");
    let old = age(&out);
    let before = tree(&out);

    // The output changed (its times): every page is rendered again, compared, and none
    // is written.
    let compared = build(&f);
    assert!(compared.contains("tệp: 0 ghi mới, "), "{compared}");
    assert_eq!(tree(&out), before);
    assert!(
        mtimes(&out).values().all(|t| *t == old),
        "a file was rewritten"
    );

    // Nothing changed since that build: it is not even rendered again, and says the same.
    let again = f.run(&["build", "--timings"]);
    let stderr = String::from_utf8_lossy(&again.stderr);
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert_eq!(again.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("nothing changed since the last build"),
        "{stderr}"
    );
    assert!(stderr.contains("warning[privacy]"), "{stderr}");
    assert!(stdout.contains("tệp: 0 ghi mới, "), "{stdout}");
    let counts = |s: &str| s.split("; tệp").next().map(str::to_string);
    assert_eq!(
        counts(&stdout),
        counts(&compared),
        "the same pages and profiles"
    );
    assert!(
        mtimes(&out).values().all(|t| *t == old),
        "a file was rewritten"
    );
}

#[test]
fn an_edit_writes_only_the_files_whose_bytes_changed() {
    let f = Fixture::new();
    build(&f);
    let out = f.path("output");
    let old = age(&out);
    let before = tree(&out);

    let story = "content/2024/nguyen-thi-hanh.md";
    let text = fs::read_to_string(f.path(story)).expect("read");
    f.write(
        story,
        &text.replace(
            "Chị đã số hoá toàn bộ hồ sơ.",
            "Chị đã số hoá mười nghìn hồ sơ.",
        ),
    );
    let said = build(&f);
    let after = tree(&out);
    let times = mtimes(&out);
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert!(
        changed
            .iter()
            .any(|k| k.starts_with("2024/nguyen-thi-hanh/")),
        "{changed:?}"
    );
    for (rel, time) in &times {
        let rewritten = *time != old;
        assert_eq!(
            rewritten,
            changed.contains(&rel),
            "{rel}: rewritten {rewritten}"
        );
    }
    assert!(
        said.contains(&format!("tệp: {} ghi mới, ", changed.len())),
        "{said}"
    );
    assert!(
        changed.len() < after.len() / 2,
        "{} of {}",
        changed.len(),
        after.len()
    );
}

#[test]
fn a_changed_or_missing_output_file_is_repaired() {
    let f = Fixture::new();
    build(&f);
    let good = tree(&f.path("output"));
    fs::remove_file(f.path("output/2024/index.html")).expect("remove");
    fs::write(f.path("output/don-vi/index.html"), "hỏng").expect("spoil");
    fs::write(f.path("output/stray.html"), "not ours").expect("add");
    let out = f.run(&["build"]);
    let (said, err) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(said.contains("tệp: 2 ghi mới, "), "{said}");
    // A file no build wrote is someone else's: it stays, and the build says so.
    assert!(said.contains(", 0 xoá;"), "{said}");
    assert!(
        err.contains("không do bangvang ghi, được giữ nguyên: stray.html"),
        "{err}"
    );
    let mut expected = good;
    expected.insert("stray.html".into(), b"not ours".to_vec());
    assert_eq!(tree(&f.path("output")), expected);
}

#[test]
fn a_theme_edit_or_another_base_url_is_not_mistaken_for_no_change() {
    let f = Fixture::new();
    build(&f);
    f.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<p>Lạc đường</p>{% endblock content %}",
    );
    let said = build(&f);
    assert!(said.contains("tệp: 1 ghi mới, "), "{said}");
    assert!(
        fs::read_to_string(f.path("output/404.html"))
            .expect("404")
            .contains("Lạc đường")
    );

    let out = f.run(&["build", "--base-url", "/thi-dua/"]);
    assert_eq!(out.status.code(), Some(0));
    let home = fs::read_to_string(f.path("output/index.html")).expect("home");
    assert!(home.contains("href=\"/thi-dua/"), "{home}");
}
