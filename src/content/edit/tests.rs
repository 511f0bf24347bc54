//! The writer refuses every path that leaves its folder and never replaces what it was
//! not shown.

use super::*;

fn writer() -> (tempfile::TempDir, Writer) {
    let dir = tempfile::tempdir().expect("temp dir");
    let w = Writer::open(dir.path()).expect("a folder");
    (dir, w)
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| crate::content::load::rel(dir, e.path()))
        .collect();
    v.sort();
    v
}

#[test]
fn paths_that_leave_are_refused() {
    let (dir, w) = writer();
    for bad in [
        "",
        "/etc/x",
        "../x",
        "a/../../x",
        "a/./b",
        "./a",
        "a//b",
        "a\\..\\b",
        "x\0y",
        "..",
    ] {
        assert!(
            matches!(w.create(bad, b"x"), Err(EditError::Outside(_))),
            "{bad:?}"
        );
    }
    assert!(names(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_never_followed() {
    let (dir, w) = writer();
    let away = tempfile::tempdir().expect("temp dir");
    std::os::unix::fs::symlink(away.path(), dir.path().join("out")).expect("link");
    std::os::unix::fs::symlink(away.path().join("f"), dir.path().join("f.md")).expect("link");
    assert!(matches!(
        w.create("out/x.md", b"x"),
        Err(EditError::Outside(_))
    ));
    assert!(matches!(w.put("f.md", b"x"), Err(EditError::Outside(_))));
    assert!(matches!(
        w.replace("f.md", b"", b"x"),
        Err(EditError::Outside(_))
    ));
    assert!(names(away.path()).is_empty());
}

#[test]
fn create_makes_folders_and_never_replaces() {
    let (dir, w) = writer();
    w.create("2024/a/index.md", b"one").expect("created");
    assert_eq!(
        fs::read(dir.path().join("2024/a/index.md")).unwrap(),
        b"one"
    );
    assert!(matches!(
        w.create("2024/a/index.md", b"two"),
        Err(EditError::Exists(_))
    ));
    assert!(matches!(
        w.create("2024/a", b"two"),
        Err(EditError::Exists(_))
    ));
    assert_eq!(
        fs::read(dir.path().join("2024/a/index.md")).unwrap(),
        b"one"
    );
    assert_eq!(names(dir.path()), ["2024", "2024/a", "2024/a/index.md"]);
}

#[test]
fn replace_needs_the_bytes_it_replaces() {
    let (dir, w) = writer();
    w.create("a.md", b"first").expect("created");
    assert!(matches!(
        w.replace("a.md", b"something else", b"second"),
        Err(EditError::Changed(_))
    ));
    assert_eq!(fs::read(dir.path().join("a.md")).unwrap(), b"first");
    w.replace("a.md", b"first", b"second").expect("replaced");
    assert_eq!(fs::read(dir.path().join("a.md")).unwrap(), b"second");
    assert!(matches!(
        w.replace("missing.md", b"", b"x"),
        Err(EditError::Io { .. })
    ));
    assert_eq!(names(dir.path()), ["a.md"], "no temporary file is left");
}

#[test]
fn put_overwrites_files_but_not_folders() {
    let (dir, w) = writer();
    w.put("2024/x.docx", b"1").expect("written");
    w.put("2024/x.docx", b"2").expect("written again");
    assert_eq!(fs::read(dir.path().join("2024/x.docx")).unwrap(), b"2");
    assert!(matches!(w.put("2024", b"x"), Err(EditError::Exists(_))));
}

#[test]
fn rename_makes_a_bundle_without_replacing() {
    let (dir, w) = writer();
    w.create("2024/a.md", b"profile").expect("created");
    w.rename("2024/a.md", "2024/a/index.md").expect("moved");
    assert_eq!(names(dir.path()), ["2024", "2024/a", "2024/a/index.md"]);
    w.create("2024/b.md", b"b").expect("created");
    assert!(matches!(
        w.rename("2024/b.md", "2024/a/index.md"),
        Err(EditError::Exists(_))
    ));
    assert_eq!(
        fs::read(dir.path().join("2024/a/index.md")).unwrap(),
        b"profile"
    );
    assert_eq!(fs::read(dir.path().join("2024/b.md")).unwrap(), b"b");
}

#[test]
fn concurrent_creates_of_one_name_leave_one_winner() {
    let (dir, w) = writer();
    let wins: usize = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|i| {
                let w = &w;
                s.spawn(move || w.create("2024/same.md", format!("{i}").as_bytes()).is_ok())
            })
            .collect();
        handles
            .into_iter()
            .map(|h| usize::from(h.join().unwrap()))
            .sum()
    });
    assert_eq!(wins, 1);
    assert_eq!(names(dir.path()), ["2024", "2024/same.md"]);
}

#[test]
fn remove_takes_back_only_the_bytes_it_was_shown() {
    let (dir, w) = writer();
    w.create("a.md", b"one").expect("create");
    assert!(matches!(
        w.remove("a.md", b"two"),
        Err(EditError::Changed(_))
    ));
    assert!(dir.path().join("a.md").is_file());
    assert!(matches!(
        w.remove("../a.md", b"one"),
        Err(EditError::Outside(_))
    ));
    w.remove("a.md", b"one").expect("remove");
    assert!(names(dir.path()).is_empty());
}
