//! Fixture sites for end-to-end tests: a small valid site in a temporary folder, with
//! helpers to add or break profiles and to run the real `bangvang` binary on it.

#![allow(dead_code)]

pub mod editing;
pub mod server;
pub mod years;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

pub const SITE_TOML: &str = "title = \"Điển hình tiên tiến\"\norganisation = \"Sở Thử nghiệm\"\ndescription = \"Trang thử\"\nbase_url = \"/\"\nlanguage = \"vi\"\ntheme = \"default\"\n";

pub const UNITS_TOML: &str = r#"[[unit]]
id = "van-phong-so"
name = "Văn phòng Sở"
type = "office"

[[unit]]
id = "phong-quan-ly-xay-dung"
name = "Phòng Quản lý xây dựng"
type = "office"
description = "Quản lý **hoạt động xây dựng**."
"#;

pub const PLAN_TOML: &str = r#"number = "883/KH-SXD"
title = "Kế hoạch thử năm 2024"
issued = 2024-04-04
deadline = 2024-11-30
approval_percent = 90
excellent_members_percent = 50

[[movement]]
id = "so-xay-dung"
name = "Phong trào thi đua do Sở Xây dựng phát động"

[[movement]]
id = "cong-doan"
name = "Phong trào thi đua do Công đoàn phát động"

[[criterion]]
id = "chap-hanh"
applies_to = ["collective", "leader", "staff"]
text = "Gương mẫu chấp hành chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước"

[[criterion]]
id = "tap-the"
applies_to = ["collective"]
text = "Là tập thể tiêu biểu xuất sắc nhất trong thực hiện nhiệm vụ chính trị"

[[criterion]]
id = "lanh-dao"
applies_to = ["leader"]
text = "Luôn nêu cao tinh thần trách nhiệm của người đứng đầu trong đơn vị"

[[criterion]]
id = "ca-nhan"
applies_to = ["staff"]
text = "Gương mẫu đi đầu trong mọi lĩnh vực"
"#;

/// A valid, recognised staff profile.
pub fn staff(name: &str) -> String {
    format!(
        r#"+++
name = "{name}"
kind = "staff"
unit = "van-phong-so"
position = "Chuyên viên"
summary = "Số hoá hồ sơ lưu trữ."
movements = ["so-xay-dung"]

[criteria]
chap-hanh = "Không vi phạm kỷ luật."
ca-nhan = "Đi đầu trong số hoá."

[nomination]
date = 2024-11-20

[vote]
date = 2024-12-05
members = 10
in_favour = 9

[decision]
number = "1456/QĐ-SXD"
date = 2024-12-16
+++
## Câu chuyện

Chị đã số hoá toàn bộ hồ sơ.
"#
    )
}

/// A valid, recognised collective profile of `phong-quan-ly-xay-dung`.
pub fn collective() -> String {
    r#"+++
name = "Phòng Quản lý xây dựng"
kind = "collective"
unit = "phong-quan-ly-xay-dung"
summary = "Tập thể tiêu biểu."
movements = ["so-xay-dung"]
members = 12
excellent_members = 6

[criteria]
chap-hanh = "Chấp hành tốt."
tap-the = "Hoàn thành xuất sắc."

[nomination]
date = 2024-11-20

[vote]
date = 2024-12-05
members = 10
in_favour = 10

[decision]
number = "1456/QĐ-SXD"
date = 2024-12-16
+++
Tập thể đoàn kết.
"#
    .to_string()
}

/// A valid, recognised leader of `phong-quan-ly-xay-dung`.
pub fn leader() -> String {
    r#"+++
name = "Lê Văn Dũng"
kind = "leader"
unit = "phong-quan-ly-xay-dung"
position = "Trưởng phòng"
summary = "Người đứng đầu gương mẫu."
movements = ["so-xay-dung"]

[criteria]
chap-hanh = "Chấp hành tốt."
lanh-dao = "Lãnh đạo hiệu quả."

[nomination]
date = 2024-11-20

[vote]
date = 2024-12-05
members = 10
in_favour = 10

[decision]
number = "1456/QĐ-SXD"
date = 2024-12-16

[province]
number = "2456/QĐ-UBND"
date = 2025-01-20
+++
Anh lãnh đạo phòng.
"#
    .to_string()
}

