//! Spreading the example end to end (SPEC §5): share tags with and without a full
//! address, the share cards and their cache, the QR codes, the honour board's order, the
//! statistics' numbers, and a name the cards' font cannot draw.

mod common;

use std::fs;

use common::{Fixture, staff};

fn built(f: &Fixture, args: &[&str]) -> String {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let out = f.run(&all);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn page(f: &Fixture, rel: &str) -> String {
    fs::read_to_string(f.path(&format!("output/{rel}")))
        .unwrap_or_else(|e| panic!("output/{rel}: {e}"))
}

/// The text of `html` after the first `start`, up to the next `end`.
fn between<'a>(html: &'a str, start: &str, end: &str) -> Option<&'a str> {
    html.split_once(start)?.1.split(end).next()
}

fn meta<'a>(html: &'a str, property: &str) -> Option<&'a str> {
    let key = format!("property=\"{property}\" content=\"");
    let at = html.find(&key)? + key.len();
    html[at..].split('"').next()
}

const FULL: &str = "https://thidua.example.gov.vn/thi-dua/";

#[test]
fn share_tags_need_a_full_address_for_the_absolute_ones() {
    let f = Fixture::new();
    built(&f, &[]);
    let p = page(&f, "2024/nguyen-thi-hanh/index.html");
    assert_eq!(meta(&p, "og:title"), Some("Nguyễn Thị Hạnh"));
    assert_eq!(meta(&p, "og:type"), Some("profile"));
    assert_eq!(meta(&p, "og:locale"), Some("vi_VN"));
    assert_eq!(meta(&p, "og:site_name"), Some("Điển hình tiên tiến"));
    assert_eq!(meta(&p, "og:description"), Some("Số hoá hồ sơ lưu trữ."));
    for absolute in ["og:url", "og:image", "og:image:width", "og:image:alt"] {
        assert_eq!(
            meta(&p, absolute),
            None,
            "{absolute} without a full base_url"
        );
    }
    assert!(!p.contains("twitter:card"));
    assert!(!p.contains("facebook.com"));
    assert!(!f.path("output/2024/nguyen-thi-hanh/qr.svg").exists());
    // The card is made all the same, and offered for download.
    assert!(f.path("output/2024/nguyen-thi-hanh/chia-se.png").is_file());
    assert!(p.contains("href=\"/2024/nguyen-thi-hanh/chia-se.png\" download"));
    assert_eq!(
        meta(&page(&f, "2024/index.html"), "og:type"),
        Some("website")
    );

    built(&f, &["--base-url", FULL]);
    let p = page(&f, "2024/nguyen-thi-hanh/index.html");
    let url = "https://thidua.example.gov.vn/thi-dua/2024/nguyen-thi-hanh/";
    assert_eq!(meta(&p, "og:url"), Some(url));
    assert_eq!(
        meta(&p, "og:image"),
        Some("https://thidua.example.gov.vn/thi-dua/2024/nguyen-thi-hanh/chia-se.png")
    );
    assert_eq!(meta(&p, "og:image:type"), Some("image/png"));
    assert_eq!(meta(&p, "og:image:width"), Some("1200"));
    assert_eq!(meta(&p, "og:image:height"), Some("630"));
    assert_eq!(
        meta(&p, "og:image:alt"),
        Some("Điển hình tiên tiến năm 2024: Nguyễn Thị Hạnh, Chuyên viên, Văn phòng Sở")
    );
    assert!(p.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    assert!(p.contains(
        "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fthidua%2Eexample%2Egov%2Evn%2Fthi%2Ddua%2F2024%2Fnguyen%2Dthi%2Dhanh%2F"
    ));
    assert!(
        p.contains(&format!("Đọc câu chuyện: {url}")),
        "the Zalo caption"
    );
    assert!(p.contains("src=\"/thi-dua/2024/nguyen-thi-hanh/qr.svg\""));
    let svg = page(&f, "2024/nguyen-thi-hanh/qr.svg");
    assert_eq!(svg.matches("<path").count(), 1);
    // Every page has the tags; those without a card of their own share the home page's.
    let units = page(&f, "don-vi/index.html");
    assert_eq!(
        meta(&units, "og:image"),
        Some("https://thidua.example.gov.vn/thi-dua/chia-se.png")
    );
    let home = page(&f, "index.html");
    assert_eq!(meta(&home, "og:title"), Some("Điển hình tiên tiến"));
}

#[test]
fn cards_are_made_once_and_only_published_exemplars_have_one() {
    let f = Fixture::new();
    let pending = staff("Trần Văn Chờ").replace(
        "[decision]\nnumber = \"1456/QĐ-SXD\"\ndate = 2024-12-16\n",
        "",
    );
    f.write("content/2024/tran-van-cho.md", &pending);
    let first = built(&f, &[]);
    assert!(first.contains("thẻ chia sẻ: 5 vẽ, 0 dùng lại"), "{first}");
    for card in [
        "chia-se.png",
        "2024/chia-se.png",
        "2024/nguyen-thi-hanh/chia-se.png",
        "2024/le-van-dung/chia-se.png",
        "2024/phong-quan-ly-xay-dung/chia-se.png",
    ] {
        let bytes = fs::read(f.path(&format!("output/{card}"))).expect(card);
        let img = image::load_from_memory(&bytes).expect("a picture");
        assert_eq!((img.width(), img.height()), (1200, 630), "{card}");
        assert!(bytes.len() < 1 << 20);
    }
    assert!(!f.path("output/2024/tran-van-cho/chia-se.png").exists());
    // With drafts the pending page is there, still without a card.
    built(&f, &["--drafts"]);
    assert!(f.path("output/2024/tran-van-cho/index.html").exists());
    assert!(!f.path("output/2024/tran-van-cho/chia-se.png").exists());

    // Nothing changed: the build stamp answers; after a touch of the content the build
    // runs again and draws nothing.
    built(&f, &[]);
    let before = fs::metadata(f.path("output/2024/nguyen-thi-hanh/chia-se.png"))
        .and_then(|m| m.modified())
        .expect("mtime");
    f.write("content/2024/zz-note.txt", "không phải hồ sơ");
    let again = built(&f, &[]);
    assert!(again.contains("thẻ chia sẻ: 0 vẽ, 5 dùng lại"), "{again}");
    let after = fs::metadata(f.path("output/2024/nguyen-thi-hanh/chia-se.png"))
        .and_then(|m| m.modified())
        .expect("mtime");
    assert_eq!(before, after, "an unchanged card is not written again");

    // An edited profile remakes only its own card (the year's counts do not change).
    f.write(
        "content/2024/nguyen-thi-hanh.md",
        &staff("Nguyễn Thị Hạnh").replace("Chuyên viên", "Chuyên viên chính"),
    );
    let edited = built(&f, &[]);
    assert!(edited.contains("thẻ chia sẻ: 1 vẽ, 4 dùng lại"), "{edited}");
    let cached = fs::read_dir(f.path(".cache/bangvang/the"))
        .expect("cache")
        .count();
    assert_eq!(cached, 5, "the old card left the cache");
}

#[test]
fn a_name_the_font_cannot_draw_is_an_error_naming_it() {
    let f = Fixture::new();
    f.write("content/2024/ly-thu.md", &staff("Lý Thu 🌸"));
    let out = f.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        err.contains("error[invalid-value]: content/2024/ly-thu.md:2: ký tự “🌸” (U+1F338)"),
        "{err}"
    );
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!f.path("output").exists());
}

