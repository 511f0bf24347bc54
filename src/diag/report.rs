//! Diagnostics written out: the human form, like a good compiler's, and the JSON array
//! of SPEC §3.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use serde::Serialize;

use super::{Diagnostic, Lang, Severity, Snippet};
use crate::text::controls::escape;

/// The marked line as a terminal shows it: control characters written out
/// (`\u{1b}`), the marks moved to where the marked characters are then.
fn printable(snip: &Snippet) -> (String, usize, usize) {
    let chars: Vec<char> = snip.text.chars().collect();
    let part = |from: usize, to: usize| -> String {
        let s: String = chars[from.min(chars.len())..to.min(chars.len())]
            .iter()
            .collect();
        escape(&s).into_owned()
    };
    let end = snip.col + snip.len;
    let (before, marked, after) = (
        part(0, snip.col),
        part(snip.col, end),
        part(end, chars.len()),
    );
    let col = before.chars().count();
    let len = marked.chars().count().max(1);
    (format!("{before}{marked}{after}"), col, len)
}

/// `error[rule]: file:line: message`, the source line with the key marked, and a hint.
/// Nothing the writer typed reaches the terminal raw: control characters are escaped.
pub fn human(d: &Diagnostic, lang: Lang) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut s = format!(
        "{level}[{}]: {}:{}: {}\n",
        d.rule.name(),
        escape(&d.file),
        d.line,
        escape(&d.msg.text(lang))
    );
    let width = d.line.to_string().len();
    if let Some(snip) = &d.snippet {
        let (text, col, len) = printable(snip);
        let pad = " ".repeat(width);
        let _ = writeln!(s, "{pad} |");
        let _ = writeln!(s, "{} | {text}", d.line);
        let _ = writeln!(s, "{pad} | {}{}", " ".repeat(col), "^".repeat(len));
    }
    let label = match lang {
        Lang::Vi => "gợi ý",
        Lang::En => "help",
    };
    let _ = writeln!(
        s,
        "{} = {label}: {}",
        " ".repeat(width),
        escape(&d.msg.hint(lang))
    );
    s
}

/// The closing line: how many errors and warnings, in how many files.
pub fn summary(diags: &[Diagnostic], profiles: usize, lang: Lang) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let files = diags
        .iter()
        .map(|d| d.file.as_str())
        .collect::<BTreeSet<_>>()
        .len();
    match lang {
        Lang::Vi if diags.is_empty() => format!("kiểm tra: {profiles} hồ sơ, không có lỗi"),
        Lang::Vi => format!(
            "kiểm tra: {profiles} hồ sơ, {errors} lỗi, {warnings} cảnh báo trong {files} tệp"
        ),
        Lang::En if diags.is_empty() => format!("check: {profiles} profiles, no problems"),
        Lang::En => format!(
            "check: {profiles} profiles, {errors} error{}, {warnings} warning{} in {files} file{}",
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" },
            if files == 1 { "" } else { "s" }
        ),
    }
}

pub fn human_all(diags: &[Diagnostic], profiles: usize, lang: Lang) -> String {
    let mut s = String::new();
    for d in diags {
        s.push_str(&human(d, lang));
        s.push('\n');
    }
    s.push_str(&summary(diags, profiles, lang));
    s.push('\n');
    s
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    rule: &'static str,
    file: &'a str,
    line: u32,
    field: Option<&'a str>,
    message: String,
}

/// The JSON array of SPEC §3, nothing else.
pub fn json(diags: &[Diagnostic], lang: Lang) -> String {
    let items: Vec<JsonDiagnostic> = diags
        .iter()
        .map(|d| JsonDiagnostic {
            severity: d.severity,
            rule: d.rule.name(),
            file: &d.file,
            line: d.line,
            field: d.field.as_deref(),
            message: d.msg.text(lang),
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Msg, Rule, Snippet};

    fn sample() -> Diagnostic {
        Diagnostic::new(
            Rule::UnknownField,
            "content/2024/a.md",
            5,
            Some("unti"),
            Msg::UnknownField {
                key: "unti".into(),
                suggestion: Some("unit".into()),
                known: vec!["unit".into()],
            },
        )
        .with_snippet(Some(Snippet {
            text: "unti = \"x\"".into(),
            col: 0,
            len: 4,
        }))
    }

    #[test]
    fn human_form() {
        let s = human(&sample(), Lang::En);
        assert_eq!(
            s,
            "error[unknown-field]: content/2024/a.md:5: unknown key `unti`: did you mean `unit`?\n  |\n5 | unti = \"x\"\n  | ^^^^\n  = help: rename the key as suggested, or remove it\n"
        );
    }

    #[test]
    fn no_raw_control_character_reaches_the_terminal() {
        let d = Diagnostic::new(
            Rule::InvalidValue,
            "content/2024/a\u{1b}[2J.md",
            3,
            Some("kind"),
            Msg::UnknownKind {
                value: "\u{1b}]0;pwned\u{7}".into(),
            },
        )
        .with_snippet(Some(Snippet {
            text: "kind = \"\u{1b}]0;pwned\u{7}\"".into(),
            col: 8,
            len: 9,
        }));
        let s = human(&d, Lang::Vi);
        assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "{s:?}");
        assert!(s.contains("\\u{1b}]0;pwned\\u{7}"), "{s}");
        let marks = s.lines().nth(3).expect("marks");
        assert_eq!(marks, format!("  | {}{}", " ".repeat(8), "^".repeat(14)));
    }

    #[test]
    fn json_form() {
        let v: serde_json::Value =
            serde_json::from_str(&json(&[sample()], Lang::Vi)).expect("json");
        assert_eq!(v[0]["severity"], "error");
        assert_eq!(v[0]["rule"], "unknown-field");
        assert_eq!(v[0]["line"], 5);
        assert_eq!(v[0]["field"], "unti");
        assert_eq!(v[0].as_object().map(|o| o.len()), Some(6));
    }
}
