//! The hash of the output a build works out from what it wrote is the one a walk of the
//! output gives, in every way a commit can go; where the output may hold more than the
//! build's files, the build says it must be walked.

use std::fs;
use std::path::Path;

use super::*;

/// Commits `files` (and the kept file `card`, linked in) into `out`; returns the hash
/// the build worked out.
fn commit(o: Output, files: &[(&str, &str)], card: Option<&Path>) -> Option<String> {
    for (rel, text) in files {
        o.put(rel, text.as_bytes()).expect("put");
    }
    if let Some(from) = card {
        o.put_file("2024/a/chia-se.png", from).expect("put_file");
    }
    o.commit_stamped().expect("commit").2
}

/// Names that sort one way as text and another part by part (`a-b/…` before `a/…` as
/// text, after it by parts), numbers as names, folders deep and shallow.
const SITE: &[(&str, &str)] = &[
    ("index.html", "home"),
    ("a.html", "a"),
    ("a/b.html", "ab"),
    ("a-b/x.html", "abx"),
    ("2024/index.html", "year"),
    ("2024/a/index.html", "profile"),
    ("tim-kiem/d/10.json", "10"),
    ("tim-kiem/d/2.json", "2"),
    ("x/y/z/w/v/deep.html", "deep"),
];

#[test]
fn every_commit_of_the_build_s_own_files_knows_the_walk_s_hash() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("output");
    let card = tmp.path().join("card.png");
    fs::write(&card, "png").expect("write");

    let first = commit(Output::new(&out).expect("output"), SITE, Some(&card));
    assert_eq!(first, stamp::output(&out), "a first build");
    assert!(first.is_some());

    // One file changed, the rest (and the linked card) left as they were.
    let mut changed = SITE.to_vec();
    changed[5] = ("2024/a/index.html", "profile, edited");
    let second = commit(Output::new(&out).expect("output"), &changed, Some(&card));
    assert_eq!(second, stamp::output(&out), "a rebuild with one change");
    assert_ne!(second, first);

    // Nothing to write at all.
    let third = commit(Output::new(&out).expect("output"), &changed, Some(&card));
    assert_eq!(
        third,
        stamp::output(&out),
        "a rebuild with nothing to write"
    );
    assert_eq!(third, second);

    // A file and the folders it alone was in dropped from the site.
    let fewer: Vec<_> = changed
        .iter()
        .copied()
        .filter(|(r, _)| !r.starts_with("x/"))
        .collect();
    let fourth = commit(Output::new(&out).expect("output"), &fewer, None);
    assert_eq!(fourth, stamp::output(&out), "a rebuild that removes");
    assert!(!out.join("x").exists());
}

#[test]
fn an_output_that_may_hold_more_is_left_to_the_walk() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("output");
    commit(Output::new(&out).expect("output"), SITE, None);
    // Someone's file in the output: kept, so the build cannot know the hash alone.
    fs::write(out.join("ghi-chu.txt"), "của tôi").expect("write");
    assert_eq!(commit(Output::new(&out).expect("output"), SITE, None), None);
    fs::remove_file(out.join("ghi-chu.txt")).expect("rm");
    // Moved in file by file under a journal (an output that cannot be exchanged)...
    let mut changed = SITE.to_vec();
    changed[0] = ("index.html", "home, edited");
    assert_eq!(commit(Output::in_place(&out), &changed, None), None);
    // ... but with nothing to move, the output is the build's files alone.
    let same = commit(Output::in_place(&out), &changed, None);
    assert!(same.is_some());
    assert_eq!(same, stamp::output(&out));
    // Back to a build of its own: known again.
    let known = commit(Output::new(&out).expect("output"), SITE, None);
    assert!(known.is_some());
    assert_eq!(known, stamp::output(&out));
}
