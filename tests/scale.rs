//! Long lists: a site of several hundred exemplars, built for real, whose rolls and unit
//! pages run over several pages. Every exemplar is reached from its year's roll and its
//! unit's page by following `rel="next"` alone, in the roll's order; no page weighs over
//! 150 KB; every page links a favicon that exists; the sitemap has every page of every
//! list.

mod common;

use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::fs;

use bangvang::text::collate::{given_name, person_order};
use common::{Fixture, PLAN_TOML, tree};
use regex::Regex;

const FAMILY: [&str; 12] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ưng",
];
const MIDDLE: [&str; 6] = ["Văn", "Thị", "Hữu", "Ngọc", "Thuỳ", "Đức"];
const GIVEN: [&str; 14] = [
    "An", "Ánh", "Bình", "Chi", "Dũng", "Đào", "Hà", "Hoà", "Hòa", "Khuê", "Ỷ", "Thủy", "Thuỷ",
    "Yến",
];
const UNITS: [&str; 3] = ["van-phong-so", "phong-quan-ly-xay-dung", "thanh-tra-so"];

/// A recognised profile of `year`; `province` adds a provincial decision.
fn profile(year: u16, name: &str, kind: &str, unit: &str, province: bool) -> String {
    let (criterion, position) = match kind {
        "collective" => ("tap-the = \"Hoàn thành xuất sắc.\"", String::new()),
        "leader" => (
            "lanh-dao = \"Lãnh đạo hiệu quả.\"",
            "position = \"Trưởng phòng\"\n".to_string(),
        ),
        _ => (
            "ca-nhan = \"Đi đầu.\"",
            "position = \"Chuyên viên\"\n".to_string(),
        ),
    };
    let members = if kind == "collective" {
        "members = 10\nexcellent_members = 6\n"
    } else {
        ""
    };
    let province = if province {
        format!(
            "\n[province]\nnumber = \"9/QĐ-UBND\"\ndate = {}-01-20\n",
            year + 1
        )
    } else {
        String::new()
    };
    format!(
        "+++\nname = \"{name}\"\nkind = \"{kind}\"\nunit = \"{unit}\"\n{position}summary = \"Gương sáng của đơn vị năm {year}.\"\nmovements = [\"so-xay-dung\"]\n{members}\n[criteria]\nchap-hanh = \"Chấp hành tốt.\"\n{criterion}\n\n[nomination]\ndate = {year}-11-20\n\n[vote]\ndate = {year}-12-05\nmembers = 10\nin_favour = 10\n\n[decision]\nnumber = \"1/QĐ-SXD\"\ndate = {year}-12-16\n{province}+++\nCâu chuyện của {name}.\n"
    )
}

/// What the fixture holds: for each exemplar, its year, slug, name, kind, unit and level.
struct Exemplar {
    year: u16,
    url: String,
    name: String,
    group: usize,
    unit: &'static str,
}

/// Two years: 2024 with 3 collectives, 9 leaders, 250 staff (5 of them provincial) over
/// three units; 2023 with 2 collectives, 4 leaders and 90 staff.
fn big_site() -> (Fixture, Vec<Exemplar>) {
    let f = Fixture::empty();
    f.write(
        "content/units.toml",
        &format!(
            "{}\n[[unit]]\nid = \"thanh-tra-so\"\nname = \"Thanh tra Sở\"\ntype = \"office\"\n",
            common::UNITS_TOML
        ),
    );
    f.write(
        "content/2023/_plan.toml",
        &PLAN_TOML.replace("2024", "2023"),
    );
    let mut all = Vec::new();
    let mut n = 0;
    for (year, collectives, leaders, staff) in [(2024u16, 3, 9, 250), (2023, 2, 4, 90)] {
        let mut add = |name: String, kind: &str, unit: &'static str, province: bool| {
            n += 1;
            let slug = format!("ho-so-{n}");
            f.write(
                &format!("content/{year}/{slug}.md"),
                &profile(year, &name, kind, unit, province),
            );
            let group = match (province, kind) {
                (true, _) => 0,
                (_, "collective") => 1,
                (_, "leader") => 2,
                _ => 3,
            };
            all.push(Exemplar {
                year,
                url: format!("/{year}/{slug}/"),
                name,
                group,
                unit,
            });
        };
        for c in 0..collectives {
            add(
                format!("Tổ công tác số {} năm {year}", c + 1),
                "collective",
                UNITS[c % 2],
                false,
            );
        }
        for l in 0..leaders {
            let name = format!("{} Văn {}", FAMILY[l % 12], GIVEN[(l * 5) % 14]);
            add(name, "leader", UNITS[l % 2], l == 0);
        }
        for s in 0..staff {
            let name = format!(
                "{} {} {}",
                FAMILY[s % 12],
                MIDDLE[(s / 12) % 6],
                GIVEN[(s * 7 + s / 14) % 14]
            );
            add(name, "staff", UNITS[s % 3], s % 50 == 7);
        }
    }
    (f, all)
}

