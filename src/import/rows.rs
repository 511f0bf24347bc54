//! Each row under the header read as a nomination, or as the diagnostics that say, cell by
//! cell, why it cannot be one. Empty rows and the group titles of a list (`I. TẬP THỂ`)
//! are passed over.

use calamine::{ExcelDateTime, ExcelDateTimeType};

use super::columns::{Col, Header};
use super::sheet::{Cell, Row};
use super::values::{self, Match};
use crate::check::fields::MAX_SUMMARY;
use crate::content::model::{Kind, Plan, Site};
use crate::content::skeleton::Fill;
use crate::diag::catalogue::import::ImportMsg;
use crate::diag::{Diagnostic, Msg, Rule, Snippet};
use crate::text::date::Date;
use crate::text::fold::fold;
use crate::text::slug::slugify;
use crate::text::typed_date;

/// A row that can become a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nomination {
    pub row: u32,
    pub kind: Kind,
    pub unit: String,
    pub slug: String,
    pub fill: Fill,
}

/// What the rows are checked against.
pub struct Context<'a> {
    pub site: &'a Site,
    pub plan: &'a Plan,
    pub year: u16,
    /// The spreadsheet as the user named it, for diagnostics.
    pub file: &'a str,
}

/// Longest value shown under a diagnostic.
const SHOWN: usize = 80;

struct RowReader<'a> {
    cx: &'a Context<'a>,
    header: &'a Header,
    row: &'a Row,
    diags: Vec<Diagnostic>,
}

