//! The words of `bangvang import`'s diagnostics: a row of the nominations spreadsheet
//! that cannot become a profile, named by its cell (`D7`) and its column's header.

use super::Lang;
use crate::text::date::Date;

/// A unit or movement the spreadsheet probably meant: its name and its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    pub id: String,
}

/// Why a row (or the header) of the spreadsheet cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportMsg {
    /// No row of the first `looked` names the column of names.
    NoHeader {
        looked: usize,
    },
    /// A column the header must have.
    MissingColumn {
        column: String,
    },
    DuplicateColumn {
        column: String,
        first: String,
        second: String,
    },
    /// A header row and nothing under it.
    NoRows,
    EmptyName {
        cell: String,
    },
    TwoNames {
        first: String,
        second: String,
    },
    NoSlug {
        cell: String,
        value: String,
    },
    EmptyKind {
        cell: String,
    },
    UnknownKind {
        cell: String,
        value: String,
    },
    EmptyUnit {
        cell: String,
    },
    UnknownUnit {
        cell: String,
        value: String,
        suggestion: Option<Named>,
    },
    AmbiguousUnit {
        cell: String,
        value: String,
        ids: Vec<String>,
    },
    UnknownMovement {
        cell: String,
        value: String,
        suggestion: Option<Named>,
    },
    BadDate {
        cell: String,
        value: String,
    },
    DateOutsideYear {
        cell: String,
        date: Date,
        year: u16,
    },
    AfterDeadline {
        cell: String,
        date: Date,
        deadline: Date,
        plan: String,
    },
    SummaryTooLong {
        cell: String,
        chars: usize,
        max: usize,
    },
    PositionForCollective {
        cell: String,
        value: String,
    },
    /// An error value of the spreadsheet itself (`#N/A`, `#REF!`).
    CellError {
        cell: String,
        value: String,
    },
    DuplicateRow {
        row: u32,
    },
}

fn named(n: &Option<Named>, lang: Lang) -> String {
    match (n, lang) {
        (Some(n), Lang::Vi) => format!(": có phải ý bạn là \"{}\" (mã {})?", n.name, n.id),
        (Some(n), Lang::En) => format!(": did you mean \"{}\" (id {})?", n.name, n.id),
        (None, _) => String::new(),
    }
}

