//! Over the years, end to end: units that begin, end and are succeeded (`unit-period`,
//! units.toml's validation, unit pages, the units page, rolls), one person across years
//! (`duplicate-person`, `same-name`, the other years and the run on profile pages), and the
//! organisation's earlier names on decisions.

mod common;

use std::fs;

use common::{Fixture, PLAN_TOML, UNITS_TOML, assert_diag, find, line_of, staff};

/// Two more units: an office that ended on 30 June 2025 and the one that took over.
const MORE_UNITS: &str = r#"
[[unit]]
id = "phong-quan-ly-nha"
name = "Phòng Quản lý nhà"
type = "office"
until = 2025-06-30
successor = "phong-phat-trien-nha-o"

[[unit]]
id = "phong-phat-trien-nha-o"
name = "Phòng Phát triển đô thị và Nhà ở"
type = "office"
from = 2025-07-01
"#;

/// The fixture's plan for `year`, its dates moved there.
fn plan(year: u16) -> String {
    PLAN_TOML
        .replace("2024-04-04", &format!("{year}-04-04"))
        .replace("2024-11-30", &format!("{year}-11-30"))
        .replace("năm 2024", &format!("năm {year}"))
}

/// A recognised staff profile of `year`, in `unit`, with `extra` keys after `position`.
fn staff_in(year: u16, name: &str, unit: &str, extra: &str) -> String {
    staff(name)
        .replace("unit = \"van-phong-so\"", &format!("unit = \"{unit}\""))
        .replace(
            "position = \"Chuyên viên\"\n",
            &format!("position = \"Chuyên viên\"\n{extra}"),
        )
        .replace("2024-11-20", &format!("{year}-11-20"))
        .replace("2024-12-05", &format!("{year}-12-05"))
        .replace("2024-12-16", &format!("{year}-12-16"))
}

/// A site with 2023, 2024 and 2025 plans and the units over time, without profiles.
fn site() -> Fixture {
    let f = Fixture::empty();
    f.write("content/units.toml", &format!("{UNITS_TOML}{MORE_UNITS}"));
    for year in [2023, 2025] {
        f.write(&format!("content/{year}/_plan.toml"), &plan(year));
    }
    f
}

