//! One broken fixture per rule of SPEC §2: each asserts the rule, file, line, field and
//! severity of the diagnostic `check --format json` reports.

mod common;

use common::{Fixture, assert_diag, collective, leader, line_of, staff};

const STAFF: &str = "content/2024/nguyen-thi-hanh.md";

/// Writes the staff profile with `from` replaced by `to`, checks, and returns the
/// text written, the exit code and the diagnostics.
fn broken(from: &str, to: &str) -> (String, i32, Vec<serde_json::Value>) {
    let f = Fixture::new();
    let original = staff("Nguyễn Thị Hạnh");
    assert!(original.contains(from), "{from} not in the staff template");
    let text = original.replacen(from, to, 1);
    f.write(STAFF, &text);
    let (code, diags) = f.check_json();
    (text, code, diags)
}

#[test]
fn the_valid_fixture_is_clean() {
    let (code, diags) = Fixture::new().check_json();
    assert_eq!((code, diags.len()), (0, 0), "{diags:?}");
}

#[test]
fn syntax() {
    let f = Fixture::new();
    f.write(
        "content/2024/a.md",
        "Chỉ có câu chuyện, không có khai báo.\n",
    );
    f.write("content/2024/b.md", "+++\nname = \"B\"\n");
    f.write("content/2024/c.md", "+++\nname = \"C\"\nunit = \n+++\n");
    f.write_bytes("content/2024/d.md", b"+++\nname = \"D\xff\"\n+++\n");
    let (code, diags) = f.check_json();
    assert_eq!(code, 1);
    assert_diag(&diags, "syntax", "content/2024/a.md", 1, None, "error");
    assert_diag(&diags, "syntax", "content/2024/b.md", 1, None, "error");
    assert_diag(&diags, "syntax", "content/2024/c.md", 3, None, "error");
    assert_diag(&diags, "syntax", "content/2024/d.md", 2, None, "error");
}

#[test]
fn unknown_field_names_the_nearest_key() {
    let (text, code, diags) = broken("unit = ", "unti = ");
    assert_eq!(code, 1);
    assert_diag(
        &diags,
        "unknown-field",
        STAFF,
        line_of(&text, "unti ="),
        Some("unti"),
        "error",
    );
    let d = common::find(&diags, "unknown-field", STAFF);
    assert!(
        d["message"].as_str().unwrap_or_default().contains("`unit`"),
        "{d}"
    );
    // The key it replaced is now missing too: both in the same run.
    assert_diag(&diags, "missing-field", STAFF, 1, Some("unit"), "error");
}

#[test]
fn unknown_field_in_a_table() {
    let (text, _, diags) = broken("in_favour = 9", "in_favor = 9");
    assert_diag(
        &diags,
        "unknown-field",
        STAFF,
        line_of(&text, "in_favor"),
        Some("vote.in_favor"),
        "error",
    );
    assert_diag(
        &diags,
        "missing-field",
        STAFF,
        line_of(&text, "[vote]"),
        Some("vote.in_favour"),
        "error",
    );
}

#[test]
fn missing_field() {
    let (_, code, diags) = broken("summary = \"Số hoá hồ sơ lưu trữ.\"\n", "");
    assert_eq!(code, 1);
    assert_diag(&diags, "missing-field", STAFF, 1, Some("summary"), "error");
    let (_, _, diags) = broken("position = \"Chuyên viên\"\n", "");
    assert_diag(&diags, "missing-field", STAFF, 1, Some("position"), "error");
}

