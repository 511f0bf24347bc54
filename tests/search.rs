//! The search index of the sample site (content/), built with `--drafts`: only recognised
//! exemplars, only what pages show, the words where search.js looks for them, records in
//! groups, and the same bytes every time.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

fn build(out: &Path) {
    let root = env!("CARGO_MANIFEST_DIR");
    let run = Command::cargo_bin("bangvang")
        .expect("binary")
        .args(["build", "--root", root, "--drafts", "--output"])
        .arg(out)
        .output()
        .expect("runs");
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// Every file of `tim-kiem/` but the page, by path.
fn index_files(site: &Path) -> BTreeMap<String, String> {
    let dir = site.join("tim-kiem");
    walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file() && e.file_name() != "index.html")
        .map(|e| {
            let rel = e.path().strip_prefix(&dir).expect("inside");
            let rel = rel.to_string_lossy().replace('\\', "/");
            (rel, fs::read_to_string(e.path()).expect("utf-8"))
        })
        .collect()
}

/// Reads back the postings of search.rs: (document, field) pairs.
fn postings(s: &str) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let (mut n, mut doc) = (0u32, 0u32);
    for b in s.bytes() {
        if b >= 80 {
            n = (n << 5) | u32::from(b - 80);
        } else {
            n = (n << 5) | u32::from(b - 48);
            doc += n >> 3;
            out.push((doc, n & 7));
            n = 0;
        }
    }
    out
}

/// The forms and postings of `term` in the word or pair shards.
fn lookup(
    files: &BTreeMap<String, String>,
    dir: &str,
    term: &str,
) -> Vec<(String, Vec<(u32, u32)>)> {
    for text in files
        .iter()
        .filter(|(p, _)| p.starts_with(dir))
        .map(|(_, t)| t)
    {
        for line in text.lines() {
            let mut cols = line.split('\t');
            if cols.next() != Some(term) {
                continue;
            }
            let found = cols
                .map(|c| {
                    let (form, list) = c.split_once(' ').expect("form and list");
                    let form = if form.is_empty() { term } else { form };
                    (form.to_string(), postings(list))
                })
                .collect();
            return found;
        }
    }
    Vec::new()
}

