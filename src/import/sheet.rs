//! A spreadsheet read into rows of cells, whatever it was saved as: `.xlsx`, `.xls`,
//! `.ods` (calamine), or `.csv` (the csv crate) in UTF-8 with or without a BOM, in UTF-16
//! with a BOM, or in Windows-1258 as Excel saves "CSV" on a Vietnamese Windows; separated
//! by commas, semicolons (Excel where the decimal mark is a comma) or tabs.

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1258};

use crate::text::date::Date;
use crate::text::fold::nfc_owned;

/// The largest spreadsheet read (a unit's list is a few hundred KB).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// One cell, as the spreadsheet typed it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A cell formatted as a date (its time of day dropped).
    Date(Date),
    /// A spreadsheet error value: `#N/A`, `#REF!`.
    Error(String),
}

impl Cell {
    /// The cell as text, trimmed: numbers without a needless `.0`, dates `dd/mm/yyyy`.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.trim().to_string(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.dmy(),
            Cell::Error(e) => e.clone(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// One row: its number as the spreadsheet shows it (1-based), and its cells from column A.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: u32,
    pub cells: Vec<Cell>,
}

/// The rows of the sheet that was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub rows: Vec<Row>,
    /// Set when a CSV file was not UTF-8 and was read as this encoding instead.
    pub encoding: Option<&'static str>,
}

/// Why the file could not be read at all (exit 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Unreadable(String),
    TooLarge { bytes: u64 },
    UnknownSheet { name: String, sheets: Vec<String> },
    NoSheet,
}

/// The sheet `sheet` (or the first) of the file at `path`, chosen by its extension.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Sheet, ReadError> {
    let size = std::fs::metadata(path)
        .map_err(|e| ReadError::Unreadable(e.to_string()))?
        .len();
    if size > MAX_BYTES {
        return Err(ReadError::TooLarge { bytes: size });
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if matches!(ext.as_str(), "csv" | "tsv" | "txt") {
        let bytes = std::fs::read(path).map_err(|e| ReadError::Unreadable(e.to_string()))?;
        return csv_sheet(&bytes);
    }
    workbook(path, sheet)
}

fn workbook(path: &Path, sheet: Option<&str>) -> Result<Sheet, ReadError> {
    let mut book = open_workbook_auto(path).map_err(|e| ReadError::Unreadable(e.to_string()))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| {
                let folded = crate::text::fold::fold(wanted.trim());
                names
                    .iter()
                    .find(|n| crate::text::fold::fold(n.trim()) == folded)
            })
            .cloned()
            .ok_or_else(|| ReadError::UnknownSheet {
                name: wanted.to_string(),
                sheets: names.clone(),
            })?,
        None => names.first().cloned().ok_or(ReadError::NoSheet)?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| ReadError::Unreadable(e.to_string()))?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            number: row0.saturating_add(u32::try_from(i).unwrap_or(u32::MAX)) + 1,
            cells: std::iter::repeat_n(Cell::Empty, col0 as usize)
                .chain(cells.iter().map(cell))
                .collect(),
        })
        .collect();
    Ok(Sheet {
        rows,
        encoding: None,
    })
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(nfc_owned(s.clone())),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, day, ..) = dt.to_ymd_hms_milli();
            match Date::new(i32::from(y), m, day) {
                Some(date) => Cell::Date(date),
                None => Cell::Number(dt.as_f64()),
            }
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => match crate::text::typed_date::parse(s) {
            Some(date) => Cell::Date(date),
            None => Cell::Text(s.clone()),
        },
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(format!("{e}")),
    }
}

/// The text of a CSV file: UTF-8 (a BOM dropped), UTF-16 with a BOM, else Windows-1258.
fn decode(bytes: &[u8]) -> (String, Option<&'static str>) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), None);
    }
    for (bom, enc) in [(b"\xFF\xFE", UTF_16LE), (b"\xFE\xFF", UTF_16BE)] {
        if bytes.starts_with(bom) {
            let (text, _) = enc.decode_with_bom_removal(bytes);
            return (text.into_owned(), None);
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(_) => {
            let (text, _, _) = WINDOWS_1258.decode(bytes);
            (text.into_owned(), Some("Windows-1258"))
        }
    }
}

/// The separator of a CSV text: Excel's `sep=` line if it has one, else whichever of
/// comma, semicolon and tab its first line has most of outside quotes.
fn separator(text: &str) -> (u8, &str) {
    let first = text.lines().next().unwrap_or("");
    if let Some(sep) = first.trim().strip_prefix("sep=")
        && let [b] = sep.as_bytes()
    {
        let rest = text.split_once('\n').map_or("", |(_, r)| r);
        return (*b, rest);
    }
    let header = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(c) = counts.iter_mut().find(|(s, _)| *s == b) {
            c.1 += 1;
        }
    }
    let best = counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(s, _)| *s);
    (best, text)
}

fn csv_sheet(bytes: &[u8]) -> Result<Sheet, ReadError> {
    let (text, encoding) = decode(bytes);
    let text = nfc_owned(text);
    let (sep, body) = separator(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep)
        .from_reader(body.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ReadError::Unreadable(e.to_string()))?;
        rows.push(Row {
            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
            cells: record
                .iter()
                .map(|c| {
                    if c.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(c.to_string())
                    }
                })
                .collect(),
        });
    }
    Ok(Sheet { rows, encoding })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sheet: &Sheet) -> Vec<Vec<String>> {
        sheet
            .rows
            .iter()
            .map(|r| r.cells.iter().map(Cell::text).collect())
            .collect()
    }

    #[test]
    fn csv_with_bom_semicolons_and_quotes() {
        let s = csv_sheet("\u{feff}Họ và tên;Đơn vị\n\"Lê, Văn A\";Văn phòng Sở\n".as_bytes())
            .expect("read");
        assert_eq!(
            texts(&s),
            [["Họ và tên", "Đơn vị"], ["Lê, Văn A", "Văn phòng Sở"]]
        );
        assert_eq!(s.rows[1].number, 2);
        assert_eq!(s.encoding, None);
    }

    #[test]
    fn csv_with_excel_sep_line_and_tabs() {
        let s = csv_sheet(b"sep=;\nA;B\n1;2\n").expect("read");
        assert_eq!(texts(&s), [["A", "B"], ["1", "2"]]);
        let s = csv_sheet(b"A\tB, C\n1\t2\n").expect("read");
        assert_eq!(texts(&s), [["A", "B, C"], ["1", "2"]]);
    }

    #[test]
    fn csv_in_windows_1258_and_utf_16() {
        // "Văn" in Windows-1258: ă is 0xE3.
        let s = csv_sheet(b"V\xe3n,x\n").expect("read");
        assert_eq!(texts(&s), [["Văn", "x"]]);
        assert_eq!(s.encoding, Some("Windows-1258"));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hà,1\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(texts(&csv_sheet(&utf16).expect("read")), [["Hà", "1"]]);
    }

    #[test]
    fn nfd_text_is_read_as_nfc() {
        let s = csv_sheet("Nguye\u{302}\u{303}n\n".as_bytes()).expect("read");
        assert_eq!(texts(&s), [["Nguyễn"]]);
    }
}
