//! Fixtures over the years: the 2023 and 2025 plans beside 2024's, an office that ended
//! on 30 June 2025 and the one that took over, and profiles moved into a year.

use std::fs;

use super::{Fixture, PLAN_TOML, UNITS_TOML, staff};

/// Two more units: an office that ended on 30 June 2025 and the one that took over.
pub const MORE_UNITS: &str = r#"
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
pub fn plan(year: u16) -> String {
    PLAN_TOML
        .replace("2024-04-04", &format!("{year}-04-04"))
        .replace("2024-11-30", &format!("{year}-11-30"))
        .replace("năm 2024", &format!("năm {year}"))
}

/// A recognised staff profile of `year`, in `unit`, with `extra` keys after `position`.
pub fn staff_in(year: u16, name: &str, unit: &str, extra: &str) -> String {
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
pub fn site() -> Fixture {
    let f = Fixture::empty();
    f.write("content/units.toml", &format!("{UNITS_TOML}{MORE_UNITS}"));
    for year in [2023, 2025] {
        f.write(&format!("content/{year}/_plan.toml"), &plan(year));
    }
    f
}

pub fn built(f: &Fixture) {
    let out = f.run(&["build"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn page(f: &Fixture, rel: &str) -> String {
    fs::read_to_string(f.path(&format!("output/{rel}index.html")))
        .unwrap_or_else(|e| panic!("output/{rel}: {e}"))
}

pub fn human(f: &Fixture) -> String {
    String::from_utf8_lossy(&f.run(&["check"]).stdout).into_owned()
}
