//! A Council document as what it says and how Decree 30/2020/NĐ-CP sets it out, before
//! it is either: the header (the agency opposite the national motto, the number, the
//! place and date), the title, the body's paragraphs and tables, the closing (recipients,
//! signers). `docx` and `html` each render this one description, so the DOCX and the
//! page to print never say different things.

/// The page: A4 with the margins of Decree 30 (top and bottom 20–25 mm, left 30–35 mm,
/// right 15–20 mm), in millimetres.
pub const PAGE_MM: (u32, u32) = (210, 297);
pub const MARGIN_TOP_MM: u32 = 20;
pub const MARGIN_BOTTOM_MM: u32 = 20;
pub const MARGIN_LEFT_MM: u32 = 30;
pub const MARGIN_RIGHT_MM: u32 = 15;
/// The width between the margins.
pub const TEXT_MM: u32 = PAGE_MM.0 - MARGIN_LEFT_MM - MARGIN_RIGHT_MM;
/// The header's two columns: the agency's names, and the national motto.
pub const HEADER_MM: (u32, u32) = (72, TEXT_MM - 72);

/// Font sizes in half points, as DOCX counts them: body text and the motto 14 pt, the
/// header's names and the country's 12 pt (Decree 30: 12 to 13), tables 13 pt, the
/// recipients 12 pt (their list 11 pt).
pub const BODY: u32 = 28;
pub const NAMES: u32 = 24;
pub const TABLE: u32 = 26;
pub const RECIPIENTS_TITLE: u32 = 24;
pub const RECIPIENTS: u32 = 22;
pub const FONT: &str = "Times New Roman";

pub const MOTTO_COUNTRY: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// What the document is, for the page's `<title>` and the DOCX's properties.
    pub title: String,
    /// A draft for the signer: marked `DỰ THẢO` above the header.
    pub draft: bool,
    pub header: Header,
    pub body: Vec<Block>,
}

/// The top of the first page (Decree 30, appendix I: fields 1 to 4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The parent body, upright, not bold: `UBND TỈNH BÌNH PHƯỚC`.
    pub parent: Option<String>,
    /// The issuing body, bold, with a short rule under it: `SỞ XÂY DỰNG`; a `\n`
    /// breaks it into lines.
    pub issuer: String,
    /// `Số: …/QĐ-SXD`, under the issuer.
    pub number: Option<String>,
    /// `Bình Phước, ngày 05 tháng 12 năm 2024`, italic, under the motto.
    pub dated: String,
}

/// A run of text and its emphasis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            bold: false,
            italic: false,
        }
    }

    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            bold: true,
            ..Span::plain(text)
        }
    }

    pub fn italic(text: impl Into<String>) -> Span {
        Span {
            italic: true,
            ..Span::plain(text)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Justify,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The document's kind, bold capitals, centred: `QUYẾT ĐỊNH`, `BIÊN BẢN`.
    Title(String),
    /// What it is about, bold, centred, a short rule under it.
    Subject(Vec<String>),
    /// A centred italic line: `(Kèm theo Quyết định số …)`.
    Note(String),
    /// A centred bold line: the signer's authority, `QUYẾT ĐỊNH:`.
    Centered(String),
    /// A paragraph of the body: justified, its first line indented.
    Para(Vec<Span>),
    /// A paragraph set as it is (`align`), not indented.
    Line(Vec<Span>, Align),
    Table(Table),
    Closing(Closing),
    /// The attached list starts on a new page.
    PageBreak,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub title: String,
    /// Its width in millimetres; a table's columns add up to at most [`TEXT_MM`].
    pub mm: u32,
    pub align: Align,
}

impl Column {
    pub fn new(title: &str, mm: u32, align: Align) -> Column {
        Column {
            title: title.to_string(),
            mm,
            align,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A group's title across every column, bold: `I. TẬP THỂ`.
    Group(String),
    Cells(Vec<String>),
    /// A closing row, bold: `Tổng cộng`.
    Total(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

/// The end of the document: the recipients on the left (or a first signer), the signer
/// on the right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closing {
    pub recipients: Vec<String>,
    pub signers: Vec<Signer>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    /// Bold capitals: `GIÁM ĐỐC`; `TM. HỘI ĐỒNG`, `CHỦ TỊCH`.
    pub titles: Vec<String>,
    /// Bold, under the space for the signature; `None` leaves the line to write on.
    pub name: Option<String>,
}
