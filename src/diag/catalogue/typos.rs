//! The words of the rules that catch plausible typos: dates out of range (`date-range`),
//! a plan's thresholds and deadline, text the skeleton left to replace (`placeholder`),
//! characters no page can carry, a `base_url` that could lead out of the site, and a
//! theme that is not there.

use super::Lang;
use crate::text::date::Date;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypoMsg {
    /// A date of the process before the year's plan was issued.
    BeforePlan {
        key: String,
        date: Date,
        issued: Date,
        plan: String,
    },
    /// A date after the day of the check.
    InFuture {
        key: String,
        date: Date,
        today: Date,
    },
    /// A nomination dated in another year than its folder's.
    NominationOutsideYear { date: Date, year: u16 },
    /// A plan's percentage outside the range the law allows.
    PercentOutOfRange {
        key: String,
        value: i64,
        min: i64,
        max: i64,
    },
    /// A plan's deadline in another year than the plan's own.
    DeadlineOtherYear { deadline: Date, year: u16 },
    /// A control character or a Unicode noncharacter; `key` is `None` in the story.
    Control { key: Option<String>, code: u32 },
    /// A sentence the skeleton wrote to be replaced; `key` is `None` in the story.
    Placeholder { key: Option<String>, text: String },
    /// A `base_url` that a browser would read as another host (`//evil`, `/\evil`).
    BaseUrlLeaves { value: String },
    /// `theme` names no folder of `themes/`.
    UnknownTheme { theme: String, known: Vec<String> },
}

fn code_name(code: u32) -> String {
    format!("U+{code:04X}")
}

