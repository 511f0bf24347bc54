//! The editor of a real `serve` against what a hostile page or a careless request could
//! send (SPEC §7): no token, a wrong token, a foreign Host (a DNS-rebinding page) on every
//! path, a write without the server's own Origin, bodies and headers too large, paths that
//! leave `content/`. Each is refused and nothing on disk changes.

mod common;

use serde_json::json;

use common::Fixture;
use common::server::{Server, tree};

/// A save that would change the staff profile, as the editor's page sends it.
fn a_save() -> serde_json::Value {
    json!({
        "draft": { "file": "content/2024/nguyen-thi-hanh.md", "year": 2024,
                   "edits": { "name": "Bị sửa" } },
        "base": null
    })
}

#[test]
fn the_editor_needs_its_token() {
    let f = Fixture::new();
    let s = Server::start(&f);
    assert!(
        s.editor
            .starts_with(&format!("http://{}/_bangvang/?token=", s.addr))
    );
    assert!(s.token.len() >= 32, "at least 128 bits");
    let wrong = format!("bangvang-{}={}x", s.port(), &s.token[..s.token.len() - 1]);
    for target in [
        "/_bangvang/",
        "/_bangvang/api/site",
        "/_bangvang/api/profile?file=content/2024/nguyen-thi-hanh.md",
        "/_bangvang/api/site?token=x",
        "/_bangvang/?token=0000",
        "/%5Fbangvang/api/site",
    ] {
        let a = s.request("GET", target, &[], b"");
        assert_eq!(a.status, 403, "{target}");
        assert!(!a.text().contains("Nguyễn Thị Hạnh"), "{target}");
        let a = s.request("GET", target, &[("Cookie", &wrong)], b"");
        assert_eq!(a.status, 403, "wrong cookie: {target}");
    }
    // The printed address sets the cookie and leaves the token out of the address bar.
    let path = s.editor.trim_start_matches(&format!("http://{}", s.addr));
    let a = s.request("GET", path, &[], b"");
    assert_eq!(a.status, 303);
    assert_eq!(a.header("location"), Some("/_bangvang/"));
    let cookie = a.header("set-cookie").expect("a cookie");
    assert!(cookie.starts_with(&s.cookie()), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert!(cookie.contains("Path=/_bangvang/"), "{cookie}");
    // With the cookie, the editor answers; the token is a fresh one at every start.
    let a = s.editor_get("/_bangvang/api/site");
    assert_eq!(a.status, 200);
    assert!(a.text().contains("Nguyễn Thị Hạnh"));
    let again = Server::start(&f);
    assert_ne!(again.token, s.token);
}

#[test]
fn a_foreign_host_is_refused_on_every_path() {
    let f = Fixture::new();
    let s = Server::start(&f);
    let cookie = s.cookie();
    let path = s
        .editor
        .trim_start_matches(&format!("http://{}", s.addr))
        .to_string();
    for host in [
        "evil.example".to_string(),
        format!("evil.example:{}", s.port()),
        "127.0.0.1".to_string(),
        format!("127.0.0.2:{}", s.port()),
        format!("localhost.evil.example:{}", s.port()),
    ] {
        for target in [
            "/",
            "/2024/",
            "/2024/nguyen-thi-hanh/",
            "/__bangvang/wait?since=0",
            "/_bangvang/api/site",
            &path,
        ] {
            let a = s.request("GET", target, &[("Host", &host), ("Cookie", &cookie)], b"");
            assert_eq!(a.status, 403, "{host} {target}");
            assert!(!a.text().contains("Hạnh"), "{host} {target}");
        }
    }
    let a = s.raw(b"GET / HTTP/1.0\r\n\r\n");
    assert_eq!(a.status, 403, "no Host at all");
    // The server's own names answer.
    for host in [
        s.addr.clone(),
        format!("localhost:{}", s.port()),
        format!("[::1]:{}", s.port()),
    ] {
        let a = s.request("GET", "/2024/", &[("Host", &host)], b"");
        assert_eq!(a.status, 200, "{host}");
    }
}

#[test]
fn writes_need_the_servers_own_origin_and_the_token() {
    let f = Fixture::new();
    let s = Server::start(&f);
    let before = tree(f.root());
    let body = a_save().to_string();
    let cookie = s.cookie();
    let own = s.origin();
    let other_name = format!("http://localhost:{}", s.port());
    let cases: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("no Origin", vec![("Cookie", &cookie)]),
        (
            "foreign Origin",
            vec![("Cookie", &cookie), ("Origin", "http://evil.example")],
        ),
        ("null Origin", vec![("Cookie", &cookie), ("Origin", "null")]),
        (
            "another name's Origin",
            vec![("Cookie", &cookie), ("Origin", &other_name)],
        ),
        ("no token", vec![("Origin", &own)]),
    ];
    for (why, headers) in cases {
        for method in ["POST", "PUT", "DELETE"] {
            for target in [
                "/_bangvang/api/save",
                "/_bangvang/api/upload",
                "/2024/nguyen-thi-hanh/",
            ] {
                let a = s.request(method, target, &headers, body.as_bytes());
                assert_eq!(a.status, 403, "{why}: {method} {target}");
            }
        }
    }
    assert_eq!(tree(f.root()), before, "nothing changed on disk");
}

