//! One person across years, end to end: `person`'s form, `duplicate-person`, the
//! `same-name` warning and its key, and profile pages linking a person's other years
//! and marking their run (which a revoked year breaks).

mod common;

use common::years::{built, human, page, site, staff_in};
use common::{assert_diag, find, line_of};

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
