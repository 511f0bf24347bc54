//! `bangvang init DIR`: a new site that builds at once: site.toml, units.toml, this
//! year's plan (modelled on the shipped 2024 plan) and the default theme.

use std::fs;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use super::{CONTENT_ERRORS, OK, fatal};
use crate::diag::{Fatal, Lang};
use crate::render::theme::default_files;

const PLAN_2024: &str = include_str!("../../content/2024/_plan.toml");

const SITE: &str = r#"title = "Điển hình tiên tiến"
organisation = "Tên cơ quan, đơn vị"
description = "Gương điển hình tiên tiến của cơ quan"
base_url = "/"              # "/", "/thi-dua/", hoặc địa chỉ đầy đủ https://…
language = "vi"             # "vi" hoặc "en"
theme = "default"
"#;

const UNITS: &str = r#"# Các đơn vị của cơ quan. type: "office" (phòng chuyên môn), "affiliate" (đơn vị trực thuộc),
# "agency" (toàn cơ quan), "union" (Công đoàn).
[[unit]]
id = "co-quan"
name = "Cơ quan"
type = "agency"

[[unit]]
id = "van-phong"
name = "Văn phòng"
type = "office"
description = "Tham mưu tổng hợp, hành chính, văn thư, lưu trữ."
"#;

/// The current calendar year (UTC), from the system clock.
fn this_year() -> i32 {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Days since 1970-01-01 to a civil year (Howard Hinnant's algorithm).
    let days = (secs / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2)) as i32
}

/// This year's plan, from the 2024 one: same criteria and thresholds, this year's dates.
pub fn plan_for(year: i32) -> String {
    let body = PLAN_2024
        .lines()
        .skip_while(|l| l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    let body = body
        .replace(
            "number = \"883/KH-SXD\"",
            "number = \"01/KH\"   # số hiệu kế hoạch của năm: sửa lại cho đúng",
        )
        .replace("issued = 2024-04-04", &format!("issued = {year}-01-15"))
        .replace("Sở Xây dựng", "cơ quan")
        .replace("2024", &year.to_string())
        .replace("2023", &(year - 1).to_string());
    format!(
        "# Kế hoạch phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến năm {year}.\n# Tạo từ mẫu kế hoạch 883/KH-SXD của Sở Xây dựng tỉnh Bình Phước: sửa số hiệu, ngày, tiêu chí cho đúng kế hoạch của đơn vị.\n{body}\n"
    )
}

pub fn run(dir: &Path, lang: Option<Lang>) -> u8 {
    let lang = lang.unwrap_or_default();
    if dir.join("content").exists() {
        match lang {
            Lang::Vi => eprintln!("{} đã có thư mục content/: không ghi đè", dir.display()),
            Lang::En => eprintln!(
                "{} already has a content/ folder: not overwriting",
                dir.display()
            ),
        }
        return CONTENT_ERRORS;
    }
    let year = this_year();
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("content/site.toml".into(), SITE.into()),
        ("content/units.toml".into(), UNITS.into()),
        (
            format!("content/{year}/_plan.toml"),
            plan_for(year).into_bytes(),
        ),
        (".gitignore".into(), b"/output\n".to_vec()),
    ];
    for (path, bytes) in default_files() {
        files.push((format!("themes/default/{path}"), bytes.to_vec()));
    }
    for (rel, bytes) in files {
        let path = dir.join(&rel);
        let written = path
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|_| fs::write(&path, bytes));
        if let Err(e) = written {
            return fatal(
                &[Fatal::Unwritable {
                    path: path.display().to_string(),
                    detail: e.to_string(),
                }],
                lang,
            );
        }
    }
    match lang {
        Lang::Vi => println!(
            "đã tạo site mới trong {}: chạy `bangvang build --root {}`",
            dir.display(),
            dir.display()
        ),
        Lang::En => println!(
            "created a new site in {}: run `bangvang build --root {}`",
            dir.display(),
            dir.display()
        ),
    }
    OK
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_for_a_new_year() {
        let p = plan_for(2026);
        assert!(p.contains("deadline = 2026-11-30"));
        assert!(p.contains("năm 2025"));
        assert!(!p.contains("2024"));
        assert!(p.contains("approval_percent = 90"));
        assert!(this_year() >= 2024);
    }
}