#[test]
fn bodies_and_headers_are_bounded() {
    let f = Fixture::new();
    let s = Server::start(&f);
    let before = tree(f.root());
    let (cookie, origin) = (s.cookie(), s.origin());
    // Announced sizes over the limit are refused before the body is read.
    for (target, method, length) in [
        ("/_bangvang/api/save", "POST", 5 * 1024 * 1024),
        ("/_bangvang/api/draft", "POST", 64 * 1024 * 1024),
        ("/_bangvang/api/upload", "PUT", 20 * 1024 * 1024 + 1),
    ] {
        let head = format!(
            "{method} {target} HTTP/1.1\r\nHost: {}\r\nCookie: {cookie}\r\nOrigin: {origin}\r\nContent-Length: {length}\r\n\r\n{{",
            s.addr
        );
        let a = s.raw(head.as_bytes());
        assert_eq!(a.status, 413, "{method} {target} {length}");
    }
    // A body on a path that takes none, and a chunked body, are refused too.
    let a = s.request(
        "POST",
        "/2024/",
        &[("Cookie", &cookie), ("Origin", &origin)],
        b"x",
    );
    assert_eq!(a.status, 413);
    let chunked = format!(
        "POST /_bangvang/api/save HTTP/1.1\r\nHost: {}\r\nCookie: {cookie}\r\nOrigin: {origin}\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        s.addr
    );
    assert_eq!(s.raw(chunked.as_bytes()).status, 411);
    // Headers: one too long, too many, or all of them too large together.
    let long = "a".repeat(20 * 1024);
    assert_eq!(s.request("GET", "/", &[("X-Long", &long)], b"").status, 431);
    let many: Vec<(String, String)> = (0..100).map(|i| (format!("X-{i}"), "1".into())).collect();
    let many: Vec<(&str, &str)> = many.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    assert_eq!(s.request("GET", "/", &many, b"").status, 431);
    let target = format!("/{}", "b".repeat(17 * 1024));
    assert_eq!(s.request("GET", &target, &[], b"").status, 431);
    assert_eq!(tree(f.root()), before, "nothing changed on disk");
    // The server still answers.
    assert_eq!(s.get("/2024/").0, 200);
}

#[cfg(unix)]
#[test]
fn paths_that_leave_content_are_refused() {
    let f = Fixture::new();
    let away = tempfile::tempdir().expect("a folder outside the site");
    std::fs::write(away.path().join("secret.md"), common::staff("Bí Mật")).expect("write");
    std::fs::write(away.path().join("_plan.toml"), common::PLAN_TOML).expect("write");
    f.write("secret.md", &common::staff("Bí Mật"));
    // Links leading out of content/ stop a build (nothing outside content/ is read), so
    // they are made once the server runs: its editor must not write through them either.
    let s = Server::start(&f);
    std::os::unix::fs::symlink(
        away.path().join("secret.md"),
        f.path("content/2024/link.md"),
    )
    .expect("link");
    std::os::unix::fs::symlink(away.path(), f.path("content/2031")).expect("link");
    let before = tree(f.root());
    let away_before = tree(away.path());
    for file in [
        "content/../secret.md",
        "content/2024/../../secret.md",
        "content/%2e%2e/secret.md",
        "/etc/passwd",
        "secret.md",
        "content/2024/link.md",
        "content\\..\\secret.md",
    ] {
        let draft = json!({
            "draft": { "file": file, "year": 2024, "edits": { "name": "Bị sửa" }, "story": "x" },
            "base": null
        });
        let a = s.editor_post("/_bangvang/api/save", &draft);
        assert!(
            matches!(a.status, 404 | 422),
            "{file}: {} {}",
            a.status,
            a.text()
        );
        let a = s.editor_get(&format!("/_bangvang/api/profile?file={file}"));
        assert!(matches!(a.status, 404 | 422), "read {file}: {}", a.status);
        assert!(!a.text().contains("Bí Mật"), "{file}");
    }
    for (year, slug) in [
        (2024, "../../x"),
        (2024, "..%2Fx"),
        (2024, "/tmp/x"),
        (2024, "a/b"),
        (2031, "x"),
    ] {
        let draft = json!({
            "draft": { "file": null, "year": year, "slug": slug,
                       "edits": { "name": "Mới", "kind": "staff" } },
            "base": null
        });
        let a = s.editor_post("/_bangvang/api/save", &draft);
        assert!(a.status >= 400, "{year}/{slug}: {}", a.text());
    }
    assert_eq!(tree(f.root()), before, "nothing changed in the site");
    assert_eq!(tree(away.path()), away_before, "nothing written outside it");
}