fn built(f: &Fixture) {
    let out = f.run(&["build"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn page(f: &Fixture, rel: &str) -> String {
    fs::read_to_string(f.path(&format!("output/{rel}index.html")))
        .unwrap_or_else(|e| panic!("output/{rel}: {e}"))
}

fn human(f: &Fixture) -> String {
    String::from_utf8_lossy(&f.run(&["check"]).stdout).into_owned()
}

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
fn one_person_once_a_year() {
    let f = site();
    let key = "person = \"nguyen-thi-hanh\"\n";
    let a = staff_in(2024, "Nguyễn Thị Hạnh", "van-phong-so", key);
    let b = staff_in(2024, "Nguyễn Thị Hạnh Hai", "phong-quan-ly-xay-dung", key);
    f.write("content/2024/nguyen-thi-hanh.md", &a);
    f.write("content/2024/nguyen-thi-hanh-2.md", &b);
    f.write(
        "content/2025/nguyen-thi-hanh.md",
        &staff_in(2025, "Nguyễn Thị Hạnh", "van-phong-so", key),
    );
    let (code, diags) = f.check_json();
    assert_eq!(code, 1);
    for (file, text) in [
        ("content/2024/nguyen-thi-hanh.md", &a),
        ("content/2024/nguyen-thi-hanh-2.md", &b),
    ] {
        assert_diag(
            &diags,
            "duplicate-person",
            file,
            line_of(text, "person ="),
            Some("person"),
            "error",
        );
    }
    let dup: Vec<_> = diags
        .iter()
        .filter(|d| d["rule"] == "duplicate-person")
        .collect();
    assert_eq!(dup.len(), 2, "not the 2025 profile: {dup:?}");
}

#[test]
fn person_is_an_id_of_a_leader_or_staff() {
    let f = site();
    let bad = staff_in(2024, "Lê An", "van-phong-so", "person = \"Lê An\"\n");
    f.write("content/2024/le-an.md", &bad);
    let collective = common::collective().replace(
        "kind = \"collective\"\n",
        "kind = \"collective\"\nperson = \"phong\"\n",
    );
    f.write("content/2024/phong-quan-ly-xay-dung.md", &collective);
    let (_, diags) = f.check_json();
    assert_diag(
        &diags,
        "invalid-value",
        "content/2024/le-an.md",
        line_of(&bad, "person ="),
        Some("person"),
        "error",
    );
    assert_diag(
        &diags,
        "invalid-value",
        "content/2024/phong-quan-ly-xay-dung.md",
        line_of(&collective, "person ="),
        Some("person"),
        "error",
    );
}

#[test]
fn same_name_and_unit_in_two_years_without_person_is_pointed_out() {
    let f = site();
    let old = staff_in(2024, "Nguyễn Thị Hạnh", "phong-quan-ly-nha", "");
    let new = staff_in(2025, "Nguyễn Thị Hạnh", "phong-phat-trien-nha-o", "");
    f.write("content/2024/nguyen-thi-hanh.md", &old);
    f.write("content/2025/nguyen-thi-hanh.md", &new);
    // Another name, and the same name in an unrelated unit: nothing to say.
    f.write(
        "content/2025/le-an.md",
        &staff_in(2025, "Lê An", "phong-phat-trien-nha-o", ""),
    );
    f.write(
        "content/2023/nguyen-thi-hanh.md",
        &staff_in(2023, "Nguyễn Thị Hạnh", "van-phong-so", ""),
    );
    let (code, diags) = f.check_json();
    assert_eq!(code, 0, "a warning: {diags:?}");
    let later = "content/2025/nguyen-thi-hanh.md";
    assert_diag(
        &diags,
        "same-name",
        later,
        line_of(&new, "name ="),
        Some("name"),
        "warning",
    );
    let same: Vec<_> = diags.iter().filter(|d| d["rule"] == "same-name").collect();
    assert_eq!(same.len(), 1, "{same:?}");
    let msg = same[0]["message"].as_str().unwrap_or_default();
    assert!(
        msg.contains("content/2024/nguyen-thi-hanh.md") && msg.contains("2024"),
        "{msg}"
    );
    assert!(human(&f).contains("ghi `person = \"nguyen-thi-hanh\"` vào cả hai hồ sơ"));

    // One key already written: the warning goes to the profile that lacks it, naming it.
    f.write(
        "content/2025/nguyen-thi-hanh.md",
        &staff_in(
            2025,
            "Nguyễn Thị Hạnh",
            "phong-phat-trien-nha-o",
            "person = \"hanh-vp\"\n",
        ),
    );
    let (_, diags) = f.check_json();
    let d = find(&diags, "same-name", "content/2024/nguyen-thi-hanh.md");
    assert_eq!(d["severity"], "warning");
    assert!(human(&f).contains("ghi `person = \"hanh-vp\"`"));

    // Both keyed (one person, or two people): nothing to say.
    f.write(
        "content/2024/nguyen-thi-hanh.md",
        &staff_in(
            2024,
            "Nguyễn Thị Hạnh",
            "phong-quan-ly-nha",
            "person = \"hanh-khac\"\n",
        ),
    );
    let (code, diags) = f.check_json();
    assert_eq!((code, diags.len()), (0, 0), "{diags:?}");
}

#[test]
fn a_person_s_years_are_linked_and_a_revoked_year_breaks_the_run() {
    let f = site();
    let key = "person = \"le-an\"\n";
    f.write(
        "content/2023/le-an.md",
        &staff_in(2023, "Lê An", "van-phong-so", key),
    );
    let revoked = staff_in(2024, "Lê An", "van-phong-so", key).replace(
        "+++\n## Câu",
        "[revoked]\nnumber = \"215/QĐ-SXD\"\ndate = 2025-03-10\nreason = \"Số liệu tính trùng.\"\n+++\n## Câu",
    );
    f.write("content/2024/le-an.md", &revoked);
    f.write(
        "content/2025/le-an.md",
        &staff_in(2025, "Lê An", "van-phong-so", key),
    );
    let key = "person = \"tran-binh\"\n";
    f.write(
        "content/2024/tran-binh.md",
        &staff_in(2024, "Trần Bình", "phong-quan-ly-nha", key),
    );
    f.write(
        "content/2025/tran-binh.md",
        &staff_in(2025, "Trần Bình", "phong-phat-trien-nha-o", key),
    );
    built(&f);
    let an = page(&f, "2025/le-an/");
    assert!(
        an.contains("Cũng được công nhận năm</dt><dd><a href=\"/2023/le-an/\">2023</a></dd>"),
        "{an}"
    );
    assert!(
        !an.contains("href=\"/2024/le-an/\">2024"),
        "the revoked year is no recognition"
    );
    assert!(
        !an.contains("năm liên tục"),
        "2023 and 2025 are not a run: 2024 was revoked"
    );
    let notice = page(&f, "2024/le-an/");
    assert!(!notice.contains("Cũng được công nhận") && !notice.contains("năm liên tục"));
    let binh = page(&f, "2024/tran-binh/");
    assert!(
        binh.contains("Điển hình tiên tiến 2 năm liên tục (2024–2025)"),
        "{binh}"
    );
    assert!(binh.contains("<a href=\"/2025/tran-binh/\">2025</a>"));
    // Their other year is linked once, not again among related exemplars.
    assert_eq!(
        binh.matches("href=\"/2025/tran-binh/\"").count(),
        1,
        "{binh}"
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
