//! The header row of a nominations spreadsheet: which column holds what, found by the
//! Vietnamese header in any order, case, or with its tones left off (`Họ và tên`,
//! `HO VA TEN`, `Họ và tên (tên tập thể)`); other columns (`STT`, `Ghi chú`) are ignored.

use super::sheet::{Cell, Row};
use crate::text::fold::fold;

/// The rows searched for the header (a sheet often has its title above the table).
pub const HEADER_SEARCH: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Col {
    Name,
    CollectiveName,
    Kind,
    Position,
    Unit,
    Summary,
    Nominated,
    Movements,
}

impl Col {
    /// The header as the contract writes it (what a missing column is called).
    pub fn title(self) -> &'static str {
        match self {
            Col::Name => "Họ và tên",
            Col::CollectiveName => "Tên tập thể",
            Col::Kind => "Loại",
            Col::Position => "Chức vụ",
            Col::Unit => "Đơn vị",
            Col::Summary => "Tóm tắt thành tích",
            Col::Nominated => "Ngày nhận hồ sơ",
            Col::Movements => "Phong trào",
        }
    }

    /// The column a header names, if any: by the start of its folded words.
    pub fn of_header(header: &str) -> Option<Col> {
        let words = header_words(header);
        const STARTS: &[(&str, Col)] = &[
            ("ho va ten", Col::Name),
            ("ho ten", Col::Name),
            ("ten tap the ca nhan", Col::Name),
            ("ten tap the hoac ca nhan", Col::Name),
            ("ten ca nhan tap the", Col::Name),
            ("ten tap the", Col::CollectiveName),
            ("loai", Col::Kind),
            ("chuc vu", Col::Position),
            ("chuc danh", Col::Position),
            ("don vi", Col::Unit),
            ("tom tat", Col::Summary),
            ("thanh tich", Col::Summary),
            ("ngay nhan", Col::Nominated),
            ("ngay nop", Col::Nominated),
            ("phong trao", Col::Movements),
        ];
        STARTS
            .iter()
            .find(|(start, _)| {
                words == *start
                    || words
                        .strip_prefix(start)
                        .is_some_and(|rest| rest.starts_with(' '))
            })
            .map(|(_, col)| *col)
    }
}

/// A header's words: folded, every run of other characters one space.
pub fn header_words(header: &str) -> String {
    fold(header)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `0` → `A`, `25` → `Z`, `26` → `AA`.
pub fn letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Where each column is, and the header row itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// The index of the header among the sheet's rows.
    pub at: usize,
    pub row: u32,
    /// (column, its index, the header as written).
    pub columns: Vec<(Col, usize, String)>,
}

/// A problem of the header row, with its cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderProblem {
    NotFound,
    Missing(Col),
    Twice {
        col: Col,
        first: String,
        second: String,
    },
}

impl Header {
    pub fn index(&self, col: Col) -> Option<usize> {
        self.columns.iter().find(|c| c.0 == col).map(|c| c.1)
    }

    /// The header as the sheet writes it, for diagnostics' `field`.
    pub fn written(&self, col: Col) -> &str {
        self.columns
            .iter()
            .find(|c| c.0 == col)
            .map_or(col.title(), |c| c.2.as_str())
    }

    pub fn cell<'r>(&self, row: &'r Row, col: Col) -> Option<&'r Cell> {
        self.index(col).and_then(|i| row.cells.get(i))
    }

    /// `D7`: the cell of `col` in `row`.
    pub fn cell_ref(&self, row: &Row, col: Col) -> String {
        format!(
            "{}{}",
            self.index(col).map(letter).unwrap_or_default(),
            row.number
        )
    }
}

