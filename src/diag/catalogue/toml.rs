//! The words for TOML that does not parse: every message the TOML parser can give a
//! person, grouped by what the person did (`content::toml_error` sorts them), with the
//! form to type when the line shows what was meant (`date = 2024-11-20`).

use super::Lang;

/// What is wrong with the TOML, as a writer would understand it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TomlProblem {
    /// Text written without quotes (`kind = staff`, `name = Trần Văn A`).
    NotQuoted,
    /// Text in curly quotes, as Word writes them (“…”, ‘…’).
    CurlyQuotes,
    /// A date written day/month/year (`20/11/2024`).
    DayMonthYear,
    /// A date that does not exist or is not written year-month-day.
    BadDate(DatePart),
    /// A date with a time or an offset the parser could not read.
    BadTime,
    /// The same key (or table) twice.
    DuplicateKey,
    /// A dotted key that would add to a value that is not a table.
    DottedKey,
    /// A string whose closing quote is missing.
    UnclosedString,
    /// A character a string cannot hold as it is (a control character, a line break).
    CharacterInString,
    /// A backslash that does not start a valid escape (`C:\anh.jpg`).
    BadEscape,
    /// A carriage return without a line feed.
    LoneCarriageReturn,
    /// A key without `=` after it.
    MissingEquals,
    /// Two `=` where one belongs.
    ExtraEquals,
    /// `key =` with nothing after it.
    MissingValue,
    /// A key with spaces, accents or other characters a bare key cannot have.
    BadKey,
    /// A `[table]` or `[[table]]` header that is not closed.
    TableHeader,
    /// A list `[…]` with a missing or extra comma, or not closed.
    List,
    /// An inline table `{…}` with a missing or extra comma, or not closed.
    InlineTable,
    /// A number the parser cannot read (`07`, `1.000`, `12 người`).
    Number,
    /// `True`, `FALSE`: booleans are lowercase.
    Boolean,
    /// Something more after the value on the same line.
    TwoOnOneLine,
    /// A comment that does not start with `#`, or holds a control character.
    Comment,
    /// Nested beyond the parser's limit.
    TooDeep,
    /// Anything else the parser says: still a sentence in the writer's language.
    Other,
}

/// What is wrong in a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    /// The day is past the month's last (`max`), or zero.
    Day {
        max: u8,
    },
    /// The month is not 01 to 12.
    Month,
    /// The year, month or day has the wrong number of digits.
    Digits,
    Other,
}

/// A TOML parse error for the writer: the problem, the key it is about (a duplicate
/// key), and the line as it should be typed when that can be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TomlMsg {
    pub problem: TomlProblem,
    pub key: Option<String>,
    pub form: Option<String>,
}

