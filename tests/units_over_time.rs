//! Units and the agency over time, end to end: `unit-period` before `from` and after
//! `until`, units.toml's validation, a roll naming a renamed unit as it was, unit pages
//! and the units page telling their history, decisions naming the organisation as it was.

mod common;

use common::years::{built, human, page, site, staff_in};
use common::{UNITS_TOML, assert_diag, find, line_of};

#[test]
fn unit_period_before_from_and_after_until_with_the_unit_of_that_day() {
    let f = site();
    let early = staff_in(2024, "Nguyễn Văn An", "phong-phat-trien-nha-o", "");
    let late = staff_in(2025, "Trần Thị Bích", "phong-quan-ly-nha", "");
    f.write("content/2024/nguyen-van-an.md", &early);
    f.write("content/2025/tran-thi-bich.md", &late);
    let (code, diags) = f.check_json();
    assert_eq!(code, 1);
    let (a, b) = (
        "content/2024/nguyen-van-an.md",
        "content/2025/tran-thi-bich.md",
    );
    assert_diag(
        &diags,
        "unit-period",
        a,
        line_of(&early, "unit ="),
        Some("unit"),
        "error",
    );
    assert_diag(
        &diags,
        "unit-period",
        b,
        line_of(&late, "unit ="),
        Some("unit"),
        "error",
    );
    let before = find(&diags, "unit-period", a)["message"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        before.contains("01/07/2025") && before.contains("20/11/2024"),
        "{before}"
    );
    let text = human(&f);
    assert!(
        text.contains(
            "ngày đó đơn vị là \"phong-quan-ly-nha\": ghi `unit = \"phong-quan-ly-nha\"`"
        ),
        "the hint names the unit of that day: {text}"
    );
    assert!(
        text.contains("công việc của đơn vị đã chuyển sang \"phong-phat-trien-nha-o\": ghi `unit = \"phong-phat-trien-nha-o\"`"),
        "the hint names the successor: {text}"
    );
    // On the last day and on the first, the units were in being.
    f.write(
        "content/2024/nguyen-van-an.md",
        &staff_in(2024, "Nguyễn Văn An", "phong-quan-ly-nha", ""),
    );
    f.write(
        "content/2025/tran-thi-bich.md",
        &staff_in(2025, "Trần Thị Bích", "phong-phat-trien-nha-o", ""),
    );
    let (code, diags) = f.check_json();
    assert_eq!((code, diags.len()), (0, 0), "{diags:?}");
}

#[test]
fn units_toml_is_validated() {
    let f = site();
    let units = format!(
        "{UNITS_TOML}{}",
        r#"
[[unit]]
id = "dao-nguoc"
name = "Ngày đảo ngược"
type = "office"
from = 2025-07-01
until = 2025-06-30

[[unit]]
id = "ke-tuc-sai"
name = "Kế tục sai tên"
type = "office"
until = 2025-06-30
successor = "van-phong-soo"

[[unit]]
id = "khong-ngay"
name = "Kế tục không ngày"
type = "office"
successor = "van-phong-so"

[[unit]]
id = "vong-a"
name = "Vòng A"
type = "office"
until = 2025-06-30
successor = "vong-b"

[[unit]]
id = "vong-b"
name = "Vòng B"
type = "office"
until = 2025-06-30
successor = "vong-a"

[[unit]]
id = "chinh-no"
name = "Chính nó"
type = "office"
until = 2025-06-30
successor = "chinh-no"
"#
    );
    f.write("content/units.toml", &units);
    let (code, diags) = f.check_json();
    assert_eq!(code, 1);
    let file = "content/units.toml";
    let at = |needle: &str| line_of(&units, needle);
    assert_diag(
        &diags,
        "invalid-value",
        file,
        at("from = 2025-07-01") + 1,
        Some("unit.until"),
        "error",
    );
    assert_diag(
        &diags,
        "unknown-unit",
        file,
        at("successor = \"van-phong-soo\""),
        Some("unit.successor"),
        "error",
    );
    let typo = diags
        .iter()
        .find(|d| d["rule"] == "unknown-unit")
        .and_then(|d| d["message"].as_str())
        .unwrap_or_default();
    assert!(
        typo.contains("`van-phong-so`"),
        "names the nearest id: {typo}"
    );
    let no_until = units
        .lines()
        .position(|l| l.contains("id = \"khong-ngay\""))
        .unwrap_or_default() as u64
        + 4;
    assert_diag(
        &diags,
        "missing-field",
        file,
        no_until,
        Some("unit.until"),
        "error",
    );
    assert_diag(
        &diags,
        "invalid-value",
        file,
        at("successor = \"vong-b\""),
        Some("unit.successor"),
        "error",
    );
    assert_diag(
        &diags,
        "invalid-value",
        file,
        at("successor = \"chinh-no\""),
        Some("unit.successor"),
        "error",
    );
    let cycles: Vec<&str> = diags
        .iter()
        .filter(|d| d["field"] == "unit.successor" && d["rule"] == "invalid-value")
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert_eq!(cycles.len(), 2, "each cycle once: {cycles:?}");
    assert!(
        cycles
            .iter()
            .any(|m| m.contains("vong-a → vong-b → vong-a")),
        "{cycles:?}"
    );
}