/// What kind of character `code` is, for the message.
fn noncharacter(code: u32) -> bool {
    (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE
}

pub fn text(msg: &TypoMsg, lang: Lang) -> String {
    use Lang::{En, Vi};
    use TypoMsg::*;
    match (msg, lang) {
        (
            BeforePlan {
                key,
                date,
                issued,
                plan,
            },
            Vi,
        ) => format!(
            "`{key}` = {} trước ngày ban hành kế hoạch {plan} ({})",
            date.dmy(),
            issued.dmy()
        ),
        (
            BeforePlan {
                key,
                date,
                issued,
                plan,
            },
            En,
        ) => format!(
            "`{key}` = {} is before plan {plan} was issued ({})",
            date.dmy(),
            issued.dmy()
        ),
        (InFuture { key, date, today }, Vi) => format!(
            "`{key}` = {} là một ngày trong tương lai (hôm nay là {})",
            date.dmy(),
            today.dmy()
        ),
        (InFuture { key, date, today }, En) => format!(
            "`{key}` = {} is in the future (today is {})",
            date.dmy(),
            today.dmy()
        ),
        (NominationOutsideYear { date, year }, Vi) => format!(
            "hồ sơ nhận ngày {} nhưng nằm trong thư mục năm {year}",
            date.dmy()
        ),
        (NominationOutsideYear { date, year }, En) => format!(
            "the nomination is dated {} but the profile is in the {year} folder",
            date.dmy()
        ),
        (
            PercentOutOfRange {
                key,
                value,
                min,
                max,
            },
            Vi,
        ) => {
            format!("`{key}` = {value} phải nằm trong khoảng {min} đến {max}")
        }
        (
            PercentOutOfRange {
                key,
                value,
                min,
                max,
            },
            En,
        ) => {
            format!("`{key}` = {value} must be between {min} and {max}")
        }
        (DeadlineOtherYear { deadline, year }, Vi) => format!(
            "hạn nộp hồ sơ {} không thuộc năm {year} của kế hoạch",
            deadline.dmy()
        ),
        (DeadlineOtherYear { deadline, year }, En) => format!(
            "the deadline {} is not in the plan's year {year}",
            deadline.dmy()
        ),
        (Control { key, code }, Vi) => {
            let what = if noncharacter(*code) {
                "ký tự không hợp lệ"
            } else {
                "ký tự điều khiển"
            };
            match key {
                Some(k) => format!("`{k}` chứa {what} {} (không in được)", code_name(*code)),
                None => format!(
                    "câu chuyện chứa {what} {} (không in được)",
                    code_name(*code)
                ),
            }
        }
        (Control { key, code }, En) => {
            let what = if noncharacter(*code) {
                "the noncharacter"
            } else {
                "the control character"
            };
            match key {
                Some(k) => format!("`{k}` holds {what} {}", code_name(*code)),
                None => format!("the story holds {what} {}", code_name(*code)),
            }
        }
        (Placeholder { key, text }, Vi) => match key {
            Some(k) => format!("`{k}` vẫn là câu mẫu «{text}»"),
            None => format!("câu chuyện vẫn còn câu mẫu «{text}»"),
        },
        (Placeholder { key, text }, En) => match key {
            Some(k) => format!("`{k}` is still the skeleton's sentence «{text}»"),
            None => format!("the story still has the skeleton's sentence «{text}»"),
        },
        (BaseUrlLeaves { value }, Vi) => format!(
            "`base_url` = \"{value}\" sẽ dẫn trình duyệt sang một máy chủ khác, ra khỏi site"
        ),
        (BaseUrlLeaves { value }, En) => {
            format!("`base_url` = \"{value}\" would send browsers to another host, out of the site")
        }
        (UnknownTheme { theme, .. }, Vi) => {
            format!("không có giao diện \"{theme}\": thư mục themes/{theme}/ không tồn tại")
        }
        (UnknownTheme { theme, .. }, En) => {
            format!("there is no theme \"{theme}\": the folder themes/{theme}/ does not exist")
        }
    }
}

pub fn hint(msg: &TypoMsg, lang: Lang) -> String {
    use Lang::{En, Vi};
    use TypoMsg::*;
    let s = match (msg, lang) {
        (BeforePlan { .. } | InFuture { .. }, Vi) => {
            "kiểm tra lại năm, tháng, ngày (viết theo dạng năm-tháng-ngày, ví dụ 2024-11-20)"
        }
        (BeforePlan { .. } | InFuture { .. }, En) => {
            "check the year, month and day (written year-month-day, e.g. 2024-11-20)"
        }
        (NominationOutsideYear { year, .. }, Vi) => {
            return format!(
                "sửa năm của ngày nhận hồ sơ, hoặc chuyển hồ sơ sang thư mục đúng năm (content/{year}/ là hồ sơ của năm {year})"
            );
        }
        (NominationOutsideYear { year, .. }, En) => {
            return format!(
                "correct the year of the date, or move the profile to the right year's folder (content/{year}/ holds {year}'s profiles)"
            );
        }
        (PercentOutOfRange { .. }, Vi) => {
            "ghi đúng tỷ lệ phần trăm của kế hoạch, số nguyên, không có dấu %"
        }
        (PercentOutOfRange { .. }, En) => {
            "write the plan's percentage as a whole number, without %"
        }
        (DeadlineOtherYear { year, .. }, Vi) => {
            return format!("hạn nộp của kế hoạch năm {year} phải là một ngày của năm {year}");
        }
        (DeadlineOtherYear { year, .. }, En) => {
            return format!("the deadline of the {year} plan is a day of {year}");
        }
        (Control { .. }, Vi) => {
            "xóa ký tự này (thường do dán từ chương trình khác) rồi gõ lại đoạn chữ đó"
        }
        (Control { .. }, En) => {
            "delete the character (it usually comes with text pasted from another program)"
        }
        (Placeholder { key: None, .. }, Vi) => {
            "thay câu mẫu mà `bangvang new` đã ghi bằng câu chuyện thật"
        }
        (Placeholder { key: None, .. }, En) => {
            "replace the sentence `bangvang new` wrote with the real story"
        }
        (Placeholder { .. }, Vi) => "thay câu mẫu bằng nội dung thật",
        (Placeholder { .. }, En) => "replace the sentence with the real text",
        (BaseUrlLeaves { .. }, Vi) => {
            "ví dụ: \"/\", \"/thi-dua/\" hoặc \"https://intranet.example/thi-dua/\""
        }
        (BaseUrlLeaves { .. }, En) => {
            "for example \"/\", \"/thi-dua/\" or \"https://intranet.example/thi-dua/\""
        }
        (UnknownTheme { known, .. }, Vi) => {
            return match known.is_empty() {
                true => "dùng theme = \"default\" (giao diện có sẵn)".into(),
                false => format!(
                    "dùng theme = \"default\" hoặc một thư mục có trong themes/: {}",
                    quoted(known)
                ),
            };
        }
        (UnknownTheme { known, .. }, En) => {
            return match known.is_empty() {
                true => "use theme = \"default\" (the built-in theme)".into(),
                false => format!(
                    "use theme = \"default\" or a folder of themes/: {}",
                    quoted(known)
                ),
            };
        }
    };
    s.to_string()
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}
