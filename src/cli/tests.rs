//! Every command and flag has its words in both languages; help, usage and clap's errors
//! come out in the writer's language.

use super::*;
use crate::content::model::Kind;

/// Every command of the tree, with its table key, and its arguments.
fn walk(cmd: &clap::Command, key: &str, out: &mut Vec<String>) {
    out.push(key.to_string());
    for a in cmd.get_arguments() {
        out.push(localize::arg_key(key, a));
    }
    for s in cmd.get_subcommands() {
        walk(s, s.get_name(), out);
    }
}

#[test]
fn every_command_and_flag_has_both_texts() {
    let mut keys = Vec::new();
    walk(&command(Lang::Vi), "", &mut keys);
    assert!(keys.len() > 20, "{keys:?}");
    for key in &keys {
        for vi in [true, false] {
            let t = words::text(key, vi).unwrap_or_default();
            assert!(
                !t.trim().is_empty(),
                "no {} text for `{key}`",
                if vi { "vi" } else { "en" }
            );
        }
    }
    for (key, _, _) in words::HELP {
        assert!(
            keys.iter().any(|k| k == key),
            "`{key}` names no command or flag"
        );
    }
}

#[test]
fn help_is_in_vietnamese_with_every_value_listed() {
    let text = help(Some("check"), Lang::Vi).expect("check");
    for want in [
        "Cách dùng: bangvang check",
        "Tùy chọn",
        "--format",
        "[giá trị: human, json]",
        "[mặc định: human]",
        "Thư mục của site",
    ] {
        assert!(text.contains(want), "{want} in {text}");
    }
    for english in [
        "Usage",
        "Options",
        "Print help",
        "default:",
        "possible values",
    ] {
        assert!(!text.contains(english), "{english} in {text}");
    }
    let new = help(Some("new"), Lang::Vi).expect("new");
    for kind in Kind::ALL {
        assert!(new.contains(kind.name()), "{} in {new}", kind.name());
    }
    let top = help(None, Lang::Vi).expect("program");
    assert!(
        top.contains("Lệnh") && top.contains("build") && top.contains("help"),
        "{top}"
    );
    let en = help(Some("check"), Lang::En).expect("check");
    assert!(
        en.contains("Usage: bangvang check") && en.contains("[values: human, json]"),
        "{en}"
    );
}

#[test]
fn usage_errors_in_vietnamese() {
    let args = |a: &[&str]| -> Vec<OsString> { a.iter().map(OsString::from).collect() };
    let err = |a: &[&str]| match parse(&args(a), Lang::Vi) {
        Err(r) => {
            assert!(r.is_error, "{}", r.text);
            r.text
        }
        Ok(_) => panic!("{a:?} parsed"),
    };
    let t = err(&["bangvang", "check", "--format", "xml"]);
    assert!(
        t.contains("giá trị 'xml' không hợp lệ cho '--format <FORMAT>'"),
        "{t}"
    );
    assert!(
        t.contains("[giá trị: human, json]") && t.contains("Cách dùng: bangvang check"),
        "{t}"
    );
    let t = err(&["bangvang", "chek"]);
    assert!(
        t.contains("không có lệnh 'chek'") && t.contains("có phải ý bạn là 'check'?"),
        "{t}"
    );
    let t = err(&["bangvang", "check", "--fromat", "json"]);
    assert!(
        t.contains("không có tùy chọn '--fromat'") && t.contains("'--format'"),
        "{t}"
    );
    let t = err(&["bangvang", "new", "2024/an"]);
    assert!(t.contains("còn thiếu") && t.contains("--kind"), "{t}");
    let t = err(&["bangvang", "serve", "--port", "http"]);
    assert!(t.contains("không phải một số"), "{t}");
    let t = err(&["bangvang"]);
    assert!(!t.contains("Usage") && !t.contains("error:"), "{t}");
    for t in [
        err(&["bangvang", "build", "--drafts", "--drafts"]),
        err(&["bangvang", "init"]),
    ] {
        assert!(t.starts_with("lỗi: ") && !t.contains("Usage"), "{t}");
    }
    let shown = match parse(&args(&["bangvang", "--help"]), Lang::Vi) {
        Err(r) => r,
        Ok(_) => panic!("help parsed"),
    };
    assert!(
        !shown.is_error && shown.text.contains("Cách dùng"),
        "{}",
        shown.text
    );
}

#[test]
fn the_language_of_the_command_line() {
    let args = |a: &[&str]| -> Vec<OsString> { a.iter().map(OsString::from).collect() };
    assert_eq!(
        language(&args(&["bangvang", "check", "--lang", "en"])),
        Lang::En
    );
    assert_eq!(
        language(&args(&["bangvang", "--lang=en", "check"])),
        Lang::En
    );
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(tmp.path().join("content")).expect("mkdir");
    std::fs::write(
        tmp.path().join("content/site.toml"),
        "title = \"x\"\nlanguage = \"en\"\n",
    )
    .expect("write");
    let root = tmp.path().to_string_lossy().into_owned();
    assert_eq!(
        language(&args(&["bangvang", "check", "--root", &root])),
        Lang::En
    );
    assert_eq!(
        language(&args(&[
            "bangvang", "check", "--root", &root, "--lang", "vi"
        ])),
        Lang::Vi
    );
    assert_eq!(
        language(&args(&["bangvang", "check", "--root", "/khong/co"])),
        Lang::Vi
    );
}
