//! Nobody is left off the roll without a word (issue 11 §3), and a file of `content//static`
//! never replaces a page (§4, `static-conflict`): through the binary, `check` reports what
//! `build` refuses, with the place or the name to use; unreadable folders, pipes and
//! links leading out stop both (exit 2), naming the file, and never hang.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Fixture, find, staff, tree};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn hint(diag: &serde_json::Value, f: &Fixture) -> String {
    // The hint is in the human form.
    let file = diag["file"].as_str().expect("file");
    let out = f.run(&["check"]);
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    let at = text
        .find(file)
        .unwrap_or_else(|| panic!("{file} not in {text}"));
    text[at..]
        .lines()
        .find(|l| l.contains("gợi ý"))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_misplaced_profile_is_an_error_that_says_where_it_belongs() {
    let f = Fixture::new();
    f.write("content/nguyen-van-an.md", &staff("Nguyễn Văn An"));
    f.write("content/Năm 2025/tran-thi-binh.md", &staff("Trần Thị Bình"));
    f.write(
        "content/2024/nhom-a/le-van-cuong.md",
        &staff("Lê Văn Cường"),
    );
    f.write(
        "content/2024/nhom-b/pham-van-dung/index.md",
        &staff("Phạm Văn Dũng"),
    );
    f.write("content/_ghi-chu.md", "ghi chú");
    f.write("content/2024/_y-tuong.md", "ý tưởng");
    f.write("content/static/huong-dan.md", "tài liệu");
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!f.path("output").exists(), "nothing built");
    let (code, diags) = f.check_json();
    assert_eq!(code, 1);
    let places = [
        ("content/nguyen-van-an.md", "content/2024/nguyen-van-an.md"),
        (
            "content/Năm 2025/tran-thi-binh.md",
            "content/2025/tran-thi-binh.md",
        ),
        (
            "content/2024/nhom-a/le-van-cuong.md",
            "content/2024/le-van-cuong.md",
        ),
        (
            "content/2024/nhom-b/pham-van-dung/index.md",
            "content/2024/pham-van-dung.md",
        ),
    ];
    for (file, place) in places {
        let d = find(&diags, "misplaced-file", file);
        assert_eq!(d["severity"], "error");
        assert!(hint(d, &f).contains(place), "{file}: {}", hint(d, &f));
    }
    let misplaced = diags
        .iter()
        .filter(|d| d["rule"] == "misplaced-file")
        .count();
    assert_eq!(
        misplaced,
        places.len(),
        "notes and static files are not profiles"
    );
}

#[test]
fn a_name_that_is_not_an_address_is_a_bad_slug_with_the_name_to_use() {
    let f = Fixture::new();
    let names = [
        ("Nguyễn Văn A.md", "nguyen-van-a.md"),
        ("NGUYEN-VAN-B.md", "nguyen-van-b.md"),
        ("nguyen van c.md", "nguyen-van-c.md"),
        ("%2e%2e.md", "2e-2e.md"),
        ("h#x.md", "h-x.md"),
        ("index.html.md", "index-html.md"),
    ];
    for (name, _) in names {
        f.write(&format!("content/2024/{name}"), &staff("Nguyễn Văn A"));
    }
    f.write("content/2024/x.md/index.md", &staff("Nguyễn Văn X"));
    let (code, diags) = f.check_json();
    assert_eq!(code, 1);
    for (name, slug) in names {
        let d = find(&diags, "bad-slug", &format!("content/2024/{name}"));
        assert!(
            hint(d, &f).contains(&format!("đổi tên thành {slug}")),
            "{name}"
        );
    }
    let d = find(&diags, "bad-slug", "content/2024/x.md/index.md");
    assert!(
        d["message"]
            .as_str()
            .unwrap_or_default()
            .contains("thư mục"),
        "{d}"
    );
    assert!(hint(d, &f).contains("đổi tên thành x"), "{}", hint(d, &f));
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!f.path("output").exists());
}

