//! `precompress = true`: a `.gz` beside every HTML, CSS, JavaScript, JSON, XML and SVG
//! file, which decompresses to the file's bytes, is rewritten only when its file changed,
//! and goes when `precompress` is turned off again.

mod common;

use std::fs;
use std::io::Read;
use std::time::SystemTime;

use common::{Fixture, SITE_TOML, staff, tree};

fn mtime(f: &Fixture, rel: &str) -> SystemTime {
    fs::metadata(f.path(&format!("output/{rel}")))
        .and_then(|m| m.modified())
        .expect("mtime")
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("a gzip file");
    out
}

#[test]
fn every_text_file_has_a_gz_of_the_same_bytes_written_only_when_it_changes() {
    let f = Fixture::new();
    f.write(
        "content/site.toml",
        &format!("{SITE_TOML}precompress = true\n"),
    );
    let build = |f: &Fixture| {
        let out = f.run(&["build"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    build(&f);
    let files = tree(&f.path("output"));
    let texts: Vec<&String> = files
        .keys()
        // bangvang's own bookkeeping (the list of the files it wrote) is not the site's.
        .filter(|k| !k.starts_with(".bangvang-"))
        .filter(|k| {
            [".html", ".css", ".js", ".json", ".xml", ".svg"]
                .iter()
                .any(|e| k.ends_with(e))
        })
        .collect();
    assert!(texts.len() > 15, "{texts:?}");
    for rel in &texts {
        let gz = files
            .get(&format!("{rel}.gz"))
            .unwrap_or_else(|| panic!("no {rel}.gz"));
        assert_eq!(gunzip(gz), files[*rel], "{rel}.gz");
        assert!(
            gz.len() < files[*rel].len() || files[*rel].len() < 200,
            "{rel}.gz is no smaller"
        );
    }
    for rel in files.keys().filter(|k| k.ends_with(".gz")) {
        assert!(
            files.contains_key(rel.trim_end_matches(".gz")),
            "{rel} beside nothing"
        );
    }

    // One story edited: that page and its .gz are written again, the others are not.
    let before = |rel: &str| mtime(&f, rel);
    let untouched = ["2024/phong-quan-ly-xay-dung/index.html", "style.css"];
    let kept: Vec<_> = untouched
        .iter()
        .flat_map(|r| [r.to_string(), format!("{r}.gz")])
        .map(|r| (before(&r), r))
        .collect();
    let edited = "2024/nguyen-thi-hanh/index.html";
    let old_gz = fs::read(f.path(&format!("output/{edited}.gz"))).expect("gz");
    f.write(
        "content/2024/nguyen-thi-hanh.md",
        &staff("Nguyễn Thị Hạnh")
            .replace("Chị đã số hoá toàn bộ hồ sơ.", "Chị đã số hoá mọi hồ sơ."),
    );
    build(&f);
    for (t, rel) in &kept {
        assert_eq!(mtime(&f, rel), *t, "{rel} was written again");
    }
    let page = fs::read(f.path(&format!("output/{edited}"))).expect("page");
    let gz = fs::read(f.path(&format!("output/{edited}.gz"))).expect("gz");
    assert_ne!(gz, old_gz);
    assert_eq!(gunzip(&gz), page);
    assert!(String::from_utf8_lossy(&page).contains("mọi hồ sơ"));

    // The same site built elsewhere gives the same .gz, byte for byte.
    let again = f.run(&["build", "--output", "output-2"]);
    assert!(again.status.success());
    assert_eq!(tree(&f.path("output-2")), tree(&f.path("output")));

    // Turned off, the .gz files go.
    f.write("content/site.toml", SITE_TOML);
    build(&f);
    let files = tree(&f.path("output"));
    assert!(!files.keys().any(|k| k.ends_with(".gz")));
    assert!(files.contains_key("index.html"));
}
