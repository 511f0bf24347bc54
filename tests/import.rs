//! `bangvang import` end to end: an .xlsx (rust_xlsxwriter) and an .ods (written here as
//! zip and XML) made in the test, a CSV with BOM as Excel saves it, a sheet with a bad
//! row (nothing written), kept and doubled names, unreadable files.

mod common;

use std::fs;
use std::io::Write as _;
use std::path::Path;

use common::Fixture;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn out(o: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// The nominations as a unit sends them: a title above, columns in their own order.
const ROWS: [[&str; 7]; 3] = [
    [
        "Tên tập thể, cá nhân",
        "Loại",
        "Đơn vị",
        "Chức vụ",
        "Tóm tắt thành tích",
        "Ngày nhận hồ sơ",
        "Phong trào",
    ],
    [
        "Trần Thị Mai",
        "Cá nhân",
        "Văn phòng Sở",
        "Chuyên viên",
        "Số hoá toàn bộ hồ sơ lưu trữ.",
        "",
        "Sở Xây dựng; Công đoàn",
    ],
    [
        "Lê Quang Vinh",
        "Lãnh đạo",
        "phong-quan-ly-xay-dung",
        "Phó Trưởng phòng",
        "Chỉ đạo thẩm định đúng hạn.",
        "21/11/2024",
        "",
    ],
];

fn xlsx(path: &Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Đề nghị").expect("name");
    sheet
        .write_string(0, 0, "DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN ĐIỂN HÌNH TIÊN TIẾN")
        .expect("title");
    sheet.write_string(2, 0, "STT").expect("stt");
    // "Họ và tên" under its usual header; the others as ROWS has them.
    sheet.write_string(2, 1, "Họ và tên").expect("header");
    for (c, h) in ROWS[0].iter().enumerate().skip(1) {
        sheet.write_string(2, c as u16 + 1, *h).expect("header");
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (r, row) in ROWS.iter().enumerate().skip(1) {
        let r = r as u32 + 2;
        sheet.write_number(r, 0, f64::from(r - 2)).expect("stt");
        for (c, v) in row.iter().enumerate() {
            if c == 5 && r == 3 {
                // A real date cell.
                let d = ExcelDateTime::from_ymd(2024, 11, 20).expect("date");
                sheet
                    .write_datetime_with_format(r, c as u16 + 1, d, &date)
                    .expect("date");
            } else if !v.is_empty() {
                sheet.write_string(r, c as u16 + 1, *v).expect("cell");
            }
        }
    }
    book.add_worksheet()
        .set_name("Ghi chú")
        .expect("second sheet");
    book.save(path).expect("save");
}

fn cell_xml(v: &str) -> String {
    if v == "2024-11-20" {
        return "<table:table-cell office:value-type=\"date\" office:date-value=\"2024-11-20\"><text:p>20/11/2024</text:p></table:table-cell>".into();
    }
    if v.is_empty() {
        return "<table:table-cell/>".into();
    }
    format!(
        "<table:table-cell office:value-type=\"string\"><text:p>{v}</text:p></table:table-cell>"
    )
}

fn ods(path: &Path) {
    use zip::write::SimpleFileOptions;
    let mut rows = String::new();
    let mut data = ROWS.map(|r| r.map(str::to_string));
    data[0][0] = "Họ và tên".into();
    data[1][5] = "2024-11-20".into();
    for row in &data {
        rows.push_str("<table:table-row>");
        for v in row {
            rows.push_str(&cell_xml(v));
        }
        rows.push_str("</table:table-row>");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Trang 1">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut z = zip::ZipWriter::new(fs::File::create(path).expect("create"));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).expect("mimetype");
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .expect("write");
    z.start_file("META-INF/manifest.xml", SimpleFileOptions::default())
        .expect("manifest");
    z.write_all(manifest.as_bytes()).expect("write");
    z.start_file("content.xml", SimpleFileOptions::default())
        .expect("content");
    z.write_all(content.as_bytes()).expect("write");
    z.finish().expect("finish");
}

/// Checks the two skeletons the sample rows give, and that `check` judges them as it
/// judges `new`'s: only the blanks left to fill are errors.
fn assert_imported(f: &Fixture) {
    let mai = fs::read_to_string(f.path("content/2024/tran-thi-mai.md")).expect("written");
    assert!(mai.contains("name = \"Trần Thị Mai\"\n"));
    assert!(mai.contains("unit = \"van-phong-so\"\n"));
    assert!(mai.contains("position = \"Chuyên viên\"\n"));
    assert!(mai.contains("summary = \"Số hoá toàn bộ hồ sơ lưu trữ.\"\n"));
    assert!(mai.contains("movements = [\"so-xay-dung\", \"cong-doan\"]\n"));
    assert!(mai.contains("\ndate = 2024-11-20\n"), "{mai}");
    assert!(mai.contains("# Gương mẫu đi đầu trong mọi lĩnh vực\nca-nhan = \"\"\n"));
    let vinh = fs::read_to_string(f.path("content/2024/le-quang-vinh.md")).expect("written");
    assert!(vinh.contains("kind = \"leader\"\n") && vinh.contains("\ndate = 2024-11-21\n"));
    assert!(vinh.contains("lanh-dao = \"\"") && !vinh.contains("ca-nhan = "));
    let (code, diags) = f.check_json();
    assert_eq!(code, 1);
    for d in &diags {
        let file = d["file"].as_str().unwrap_or_default();
        assert!(
            file == "content/2024/tran-thi-mai.md" || file == "content/2024/le-quang-vinh.md",
            "{d}"
        );
        assert!(
            ![
                "syntax",
                "unknown-field",
                "unknown-unit",
                "unknown-movement"
            ]
            .contains(&d["rule"].as_str().unwrap_or_default()),
            "{d}"
        );
    }
}

#[test]
fn an_xlsx_with_a_title_row_and_a_date_cell() {
    let f = Fixture::new();
    xlsx(&f.path("de-nghi.xlsx"));
    let o = f.run(&["import", "de-nghi.xlsx", "--year", "2024"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert!(
        out(&o).contains("đã tạo content/2024/tran-thi-mai.md (dòng 4)"),
        "{}",
        out(&o)
    );
    assert!(out(&o).contains("nhập: đã tạo 2 hồ sơ trong content/2024/"));
    assert_imported(&f);
    // The other sheet has no header: it is named, and refused.
    let o = f.run(&[
        "import",
        "de-nghi.xlsx",
        "--year",
        "2024",
        "--sheet",
        "Ghi chú",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    assert!(out(&o).contains("không tìm thấy hàng tiêu đề"));
    let o = f.run(&[
        "import",
        "de-nghi.xlsx",
        "--year",
        "2024",
        "--sheet",
        "Khác",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(out(&o).contains("\"Đề nghị\", \"Ghi chú\""), "{}", out(&o));
}

#[test]
fn an_ods_made_by_hand() {
    let f = Fixture::new();
    ods(&f.path("de-nghi.ods"));
    let o = f.run(&["import", "de-nghi.ods", "--year", "2024"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert_imported(&f);
}

#[test]
fn a_csv_with_bom_and_semicolons_as_excel_saves_it() {
    let f = Fixture::new();
    let mut text = String::from("\u{feff}");
    let mut rows = ROWS.map(|r| r.map(str::to_string));
    rows[1][5] = "20/11/2024".into();
    for row in &rows {
        let cells: Vec<String> = row.iter().map(|c| format!("\"{c}\"")).collect();
        text.push_str(&cells.join(";"));
        text.push_str("\r\n");
    }
    f.write("de-nghi.csv", &text);
    let o = f.run(&["import", "de-nghi.csv", "--year", "2024"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert_imported(&f);
    // Importing the same sheet again keeps both profiles and writes nothing.
    let before = common::tree(&f.path("content"));
    let o = f.run(&["import", "de-nghi.csv", "--year", "2024", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    assert!(out(&o).contains("content/2024/tran-thi-mai.md exists (row 2): left as it is"));
    assert_eq!(common::tree(&f.path("content")), before);
}

#[test]
fn one_bad_row_and_nothing_is_written() {
    let f = Fixture::new();
    f.write(
        "de-nghi.csv",
        "STT,Họ và tên,Loại,Chức vụ,Đơn vị,Tóm tắt thành tích,Ngày nhận hồ sơ\n\
         1,Trần Thị Mai,Cá nhân,Chuyên viên,Văn phòng Sở,Số hoá hồ sơ.,20/11/2024\n\
         2,Lê Quang Vinh,Lãnh đạo,Trưởng phòng,Phòng Quản lý xây dưng mới,Chỉ đạo.,21/11/2024\n",
    );
    let before = common::tree(&f.path("content"));
    let o = f.run(&["import", "de-nghi.csv", "--year", "2024"]);
    let text = out(&o);
    assert_eq!(o.status.code(), Some(1), "{text}");
    assert!(
        text.contains("error[unknown-unit]: de-nghi.csv:3: ô E3: đơn vị \"Phòng Quản lý xây dưng mới\" không có trong units.toml: có phải ý bạn là \"Phòng Quản lý xây dựng\" (mã phong-quan-ly-xay-dung)?"),
        "{text}"
    );
    assert!(text.contains("3 | Phòng Quản lý xây dưng mới"), "{text}");
    assert!(
        text.contains("nhập: 1 lỗi ở 1 dòng của de-nghi.csv; chưa ghi tệp nào"),
        "{text}"
    );
    assert_eq!(common::tree(&f.path("content")), before, "nothing written");
}

#[test]
fn a_second_of_the_same_name_gets_2() {
    let f = Fixture::new();
    f.write(
        "de-nghi.csv",
        "Họ và tên,Loại,Chức vụ,Đơn vị,Tóm tắt thành tích\n\
         Nguyễn Thị Hạnh,Cá nhân,Chuyên viên,Phòng Quản lý xây dựng,Một.\n\
         Nguyễn Thị Hạnh,Cá nhân,Chuyên viên,Văn phòng Sở,Hai.\n",
    );
    let o = f.run(&["import", "de-nghi.csv", "--year", "2024"]);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    // The fixture's nguyen-thi-hanh.md (Văn phòng Sở) is the second row: kept as it is.
    let two = fs::read_to_string(f.path("content/2024/nguyen-thi-hanh-2.md")).expect("written");
    assert!(two.contains("unit = \"phong-quan-ly-xay-dung\""));
    assert!(!f.path("content/2024/nguyen-thi-hanh-3.md").exists());
    assert_eq!(
        fs::read_to_string(f.path("content/2024/nguyen-thi-hanh.md")).expect("kept"),
        common::staff("Nguyễn Thị Hạnh")
    );
}

#[test]
fn files_that_are_not_spreadsheets_and_years_without_a_plan() {
    let f = Fixture::new();
    f.write_bytes("hong.xlsx", b"PK\x03\x04 not really a workbook");
    let o = f.run(&["import", "hong.xlsx", "--year", "2024"]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(out(&o).contains("không đọc được hong.xlsx"), "{}", out(&o));
    let o = f.run(&["import", "khong-co.csv", "--year", "2024"]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    f.write("de-nghi.csv", "Họ và tên\n");
    let o = f.run(&["import", "de-nghi.csv", "--year", "2030"]);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    assert!(out(&o).contains("error[no-plan]"), "{}", out(&o));
}

#[test]
fn the_shipped_sample_list_imports_into_the_sample_site() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("dir");
    for entry in walkdir::WalkDir::new(repo.join("content")) {
        let entry = entry.expect("walk");
        let to = dir
            .path()
            .join(entry.path().strip_prefix(repo).expect("inside"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&to).expect("mkdir");
        } else {
            fs::copy(entry.path(), &to).expect("copy");
        }
    }
    let sample = repo.join("tests/fixtures/import/de-nghi-2024.xlsx");
    let o = assert_cmd::Command::cargo_bin("bangvang")
        .expect("binary")
        .args([
            "import",
            sample.to_str().expect("UTF-8 path"),
            "--year",
            "2024",
            "--root",
        ])
        .arg(dir.path())
        .output()
        .expect("runs");
    let text = out(&o);
    assert_eq!(o.status.code(), Some(0), "{text}");
    assert!(
        text.contains("đã có content/2024/mai-thi-yen.md (dòng 11): giữ nguyên"),
        "{text}"
    );
    for file in [
        "phong-quy-hoach-kien-truc",
        "ho-thi-ngoc-tram",
        "nguyen-van-an-2",
        "phan-van-thai",
    ] {
        assert!(
            dir.path().join(format!("content/2024/{file}.md")).is_file(),
            "{file}: {text}"
        );
    }
    assert!(text.contains("nhập: đã tạo 4 hồ sơ trong content/2024/, giữ nguyên 1 hồ sơ đã có"));
}