impl RowReader<'_> {
    fn cell(&self, col: Col) -> Option<&Cell> {
        self.header.cell(self.row, col)
    }

    fn text(&self, col: Col) -> String {
        self.cell(col)
            .map(|c| values::one_line(&c.text()))
            .unwrap_or_default()
    }

    fn cell_ref(&self, col: Col) -> String {
        self.header.cell_ref(self.row, col)
    }

    fn report(&mut self, rule: Rule, col: Col, msg: ImportMsg) {
        let value = self.text(col);
        let shown: String = if value.chars().count() > SHOWN {
            value.chars().take(SHOWN - 1).chain(['…']).collect()
        } else {
            value
        };
        let len = shown.chars().count();
        let d = Diagnostic::new(
            rule,
            self.cx.file,
            self.row.number,
            Some(self.header.written(col)),
            Msg::Import(msg),
        )
        .with_snippet((len > 0).then_some(Snippet {
            text: shown,
            col: 0,
            len,
        }));
        self.diags.push(d);
    }

    /// The name, from `Họ và tên` or `Tên tập thể` (only one of them filled).
    fn name(&mut self) -> Option<(String, Col)> {
        let person = self.text(Col::Name);
        let collective = self.text(Col::CollectiveName);
        match (person.is_empty(), collective.is_empty()) {
            (false, true) => Some((person, Col::Name)),
            (true, false) => Some((collective, Col::CollectiveName)),
            (false, false) => {
                let msg = ImportMsg::TwoNames {
                    first: self.cell_ref(Col::Name),
                    second: self.cell_ref(Col::CollectiveName),
                };
                self.report(Rule::InvalidValue, Col::Name, msg);
                None
            }
            (true, true) => {
                let col = if self.header.index(Col::Name).is_some() {
                    Col::Name
                } else {
                    Col::CollectiveName
                };
                let cell = self.cell_ref(col);
                self.report(Rule::MissingField, col, ImportMsg::EmptyName { cell });
                None
            }
        }
    }

    fn kind(&mut self, name_col: Option<Col>) -> Option<Kind> {
        let text = self.text(Col::Kind);
        let cell = self.cell_ref(Col::Kind);
        if text.is_empty() {
            if name_col == Some(Col::CollectiveName) {
                return Some(Kind::Collective);
            }
            self.report(Rule::MissingField, Col::Kind, ImportMsg::EmptyKind { cell });
            return None;
        }
        let kind = values::kind(&text);
        if kind.is_none() {
            let msg = ImportMsg::UnknownKind { cell, value: text };
            self.report(Rule::InvalidValue, Col::Kind, msg);
        }
        kind
    }

    fn unit(&mut self) -> Option<String> {
        let text = self.text(Col::Unit);
        let cell = self.cell_ref(Col::Unit);
        if text.is_empty() {
            self.report(Rule::MissingField, Col::Unit, ImportMsg::EmptyUnit { cell });
            return None;
        }
        let msg = match values::unit(&self.cx.site.units, &text, self.cx.year) {
            Match::Found(id) => return Some(id.to_string()),
            Match::Ambiguous(ids) => ImportMsg::AmbiguousUnit {
                cell,
                value: text,
                ids,
            },
            Match::Unknown(suggestion) => ImportMsg::UnknownUnit {
                cell,
                value: text,
                suggestion,
            },
        };
        self.report(Rule::UnknownUnit, Col::Unit, msg);
        None
    }

    fn position(&mut self, kind: Option<Kind>) -> Option<String> {
        let text = self.text(Col::Position);
        let blank = text.is_empty() || text.chars().all(|c| "-–—/.".contains(c));
        if blank {
            return None;
        }
        if kind == Some(Kind::Collective) {
            let msg = ImportMsg::PositionForCollective {
                cell: self.cell_ref(Col::Position),
                value: text,
            };
            self.report(Rule::InvalidValue, Col::Position, msg);
            return None;
        }
        Some(text)
    }

    fn summary(&mut self) -> Option<String> {
        let text = self.text(Col::Summary);
        let chars = text.chars().count();
        if chars > MAX_SUMMARY {
            let msg = ImportMsg::SummaryTooLong {
                cell: self.cell_ref(Col::Summary),
                chars,
                max: MAX_SUMMARY,
            };
            self.report(Rule::InvalidValue, Col::Summary, msg);
            return None;
        }
        (!text.is_empty()).then_some(text)
    }

    fn nominated(&mut self) -> Option<Date> {
        let cell = self.cell_ref(Col::Nominated);
        let date = match self.cell(Col::Nominated)? {
            Cell::Empty => return None,
            Cell::Date(d) => Some(*d),
            // A date cell saved without its format: Excel's serial day number.
            Cell::Number(n) if (20_000.0..80_000.0).contains(n) => {
                let (y, m, d, ..) =
                    ExcelDateTime::new(*n, ExcelDateTimeType::DateTime, false).to_ymd_hms_milli();
                Date::new(i32::from(y), m, d)
            }
            c => typed_date::parse(&c.text()),
        };
        let Some(date) = date else {
            let value = self.text(Col::Nominated);
            if value.is_empty() {
                return None;
            }
            self.report(
                Rule::InvalidValue,
                Col::Nominated,
                ImportMsg::BadDate { cell, value },
            );
            return None;
        };
        let plan = self.cx.plan;
        if date.year != i32::from(self.cx.year) {
            let msg = ImportMsg::DateOutsideYear {
                cell,
                date,
                year: self.cx.year,
            };
            self.report(Rule::InvalidValue, Col::Nominated, msg);
            return None;
        }
        if date > plan.deadline {
            let msg = ImportMsg::AfterDeadline {
                cell,
                date,
                deadline: plan.deadline,
                plan: plan.number.clone(),
            };
            self.report(Rule::NominationDeadline, Col::Nominated, msg);
            return None;
        }
        Some(date)
    }

    fn movements(&mut self) -> Vec<String> {
        let text = self
            .cell(Col::Movements)
            .map(Cell::text)
            .unwrap_or_default();
        let mut ids: Vec<String> = Vec::new();
        for piece in values::pieces(&text) {
            let cell = self.cell_ref(Col::Movements);
            let msg = match values::movement(&self.cx.plan.movements, piece) {
                Match::Found(id) => {
                    if !ids.iter().any(|i| i == id) {
                        ids.push(id.to_string());
                    }
                    continue;
                }
                Match::Ambiguous(_) => ImportMsg::UnknownMovement {
                    cell,
                    value: piece.to_string(),
                    suggestion: None,
                },
                Match::Unknown(suggestion) => ImportMsg::UnknownMovement {
                    cell,
                    value: piece.to_string(),
                    suggestion,
                },
            };
            self.report(Rule::UnknownMovement, Col::Movements, msg);
        }
        ids
    }

    fn errors_in_cells(&mut self) {
        for &(col, _, _) in &self.header.columns {
            if let Some(Cell::Error(e)) = self.cell(col) {
                let msg = ImportMsg::CellError {
                    cell: self.cell_ref(col),
                    value: e.clone(),
                };
                self.report(Rule::InvalidValue, col, msg);
            }
        }
    }
}

