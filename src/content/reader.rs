//! A strict reader over a spanned TOML tree: typed values with their places, and every
//! problem (missing, mistyped, empty or unknown keys) collected as a diagnostic instead
//! of stopping at the first.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::source::{At, Doc, Span};
use crate::diag::catalogue::{Expected, TypoMsg};
use crate::diag::{Diagnostic, Msg, Rule};
use crate::text::controls::first_forbidden;
use crate::text::date::Date;

/// One table of the tree, with its dotted path and the span of its header key.
#[derive(Clone, Copy)]
pub struct Tbl<'t, 'i> {
    pub table: &'t DeTable<'i>,
    pub path: &'t str,
    /// `None` for the document root (diagnostics then point at line 1).
    pub header: Option<Span>,
}

pub struct Reader<'d> {
    pub doc: &'d Doc,
    pub diags: Vec<Diagnostic>,
}

/// Whether a key must be present.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Required,
    Optional,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The nearest of `known` to `word`, if it is near enough to be a likely misspelling.
pub fn nearest<'k>(word: &str, known: impl IntoIterator<Item = &'k str>) -> Option<String> {
    known
        .into_iter()
        .map(|k| (strsim::damerau_levenshtein(word, k), k))
        .filter(|(d, k)| *d <= (k.chars().count() / 3).max(1) + usize::from(k.len() > 8))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.to_string())
}