#[test]
fn invalid_value() {
    let (text, _, diags) = broken("kind = \"staff\"", "kind = \"nhan-vien\"");
    assert_diag(
        &diags,
        "invalid-value",
        STAFF,
        line_of(&text, "kind ="),
        Some("kind"),
        "error",
    );
    let long = "ư".repeat(301);
    let (text, _, diags) = broken("Số hoá hồ sơ lưu trữ.", &long);
    assert_diag(
        &diags,
        "invalid-value",
        STAFF,
        line_of(&text, "summary ="),
        Some("summary"),
        "error",
    );
    let (text, _, diags) = broken("position = \"Chuyên viên\"", "position = \"  \"");
    assert_diag(
        &diags,
        "invalid-value",
        STAFF,
        line_of(&text, "position ="),
        Some("position"),
        "error",
    );
    let (text, _, diags) = broken("in_favour = 9", "in_favour = -9");
    assert_diag(
        &diags,
        "invalid-value",
        STAFF,
        line_of(&text, "in_favour"),
        Some("vote.in_favour"),
        "error",
    );
    let (text, _, diags) = broken("date = 2024-11-20", "date = \"2024-11-20\"");
    assert_diag(
        &diags,
        "invalid-value",
        STAFF,
        line_of(&text, "\"2024-11-20\""),
        Some("nomination.date"),
        "error",
    );
}

#[test]
fn a_summary_of_exactly_300_characters_passes() {
    let (_, code, diags) = broken("Số hoá hồ sơ lưu trữ.", &"ư".repeat(300));
    assert_eq!((code, diags.len()), (0, 0), "{diags:?}");
}

#[test]
fn year_mismatch() {
    let (text, _, diags) = broken("kind = \"staff\"", "year = 2023\nkind = \"staff\"");
    assert_diag(
        &diags,
        "year-mismatch",
        STAFF,
        line_of(&text, "year ="),
        Some("year"),
        "error",
    );
    let (_, code, diags) = broken("kind = \"staff\"", "year = 2024\nkind = \"staff\"");
    assert_eq!((code, diags.len()), (0, 0), "{diags:?}");
}

#[test]
fn no_plan() {
    let f = Fixture::new();
    f.write("content/2023/tran-van-binh.md", &staff("Trần Văn Bình"));
    f.write("content/2025/_plan.toml", "number = \"1/KH\"\n");
    f.write("content/2025/le-thi-ha.md", &staff("Lê Thị Hà"));
    let (code, diags) = f.check_json();
    assert_eq!(code, 1);
    assert_diag(
        &diags,
        "no-plan",
        "content/2023/tran-van-binh.md",
        1,
        None,
        "error",
    );
    assert_diag(
        &diags,
        "no-plan",
        "content/2025/le-thi-ha.md",
        1,
        None,
        "error",
    );
    let d = common::find(&diags, "no-plan", "content/2025/le-thi-ha.md");
    assert!(
        d["message"]
            .as_str()
            .unwrap_or_default()
            .contains("content/2025/_plan.toml"),
        "{d}"
    );
    // The plan's own errors are reported in the plan file.
    assert_diag(
        &diags,
        "missing-field",
        "content/2025/_plan.toml",
        1,
        Some("deadline"),
        "error",
    );
}

#[test]
fn unknown_unit() {
    let (text, _, diags) = broken("unit = \"van-phong-so\"", "unit = \"Văn phòng Sở\"");
    assert_diag(
        &diags,
        "unknown-unit",
        STAFF,
        line_of(&text, "unit ="),
        Some("unit"),
        "error",
    );
    let d = common::find(&diags, "unknown-unit", STAFF);
    assert!(
        d["message"]
            .as_str()
            .unwrap_or_default()
            .contains("van-phong-so"),
        "{d}"
    );
}

#[test]
fn unknown_movement() {
    let (text, _, diags) = broken("[\"so-xay-dung\"]", "[\"so-xay-dung\", \"cong-doan-so\"]");
    assert_diag(
        &diags,
        "unknown-movement",
        STAFF,
        line_of(&text, "movements"),
        Some("movements"),
        "error",
    );
}