/// The cards of a list page in the order they come, each with the group (0 provincial,
/// 1 collectives, 2 leaders, 3 staff) of the section it is in.
fn cards(page: &str) -> Vec<(usize, String, String)> {
    let re = Regex::new(
        r#"aria-labelledby="[a-z]+-\d{4}-(provincial|collectives|leaders|staff)"|class="card-name"><a href="([^"]+)">([^<]+)</a>"#,
    )
    .expect("regex");
    let mut group = 0;
    let mut out = Vec::new();
    for m in re.captures_iter(page) {
        if let Some(key) = m.get(1) {
            group = ["provincial", "collectives", "leaders", "staff"]
                .iter()
                .position(|k| *k == key.as_str())
                .expect("a group");
        } else {
            out.push((group, m[2].to_string(), m[3].to_string()));
        }
    }
    out
}

/// `rel="…"` link of a page, as a file of the output.
fn rel_link(page: &str, rel: &str) -> Option<String> {
    let re = Regex::new(&format!(r#"<a href="([^"]+)" rel="{rel}">"#)).expect("regex");
    re.captures(page).map(|c| c[1].to_string())
}

fn file_of(url: &str) -> String {
    format!("{}index.html", url.trim_start_matches('/'))
}

/// Follows `rel="next"` from `first` (a file of the output): every page's file, and the
/// cards of all of them in order. Checks each page's `rel="prev"` on the way.
fn follow(f: &Fixture, first: &str) -> (Vec<String>, Vec<(usize, String, String)>) {
    let mut pages = vec![first.to_string()];
    let mut all = Vec::new();
    loop {
        let file = pages.last().expect("a page").clone();
        let page = fs::read_to_string(f.path(&format!("output/{file}"))).expect("page");
        all.extend(cards(&page));
        let Some(next) = rel_link(&page, "next") else {
            break;
        };
        let next = file_of(&next);
        let next_page = fs::read_to_string(f.path(&format!("output/{next}"))).expect("next");
        let prev = rel_link(&next_page, "prev").expect("a next page links back");
        assert_eq!(file_of(&prev), file, "{next} leads back to {file}");
        assert!(pages.len() < 100, "no end to the pages after {file}");
        pages.push(next.clone());
        let current = format!(r#"aria-current="page">{}</a>"#, pages.len());
        assert!(next_page.contains(&current), "{next}: the pager marks it");
    }
    (pages, all)
}

/// The order of names within a group (people by given name, then full name).
fn in_order(a: &str, b: &str) -> bool {
    person_order(given_name(a, None), a, given_name(b, None), b) != Ordering::Greater
}

/// Asserts that `seen` is `expected` (as a set) in roll order: groups in turn, each in
/// Vietnamese order.
fn assert_roll_order(seen: &[(usize, String, String)], expected: &[&Exemplar], what: &str) {
    let urls: Vec<&str> = seen.iter().map(|c| c.1.as_str()).collect();
    let unique: BTreeSet<&str> = urls.iter().copied().collect();
    assert_eq!(unique.len(), urls.len(), "{what}: an exemplar twice");
    let want: BTreeSet<&str> = expected.iter().map(|e| e.url.as_str()).collect();
    assert_eq!(unique, want, "{what}: not every exemplar, or others");
    for w in seen.windows(2) {
        let ((ga, _, na), (gb, _, nb)) = (&w[0], &w[1]);
        assert!(
            ga < gb || (ga == gb && in_order(na, nb)),
            "{what}: {na} before {nb}"
        );
    }
    for (group, url, name) in seen {
        let e = expected.iter().find(|e| &e.url == url).expect("expected");
        assert_eq!(e.group, *group, "{what}: {url} in the wrong group");
        assert_eq!(&e.name, name, "{what}: {url}");
    }
}

#[test]
fn every_exemplar_is_reached_through_the_pages_in_roll_order() {
    let (f, all) = big_site();
    let out = f.run(&["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    for year in [2024u16, 2023] {
        let (pages, seen) = follow(&f, &format!("{year}/index.html"));
        assert!(pages.len() >= 2, "{year}: {} pages", pages.len());
        let expected: Vec<&Exemplar> = all.iter().filter(|e| e.year == year).collect();
        assert_roll_order(&seen, &expected, &format!("roll {year}"));
    }
    for unit in UNITS {
        let (pages, seen) = follow(&f, &format!("don-vi/{unit}/index.html"));
        assert!(pages.len() >= 2, "{unit}: {} pages", pages.len());
        // Newest year first, each year in the roll's order.
        let mut expected_all = Vec::new();
        for year in [2024u16, 2023] {
            let expected: Vec<&Exemplar> = all
                .iter()
                .filter(|e| e.unit == unit && e.year == year)
                .collect();
            let of_year: Vec<(usize, String, String)> = seen
                .iter()
                .filter(|c| c.1.starts_with(&format!("/{year}/")))
                .cloned()
                .collect();
            assert_roll_order(&of_year, &expected, &format!("{unit} {year}"));
            expected_all.extend(of_year);
        }
        assert_eq!(seen, expected_all, "{unit}: 2024 before 2023");
    }

    // The home page leads with the start of the latest roll and links the rest.
    let home = fs::read_to_string(f.path("output/index.html")).expect("home");
    let shown = cards(&home);
    assert_eq!(shown.len(), 24, "the home page shows the first 24");
    let (_, roll) = follow(&f, "2024/index.html");
    assert_eq!(shown[..], roll[..24]);
    assert!(
        home.contains(r#"<a href="/2024/">Xem toàn bộ bảng vàng năm 2024 (262 điển hình)</a>"#)
    );

    // The sitemap has every page of every list.
    let sitemap = fs::read_to_string(f.path("output/sitemap.xml")).expect("sitemap");
    let files = tree(&f.path("output"));
    for rel in files.keys().filter(|k| k.contains("/trang/")) {
        let url = format!("/{}", rel.trim_end_matches("index.html"));
        assert!(
            sitemap.contains(&format!("<loc>{url}</loc>")),
            "{url} not in the sitemap"
        );
    }
}

#[test]
fn no_page_is_heavy_and_every_page_links_a_favicon_that_exists() {
    let (f, _) = big_site();
    // Long names and summaries make shorter pages, not heavier ones.
    for k in 0..80 {
        let name = format!(
            "Tập thể {} {}",
            "Ban Quản lý dự án đầu tư xây dựng".repeat(6),
            k
        );
        let text = profile(2024, &name, "collective", "thanh-tra-so", false).replace(
            "Gương sáng của đơn vị năm 2024.",
            &"Đổi mới & sáng tạo <b>. ".repeat(12),
        );
        f.write(&format!("content/2024/dai-{k}.md"), &text);
    }
    let out = f.run(&["build", "--base-url", "/thi-dua/"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files = tree(&f.path("output"));
    let icon = Regex::new(r#"<link rel="icon" href="/thi-dua/([^"]+)""#).expect("regex");
    let mut pages = 0;
    for (rel, bytes) in files.iter().filter(|(k, _)| k.ends_with(".html")) {
        pages += 1;
        // The print boards (`/YEAR/in/`) hold the whole year by design (SPEC §4).
        let board = rel.split('/').nth(1) == Some("in");
        assert!(
            board || bytes.len() <= 150 * 1024,
            "{rel}: {} bytes",
            bytes.len()
        );
        let page = String::from_utf8_lossy(bytes);
        let found: Vec<String> = icon
            .captures_iter(&page)
            .map(|c| c[1].to_string())
            .collect();
        assert!(!found.is_empty(), "{rel} links no favicon");
        for file in found {
            assert!(
                files.contains_key(&file),
                "{rel}: favicon {file} is not in the output"
            );
        }
    }
    assert!(pages > 360, "{pages} pages");
    // The theme's favicons, since this site has none of its own.
    assert!(files.contains_key("favicon.svg") && files.contains_key("favicon.ico"));
    let ico = &files["favicon.ico"];
    assert_eq!(&ico[..4], &[0, 0, 1, 0], "an icon file");
}

#[test]
fn a_site_favicon_replaces_the_theme_one() {
    let f = Fixture::new();
    f.write(
        "content/static/favicon.png",
        "not really a png, but the site's own",
    );
    let out = f.run(&["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files = tree(&f.path("output"));
    assert!(files.contains_key("favicon.png"));
    assert!(!files.contains_key("favicon.svg") && !files.contains_key("favicon.ico"));
    for (rel, bytes) in files.iter().filter(|(k, _)| k.ends_with(".html")) {
        let page = String::from_utf8_lossy(bytes);
        assert!(
            page.contains(r#"<link rel="icon" href="/favicon.png" type="image/png">"#),
            "{rel}"
        );
        assert!(!page.contains("favicon.svg"), "{rel}");
    }
}

#[test]
fn a_small_site_has_one_page_of_each_list_and_no_pager() {
    let f = Fixture::new();
    let out = f.run(&["build"]);
    assert!(out.status.success());
    let files = tree(&f.path("output"));
    assert!(!files.keys().any(|k| k.contains("/trang/")));
    for (rel, bytes) in files.iter().filter(|(k, _)| k.ends_with(".html")) {
        let page = String::from_utf8_lossy(bytes);
        assert!(!page.contains(r#"class="pager""#), "{rel}");
        assert!(!page.contains("rel=\"next\""), "{rel}");
    }
    // The home page still shows the whole (short) roll, with no link to "the rest".
    let home = String::from_utf8_lossy(&files["index.html"]).into_owned();
    assert_eq!(cards(&home).len(), 3);
    assert!(!home.contains("Xem toàn bộ bảng vàng"));
}

#[test]
fn a_collective_shows_a_dozen_of_its_heads_and_its_teams_none() {
    let f = Fixture::empty();
    f.write(
        "content/2024/van-phong-so.md",
        &profile(2024, "Văn phòng Sở", "collective", "van-phong-so", false),
    );
    f.write(
        "content/2024/to-mot-cua.md",
        &profile(
            2024,
            "Tổ Một cửa - Văn phòng Sở",
            "collective",
            "van-phong-so",
            false,
        ),
    );
    for k in 0..20 {
        let name = format!("{} Văn {}", FAMILY[k % 12], GIVEN[k % 14]);
        f.write(
            &format!("content/2024/lanh-dao-{k}.md"),
            &profile(2024, &name, "leader", "van-phong-so", false),
        );
    }
    let out = f.run(&["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = |rel: &str| fs::read_to_string(f.path(&format!("output/{rel}"))).expect("page");
    let own = page("2024/van-phong-so/index.html");
    let (_, heads) = own.split_once("heads-heading").expect("a heads section");
    let heads = heads.split("</section>").next().unwrap_or_default();
    assert_eq!(heads.matches("class=\"card-name\"").count(), 12, "{heads}");
    assert!(heads.contains("(8)</a>"), "{heads}");
    assert!(
        heads.contains(r#"href="/don-vi/van-phong-so/#year-2024""#),
        "{heads}"
    );
    let team = page("2024/to-mot-cua/index.html");
    assert!(
        !team.contains("heads-heading"),
        "a team is not headed by the unit's leaders"
    );
}