impl<'d> Reader<'d> {
    pub fn new(doc: &'d Doc) -> Reader<'d> {
        Reader {
            doc,
            diags: Vec::new(),
        }
    }

    pub fn root<'t, 'i>(table: &'t Spanned<DeTable<'i>>) -> Tbl<'t, 'i> {
        Tbl {
            table: table.get_ref(),
            path: "",
            header: None,
        }
    }

    pub fn error(&mut self, rule: Rule, span: Option<Span>, field: &str, msg: Msg) {
        let d = self.doc.diag(rule, span, Some(field), msg);
        self.diags.push(d);
    }

    fn find<'t, 'i>(
        &mut self,
        t: Tbl<'t, 'i>,
        key: &str,
        need: Need,
    ) -> Option<(Span, &'t Spanned<DeValue<'i>>)> {
        let found = t.table.iter().find(|(k, _)| k.get_ref().as_ref() == key);
        match found {
            Some((k, v)) => Some((Span::new(k.span()), v)),
            None => {
                if need == Need::Required {
                    let field = join(t.path, key);
                    self.error(
                        Rule::MissingField,
                        t.header,
                        &field,
                        Msg::MissingField { key: field.clone() },
                    );
                }
                None
            }
        }
    }

    /// Reports a character no page can carry in the text of `field` (the text is kept,
    /// so that other rules still see it).
    fn printable(&mut self, span: Span, field: &str, text: &str) {
        if let Some((_, c)) = first_forbidden(text) {
            let msg = Msg::Typo(TypoMsg::Control {
                key: Some(field.to_string()),
                code: c as u32,
            });
            self.error(Rule::InvalidValue, Some(span), field, msg);
        }
    }

    fn wrong_type(&mut self, t: Tbl, key: &str, span: Span, expected: Expected, v: &DeValue) {
        let field = join(t.path, key);
        let msg = Msg::WrongType {
            key: field.clone(),
            expected,
            found: v.type_str().to_string(),
        };
        self.error(Rule::InvalidValue, Some(span), &field, msg);
    }

    /// A non-empty string (surrounding white space trimmed).
    pub fn string(&mut self, t: Tbl, key: &str, need: Need) -> Option<At<String>> {
        let (span, v) = self.find(t, key, need)?;
        match v.get_ref() {
            DeValue::String(s) if s.trim().is_empty() => {
                let field = join(t.path, key);
                self.error(
                    Rule::InvalidValue,
                    Some(span),
                    &field,
                    Msg::EmptyText { key: field.clone() },
                );
                None
            }
            DeValue::String(s) => {
                self.printable(span, &join(t.path, key), s);
                Some(At::new(s.trim().to_string(), span))
            }
            other => {
                self.wrong_type(t, key, span, Expected::Text, other);
                None
            }
        }
    }

    pub fn integer(&mut self, t: Tbl, key: &str, need: Need) -> Option<At<i64>> {
        let (span, v) = self.find(t, key, need)?;
        match v.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => Some(At::new(n, span)),
                Err(_) => {
                    self.wrong_type(t, key, span, Expected::Integer, v.get_ref());
                    None
                }
            },
            other => {
                self.wrong_type(t, key, span, Expected::Integer, other);
                None
            }
        }
    }

    /// An integer that may not be negative.
    pub fn count(&mut self, t: Tbl, key: &str, need: Need) -> Option<At<i64>> {
        let n = self.integer(t, key, need)?;
        if n.value < 0 {
            let field = join(t.path, key);
            self.error(
                Rule::InvalidValue,
                Some(n.span),
                &field,
                Msg::NegativeCount {
                    key: field.clone(),
                    value: n.value,
                },
            );
            return None;
        }
        Some(n)
    }

    pub fn boolean(&mut self, t: Tbl, key: &str, need: Need) -> Option<At<bool>> {
        let (span, v) = self.find(t, key, need)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(At::new(*b, span)),
            other => {
                self.wrong_type(t, key, span, Expected::Bool, other);
                None
            }
        }
    }

    /// A plain calendar date (`2024-11-20`), without a time or an offset.
    pub fn date(&mut self, t: Tbl, key: &str, need: Need) -> Option<At<Date>> {
        let (span, v) = self.find(t, key, need)?;
        let field = join(t.path, key);
        match v.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => match Date::new(i32::from(d.year), d.month, d.day) {
                    Some(date) => Some(At::new(date, span)),
                    None => {
                        self.wrong_type(t, key, span, Expected::Date, v.get_ref());
                        None
                    }
                },
                _ => {
                    self.error(
                        Rule::InvalidValue,
                        Some(span),
                        &field,
                        Msg::DateWithTime { key: field.clone() },
                    );
                    None
                }
            },
            other => {
                self.wrong_type(t, key, span, Expected::Date, other);
                None
            }
        }
    }

    /// A list of non-empty strings, each with its own span.
    pub fn string_list(&mut self, t: Tbl, key: &str, need: Need) -> Option<At<Vec<At<String>>>> {
        let (span, v) = self.find(t, key, need)?;
        let field = join(t.path, key);
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(t, key, span, Expected::TextList, v.get_ref());
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            let item_span = Span::new(item.span());
            match item.get_ref() {
                DeValue::String(s) if !s.trim().is_empty() => {
                    self.printable(item_span, &field, s);
                    out.push(At::new(s.trim().to_string(), item_span))
                }
                DeValue::String(_) => self.error(
                    Rule::InvalidValue,
                    Some(item_span),
                    &field,
                    Msg::EmptyText { key: field.clone() },
                ),
                other => self.wrong_type(t, key, item_span, Expected::TextList, other),
            }
        }
        Some(At::new(out, span))
    }

    /// A sub-table `[key]`.
    pub fn table<'t, 'i>(
        &mut self,
        t: Tbl<'t, 'i>,
        key: &'t str,
        need: Need,
    ) -> Option<Tbl<'t, 'i>> {
        let (span, v) = self.find(t, key, need)?;
        match v.get_ref() {
            DeValue::Table(table) => Some(Tbl {
                table,
                path: key,
                header: Some(span),
            }),
            other => {
                self.wrong_type(t, key, span, Expected::Table, other);
                None
            }
        }
    }

    /// An array of tables `[[key]]`.
    pub fn table_list<'t, 'i>(
        &mut self,
        t: Tbl<'t, 'i>,
        key: &'t str,
        need: Need,
    ) -> Vec<Tbl<'t, 'i>> {
        let Some((span, v)) = self.find(t, key, need) else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(t, key, span, Expected::TableList, v.get_ref());
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(table) => out.push(Tbl {
                    table,
                    path: key,
                    header: Some(Span::new(item.span())),
                }),
                other => {
                    self.wrong_type(t, key, Span::new(item.span()), Expected::TableList, other)
                }
            }
        }
        out
    }

    /// Every key of a free-form table whose values must be non-empty strings
    /// (`[criteria]`); a key with a bad value is kept, with `None`, so that it still
    /// counts as written.
    pub fn string_entries(&mut self, t: Tbl) -> Vec<(At<String>, Option<At<String>>)> {
        let mut out = Vec::with_capacity(t.table.len());
        for (k, v) in t.table.iter() {
            let key: &str = k.get_ref();
            let span = Span::new(k.span());
            let field = join(t.path, key);
            let value = match v.get_ref() {
                DeValue::String(s) if !s.trim().is_empty() => {
                    self.printable(span, &field, s);
                    Some(At::new(s.trim().to_string(), Span::new(v.span())))
                }
                DeValue::String(_) => {
                    self.error(
                        Rule::InvalidValue,
                        Some(span),
                        &field,
                        Msg::EmptyText { key: field.clone() },
                    );
                    None
                }
                other => {
                    self.wrong_type(t, key, span, Expected::Text, other);
                    None
                }
            };
            out.push((At::new(key.to_string(), span), value));
        }
        out.sort_by_key(|(k, _)| k.span.start);
        out
    }

    /// Reports every key of `t` that is not in `known`, naming the nearest known key.
    pub fn reject_unknown(&mut self, t: Tbl, known: &[&str]) {
        let mut unknown: Vec<_> = t
            .table
            .iter()
            .filter(|(k, _)| !known.contains(&k.get_ref().as_ref()))
            .map(|(k, _)| (k.get_ref().to_string(), Span::new(k.span())))
            .collect();
        unknown.sort_by_key(|(_, span)| span.start);
        for (key, span) in unknown {
            let field = join(t.path, &key);
            let suggestion = nearest(&key, known.iter().copied());
            self.error(
                Rule::UnknownField,
                Some(span),
                &field,
                Msg::UnknownField {
                    key: field.clone(),
                    suggestion,
                    known: known.iter().map(|k| k.to_string()).collect(),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_key() {
        let known = [
            "name",
            "unit",
            "kind",
            "summary",
            "movements",
            "excellent_members",
        ];
        assert_eq!(nearest("unti", known).as_deref(), Some("unit"));
        assert_eq!(nearest("sumary", known).as_deref(), Some("summary"));
        assert_eq!(
            nearest("excelent_members", known).as_deref(),
            Some("excellent_members")
        );
        assert_eq!(nearest("colour", known), None);
    }
}
