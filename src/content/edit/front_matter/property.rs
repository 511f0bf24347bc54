//! The property: random profiles with comments, blank lines, trailing comments and keys
//! in any order, random edits (values set, keys and tables removed, keys and tables
//! added); every line not edited is still there, in order, byte for byte.

use proptest::prelude::*;
use toml_edit::{DocumentMut, Item};

use super::items::new_value;
use super::tests::{date, layout};
use super::{ProfileText, Value};

/// One line of a generated profile, and what it is.
#[derive(Debug, Clone, PartialEq)]
enum Tag {
    /// A comment or a blank line; of a table (before its header or among its keys) when
    /// it names one.
    Other(Option<String>),
    Key(Option<String>, String),
    Header(String),
}

#[derive(Debug, Clone)]
struct Entry {
    key: String,
    value: Value,
    comments: Vec<String>,
    blank_before: bool,
    trailing: Option<String>,
}

#[derive(Debug, Clone)]
struct Generated {
    root: Vec<Entry>,
    tables: Vec<(String, Option<String>, Vec<Entry>)>,
}

fn word() -> impl Strategy<Value = String> {
    prop::string::string_regex("[a-zA-Zàáảãạăằắẳẵặâđêếềệôơờớưứữỹ \"'\\\\#=\\[\\]{}.,-]{0,16}")
        .expect("a regex")
}

fn comment() -> impl Strategy<Value = String> {
    prop::string::string_regex("# [a-zA-Zàáạđêôơư \"'=\\[\\]#-]{0,20}").expect("a regex")
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        word().prop_map(Value::Text),
        (-5i64..500).prop_map(Value::Integer),
        any::<bool>().prop_map(Value::Bool),
        (2020i32..2030, 1u8..13, 1u8..29).prop_map(|(y, m, d)| date(y, m, d)),
        prop::collection::vec("[a-c]", 0..3).prop_map(Value::List),
    ]
}

fn entries(keys: &'static [&'static str]) -> impl Strategy<Value = Vec<Entry>> {
    prop::sample::subsequence(keys, 0..=keys.len())
        .prop_shuffle()
        .prop_flat_map(|ks| {
            ks.into_iter()
                .map(|k| {
                    (
                        value(),
                        prop::collection::vec(comment(), 0..3),
                        any::<bool>(),
                        prop::option::of(comment()),
                    )
                        .prop_map(
                            move |(value, comments, blank_before, trailing)| Entry {
                                key: k.to_string(),
                                value,
                                comments,
                                blank_before,
                                trailing,
                            },
                        )
                })
                .collect::<Vec<_>>()
        })
}

const ROOT_KEYS: &[&str] = &["name", "given_name", "kind", "unit", "summary", "members"];
const TABLE_KEYS: &[&str] = &["a", "b", "c", "date", "number"];
const TABLES: &[&str] = &["criteria", "nomination", "vote", "decision", "revoked"];

fn generated() -> impl Strategy<Value = Generated> {
    let tables = prop::sample::subsequence(TABLES, 0..=TABLES.len())
        .prop_shuffle()
        .prop_flat_map(|ts| {
            ts.into_iter()
                .map(|t| {
                    (prop::option::of(comment()), entries(TABLE_KEYS))
                        .prop_map(move |(c, es)| (t.to_string(), c, es))
                })
                .collect::<Vec<_>>()
        });
    (entries(ROOT_KEYS), tables).prop_map(|(root, tables)| Generated { root, tables })
}

fn render_value(v: &Value) -> String {
    let mut doc = DocumentMut::new();
    doc.as_table_mut()
        .insert("x", Item::Value(new_value(v.clone())));
    doc.to_string()
        .trim_start_matches("x = ")
        .trim_end()
        .to_string()
}

fn render(g: &Generated) -> (String, Vec<(String, Tag)>) {
    let mut lines: Vec<(String, Tag)> = Vec::new();
    let entry = |lines: &mut Vec<(String, Tag)>, table: Option<&str>, e: &Entry| {
        let inside = table.map(String::from);
        if e.blank_before {
            lines.push((String::new(), Tag::Other(inside.clone())));
        }
        for c in &e.comments {
            lines.push((c.clone(), Tag::Other(inside.clone())));
        }
        let mut line = format!("{} = {}", e.key, render_value(&e.value));
        if let Some(t) = &e.trailing {
            line.push(' ');
            line.push_str(t);
        }
        lines.push((line, Tag::Key(table.map(String::from), e.key.clone())));
    };
    for e in &g.root {
        entry(&mut lines, None, e);
    }
    for (t, c, es) in &g.tables {
        lines.push((String::new(), Tag::Other(Some(t.clone()))));
        if let Some(c) = c {
            lines.push((c.clone(), Tag::Other(Some(t.clone()))));
        }
        lines.push((format!("[{t}]"), Tag::Header(t.clone())));
        for e in es {
            entry(&mut lines, Some(t), e);
        }
    }
    let fm: String = lines.iter().map(|(l, _)| format!("{l}\n")).collect();
    (format!("+++\n{fm}+++\nCâu chuyện.\n"), lines)
}