#[test]
fn unknown_criterion() {
    let (text, _, diags) = broken("ca-nhan = ", "ca-nhann = \"x\"\nca-nhan = ");
    assert_diag(
        &diags,
        "unknown-criterion",
        STAFF,
        line_of(&text, "ca-nhann"),
        Some("criteria.ca-nhann"),
        "error",
    );
    let (text, _, diags) = broken("ca-nhan = ", "tap-the = \"x\"\nca-nhan = ");
    assert_diag(
        &diags,
        "unknown-criterion",
        STAFF,
        line_of(&text, "tap-the"),
        Some("criteria.tap-the"),
        "error",
    );
}

#[test]
fn missing_criterion() {
    let (text, _, diags) = broken("ca-nhan = \"Đi đầu trong số hoá.\"\n", "");
    assert_diag(
        &diags,
        "missing-criterion",
        STAFF,
        line_of(&text, "[criteria]"),
        Some("criteria.ca-nhan"),
        "error",
    );
    let d = common::find(&diags, "missing-criterion", STAFF);
    assert!(
        d["message"]
            .as_str()
            .unwrap_or_default()
            .contains("Gương mẫu đi đầu trong mọi lĩnh vực"),
        "{d}"
    );
}

#[test]
fn excellent_share() {
    let f = Fixture::new();
    let file = "content/2024/phong-quan-ly-xay-dung.md";
    let text = collective().replace(
        "members = 12\nexcellent_members = 6",
        "members = 13\nexcellent_members = 6",
    );
    f.write(file, &text);
    let (_, diags) = f.check_json();
    assert_diag(
        &diags,
        "excellent-share",
        file,
        line_of(&text, "excellent_members"),
        Some("excellent_members"),
        "error",
    );
    let text = collective().replace("excellent_members = 6", "excellent_members = 13");
    f.write(file, &text);
    let (_, diags) = f.check_json();
    assert_diag(
        &diags,
        "excellent-share",
        file,
        line_of(&text, "excellent_members"),
        Some("excellent_members"),
        "error",
    );
}

#[test]
fn six_of_twelve_is_a_fifty_percent_share() {
    let (code, diags) = Fixture::new().check_json();
    assert!(collective().contains("members = 12\nexcellent_members = 6"));
    assert_eq!((code, diags.len()), (0, 0), "{diags:?}");
}

#[test]
fn leader_collective() {
    let f = Fixture::new();
    f.remove("content/2024/phong-quan-ly-xay-dung.md");
    let file = "content/2024/le-van-dung.md";
    let (_, diags) = f.check_json();
    assert_diag(
        &diags,
        "leader-collective",
        file,
        line_of(&leader(), "unit ="),
        Some("unit"),
        "error",
    );
    // A collective that is only pending does not make a recognised leader.
    let pending = collective()
        .split("[vote]")
        .next()
        .unwrap_or_default()
        .to_string()
        + "+++\nx\n";
    f.write("content/2024/phong-quan-ly-xay-dung.md", &pending);
    let (_, diags) = f.check_json();
    assert_diag(
        &diags,
        "leader-collective",
        file,
        line_of(&leader(), "unit ="),
        Some("unit"),
        "error",
    );
    // A pending leader needs a collective profile of the unit, of any status.
    let pending_leader = leader()
        .split("[vote]")
        .next()
        .unwrap_or_default()
        .to_string()
        + "+++\nx\n";
    f.write(file, &pending_leader);
    let (code, diags) = f.check_json();
    assert_eq!((code, diags.len()), (0, 0), "{diags:?}");
    f.remove("content/2024/phong-quan-ly-xay-dung.md");
    let (_, diags) = f.check_json();
    assert_diag(
        &diags,
        "leader-collective",
        file,
        line_of(&leader(), "unit ="),
        Some("unit"),
        "error",
    );
}

