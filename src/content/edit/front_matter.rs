//! Editing a profile's text in place (toml_edit): a value set, a key or table removed, a
//! key or table added where it belongs, the story replaced, and every other byte (comments,
//! key order, blank lines, the story when it was not edited) kept as it was.
//!
//! The care toml_edit needs: a value replaced keeps its decor (the comment at the end of
//! its line, mise PR #11415 and atuin PR #3766); a key or table removed hands the comments
//! above it to what follows, so no comment is lost; a new key goes after the last key that
//! precedes it in the format's order, a new table after the last table that precedes it.
//! A text that toml_edit would not give back byte for byte unedited (line ends mixed
//! between `\n` and `\r\n`) is refused rather than reformatted.

mod items;

use toml_edit::{DocumentMut, Item, TableLike};

use items::{add_table, insert_in_order, new_value, prepend, replace, shown};

use crate::content::frontmatter::{SplitError, split};
use crate::text::date::Date;

/// A value the editor writes.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Integer(i64),
    Bool(bool),
    Date(Date),
    List(Vec<String>),
}

/// A value as the file has it, for a form to show.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    Text(String),
    Integer(i64),
    Bool(bool),
    Date(String),
    List(Vec<String>),
    /// Anything else (a table where a value belongs, a float, a list of numbers): its TOML.
    Other(String),
}

impl Shown {
    /// Whether writing `v` would leave the file's value as it is. Texts compare with their
    /// line ends made `\n` (a browser's text area gives `\n`); lists as sets (the order of
    /// movements means nothing).
    pub fn same_as(&self, v: &Value) -> bool {
        match (self, v) {
            (Shown::Text(a), Value::Text(b)) => a.replace("\r\n", "\n") == b.replace("\r\n", "\n"),
            (Shown::Integer(a), Value::Integer(b)) => a == b,
            (Shown::Bool(a), Value::Bool(b)) => a == b,
            (Shown::Date(a), Value::Date(b)) => *a == b.iso(),
            (Shown::List(a), Value::List(b)) => {
                let mut a = a.clone();
                let mut b = b.clone();
                a.sort();
                a.dedup();
                b.sort();
                b.dedup();
                a == b
            }
            _ => false,
        }
    }

    /// The value as one line of text, whatever its type.
    pub fn text(&self) -> String {
        match self {
            Shown::Text(s) | Shown::Date(s) | Shown::Other(s) => s.clone(),
            Shown::Integer(i) => i.to_string(),
            Shown::Bool(b) => b.to_string(),
            Shown::List(l) => l.join(", "),
        }
    }
}

/// Why a text cannot be edited in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NoFrontMatter,
    Unterminated,
    /// The front-matter is not valid TOML (the check says where and why).
    Toml,
    /// toml_edit would not give the text back unchanged: line ends mixed.
    Formatting,
}

/// Where keys and tables go when they are added: the order of the format.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The top-level keys, in order.
    pub keys: Vec<String>,
    /// The tables, in order, each with its keys in order.
    pub tables: Vec<(String, Vec<String>)>,
}

impl Layout {
    fn order(&self, table: Option<&str>) -> &[String] {
        match table {
            None => &self.keys,
            Some(t) => self
                .tables
                .iter()
                .find(|(name, _)| name == t)
                .map_or(&[][..], |(_, keys)| keys.as_slice()),
        }
    }

    fn table_rank(&self, name: &str) -> Option<usize> {
        self.tables.iter().position(|(t, _)| t == name)
    }
}

/// A profile's text, split and parsed for editing.
#[derive(Debug, Clone)]
pub struct ProfileText {
    /// Everything before the front-matter: a byte-order mark, blank lines, the `+++` line.
    head: String,
    doc: DocumentMut,
    /// The closing `+++` line.
    fence: String,
    body: String,
    /// The front-matter's lines end with `\r\n` (edited as `\n`, written back as `\r\n`).
    crlf: bool,
    /// The body's lines end with `\r\n`.
    body_crlf: bool,
}

fn offset(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize)
}

/// Whether every `\n` of `s` ends a `\r\n`, and there is at least one.
fn all_crlf(s: &str) -> bool {
    let lf = s.matches('\n').count();
    lf > 0 && s.matches("\r\n").count() == lf
}

