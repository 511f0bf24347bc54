//! The plausible typos of SPEC §2, one broken fixture per class: `date-range`, a plan's
//! ranges and deadline, `placeholder`, control characters and noncharacters, a
//! `base_url` that leaves the site, an unknown theme; and the hints that must point at
//! something that exists. The day of the check is set with `BANGVANG_TODAY`.

mod common;

use common::{Fixture, PLAN_TOML, SITE_TOML, assert_diag, find, line_of, staff};

const STAFF: &str = "content/2024/nguyen-thi-hanh.md";
const TODAY: &str = "2025-06-01";

/// The staff profile with `from` replaced by `to`, checked on [`TODAY`].
fn broken(from: &str, to: &str) -> (String, i32, Vec<serde_json::Value>) {
    let f = Fixture::new();
    let original = staff("Nguyễn Thị Hạnh");
    assert!(original.contains(from), "{from} not in the staff template");
    let text = original.replacen(from, to, 1);
    f.write(STAFF, &text);
    let (code, diags) = f.check_json_on(TODAY);
    (text, code, diags)
}

fn message<'a>(diags: &'a [serde_json::Value], rule: &str, file: &str) -> &'a str {
    find(diags, rule, file)["message"]
        .as_str()
        .unwrap_or_default()
}

#[test]
fn the_valid_fixture_is_clean_on_any_day_after_its_dates() {
    for day in ["2025-01-20", "2030-01-01"] {
        let (code, diags) = Fixture::new().check_json_on(day);
        assert_eq!((code, diags.len()), (0, 0), "{day}: {diags:?}");
    }
}

#[test]
fn a_date_after_the_day_of_the_check() {
    let (text, code, diags) = broken("date = 2024-12-16", "date = 2052-12-16");
    assert_eq!(code, 1);
    let line = line_of(&text, "2052-12-16");
    assert_diag(
        &diags,
        "date-range",
        STAFF,
        line,
        Some("decision.date"),
        "error",
    );
    assert!(message(&diags, "date-range", STAFF).contains("01/06/2025"));
    // The same file is fine once that day has come.
    let f = Fixture::new();
    f.write(STAFF, &text);
    let (code, _) = f.check_json_on("2053-01-01");
    assert_eq!(code, 0);
}

#[test]
fn a_nomination_outside_its_folders_year() {
    let (text, _, diags) = broken("date = 2024-11-20", "date = 2015-11-20");
    let line = line_of(&text, "2015-11-20");
    assert_diag(
        &diags,
        "date-range",
        STAFF,
        line,
        Some("nomination.date"),
        "error",
    );
    // A 2024 profile in 2025/ (copied over with its dates).
    let f = Fixture::new();
    f.write(
        "content/2025/_plan.toml",
        &PLAN_TOML.replace("2024-", "2025-"),
    );
    f.write("content/2025/tran-van-binh.md", &staff("Trần Văn Bình"));
    let (_, diags) = f.check_json_on("2026-01-01");
    let file = "content/2025/tran-van-binh.md";
    let text = staff("Trần Văn Bình");
    assert_diag(
        &diags,
        "date-range",
        file,
        line_of(&text, "2024-11-20"),
        Some("nomination.date"),
        "error",
    );
}

#[test]
fn a_date_before_the_plan_was_issued() {
    let (text, _, diags) = broken("date = 2024-12-05", "date = 2024-03-05");
    let line = line_of(&text, "2024-03-05");
    assert_diag(
        &diags,
        "date-range",
        STAFF,
        line,
        Some("vote.date"),
        "error",
    );
    assert!(message(&diags, "date-range", STAFF).contains("04/04/2024"));
}

