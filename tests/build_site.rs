//! `build` end to end on fixture sites: addresses, where each status appears, the
//! Vietnamese order, harmless stories, atomic and deterministic output, sub-paths, themes.

mod common;

use std::fs;

use common::{Fixture, staff, tree};

fn text(f: &Fixture, rel: &str) -> String {
    fs::read_to_string(f.path(&format!("output/{rel}")))
        .unwrap_or_else(|e| panic!("output/{rel}: {e}"))
}

fn build(f: &Fixture, args: &[&str]) -> std::process::Output {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    f.run(&all)
}

fn built(f: &Fixture, args: &[&str]) {
    let out = build(f, args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A profile of `name` without `[decision]` (pending), optionally with a vote.
fn pending(name: &str, vote: Option<u32>) -> String {
    let head = staff(name)
        .split("[vote]")
        .next()
        .unwrap_or_default()
        .to_string();
    match vote {
        Some(n) => {
            format!("{head}[vote]\ndate = 2024-12-05\nmembers = 10\nin_favour = {n}\n+++\nx\n")
        }
        None => format!("{head}+++\nx\n"),
    }
}

fn revoked(name: &str) -> String {
    staff(name).replace("+++\n## Câu", "[revoked]\nnumber = \"215/QĐ-SXD\"\ndate = 2025-03-10\nreason = \"Số liệu hồ sơ tính trùng.\"\n+++\n## Câu")
}

#[test]
fn every_address_of_the_site_exists() {
    let f = Fixture::new();
    let out = build(&f, &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("3 được công nhận"), "{summary}");
    for page in [
        "index.html",
        "2024/index.html",
        "2024/nguyen-thi-hanh/index.html",
        "2024/le-van-dung/index.html",
        "2024/phong-quan-ly-xay-dung/index.html",
        "don-vi/index.html",
        "don-vi/van-phong-so/index.html",
        "don-vi/phong-quan-ly-xay-dung/index.html",
        "tim-kiem/index.html",
        "404.html",
        "atom.xml",
        "sitemap.xml",
        "style.css",
    ] {
        assert!(f.path(&format!("output/{page}")).is_file(), "{page}");
    }
    let profile = text(&f, "2024/nguyen-thi-hanh/index.html");
    assert!(
        profile.contains("Nguyễn Thị Hạnh")
            && profile.contains("1456/QĐ-SXD")
            && profile.contains("16/12/2024")
    );
    assert!(
        profile.contains("Đi đầu trong số hoá."),
        "criteria evidence is shown"
    );
}

#[test]
fn each_status_is_where_spec_puts_it_and_nowhere_else() {
    let f = Fixture::new();
    f.write("content/2024/mai-thi-yen.md", &pending("Mai Thị Yến", None));
    f.write(
        "content/2024/ly-thi-thu.md",
        &pending("Lý Thị Thư", Some(8)),
    );
    f.write(
        "content/2024/truong-cong-khai.md",
        &revoked("Trương Công Khải"),
    );
    built(&f, &[]);
    let all = tree(&f.path("output"));
    let containing = |needle: &str| -> Vec<String> {
        all.iter()
            .filter(|(_, b)| String::from_utf8_lossy(b).contains(needle))
            .map(|(k, _)| k.clone())
            .collect()
    };
    assert!(
        containing("Mai Thị Yến").is_empty(),
        "pending is not published without --drafts"
    );
    assert!(
        containing("Lý Thị Thư").is_empty(),
        "not recognised is never published"
    );
    assert_eq!(
        containing("Trương Công Khải"),
        ["2024/truong-cong-khai/index.html"],
        "revoked: only its own page"
    );
    let notice = text(&f, "2024/truong-cong-khai/index.html");
    assert!(
        notice.contains("215/QĐ-SXD")
            && notice.contains("10/03/2025")
            && notice.contains("Số liệu hồ sơ tính trùng.")
    );
    assert!(
        !notice.contains("Chị đã số hoá toàn bộ hồ sơ."),
        "a revoked page shows the notice, not the story"
    );

    built(&f, &["--drafts"]);
    let all = tree(&f.path("output"));
    assert!(all.contains_key("2024/mai-thi-yen/index.html"));
    let roll = text(&f, "2024/index.html");
    assert!(
        roll.contains("Mai Thị Yến"),
        "with --drafts a pending profile is on the roll"
    );
    assert!(
        !text(&f, "atom.xml").contains("Mai Thị Yến")
            && !text(&f, "sitemap.xml").contains("mai-thi-yen")
    );
    assert!(!all.keys().any(|k| k.contains("ly-thi-thu")));
}

#[test]
fn vote_tallies_and_nomination_dates_appear_on_no_page() {
    let f = Fixture::new();
    built(&f, &[]);
    for (path, bytes) in tree(&f.path("output")) {
        let s = String::from_utf8_lossy(&bytes);
        for secret in ["20/11/2024", "2024-11-20", "05/12/2024", "2024-12-05"] {
            assert!(!s.contains(secret), "{secret} in {path}");
        }
    }
}

#[test]
fn people_are_listed_in_vietnamese_order() {
    let f = Fixture::empty();
    for (slug, name) in [
        ("ha", "Vũ Thị Hà"),
        ("duc", "Lê Minh Đức"),
        ("an", "Trần Văn An"),
        ("dung", "Phạm Văn Dũng"),
        ("anh", "Bùi Thị Ánh"),
        ("an2", "Lê An"),
        ("binh", "Đỗ Văn Bình"),
        ("ban", "Hồ Thị Ăn"),
    ] {
        f.write(&format!("content/2024/{slug}.md"), &staff(name));
    }
    built(&f, &[]);
    let order = [
        "Lê An",
        "Trần Văn An",
        "Bùi Thị Ánh",
        "Hồ Thị Ăn",
        "Đỗ Văn Bình",
        "Phạm Văn Dũng",
        "Lê Minh Đức",
        "Vũ Thị Hà",
    ];
    for page in ["2024/index.html", "don-vi/van-phong-so/index.html"] {
        let html = text(&f, page);
        let positions: Vec<usize> = order
            .iter()
            .map(|n| html.find(n).unwrap_or_else(|| panic!("{n} on {page}")))
            .collect();
        let mut sorted = positions.clone();
        sorted.sort_unstable();
        assert_eq!(positions, sorted, "order on {page}");
    }
}

#[test]
fn hostile_stories_come_out_harmless() {
    let f = Fixture::new();
    let text_md = staff("Nguyễn Thị Hạnh")
        .replace("Số hoá hồ sơ lưu trữ.", "<script>alert(9)</script> & \\\"quote\\\"")
        .replace(
            "Chị đã số hoá toàn bộ hồ sơ.",
            "<script>alert(1)</script>\n\n<img src=\"x\" onerror=\"alert(2)\">\n\n[bấm](javascript:alert(3))\n\n<iframe src=\"https://example.org\"></iframe>\n\n<a href=\"#\" onclick=\"alert(4)\">b</a>",
        );
    f.write("content/2024/nguyen-thi-hanh.md", &text_md);
    // The image the story names is there (beside the story), so only the hostile
    // attribute is in question.
    let mut png = std::io::Cursor::new(Vec::new());
    image::RgbImage::from_pixel(4, 4, image::Rgb([200, 10, 10]))
        .write_to(&mut png, image::ImageFormat::Png)
        .expect("png");
    f.write_bytes("content/2024/x", &png.into_inner());
    built(&f, &[]);
    // Pages and feeds; the search index is data that the script inserts as text.
    let markup = |p: &str| p.ends_with(".html") || p.ends_with(".xml");
    for (path, bytes) in tree(&f.path("output"))
        .into_iter()
        .filter(|(p, _)| markup(p))
    {
        let s = String::from_utf8_lossy(&bytes);
        for bad in [
            "<script>alert",
            "onerror",
            "onclick",
            "javascript:",
            "<iframe",
        ] {
            assert!(!s.contains(bad), "{bad} in {path}");
        }
    }
    assert!(
        text(&f, "2024/nguyen-thi-hanh/index.html").contains("&lt;script&gt;"),
        "front-matter text is escaped"
    );
}

#[test]
fn a_failing_build_leaves_the_output_as_it_was() {
    let f = Fixture::new();
    built(&f, &[]);
    let before = tree(&f.path("output"));
    f.write(
        "content/2024/nguyen-thi-hanh.md",
        &staff("Nguyễn Thị Hạnh").replace("unit =", "unti ="),
    );
    let out = build(&f, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(tree(&f.path("output")), before, "content error");
    f.write("content/2024/nguyen-thi-hanh.md", &staff("Nguyễn Thị Hạnh"));
    f.write(
        "themes/default/templates/profile.html",
        "{% extends \"base.html\" %}{% block content %}{{ p.nme | upper }}{% endblock %}",
    );
    let out = build(&f, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("profile.html:1:48: ")
            && err.contains("(at `p.nme`)")
            && err.contains("content/2024/"),
        "names the template, its line and column, the expression and the profile: {err}"
    );
    assert_eq!(tree(&f.path("output")), before, "template error");
    let leftovers: Vec<_> = fs::read_dir(f.root())
        .expect("ls")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(
        !leftovers
            .iter()
            .any(|n| n.to_string_lossy().starts_with(".output")),
        "{leftovers:?}"
    );
}

#[test]
fn two_builds_are_byte_identical_and_removed_pages_disappear() {
    let f = Fixture::new();
    built(&f, &["--output", "a"]);
    built(&f, &["--output", "b"]);
    let (a, b) = (tree(&f.path("a")), tree(&f.path("b")));
    assert!(a.len() > 10);
    assert_eq!(a, b);
    f.remove("content/2024/nguyen-thi-hanh.md");
    built(&f, &["--output", "a"]);
    assert!(!f.path("a/2024/nguyen-thi-hanh").exists());
}

#[test]
fn a_sub_path_build_links_only_inside_the_sub_path() {
    let f = Fixture::new();
    built(&f, &["--base-url", "/thi-dua/"]);
    let re = regex::Regex::new(r#"(?:href|src|action)="([^"]*)""#).expect("regex");
    let mut checked = 0;
    for (path, bytes) in tree(&f.path("output")) {
        if !path.ends_with(".html") {
            continue;
        }
        let s = String::from_utf8_lossy(&bytes);
        for c in re.captures_iter(&s) {
            let url = &c[1];
            checked += 1;
            assert!(
                !url.starts_with("//") && !url.contains("://"),
                "{url} leaves the site in {path}"
            );
            assert!(
                !url.starts_with('/') || url.starts_with("/thi-dua/"),
                "{url} in {path}"
            );
        }
    }
    assert!(checked > 50);
    let feed = text(&f, "atom.xml");
    assert!(feed.contains("/thi-dua/2024/nguyen-thi-hanh/"));
}

#[test]
fn a_full_base_url_gives_full_addresses_in_feed_and_sitemap() {
    let f = Fixture::new();
    built(&f, &["--base-url", "https://intranet.example/thi-dua/"]);
    assert!(
        text(&f, "sitemap.xml")
            .contains("<loc>https://intranet.example/thi-dua/2024/nguyen-thi-hanh/</loc>")
    );
    assert!(text(&f, "atom.xml").contains("https://intranet.example/thi-dua/2024/le-van-dung/"));
    assert!(text(&f, "index.html").contains("href=\"/thi-dua/2024/\""));
}

#[test]
fn a_site_theme_overrides_the_built_in_one_file_by_file() {
    let f = Fixture::new();
    f.write("themes/default/templates/404.html", "{% extends \"base.html\" %}{% block content %}<h1>Trang riêng của đơn vị</h1>{% endblock %}");
    built(&f, &[]);
    assert!(text(&f, "404.html").contains("Trang riêng của đơn vị"));
    assert!(
        text(&f, "2024/index.html").contains("Nguyễn Thị Hạnh"),
        "other templates are the built-in ones"
    );
}

/// The message of a build that fails on a template.
fn template_error(f: &Fixture) -> String {
    let out = build(f, &[]);
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[test]
fn a_template_error_names_the_file_the_line_and_the_caller() {
    let f = Fixture::new();
    // Inside a component: its own line, then the page line that called it.
    let components = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/themes/default/templates/components.html"
    ))
    .expect("components.html");
    let line = components
        .lines()
        .position(|l| l.contains("{{ d.number }}"))
        .expect("decision")
        + 1;
    f.write(
        "themes/default/templates/components.html",
        &components.replace("{{ d.number }}", "{{ d.numbr }}"),
    );
    let err = template_error(&f);
    assert!(
        err.contains(&format!("components.html:{line}:"))
            && err.contains("Field `numbr` is not defined")
            && err.contains("(called from profile.html:"),
        "{err}"
    );
    f.remove("themes/default/templates/components.html");
    // Inside card.html, rendered by the `card` function: card.html's line, then the caller.
    f.write(
        "themes/default/templates/card.html",
        "<article>\n{{ c.nme }}\n</article>\n",
    );
    let err = template_error(&f);
    assert!(
        err.contains("card.html:2:6: ") && err.contains("(called from "),
        "{err}"
    );
    f.remove("themes/default/templates/card.html");
    // A Tera 1 macro no longer parses: the file and the line, when the theme is loaded.
    f.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}\n{% import \"macros.html\" as m %}\n{% block content %}{% endblock %}",
    );
    let err = template_error(&f);
    assert!(err.contains("404.html:2:"), "{err}");
    // Unknown functions and components are found before any page is rendered.
    f.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}\n{{ nowhere() }}\n{{<nothing/>}}{% endblock %}",
    );
    let err = template_error(&f);
    assert!(
        err.contains("404.html:2:4: Unknown function `nowhere`")
            && err.contains("404.html:3:3: Unknown component `nothing`"),
        "{err}"
    );
}

#[test]
fn init_writes_a_site_that_builds_at_once() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("moi");
    let run = |args: &[&str]| {
        assert_cmd::Command::cargo_bin("bangvang")
            .expect("bin")
            .args(args)
            .output()
            .expect("runs")
    };
    let d = dir.to_string_lossy().to_string();
    assert_eq!(run(&["init", &d]).status.code(), Some(0));
    let out = run(&["build", "--root", &d]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.join("output/index.html").is_file());
    assert_eq!(
        run(&["init", &d]).status.code(),
        Some(1),
        "init refuses to overwrite"
    );
}

#[test]
fn the_output_folder_cannot_be_the_site_itself() {
    let f = Fixture::new();
    for target in [".", "content", "content/2024"] {
        let out = build(&f, &["--output", target]);
        assert_eq!(out.status.code(), Some(2), "--output {target}");
    }
    assert!(f.path("content/2024/nguyen-thi-hanh.md").is_file());
}