impl ProfileText {
    /// Splits and parses `text` (the file's bytes as UTF-8, not normalised).
    pub fn parse(text: &str) -> Result<ProfileText, Refusal> {
        let (bom, rest) = match text.strip_prefix('\u{feff}') {
            Some(rest) => ("\u{feff}", rest),
            None => ("", text),
        };
        let parts = split(rest).map_err(|e| match e {
            SplitError::NoFrontMatter => Refusal::NoFrontMatter,
            SplitError::Unterminated { .. } => Refusal::Unterminated,
        })?;
        let fm_start = offset(rest, parts.front_matter);
        let fm_end = fm_start + parts.front_matter.len();
        let body_start = offset(rest, parts.body);
        let crlf = all_crlf(parts.front_matter);
        if !crlf && parts.front_matter.contains('\r') {
            return Err(Refusal::Formatting);
        }
        let toml = if crlf {
            parts.front_matter.replace("\r\n", "\n")
        } else {
            parts.front_matter.to_string()
        };
        let doc: DocumentMut = toml.parse().map_err(|_| Refusal::Toml)?;
        if doc.to_string() != toml {
            return Err(Refusal::Formatting);
        }
        Ok(ProfileText {
            head: format!("{bom}{}", &rest[..fm_start]),
            doc,
            fence: rest[fm_end..body_start].to_string(),
            body: parts.body.to_string(),
            crlf,
            body_crlf: all_crlf(parts.body),
        })
    }

    /// A new profile: empty front-matter, no story.
    pub fn new_file() -> ProfileText {
        ProfileText {
            head: "+++\n".into(),
            doc: DocumentMut::new(),
            fence: "+++\n".into(),
            body: String::new(),
            crlf: false,
            body_crlf: false,
        }
    }

    /// The whole text again.
    pub fn to_text(&self) -> String {
        let toml = self.doc.to_string();
        let toml = if self.crlf {
            toml.replace('\n', "\r\n")
        } else {
            toml
        };
        format!("{}{toml}{}{}", self.head, self.fence, self.body)
    }

    pub fn body(&self) -> &str {
        &self.body
    }

    /// Replaces the story, unless it is the same once line ends are made `\n`.
    pub fn set_body(&mut self, story: &str) {
        let story = story.replace("\r\n", "\n");
        if self.body.replace("\r\n", "\n") == story {
            return;
        }
        self.body = if self.body_crlf {
            story.replace('\n', "\r\n")
        } else {
            story
        };
    }

    /// Whether the top-level key (or table) `key` is written.
    pub fn has(&self, key: &str) -> bool {
        self.doc.as_table().contains_key(key)
    }

    /// The keys of `table` that are written, in order.
    pub fn keys_of(&self, table: &str) -> Vec<String> {
        self.table_like(Some(table))
            .map(|t| t.iter().map(|(k, _)| k.to_string()).collect())
            .unwrap_or_default()
    }

    fn table_like(&self, table: Option<&str>) -> Option<&dyn TableLike> {
        match table {
            None => Some(self.doc.as_table() as &dyn TableLike),
            Some(t) => self.doc.as_table().get(t)?.as_table_like(),
        }
    }

    /// The value of `key` (in `table`, or at the top), as the file has it.
    pub fn get(&self, table: Option<&str>, key: &str) -> Option<Shown> {
        let item = self.table_like(table)?.get(key)?;
        Some(shown(item))
    }

    /// Sets `key` (in `table`) to `value`: in place when it is written (its comments and
    /// the rest of its line kept), else added where `layout` puts it, the table too.
    pub fn set(&mut self, table: Option<&str>, key: &str, value: Value, layout: &Layout) {
        if let Some(t) = table
            && !self.doc.as_table().contains_key(t)
        {
            add_table(&mut self.doc, t, layout);
        }
        let order = layout.order(table);
        let root = self.doc.as_table_mut();
        let item = match table {
            None => Some(root as &mut dyn TableLike),
            Some(t) => root.get_mut(t).and_then(Item::as_table_like_mut),
        };
        // A key written as a value where a table belongs: leave it to the check.
        let Some(target) = item else { return };
        if let Some(item) = target.get_mut(key) {
            replace(item, value);
            return;
        }
        let item = Item::Value(new_value(value));
        let root = self.doc.as_table_mut();
        match table {
            None => insert_in_order(root, key, item, order),
            Some(t) => match root.get_mut(t) {
                Some(Item::Table(tbl)) if !tbl.is_dotted() => {
                    insert_in_order(tbl, key, item, order)
                }
                Some(other) => {
                    if let Some(tl) = other.as_table_like_mut() {
                        tl.insert(key, item);
                    }
                }
                None => {}
            },
        }
    }