/// Finds the header row among the first rows and maps its columns; or the row the
/// problems are in (1 when there is no header), and the problems.
pub fn find(rows: &[Row]) -> Result<Header, (u32, Vec<HeaderProblem>)> {
    let at = rows
        .iter()
        .take(HEADER_SEARCH)
        .position(|r| {
            r.cells.iter().any(|c| {
                matches!(c, Cell::Text(t) if matches!(Col::of_header(t), Some(Col::Name | Col::CollectiveName)))
            })
        })
        .ok_or_else(|| (1, vec![HeaderProblem::NotFound]))?;
    let row = &rows[at];
    let mut columns: Vec<(Col, usize, String)> = Vec::new();
    let mut problems = Vec::new();
    for (i, c) in row.cells.iter().enumerate() {
        let Cell::Text(t) = c else { continue };
        let Some(col) = Col::of_header(t) else {
            continue;
        };
        if let Some(first) = columns.iter().find(|x| x.0 == col) {
            problems.push(HeaderProblem::Twice {
                col,
                first: format!("{}{}", letter(first.1), row.number),
                second: format!("{}{}", letter(i), row.number),
            });
            continue;
        }
        columns.push((col, i, t.trim().to_string()));
    }
    let has = |col: Col| columns.iter().any(|c| c.0 == col);
    for col in [Col::Kind, Col::Position, Col::Unit, Col::Summary] {
        if !has(col) {
            problems.push(HeaderProblem::Missing(col));
        }
    }
    if !problems.is_empty() {
        return Err((row.number, problems));
    }
    Ok(Header {
        at,
        row: row.number,
        columns,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: u32, cells: &[&str]) -> Row {
        Row {
            number,
            cells: cells
                .iter()
                .map(|c| {
                    if c.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(c.to_string())
                    }
                })
                .collect(),
        }
    }

    #[test]
    fn headers_in_any_order_case_or_tones() {
        for (h, col) in [
            ("Họ và tên", Col::Name),
            ("HỌ VÀ TÊN", Col::Name),
            ("ho va ten", Col::Name),
            ("Họ và tên (tên tập thể)", Col::Name),
            ("Tên tập thể", Col::CollectiveName),
            ("Tên tập thể, cá nhân", Col::Name),
            ("Loại", Col::Kind),
            ("Chức vụ, chức danh", Col::Position),
            ("Đơn vị công tác", Col::Unit),
            ("Tóm tắt thành tích (không quá 300 ký tự)", Col::Summary),
            ("Ngày nhận hồ sơ", Col::Nominated),
            ("ngay nhan ho so (dd/mm/yyyy)", Col::Nominated),
            ("Phong trào thi đua", Col::Movements),
        ] {
            assert_eq!(Col::of_header(h), Some(col), "{h}");
        }
        for h in ["STT", "Ghi chú", "Loạix", "Hồ sơ", "Giới tính"] {
            assert_eq!(Col::of_header(h), None, "{h}");
        }
    }

    #[test]
    fn the_header_may_sit_under_a_title() {
        let rows = [
            row(1, &["DANH SÁCH ĐỀ NGHỊ"]),
            row(2, &[]),
            row(
                3,
                &[
                    "STT",
                    "Loại",
                    "Họ và tên",
                    "Chức vụ",
                    "Đơn vị",
                    "Tóm tắt thành tích",
                ],
            ),
        ];
        let h = find(&rows).expect("header");
        assert_eq!((h.at, h.row), (2, 3));
        assert_eq!(h.index(Col::Name), Some(2));
        assert_eq!(h.cell_ref(&rows[2], Col::Unit), "E3");
        assert_eq!(h.index(Col::Nominated), None);
    }

    #[test]
    fn missing_and_doubled_columns() {
        let rows = [row(1, &["Họ và tên", "Đơn vị", "Loại", "Đơn vị"])];
        let (at, problems) = find(&rows).expect_err("problems");
        assert_eq!(at, 1);
        assert!(problems.contains(&HeaderProblem::Twice {
            col: Col::Unit,
            first: "B1".into(),
            second: "D1".into()
        }));
        assert!(problems.contains(&HeaderProblem::Missing(Col::Position)));
        assert!(problems.contains(&HeaderProblem::Missing(Col::Summary)));
        assert_eq!(
            find(&[row(1, &["STT", "Tên"])]),
            Err((1, vec![HeaderProblem::NotFound]))
        );
    }

    #[test]
    fn column_letters() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "AA");
        assert_eq!(letter(27), "AB");
        assert_eq!(letter(701), "ZZ");
        assert_eq!(letter(702), "AAA");
    }
}
