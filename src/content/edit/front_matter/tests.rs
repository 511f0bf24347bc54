//! Edits keep every byte they were not asked to change: the cases toml_edit users have
//! tripped on, and a property over random profiles with comments and random edits.

use proptest::prelude::*;

use super::*;

fn layout() -> Layout {
    let keys = [
        "name",
        "given_name",
        "kind",
        "unit",
        "position",
        "summary",
        "photo",
        "photo_consent",
        "movements",
        "members",
        "excellent_members",
    ];
    let tables = [
        ("criteria", vec!["a", "b", "c"]),
        ("nomination", vec!["date"]),
        ("vote", vec!["date", "members", "in_favour"]),
        ("decision", vec!["number", "date"]),
        ("province", vec!["number", "date"]),
        ("revoked", vec!["number", "date", "reason"]),
    ];
    Layout {
        keys: keys.iter().map(|k| k.to_string()).collect(),
        tables: tables
            .into_iter()
            .map(|(t, ks)| (t.to_string(), ks.into_iter().map(String::from).collect()))
            .collect(),
    }
}

fn text(v: &str) -> Value {
    Value::Text(v.to_string())
}

fn date(y: i32, m: u8, d: u8) -> Value {
    Value::Date(Date::new(y, m, d).expect("a date"))
}

const SAMPLE: &str = "+++\n# Họ và tên\nname = \"Lê An\" # như trong hồ sơ\nkind = \"staff\"\n\n# đơn vị\nunit = \"van-phong-so\"\nsummary = \"Tóm tắt.\"\nmovements = [\"a\"] # phong trào\n\n# Minh chứng\n[criteria]\n# tiêu chí a\na = \"x\"\n\n[nomination] # nộp hồ sơ\ndate = 2024-11-20\n\n# quyết định\n[decision]\nnumber = \"1/QĐ\"\ndate = 2024-12-16\n+++\nCâu chuyện.\r\n\r\nDòng hai.\r\n";

fn edited(f: impl FnOnce(&mut ProfileText)) -> String {
    let mut p = ProfileText::parse(SAMPLE).expect("editable");
    f(&mut p);
    p.to_text()
}

#[test]
fn unedited_texts_come_back_byte_for_byte() {
    for t in [
        SAMPLE,
        "\u{feff}\n+++\r\nname = \"A\"\r\n[vote]\r\ndate = 2024-01-01\r\n+++\r\nx\r\n",
        "+++\n+++\n",
        "+++\nvote = { date = 2024-12-05, members = 11 }\ncriteria.a = \"x\"\n+++ \nstory",
    ] {
        assert_eq!(ProfileText::parse(t).expect("editable").to_text(), t);
    }
}

#[test]
fn texts_that_cannot_be_kept_are_refused() {
    assert_eq!(
        ProfileText::parse("+++\na = 1\r\nb = 2\n+++\n").err(),
        Some(Refusal::Formatting)
    );
    assert_eq!(
        ProfileText::parse("+++\na = \n+++\n").err(),
        Some(Refusal::Toml)
    );
    assert_eq!(
        ProfileText::parse("no front matter").err(),
        Some(Refusal::NoFrontMatter)
    );
    assert_eq!(
        ProfileText::parse("+++\na = 1\n").err(),
        Some(Refusal::Unterminated)
    );
}

#[test]
fn a_changed_value_keeps_the_comment_at_the_end_of_its_line() {
    let out = edited(|p| {
        p.set(None, "name", text("Lê Văn An"), &layout());
        p.set(
            None,
            "movements",
            Value::List(vec!["a".into(), "b".into()]),
            &layout(),
        );
        p.set(Some("nomination"), "date", date(2024, 11, 21), &layout());
    });
    let want = SAMPLE
        .replace("name = \"Lê An\" #", "name = \"Lê Văn An\" #")
        .replace("[\"a\"] #", "[\"a\", \"b\"] #")
        .replace("2024-11-20", "2024-11-21");
    assert_eq!(out, want);
}

#[test]
fn a_removed_key_leaves_its_comments_to_what_follows() {
    let out = edited(|p| p.remove(None, "unit"));
    assert_eq!(out, SAMPLE.replace("unit = \"van-phong-so\"\n", ""));
    // The last top-level key: its comments go before the first table.
    let out = edited(|p| {
        p.remove(None, "movements");
        p.remove(None, "summary");
    });
    assert_eq!(
        out,
        SAMPLE.replace(
            "summary = \"Tóm tắt.\"\nmovements = [\"a\"] # phong trào\n",
            ""
        )
    );
    let out = ProfileText::parse("+++\na = 1\n# về b\nb = 2\n[t]\nx = 1\n+++\n")
        .map(|mut p| {
            p.remove(None, "b");
            p.to_text()
        })
        .expect("editable");
    assert_eq!(out, "+++\na = 1\n# về b\n[t]\nx = 1\n+++\n");
}