#[test]
fn a_bad_day_of_the_check_is_a_usage_error() {
    let f = Fixture::new();
    let out = f.run_env(&["check"], &[("BANGVANG_TODAY", "1/6/2025")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("BANGVANG_TODAY"));
}

#[test]
fn the_plans_ranges_and_deadline() {
    for (from, to, field) in [
        (
            "approval_percent = 90",
            "approval_percent = 0",
            "approval_percent",
        ),
        (
            "approval_percent = 90",
            "approval_percent = 9",
            "approval_percent",
        ),
        (
            "approval_percent = 90",
            "approval_percent = 101",
            "approval_percent",
        ),
        (
            "excellent_members_percent = 50",
            "excellent_members_percent = 0",
            "excellent_members_percent",
        ),
        ("deadline = 2024-11-30", "deadline = 2025-11-30", "deadline"),
    ] {
        let f = Fixture::new();
        let plan = PLAN_TOML.replace(from, to);
        f.write("content/2024/_plan.toml", &plan);
        let (code, diags) = f.check_json_on(TODAY);
        assert_eq!(code, 1);
        let line = line_of(&plan, to);
        assert_diag(
            &diags,
            "invalid-value",
            "content/2024/_plan.toml",
            line,
            Some(field),
            "error",
        );
    }
    // The edges are allowed.
    let f = Fixture::new();
    f.write(
        "content/2024/_plan.toml",
        &PLAN_TOML
            .replace("approval_percent = 90", "approval_percent = 50")
            .replace(
                "excellent_members_percent = 50",
                "excellent_members_percent = 1",
            ),
    );
    let (_, diags) = f.check_json_on(TODAY);
    assert!(
        !diags.iter().any(|d| d["file"] == "content/2024/_plan.toml"),
        "{diags:?}"
    );
}

#[test]
fn the_skeletons_sentence_still_there() {
    let f = Fixture::new();
    let out = f.run(&[
        "new",
        "2024/tran-thi-mai",
        "--kind",
        "staff",
        "--unit",
        "van-phong-so",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let file = "content/2024/tran-thi-mai.md";
    let text = std::fs::read_to_string(f.path(file)).expect("written");
    let (_, diags) = f.check_json_on(TODAY);
    let sentence = bangvang::content::placeholders::STORY;
    assert_diag(
        &diags,
        "placeholder",
        file,
        line_of(&text, sentence),
        None,
        "error",
    );
    // In a key too, whatever the case.
    let (text, _, diags) = broken("Số hoá hồ sơ lưu trữ.", &sentence.to_uppercase());
    assert_diag(
        &diags,
        "placeholder",
        STAFF,
        line_of(&text, "summary ="),
        Some("summary"),
        "error",
    );
}

#[test]
fn control_characters_and_noncharacters_in_any_text() {
    for (from, to, field, needle) in [
        (
            "name = \"Nguyễn Thị Hạnh\"",
            "name = \"Nguyễn\\u001b[31m Thị Hạnh\"",
            Some("name"),
            "name =",
        ),
        (
            "Chuyên viên",
            "Chuyên\\u0007viên",
            Some("position"),
            "position =",
        ),
        (
            "Đi đầu trong số hoá.",
            "Đi đầu\\uFFFE.",
            Some("criteria.ca-nhan"),
            "ca-nhan =",
        ),
        (
            "Chị đã số hoá toàn bộ hồ sơ.",
            "Chị đã số hoá \u{1b}]0;x\u{7} hồ sơ.",
            None,
            "số hoá \u{1b}",
        ),
        (
            "Chị đã số hoá toàn bộ hồ sơ.",
            "Chị đã\u{85} số hoá.",
            None,
            "Chị đã\u{85}",
        ),
    ] {
        let (text, code, diags) = broken(from, to);
        assert_eq!(code, 1, "{to}");
        assert_diag(
            &diags,
            "invalid-value",
            STAFF,
            line_of(&text, needle),
            field,
            "error",
        );
    }
    let f = Fixture::new();
    f.write(
        "content/units.toml",
        &common::UNITS_TOML.replace("Văn phòng Sở", "Văn phòng\\u0000 Sở"),
    );
    let (_, diags) = f.check_json_on(TODAY);
    find(&diags, "invalid-value", "content/units.toml");

    // `/don-vi/trang/2/` is the units' second page: no unit may be called `trang`.
    let f = Fixture::new();
    f.write(
        "content/units.toml",
        &format!(
            "{}\n[[unit]]\nid = \"trang\"\nname = \"Trang\"\ntype = \"office\"\n",
            common::UNITS_TOML
        ),
    );
    let (_, diags) = f.check_json_on(TODAY);
    let d = find(&diags, "invalid-value", "content/units.toml");
    assert!(
        d["message"]
            .as_str()
            .unwrap_or("")
            .contains("/don-vi/trang/2/"),
        "{d}"
    );
}

#[test]
fn a_base_url_that_could_leave_the_site() {
    for bad in [
        "/\\\\evil.example/",
        "//evil.example/",
        "javascript:alert(1)",
        "thi-dua/",
        "https://",
        "/thi dua/",
        "/a/../../",
    ] {
        let f = Fixture::new();
        let site = SITE_TOML.replace("base_url = \"/\"", &format!("base_url = \"{bad}\""));
        f.write("content/site.toml", &site);
        let (code, diags) = f.check_json_on(TODAY);
        assert_eq!(code, 1, "{bad}");
        assert_diag(
            &diags,
            "invalid-value",
            "content/site.toml",
            line_of(&site, "base_url"),
            Some("base_url"),
            "error",
        );
    }
    for good in [
        "/thi-dua/",
        "https://intranet.example:8443/thi-dua/",
        "http://10.0.0.5",
    ] {
        let f = Fixture::new();
        f.write(
            "content/site.toml",
            &SITE_TOML.replace("base_url = \"/\"", &format!("base_url = \"{good}\"")),
        );
        let (code, diags) = f.check_json_on(TODAY);
        assert_eq!(code, 0, "{good}: {diags:?}");
    }
    let f = Fixture::new();
    let out = f.run(&["build", "--base-url", "//evil.example/"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!f.path("output").exists());
}

#[test]
fn an_unknown_theme_is_a_diagnostic_not_a_template_error() {
    let f = Fixture::new();
    let site = SITE_TOML.replace("theme = \"default\"", "theme = \"xanh\"");
    f.write("content/site.toml", &site);
    std::fs::create_dir_all(f.path("themes/do")).expect("mkdir");
    let (code, diags) = f.check_json_on(TODAY);
    assert_eq!(code, 1);
    assert_diag(
        &diags,
        "invalid-value",
        "content/site.toml",
        line_of(&site, "theme"),
        Some("theme"),
        "error",
    );
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("error[invalid-value]") && err.contains("\"do\""),
        "{err}"
    );
    // A theme folder that is there is fine.
    f.write("content/site.toml", &site.replace("xanh", "do"));
    let (code, _) = f.check_json_on(TODAY);
    assert_eq!(code, 0);
}

#[test]
fn an_empty_position_is_empty_not_also_missing() {
    let (_, _, diags) = broken("position = \"Chuyên viên\"", "position = \"\"");
    let about: Vec<_> = diags.iter().filter(|d| d["field"] == "position").collect();
    assert_eq!(about.len(), 1, "{about:?}");
    assert_eq!(about[0]["rule"], "invalid-value");
}

#[test]
fn hints_point_at_what_exists() {
    // No plan for 2025: copy the plan that is there, never the missing file itself.
    let f = Fixture::new();
    f.write("content/2025/le-thi-ha.md", &staff("Lê Thị Hà"));
    let out = f.run_env(&["check"], &[("BANGVANG_TODAY", TODAY)]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("chép từ content/2024/_plan.toml"), "{text}");
    // An unknown key without a near one: the hint lists the keys there are.
    let f = Fixture::new();
    let unknown = staff("Nguyễn Thị Hạnh").replace("position = ", "chuc_danh = \"x\"\nposition = ");
    f.write(STAFF, &unknown);
    let human = String::from_utf8_lossy(&f.run(&["check"]).stdout).into_owned();
    assert!(
        human.contains("ở đây chỉ có các khóa: name, given_name, kind"),
        "{human}"
    );
    assert!(!human.contains("README"), "{human}");
    // `photo = "anh.jpg"` beside `ANH.JPG`.
    let f = Fixture::new();
    f.write_bytes("content/2024/ANH.JPG", b"\xff\xd8\xff");
    f.write(
        STAFF,
        &staff("Nguyễn Thị Hạnh").replace(
            "kind =",
            "photo = \"anh.jpg\"\nphoto_consent = true\nkind =",
        ),
    );
    let (_, diags) = f.check_json_on(TODAY);
    assert!(
        message(&diags, "photo", STAFF).contains("ANH.JPG"),
        "{diags:?}"
    );
}