pub fn text(m: &TomlMsg, lang: Lang) -> String {
    use Lang::{En, Vi};
    use TomlProblem::*;
    let key = m.key.as_deref().unwrap_or("?");
    match (m.problem, lang) {
        (NotQuoted, Vi) => "giá trị văn bản phải đặt trong ngoặc kép \"…\"".into(),
        (NotQuoted, En) => "text values must be in straight double quotes \"…\"".into(),
        (CurlyQuotes, Vi) => {
            "văn bản đặt trong ngoặc kép cong “…” (do Word tự đổi): TOML chỉ nhận ngoặc kép thẳng \"…\"".into()
        }
        (CurlyQuotes, En) => {
            "text in curly quotes “…” (as Word writes them): TOML takes only straight quotes \"…\"".into()
        }
        (DayMonthYear, Vi) => {
            "ngày phải viết theo dạng năm-tháng-ngày, không phải ngày/tháng/năm".into()
        }
        (DayMonthYear, En) => "dates are written year-month-day, not day/month/year".into(),
        (BadDate(DatePart::Day { max }), Vi) => {
            format!("ngày không có thật: tháng này chỉ có từ ngày 01 đến ngày {max:02}")
        }
        (BadDate(DatePart::Day { max }), En) => {
            format!("no such day: that month has days 01 to {max:02}")
        }
        (BadDate(DatePart::Month), Vi) => "tháng không có thật: tháng là từ 01 đến 12".into(),
        (BadDate(DatePart::Month), En) => "no such month: months are 01 to 12".into(),
        (BadDate(DatePart::Digits), Vi) => {
            "ngày phải viết đủ chữ số: năm 4 chữ số, tháng và ngày 2 chữ số".into()
        }
        (BadDate(DatePart::Digits), En) => {
            "a date needs all its digits: a four-digit year, a two-digit month and day".into()
        }
        (BadDate(DatePart::Other), Vi) => "ngày không hợp lệ".into(),
        (BadDate(DatePart::Other), En) => "the date is not valid".into(),
        (BadTime, Vi) => "ngày giờ không hợp lệ".into(),
        (BadTime, En) => "the date and time are not valid".into(),
        (DuplicateKey, Vi) => format!("khóa `{key}` được khai báo hai lần"),
        (DuplicateKey, En) => format!("the key `{key}` is written twice"),
        (DottedKey, Vi) => format!("khóa `{key}` thêm vào một giá trị không phải bảng"),
        (DottedKey, En) => format!("the key `{key}` adds to a value that is not a table"),
        (UnclosedString, Vi) => "thiếu dấu ngoặc kép đóng ở cuối văn bản".into(),
        (UnclosedString, En) => "the closing quote of the text is missing".into(),
        (CharacterInString, Vi) => {
            "văn bản chứa một ký tự không được viết trực tiếp (ký tự điều khiển hay xuống dòng)".into()
        }
        (CharacterInString, En) => {
            "the text holds a character that cannot be written as it is (a control character or a line break)".into()
        }
        (BadEscape, Vi) => {
            "dấu \\ trong văn bản bắt đầu một ký tự đặc biệt không hợp lệ".into()
        }
        (BadEscape, En) => "a \\ in the text starts an escape that does not exist".into(),
        (LoneCarriageReturn, Vi) => "có ký tự xuống dòng CR đứng một mình".into(),
        (LoneCarriageReturn, En) => "a carriage return stands without a line feed".into(),
        (MissingEquals, Vi) => "thiếu dấu = giữa khóa và giá trị".into(),
        (MissingEquals, En) => "the = between the key and its value is missing".into(),
        (ExtraEquals, Vi) => "thừa dấu =".into(),
        (ExtraEquals, En) => "there is one = too many".into(),
        (MissingValue, Vi) => "khóa chưa có giá trị sau dấu =".into(),
        (MissingValue, En) => "the key has no value after =".into(),
        (BadKey, Vi) => {
            "tên khóa chỉ gồm chữ a-z không dấu, chữ số, dấu - và _ (không có khoảng trắng)".into()
        }
        (BadKey, En) => {
            "a key is made of letters a-z, digits, - and _ only (no spaces, no accents)".into()
        }
        (TableHeader, Vi) => "tên bảng [..] chưa có dấu ngoặc vuông đóng".into(),
        (TableHeader, En) => "the [table] header is not closed".into(),
        (List, Vi) => {
            "danh sách […] thiếu hoặc thừa dấu phẩy, hoặc chưa có dấu ] đóng".into()
        }
        (List, En) => "the list […] has a missing or extra comma, or is not closed".into(),
        (InlineTable, Vi) => {
            "bảng {…} thiếu hoặc thừa dấu phẩy, hoặc chưa có dấu } đóng".into()
        }
        (InlineTable, En) => {
            "the table {…} has a missing or extra comma, or is not closed".into()
        }
        (Number, Vi) => {
            "số không hợp lệ: chỉ viết chữ số, không có số 0 đứng đầu, dấu chấm hay chữ".into()
        }
        (Number, En) => {
            "not a valid number: digits only, no leading zero, dots or words".into()
        }
        (Boolean, Vi) => "chỉ nhận true hoặc false, viết thường".into(),
        (Boolean, En) => "only true or false, in lowercase".into(),
        (TwoOnOneLine, Vi) => {
            "sau giá trị còn chữ khác trên cùng dòng: mỗi dòng chỉ một khóa = giá trị".into()
        }
        (TwoOnOneLine, En) => {
            "something follows the value on the same line: one key = value per line".into()
        }
        (Comment, Vi) => "ghi chú phải bắt đầu bằng dấu # và không chứa ký tự điều khiển".into(),
        (Comment, En) => {
            "a comment starts with # and holds no control characters".into()
        }
        (TooDeep, Vi) => "TOML lồng nhau quá sâu".into(),
        (TooDeep, En) => "the TOML is nested too deeply".into(),
        (Other, Vi) => "dòng này không đúng cú pháp TOML".into(),
        (Other, En) => "this line is not valid TOML".into(),
    }
}

