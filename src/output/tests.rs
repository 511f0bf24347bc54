//! The output step on its own: only changed files written, the whole new site swapped in,
//! nothing of anyone else's ever removed, and what an interrupted build left finished.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::time::{Duration, SystemTime};

use super::*;

fn mtime(p: &Path) -> SystemTime {
    fs::metadata(p).and_then(|m| m.modified()).expect("mtime")
}

fn read(p: &Path) -> String {
    fs::read_to_string(p).expect("read")
}

fn build(out: &Path, files: &[(&str, &str)]) -> Written {
    let o = Output::new(out).expect("output");
    for (rel, text) in files {
        o.put(rel, text.as_bytes()).expect("put");
    }
    o.commit().expect("commit").0
}

/// Every file of `dir` but the list, with its text.
fn files(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = entries(dir)
        .expect("walk")
        .into_iter()
        .filter(|r| !fs::metadata(dir.join(r)).is_ok_and(|m| m.is_dir()))
        .map(|r| {
            let text = read(&dir.join(&r));
            (r, text)
        })
        .collect();
    out.sort();
    out
}

fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = fs::read_dir(dir)
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

#[test]
fn a_first_build_becomes_the_output_with_its_list() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("site/output");
    let w = build(&out, &[("index.html", "home"), ("2024/a/index.html", "a")]);
    assert_eq!((w.written, w.unchanged, w.removed), (2, 0, 0));
    assert_eq!(read(&out.join("2024/a/index.html")), "a");
    assert_eq!(names(&tmp.path().join("site")), ["output"]);
    let list = manifest::read(&out).expect("read").expect("a list");
    assert_eq!(list.len(), 2);
}

#[test]
fn only_changed_files_are_written_and_stale_ones_removed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("output");
    build(
        &out,
        &[
            ("index.html", "home"),
            ("a/index.html", "a"),
            ("b/x.txt", "b"),
        ],
    );
    let old = SystemTime::now() - Duration::from_secs(3600);
    for rel in ["index.html", "a/index.html", "b/x.txt"] {
        let f = fs::File::options()
            .write(true)
            .open(out.join(rel))
            .expect("open");
        f.set_modified(old).expect("set mtime");
    }
    let inode = fs::metadata(out.join("index.html")).expect("meta").ino();

    let w = build(
        &out,
        &[
            ("index.html", "home"),
            ("a/index.html", "A, edited"),
            ("c/new.txt", "c"),
        ],
    );
    assert_eq!((w.written, w.unchanged, w.removed), (2, 1, 1));
    assert_eq!(
        mtime(&out.join("index.html")),
        old,
        "an identical file is not touched"
    );
    let same = fs::metadata(out.join("index.html")).expect("meta").ino();
    assert_eq!(same, inode, "the very same file");
    assert_eq!(read(&out.join("a/index.html")), "A, edited");
    assert_eq!(read(&out.join("c/new.txt")), "c");
    assert!(
        !out.join("b").exists(),
        "a folder emptied of stale files goes too"
    );
    assert_eq!(names(tmp.path()), ["output"], "no staging left");
}

#[test]
fn a_rebuild_with_nothing_to_write_changes_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("output");
    build(&out, &[("index.html", "home")]);
    let inode = fs::metadata(&out).expect("meta").ino();
    let w = build(&out, &[("index.html", "home")]);
    assert_eq!((w.written, w.unchanged, w.removed), (0, 1, 0));
    assert_eq!(
        fs::metadata(&out).expect("meta").ino(),
        inode,
        "not even swapped"
    );
}

#[test]
fn a_dropped_build_leaves_the_output_as_it_was() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("output");
    build(&out, &[("a/index.html", "a")]);
    let o = Output::new(&out).expect("output");
    o.put("a/index.html", b"changed").expect("put");
    o.put("b/index.html", b"new").expect("put");
    drop(o);
    assert_eq!(read(&out.join("a/index.html")), "a");
    assert!(!out.join("b").exists());
    assert_eq!(names(tmp.path()), ["output"]);
}