#[test]
fn keys_and_tables_are_added_where_the_format_puts_them() {
    let out = edited(|p| {
        p.set(None, "given_name", text("An"), &layout());
        p.set(None, "position", text("Chuyên viên"), &layout());
        p.set(Some("vote"), "date", date(2024, 12, 5), &layout());
        p.set(Some("vote"), "in_favour", Value::Integer(10), &layout());
        p.set(Some("vote"), "members", Value::Integer(11), &layout());
        p.set(Some("criteria"), "b", text("y"), &layout());
        p.set(Some("revoked"), "number", text("9/QĐ"), &layout());
    });
    let want = SAMPLE
        .replace(
            "name = \"Lê An\" # như trong hồ sơ\n",
            "name = \"Lê An\" # như trong hồ sơ\ngiven_name = \"An\"\n",
        )
        .replace("summary = ", "position = \"Chuyên viên\"\nsummary = ")
        .replace("a = \"x\"\n", "a = \"x\"\nb = \"y\"\n")
        .replace(
            "date = 2024-11-20\n",
            "date = 2024-11-20\n\n[vote]\ndate = 2024-12-05\nmembers = 11\nin_favour = 10\n",
        )
        .replace(
            "date = 2024-12-16\n",
            "date = 2024-12-16\n\n[revoked]\nnumber = \"9/QĐ\"\n",
        );
    assert_eq!(out, want);
}

#[test]
fn a_removed_table_keeps_its_comments() {
    let out = edited(|p| p.remove_table("nomination"));
    assert_eq!(
        out,
        SAMPLE.replace("\n[nomination] # nộp hồ sơ\ndate = 2024-11-20\n", "")
    );
    let out = ProfileText::parse("+++\n[a]\n# giữ\nx = 1\n\n# trước b\n[b]\ny = 2\n+++\n")
        .map(|mut p| {
            p.remove_table("a");
            p.to_text()
        })
        .expect("editable");
    assert_eq!(out, "+++\n# giữ\n\n# trước b\n[b]\ny = 2\n+++\n");
}

#[test]
fn inline_and_dotted_tables_are_edited_where_they_are() {
    let mut p = ProfileText::parse(
        "+++\nvote = { date = 2024-12-05, members = 11 } # hội đồng\ncriteria.a = \"x\"\n+++\n",
    )
    .expect("editable");
    p.set(Some("vote"), "members", Value::Integer(12), &layout());
    p.set(Some("vote"), "in_favour", Value::Integer(12), &layout());
    p.set(Some("criteria"), "a", text("z"), &layout());
    let out = p.to_text();
    assert!(out.contains("members = 12"), "{out}");
    assert!(out.contains("in_favour = 12"), "{out}");
    assert!(out.contains("# hội đồng\n"), "{out}");
    assert!(out.contains("criteria.a = \"z\"\n"), "{out}");
}

#[test]
fn lists_keep_the_items_that_stay_and_their_comments() {
    let src = "+++\nmovements = [\n  \"a\", # một\n  \"b\", # hai\n]\n+++\n";
    let mut p = ProfileText::parse(src).expect("editable");
    p.set(
        None,
        "movements",
        Value::List(vec!["a".into(), "c".into()]),
        &layout(),
    );
    let out = p.to_text();
    assert!(out.contains("\"a\", # một\n"), "{out}");
    assert!(!out.contains("\"b\""), "{out}");
    assert!(out.contains("\n  \"c\""), "{out}");
    assert!(out.contains("# hai"), "no comment is lost: {out}");
    assert!(
        Shown::List(vec!["b".into(), "a".into()])
            .same_as(&Value::List(vec!["a".into(), "b".into()]))
    );
}

#[test]
fn the_story_is_kept_unless_it_changed() {
    let out = edited(|p| p.set_body("Câu chuyện.\n\nDòng hai.\n"));
    assert_eq!(
        out, SAMPLE,
        "the same story typed in a text area (\\n only)"
    );
    let out = edited(|p| p.set_body("Mới.\n"));
    assert!(out.ends_with("+++\nMới.\r\n"), "{out:?}");
    assert!(out.starts_with(&SAMPLE[..SAMPLE.find("+++\nCâu").unwrap_or(0)]));
}

#[test]
fn a_new_file_is_written_in_the_format_order() {
    let mut p = ProfileText::new_file();
    let l = layout();
    p.set(Some("nomination"), "date", date(2024, 11, 20), &l);
    p.set(None, "summary", text("Tóm tắt \"đặc biệt\"."), &l);
    p.set(None, "name", text("Lê An"), &l);
    p.set(Some("criteria"), "b", text("y"), &l);
    p.set(Some("criteria"), "a", text("dòng 1\ndòng 2"), &l);
    p.set_comment(Some("criteria"), "a", "Tiêu chí A");
    p.set_body("Câu chuyện.\n");
    let out = p.to_text();
    assert_eq!(
        out,
        "+++\nname = \"Lê An\"\nsummary = 'Tóm tắt \"đặc biệt\".'\n\n[criteria]\n# Tiêu chí A\na = \"\"\"\ndòng 1\ndòng 2\"\"\"\nb = \"y\"\n\n[nomination]\ndate = 2024-11-20\n+++\nCâu chuyện.\n"
    );
    let again = ProfileText::parse(&out).expect("editable");
    assert_eq!(
        again.get(Some("criteria"), "a"),
        Some(Shown::Text("dòng 1\ndòng 2".into()))
    );
}

// ---- the property ----

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
