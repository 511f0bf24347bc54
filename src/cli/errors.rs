//! clap's errors in the writer's language: the same facts clap gathered (the flag, the
//! value, the values it takes, the nearest name), put in Vietnamese words; English keeps
//! clap's own. Help and the version are printed as clap renders them (their texts are
//! localised already).

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, Error, ErrorFormatter, ErrorKind};

use crate::diag::Lang;

/// What to print for `e`.
pub fn render(e: Error, lang: Lang) -> String {
    let shown = matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    let mut text = match lang {
        Lang::Vi if !shown => e.apply::<Vietnamese>().to_string(),
        _ => e.to_string(),
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// clap's error formatter, in Vietnamese.
pub struct Vietnamese;

fn string(e: &Error<Vietnamese>, k: ContextKind) -> Option<String> {
    match e.get(k)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Why a value did not parse, for the errors of the number parsers clap uses.
fn why(source: &str) -> String {
    match source {
        "invalid digit found in string" => "không phải một số".into(),
        "number too large to fit in target type" => "số quá lớn".into(),
        "number too small to fit in target type" => "số quá nhỏ".into(),
        "cannot parse integer from empty string" => "chưa có số".into(),
        s if s.ends_with("is not in 0..=65535") => "phải là số từ 0 đến 65535".into(),
        other => other.to_string(),
    }
}

/// clap's tip "to pass '-x' as a value, use '-- -x'", in Vietnamese.
fn tip(t: &str) -> Option<String> {
    let rest = t.strip_prefix("to pass '")?;
    let (arg, rest) = rest.split_once("' as a value, use '")?;
    let (usage, _) = rest.rsplit_once('\'')?;
    Some(format!("để dùng '{arg}' làm giá trị, hãy viết '{usage}'"))
}

impl ErrorFormatter for Vietnamese {
    fn format_error(e: &Error<Self>) -> StyledStr {
        use ContextKind::*;
        let arg = string(e, InvalidArg).unwrap_or_default();
        let value = string(e, InvalidValue).unwrap_or_default();
        let mut s = String::from("lỗi: ");
        s.push_str(&match e.kind() {
            ErrorKind::InvalidValue if value.is_empty() => format!("'{arg}' cần một giá trị"),
            ErrorKind::InvalidValue => format!("giá trị '{value}' không hợp lệ cho '{arg}'"),
            ErrorKind::UnknownArgument => format!("không có tùy chọn '{arg}'"),
            ErrorKind::InvalidSubcommand => format!(
                "không có lệnh '{}'",
                string(e, InvalidSubcommand).unwrap_or_default()
            ),
            ErrorKind::NoEquals => format!("cần dấu = khi gán giá trị cho '{arg}'"),
            ErrorKind::ValueValidation => {
                let source = std::error::Error::source(e).map(|s| why(&s.to_string()));
                match source {
                    Some(why) => format!("giá trị '{value}' không hợp lệ cho '{arg}': {why}"),
                    None => format!("giá trị '{value}' không hợp lệ cho '{arg}'"),
                }
            }
            ErrorKind::TooManyValues => format!("thừa giá trị '{value}' cho '{arg}'"),
            ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => format!(
                "'{arg}' cần {} giá trị, mới có {}",
                string(e, MinValues)
                    .or_else(|| string(e, ExpectedNumValues))
                    .unwrap_or_default(),
                string(e, ActualNumValues).unwrap_or_default()
            ),
            ErrorKind::ArgumentConflict => match string(e, PriorArg) {
                Some(prior) if prior != arg => format!("'{arg}' không dùng cùng với '{prior}'"),
                _ => format!("'{arg}' chỉ được dùng một lần"),
            },
            ErrorKind::MissingRequiredArgument => format!("còn thiếu: {arg}"),
            ErrorKind::MissingSubcommand => format!(
                "'{}' cần một lệnh",
                string(e, InvalidSubcommand).unwrap_or_else(|| "bangvang".into())
            ),
            ErrorKind::InvalidUtf8 => "một đối số không phải văn bản UTF-8".into(),
            _ => match std::error::Error::source(e) {
                Some(source) => format!("không in được: {source}"),
                None => "không hiểu dòng lệnh".into(),
            },
        });
        if let Some(values) = string(e, ValidValue).filter(|v| !v.is_empty()) {
            s.push_str(&format!("\n  [giá trị: {values}]"));
        }
        if let Some(subs) = string(e, ValidSubcommand).filter(|v| !v.is_empty()) {
            s.push_str(&format!("\n  [lệnh: {subs}]"));
        }
        for near in [SuggestedArg, SuggestedSubcommand, SuggestedValue] {
            if let Some(n) = string(e, near) {
                s.push_str(&format!("\n\n  gợi ý: có phải ý bạn là '{n}'?"));
            }
        }
        if let Some(ContextValue::StyledStrs(tips)) = e.get(Suggested) {
            for t in tips.iter().filter_map(|t| tip(&t.to_string())) {
                s.push_str(&format!("\n\n  gợi ý: {t}"));
            }
        }
        if let Some(usage) = string(e, Usage) {
            let usage = usage.trim();
            let usage = usage.split_once(": ").map_or(usage, |(_, rest)| rest);
            s.push_str(&format!("\n\nCách dùng: {usage}"));
        }
        s.push_str("\n\nXem hướng dẫn: thêm --help vào cuối lệnh.\n");
        StyledStr::from(s)
    }
}
