//! `bangvang council` end to end: who is in which document, the figures by check's
//! rules, the DOCX's structure (page, margins, fonts, table grids, names; unzipped with
//! the zip crate, no LibreOffice), hand edits kept, refused folders, and nothing of the
//! documents ever in the built site.

mod common;

use std::fs;
use std::io::Read as _;

use common::{Fixture, staff};

fn out(o: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A staff profile of `name` without `[decision]`, with a vote of `members` if any.
fn undecided(name: &str, vote: Option<(u32, u32)>) -> String {
    let head = staff(name)
        .split("[vote]")
        .next()
        .unwrap_or_default()
        .to_string();
    match vote {
        Some((members, yes)) => format!(
            "{head}[vote]\ndate = 2024-12-05\nmembers = {members}\nin_favour = {yes}\n+++\nx\n"
        ),
        None => format!("{head}+++\nx\n"),
    }
}

fn revoked(name: &str) -> String {
    staff(name).replace(
        "+++\n## Câu",
        "[revoked]\nnumber = \"215/QĐ-SXD\"\ndate = 2025-03-10\nreason = \"Tính trùng.\"\n+++\n## Câu",
    )
}

/// The fixture's three recognised profiles, and one of each other state.
fn council_site() -> Fixture {
    let f = Fixture::new();
    f.write(
        "content/2024/mai-thi-yen.md",
        &undecided("Mai Thị Yến", None),
    );
    f.write(
        "content/2024/ly-thi-thu.md",
        &undecided("Lý Thị Thư", Some((29, 26))),
    );
    f.write(
        "content/2024/dinh-thi-lan.md",
        &undecided("Đinh Thị Lan", Some((29, 27))),
    );
    f.write(
        "content/2024/truong-cong-khai.md",
        &revoked("Trương Công Khải"),
    );
    f
}

fn text(f: &Fixture, name: &str) -> String {
    fs::read_to_string(f.path(&format!("hoi-dong/2024/{name}"))).expect("written")
}

/// The `word/document.xml` of a DOCX.
fn document_xml(f: &Fixture, name: &str) -> String {
    let file = fs::File::open(f.path(&format!("hoi-dong/2024/{name}"))).expect("docx");
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    xml
}

/// Every value of `attr` in the elements `<tag …>` of `xml`, in order.
fn attrs(xml: &str, tag: &str, attr: &str) -> Vec<String> {
    xml.split(&format!("<{tag} "))
        .skip(1)
        .filter_map(|rest| {
            let el = &rest[..rest.find('>')?];
            let at = el.find(&format!("{attr}=\""))? + attr.len() + 2;
            Some(el[at..at + el[at..].find('"')?].to_string())
        })
        .collect()
}

const NAMES: [&str; 4] = [
    "danh-sach-de-nghi",
    "phieu-bau",
    "bien-ban-kiem-phieu",
    "du-thao-quyet-dinh",
];

#[test]
fn each_document_lists_whom_the_statuses_put_there() {
    let f = council_site();
    let o = f.run(&["council", "2024"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    for name in NAMES {
        for ext in ["docx", "html"] {
            assert!(
                f.path(&format!("hoi-dong/2024/{name}.{ext}")).is_file(),
                "{name}.{ext}"
            );
        }
    }
    let recognised = ["Phòng Quản lý xây dựng", "Lê Văn Dũng", "Nguyễn Thị Hạnh"];
    let list = text(&f, "danh-sach-de-nghi.html");
    for n in recognised
        .iter()
        .chain(&["Mai Thị Yến", "Lý Thị Thư", "Đinh Thị Lan"])
    {
        assert!(list.contains(n), "{n} in the list");
    }
    let ballot = text(&f, "phieu-bau.html");
    assert!(ballot.contains("Mai Thị Yến"));
    let minutes = text(&f, "bien-ban-kiem-phieu.html");
    assert!(!minutes.contains("Mai Thị Yến"));
    assert!(minutes.contains("Lý Thị Thư</td><td class=\"left\">Văn phòng Sở</td><td class=\"center\">29</td><td class=\"center\">26</td><td class=\"center\">89,7 %</td><td class=\"center\">Không đạt</td>"), "{minutes}");
    assert!(minutes.contains(
        "<td class=\"center\">27</td><td class=\"center\">93,1 %</td><td class=\"center\">Đạt</td>"
    ));
    assert!(minutes.contains(
        "<td class=\"center\">9</td><td class=\"center\">90,0 %</td><td class=\"center\">Đạt</td>"
    ));
    let draft = text(&f, "du-thao-quyet-dinh.html");
    assert!(draft.contains("Đinh Thị Lan"));
    for n in recognised.iter().chain(&["Mai Thị Yến", "Lý Thị Thư"]) {
        assert!(
            !ballot.contains(n) || *n == "Mai Thị Yến",
            "{n} not on the ballot"
        );
        assert!(
            !draft.contains(&format!("{n}</td>")),
            "{n} not in the draft"
        );
    }
    for name in NAMES {
        assert!(
            !text(&f, &format!("{name}.html")).contains("Trương Công Khải"),
            "revoked nowhere"
        );
        assert!(!document_xml(&f, &format!("{name}.docx")).contains("Trương Công Khải"));
    }
    // Vietnamese order within each group: people by given name (Hạnh, Lan, Thư, Yến).
    let at = |n: &str| list.find(n).expect("listed");
    assert!(at("Nguyễn Thị Hạnh") < at("Đinh Thị Lan") && at("Đinh Thị Lan") < at("Lý Thị Thư"));
    assert!(at("Lý Thị Thư") < at("Mai Thị Yến"));
    assert!(
        at("Phòng Quản lý xây dựng") < at("Lê Văn Dũng"),
        "collectives, then leaders"
    );
}

#[test]
fn the_docx_is_a4_with_decree_30_margins_fonts_and_table_grids() {
    let f = council_site();
    let o = f.run(&["council", "2024", "--date", "05/12/2024"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    for name in NAMES {
        let xml = document_xml(&f, &format!("{name}.docx"));
        assert_eq!(attrs(&xml, "w:pgSz", "w:w"), ["11906"], "{name}: A4 wide");
        assert_eq!(attrs(&xml, "w:pgSz", "w:h"), ["16838"], "{name}: A4 high");
        let margin =
            |side: &str| -> u32 { attrs(&xml, "w:pgMar", side)[0].parse().expect("twips") };
        let mm = |twips: u32| f64::from(twips) * 25.4 / 1440.0;
        assert!((20.0..=25.0).contains(&mm(margin("w:top"))), "{name} top");
        assert!(
            (20.0..=25.0).contains(&mm(margin("w:bottom"))),
            "{name} bottom"
        );
        assert!((30.0..=35.0).contains(&mm(margin("w:left"))), "{name} left");
        assert!(
            (15.0..=20.0).contains(&mm(margin("w:right"))),
            "{name} right"
        );
        let fonts = attrs(&xml, "w:rFonts", "w:ascii");
        assert!(
            !fonts.is_empty() && fonts.iter().all(|f| f == "Times New Roman"),
            "{name}"
        );
        let sizes: Vec<u32> = attrs(&xml, "w:sz", "w:val")
            .iter()
            .filter_map(|s| s.parse().ok())
            .collect();
        assert!(
            sizes.contains(&28) && sizes.iter().all(|s| *s <= 28),
            "{name}: 14 pt at most"
        );
        // Every table: a fixed layout, a grid, and each cell's width in twips.
        let tables = xml.matches("<w:tbl>").count();
        assert!(tables >= 2, "{name}: the header and a table");
        assert_eq!(xml.matches("<w:tblGrid>").count(), tables, "{name}");
        assert_eq!(attrs(&xml, "w:tblLayout", "w:type").len(), tables, "{name}");
        assert!(
            attrs(&xml, "w:tblLayout", "w:type")
                .iter()
                .all(|t| t == "fixed")
        );
        let text_width = 11906 - margin("w:left") - margin("w:right");
        for table in xml.split("<w:tblGrid>").skip(1) {
            let grid = &table[..table.find("</w:tblGrid>").expect("closed")];
            let widths: Vec<u32> = attrs(grid, "w:gridCol", "w:w")
                .iter()
                .map(|w| w.parse().expect("twips"))
                .collect();
            assert!(!widths.is_empty());
            assert!(
                widths.iter().sum::<u32>() <= text_width + 2,
                "{name}: {widths:?} fits {text_width}"
            );
        }
        assert!(attrs(&xml, "w:tcW", "w:type").iter().all(|t| t == "dxa"));
        // The list's header row repeats atop every page (the mark that made it is gone).
        assert!(
            xml.contains("<w:tblHeader />"),
            "{name}: a repeated header row"
        );
        assert!(!xml.contains("<w:trHeight w:val=\"1\""), "{name}");
        assert!(xml.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        assert!(xml.contains("Độc lập - Tự do - Hạnh phúc"));
        assert!(
            xml.contains("<w:u w:val=\"single\" />") || xml.contains("<w:u w:val=\"single\"/>"),
            "{name}: the motto underlined"
        );
        assert!(
            xml.contains(", ngày 05 tháng 12 năm 2024"),
            "{name}: the date line"
        );
    }
    let draft = document_xml(&f, "du-thao-quyet-dinh.docx");
    assert!(draft.contains("Đinh Thị Lan") && draft.contains("DỰ THẢO") && draft.contains("/QĐ-"));
    assert!(document_xml(&f, "bien-ban-kiem-phieu.docx").contains("89,7 %"));
}

#[test]
fn hand_edits_are_kept_unless_forced() {
    let f = council_site();
    assert_eq!(f.run(&["council", "2024"]).status.code(), Some(0));
    let again = f.run(&["council", "2024"]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(
        out(&again).matches("không đổi hoi-dong/2024/").count(),
        8,
        "{}",
        out(&again)
    );
    // The standing body edits the ballot in Word; a new nomination arrives.
    fs::write(f.path("hoi-dong/2024/phieu-bau.docx"), b"edited").expect("edit");
    f.write("content/2024/vo-thi-anh.md", &undecided("Võ Thị Ánh", None));
    let before = common::tree(&f.path("hoi-dong"));
    let o = f.run(&["council", "2024"]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(
        out(&o).contains("đã được sửa sau lần tạo trước: hoi-dong/2024/phieu-bau.docx"),
        "{}",
        out(&o)
    );
    assert_eq!(common::tree(&f.path("hoi-dong")), before, "nothing written");
    let o = f.run(&["council", "2024", "--force"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert!(text(&f, "phieu-bau.html").contains("Võ Thị Ánh"));
    assert_ne!(
        fs::read(f.path("hoi-dong/2024/phieu-bau.docx")).expect("read"),
        b"edited"
    );
}

#[test]
fn a_year_with_errors_gets_its_diagnostics_and_no_document() {
    let f = council_site();
    f.write("content/2024/loi.md", "+++\nname = \"X\"\n+++\n");
    let o = f.run(&["council", "2024"]);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    assert!(
        out(&o).contains("error[missing-field]: content/2024/loi.md"),
        "{}",
        out(&o)
    );
    assert!(!f.path("hoi-dong").exists());
    assert_eq!(f.run(&["council", "2031"]).status.code(), Some(2));
    f.remove("content/2024/loi.md");
    assert_eq!(
        f.run(&["council", "2024", "--date", "31/02/2024"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn never_into_content_or_the_output() {
    let f = council_site();
    for dir in [
        "content/hoi-dong",
        "output",
        "output/x",
        "content",
        "./content/../output/y",
    ] {
        let o = f.run(&["council", "2024", "--output", dir]);
        assert_eq!(o.status.code(), Some(2), "{dir}: {}", out(&o));
    }
    assert!(!f.path("content/hoi-dong").exists() && !f.path("output").exists());
    let o = f.run(&["council", "2024", "--output", "giay-to"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert!(f.path("giay-to/bien-ban-kiem-phieu.docx").is_file());
}

#[test]
fn no_tally_of_the_documents_reaches_the_built_site() {
    let f = council_site();
    assert_eq!(f.run(&["council", "2024"]).status.code(), Some(0));
    let o = f.run(&["build", "--drafts"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    let site = common::tree(&f.path("output"));
    assert!(!site.is_empty());
    for (path, bytes) in &site {
        assert!(
            !path.ends_with(".docx") && !path.contains("hoi-dong"),
            "{path}"
        );
        assert!(!NAMES.iter().any(|n| path.contains(n)), "{path}");
        let text = String::from_utf8_lossy(bytes);
        for secret in [
            "89,7",
            "93,1",
            "Không đạt",
            "PHIẾU BẦU",
            "Kiểm phiếu",
            "kiểm phiếu",
            "26/29",
            "in_favour",
        ] {
            assert!(!text.contains(secret), "{secret} in {path}");
        }
    }
}