#[test]
fn nomination_deadline() {
    let (text, _, diags) = broken("date = 2024-11-20", "date = 2024-12-01");
    assert_diag(
        &diags,
        "nomination-deadline",
        STAFF,
        line_of(&text, "2024-12-01"),
        Some("nomination.date"),
        "error",
    );
    let (_, code, diags) = broken("date = 2024-11-20", "date = 2024-11-30");
    assert_eq!(
        (code, diags.len()),
        (0, 0),
        "on the deadline day: {diags:?}"
    );
}

#[test]
fn vote_count() {
    let (text, _, diags) = broken("members = 10\nin_favour = 9", "members = 0\nin_favour = 0");
    assert_diag(
        &diags,
        "vote-count",
        STAFF,
        line_of(&text, "members = 0"),
        Some("vote.members"),
        "error",
    );
    let (text, _, diags) = broken("in_favour = 9", "in_favour = 11");
    assert_diag(
        &diags,
        "vote-count",
        STAFF,
        line_of(&text, "in_favour"),
        Some("vote.in_favour"),
        "error",
    );
}

#[test]
fn vote_threshold() {
    // 26 of 29 (89.7 %) fails; with a decision it is an error.
    let (text, code, diags) = broken(
        "members = 10\nin_favour = 9",
        "members = 29\nin_favour = 26",
    );
    assert_eq!(code, 1);
    assert_diag(
        &diags,
        "vote-threshold",
        STAFF,
        line_of(&text, "in_favour"),
        Some("vote.in_favour"),
        "error",
    );
    // 9 of 10 passes (the valid fixture). Without a decision a short vote is a warning.
    let text = staff("Nguyễn Thị Hạnh").replace("in_favour = 9", "in_favour = 8");
    let text = text
        .split("[decision]")
        .next()
        .unwrap_or_default()
        .to_string()
        + "+++\nx\n";
    let f = Fixture::new();
    f.write(STAFF, &text);
    let (code, diags) = f.check_json();
    assert_eq!(code, 0, "a warning does not fail check");
    assert_diag(
        &diags,
        "vote-threshold",
        STAFF,
        line_of(&text, "in_favour"),
        Some("vote.in_favour"),
        "warning",
    );
}

#[test]
fn date_order() {
    let (text, _, diags) = broken("date = 2024-12-05", "date = 2024-11-19");
    assert_diag(
        &diags,
        "date-order",
        STAFF,
        line_of(&text, "2024-11-19"),
        Some("vote.date"),
        "error",
    );
    let (text, _, diags) = broken("date = 2024-12-16", "date = 2024-12-04");
    assert_diag(
        &diags,
        "date-order",
        STAFF,
        line_of(&text, "2024-12-04"),
        Some("decision.date"),
        "error",
    );
    let f = Fixture::new();
    let file = "content/2024/le-van-dung.md";
    let text = leader().replace("date = 2025-01-20", "date = 2024-12-01");
    f.write(file, &text);
    let (_, diags) = f.check_json();
    assert_diag(
        &diags,
        "date-order",
        file,
        line_of(&text, "2024-12-01"),
        Some("province.date"),
        "error",
    );
}

#[test]
fn decision_without_vote() {
    let (text, _, diags) = broken(
        "[vote]\ndate = 2024-12-05\nmembers = 10\nin_favour = 9\n",
        "",
    );
    assert_diag(
        &diags,
        "decision-without-vote",
        STAFF,
        line_of(&text, "[decision]"),
        Some("decision"),
        "error",
    );
}

#[test]
fn province_without_decision() {
    let f = Fixture::new();
    let file = "content/2024/le-van-dung.md";
    let text = leader().replace(
        "[decision]\nnumber = \"1456/QĐ-SXD\"\ndate = 2024-12-16\n",
        "",
    );
    f.write(file, &text);
    let (_, diags) = f.check_json();
    assert_diag(
        &diags,
        "province-without-decision",
        file,
        line_of(&text, "[province]"),
        Some("province"),
        "error",
    );
}