#[test]
fn a_roll_names_a_renamed_unit_as_it_was_and_unit_pages_tell_their_history() {
    let f = site();
    f.write(
        "content/2024/tran-binh.md",
        &staff_in(2024, "Trần Bình", "phong-quan-ly-nha", ""),
    );
    f.write(
        "content/2025/le-an.md",
        &staff_in(2025, "Lê An", "phong-phat-trien-nha-o", ""),
    );
    built(&f);
    let (old, new) = ("Phòng Quản lý nhà", "Phòng Phát triển đô thị và Nhà ở");
    let roll = page(&f, "2024/");
    assert!(
        roll.contains(&format!(
            "<a href=\"/don-vi/phong-quan-ly-nha/\">{old}</a></th>"
        )),
        "{roll}"
    );
    assert!(!roll.contains(new), "2024's roll names the unit as it was");
    assert!(page(&f, "2025/").contains(new));

    let successor = page(&f, "don-vi/phong-phat-trien-nha-o/");
    assert!(
        successor.contains("Bắt đầu hoạt động từ ngày</dt><dd>01/07/2025"),
        "{successor}"
    );
    assert!(successor.contains(&format!(
        "<a href=\"/don-vi/phong-quan-ly-nha/\">{old}</a> (đến 30/06/2025)"
    )));
    assert!(
        successor.contains("2 điển hình"),
        "its own and its predecessor's"
    );
    let y2024 = &successor[successor.find("id=\"year-2024\"").expect("a 2024 section")..];
    assert!(y2024.contains(&format!(
        "<h3><a href=\"/don-vi/phong-quan-ly-nha/\">{old}</a></h3>"
    )));
    assert!(
        y2024.contains("Trần Bình"),
        "the predecessor's exemplar, under its name"
    );

    let former = page(&f, "don-vi/phong-quan-ly-nha/");
    assert!(
        former.contains("Đơn vị này đã kết thúc hoạt động ngày 30/06/2025"),
        "{former}"
    );
    assert!(former.contains(&format!(
        "<a href=\"/don-vi/phong-phat-trien-nha-o/\">{new}</a>"
    )));
    assert!(
        !former.contains("Lê An"),
        "a unit's page shows its own years, not its successor's"
    );

    let units = page(&f, "don-vi/");
    let (today, earlier) =
        units.split_at(units.find("id=\"units-former\"").expect("a former section"));
    assert!(today.contains(new) && !today.contains(&format!(">{old}</a></h3>")));
    assert!(
        earlier.contains(&format!(">{old}</a></h3>")) && earlier.contains("30/06/2025"),
        "{earlier}"
    );
}

#[test]
fn a_decision_names_the_organisation_as_it_was_then() {
    let f = site();
    f.write(
        "content/site.toml",
        &format!(
            "{}organisation_history = [{{ name = \"Sở Xây dựng tỉnh Cũ\", until = 2025-06-30, parent = \"UBND TỈNH CŨ\" }}]\n",
            common::SITE_TOML.replace("Sở Thử nghiệm", "Sở Xây dựng tỉnh Mới")
        ),
    );
    f.write(
        "content/2024/tran-binh.md",
        &staff_in(2024, "Trần Bình", "van-phong-so", ""),
    );
    f.write(
        "content/2025/le-an.md",
        &staff_in(2025, "Lê An", "van-phong-so", ""),
    );
    built(&f);
    let old = page(&f, "2024/tran-binh/");
    assert!(
        old.contains("Số 1456/QĐ-SXD ngày 16/12/2024 của Sở Xây dựng tỉnh Cũ"),
        "{old}"
    );
    assert!(
        old.contains("<span class=\"brand-org\">Sở Xây dựng tỉnh Mới</span>"),
        "today's name in the header"
    );
    let new = page(&f, "2025/le-an/");
    assert!(
        new.contains("Số 1456/QĐ-SXD ngày 16/12/2025</dd>"),
        "today's name goes without saying: {new}"
    );

    // Earlier names are listed oldest first.
    f.write(
        "content/site.toml",
        &format!(
            "{}[[organisation_history]]\nname = \"B\"\nuntil = 2020-01-01\n\n[[organisation_history]]\nname = \"A\"\nuntil = 2010-01-01\n",
            common::SITE_TOML
        ),
    );
    let (code, diags) = f.check_json();
    assert_eq!(code, 1);
    assert_diag(
        &diags,
        "invalid-value",
        "content/site.toml",
        13,
        Some("organisation_history.until"),
        "error",
    );
}
