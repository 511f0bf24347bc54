//! The toml_edit work under [`super::ProfileText`]: values to and from the file, a value
//! replaced with what surrounds it on its line, a list edited item by item, a key inserted
//! in the format's order, a table added where it belongs.

use toml_edit::{Array, Decor, DocumentMut, Item, Key, Table};

use super::{Layout, Shown, Value};

pub(super) fn prepend(decor: &mut Decor, text: &str) {
    let old = decor
        .prefix()
        .and_then(|p| p.as_str())
        .unwrap_or("")
        .to_string();
    decor.set_prefix(format!("{text}{old}"));
}

pub(super) fn shown(item: &Item) -> Shown {
    use toml_edit::Value as V;
    match item {
        Item::Value(V::String(s)) => Shown::Text(s.value().clone()),
        Item::Value(V::Integer(i)) => Shown::Integer(*i.value()),
        Item::Value(V::Boolean(b)) => Shown::Bool(*b.value()),
        Item::Value(V::Datetime(d)) => {
            let d = d.value();
            match (d.date, d.time, d.offset) {
                (Some(date), None, None) => Shown::Date(date.to_string()),
                _ => Shown::Other(d.to_string()),
            }
        }
        Item::Value(V::Array(a)) if a.iter().all(|v| v.is_str()) => Shown::List(
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
        ),
        other => Shown::Other(other.to_string().trim().to_string()),
    }
}

pub(super) fn new_value(v: Value) -> toml_edit::Value {
    match v {
        Value::Text(s) => s.into(),
        Value::Integer(i) => i.into(),
        Value::Bool(b) => b.into(),
        Value::Date(d) => toml_edit::Datetime {
            date: Some(toml_edit::Date {
                year: u16::try_from(d.year).unwrap_or(0),
                month: d.month,
                day: d.day,
            }),
            time: None,
            offset: None,
        }
        .into(),
        Value::List(items) => {
            let mut a = Array::new();
            for s in items {
                a.push(s);
            }
            a.into()
        }
    }
}

/// Replaces the value in `item`, keeping what surrounds it on its line (the space after
/// `=` and a comment at the end). A list keeps the items that stay, with their comments.
pub(super) fn replace(item: &mut Item, value: Value) {
    match (item.as_value_mut(), value) {
        (Some(toml_edit::Value::Array(a)), Value::List(want)) if a.iter().all(|v| v.is_str()) => {
            edit_list(a, &want);
        }
        (Some(old), value) => {
            let decor = old.decor().clone();
            *old = new_value(value);
            *old.decor_mut() = decor;
        }
        (None, value) => *item = Item::Value(new_value(value)),
    }
}

/// The prefix text of a list item (the comment ending the line before it, the line end,
/// the indent).
fn item_prefix(a: &Array, i: usize) -> String {
    a.get(i)
        .and_then(|v| v.decor().prefix())
        .and_then(|p| p.as_str())
        .unwrap_or("")
        .to_string()
}