/// Whether a row is a list's group title (`I`, `TẬP THỂ`; `II. CÁ NHÂN`) and no more.
fn group_title(header: &Header, row: &Row) -> bool {
    let used = [Col::Kind, Col::Unit, Col::Position, Col::Summary];
    if used
        .iter()
        .any(|&c| header.cell(row, c).is_some_and(|c| !c.is_empty()))
    {
        return false;
    }
    let texts: Vec<String> = row
        .cells
        .iter()
        .filter(|c| !c.is_empty())
        .map(Cell::text)
        .collect();
    let numeral = |w: &str| {
        let w = w.trim_end_matches(['.', ')', ':']);
        !w.is_empty()
            && w.len() <= 4
            && (w.chars().all(|c| "IVXivx".contains(c))
                || w.chars().all(|c| c.is_ascii_digit())
                || (w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase())))
    };
    let titled = |t: &str| {
        let rest = match t.split_once(char::is_whitespace) {
            Some((first, rest)) if numeral(first) => rest,
            _ => t,
        };
        values::kind(rest).is_some() && fold(rest).split_whitespace().count() <= 8
    };
    !texts.is_empty()
        && texts.iter().any(|t| titled(t))
        && texts.iter().all(|t| numeral(t) || titled(t))
}

/// Reads every row under the header: the nominations, and the diagnostics of the rest.
pub fn read(cx: &Context, header: &Header, rows: &[Row]) -> (Vec<Nomination>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    let mut seen: Vec<((String, Kind, String), u32)> = Vec::new();
    for row in rows.iter().skip(header.at + 1) {
        if row.cells.iter().all(Cell::is_empty) || group_title(header, row) {
            continue;
        }
        let mut r = RowReader {
            cx,
            header,
            row,
            diags: Vec::new(),
        };
        r.errors_in_cells();
        let name = r.name();
        let kind = r.kind(name.as_ref().map(|n| n.1));
        let unit = r.unit();
        let position = r.position(kind);
        let summary = r.summary();
        let nominated = r.nominated();
        let movements = r.movements();
        let slug = name.as_ref().map(|(n, _)| slugify(n));
        if let (Some((n, col)), Some("")) = (&name, slug.as_deref()) {
            let msg = ImportMsg::NoSlug {
                cell: r.cell_ref(*col),
                value: n.clone(),
            };
            r.report(Rule::InvalidValue, *col, msg);
        }
        if let (Some((n, col)), Some(kind), Some(unit)) = (&name, kind, &unit) {
            let key = (fold(n), kind, unit.clone());
            if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
                let msg = ImportMsg::DuplicateRow { row: *first };
                r.report(Rule::InvalidValue, *col, msg);
            } else {
                seen.push((key, row.number));
            }
        }
        let ok = r.diags.is_empty();
        diags.append(&mut r.diags);
        if let (true, Some((name, _)), Some(kind), Some(unit), Some(slug)) =
            (ok, name, kind, unit, slug)
        {
            out.push(Nomination {
                row: row.number,
                kind,
                unit,
                slug,
                fill: Fill {
                    name: Some(name),
                    position,
                    summary,
                    movements,
                    nominated,
                },
            });
        }
    }
    (out, diags)
}
