//! Stories as pages show them: anchors, the sanitiser, addresses under a base path,
//! ids apart from the theme's, and the plain way held to the sanitiser's.

use super::*;

#[test]
fn headings_get_unique_anchors() {
    let html = to_html("# Câu chuyện\n\n## Kết quả\n\n## Kết quả\n\n## Main\n");
    assert!(
        html.contains("<h2 id=\"cc-cau-chuyen\">Câu chuyện</h2>"),
        "{html}"
    );
    assert!(html.contains("<h2 id=\"cc-ket-qua\">"), "{html}");
    assert!(html.contains("<h2 id=\"cc-ket-qua-1\">"), "{html}");
    assert!(html.contains("<h2 id=\"cc-main\">"), "{html}");
}

#[test]
fn every_id_of_a_story_is_apart_from_the_theme() {
    let md =
        "## Main\n\nXem [kết quả](#main)[^1] và <div id=\"q\">x</div>\n\n[^1]: Ghi chú.\n\n## 1\n";
    let html = to_html(md);
    for id in html.split(" id=\"").skip(1) {
        assert!(id.starts_with(ID_PREFIX), "{id} in {html}");
    }
    assert!(html.contains("href=\"#cc-main\""), "{html}");
    assert!(html.contains("href=\"#cc-fn-1\""), "{html}");
    assert!(html.contains("id=\"cc-fn-1\""), "{html}");
    assert!(
        html.contains("id=\"cc-1\""),
        "a heading `1` and footnote 1 differ: {html}"
    );
}

#[test]
fn addresses_follow_the_base_path() {
    let md = Markdown::new("/thi-dua/");
    for (story, want) in [
        (
            "[An](/2024/nguyen-van-an/)",
            "href=\"/thi-dua/2024/nguyen-van-an/\"",
        ),
        ("[An](../nguyen-van-an/)", "href=\"../nguyen-van-an/\""),
        ("<a href=\"/2024/an/\">An</a>", "href=\"/thi-dua/2024/an/\""),
        ("![Tổng kết](tong-ket.jpg)", "src=\"tong-ket.jpg\""),
        (
            "![Sơ đồ](/2024/an/so-do.png)",
            "src=\"/thi-dua/2024/an/so-do.png\"",
        ),
        (
            "[Sở](https://soxd.example.vn/)",
            "href=\"https://soxd.example.vn/\"",
        ),
        ("[x](/a?b=1&c=2)", "href=\"/thi-dua/a?b=1&amp;c=2\""),
    ] {
        let html = md.to_html(story);
        assert!(html.contains(want), "{story}: {html}");
    }
    let html = md.to_html("![x](https://cdn.example/x.jpg) ![y](//cdn.example/y.jpg)");
    assert!(!html.contains("cdn.example"), "{html}");
}

#[test]
fn hostile_html_is_removed() {
    let html = to_html(
        "Hi <script>alert(1)</script><img src=x onerror=\"alert(2)\"><iframe src=\"https://e.vn\"></iframe>\n\n[a](javascript:alert(3)) <a href=\"javascript:alert(4)\" onclick=\"x()\">b</a>",
    );
    for bad in [
        "<script",
        "onerror",
        "<iframe",
        "javascript:",
        "onclick",
        "alert(1)",
    ] {
        assert!(!html.contains(bad), "{bad} in {html}");
    }
}

#[test]
fn nesting_past_the_limit_is_text_in_linear_time() {
    let n = 50_000;
    let deep = format!("{}x{}", "<div>".repeat(n), "</div>".repeat(n));
    let at = std::time::Instant::now();
    let html = to_html(&deep);
    assert!(html.starts_with("<pre>&lt;div&gt;"), "{}", &html[..40]);
    assert!(at.elapsed().as_secs() < 10, "{:?}", at.elapsed());
}

/// Markdown that takes the plain way, and Markdown that must not.
const PLAIN: &[&str] = &[
    "# Câu chuyện\n\nAnh *Nguyễn Văn An* là **kỹ sư** của ~~phòng~~ [Sở](https://soxd.example.vn/a?b=1&c=2 \"Trang của Sở\").\nDòng hai.\n",
    "- một\n- hai [x](/2024/an/#muc)\n\n3. ba\n4. bốn `mã < > &`\n\n> Trích dẫn\n",
    "```\nkhối <b> & mã\n```\n\n    thụt lề\n\nThư: <an@soxd.example.vn>, <https://e.vn/x y>",
    "## Trùng\n\n## Trùng\n\n[tương đối](../2023/binh/) và [HTTP](HTTP://E.VN) và [mail](mailto:a@b.vn)",
    "Giá 1 < 2 & 3 > 2, \"trích\" 'đơn' — “cong” … 100%",
    "[mục](#ket-qua) [đã có](#cc-ket-qua) [gốc](/) [truy vấn](/x?a=1&b=2)",
    "| a |\n|---|\n| 1 |",
    "Bảng:\n\n| Chỉ tiêu | Năm 2023 | Năm 2024 |\n|:---|---:|:---:|\n| Hồ sơ *đúng hạn* | 1 < 2 | [x](https://e.vn/) |\n| `mã` | | ba |\n\nSau bảng.\n",
];
const NOT_PLAIN: &[&str] = &[
    "Có <b>HTML</b>",
    "<div>khối</div>",
    "![ảnh](a.jpg)",
    "dòng  \nngắt",
    "---",
    "x[^1]\n\n[^1]: y",
    "[js](javascript:alert(1))",
    "[d](data:text/html,x)",
    "# Tiêu đề {.lop}",
    "# Tiêu đề {onclick=x}",
    "```rust\nfn\n```",
    "có\u{a0}cách",
    "[a](/x 'ti<tle')",
    "[a](/x'y)",
];

#[test]
fn the_plain_way_writes_what_ammonia_would() {
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let stories: Vec<String> = walkdir::WalkDir::new(sample)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| std::fs::read_to_string(e.path()).expect("read"))
        .map(|t| t.splitn(3, "+++").nth(2).unwrap_or_default().to_string())
        .collect();
    assert!(stories.len() > 5);
    for base in ["/", "/thi-dua/", "/a&b/"] {
        let md = Markdown::new(base);
        let mut plain = 0;
        for story in PLAIN
            .iter()
            .copied()
            .chain(stories.iter().map(String::as_str))
        {
            let events = anchored(Parser::new_ext(story, options()).collect());
            if !events.iter().all(plainly_safe) {
                continue;
            }
            plain += 1;
            let mut raw = String::new();
            html::push_html(&mut raw, events.into_iter());
            assert_eq!(
                md.plain(&raw),
                md.sanitizer.clean(&raw).to_string(),
                "{story}"
            );
        }
        assert!(plain >= PLAIN.len(), "every PLAIN sample and some stories");
    }
    for story in PLAIN {
        assert!(
            Parser::new_ext(story, options()).all(|e| plainly_safe(&e)),
            "{story}"
        );
    }
    for story in NOT_PLAIN {
        assert!(
            !Parser::new_ext(story, options()).all(|e| plainly_safe(&e)),
            "{story}"
        );
    }
}

#[test]
fn tables_and_footnotes() {
    let html = to_html("| a | b |\n|:-|-:|\n| 1 | 2 |\n\nText[^1].\n\n[^1]: Note.\n");
    assert!(html.contains("<table>"), "{html}");
    assert!(html.contains("text-align: right"), "{html}");
    assert!(html.contains("footnote-definition"), "{html}");
}
