//! `bangvang init DIR`: a new site that builds at once: site.toml, units.toml, this
//! year's plan (modelled on the shipped 2024 plan), the default theme, and a `.gitignore`
//! for what a site's repository must not track. Never overwrites a file: what exists is
//! kept and said, and missing lines are added to an existing `.gitignore`.

use std::fs;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use super::{CONTENT_ERRORS, OK, fatal};
use crate::content::edit::{EditError, Writer};
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

/// What a site's repository must not track: the built site, the cache, the Council's
/// documents (they carry vote tallies).
const IGNORED: [&str; 3] = ["/output/", "/.cache/", "/hoi-dong/"];

/// Whether the `.gitignore` line `line` already ignores the folder `wanted` (`/output/`).
fn covers(line: &str, wanted: &str) -> bool {
    let bare = |l: &str| {
        let l = l.trim();
        let l = l.strip_suffix("/*").unwrap_or(l);
        l.trim_matches('/').to_string()
    };
    bare(line) == bare(wanted)
}

/// `.gitignore` with the lines of [`IGNORED`]: made when there is none, the missing lines
/// added at the end of one that exists (nothing of it replaced). Returns the lines added.
fn gitignore(w: &Writer) -> Result<Vec<&'static str>, EditError> {
    let path = w.resolve(".gitignore")?;
    let current = match fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            w.create(".gitignore", format!("{}\n", IGNORED.join("\n")).as_bytes())?;
            return Ok(IGNORED.to_vec());
        }
        Err(error) => {
            let path = ".gitignore".to_string();
            return Err(EditError::Io { path, error });
        }
    };
    let text = String::from_utf8_lossy(&current);
    let missing: Vec<&str> = IGNORED
        .into_iter()
        .filter(|want| !text.lines().any(|l| covers(l, want)))
        .collect();
    if missing.is_empty() {
        return Ok(missing);
    }
    let mut next = current.clone();
    if !next.is_empty() && !next.ends_with(b"\n") {
        next.push(b'\n');
    }
    next.extend_from_slice(b"# bangvang\n");
    for line in &missing {
        next.extend_from_slice(format!("{line}\n").as_bytes());
    }
    w.replace(".gitignore", &current, &next)?;
    Ok(missing)
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
    let failed = |e: EditError| {
        let f = Fatal::Unwritable {
            path: dir.display().to_string(),
            detail: e.to_string(),
        };
        fatal(&[f], lang)
    };
    let writer = match Writer::create_dir(dir) {
        Ok(w) => w,
        Err(e) => return failed(e),
    };
    let year = this_year();
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("content/site.toml".into(), SITE.into()),
        ("content/units.toml".into(), UNITS.into()),
        (
            format!("content/{year}/_plan.toml"),
            plan_for(year).into_bytes(),
        ),
    ];
    for (path, bytes) in default_files() {
        files.push((format!("themes/default/{path}"), bytes.to_vec()));
    }
    let mut kept = Vec::new();
    for (rel, bytes) in files {
        match writer.create(&rel, &bytes) {
            Ok(()) => {}
            Err(EditError::Exists(_)) => kept.push(rel),
            Err(e) => return failed(e),
        }
    }
    let added = match gitignore(&writer) {
        Ok(added) => added,
        Err(e) => return failed(e),
    };
    for rel in &kept {
        match lang {
            Lang::Vi => eprintln!("giữ nguyên {rel}: tệp đã có, không ghi đè"),
            Lang::En => eprintln!("kept {rel}: it exists, not overwritten"),
        }
    }
    if !added.is_empty() {
        match lang {
            Lang::Vi => eprintln!(".gitignore: đã thêm {}", added.join(", ")),
            Lang::En => eprintln!(".gitignore: added {}", added.join(", ")),
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
    fn gitignore_lines_are_added_never_replaced() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let w = Writer::open(tmp.path()).expect("writer");
        assert_eq!(gitignore(&w).expect("made"), IGNORED);
        let path = tmp.path().join(".gitignore");
        assert_eq!(
            fs::read_to_string(&path).expect("read"),
            "/output/\n/.cache/\n/hoi-dong/\n"
        );
        assert!(gitignore(&w).expect("again").is_empty());
        fs::write(&path, "target\noutput\n/.cache/*").expect("write");
        assert_eq!(gitignore(&w).expect("added"), ["/hoi-dong/"]);
        assert_eq!(
            fs::read_to_string(&path).expect("read"),
            "target\noutput\n/.cache/*\n# bangvang\n/hoi-dong/\n"
        );
    }

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
