//! What a TOML parse error means to a writer: the parser's message (every one the
//! `toml_parser` and `toml_datetime` crates can give, see the tests) sorted into a
//! [`TomlProblem`], and the line as it should be typed when the line shows what was
//! meant: `date = 20/11/2024` → `date = 2024-11-20`, “curly quotes” → straight ones, text
//! without quotes → quoted.

use std::ops::Range;

use crate::diag::catalogue::{DatePart, TomlMsg, TomlProblem};
use crate::text::date::Date;

/// The parser's description (before `, expected …`) and what it expected.
fn split(message: &str) -> (&str, &str) {
    let message = message.trim();
    match message.split_once(", expected ") {
        Some((d, e)) => (d.trim(), e.trim()),
        None => (message, ""),
    }
}

/// The problem a parser description stands for.
fn problem(desc: &str, expected: &str) -> TomlProblem {
    use TomlProblem::*;
    if let Some(what) = desc.strip_prefix("invalid ")
        && matches!(what, "date" | "time" | "offset" | "datetime" | "date-time")
    {
        return match what {
            "date" => BadDate(date_part(expected)),
            _ => BadTime,
        };
    }
    match desc {
        "string values must be quoted" | "missing opening quote" | "invalid string" => NotQuoted,
        "invalid boolean" => Boolean,
        "invalid basic string"
        | "invalid literal string"
        | "invalid multi-line basic string"
        | "invalid multi-line literal string" => {
            if expected.contains("characters") || expected == "newline" {
                CharacterInString
            } else {
                UnclosedString
            }
        }
        "missing escaped value" | "too few unicode value digits" => BadEscape,
        "invalid value" if expected.contains("unicode") => BadEscape,
        "carriage return must be followed by newline" => LoneCarriageReturn,
        "duplicate key" => DuplicateKey,
        "cannot extend value of type array with a dotted key"
        | "cannot extend value of type inline table with a dotted key" => DottedKey,
        d if d.starts_with("cannot extend value of type") => DottedKey,
        "missing assignment between key-value pairs" | "key with no value" => MissingEquals,
        "extra assignment between key-value pairs" if expected.contains("`,`") => InlineTable,
        "extra `=`" | "extra assignment between key-value pairs" => ExtraEquals,
        "missing value" | "missing value for key" | "invalid value" | "invalid key-value pair" => {
            MissingValue
        }
        "invalid unquoted key"
        | "unquoted keys cannot be empty"
        | "keys cannot be multi-line basic strings"
        | "keys cannot be multi-line literal strings"
        | "invalid key" => BadKey,
        "unclosed table" | "unclosed array table" | "missing table open" | "invalid table" => {
            TableHeader
        }
        "missing comma between array elements"
        | "extra comma in array"
        | "unclosed array"
        | "missing array opening"
        | "unexpected `=` in array" => List,
        "missing comma between key-value pairs"
        | "extra comma in inline table"
        | "unclosed inline table"
        | "missing inline table opening"
        | "missing key for inline table element"
        | "invalid inline table element" => InlineTable,
        "invalid integer number"
        | "invalid hexadecimal number"
        | "invalid octal number"
        | "invalid binary number"
        | "invalid float"
        | "invalid mantissa"
        | "invalid fraction"
        | "invalid exponent"
        | "unexpected leading zero"
        | "`_` may only go between digits"
        | "integers with a radix cannot be signed"
        | "radix must be lowercase"
        | "redundant numeric sign"
        | "redundant integer number prefix"
        | "unexpected sign" => Number,
        "unexpected content"
        | "unexpected key or value"
        | "unexpected content between comment and newline" => TwoOnOneLine,
        "missing comment start" | "invalid comment character" => Comment,
        "cannot recurse further; max recursion depth met" | "recursion limit" => TooDeep,
        _ => Other,
    }
}

/// What part of a date `toml_datetime` found wrong, from what it expected.
fn date_part(expected: &str) -> DatePart {
    if let Some(rest) = expected.strip_prefix("day between 01 and ") {
        return match rest.parse() {
            Ok(max) => DatePart::Day { max },
            Err(_) => DatePart::Other,
        };
    }
    if expected.starts_with("month between") {
        return DatePart::Month;
    }
    if expected.starts_with("a four-digit") || expected.starts_with("a two-digit") {
        return DatePart::Digits;
    }
    DatePart::Other
}

