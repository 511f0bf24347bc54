//! Edits keep every byte they were not asked to change: the cases toml_edit users have
//! tripped on (the property over random profiles is in `property.rs`).

use super::*;

pub(super) fn layout() -> Layout {
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

pub(super) fn date(y: i32, m: u8, d: u8) -> Value {
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