#[derive(Debug, Clone)]
enum Op {
    Set(Option<String>, String, Value),
    Remove(Option<String>, String),
    RemoveTable(String),
}

fn op() -> impl Strategy<Value = Op> {
    let place = prop_oneof![
        prop::sample::select(ROOT_KEYS).prop_map(|k| (None, k.to_string())),
        (
            prop::sample::select(TABLES),
            prop::sample::select(TABLE_KEYS)
        )
            .prop_map(|(t, k)| (Some(t.to_string()), k.to_string())),
    ];
    prop_oneof![
        (place.clone(), value()).prop_map(|((t, k), v)| Op::Set(t, k, v)),
        place.prop_map(|(t, k)| Op::Remove(t, k)),
        prop::sample::select(TABLES).prop_map(|t| Op::RemoveTable(t.to_string())),
    ]
}

/// Whether `small` is a subsequence of `big`; the lines of `big` left over.
fn leftover<'a>(small: &[&str], big: &'a [&'a str]) -> Option<Vec<&'a str>> {
    let mut rest = Vec::new();
    let mut i = 0;
    for line in big {
        if i < small.len() && small[i] == *line {
            i += 1;
        } else {
            rest.push(*line);
        }
    }
    (i == small.len()).then_some(rest)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn edits_keep_every_untouched_line(g in generated(), ops in prop::collection::vec(op(), 1..6)) {
        let (src, tagged) = render(&g);
        let mut p = ProfileText::parse(&src).expect("a generated profile is editable");
        prop_assert_eq!(p.to_text(), src.clone());
        let before = p.clone();
        let l = layout();
        let mut touched: Vec<(Option<String>, String)> = Vec::new();
        let mut dropped: Vec<String> = Vec::new();
        for o in &ops {
            match o {
                Op::Set(t, k, v) => {
                    p.set(t.as_deref(), k, v.clone(), &l);
                    touched.push((t.clone(), k.clone()));
                }
                Op::Remove(t, k) => {
                    p.remove(t.as_deref(), k);
                    touched.push((t.clone(), k.clone()));
                }
                Op::RemoveTable(t) => {
                    p.remove_table(t);
                    dropped.push(t.clone());
                    for k in TABLE_KEYS {
                        touched.push((Some(t.clone()), k.to_string()));
                    }
                }
            }
        }
        let out = p.to_text();
        // It is still a profile, and it reads back as it was written.
        let again = ProfileText::parse(&out).expect("still editable");
        prop_assert_eq!(again.to_text(), out.clone());
        // Every key not edited has its old value.
        for (t, k) in ROOT_KEYS.iter().map(|k| (None, *k)).chain(
            TABLES.iter().flat_map(|t| TABLE_KEYS.iter().map(move |k| (Some(*t), *k))),
        ) {
            let key = (t.map(String::from), k.to_string());
            if !touched.contains(&key) && !t.is_some_and(|t| dropped.iter().any(|d| d == t)) {
                prop_assert_eq!(again.get(t, k), before.get(t, k), "{:?}.{}", t, k);
            }
        }
        // Every untouched line is there, in order, byte for byte; every other line is an
        // edited key, a new table's header or a blank line.
        let untouched: Vec<&str> = tagged
            .iter()
            .filter(|(line, tag)| match tag {
                // A table removed takes the blank lines around it (and those a removed
                // key handed to it); every comment stays.
                Tag::Other(_) => !line.is_empty() || dropped.is_empty(),
                Tag::Key(t, k) => !touched.contains(&(t.clone(), k.clone())),
                Tag::Header(t) => !dropped.contains(t),
            })
            .map(|(l, _)| l.as_str())
            .collect();
        let fm = out.strip_prefix("+++\n").and_then(|s| s.split("+++\n").next()).unwrap_or("");
        let out_lines: Vec<&str> = fm.lines().collect();
        let rest = leftover(&untouched, &out_lines);
        prop_assert!(rest.is_some(), "untouched lines lost:\n{}\n---\n{}", src, out);
        for line in rest.unwrap_or_default() {
            let edited_key = touched.iter().any(|(_, k)| line.starts_with(&format!("{k} = ")));
            prop_assert!(
                line.is_empty() || line.starts_with('[') || edited_key,
                "unexpected line {:?}:\n{}\n---\n{}", line, src, out
            );
        }
        prop_assert!(out.ends_with("+++\nCâu chuyện.\n"));
    }
}