/// Makes the list `a` hold `want`: items no longer wanted removed, with every comment
/// around them kept on its own line; new ones added at the end, on lines of their own
/// when the list has them.
fn edit_list(a: &mut Array, want: &[String]) {
    let mut i = 0;
    while i < a.len() {
        let keep = a
            .get(i)
            .and_then(|v| v.as_str())
            .is_some_and(|s| want.iter().any(|w| w == s));
        if keep {
            i += 1;
            continue;
        }
        let prefix = item_prefix(a, i);
        a.remove(i);
        let multi_line = prefix.contains('\n');
        if i < a.len() {
            let old = item_prefix(a, i);
            let joined = match (multi_line, i) {
                (true, _) => format!("{prefix}{}", old.trim_start_matches(' ')),
                (false, 0) => old.trim_start().to_string(),
                (false, _) => old,
            };
            if let Some(next) = a.get_mut(i) {
                next.decor_mut().set_prefix(joined);
            }
        } else if multi_line {
            let old = a.trailing().as_str().unwrap_or("").to_string();
            a.set_trailing(format!("{prefix}{}", old.trim_start_matches(' ')));
        }
    }
    let present: Vec<String> = a
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    // The indent of the items, when they sit on lines of their own.
    let indent = (0..a.len())
        .rev()
        .map(|i| item_prefix(a, i))
        .find_map(|p| p.rfind('\n').map(|i| p[i..].to_string()));
    for w in want {
        if present.contains(w) {
            continue;
        }
        let mut v = toml_edit::Value::from(w.as_str());
        let trailing = a.trailing().as_str().unwrap_or("").to_string();
        let prefix = match (&indent, trailing.find('\n')) {
            // The comment ending the last item's line stays there; the new item gets a
            // line of its own.
            (Some(indent), Some(at)) => {
                a.set_trailing(trailing[at..].to_string());
                format!("{}{indent}", &trailing[..at])
            }
            (Some(indent), None) => indent.clone(),
            (None, _) if a.is_empty() => String::new(),
            (None, _) => " ".into(),
        };
        v.decor_mut().set_prefix(prefix);
        v.decor_mut().set_suffix("");
        a.push_formatted(v);
    }
}

/// Inserts `key` into `t` after the last key that comes before it in `order` (or before
/// the first that comes after it), moving no other key.
pub(super) fn insert_in_order(t: &mut Table, key: &str, item: Item, order: &[String]) {
    let rank = |k: &str| order.iter().position(|o| o == k);
    let keys: Vec<String> = t.iter().map(|(k, _)| k.to_string()).collect();
    let at = match rank(key) {
        None => keys.len(),
        Some(mine) => {
            let after = keys
                .iter()
                .rposition(|k| rank(k).is_some_and(|r| r < mine))
                .map(|i| i + 1);
            let before = keys.iter().position(|k| rank(k).is_some_and(|r| r > mine));
            after.or(before).unwrap_or(keys.len())
        }
    };
    let tail: Vec<(Key, Item)> = keys[at..]
        .iter()
        .filter_map(|k| t.remove_entry(k))
        .collect();
    t.insert(key, item);
    for (k, v) in tail {
        t.insert_formatted(&k, v);
    }
}

/// Every standard table and array-of-tables entry of the document, for renumbering.
fn for_each_table(t: &mut Table, f: &mut impl FnMut(&mut Table)) {
    for (_, item) in t.iter_mut() {
        match item {
            Item::Table(sub) => {
                f(sub);
                for_each_table(sub, f);
            }
            Item::ArrayOfTables(a) => {
                for sub in a.iter_mut() {
                    f(sub);
                    for_each_table(sub, f);
                }
            }
            _ => {}
        }
    }
}

/// Adds the empty table `name` after the last table that comes before it in `layout`.
pub(super) fn add_table(doc: &mut DocumentMut, name: &str, layout: &Layout) {
    let root = doc.as_table_mut();
    let mine = layout.table_rank(name);
    let mut positions: Vec<(Option<usize>, isize)> = Vec::new();
    for (k, v) in root.iter() {
        if let Some(p) = v.as_table().and_then(Table::position) {
            positions.push((layout.table_rank(k), p));
        }
    }
    let before = positions
        .iter()
        .filter(|(r, _)| matches!((r, mine), (Some(r), Some(m)) if *r < m))
        .map(|(_, p)| *p)
        .max();
    let after = positions
        .iter()
        .filter(|(r, _)| matches!((r, mine), (Some(r), Some(m)) if *r > m))
        .map(|(_, p)| *p)
        .min();
    let last = positions.iter().map(|(_, p)| *p).max();
    let pos = match (before, after, last) {
        (Some(b), _, _) => b + 1,
        (None, Some(a), _) => a,
        (None, None, Some(l)) => l + 1,
        (None, None, None) => 1,
    };
    for_each_table(root, &mut |t| {
        if let Some(p) = t.position()
            && p >= pos
        {
            t.set_position(Some(p + 1));
        }
    });
    let mut table = Table::new();
    table.set_position(Some(pos));
    root.insert(name, Item::Table(table));
}
