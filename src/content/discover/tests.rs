//! Discovery on its own: where profiles are found, and every misplaced, misnamed, special
//! or outward-linked file named.

use std::fs;
use std::path::Path;

use super::*;
use crate::diag::fatal::Special;

fn site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    fs::create_dir_all(tmp.path().join("content/2024")).expect("mkdir");
    fs::write(tmp.path().join("content/site.toml"), "").expect("write");
    tmp
}

fn put(root: &Path, rel: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(path, "+++\n+++\n").expect("write");
}

fn found(d: &Discovered) -> Vec<String> {
    d.found
        .iter()
        .map(|f| format!("{}/{}", f.year, f.slug))
        .collect()
}

fn said(d: &Discovered, rule: Rule) -> Vec<(String, Msg)> {
    d.diags
        .iter()
        .filter(|x| x.rule == rule)
        .map(|x| (x.file.clone(), x.msg.clone()))
        .collect()
}

#[test]
fn profiles_are_found_where_they_live_and_nowhere_else() {
    let tmp = site();
    let root = tmp.path();
    for rel in [
        "content/2024/nguyen-van-an.md",
        "content/2024/tran-binh/index.md",
        "content/2024/_ghi-chu.md",
        "content/2024/.an.md.swp",
        "content/_ghi-chu/y-tuong.md",
        "content/static/tai-lieu/huong-dan.md",
        "content/nguyen-van-b.md",
        "content/Năm 2025/le-thi-c.md",
        "content/2024/nhom/le-van-d.md",
        "content/2024/tran-binh/ghi-chu.md",
        "content/2024/tran-binh/cu/index.md",
    ] {
        put(root, rel);
    }
    let d = discover(root, &root.join("content"));
    assert!(d.fatals.is_empty(), "{:?}", d.fatals);
    assert_eq!(found(&d), ["2024/nguyen-van-an", "2024/tran-binh"]);
    let misplaced = said(&d, Rule::MisplacedFile);
    let at = |file: &str, year: Option<u16>, slug: &str| {
        let msg = Msg::MisplacedFile {
            year,
            slug: Some(slug.to_string()),
        };
        assert!(
            misplaced.contains(&(file.to_string(), msg)),
            "{file}: {misplaced:?}"
        );
    };
    at("content/nguyen-van-b.md", Some(2024), "nguyen-van-b");
    at("content/Năm 2025/le-thi-c.md", Some(2025), "le-thi-c");
    at("content/2024/nhom/le-van-d.md", Some(2024), "le-van-d");
    at("content/2024/tran-binh/ghi-chu.md", Some(2024), "ghi-chu");
    at("content/2024/tran-binh/cu/index.md", Some(2024), "cu");
    assert_eq!(misplaced.len(), 5, "{misplaced:?}");
    assert_eq!(
        d.statics,
        [StaticFile {
            rel: "tai-lieu/huong-dan.md".into(),
            path: root.join("content/static/tai-lieu/huong-dan.md"),
        }]
    );
}

#[test]
fn a_name_that_is_not_a_slug_says_the_name_to_use() {
    let tmp = site();
    let root = tmp.path();
    let cases = [
        ("Nguyễn Văn A.md", Some("nguyen-van-a.md"), false),
        ("NGUYEN-VAN-B.md", Some("nguyen-van-b.md"), false),
        ("nguyen van c.md", Some("nguyen-van-c.md"), false),
        ("%2e%2e.md", Some("2e-2e.md"), false),
        ("h#x.md", Some("h-x.md"), false),
        ("index.html.md", Some("index-html.md"), false),
        ("le-thi-e.MD", Some("le-thi-e.md"), false),
        ("!!!.md", None, false),
    ];
    for (name, _, _) in &cases {
        put(root, &format!("content/2024/{name}"));
    }
    put(root, "content/2024/x.md/index.md");
    put(root, "content/2024/Trần Bình/index.md");
    let d = discover(root, &root.join("content"));
    assert!(d.found.is_empty(), "{:?}", found(&d));
    let bad = said(&d, Rule::BadSlug);
    for (name, suggestion, folder) in cases {
        let msg = Msg::BadSlug {
            name: name.into(),
            suggestion: suggestion.map(str::to_string),
            folder,
        };
        assert!(
            bad.contains(&(format!("content/2024/{name}"), msg)),
            "{name}: {bad:?}"
        );
    }
    for (folder, slug) in [("x.md", "x"), ("Trần Bình", "tran-binh")] {
        let msg = Msg::BadSlug {
            name: folder.into(),
            suggestion: Some(slug.into()),
            folder: true,
        };
        let file = format!("content/2024/{folder}/index.md");
        assert!(bad.contains(&(file, msg)), "{folder}: {bad:?}");
    }
    assert_eq!(bad.len(), 10);
}

