use std::fs;
use std::time::{Duration, SystemTime};

use super::*;

fn mtime(p: &Path) -> SystemTime {
    fs::metadata(p).and_then(|m| m.modified()).expect("mtime")
}

fn read(p: &Path) -> String {
    fs::read_to_string(p).expect("read")
}

#[test]
fn a_first_build_becomes_the_output() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("site/output");
    let o = Output::new(&out).expect("output");
    o.put("index.html", b"home").expect("put");
    o.put("2024/a/index.html", b"a").expect("put");
    let w = o.commit().expect("commit");
    assert_eq!((w.written, w.unchanged, w.removed), (2, 0, 0));
    assert_eq!(read(&out.join("2024/a/index.html")), "a");
    assert_eq!(
        fs::read_dir(tmp.path().join("site")).expect("ls").count(),
        1
    );
}

#[test]
fn only_changed_files_are_written_and_stale_ones_removed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("output");
    let o = Output::new(&out).expect("output");
    for (rel, text) in [
        ("index.html", "home"),
        ("a/index.html", "a"),
        ("b/x.txt", "b"),
    ] {
        o.put(rel, text.as_bytes()).expect("put");
    }
    o.commit().expect("commit");
    let old = SystemTime::now() - Duration::from_secs(3600);
    for rel in ["index.html", "a/index.html", "b/x.txt"] {
        let f = fs::File::options()
            .write(true)
            .open(out.join(rel))
            .expect("open");
        f.set_modified(old).expect("set mtime");
    }

    let o = Output::new(&out).expect("output");
    o.put("index.html", b"home").expect("put");
    o.put("a/index.html", b"A, edited").expect("put");
    o.put("c/new.txt", b"c").expect("put");
    let w = o.commit().expect("commit");
    assert_eq!((w.written, w.unchanged, w.removed), (2, 1, 1));
    assert_eq!(
        mtime(&out.join("index.html")),
        old,
        "an identical file is not touched"
    );
    assert_eq!(read(&out.join("a/index.html")), "A, edited");
    assert_eq!(read(&out.join("c/new.txt")), "c");
    assert!(
        !out.join("b").exists(),
        "a folder emptied of stale files goes too"
    );
    assert_eq!(
        fs::read_dir(tmp.path()).expect("ls").count(),
        1,
        "no staging left"
    );
}

#[test]
fn a_dropped_build_leaves_the_output_as_it_was() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("output");
    let o = Output::new(&out).expect("output");
    o.put("a/index.html", b"a").expect("put");
    o.commit().expect("commit");

    let o = Output::new(&out).expect("output");
    o.put("a/index.html", b"changed").expect("put");
    o.put("b/index.html", b"new").expect("put");
    drop(o);
    assert_eq!(read(&out.join("a/index.html")), "a");
    assert!(!out.join("b").exists());
    assert_eq!(fs::read_dir(tmp.path()).expect("ls").count(), 1);
}

#[test]
fn files_and_folders_may_trade_places() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("output");
    let o = Output::new(&out).expect("output");
    o.put("x", b"a file").expect("put");
    o.put("y/index.html", b"in a folder").expect("put");
    o.commit().expect("commit");

    let o = Output::new(&out).expect("output");
    o.put("x/index.html", b"now a folder").expect("put");
    o.put("y", b"now a file").expect("put");
    o.commit().expect("commit");
    assert_eq!(read(&out.join("x/index.html")), "now a folder");
    assert_eq!(read(&out.join("y")), "now a file");
}

#[test]
fn the_last_put_of_a_path_wins() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("output");
    let o = Output::new(&out).expect("output");
    o.put("style.css", b"old").expect("put");
    o.commit().expect("commit");

    // The theme's file differs, the site's own file (put last) equals the output's.
    let o = Output::new(&out).expect("output");
    o.put("style.css", b"theme").expect("put");
    o.put("style.css", b"old").expect("put");
    let w = o.commit().expect("commit");
    assert_eq!((w.written, w.unchanged), (0, 1));
    assert_eq!(read(&out.join("style.css")), "old");
}