pub fn hint(m: &TomlMsg, lang: Lang) -> String {
    use Lang::{En, Vi};
    use TomlProblem::*;
    if let Some(form) = &m.form {
        return match lang {
            Vi => format!("viết thế này: `{form}`"),
            En => format!("write it as `{form}`"),
        };
    }
    let s = match (m.problem, lang) {
        (NotQuoted | CurlyQuotes | UnclosedString, Vi) => {
            "đặt văn bản trong ngoặc kép thẳng, ví dụ name = \"Nguyễn Thị Hạnh\""
        }
        (NotQuoted | CurlyQuotes | UnclosedString, En) => {
            "put the text in straight quotes, e.g. name = \"Nguyễn Thị Hạnh\""
        }
        (DayMonthYear | BadDate(_) | BadTime, Vi) => {
            "viết ngày theo dạng năm-tháng-ngày, không có ngoặc kép, ví dụ date = 2024-11-20"
        }
        (DayMonthYear | BadDate(_) | BadTime, En) => {
            "write the date year-month-day, without quotes, e.g. date = 2024-11-20"
        }
        (DuplicateKey | DottedKey, Vi) => "giữ một trong hai dòng và xóa dòng kia",
        (DuplicateKey | DottedKey, En) => "keep one of the two and delete the other",
        (CharacterInString | LoneCarriageReturn, Vi) => {
            "xóa ký tự đó; văn bản nhiều dòng thì đặt giữa ba dấu ngoặc kép \"\"\"…\"\"\""
        }
        (CharacterInString | LoneCarriageReturn, En) => {
            "delete the character; text over several lines goes between triple quotes \"\"\"…\"\"\""
        }
        (BadEscape, Vi) => "dùng dấu / thay cho \\, hoặc viết \\\\ cho một dấu \\",
        (BadEscape, En) => "use / instead of \\, or write \\\\ for one \\",
        (MissingEquals | ExtraEquals | MissingValue, Vi) => {
            "mỗi dòng viết: khóa = giá trị, ví dụ position = \"Chuyên viên\""
        }
        (MissingEquals | ExtraEquals | MissingValue, En) => {
            "write each line as key = value, e.g. position = \"Chuyên viên\""
        }
        (BadKey, Vi) => {
            "dùng đúng tên khóa của hồ sơ (ví dụ summary, position); các khóa của tiêu chí là mã trong _plan.toml"
        }
        (BadKey, En) => {
            "use the profile's key names (e.g. summary, position); criteria keys are the ids of _plan.toml"
        }
        (TableHeader, Vi) => "viết tên bảng trên một dòng riêng, ví dụ [nomination]",
        (TableHeader, En) => "write the table's name on its own line, e.g. [nomination]",
        (List, Vi) => "viết danh sách như movements = [\"so-xay-dung\", \"cong-doan\"]",
        (List, En) => "write a list like movements = [\"so-xay-dung\", \"cong-doan\"]",
        (InlineTable, Vi) => "viết mỗi khóa trên một dòng riêng dưới tên bảng [..]",
        (InlineTable, En) => "write each key on its own line under a [table] header",
        (Number, Vi) => "ví dụ members = 12",
        (Number, En) => "for example members = 12",
        (Boolean, Vi) => "ví dụ photo_consent = true",
        (Boolean, En) => "for example photo_consent = true",
        (TwoOnOneLine, Vi) => "xuống dòng trước khóa tiếp theo; ghi chú thì bắt đầu bằng #",
        (TwoOnOneLine, En) => "start the next key on a new line; a comment starts with #",
        (Comment, Vi) => "bắt đầu ghi chú bằng dấu #",
        (Comment, En) => "start the comment with #",
        (TooDeep, Vi) => "phần khai báo chỉ chứa các khóa của hồ sơ",
        (TooDeep, En) => "the front-matter holds only the profile's keys",
        (Other, Vi) => "kiểm tra dấu ngoặc kép, dấu = và tên bảng [..] ở dòng này",
        (Other, En) => "check the quotes, the = sign and the [table] names on this line",
    };
    s.to_string()
}
