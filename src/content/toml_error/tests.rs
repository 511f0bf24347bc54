//! Every class of TOML mistake a person can make, as the parser reports it, and what the
//! writer is told.

use super::*;
use toml::de::DeTable;

/// The writer's message for `text`, which must fail to parse.
fn told(text: &str) -> TomlMsg {
    let err = DeTable::parse(text).expect_err(text);
    explain(err.message(), text, err.span())
}

#[test]
fn each_mistake_has_its_own_words() {
    use TomlProblem::*;
    let cases: &[(&str, TomlProblem)] = &[
        ("kind = staff", NotQuoted),
        ("name = Trần Văn A", NotQuoted),
        ("name = Nguyễn", NotQuoted),
        ("name = “Nguyễn Văn An”", CurlyQuotes),
        ("name = ‘An’", CurlyQuotes),
        ("date = 20/11/2025", DayMonthYear),
        ("date = 20-11-2025", DayMonthYear),
        ("date = 2025-11-31", BadDate(DatePart::Day { max: 30 })),
        ("date = 2024-02-30", BadDate(DatePart::Day { max: 29 })),
        ("date = 2025-13-01", BadDate(DatePart::Month)),
        ("date = 2025-1-05", BadDate(DatePart::Digits)),
        ("date = 2025-11-20T25:00:00", BadTime),
        ("a = 1\na = 2", DuplicateKey),
        ("[vote]\n[vote]", DuplicateKey),
        ("a = 1\na.b = 2", DottedKey),
        ("name = \"abc", UnclosedString),
        ("name = 'abc", UnclosedString),
        ("photo = \"C:\\anh.jpg\"", BadEscape),
        ("x = \"\\u12\"", BadEscape),
        ("x = \"a\u{1}b\"", CharacterInString),
        ("x = \"a\rb\"", CharacterInString),
        ("x = 1\ry = 2", LoneCarriageReturn),
        ("name \"A\"", MissingEquals),
        ("name = = \"A\"", ExtraEquals),
        ("name =", MissingValue),
        ("họ tên = \"A\"", BadKey),
        ("[vote", TableHeader),
        ("[[criterion]", TableHeader),
        ("movements = [\"a\" \"b\"]", List),
        ("movements = [\"a\",,]", List),
        ("movements = [\"a\"", List),
        ("x = {a = 1 b = 2}", InlineTable),
        ("x = {a = 1,,}", InlineTable),
        ("members = 07", Number),
        ("members = 1.", Number),
        ("members = +-1", Number),
        ("members = 0X1F", Number),
        ("members = 1__0", Number),
        ("photo_consent = True", Boolean),
        ("name = \"A\" unit = \"b\"", TwoOnOneLine),
        ("x = 1 # ghi chú \u{1}", Comment),
    ];
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(text, want)| told(text).problem != *want)
        .map(|(text, want)| {
            let err = DeTable::parse(text).err().map(|e| e.message().to_string());
            format!("{text:?}: {:?}, not {want:?} ({err:?})", told(text).problem)
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Every description the parser crates can give (toml_parser 1.1: `ParseError::new`
/// and the descriptions passed to it; toml: `duplicate key`, dotted keys; toml_datetime:
/// `invalid date`, …): each has its own words, none falls to `Other`.
#[test]
fn every_description_of_the_parser_is_sorted() {
    const DESCRIPTIONS: &[&str] = &[
        "string values must be quoted",
        "missing opening quote",
        "invalid string",
        "invalid boolean",
        "invalid basic string",
        "invalid literal string",
        "invalid multi-line basic string",
        "invalid multi-line literal string",
        "missing escaped value",
        "too few unicode value digits",
        "carriage return must be followed by newline",
        "duplicate key",
        "cannot extend value of type array with a dotted key",
        "cannot extend value of type inline table with a dotted key",
        "cannot extend value of type integer with a dotted key",
        "missing assignment between key-value pairs",
        "key with no value",
        "extra `=`",
        "extra assignment between key-value pairs",
        "missing value",
        "missing value for key",
        "invalid value",
        "invalid key-value pair",
        "invalid unquoted key",
        "unquoted keys cannot be empty",
        "keys cannot be multi-line basic strings",
        "keys cannot be multi-line literal strings",
        "invalid key",
        "unclosed table",
        "unclosed array table",
        "missing table open",
        "invalid table",
        "missing comma between array elements",
        "extra comma in array",
        "unclosed array",
        "missing array opening",
        "unexpected `=` in array",
        "missing comma between key-value pairs",
        "extra comma in inline table",
        "unclosed inline table",
        "missing inline table opening",
        "missing key for inline table element",
        "invalid inline table element",
        "invalid integer number",
        "invalid hexadecimal number",
        "invalid octal number",
        "invalid binary number",
        "invalid float",
        "invalid mantissa",
        "invalid fraction",
        "invalid exponent",
        "unexpected leading zero",
        "`_` may only go between digits",
        "integers with a radix cannot be signed",
        "radix must be lowercase",
        "redundant numeric sign",
        "redundant integer number prefix",
        "unexpected sign",
        "unexpected content",
        "unexpected key or value",
        "unexpected content between comment and newline",
        "missing comment start",
        "invalid comment character",
        "cannot recurse further; max recursion depth met",
        "recursion limit",
        "invalid date",
        "invalid time",
        "invalid offset",
        "invalid datetime",
        "invalid date-time",
    ];
    for d in DESCRIPTIONS {
        assert_ne!(problem(d, ""), TomlProblem::Other, "{d}");
    }
    assert_eq!(
        problem("could not allocate for string", ""),
        TomlProblem::Other
    );
}

#[test]
fn the_form_to_type_for_what_people_write() {
    for (text, form) in [
        ("date = 20/11/2025", "date = 2025-11-20"),
        ("date = 5/1/2025", "date = 2025-01-05"),
        ("date = 2025/11/20", "date = 2025-11-20"),
        ("date = 2025-1-05", "date = 2025-01-05"),
        ("kind = staff", "kind = \"staff\""),
        ("name = Trần Văn A", "name = \"Trần Văn A\""),
        ("name = “Nguyễn Văn An”", "name = \"Nguyễn Văn An\""),
        ("photo_consent = True", "photo_consent = true"),
        ("members = 07", "members = 7"),
        ("name = Trần # tên", "name = \"Trần\""),
    ] {
        assert_eq!(told(text).form.as_deref(), Some(form), "{text}");
    }
    assert_eq!(told("date = 31/11/2025").form, None, "no such day: no form");
    assert_eq!(told("a = 1\na = 2").key.as_deref(), Some("a"));
}

#[test]
fn every_message_reads_in_both_languages() {
    use crate::diag::{Lang, Msg};
    let m = told("kind = staff");
    let vi = Msg::Toml(m.clone()).text(Lang::Vi);
    let en = Msg::Toml(m).text(Lang::En);
    assert!(vi.contains("ngoặc kép"), "{vi}");
    assert!(!vi.contains("quoted"), "{vi}");
    assert_ne!(vi, en);
}