#[test]
fn a_name_the_build_uses_in_a_year_is_refused() {
    // `/2024/in/` is the print board and `/2024/trang/2/` the roll's second page: a
    // profile called so would replace them.
    let dir = site();
    let root = dir.path();
    put(root, "content/2024/in.md");
    put(root, "content/2024/trang/index.md");
    put(root, "content/2024/trang-nguyen.md");
    let d = discover(root, &root.join("content"));
    assert_eq!(found(&d), vec!["2024/trang-nguyen".to_string()]);
    let bad = said(&d, Rule::BadSlug);
    let file = Msg::ReservedSlug {
        name: "in.md".into(),
        folder: false,
    };
    let folder = Msg::ReservedSlug {
        name: "trang".into(),
        folder: true,
    };
    assert!(
        bad.contains(&("content/2024/in.md".into(), file)),
        "{bad:?}"
    );
    assert!(
        bad.contains(&("content/2024/trang/index.md".into(), folder)),
        "{bad:?}"
    );
    assert_eq!(bad.len(), 2, "{bad:?}");
}

fn fifo(path: &Path) {
    use rustix::fs::{CWD, FileType, Mode, mknodat};
    mknodat(CWD, path, FileType::Fifo, Mode::from_raw_mode(0o644), 0).expect("mkfifo");
}

#[test]
fn pipes_are_named_never_opened() {
    let tmp = site();
    let root = tmp.path();
    put(root, "content/2024/a/index.md");
    fifo(&root.join("content/2024/b.md"));
    fifo(&root.join("content/2024/a/anh.jpg"));
    fifo(&root.join("content/2024/_plan.toml"));
    fs::create_dir_all(root.join("content/static")).expect("mkdir");
    fifo(&root.join("content/static/logo.svg"));
    let d = discover(root, &root.join("content"));
    let mut pipes: Vec<String> = d
        .fatals
        .iter()
        .map(|f| match f {
            Fatal::NotAFile { path, kind } => {
                assert_eq!(*kind, Special::Pipe);
                path.clone()
            }
            other => panic!("{other:?}"),
        })
        .collect();
    pipes.sort();
    assert_eq!(
        pipes,
        [
            "content/2024/_plan.toml",
            "content/2024/a/anh.jpg",
            "content/2024/b.md",
            "content/static/logo.svg"
        ]
    );
}

#[test]
fn links_may_not_lead_out_of_content() {
    use std::os::unix::fs::symlink;
    let tmp = site();
    let root = tmp.path();
    put(root, "elsewhere/nguyen-van-an.md");
    put(root, "elsewhere/bundle/index.md");
    put(root, "content/2023/tran-binh.md");
    symlink(
        root.join("elsewhere/nguyen-van-an.md"),
        root.join("content/2024/an.md"),
    )
    .expect("link");
    symlink(
        root.join("elsewhere/bundle"),
        root.join("content/2024/binh"),
    )
    .expect("link");
    symlink(root.join("elsewhere"), root.join("content/2025")).expect("link");
    // Inside content/: followed.
    symlink(
        root.join("content/2023/tran-binh.md"),
        root.join("content/2024/tran-binh.md"),
    )
    .expect("link");
    // A photo leading out: its own rule (`photo`) refuses it, with the profile's line.
    symlink(
        root.join("elsewhere/x.jpg"),
        root.join("content/2024/anh.jpg"),
    )
    .expect("link");
    let d = discover(root, &root.join("content"));
    let mut out: Vec<String> = d
        .fatals
        .iter()
        .map(|f| match f {
            Fatal::LeadsOutside { path, .. } => path.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    out.sort();
    assert_eq!(
        out,
        ["content/2024/an.md", "content/2024/binh", "content/2025"]
    );
    assert_eq!(found(&d), ["2023/tran-binh", "2024/tran-binh"]);
}

#[test]
fn years_are_told_from_folder_names() {
    assert_eq!(year_in("content/Năm 2025/x.md"), Some(2025));
    assert_eq!(year_in("content/nam2024/x.md"), Some(2024));
    assert_eq!(year_in("content/x-123456/x.md"), None);
    assert_eq!(year_in("content/ghi-chu/x.md"), None);
    assert_eq!(markdown("a.MARKDOWN"), Some("a"));
    assert_eq!(markdown("a.txt"), None);
}