#[test]
fn photo() {
    let f = Fixture::new();
    let cases = [
        ("a", "thieu.jpg", None),
        ("b", "anh.jpg", Some(b"this is not an image".to_vec())),
        ("c", "../../../etc/passwd", None),
    ];
    for (slug, photo, bytes) in &cases {
        let text = staff("Nguyễn Văn An").replace(
            "kind = ",
            &format!("photo = \"{photo}\"\nphoto_consent = true\nkind = "),
        );
        f.write(&format!("content/2024/{slug}/index.md"), &text);
        if let Some(b) = bytes {
            f.write_bytes(&format!("content/2024/{slug}/{photo}"), b);
        }
    }
    let (code, diags) = f.check_json();
    assert_eq!(code, 1);
    for (slug, _, _) in &cases {
        assert_diag(
            &diags,
            "photo",
            &format!("content/2024/{slug}/index.md"),
            3,
            Some("photo"),
            "error",
        );
    }
}

#[cfg(unix)]
#[test]
fn photo_symlink_outside_content() {
    let f = Fixture::new();
    f.write_bytes("secret.jpg", b"\xff\xd8\xff\xe0 not really");
    let text = staff("Nguyễn Văn An").replace(
        "kind = ",
        "photo = \"anh.jpg\"\nphoto_consent = true\nkind = ",
    );
    f.write("content/2024/a/index.md", &text);
    std::os::unix::fs::symlink(f.path("secret.jpg"), f.path("content/2024/a/anh.jpg"))
        .expect("symlink");
    let (_, diags) = f.check_json();
    assert_diag(
        &diags,
        "photo",
        "content/2024/a/index.md",
        3,
        Some("photo"),
        "error",
    );
}

#[test]
fn duplicate_slug() {
    let f = Fixture::new();
    f.write(
        "content/2024/nguyen-thi-hanh/index.md",
        &staff("Nguyễn Thị Hạnh"),
    );
    let (code, diags) = f.check_json();
    assert_eq!(code, 1);
    assert_diag(&diags, "duplicate-slug", STAFF, 1, None, "error");
    assert_diag(
        &diags,
        "duplicate-slug",
        "content/2024/nguyen-thi-hanh/index.md",
        1,
        None,
        "error",
    );
}

#[test]
fn revocation() {
    let (text, _, diags) = broken(
        "[decision]\nnumber = \"1456/QĐ-SXD\"\ndate = 2024-12-16\n",
        "[revoked]\nnumber = \"9/QĐ-SXD\"\ndate = 2025-01-02\nreason = \"Sai số liệu.\"\n",
    );
    assert_diag(
        &diags,
        "revocation",
        STAFF,
        line_of(&text, "[revoked]"),
        Some("revoked"),
        "error",
    );
    let (text, _, diags) = broken(
        "+++\n## Câu",
        "[revoked]\nnumber = \"9/QĐ-SXD\"\ndate = 2024-12-01\nreason = \"Sai số liệu.\"\n+++\n## Câu",
    );
    assert_diag(
        &diags,
        "revocation",
        STAFF,
        line_of(&text, "date = 2024-12-01"),
        Some("revoked.date"),
        "error",
    );
}

#[test]
fn privacy_warnings() {
    let (text, code, diags) = broken(
        "Chị đã số hoá toàn bộ hồ sơ.",
        "Chị đã số hoá toàn bộ hồ sơ.\nLiên hệ 0912 345 678 hoặc hanh@example.vn.",
    );
    assert_eq!(code, 0, "privacy is a warning");
    assert_diag(
        &diags,
        "privacy",
        STAFF,
        line_of(&text, "0912"),
        None,
        "warning",
    );
    assert_eq!(diags.len(), 2, "{diags:?}");
    let (text, _, diags) = broken("kind = ", "photo = \"anh.jpg\"\nkind = ");
    assert_diag(
        &diags,
        "privacy",
        STAFF,
        line_of(&text, "photo ="),
        Some("photo"),
        "warning",
    );
}