#[test]
fn files_and_folders_may_trade_places() {
    for in_place in [false, true] {
        let tmp = tempfile::tempdir().expect("tempdir");
        let out = tmp.path().join("output");
        build(&out, &[("x", "a file"), ("y/index.html", "in a folder")]);
        let o = if in_place {
            Output::in_place(&out)
        } else {
            Output::new(&out).expect("output")
        };
        o.put("x/index.html", b"now a folder").expect("put");
        o.put("y", b"now a file").expect("put");
        o.commit().expect("commit");
        assert_eq!(read(&out.join("x/index.html")), "now a folder");
        assert_eq!(read(&out.join("y")), "now a file");
    }
}

#[test]
fn the_last_put_of_a_path_wins() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("output");
    build(&out, &[("style.css", "old")]);
    // The theme's file differs, the site's own file (put last) equals the output's.
    let o = Output::new(&out).expect("output");
    o.put("style.css", b"theme").expect("put");
    o.put("style.css", b"old").expect("put");
    let (w, _) = o.commit().expect("commit");
    assert_eq!((w.written, w.unchanged), (0, 1));
    assert_eq!(read(&out.join("style.css")), "old");
}

fn strict(force: bool) -> Opening<'static> {
    Opening {
        force,
        adopt: &|| false,
    }
}

#[test]
fn a_folder_of_documents_is_refused_and_even_forced_loses_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let docs = tmp.path().join("tai-lieu");
    fs::create_dir_all(docs.join("2023")).expect("mkdir");
    fs::create_dir_all(docs.join("trong")).expect("mkdir");
    fs::write(docs.join("bao-cao.docx"), "báo cáo").expect("write");
    fs::write(docs.join("2023/ke-hoach.pdf"), "kế hoạch").expect("write");
    let before = files(&docs);
    match Output::open(&docs, &strict(false)) {
        Err(Fatal::OutputForeign {
            count, examples, ..
        }) => {
            assert_eq!(count, 3);
            assert_eq!(examples, ["2023/ke-hoach.pdf", "bao-cao.docx", "trong"]);
        }
        Err(f) => panic!("{f:?}"),
        Ok(_) => panic!("a folder of documents was accepted"),
    }
    // Forced: the documents stay, reported; the next build removes only its own files.
    let o = Output::open(&docs, &strict(true)).expect("forced");
    o.put("index.html", b"home").expect("put");
    o.put("2023/index.html", b"2023").expect("put");
    let (_, said) = o.commit().expect("commit");
    assert!(
        matches!(&said[..], [Notice::ForeignKept { count: 3, .. }]),
        "{said:?}"
    );
    let o = Output::open(&docs, &strict(false)).expect("now listed");
    o.put("index.html", b"home").expect("put");
    let (w, _) = o.commit().expect("commit");
    assert_eq!(w.removed, 1, "2023/index.html");
    let mut expected = before;
    expected.push(("index.html".into(), "home".into()));
    assert_eq!(files(&docs), expected);
    assert!(
        docs.join("trong").is_dir(),
        "an empty folder of theirs stays too"
    );
}

#[test]
fn a_file_of_someone_elses_in_the_way_stops_the_commit() {
    for in_place in [false, true] {
        let tmp = tempfile::tempdir().expect("tempdir");
        let out = tmp.path().join("output");
        build(&out, &[("index.html", "home")]);
        fs::write(out.join("404.html"), "của tôi").expect("write");
        fs::write(out.join("2024"), "một tệp").expect("write");
        let o = if in_place {
            Output::in_place(&out)
        } else {
            Output::new(&out).expect("output")
        };
        o.put("index.html", b"home").expect("put");
        o.put("404.html", b"not found").expect("put");
        o.put("2024/index.html", b"2024").expect("put");
        match o.commit() {
            Err(Fatal::OutputInTheWay { paths, .. }) => assert_eq!(paths, ["2024", "404.html"]),
            other => panic!("{other:?}"),
        }
        assert_eq!(read(&out.join("404.html")), "của tôi");
        assert_eq!(names(tmp.path()), ["output"]);
        assert!(!out.join(manifest::STAGING).exists());
    }
}

