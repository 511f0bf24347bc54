//! Portraits end to end: the sample site's photos, metadata stripped, consent honoured,
//! hostile files refused with a `photo` diagnostic (never a panic), and the cache; and
//! the files beside stories (`story_files`).

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

#[path = "images/photos.rs"]
mod photos;
#[path = "images/story_files.rs"]
mod story_files;

use common::{Fixture, line_of, staff, tree};
use photos::{LATITUDE, SERIAL, bomb_png, lying_png, portrait, with_gps_exif};

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn build(f: &Fixture) -> Output {
    f.run(&["build"])
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn built(f: &Fixture) -> String {
    let out = build(f);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn html(f: &Fixture, rel: &str) -> String {
    fs::read_to_string(f.path(&format!("output/{rel}")))
        .unwrap_or_else(|e| panic!("output/{rel}: {e}"))
}

/// The repository's own site, copied into a temporary folder.
fn sample_site() -> Fixture {
    let f = Fixture {
        dir: tempfile::tempdir().expect("temporary folder"),
    };
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.expect("walk");
        let rel = entry.path().strip_prefix(&src).expect("inside");
        if entry.file_type().is_file() {
            f.write_bytes(
                &format!("content/{}", rel.display()),
                &fs::read(entry.path()).expect("read"),
            );
        }
    }
    f
}

/// A recognised member of staff whose bundle has `photo`, with consent.
fn with_photo(f: &Fixture, slug: &str, name: &str, photo: &str, bytes: Option<&[u8]>) -> String {
    let text = staff(name).replacen(
        "kind = ",
        &format!("photo = \"{photo}\"\nphoto_consent = true\nkind = "),
        1,
    );
    f.write(&format!("content/2024/{slug}/index.md"), &text);
    if let Some(bytes) = bytes {
        f.write_bytes(&format!("content/2024/{slug}/{photo}"), bytes);
    }
    format!("content/2024/{slug}/index.md")
}

fn dims(bytes: &[u8]) -> (u32, u32) {
    let img = image::load_from_memory(bytes).expect("a published size decodes");
    (img.width(), img.height())
}

#[test]
fn the_sample_bundle_photo_is_published_in_its_sizes_without_metadata() {
    let f = sample_site();
    built(&f);
    let dir = "output/2024/tran-binh-minh";
    for (w, h) in [(160, 213), (320, 427), (640, 853)] {
        let bytes = fs::read(f.path(&format!("{dir}/anh-{w}.jpg"))).expect("size published");
        assert_eq!(dims(&bytes), (w, h));
        assert!(
            !contains(&bytes, b"Exif") && !contains(&bytes, &[0xFF, 0xE1]),
            "{w}: metadata left"
        );
    }
    assert!(!f.path(&format!("{dir}/anh-dai-dien.jpg")).exists());
    let page = html(&f, "2024/tran-binh-minh/index.html");
    assert!(page.contains(r#"<img src="/2024/tran-binh-minh/anh-320.jpg" srcset="/2024/tran-binh-minh/anh-160.jpg 160w, /2024/tran-binh-minh/anh-320.jpg 320w, /2024/tran-binh-minh/anh-640.jpg 640w""#), "{page}");
    assert!(page.contains(r#"width="320" height="427" alt="Ảnh chân dung Trần Bình Minh""#));
    // Cards use the small sizes, lazily, at the intrinsic size of their src.
    let year = html(&f, "2024/index.html");
    assert!(year.contains(r#"<img src="/2024/tran-binh-minh/anh-160.jpg" srcset="/2024/tran-binh-minh/anh-160.jpg 160w, /2024/tran-binh-minh/anh-320.jpg 320w""#), "{year}");
    assert!(year.contains(r#"width="160" height="213" alt="" loading="lazy""#));
}

#[test]
fn a_photo_without_consent_is_nowhere_in_the_output() {
    let f = sample_site();
    built(&f);
    let original = fs::read(f.path("content/2024/bui-quang-hung/anh.jpg")).expect("sample photo");
    for (rel, bytes) in tree(&f.path("output")) {
        assert_ne!(bytes, original, "{rel} is the photo without consent");
        assert!(!rel.ends_with("anh.jpg"), "{rel}");
        assert!(!rel.starts_with("2024/bui-quang-hung/anh"), "{rel}");
    }
    let page = html(&f, "2024/bui-quang-hung/index.html");
    assert!(!page.contains("bui-quang-hung/anh"));
    assert!(page.contains(r#"<span class="avatar avatar-large" style="background:#"#));
    assert!(page.contains(r#"aria-hidden="true">BH</span>"#));
}

#[test]
fn gps_and_serial_numbers_never_reach_the_site() {
    let f = Fixture::new();
    let photo = with_gps_exif(&portrait(600, 800, 7));
    assert!(
        contains(&photo, &LATITUDE) && contains(&photo, SERIAL) && contains(&photo, b"Exif\0\0")
    );
    with_photo(&f, "tran-thi-lan", "Trần Thị Lan", "anh.jpg", Some(&photo));
    built(&f);
    let out = tree(&f.path("output"));
    let sizes: Vec<_> = out
        .keys()
        .filter(|k| k.starts_with("2024/tran-thi-lan/anh-"))
        .collect();
    assert_eq!(
        sizes,
        [
            "2024/tran-thi-lan/anh-160.jpg",
            "2024/tran-thi-lan/anh-320.jpg",
            "2024/tran-thi-lan/anh-600.jpg"
        ]
    );
    for (rel, bytes) in &out {
        assert!(
            !contains(bytes, &LATITUDE),
            "{rel} carries the GPS position"
        );
        assert!(!contains(bytes, SERIAL), "{rel} carries the camera serial");
        assert!(!contains(bytes, b"Exif"), "{rel} carries EXIF");
        assert_ne!(bytes, &photo);
    }
}

/// The `photo` diagnostic the build printed for `file`, at the line of its `photo` key.
fn assert_photo_error(f: &Fixture, err: &str, file: &str) -> String {
    let text = fs::read_to_string(f.path(file)).expect("profile");
    let want = format!("error[photo]: {file}:{}:", line_of(&text, "photo = "));
    let at = err
        .find(&want)
        .unwrap_or_else(|| panic!("no `{want}` in:\n{err}"));
    err[at..].lines().next().unwrap_or_default().to_string()
}

#[test]
fn hostile_photos_give_photo_diagnostics_and_leave_the_output_alone() {
    let f = Fixture::new();
    built(&f);
    let before = tree(&f.path("output"));

    let mut truncated = portrait(400, 500, 3);
    truncated.truncate(truncated.len() / 2);
    f.write_bytes("outside.jpg", &portrait(100, 100, 1));
    let cases: Vec<(&str, &str, Option<Vec<u8>>)> = vec![
        (
            "khong-phai-anh",
            "anh.jpg",
            Some(b"GIF89a? no: plain text, not a photo".to_vec()),
        ),
        ("cat-cut", "anh.jpg", Some(truncated)),
        ("qua-lon", "anh.png", Some(lying_png(20_000, 20_000))),
        ("bom", "anh.png", Some(bomb_png(10_000, 10_000))),
        ("lien-ket", "anh.jpg", None),
        ("leo-ra", "../../../outside.jpg", None),
    ];
    let mut files = Vec::new();
    for (slug, photo, bytes) in &cases {
        files.push(with_photo(
            &f,
            slug,
            "Nguyễn Văn Thử",
            photo,
            bytes.as_deref(),
        ));
    }
    std::os::unix::fs::symlink(
        f.path("outside.jpg"),
        f.path("content/2024/lien-ket/anh.jpg"),
    )
    .expect("symlink");

    // Four are found by reading the files' headers, as `check` does: the build stops there.
    let out = build(&f);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    for i in [0, 2, 4, 5] {
        assert_photo_error(&f, &err, &files[i]);
    }
    assert!(
        assert_photo_error(&f, &err, &files[2]).contains("20000×20000"),
        "{err}"
    );
    assert_eq!(tree(&f.path("output")), before, "the output changed");

    // Two only decoding finds, and `check` decodes what the build would: it finds them
    // too, with the same `photo` diagnostic at the same place.
    for slug in ["khong-phai-anh", "qua-lon", "lien-ket", "leo-ra"] {
        fs::remove_dir_all(f.path(&format!("content/2024/{slug}"))).expect("rm");
    }
    let (code, diags) = f.check_json();
    assert_eq!(code, 1, "{diags:?}");
    for (i, words) in [(1, "bị cắt cụt"), (3, "512 MiB")] {
        let d = common::find(&diags, "photo", &files[i]);
        assert!(
            d["message"].as_str().unwrap_or_default().contains(words),
            "{d}"
        );
    }
    let out = build(&f);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        assert_photo_error(&f, &err, &files[1]).contains("bị cắt cụt"),
        "{err}"
    );
    assert!(
        assert_photo_error(&f, &err, &files[3]).contains("512 MiB"),
        "{err}"
    );
    assert_eq!(tree(&f.path("output")), before, "the output changed");
}

fn photo_counts(stdout: &str) -> String {
    let at = stdout
        .find("ảnh: ")
        .unwrap_or_else(|| panic!("no photo counts in {stdout}"));
    stdout[at..]
        .split(';')
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_second_build_reuses_every_photo_and_a_changed_one_is_redone() {
    let f = Fixture::new();
    for (i, slug) in ["mot", "hai", "ba"].into_iter().enumerate() {
        with_photo(
            &f,
            slug,
            "Nguyễn Văn Thử",
            "anh.jpg",
            Some(&portrait(500, 700, i as u8 * 40)),
        );
    }
    assert_eq!(photo_counts(&built(&f)), "ảnh: 3 xử lý, 0 dùng lại");
    let first = tree(&f.path("output"));
    assert_eq!(photo_counts(&built(&f)), "ảnh: 0 xử lý, 3 dùng lại");
    assert_eq!(
        tree(&f.path("output")),
        first,
        "a reused photo gave other bytes"
    );

    // Touching a file changes nothing; changing its pixels redoes it.
    let same = fs::read(f.path("content/2024/hai/anh.jpg")).expect("read");
    f.write_bytes("content/2024/hai/anh.jpg", &same);
    assert_eq!(photo_counts(&built(&f)), "ảnh: 0 xử lý, 3 dùng lại");
    f.write_bytes("content/2024/hai/anh.jpg", &portrait(500, 700, 200));
    assert_eq!(photo_counts(&built(&f)), "ảnh: 1 xử lý, 2 dùng lại");
    let rel = "2024/hai/anh-320.jpg";
    assert_ne!(tree(&f.path("output"))[rel], first[rel]);

    // A photo no longer used leaves the output (and, after a whole build, the cache).
    f.write("content/2024/ba/index.md", &staff("Nguyễn Văn Thử"));
    let out = built(&f);
    assert_eq!(photo_counts(&out), "ảnh: 0 xử lý, 2 dùng lại");
    assert!(!f.path("output/2024/ba/anh-160.jpg").exists());
    let cached = fs::read_dir(f.path(".cache/bangvang/anh"))
        .expect("cache")
        .count();
    assert_eq!(cached, 2 * 4, "two photos: a manifest and three sizes each");
    let out = f.run(&["build", "--lang", "en"]);
    let line = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(line.contains("photos: 0 processed, 2 reused"), "{line}");
}

#[test]
fn the_home_page_favicon_and_logo_resolve() {
    let f = sample_site();
    built(&f);
    let home = html(&f, "index.html");
    for (tag, needle) in [
        ("icon", r#"<link rel="icon" href=""#),
        ("logo", r#"class="brand-logo" src=""#),
    ] {
        let at = home
            .find(needle)
            .unwrap_or_else(|| panic!("no {tag} in the home page"))
            + needle.len();
        let href = &home[at..at + home[at..].find('"').expect("quoted")];
        let file = f.path(&format!("output/{}", href.trim_start_matches('/')));
        assert!(file.is_file(), "{tag} {href} is not in output/");
        assert!(fs::read_to_string(file).expect("svg").contains("<svg"));
    }
}