pub struct Fixture {
    pub dir: TempDir,
}

impl Fixture {
    /// A valid site: settings, two units, the 2024 plan, a collective, its leader and a
    /// member of staff.
    pub fn new() -> Fixture {
        let f = Fixture::empty();
        f.write("content/2024/phong-quan-ly-xay-dung.md", &collective());
        f.write("content/2024/le-van-dung.md", &leader());
        f.write("content/2024/nguyen-thi-hanh.md", &staff("Nguyễn Thị Hạnh"));
        f
    }

    /// Settings, units and the 2024 plan, without profiles.
    pub fn empty() -> Fixture {
        let f = Fixture {
            dir: tempfile::tempdir().expect("temporary folder"),
        };
        f.write("content/site.toml", SITE_TOML);
        f.write("content/units.toml", UNITS_TOML);
        f.write("content/2024/_plan.toml", PLAN_TOML);
        f
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().expect("has a parent")).expect("create folder");
        fs::write(path, bytes).expect("write fixture file");
    }

    pub fn remove(&self, rel: &str) {
        fs::remove_file(self.path(rel)).expect("remove fixture file");
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::cargo_bin("bangvang")
            .expect("binary is built")
            .current_dir(self.root())
            .args(args)
            .output()
            .expect("runs")
    }

    /// `run` with environment variables set (`BANGVANG_TODAY`).
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::cargo_bin("bangvang").expect("binary is built");
        cmd.current_dir(self.root()).args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().expect("runs")
    }

    /// `check --format json` as of the day `today`.
    pub fn check_json_on(&self, today: &str) -> (i32, Vec<Value>) {
        let out = self.run_env(&["check", "--format", "json"], &[("BANGVANG_TODAY", today)]);
        json_of(out)
    }

    /// `check --format json`: the exit code and the diagnostics.
    pub fn check_json(&self) -> (i32, Vec<Value>) {
        let out = self.run(&["check", "--format", "json"]);
        json_of(out)
    }
}

/// The exit code and the diagnostics of a `check --format json`.
fn json_of(out: Output) -> (i32, Vec<Value>) {
    let text = String::from_utf8(out.stdout).expect("UTF-8 output");
    let diags: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    (
        out.status.code().expect("exit code"),
        diags.as_array().expect("an array").clone(),
    )
}

/// The 1-based line of the first line of `text` containing `needle`.
pub fn line_of(text: &str, needle: &str) -> u64 {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not in text")) as u64
        + 1
}

/// Finds the diagnostic of `rule` in `file`, or fails listing what there was.
pub fn find<'a>(diags: &'a [Value], rule: &str, file: &str) -> &'a Value {
    diags
        .iter()
        .find(|d| d["rule"] == rule && d["file"] == file)
        .unwrap_or_else(|| {
            panic!(
                "no {rule} in {file}; got {}",
                serde_json::to_string_pretty(diags).unwrap_or_default()
            )
        })
}

/// Asserts one diagnostic's rule, file, line, field and severity.
pub fn assert_diag(
    diags: &[Value],
    rule: &str,
    file: &str,
    line: u64,
    field: Option<&str>,
    severity: &str,
) {
    let d = diags
        .iter()
        .find(|d| {
            d["rule"] == rule
                && d["file"] == file
                && d["line"] == line
                && d["field"].as_str() == field
        })
        .unwrap_or_else(|| {
            panic!(
                "no {rule} at {file}:{line} field {field:?}; got {}",
                serde_json::to_string_pretty(diags).unwrap_or_default()
            )
        });
    assert_eq!(d["severity"], severity, "{d}");
    assert!(!d["message"].as_str().unwrap_or_default().is_empty(), "{d}");
}

/// Every file under `dir`, by relative path, with its bytes.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.expect("walk");
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(rel, fs::read(entry.path()).expect("read"));
        }
    }
    out
}
