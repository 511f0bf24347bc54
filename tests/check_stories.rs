//! A story's files and links, one broken fixture per class (`story-link`, `photo` for a
//! story image, `syntax` for HTML nested too deep), each reported by `check` at the
//! story's line; and what is fine.

mod common;

use common::{Fixture, assert_diag, find, line_of, staff};

const BUNDLE: &str = "content/2024/nguyen-thi-hanh/index.md";

/// The staff profile as a bundle whose story is `story`, with `files` beside it.
fn with_story(story: &str, files: &[(&str, &[u8])]) -> (Fixture, String) {
    let f = Fixture::new();
    f.remove("content/2024/nguyen-thi-hanh.md");
    let text = staff("Nguyễn Thị Hạnh").replace("Chị đã số hoá toàn bộ hồ sơ.", story);
    f.write(BUNDLE, &text);
    for (name, bytes) in files {
        f.write_bytes(&format!("content/2024/nguyen-thi-hanh/{name}"), bytes);
    }
    (f, text)
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    image::RgbImage::from_pixel(w, h, image::Rgb([10, 120, 60]))
        .write_to(&mut out, image::ImageFormat::Png)
        .expect("png");
    out.into_inner()
}

#[test]
fn files_links_and_images_that_are_fine() {
    let story = "![Sơ đồ](so-do.png)\n\n[Báo cáo](bao-cao.pdf) và <a href=\"tai-lieu/ke-hoach.pdf\">kế hoạch</a>.\n\n<img src=\"so-do.png\" alt=\"\">\n\nXem [anh Dũng](/2024/le-van-dung/), [phòng](../phong-quan-ly-xay-dung/), [năm](/2024/), [đơn vị](/don-vi/van-phong-so/), [trang chủ](/), [tìm](/tim-kiem/) và [Sở](https://soxd.example.vn/), [mục](#ket-qua).";
    let (f, _) = with_story(
        story,
        &[
            ("so-do.png", &png(40, 30)),
            ("bao-cao.pdf", b"%PDF-1.4 ..."),
            ("tai-lieu/ke-hoach.pdf", b"%PDF-1.4 ..."),
        ],
    );
    let (code, diags) = f.check_json();
    assert_eq!((code, diags.len()), (0, 0), "{diags:?}");
}

#[test]
fn story_link_for_each_class() {
    let cases: &[(&str, &str)] = &[
        ("![Ảnh](https://cdn.example/anh.jpg)", "https://cdn.example"),
        ("<img src=\"//cdn.example/anh.jpg\">", "//cdn.example"),
        ("![Ảnh](data:image/png;base64,AAAA)", "data:image"),
        ("![Ảnh](khong-co.jpg)", "khong-co.jpg"),
        ("[Báo cáo](bao-cao.PDF)", "bao-cao.PDF"),
        ("![Ảnh](../../../ngoai.jpg)", "ngoai.jpg"),
        ("[Trang](trang.html)", "trang.html"),
        ("[Hồ sơ](../le-van-dung.md)", "le-van-dung.md"),
        ("[Mật](.env)", ".env"),
        ("[Ảnh cỡ nhỏ](anh-320.jpg)", "anh-320.jpg"),
        ("[Thư mục](tai-lieu/)", "tai-lieu/"),
        ("[Anh](/2024/le-van-dun/)", "le-van-dun"),
        ("[Năm](/2019/)", "/2019/"),
        ("[Đơn vị](/don-vi/khong-co/)", "khong-co"),
        ("<a href=\"../khong-co/\">x</a>", "khong-co"),
    ];
    for (story, needle) in cases {
        let (f, text) = with_story(
            story,
            &[("bao-cao.pdf", b"%PDF"), ("tai-lieu/x.pdf", b"%PDF")],
        );
        f.write_bytes("content/ngoai.jpg", &png(4, 4));
        let (code, diags) = f.check_json();
        assert_eq!(code, 1, "{story}: {diags:?}");
        assert_diag(
            &diags,
            "story-link",
            BUNDLE,
            line_of(&text, needle),
            None,
            "error",
        );
    }
}

#[test]
fn the_nearest_name_is_offered() {
    let (f, _) = with_story(
        "[Anh](/2024/le-van-dun/) ![](So-Do.png)",
        &[("so-do.png", &png(4, 4))],
    );
    let (_, diags) = f.check_json();
    let texts: Vec<&str> = diags.iter().filter_map(|d| d["message"].as_str()).collect();
    assert!(
        texts.iter().any(|m| m.contains("/2024/le-van-dung/")),
        "{texts:?}"
    );
    let out = f.run(&["check"]);
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(
        human.contains("trong thư mục có tệp \"so-do.png\""),
        "{human}"
    );
}

#[test]
fn a_link_to_a_later_page_of_a_list_offers_the_first() {
    // `/2024/trang/2/` holds other exemplars as the roll grows: a story links `/2024/`.
    let (f, _) = with_story("[Cả năm](/2024/trang/2/)", &[]);
    let (code, diags) = f.check_json();
    assert_eq!(code, 1, "{diags:?}");
    let texts: Vec<&str> = diags.iter().filter_map(|d| d["message"].as_str()).collect();
    assert!(
        texts
            .iter()
            .any(|m| m.contains("/2024/trang/2/") && m.contains("`/2024/`")),
        "{texts:?}"
    );
}

