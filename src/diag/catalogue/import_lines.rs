//! The lines `bangvang import` prints besides its diagnostics: what it wrote or kept,
//! the closing count, and why a file could not be read as a spreadsheet.

use super::Lang;

/// The lines `import` prints besides diagnostics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportLine {
    /// The FILE argument cannot be read as a spreadsheet.
    UnknownSheet {
        name: String,
        sheets: Vec<String>,
    },
    NoSheet,
    TooLarge {
        bytes: u64,
        max: u64,
    },
    /// A CSV file that was not UTF-8, read in this encoding.
    Encoding {
        name: &'static str,
    },
    Wrote {
        file: String,
        row: u32,
    },
    Kept {
        file: String,
        row: u32,
    },
    /// Rows refused: nothing written.
    Refused {
        errors: usize,
        rows: usize,
        file: String,
    },
    Done {
        wrote: usize,
        kept: usize,
        year: u16,
    },
    /// A write failed; the files this run wrote were taken back.
    TakenBack {
        files: usize,
    },
}

impl ImportLine {
    pub fn text(&self, lang: Lang) -> String {
        use ImportLine::*;
        use Lang::{En, Vi};
        match (self, lang) {
            (UnknownSheet { name, sheets }, Vi) => format!(
                "tệp không có trang tính \"{name}\"; các trang có: {}",
                quoted(sheets)
            ),
            (UnknownSheet { name, sheets }, En) => format!(
                "the file has no sheet \"{name}\"; its sheets: {}",
                quoted(sheets)
            ),
            (NoSheet, Vi) => "tệp không có trang tính nào".into(),
            (NoSheet, En) => "the file has no sheet".into(),
            (TooLarge { bytes, max }, Vi) => format!(
                "tệp nặng {} MB, quá giới hạn {} MB của một danh sách đề nghị",
                bytes / 1_048_576,
                max / 1_048_576
            ),
            (TooLarge { bytes, max }, En) => format!(
                "the file weighs {} MB, over the {} MB a list of nominations may",
                bytes / 1_048_576,
                max / 1_048_576
            ),
            (Encoding { name }, Vi) => format!(
                "lưu ý: tệp CSV không phải UTF-8, đã đọc theo bảng mã {name}; nếu chữ có dấu sai, hãy lưu lại bằng \"CSV UTF-8\""
            ),
            (Encoding { name }, En) => format!(
                "note: the CSV file is not UTF-8 and was read as {name}; if the accents come out wrong, save it again as \"CSV UTF-8\""
            ),
            (Wrote { file, row }, Vi) => format!("đã tạo {file} (dòng {row})"),
            (Wrote { file, row }, En) => format!("wrote {file} (row {row})"),
            (Kept { file, row }, Vi) => format!("đã có {file} (dòng {row}): giữ nguyên"),
            (Kept { file, row }, En) => format!("{file} exists (row {row}): left as it is"),
            (Refused { errors, rows, file }, Vi) => format!(
                "nhập: {errors} lỗi ở {rows} dòng của {file}; chưa ghi tệp nào (sửa bảng tính rồi chạy lại)"
            ),
            (Refused { errors, rows, file }, En) => format!(
                "import: {errors} error{} in {rows} row{} of {file}; nothing written (fix the spreadsheet and run again)",
                if *errors == 1 { "" } else { "s" },
                if *rows == 1 { "" } else { "s" }
            ),
            (Done { wrote, kept, year }, Vi) => format!(
                "nhập: đã tạo {wrote} hồ sơ trong content/{year}/, giữ nguyên {kept} hồ sơ đã có; điền minh chứng cho từng tiêu chí rồi chạy `bangvang check`"
            ),
            (Done { wrote, kept, year }, En) => format!(
                "import: wrote {wrote} profile{} in content/{year}/, left {kept} existing one{} as they were; fill in the evidence for each criterion, then run `bangvang check`",
                if *wrote == 1 { "" } else { "s" },
                if *kept == 1 { "" } else { "s" }
            ),
            (TakenBack { files }, Vi) => {
                format!("đã xoá lại {files} tệp vừa tạo trong lần chạy này")
            }
            (TakenBack { files }, En) => {
                format!("took back the {files} file(s) this run had written")
            }
        }
    }
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}