#[test]
fn only_recognised_exemplars_and_only_what_pages_show() {
    let tmp = TempDir::new().expect("tmp");
    let out = tmp.path().join("site");
    build(&out);
    let files = index_files(&out);
    let meta: Value = serde_json::from_str(&files["index.json"]).expect("json");
    let docs = meta["docs"].as_u64().expect("docs") as usize;
    assert_eq!(
        docs, 21,
        "the sample site has 21 recognised exemplars (13 in 2024, 8 in 2025)"
    );
    // Records in groups: document n is at n % group in d/{n / group}.json, each file but
    // the last full, and no other file in d/.
    let group = meta["group"].as_u64().expect("group") as usize;
    assert!(group >= 8, "{group}");
    let groups: Vec<Vec<Value>> = (0..docs.div_ceil(group))
        .map(|k| serde_json::from_str(&files[&format!("d/{k}.json")]).expect("records"))
        .collect();
    let in_d = files.keys().filter(|p| p.starts_with("d/")).count();
    assert_eq!(in_d, docs.div_ceil(group), "{:?}", files.keys());
    for (k, g) in groups.iter().enumerate() {
        let want = if k + 1 < groups.len() {
            group
        } else {
            docs - k * group
        };
        assert_eq!(g.len(), want, "d/{k}.json");
    }
    let record = |n: usize| &groups[n / group][n % group];
    let records: Vec<&Value> = (0..docs).map(record).collect();
    let names: Vec<&str> = records.iter().map(|r| r["n"].as_str().unwrap()).collect();
    assert!(names.contains(&"Nguyễn Văn An"), "{names:?}");
    assert!(names.contains(&"Phòng Quản lý xây dựng"), "{names:?}");
    // No story in records (its words are in the shards): what a result shows, and small.
    for r in &records {
        let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["n", "o", "p", "s", "u", "y"], "{r}");
        assert!(r.to_string().len() < 1024, "{r}");
    }
    // Shards of words and pairs, each (but the last) more than half of its 8 KB: their
    // number follows the index's size, not the number of exemplars.
    for (kind, dir) in [("words", "t/"), ("pairs", "p/")] {
        let list = meta[kind].as_array().expect("shards");
        let count = files.keys().filter(|p| p.starts_with(dir)).count();
        assert_eq!(count, list.len(), "{kind}");
        for (k, shard) in list.iter().enumerate() {
            let bytes = shard[1].as_u64().expect("bytes") as usize;
            assert_eq!(bytes, files[&format!("{dir}{k}.txt")].len(), "{dir}{k}.txt");
            assert!(bytes <= 8192, "{dir}{k}.txt");
            assert!(k + 1 == list.len() || bytes > 4096, "{dir}{k}.txt");
        }
    }
    assert_eq!(
        files.len(),
        1 + in_d
            + meta["words"].as_array().unwrap().len()
            + meta["pairs"].as_array().unwrap().len()
    );
    // Pending (even with --drafts), not recognised, revoked: nowhere, not even a word of
    // their names that no recognised page has.
    for name in ["Mai Thị Yến", "Lý Thị Thu", "Trương Công Khải"] {
        for (path, text) in &files {
            assert!(!text.contains(name), "{name} in {path}");
        }
    }
    assert!(
        lookup(&files, "t/", "khai")
            .iter()
            .all(|(form, _)| form != "khải")
    );
    assert!(lookup(&files, "p/", "truong cong").is_empty());
    assert!(lookup(&files, "p/", "mai thi").is_empty());
    // No vote tallies, nomination or vote dates: the Council's figures are on no page.
    let all: String = files.values().cloned().collect();
    for secret in [
        "in_favour",
        "nomination",
        "05/12/2024",
        "2024-12-05",
        "2024-11-2",
        "04/12/2025",
        "2025-12-04",
        "2025-11-2",
    ] {
        assert!(!all.contains(secret), "{secret} in the index");
    }

    // Words where search.js looks for them: "duong" has the form "đường", in the name of
    // Đặng Thị Đường (field 0).
    let duong = names.iter().position(|n| *n == "Đặng Thị Đường").unwrap() as u32;
    let forms = lookup(&files, "t/", "duong");
    let (_, list) = forms.iter().find(|(f, _)| f == "đường").expect("đường");
    assert!(list.contains(&(duong, 0)), "{forms:?}");
    // "an": the name of Nguyễn Văn An; "nguyen van" and "van an" follow each other there.
    let an = names.iter().position(|n| *n == "Nguyễn Văn An").unwrap() as u32;
    let forms = lookup(&files, "t/", "an");
    assert!(
        forms.iter().any(|(f, l)| f == "an" && l.contains(&(an, 0))),
        "{forms:?}"
    );
    for pair in ["nguyen van", "van an"] {
        let forms = lookup(&files, "p/", pair);
        assert!(forms[0].1.contains(&(an, 0)), "{pair}: {forms:?}");
    }
    // "phong quan ly": the unit (field 1) of Lê Văn Dũng, the name of the collective.
    let dung = names.iter().position(|n| *n == "Lê Văn Dũng").unwrap() as u32;
    let phong = names
        .iter()
        .position(|n| *n == "Phòng Quản lý xây dựng")
        .unwrap() as u32;
    let forms = lookup(&files, "p/", "quan ly");
    assert!(forms[0].1.contains(&(dung, 1)), "{forms:?}");
    assert!(forms[0].1.contains(&(phong, 0)), "{forms:?}");
    // Old and new tone placement make one form: "hóa" in content is "hoá" here.
    let forms = lookup(&files, "t/", "hoa");
    assert!(forms.iter().any(|(f, _)| f == "hoá"), "{forms:?}");
    assert!(!forms.iter().any(|(f, _)| f == "hóa"), "{forms:?}");
    // Words of the story only: "dưỡng" is in the 2024 story of Phạm Thị Thu Hà (field 5), not
    // in what her record shows; the story's Markdown is not ("##" of its headings).
    let ha = records
        .iter()
        .position(|r| r["n"] == "Phạm Thị Thu Hà" && r["y"] == 2024)
        .unwrap() as u32;
    assert!(!records[ha as usize].to_string().contains("dưỡng"));
    let forms = lookup(&files, "t/", "duong");
    let (_, list) = forms.iter().find(|(f, _)| f == "dưỡng").expect("dưỡng");
    assert!(list.contains(&(ha, 5)), "{forms:?}");
    let all_words: String = files
        .iter()
        .filter(|(p, _)| p.starts_with("t/") || p.starts_with("p/"))
        .map(|(_, t)| t.as_str())
        .collect();
    assert!(!all_words.contains('#'));

    // The same content gives the same bytes.
    let again = tmp.path().join("again");
    build(&again);
    assert_eq!(files, index_files(&again));
}