/// What is wrong, in one sentence.
pub fn text(msg: &ImportMsg, lang: Lang) -> String {
    use ImportMsg::*;
    use Lang::{En, Vi};
    match (msg, lang) {
        (NoHeader { looked }, Vi) => format!(
            "không tìm thấy hàng tiêu đề: {looked} hàng đầu không có cột \"Họ và tên\" hay \"Tên tập thể\""
        ),
        (NoHeader { looked }, En) => format!(
            "no header row: none of the first {looked} rows has a \"Họ và tên\" or \"Tên tập thể\" column"
        ),
        (MissingColumn { column }, Vi) => format!("hàng tiêu đề thiếu cột \"{column}\""),
        (MissingColumn { column }, En) => format!("the header row has no \"{column}\" column"),
        (
            DuplicateColumn {
                column,
                first,
                second,
            },
            Vi,
        ) => {
            format!("cột \"{column}\" có hai lần, ở ô {first} và ô {second}")
        }
        (
            DuplicateColumn {
                column,
                first,
                second,
            },
            En,
        ) => {
            format!("the \"{column}\" column appears twice, in {first} and in {second}")
        }
        (NoRows, Vi) => "bảng không có dòng hồ sơ nào dưới hàng tiêu đề".into(),
        (NoRows, En) => "the sheet has no nomination under its header row".into(),
        (EmptyName { cell }, Vi) => format!("ô {cell}: thiếu họ và tên (hoặc tên tập thể)"),
        (EmptyName { cell }, En) => format!("{cell}: the name (or the collective's name) is empty"),
        (TwoNames { first, second }, Vi) => {
            format!("dòng có cả họ tên ở ô {first} và tên tập thể ở ô {second}")
        }
        (TwoNames { first, second }, En) => {
            format!("the row has both a person's name in {first} and a collective's in {second}")
        }
        (NoSlug { cell, value }, Vi) => {
            format!("ô {cell}: \"{value}\" không có chữ cái nào để đặt tên tệp")
        }
        (NoSlug { cell, value }, En) => {
            format!("{cell}: \"{value}\" has no letter to name the file by")
        }
        (EmptyKind { cell }, Vi) => format!("ô {cell}: thiếu loại hồ sơ"),
        (EmptyKind { cell }, En) => format!("{cell}: the kind is empty"),
        (UnknownKind { cell, value }, Vi) => format!(
            "ô {cell}: \"{value}\" không phải loại hồ sơ: chỉ nhận \"Tập thể\", \"Lãnh đạo\" (cá nhân giữ chức vụ lãnh đạo, quản lý) hoặc \"Cá nhân\" (công chức, viên chức, người lao động)"
        ),
        (UnknownKind { cell, value }, En) => format!(
            "{cell}: \"{value}\" is not a kind: \"Tập thể\" (collective), \"Lãnh đạo\" (leader) or \"Cá nhân\" (staff)"
        ),
        (EmptyUnit { cell }, Vi) => format!("ô {cell}: thiếu đơn vị"),
        (EmptyUnit { cell }, En) => format!("{cell}: the unit is empty"),
        (
            UnknownUnit {
                cell,
                value,
                suggestion,
            },
            Vi,
        ) => format!(
            "ô {cell}: đơn vị \"{value}\" không có trong units.toml{}",
            named(suggestion, Vi)
        ),
        (
            UnknownUnit {
                cell,
                value,
                suggestion,
            },
            En,
        ) => format!(
            "{cell}: unit \"{value}\" is not in units.toml{}",
            named(suggestion, En)
        ),
        (AmbiguousUnit { cell, value, ids }, Vi) => format!(
            "ô {cell}: tên \"{value}\" trùng với nhiều đơn vị ({})",
            ids.join(", ")
        ),
        (AmbiguousUnit { cell, value, ids }, En) => format!(
            "{cell}: the name \"{value}\" matches several units ({})",
            ids.join(", ")
        ),
        (
            UnknownMovement {
                cell,
                value,
                suggestion,
            },
            Vi,
        ) => format!(
            "ô {cell}: phong trào \"{value}\" không có trong kế hoạch{}",
            named(suggestion, Vi)
        ),
        (
            UnknownMovement {
                cell,
                value,
                suggestion,
            },
            En,
        ) => format!(
            "{cell}: movement \"{value}\" is not in the plan{}",
            named(suggestion, En)
        ),
        (BadDate { cell, value }, Vi) => {
            format!("ô {cell}: \"{value}\" không phải một ngày (ngày/tháng/năm)")
        }
        (BadDate { cell, value }, En) => {
            format!("{cell}: \"{value}\" is not a date (day/month/year)")
        }
        (DateOutsideYear { cell, date, year }, Vi) => {
            format!("ô {cell}: ngày {} không thuộc năm {year}", date.dmy())
        }
        (DateOutsideYear { cell, date, year }, En) => {
            format!("{cell}: {} is not in {year}", date.dmy())
        }
        (
            AfterDeadline {
                cell,
                date,
                deadline,
                plan,
            },
            Vi,
        ) => format!(
            "ô {cell}: hồ sơ nhận ngày {} là sau hạn {} của Kế hoạch {plan}",
            date.dmy(),
            deadline.dmy()
        ),
        (
            AfterDeadline {
                cell,
                date,
                deadline,
                plan,
            },
            En,
        ) => format!(
            "{cell}: the dossier arrived on {}, after plan {plan}'s deadline of {}",
            date.dmy(),
            deadline.dmy()
        ),
        (SummaryTooLong { cell, chars, max }, Vi) => {
            format!("ô {cell}: tóm tắt thành tích dài {chars} ký tự, tối đa {max} ký tự")
        }
        (SummaryTooLong { cell, chars, max }, En) => {
            format!("{cell}: the summary is {chars} characters long; at most {max} are allowed")
        }
        (PositionForCollective { cell, value }, Vi) => {
            format!("ô {cell}: tập thể không có chức vụ, nhưng ô ghi \"{value}\"")
        }
        (PositionForCollective { cell, value }, En) => {
            format!("{cell}: a collective has no position, but the cell says \"{value}\"")
        }
        (CellError { cell, value }, Vi) => format!("ô {cell} chứa lỗi của bảng tính: {value}"),
        (CellError { cell, value }, En) => format!("{cell} holds a spreadsheet error: {value}"),
        (DuplicateRow { row }, Vi) => {
            format!("dòng này trùng với dòng {row} (cùng tên, loại và đơn vị)")
        }
        (DuplicateRow { row }, En) => {
            format!("this row repeats row {row} (same name, kind and unit)")
        }
    }
}