#[test]
fn a_story_image_the_build_could_not_decode_is_a_photo_error() {
    let mut cut = png(64, 64);
    cut.truncate(cut.len() / 2);
    for (name, bytes) in [
        ("cat.png", cut),
        ("gia.jpg", b"not an image at all".to_vec()),
    ] {
        let (f, text) = with_story(&format!("![Ảnh]({name})"), &[(name, &bytes)]);
        let (code, diags) = f.check_json();
        assert_eq!(code, 1, "{name}");
        assert_diag(&diags, "photo", BUNDLE, line_of(&text, name), None, "error");
    }
}

#[test]
fn the_portrait_without_consent_is_not_shown_in_the_story() {
    let (f, text) = with_story("![Chân dung](anh.jpg)", &[("anh.jpg", &png(8, 8))]);
    f.write(
        BUNDLE,
        &text.replace("kind =", "photo = \"anh.jpg\"\nkind ="),
    );
    let text = std::fs::read_to_string(f.path(BUNDLE)).expect("read");
    let (_, diags) = f.check_json();
    assert_diag(
        &diags,
        "story-link",
        BUNDLE,
        line_of(&text, "![Chân dung]"),
        None,
        "error",
    );
    // With consent it is fine.
    f.write(
        BUNDLE,
        &text.replace("kind =", "photo_consent = true\nkind ="),
    );
    let (code, diags) = f.check_json();
    assert_eq!(code, 0, "{diags:?}");
}

#[test]
fn html_nested_too_deep_is_refused() {
    let deep = format!(
        "Mở đầu.\n\n{}x{}\n",
        "<div>".repeat(150),
        "</div>".repeat(150)
    );
    let (f, text) = with_story(&deep, &[]);
    let (code, diags) = f.check_json();
    assert_eq!(code, 1);
    assert_diag(
        &diags,
        "syntax",
        BUNDLE,
        line_of(&text, "<div><div>"),
        None,
        "error",
    );
    let quotes = format!("{} sâu", "> ".repeat(150));
    let (f, _) = with_story(&quotes, &[]);
    find(&f.check_json().1, "syntax", BUNDLE);
}

#[test]
fn a_revoked_profiles_story_is_not_judged() {
    let (f, text) = with_story("![Ảnh](khong-co.jpg)", &[]);
    let revoked = text.replace(
        "+++\n## Câu chuyện",
        "[revoked]\nnumber = \"9/QĐ-SXD\"\ndate = 2025-03-02\nreason = \"Vi phạm.\"\n+++\n## Câu chuyện",
    );
    f.write(BUNDLE, &revoked);
    let (code, diags) = f.check_json();
    assert_eq!(code, 0, "{diags:?}");
}

#[test]
fn a_published_story_links_no_page_that_is_not_published() {
    // A pending exemplar's page is made only with `--drafts`, a not-recognised one's
    // never: a recognised exemplar's story linking either would be a broken link.
    let pending = staff("Trần Văn Bình").replace(
        "[decision]\nnumber = \"1456/QĐ-SXD\"\ndate = 2024-12-16\n",
        "",
    );
    let refused = staff("Phạm Thị Cúc")
        .replace("in_favour = 9", "in_favour = 5")
        .replace(
            "[decision]\nnumber = \"1456/QĐ-SXD\"\ndate = 2024-12-16\n",
            "",
        );
    let story = "Cùng [anh Bình](/2024/tran-van-binh/) và\n[chị Cúc](/2024/pham-thi-cuc/), [anh Dũng](/2024/le-van-dung/).";
    let (f, text) = with_story(story, &[]);
    f.write("content/2024/tran-van-binh.md", &pending);
    f.write("content/2024/pham-thi-cuc.md", &refused);
    let (code, diags) = f.check_json();
    assert_eq!(code, 1, "{diags:?}");
    let links: Vec<&serde_json::Value> =
        diags.iter().filter(|d| d["rule"] == "story-link").collect();
    assert_eq!(links.len(), 2, "{links:?}");
    for (needle, words) in [
        ("tran-van-binh", "Trần Văn Bình, đang chờ xét"),
        ("pham-thi-cuc", "Phạm Thị Cúc, không được công nhận"),
    ] {
        let d = links
            .iter()
            .find(|d| d["line"] == line_of(&text, needle))
            .unwrap_or_else(|| panic!("{needle}: {links:?}"));
        assert_eq!(d["file"], BUNDLE);
        let message = d["message"].as_str().unwrap_or_default();
        assert!(message.contains(words), "{message}");
    }

    // A pending story may link another pending exemplar (both pages come with
    // `--drafts`), not one never published.
    let (f, _) = with_story("Anh Dũng.", &[]);
    let linking = |to: &str| {
        pending.replace("Trần Văn Bình", "Đỗ Văn Hải").replace(
            "Chị đã số hoá toàn bộ hồ sơ.",
            &format!("[Bạn](/2024/{to}/)."),
        )
    };
    f.write("content/2024/tran-van-binh.md", &pending);
    f.write("content/2024/pham-thi-cuc.md", &refused);
    f.write("content/2024/do-van-hai.md", &linking("tran-van-binh"));
    let (_, diags) = f.check_json();
    assert!(
        !diags.iter().any(|d| d["rule"] == "story-link"),
        "{diags:?}"
    );
    f.write("content/2024/do-van-hai.md", &linking("pham-thi-cuc"));
    let (_, diags) = f.check_json();
    let d = find(&diags, "story-link", "content/2024/do-van-hai.md");
    assert_eq!(d["severity"], "error");
}
