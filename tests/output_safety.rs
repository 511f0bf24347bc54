//! `--output` never deletes what bangvang did not write (issue 11 §1): the path is
//! resolved (`..`, links) and refused when it is the site or holds it, lies in
//! `content/`, `themes/` or `.cache/`, or is a home folder or `/`; a folder holding files
//! that no build listed is refused without `--force`, and even with it nothing of them is
//! deleted.

mod common;

use std::fs;
use std::path::Path;

use common::{Fixture, tree};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Everything under `dir`, with the bytes of each file: what must not change.
fn everything(dir: &Path) -> Vec<(String, Vec<u8>)> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("walk"))
        .map(|e| {
            let bytes = if e.file_type().is_file() {
                fs::read(e.path()).expect("read")
            } else {
                Vec::new()
            };
            (e.path().display().to_string(), bytes)
        })
        .collect()
}

/// A site in `PARENT/site`, built once, with a file of someone else's beside it.
fn site_in_a_folder() -> Fixture {
    let f = Fixture::new();
    let site = f.path("site");
    fs::create_dir_all(&site).expect("mkdir");
    for entry in fs::read_dir(f.root()).expect("ls") {
        let entry = entry.expect("entry");
        if entry.file_name() != "site" {
            fs::rename(entry.path(), site.join(entry.file_name())).expect("move");
        }
    }
    fs::write(f.path("ghi-chu.txt"), "của người khác").expect("write");
    let out = f.run(&["build", "--root", "site"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    f
}

#[test]
fn an_output_that_is_or_holds_the_site_or_its_folders_is_refused() {
    let f = site_in_a_folder();
    std::os::unix::fs::symlink(f.path("site/content"), f.path("site/lien-ket")).expect("link");
    let before = everything(f.root());
    let site = f.path("site");
    let run_in_site = |output: &str| {
        assert_cmd::Command::cargo_bin("bangvang")
            .expect("bin")
            .current_dir(&site)
            .args(["build", "--output", output])
            .output()
            .expect("runs")
    };
    for output in [
        "..",
        ".",
        "output/..",
        "output/../content",
        "../site/content",
        "content/2024",
        "content/2024/moi",
        "lien-ket",
        "lien-ket/2024",
        ".cache",
        ".cache/bangvang",
        "themes",
        "/tmp/..",
        "/",
    ] {
        let out = run_in_site(output);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "--output {output}: {err}");
        assert!(
            err.contains(&format!("không xây dựng vào --output {output} (tức ")),
            "{err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
    assert_eq!(everything(f.root()), before, "nothing was touched");

    let out = run_in_site("..");
    let en = assert_cmd::Command::cargo_bin("bangvang")
        .expect("bin")
        .current_dir(&site)
        .args(["build", "--output", "..", "--lang", "en"])
        .output()
        .expect("runs");
    assert!(
        stderr(&out).contains("thư mục của site"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&en).contains("is the site's own folder or holds it"),
        "{}",
        stderr(&en)
    );
}

#[test]
fn a_home_folder_is_refused() {
    let f = Fixture::new();
    let home = f.path("nha");
    fs::create_dir_all(&home).expect("mkdir");
    let out = assert_cmd::Command::cargo_bin("bangvang")
        .expect("bin")
        .current_dir(f.root())
        .env("HOME", &home)
        .args(["build", "--output", &home.display().to_string()])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("thư mục nhà"), "{}", stderr(&out));
    for home in ["/root", "/home"] {
        let out = f.run(&["build", "--output", home]);
        assert_eq!(out.status.code(), Some(2), "{home}: {}", stderr(&out));
    }
}

#[test]
fn output_and_public_in_the_site_and_a_new_folder_elsewhere_are_fine() {
    let f = Fixture::new();
    for output in ["output", "public", "../ra-ngoai/trang"] {
        let out = f.run(&["build", "--output", output]);
        assert_eq!(out.status.code(), Some(0), "{output}: {}", stderr(&out));
    }
    assert!(f.path("public/index.html").is_file());
    let outside = f.root().parent().expect("parent").join("ra-ngoai");
    assert!(outside.join("trang/index.html").is_file());
    fs::remove_dir_all(outside).expect("clean");
}

#[test]
fn a_folder_of_documents_is_refused_and_forced_keeps_every_document() {
    let f = Fixture::new();
    let docs = f.path("tai-lieu");
    fs::create_dir_all(docs.join("2023")).expect("mkdir");
    fs::write(docs.join("bao-cao.docx"), "báo cáo").expect("write");
    fs::write(docs.join("2023/ke-hoach.pdf"), "kế hoạch").expect("write");
    let before = tree(&docs);

    let out = f.run(&["build", "--output", "tai-lieu"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("2 tệp không do bangvang ghi"), "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(tree(&docs), before);

    let out = f.run(&["build", "--output", "tai-lieu", "--force"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("2 tệp trong"), "{err}");
    assert!(docs.join("index.html").is_file());
    for (rel, bytes) in &before {
        assert_eq!(fs::read(docs.join(rel)).ok().as_ref(), Some(bytes), "{rel}");
    }

    // Now a build's own: the next one needs no --force, removes only its own files.
    f.remove("content/2024/nguyen-thi-hanh.md");
    let out = f.run(&["build", "--output", "tai-lieu"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!docs.join("2024/nguyen-thi-hanh").exists());
    for (rel, bytes) in &before {
        assert_eq!(fs::read(docs.join(rel)).ok().as_ref(), Some(bytes), "{rel}");
    }
}

#[test]
fn a_document_where_the_build_writes_is_never_replaced() {
    let f = Fixture::new();
    let docs = f.path("tai-lieu");
    fs::create_dir_all(&docs).expect("mkdir");
    fs::write(docs.join("index.html"), "trang của tôi").expect("write");
    let out = f.run(&["build", "--output", "tai-lieu", "--force"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("index.html"), "{err}");
    assert_eq!(
        fs::read_to_string(docs.join("index.html")).expect("read"),
        "trang của tôi"
    );
    assert_eq!(fs::read_dir(&docs).expect("ls").count(), 1);
}

#[test]
fn an_output_left_by_the_last_build_before_lists_were_kept_is_adopted() {
    let f = Fixture::new();
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // An output as builds left it before they kept lists: no list, and a stamp that
    // describes it exactly.
    fs::remove_file(f.path("output/.bangvang-files.json")).expect("remove");
    let stamp = f.path(".cache/bangvang/build-stamp.json");
    let text = fs::read_to_string(&stamp).expect("stamp");
    let mut value: serde_json::Value = serde_json::from_str(&text).expect("json");
    let out = f.run(&["build", "--output", "output"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "no stamp describes it yet: {}",
        stderr(&out)
    );
    // The stamp of a build from before lists (whose hash was one walk of the output),
    // and one of this program's whose list was lost.
    let old = bangvang::output::stamp::output_before_lists(&f.path("output")).expect("files");
    for hash in [old, output_hash(&f.path("output"))] {
        value["output"] = serde_json::Value::String(hash);
        // Made by the older program: its inputs' hash differs, so this build runs.
        value["inputs"] = serde_json::Value::String("an older bangvang".into());
        fs::write(&stamp, value.to_string()).expect("write");
        let out = f.run(&["build"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(f.path("output/.bangvang-files.json").is_file());
        fs::remove_file(f.path("output/.bangvang-files.json")).expect("remove");
    }
}

/// The stamp's hash of an output, as `output::stamp::output` makes it.
fn output_hash(dir: &Path) -> String {
    bangvang::output::stamp::output(dir).expect("files")
}