/// Runs `bangvang ARGS` in `f`, stopping it if it has not ended within ten seconds
/// (what a pipe in `content/` did to every command).
fn bounded(f: &Fixture, args: &[&str]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bangvang"))
        .args(args)
        .current_dir(f.root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("bangvang {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn fifo(path: &std::path::Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: a valid C string; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

#[test]
fn a_pipe_in_content_is_named_and_never_opened() {
    let f = Fixture::new();
    f.run(&["build"]);
    let before = tree(&f.path("output"));
    for rel in ["content/2024/ong-dan.md", "content/static/logo.svg"] {
        fs::create_dir_all(f.path(rel).parent().expect("parent")).expect("mkdir");
        fifo(&f.path(rel));
        for args in [&["check"][..], &["build"][..]] {
            let out = bounded(&f, args);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert!(err.contains(rel) && err.contains("FIFO"), "{err}");
        }
        fs::remove_file(f.path(rel)).expect("remove");
    }
    assert_eq!(tree(&f.path("output")), before);
}

#[test]
fn a_profile_linked_from_outside_content_is_refused() {
    let f = Fixture::new();
    f.write("ngoai/nguyen-van-an.md", &staff("Nguyễn Văn An"));
    std::os::unix::fs::symlink(
        f.path("ngoai/nguyen-van-an.md"),
        f.path("content/2024/nguyen-van-an.md"),
    )
    .expect("link");
    for args in [&["check"][..], &["build"][..]] {
        let out = f.run(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("content/2024/nguyen-van-an.md"), "{err}");
        assert!(err.contains("ngoai/nguyen-van-an.md"), "{err}");
    }
    assert!(!f.path("output").exists());
    // A link inside content/ is read like the file it leads to.
    fs::remove_file(f.path("content/2024/nguyen-van-an.md")).expect("remove");
    f.write("content/2023/_cu.md", &staff("Nguyễn Văn An"));
    std::os::unix::fs::symlink(
        f.path("content/2023/_cu.md"),
        f.path("content/2024/nguyen-van-an.md"),
    )
    .expect("link");
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(f.path("output/2024/nguyen-van-an/index.html").is_file());
}

/// Runs `bangvang ARGS` in `f` as a user whom permissions bind: the tests' own user, or
/// `nobody` when they run as root (whom a folder's permissions do not stop).
fn as_a_user(f: &Fixture, args: &[&str]) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bangvang"));
    cmd.args(args).current_dir(f.root());
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        for entry in walkdir::WalkDir::new(f.root()) {
            let entry = entry.expect("walk");
            std::os::unix::fs::lchown(entry.path(), Some(65534), Some(65534)).expect("chown");
        }
        cmd.uid(65534).gid(65534);
    }
    cmd.output().expect("runs")
}

#[test]
fn an_unreadable_folder_is_an_io_error_never_a_smaller_site() {
    let f = Fixture::new();
    f.write(
        "content/2024/tran-binh-minh/index.md",
        &staff("Trần Bình Minh"),
    );
    let out = as_a_user(&f, &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let before = tree(&f.path("output"));
    assert!(before.contains_key("2024/tran-binh-minh/index.html"));
    let bundle = f.path("content/2024/tran-binh-minh");
    fs::set_permissions(&bundle, fs::Permissions::from_mode(0o000)).expect("chmod");
    f.write(
        "content/2024/nguyen-thi-hanh.md",
        &staff("Nguyễn Thị Hạnh Mới"),
    );
    for args in [&["check"][..], &["build"][..]] {
        let out = as_a_user(&f, args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("không đọc được content/2024/tran-binh-minh"),
            "{err}"
        );
    }
    fs::set_permissions(&bundle, fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(tree(&f.path("output")), before, "its pages are still there");
}

#[test]
fn a_static_file_that_would_replace_a_page_is_a_static_conflict() {
    let f = Fixture::new();
    f.write("content/static/index.html", "<p>trang tự làm</p>");
    f.write("content/static/2024/index.html", "x");
    f.write("content/static/don-vi/index.html", "x");
    f.write("content/static/atom.xml.gz", "x");
    // The site's own favicon, logo and style replace the theme's: that is expected.
    f.write("content/static/favicon.svg", "<svg/>");
    f.write("content/static/style.css", "body{}");
    f.write("content/static/tai-lieu/bao-cao.pdf", "pdf");
    let (code, diags) = f.check_json();
    assert_eq!(code, 1);
    let conflicts: Vec<&str> = diags
        .iter()
        .filter(|d| d["rule"] == "static-conflict")
        .map(|d| d["file"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        conflicts,
        [
            "content/static/2024/index.html",
            "content/static/atom.xml.gz",
            "content/static/don-vi/index.html",
            "content/static/index.html",
        ]
    );
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    for rel in [
        "content/static/index.html",
        "content/static/2024/index.html",
        "content/static/don-vi/index.html",
        "content/static/atom.xml.gz",
    ] {
        f.remove(rel);
    }
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let css = fs::read_to_string(f.path("output/style.css")).expect("css");
    assert_eq!(css, "body{}");
    assert!(f.path("output/tai-lieu/bao-cao.pdf").is_file());
}