#[test]
fn files_someone_put_in_the_output_stay_across_builds() {
    for in_place in [false, true] {
        let tmp = tempfile::tempdir().expect("tempdir");
        let out = tmp.path().join("output");
        build(&out, &[("index.html", "home"), ("2024/a/index.html", "a")]);
        fs::write(out.join("google123.html"), "xác minh").expect("write");
        fs::create_dir_all(out.join("2024/a/tai-lieu")).expect("mkdir");
        fs::write(out.join("2024/a/tai-lieu/x.pdf"), "pdf").expect("write");
        let o = if in_place {
            Output::in_place(&out)
        } else {
            Output::new(&out).expect("output")
        };
        o.put("index.html", b"home, edited").expect("put");
        let (w, said) = o.commit().expect("commit");
        assert_eq!(w.removed, 1, "2024/a/index.html");
        assert!(
            matches!(&said[..], [Notice::ForeignKept { count: 2, .. }]),
            "{said:?}"
        );
        assert_eq!(
            files(&out),
            [
                ("2024/a/tai-lieu/x.pdf".to_string(), "pdf".to_string()),
                ("google123.html".into(), "xác minh".into()),
                ("index.html".into(), "home, edited".into()),
            ]
        );
        assert_eq!(names(tmp.path()), ["output"]);
    }
}

#[test]
fn a_failed_write_is_recorded_as_one() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("output");
    let o = Output::new(&out).expect("output");
    Sink::put(&o, "a", b"a file").expect("put");
    let e = Sink::put(&o, "a/b", b"inside a file").expect_err("cannot");
    assert_eq!(o.failures(), [e]);
    assert!(
        Sink::put(&o, manifest::NAME, b"{}").is_err(),
        "bangvang's own name"
    );
    drop(o);
    assert!(!out.exists());
}

/// The states a build stopped by `kill -9` can leave, each completed or cleared by the
/// next build's `recover`, and the output again one whole build.
#[test]
fn what_an_interrupted_build_left_is_cleared_without_losing_anything() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("output");
    build(&out, &[("a.html", "a"), ("kept.txt", "kept")]);
    let whole = files(&out);

    // Stopped while rendering: a staging folder without a list.
    let early = tmp.path().join(".output.bangvang-1-0");
    fs::create_dir_all(early.join("x")).expect("mkdir");
    fs::write(early.join("x/new.html"), "new").expect("write");
    fs::hard_link(out.join("a.html"), early.join("a.html")).expect("link");
    // Stopped after the exchange: the old site, with its list, beside the new one; a
    // file someone put in the output meanwhile is only there.
    let late = tmp.path().join(".output.bangvang-2-0");
    fs::create_dir_all(&late).expect("mkdir");
    let old_list = manifest::bytes(&["a.html".to_string(), "stale.html".to_string()]);
    fs::write(late.join(manifest::NAME), old_list).expect("write");
    fs::write(late.join("a.html"), "old a").expect("write");
    fs::write(late.join("stale.html"), "stale").expect("write");
    fs::hard_link(out.join("kept.txt"), late.join("kept.txt")).expect("link");
    fs::write(late.join("ghi-chu.txt"), "mine").expect("write");
    let said = recover(&out).expect("recover");
    assert!(said.is_empty(), "{said:?}");
    assert_eq!(names(tmp.path()), ["output"]);
    let mut expected = whole.clone();
    expected.insert(1, ("ghi-chu.txt".into(), "mine".into()));
    assert_eq!(files(&out), expected);

    // Stopped while moving files in under a journal: the next build completes it.
    let inside = out.join(manifest::STAGING);
    fs::create_dir_all(&inside).expect("mkdir");
    fs::write(inside.join("a.html"), "a, edited").expect("write");
    let journal = serde_json::json!({
        "staging": inside,
        "moves": ["a.html"],
        "removals": ["kept.txt"],
    });
    fs::write(out.join(manifest::JOURNAL), journal.to_string()).expect("write");
    recover(&out).expect("recover");
    assert_eq!(
        files(&out),
        [
            ("a.html".to_string(), "a, edited".to_string()),
            ("ghi-chu.txt".into(), "mine".into()),
        ]
    );
    assert!(!inside.exists() && !out.join(manifest::JOURNAL).exists());

    // Stopped before its journal: the staging folder inside goes, the rest stays.
    fs::create_dir_all(&inside).expect("mkdir");
    fs::write(inside.join("a.html"), "never committed").expect("write");
    recover(&out).expect("recover");
    assert_eq!(read(&out.join("a.html")), "a, edited");
    assert!(!inside.exists());
}

