//! `serve` end to end: start on a free port, fetch, edit, break, fix, remove, try the
//! traversal paths, stop.

mod common;

use std::time::Duration;

use common::server::Server;
use common::{Fixture, staff};

#[test]
fn serves_rebuilds_shows_problems_and_recovers() {
    let f = Fixture::new();
    let server = Server::start(&f);
    let (status, body) = server.get("/2024/nguyen-thi-hanh/");
    assert_eq!(status, 200);
    assert!(
        body.contains("Nguyễn Thị Hạnh") && body.contains("/__bangvang/wait"),
        "live reload script"
    );

    // An edit shows up by itself.
    let file = "content/2024/nguyen-thi-hanh.md";
    f.write(
        file,
        &staff("Nguyễn Thị Hạnh").replace("Chị đã số hoá toàn bộ hồ sơ.", "Câu chuyện mới đã sửa."),
    );
    let (_, body) = server.until("/2024/nguyen-thi-hanh/", |_, b| {
        b.contains("Câu chuyện mới đã sửa.")
    });
    assert!(body.contains("Câu chuyện mới đã sửa."));

    // A mistake shows the diagnostics over the last good page, with file and line.
    f.write(file, &staff("Nguyễn Thị Hạnh").replace("unit =", "unti ="));
    let (status, body) = server.until("/2024/nguyen-thi-hanh/", |_, b| {
        b.contains("bangvang-problems")
    });
    assert_eq!(status, 200, "the last good page is still served");
    assert!(body.contains("Câu chuyện mới đã sửa."));
    assert!(
        body.contains("error[unknown-field]: content/2024/nguyen-thi-hanh.md:4"),
        "{body}"
    );

    // Fixing it brings the site back.
    f.write(file, &staff("Nguyễn Thị Hạnh"));
    let (_, body) = server.until("/2024/nguyen-thi-hanh/", |_, b| {
        !b.contains("bangvang-problems")
    });
    assert!(!body.contains("bangvang-problems") && body.contains("Chị đã số hoá toàn bộ hồ sơ."));

    // Removing a profile removes its page.
    f.remove(file);
    let (status, _) = server.until("/2024/nguyen-thi-hanh/", |s, _| s == 404);
    assert_eq!(status, 404);
}

/// The page as a fresh `build --drafts --base-url /` writes it.
fn built_page(f: &Fixture, rel: &str) -> String {
    let out = f.run(&["build", "--drafts", "--output", "fresh"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(f.path(&format!("fresh/{rel}"))).expect("built page")
}

/// A served page without the live-reload script.
fn without_script(body: &str) -> String {
    match body.find("<script>(function(){var g=") {
        Some(i) => {
            let end = body[i..]
                .find("</script>")
                .map_or(body.len(), |j| i + j + "</script>".len());
            format!("{}{}", &body[..i], &body[end..])
        }
        None => body.to_string(),
    }
}

#[test]
fn edits_made_while_another_file_is_broken_are_not_lost() {
    let f = Fixture::new();
    let server = Server::start(&f);
    let other = "content/2024/le-van-dung.md";
    let leader = common::leader();
    f.write(other, &leader.replace("kind =", "knd ="));
    server.until("/2024/", |_, b| b.contains("bangvang-problems"));
    f.write(
        "content/2024/nguyen-thi-hanh.md",
        &staff("Nguyễn Thị Hạnh").replace("Số hoá hồ sơ lưu trữ.", "Tóm tắt mới."),
    );
    std::thread::sleep(Duration::from_millis(300));
    f.write(other, &leader);
    let (_, body) = server.until("/2024/", |_, b| {
        !b.contains("bangvang-problems") && b.contains("Tóm tắt mới.")
    });
    assert!(
        body.contains("Tóm tắt mới."),
        "the edit made during the error is on the roll"
    );
    // What serve shows after incremental rebuilds is what a fresh build writes.
    for (address, file) in [
        ("/2024/", "2024/index.html"),
        ("/", "index.html"),
        ("/don-vi/van-phong-so/", "don-vi/van-phong-so/index.html"),
    ] {
        let (_, served) = server.get(address);
        assert_eq!(without_script(&served), built_page(&f, file), "{address}");
    }
}

#[test]
fn answers_only_inside_the_site() {
    let f = Fixture::new();
    f.write("secret.txt", "mật khẩu");
    let server = Server::start(&f);
    for target in [
        "/../secret.txt",
        "/../../../../etc/passwd",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/2024%2F..%2F..%2Fsecret.txt",
        "/..%5csecret.txt",
        "//etc/passwd",
        "/content/site.toml",
        "/nothing-here/",
    ] {
        let (status, body) = server.get(target);
        assert_eq!(status, 404, "{target}");
        assert!(
            !body.contains("mật khẩu") && !body.contains("root:"),
            "{target}"
        );
    }
    // A target that is not a path (absolute form) is refused by the guard.
    let (status, body) = server.get("http://evil.example/etc/passwd");
    assert_eq!(status, 403);
    assert!(!body.contains("root:"));
    let (status, body) = server.get("/khong-co/");
    assert_eq!(status, 404);
    assert!(body.contains("<html"), "the site's own 404 page");
    let (status, _) = server.get("/2024");
    assert_eq!(status, 301);
}

#[test]
fn refuses_a_bad_bind_address() {
    let f = Fixture::new();
    let out = f.run(&["serve", "--bind", "not-an-address", "--port", "0"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_pipe_in_content_never_hangs_a_rebuild() {
    let f = Fixture::new();
    let server = Server::start(&f);
    let pipe = f.path("content/2024/ong-dan.md");
    let c = std::ffi::CString::new(pipe.as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: a valid C string; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
    let (_, body) = server.until("/2024/", |_, b| b.contains("bangvang-problems"));
    assert!(
        body.contains("content/2024/ong-dan.md") && body.contains("named pipe"),
        "{body}"
    );
    std::fs::remove_file(&pipe).expect("remove");
    f.write(
        "content/2024/nguyen-thi-hanh.md",
        &staff("Nguyễn Thị Hạnh").replace("Số hoá hồ sơ lưu trữ.", "Vẫn dựng lại được."),
    );
    let (_, body) = server.until("/2024/", |_, b| b.contains("Vẫn dựng lại được."));
    assert!(!body.contains("bangvang-problems"), "{body}");
}
