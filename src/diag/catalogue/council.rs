//! The words `bangvang council` prints on the terminal (the documents themselves are in
//! Vietnamese whatever the language of messages: they are the agency's papers).

use super::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CouncilLine {
    NoYear {
        year: u16,
        years: Vec<u16>,
    },
    BadDate {
        value: String,
    },
    /// `--output` lies inside a folder the documents must never be in.
    OutputInside {
        output: String,
        inside: String,
    },
    /// Documents changed since bangvang wrote them (or that it never wrote): kept.
    Kept {
        edited: Vec<String>,
        not_ours: Vec<String>,
    },
    /// The year has errors: no document.
    YearErrors {
        year: u16,
    },
    Wrote {
        file: String,
    },
    Unchanged {
        file: String,
    },
    NobodyAwaits,
    NobodyToDecide,
    Done {
        dir: String,
        written: usize,
        unchanged: usize,
    },
}

fn list(files: &[String]) -> String {
    files.join(", ")
}

impl CouncilLine {
    pub fn text(&self, lang: Lang) -> String {
        use CouncilLine::*;
        use Lang::{En, Vi};
        match (self, lang) {
            (NoYear { year, years }, Vi) => format!(
                "content/ không có năm {year} với kế hoạch hợp lệ (có: {})",
                years_list(years)
            ),
            (NoYear { year, years }, En) => format!(
                "content/ has no year {year} with a valid plan (there is: {})",
                years_list(years)
            ),
            (BadDate { value }, Vi) => format!(
                "--date \"{value}\" không phải một ngày: viết ngày/tháng/năm, ví dụ 05/12/2024"
            ),
            (BadDate { value }, En) => format!(
                "--date \"{value}\" is not a date: write day/month/year, e.g. 05/12/2024"
            ),
            (OutputInside { output, inside }, Vi) => format!(
                "không ghi văn bản của Hội đồng vào {output}: thư mục này nằm trong {inside}, nơi văn bản có số phiếu không được để"
            ),
            (OutputInside { output, inside }, En) => format!(
                "will not write the Council's documents into {output}: it lies inside {inside}, where documents with vote tallies must never be"
            ),
            (Kept { edited, not_ours }, Vi) => {
                let mut s = String::from("chưa ghi văn bản nào, để không mất phần đã sửa:");
                if !edited.is_empty() {
                    s.push_str(&format!(" đã được sửa sau lần tạo trước: {};", list(edited)));
                }
                if !not_ours.is_empty() {
                    s.push_str(&format!(" không do bangvang tạo: {};", list(not_ours)));
                }
                s.push_str(" hãy đổi tên các tệp này để giữ lại (ví dụ thêm \"-da-sua\"), hoặc chạy lại với --force để thay bằng bản mới");
                s
            }
            (Kept { edited, not_ours }, En) => {
                let mut s = String::from("wrote no document, so as to lose no edit:");
                if !edited.is_empty() {
                    s.push_str(&format!(" changed since bangvang wrote them: {};", list(edited)));
                }
                if !not_ours.is_empty() {
                    s.push_str(&format!(" not written by bangvang: {};", list(not_ours)));
                }
                s.push_str(" rename these files to keep them (e.g. add \"-edited\"), or run again with --force to replace them");
                s
            }
            (YearErrors { year }, Vi) => format!(
                "hội đồng: hồ sơ năm {year} còn lỗi (ở trên); chưa tạo văn bản nào"
            ),
            (YearErrors { year }, En) => format!(
                "council: the {year} profiles have errors (above); no document written"
            ),
            (Wrote { file }, Vi) => format!("đã ghi {file}"),
            (Wrote { file }, En) => format!("wrote {file}"),
            (Unchanged { file }, Vi) => format!("không đổi {file}"),
            (Unchanged { file }, En) => format!("unchanged {file}"),
            (NobodyAwaits, Vi) => {
                "lưu ý: không có hồ sơ nào chờ bỏ phiếu; phiếu bầu ghi như vậy".into()
            }
            (NobodyAwaits, En) => "note: no nomination awaits the vote; the ballot says so".into(),
            (NobodyToDecide, Vi) => "lưu ý: không có hồ sơ nào đạt số phiếu mà chưa có quyết định; dự thảo quyết định ghi như vậy".into(),
            (NobodyToDecide, En) => "note: no nomination passed the vote without a decision yet; the draft decision says so".into(),
            (Done { dir, written, unchanged }, Vi) => format!(
                "hội đồng: {written} tệp đã ghi, {unchanged} tệp không đổi trong {dir} (không đưa lên trang web)"
            ),
            (Done { dir, written, unchanged }, En) => format!(
                "council: {written} file(s) written, {unchanged} unchanged in {dir} (never published on the site)"
            ),
        }
    }
}

fn years_list(years: &[u16]) -> String {
    if years.is_empty() {
        return "—".into();
    }
    years
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
