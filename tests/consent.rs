//! Consent as a record, end to end: the `consent` rule (each error, the warning for the
//! old form), withdrawal (no byte of the photo or of its sizes left in `output/` or
//! `.cache/` after one build, even when another profile names the same photo), a story
//! taken down at the person's request, and the register of `check --consent`.

mod common;

use std::fs;

#[path = "images/photos.rs"]
#[allow(dead_code)] // only `portrait` is used here
mod photos;

use common::{Fixture, assert_diag, find, line_of, staff, tree};
use photos::portrait;

const FILE: &str = "content/2024/tran-thi-lan/index.md";

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    needle.len() <= hay.len() && hay.windows(needle.len()).any(|w| w == needle)
}

fn built(f: &Fixture) -> String {
    let out = f.run(&["build"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A recognised member of staff with a photo beside her and `consent` (front-matter
/// lines) after `photo`.
fn with_photo(f: &Fixture, rel: &str, name: &str, consent: &str) -> String {
    let text = staff(name).replacen(
        "kind = ",
        &format!("photo = \"anh.jpg\"\n{consent}kind = "),
        1,
    );
    let text = if consent.starts_with('[') {
        // A table goes after the top-level keys.
        staff(name)
            .replacen("kind = ", "photo = \"anh.jpg\"\nkind = ", 1)
            .replacen("[nomination]", &format!("{consent}\n[nomination]"), 1)
    } else {
        text
    };
    f.write(rel, &text);
    text
}

#[test]
fn each_consent_error_and_the_warning_for_the_old_form() {
    let f = Fixture::new();
    let both = with_photo(
        &f,
        "content/2024/a/index.md",
        "Lê A",
        "photo_consent = true\n",
    );
    let both = both.replacen(
        "[nomination]",
        "[consent]\nphoto = 2024-11-02\n\n[nomination]",
        1,
    );
    f.write("content/2024/a/index.md", &both);
    let no_photo = with_photo(
        &f,
        "content/2024/b/index.md",
        "Lê B",
        "[consent]\nwithdrawn = 2025-06-01\n",
    );
    let order = with_photo(
        &f,
        "content/2024/c/index.md",
        "Lê C",
        "[consent]\nphoto = 2025-06-01\nwithdrawn = 2025-05-01\n",
    );
    let story = with_photo(
        &f,
        "content/2024/d/index.md",
        "Lê D",
        "[consent]\nphoto = 2024-11-02\nwithdrawn_story = true\n",
    );
    let empty = with_photo(&f, "content/2024/e/index.md", "Lê E", "[consent]\n");
    let old = with_photo(
        &f,
        "content/2024/g/index.md",
        "Lê G",
        "photo_consent = true\n",
    );
    for dir in ["a", "b", "c", "d", "e", "g"] {
        f.write_bytes(
            &format!("content/2024/{dir}/anh.jpg"),
            &portrait(300, 400, 1),
        );
    }
    let (code, diags) = f.check_json();
    assert_eq!(code, 1);
    let at = |t: &str, n: &str| line_of(t, n);
    assert_diag(
        &diags,
        "consent",
        "content/2024/a/index.md",
        at(&both, "photo_consent"),
        Some("photo_consent"),
        "error",
    );
    assert_diag(
        &diags,
        "consent",
        "content/2024/b/index.md",
        at(&no_photo, "withdrawn ="),
        Some("consent.withdrawn"),
        "error",
    );
    assert_diag(
        &diags,
        "consent",
        "content/2024/c/index.md",
        at(&order, "withdrawn ="),
        Some("consent.withdrawn"),
        "error",
    );
    assert_diag(
        &diags,
        "consent",
        "content/2024/d/index.md",
        at(&story, "withdrawn_story"),
        Some("consent.withdrawn_story"),
        "error",
    );
    assert_diag(
        &diags,
        "missing-field",
        "content/2024/e/index.md",
        at(&empty, "[consent]"),
        Some("consent.photo"),
        "error",
    );
    assert_diag(
        &diags,
        "consent",
        "content/2024/g/index.md",
        at(&old, "photo_consent"),
        Some("photo_consent"),
        "warning",
    );
    let order_msg = find(&diags, "consent", "content/2024/c/index.md")["message"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        order_msg.contains("01/05/2025") && order_msg.contains("01/06/2025"),
        "{order_msg}"
    );
    let unknown = with_photo(
        &f,
        "content/2024/h/index.md",
        "Lê H",
        "[consent]\nphoto = 2024-11-02\nwithdrawn_photo = 2025-01-01\n",
    );
    f.write_bytes("content/2024/h/anh.jpg", &portrait(300, 400, 1));
    let (_, diags) = f.check_json();
    assert_diag(
        &diags,
        "unknown-field",
        "content/2024/h/index.md",
        at(&unknown, "withdrawn_photo"),
        Some("consent.withdrawn_photo"),
        "error",
    );
}

/// Every file under `dir` that holds one of `needles`, by path.
fn holders(dir: &std::path::Path, needles: &[Vec<u8>]) -> Vec<String> {
    if !dir.exists() {
        return Vec::new();
    }
    tree(dir)
        .into_iter()
        .filter(|(_, bytes)| needles.iter().any(|n| contains(bytes, n)))
        .map(|(rel, _)| rel)
        .collect()
}

#[test]
fn a_withdrawn_photo_leaves_every_file_after_one_build() {
    let f = Fixture::new();
    let photo = portrait(900, 1200, 42);
    let given = "[consent]\nphoto = 2024-11-02\n";
    with_photo(&f, FILE, "Trần Thị Lan", given);
    f.write_bytes("content/2024/tran-thi-lan/anh.jpg", &photo);
    // The same picture beside another profile, with consent of its own.
    with_photo(&f, "content/2024/lan-ban-sao/index.md", "Trần Lan", given);
    f.write_bytes("content/2024/lan-ban-sao/anh.jpg", &photo);
    built(&f);
    let out = tree(&f.path("output"));
    let sizes: Vec<Vec<u8>> = out
        .iter()
        .filter(|(k, _)| k.starts_with("2024/tran-thi-lan/anh-"))
        .map(|(_, v)| v.clone())
        .collect();
    assert_eq!(
        sizes.len(),
        3,
        "published at 160, 320, 640: {:?}",
        out.keys()
    );
    let cached = tree(&f.path(".cache/bangvang/anh"));
    assert!(
        cached.values().any(|b| sizes.contains(b)),
        "the cache holds the sizes"
    );
    // Bytes that only these files have: the original, and a slice of each size past its
    // JPEG header (a whole size is also matched).
    let mut needles = vec![photo.clone()];
    for s in &sizes {
        needles.push(s.clone());
        needles.push(s[s.len() / 2..s.len() / 2 + 64].to_vec());
    }

    let withdrawn = with_photo(
        &f,
        FILE,
        "Trần Thị Lan",
        "[consent]\nphoto = 2024-11-02\nwithdrawn = 2025-06-01\n",
    );
    let said = built(&f);
    assert_eq!(
        holders(&f.path("output"), &needles),
        Vec::<String>::new(),
        "output/"
    );
    assert_eq!(
        holders(&f.path(".cache"), &needles),
        Vec::<String>::new(),
        ".cache/"
    );
    let out = tree(&f.path("output"));
    assert!(
        !out.keys()
            .any(|k| k.contains("tran-thi-lan/anh") || k.contains("lan-ban-sao/anh")),
        "{:?}",
        out.keys()
    );
    let page = fs::read_to_string(f.path("output/2024/tran-thi-lan/index.html")).expect("page");
    assert!(
        page.contains("Trần Thị Lan") && page.contains("1456/QĐ-SXD"),
        "the recognition stays"
    );
    assert!(!page.contains("<img"), "initials instead");
    // The copy is not published either, and check says why.
    assert!(said.contains("lan-ban-sao"), "{said}");
    let (code, diags) = f.check_json();
    assert_eq!(code, 0);
    let copy = find(&diags, "consent", "content/2024/lan-ban-sao/index.md");
    assert_eq!(copy["severity"], "warning");
    assert!(
        copy["message"].as_str().unwrap_or_default().contains(FILE),
        "{copy}"
    );
    assert_diag(
        &diags,
        "privacy",
        FILE,
        line_of(&withdrawn, "photo = \"anh.jpg\""),
        Some("photo"),
        "warning",
    );
}

#[test]
fn a_withdrawn_story_leaves_the_site_and_the_recognition_stays() {
    let f = Fixture::new();
    let marker = "quokkatron";
    let text = with_photo(
        &f,
        FILE,
        "Trần Thị Lan",
        "[consent]\nphoto = 2024-11-02\nwithdrawn = 2025-06-01\nwithdrawn_story = true\n",
    )
    .replace("Số hoá hồ sơ lưu trữ.", &format!("Tóm tắt {marker}."))
    .replace("Đi đầu trong số hoá.", &format!("Minh chứng {marker}."))
    .replace(
        "Chị đã số hoá toàn bộ hồ sơ.",
        &format!("Câu chuyện {marker} ![](anh.jpg)"),
    );
    f.write(FILE, &text);
    f.write_bytes("content/2024/tran-thi-lan/anh.jpg", &portrait(300, 400, 3));
    built(&f);
    let out = tree(&f.path("output"));
    let with_marker: Vec<&String> = out
        .iter()
        .filter(|(_, b)| contains(b, marker.as_bytes()))
        .map(|(k, _)| k)
        .collect();
    assert!(
        with_marker.is_empty(),
        "summary, evidence and story are gone: {with_marker:?}"
    );
    let page = String::from_utf8_lossy(&out["2024/tran-thi-lan/index.html"]).into_owned();
    for kept in [
        "Trần Thị Lan",
        "Chuyên viên",
        "Văn phòng Sở",
        "1456/QĐ-SXD",
        "16/12/2024",
    ] {
        assert!(page.contains(kept), "{kept} stays: {page}");
    }
    assert!(page.contains("Câu chuyện đã được gỡ"), "the page says why");
    let roll = String::from_utf8_lossy(&out["2024/index.html"]).into_owned();
    assert!(roll.contains("Trần Thị Lan"), "still on the roll");
    let records: String = out
        .iter()
        .filter(|(k, _)| k.starts_with("tim-kiem/d/"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    assert!(records.contains("Trần Thị Lan"), "still found by name");
}

#[test]
fn the_consent_register() {
    let f = Fixture::new();
    with_photo(
        &f,
        "content/2024/a/index.md",
        "Lê Thị An",
        "[consent]\nphoto = 2024-11-02\n",
    );
    with_photo(
        &f,
        "content/2024/b/index.md",
        "Phạm Văn Bình",
        "[consent]\nphoto = 2024-10-01\nwithdrawn = 2025-06-01\nwithdrawn_story = true\n",
    );
    with_photo(
        &f,
        "content/2024/c/index.md",
        "Đỗ Thị Cúc",
        "photo_consent = true\n",
    );
    with_photo(&f, "content/2024/d/index.md", "Vũ Văn Dương", "");
    for dir in ["a", "b", "c", "d"] {
        f.write_bytes(
            &format!("content/2024/{dir}/anh.jpg"),
            &portrait(200, 260, 9),
        );
    }
    let out = f.run(&["check", "--consent"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    insta::assert_snapshot!("register_vi", String::from_utf8_lossy(&out.stdout));
    let out = f.run(&["check", "--consent", "--lang", "en"]);
    insta::assert_snapshot!("register_en", String::from_utf8_lossy(&out.stdout));
    let out = f.run(&["check", "--consent", "--format", "json"]);
    insta::assert_snapshot!("register_json", String::from_utf8_lossy(&out.stdout));
}