#[test]
fn a_read_only_folder_of_the_output_does_not_stop_a_build() {
    use std::os::unix::fs::PermissionsExt;
    for in_place in [false, true] {
        let tmp = tempfile::tempdir().expect("tempdir");
        let out = tmp.path().join("output");
        build(
            &out,
            &[("2024/a/index.html", "a"), ("2024/b/index.html", "b")],
        );
        let ro = out.join("2024/a");
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).expect("chmod");
        let o = if in_place {
            Output::in_place(&out)
        } else {
            Output::new(&out).expect("output")
        };
        o.put("2024/b/index.html", b"b").expect("put");
        o.put("2024/a/index.html", b"a, edited").expect("put");
        o.put("2024/c/index.html", b"c").expect("put");
        o.commit().expect("commit");
        assert_eq!(read(&out.join("2024/a/index.html")), "a, edited");
        assert_eq!(names(tmp.path()), ["output"]);
    }
}

#[test]
fn a_kept_file_is_linked_in_once_and_left_alone_after() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("site/output");
    let cache = tmp.path().join("site/.cache");
    fs::create_dir_all(&cache).expect("mkdir");
    let (card, other) = (cache.join("a.png"), cache.join("b.png"));
    fs::write(&card, "card A").expect("write");
    fs::write(&other, "card B").expect("write");
    let put = |from: &Path| {
        let o = Output::new(&out).expect("output");
        o.put("index.html", b"home").expect("put");
        Sink::put_file(&o, "2024/a/chia-se.png", from).expect("put_file");
        o.commit().expect("commit").0
    };
    let w = put(&card);
    assert_eq!((w.written, w.unchanged), (2, 0));
    let published = out.join("2024/a/chia-se.png");
    assert_eq!(read(&published), "card A");
    // Linked, not copied: the same file as the cache's.
    let (m, c) = (
        fs::metadata(&published).unwrap(),
        fs::metadata(&card).unwrap(),
    );
    assert_eq!((m.dev(), m.ino()), (c.dev(), c.ino()));
    let before = mtime(&published);
    std::thread::sleep(Duration::from_millis(20));
    assert_eq!((put(&card).written, put(&card).unchanged), (0, 2));
    assert_eq!(mtime(&published), before);
    // A copy of the same bytes (a cache made again) is still the same file to the output.
    fs::remove_file(&card).expect("rm");
    fs::write(&card, "card A").expect("write");
    assert_eq!(put(&card).written, 0);
    // Another card takes its place; the one before stays in the cache, whole.
    assert_eq!(put(&other).written, 1);
    assert_eq!(read(&published), "card B");
    assert_eq!(read(&card), "card A");
    // Bytes put where a kept file was linked replace the link, never what it leads to.
    let o = Output::new(&out).expect("output");
    Sink::put_file(&o, "2024/b/chia-se.png", &card).expect("put_file");
    o.put("2024/b/chia-se.png", b"drawn again").expect("put");
    o.commit().expect("commit");
    assert_eq!(read(&out.join("2024/b/chia-se.png")), "drawn again");
    assert_eq!(read(&card), "card A");
}

#[test]
fn a_kept_file_goes_through_any_sink_as_its_bytes() {
    struct Memory(Mutex<Vec<(String, Vec<u8>)>>);
    impl Sink for Memory {
        fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), String> {
            locked(&self.0).push((rel.to_string(), bytes.to_vec()));
            Ok(())
        }
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let card = tmp.path().join("a.png");
    fs::write(&card, "card A").expect("write");
    let m = Memory(Mutex::new(Vec::new()));
    m.put_file("2024/a/chia-se.png", &card).expect("put_file");
    let said = m.put_file("2024/b/chia-se.png", &tmp.path().join("gone.png"));
    assert!(said.is_err_and(|e| e.contains("gone.png")));
    assert_eq!(
        *locked(&m.0),
        [("2024/a/chia-se.png".to_string(), b"card A".to_vec())]
    );
}