    /// Removes `key` (in `table`, or at the top); the comments above it stay, handed to
    /// what follows. A table left empty by it stays (see [`ProfileText::remove_table`]).
    pub fn remove(&mut self, table: Option<&str>, key: &str) {
        let next_table = self.table_after(table);
        let root = self.doc.as_table_mut();
        let found = match table {
            None => Some(root as &mut dyn TableLike),
            Some(t) => root.get_mut(t).and_then(Item::as_table_like_mut),
        };
        let Some(target) = found else { return };
        let Some(index) = target.iter().position(|(k, _)| k == key) else {
            return;
        };
        let prefix = target
            .key(key)
            .and_then(|k| k.leaf_decor().prefix())
            .and_then(|p| p.as_str())
            .unwrap_or("")
            .to_string();
        target.remove(key);
        if prefix.is_empty() || target.is_dotted() {
            return;
        }
        let next_key = target
            .iter()
            .skip(index)
            .find(|(_, v)| v.is_value())
            .map(|(k, _)| k.to_string());
        match next_key {
            Some(k) => {
                if let Some(mut km) = target.key_mut(&k) {
                    prepend(km.leaf_decor_mut(), &prefix);
                }
            }
            None => self.hand_on(next_table.as_deref(), &prefix),
        }
    }

    /// Removes the table `name` and its keys; every comment in it stays, handed to what
    /// follows (the blank lines between its keys go with it).
    pub fn remove_table(&mut self, name: &str) {
        let next_table = self.table_after(Some(name));
        let Some(item) = self.doc.as_table_mut().remove(name) else {
            return;
        };
        let mut kept = String::new();
        if let Item::Table(t) = &item {
            kept.push_str(t.decor().prefix().and_then(|p| p.as_str()).unwrap_or(""));
            for (k, _) in t.iter() {
                let prefix = t
                    .key(k)
                    .and_then(|k| k.leaf_decor().prefix())
                    .and_then(|p| p.as_str())
                    .unwrap_or("");
                for line in prefix.split_inclusive('\n') {
                    if line.trim_start().starts_with('#') {
                        kept.push_str(line);
                    }
                }
            }
        }
        if kept.contains('#') {
            self.hand_on(next_table.as_deref(), &kept);
        }
    }

    /// Whether `table` is written and holds no key.
    pub fn is_empty_table(&self, table: &str) -> bool {
        self.table_like(Some(table)).is_some_and(|t| t.is_empty())
    }

    /// Sets the comment lines above `key` in `table` (for a file being made).
    pub fn set_comment(&mut self, table: Option<&str>, key: &str, comment: &str) {
        let root = self.doc.as_table_mut();
        let target: Option<&mut dyn TableLike> = match table {
            None => Some(root),
            Some(t) => root.get_mut(t).and_then(Item::as_table_like_mut),
        };
        if let Some(mut km) = target.and_then(|t| t.key_mut(key)) {
            let lines: String = comment
                .lines()
                .map(|l| format!("# {}\n", l.trim()))
                .collect();
            km.leaf_decor_mut().set_prefix(lines);
        }
    }

    /// The name of the standard table written after `table` (after the top-level keys
    /// when `None`), in the file's order.
    fn table_after(&self, table: Option<&str>) -> Option<String> {
        let root = self.doc.as_table();
        let from = match table {
            None => None,
            Some(t) => Some(root.get(t)?.as_table()?.position()?),
        };
        root.iter()
            .filter_map(|(k, v)| Some((k.to_string(), v.as_table()?.position()?)))
            .filter(|(_, p)| from.is_none_or(|f| *p > f))
            .min_by_key(|(_, p)| *p)
            .map(|(k, _)| k)
    }

    /// Puts `text` (comment lines) before the header of `next`, or at the end of the
    /// front-matter when nothing follows.
    fn hand_on(&mut self, next: Option<&str>, text: &str) {
        let root = self.doc.as_table_mut();
        if let Some(t) = next
            .and_then(|n| root.get_mut(n))
            .and_then(Item::as_table_mut)
        {
            prepend(t.decor_mut(), text);
            return;
        }
        let trailing = self.doc.trailing().as_str().unwrap_or("").to_string();
        self.doc.set_trailing(format!("{text}{trailing}"));
    }
}

#[cfg(test)]
mod property;
#[cfg(test)]
mod tests;