/// The line of `text` holding byte `at`.
fn line_at(text: &str, at: usize) -> &str {
    let at = at.min(text.len());
    let at = (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    text[start..end].trim_end_matches('\r')
}

/// `key = value` on a line, the value without a trailing comment (outside quotes).
fn key_value(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once('=')?;
    let key = key.trim();
    if key.is_empty() || key.starts_with('[') || key.starts_with('#') {
        return None;
    }
    let mut in_quotes = None;
    let mut end = value.len();
    for (i, c) in value.char_indices() {
        match (c, in_quotes) {
            ('"' | '\'', None) => in_quotes = Some(c),
            (q, Some(open)) if q == open => in_quotes = None,
            ('#', None) => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    Some((key, value[..end].trim()))
}

const CURLY: &[char] = &['“', '”', '„', '‘', '’', '‚', '«', '»', '＂'];

/// `text` as a TOML basic string.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// A date typed day/month/year (`20/11/2024`, `20-11-2024`, `20.11.2024`) or
/// year/month/day (`2024/11/20`): the date it means, when it exists, and whether the day
/// came first.
fn typed_date(value: &str) -> Option<(Result<Date, ()>, bool)> {
    let parts: Vec<&str> = value.split(['/', '.', '-']).collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |s: &str| s.parse::<u32>().ok();
    let (d, m, y) = if parts[0].len() == 4 {
        (n(parts[2])?, n(parts[1])?, n(parts[0])?)
    } else if parts[2].len() == 4 {
        (n(parts[0])?, n(parts[1])?, n(parts[2])?)
    } else {
        return None;
    };
    // `2024-11-20` itself parses; only other forms (or impossible dates) reach here.
    let (m, d) = (u8::try_from(m).unwrap_or(0), u8::try_from(d).unwrap_or(0));
    Some((Date::new(y as i32, m, d).ok_or(()), parts[0].len() != 4))
}

/// What the writer meant, read from the line, and the line as it should be typed.
fn intent(line: &str, problem: TomlProblem) -> Option<(TomlProblem, Option<String>)> {
    let (key, value) = key_value(line)?;
    let bare_key = |k: &str| {
        k.split('.').all(|part| {
            let part = part.trim();
            part.starts_with(['"', '\''])
                || part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
    };
    if problem == TomlProblem::MissingEquals && !bare_key(key) {
        // `họ tên = "A"`: a key with a space or accents reads as a key without `=`.
        return Some((TomlProblem::BadKey, None));
    }
    if value.is_empty() {
        // `name =`: the parser looks for a value and calls what it finds unquoted text.
        return matches!(problem, TomlProblem::NotQuoted | TomlProblem::Other)
            .then_some((TomlProblem::MissingValue, None));
    }
    if value.starts_with(CURLY) {
        let inner = value.trim_matches(|c: char| CURLY.contains(&c) || c == '"' || c == '\'');
        return Some((
            TomlProblem::CurlyQuotes,
            Some(format!("{key} = {}", quoted(inner))),
        ));
    }
    if let Some((date, day_first)) = typed_date(value) {
        let problem = match problem {
            _ if day_first => TomlProblem::DayMonthYear,
            TomlProblem::BadDate(part) => TomlProblem::BadDate(part),
            _ => TomlProblem::BadDate(DatePart::Other),
        };
        return Some((problem, date.ok().map(|d| format!("{key} = {}", d.iso()))));
    }
    let bare = !value.starts_with(['"', '\'', '[', '{']);
    let word = value.chars().next().is_some_and(char::is_alphabetic);
    match problem {
        TomlProblem::Boolean if ["true", "false"].contains(&value.to_lowercase().as_str()) => {
            Some((problem, Some(format!("{key} = {}", value.to_lowercase()))))
        }
        TomlProblem::NotQuoted
        | TomlProblem::Boolean
        | TomlProblem::Number
        | TomlProblem::Other
            if bare && word =>
        {
            Some((
                TomlProblem::NotQuoted,
                Some(format!("{key} = {}", quoted(value))),
            ))
        }
        TomlProblem::Number if bare => {
            let digits: String = value.chars().filter(char::is_ascii_digit).collect();
            let digits = digits.trim_start_matches('0');
            let digits = if digits.is_empty() { "0" } else { digits };
            Some((problem, Some(format!("{key} = {digits}"))))
        }
        _ => None,
    }
}

/// The writer's message for a parse error `message` at `span` of `text`.
pub fn explain(message: &str, text: &str, span: Option<Range<usize>>) -> TomlMsg {
    let (desc, expected) = split(message);
    let mut problem = problem(desc, expected);
    let mut form = None;
    let mut key = None;
    if let Some(span) = &span {
        let line = line_at(text, span.start);
        if problem == TomlProblem::DuplicateKey || problem == TomlProblem::DottedKey {
            key = text
                .get(span.clone())
                .map(|k| k.trim().trim_matches(['"', '\'']).to_string())
                .filter(|k| !k.is_empty());
        } else if let Some((p, f)) = intent(line, problem) {
            problem = p;
            form = f;
        }
    }
    TomlMsg { problem, key, form }
}

#[cfg(test)]
mod tests;