#[test]
fn the_board_lists_the_roll_in_order_with_qr_codes() {
    let f = Fixture::new();
    f.write("content/2024/an-binh.md", &staff("Trần Bình An"));
    f.write("content/2024/dang-an.md", &staff("Đặng Thị Ấn"));
    built(&f, &["--base-url", "https://example.gov.vn/"]);
    let board = page(&f, "2024/in/index.html");
    let names: Vec<&str> = board
        .split("<h3 class=\"board-name\"><a href=\"")
        .skip(1)
        .filter_map(|s| s.split("\">").nth(1)?.split("</a>").next())
        .collect();
    // Provincial first (the leader), then collectives, then staff in Vietnamese order
    // of the given name: An, Ấn, Hạnh.
    assert_eq!(
        names,
        [
            "Lê Văn Dũng",
            "Phòng Quản lý xây dựng",
            "Trần Bình An",
            "Đặng Thị Ấn",
            "Nguyễn Thị Hạnh"
        ]
    );
    assert!(board.contains("883/KH-SXD"));
    assert!(board.contains("Sở Thử nghiệm"));
    assert_eq!(board.matches("class=\"board-qr\" src=\"/2024/").count(), 5);
    assert!(board.contains("src=\"/2024/dang-an/qr.svg\""));
    assert!(f.path("output/2024/dang-an/qr.svg").is_file());
    let roll = page(&f, "2024/index.html");
    assert!(roll.contains("href=\"/2024/in/\""));
    let sitemap = page(&f, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.gov.vn/thong-ke/</loc>"));
    assert!(
        !sitemap.contains("/2024/in/"),
        "the board is a print copy of the roll"
    );
}

#[test]
fn statistics_count_only_published_exemplars() {
    let f = Fixture::new();
    f.write(
        "content/2023/_plan.toml",
        &common::PLAN_TOML.replace("2024", "2023"),
    );
    f.write(
        "content/2023/nguyen-van-a.md",
        &staff("Nguyễn Văn A").replace("2024", "2023"),
    );
    let revoked = staff("Trần Thu").replace(
        "+++\n## Câu",
        "[revoked]\nnumber = \"9/QĐ-SXD\"\ndate = 2025-01-02\nreason = \"Sai sót hồ sơ.\"\n+++\n## Câu",
    );
    f.write("content/2024/tran-thu.md", &revoked);
    built(&f, &[]);
    let stats = page(&f, "thong-ke/index.html");
    let row = |year: &str| {
        let at = stats
            .find(&format!(
                "<th scope=\"row\"><a href=\"/{year}/\">{year}</a></th>"
            ))
            .unwrap_or_else(|| panic!("a row for {year}"));
        stats[at..]
            .split("</tr>")
            .next()
            .unwrap_or_default()
            .to_string()
    };
    // 2024: a collective, a leader (provincial), a member of staff; the revoked one is
    // left out. 2023: one member of staff.
    let cells = |r: String| -> Vec<String> {
        r.split("<td class=\"num\">")
            .skip(1)
            .filter_map(|c| c.split('<').next().map(str::to_string))
            .collect()
    };
    assert_eq!(cells(row("2024")), ["1", "1", "1", "3"]);
    assert_eq!(cells(row("2023")), ["0", "0", "1", "1"]);
    assert!(stats.contains("role=\"img\" aria-labelledby=\"chart-years-title chart-years-desc\""));
    assert_eq!(stats.matches("<svg class=\"chart\"").count(), 3);
    assert_eq!(stats.matches("<table class=\"stats-table\">").count(), 3);
    assert!(stats.contains("Tổng cộng 4 điển hình tiên tiến, 1 cấp tỉnh."));
    // Units over the years: Văn phòng Sở has 2023's and 2024's member of staff.
    let unit = between(
        &stats,
        "<a href=\"/don-vi/van-phong-so/\">Văn phòng Sở</a></th>",
        "</tr>",
    )
    .expect("a row for the unit")
    .to_string();
    assert_eq!(cells(unit), ["1", "1", "2"]);
    let home = page(&f, "index.html");
    assert!(home.contains("href=\"/thong-ke/\""));
}

#[test]
fn statistics_of_many_units_show_the_largest_and_add_up_the_others() {
    // 40 units: the 30 with the most exemplars get a bar and a row, the other ten one
    // row that adds them up, and every exemplar is still counted.
    let f = Fixture::new();
    // Only these units' exemplars: the fixture's own profiles go.
    for e in std::fs::read_dir(f.path("content/2024")).expect("the year") {
        let path = e.expect("an entry").path();
        if path.extension().is_some_and(|x| x == "md") {
            std::fs::remove_file(path).expect("remove");
        }
    }
    let mut units = String::new();
    for k in 1..=40 {
        units.push_str(&format!(
            "[[unit]]\nid = \"don-vi-{k}\"\nname = \"Đơn vị {k}\"\ntype = \"office\"\n\n"
        ));
        // Unit k has one exemplar, the first five two.
        for n in 0..(1 + usize::from(k <= 5)) {
            let text = staff(&format!("Người {k} {n}"))
                .replace("unit = \"van-phong-so\"", &format!("unit = \"don-vi-{k}\""));
            f.write(&format!("content/2024/nguoi-{k}-{n}.md"), &text);
        }
    }
    f.write("content/units.toml", &units);
    built(&f, &[]);
    let stats = page(&f, "thong-ke/index.html");
    let rows = stats
        .matches("<th scope=\"row\"><a href=\"/don-vi/")
        .count();
    assert_eq!(rows, 30, "unit rows");
    assert!(stats.contains("<a href=\"/don-vi/don-vi-1/\">Đơn vị 1</a>"));
    let others =
        between(&stats, "<tr class=\"stats-others\">", "</tr>").expect("a row for the other units");
    assert!(others.contains("Các đơn vị khác (10 đơn vị)"), "{others}");
    assert!(others.ends_with("<td class=\"num\">10</td>"), "{others}");
    assert!(stats.contains("Tổng cộng 45 điển hình tiên tiến"));
    assert!(stats.contains("30 đơn vị có nhiều điển hình tiên tiến nhất"));
    let chart = between(&stats, "id=\"chart-units-title\"", "</svg>").expect("the chart by unit");
    assert!(chart.contains("Đơn vị 1<") && !chart.contains("Đơn vị 40<"));
}