/// How to fix it.
pub fn hint(msg: &ImportMsg, lang: Lang) -> String {
    use ImportMsg::*;
    use Lang::{En, Vi};
    let s = match (msg, lang) {
        (NoHeader { .. }, Vi) => {
            "thêm một hàng tiêu đề có các cột Họ và tên, Loại, Chức vụ, Đơn vị, Tóm tắt thành tích; hoặc chọn đúng trang tính bằng --sheet"
        }
        (NoHeader { .. }, En) => {
            "add a header row with the columns Họ và tên, Loại, Chức vụ, Đơn vị, Tóm tắt thành tích; or pick the right sheet with --sheet"
        }
        (MissingColumn { .. }, Vi) => "thêm cột này vào hàng tiêu đề (thứ tự các cột tuỳ ý)",
        (MissingColumn { .. }, En) => "add this column to the header row (in any order)",
        (DuplicateColumn { .. }, Vi) => "giữ một cột, đổi tên hoặc xoá cột kia",
        (DuplicateColumn { .. }, En) => "keep one column; rename or delete the other",
        (NoRows, Vi) => {
            "điền mỗi hồ sơ vào một dòng dưới hàng tiêu đề, hoặc chọn trang tính bằng --sheet"
        }
        (NoRows, En) => "put one nomination a row under the header, or pick the sheet with --sheet",
        (EmptyName { .. } | NoSlug { .. }, Vi) => {
            "ghi họ và tên đầy đủ; nếu dòng này không phải một hồ sơ (tiêu đề nhóm, chữ ký), hãy xoá nó khỏi bảng"
        }
        (EmptyName { .. } | NoSlug { .. }, En) => {
            "write the full name; if this row is not a nomination (a group title, a signature), delete it"
        }
        (TwoNames { .. }, Vi) => "mỗi dòng là một hồ sơ: chỉ ghi một trong hai tên",
        (TwoNames { .. }, En) => "one nomination a row: fill only one of the two names",
        (EmptyKind { .. } | UnknownKind { .. }, Vi) => {
            "ghi Tập thể, Lãnh đạo hoặc Cá nhân (hoặc collective, leader, staff)"
        }
        (EmptyKind { .. } | UnknownKind { .. }, En) => {
            "write Tập thể, Lãnh đạo or Cá nhân (or collective, leader, staff)"
        }
        (EmptyUnit { .. } | UnknownUnit { .. } | AmbiguousUnit { .. }, Vi) => {
            "ghi tên đơn vị như trong content/units.toml (dấu và chữ hoa tuỳ ý), hoặc mã của đơn vị"
        }
        (EmptyUnit { .. } | UnknownUnit { .. } | AmbiguousUnit { .. }, En) => {
            "write the unit's name as in content/units.toml (tones and case do not matter), or its id"
        }
        (UnknownMovement { .. }, Vi) => {
            "ghi tên hoặc mã phong trào của kế hoạch, cách nhau bởi dấu phẩy hoặc chấm phẩy"
        }
        (UnknownMovement { .. }, En) => {
            "write the names or ids of the plan's movements, separated by commas or semicolons"
        }
        (BadDate { .. } | DateOutsideYear { .. }, Vi) => {
            "ghi ngày theo dạng ngày/tháng/năm, ví dụ 20/11/2024, hoặc định dạng ô là ngày"
        }
        (BadDate { .. } | DateOutsideYear { .. }, En) => {
            "write the date as day/month/year, e.g. 20/11/2024, or format the cell as a date"
        }
        (AfterDeadline { .. }, Vi) => {
            "kiểm tra lại ngày nhận hồ sơ; hồ sơ nộp trễ hạn không được xét"
        }
        (AfterDeadline { .. }, En) => {
            "check the day the dossier arrived; a late dossier is not considered"
        }
        (SummaryTooLong { .. }, Vi) => "rút gọn tóm tắt; câu chuyện đầy đủ viết trong hồ sơ",
        (SummaryTooLong { .. }, En) => "shorten the summary; the full story goes in the profile",
        (PositionForCollective { .. }, Vi) => {
            "để trống ô chức vụ của tập thể, hoặc sửa loại hồ sơ nếu đây là cá nhân"
        }
        (PositionForCollective { .. }, En) => {
            "leave a collective's position empty, or fix the kind if this is a person"
        }
        (CellError { .. }, Vi) => "sửa công thức của ô này, hoặc ghi giá trị trực tiếp",
        (CellError { .. }, En) => "fix this cell's formula, or type the value itself",
        (DuplicateRow { .. }, Vi) => "xoá một trong hai dòng",
        (DuplicateRow { .. }, En) => "delete one of the two rows",
    };
    s.to_string()
}
