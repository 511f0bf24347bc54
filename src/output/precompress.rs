//! `precompress = true` in site.toml: a `.gz` beside every HTML, CSS, JavaScript, JSON,
//! XML and SVG file of the site, which nginx (`gzip_static on`) and Apache send as they
//! are to browsers that accept gzip, instead of compressing each answer again.
//!
//! The `.gz` goes into the same sink as its file, so the build's rules hold for it too:
//! written only when its bytes changed, removed when its file goes. Its gzip header holds
//! no file name and no time, so the same file always gives the same `.gz`.

use std::io::Write;

use flate2::{Compression, GzBuilder};

use super::Sink;

/// The endings of the files that get a `.gz`.
const TEXT: [&str; 6] = [".html", ".css", ".js", ".json", ".xml", ".svg"];

/// Whether the file at `rel` gets a `.gz` beside it.
pub fn compressible(rel: &str) -> bool {
    TEXT.iter().any(|end| rel.ends_with(end))
}

/// `bytes` compressed with gzip at the best level, with no name and no time in the header.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = GzBuilder::new().mtime(0).write(
        Vec::with_capacity(bytes.len() / 3 + 64),
        Compression::best(),
    );
    // Writing into memory cannot fail.
    let _ = gz.write_all(bytes);
    gz.finish().unwrap_or_default()
}

/// A sink that puts, beside each text file, its `.gz`, into the sink it wraps.
pub struct Precompressed<'a> {
    inner: &'a dyn Sink,
}

impl<'a> Precompressed<'a> {
    pub fn new(inner: &'a dyn Sink) -> Precompressed<'a> {
        Precompressed { inner }
    }
}

impl Sink for Precompressed<'_> {
    fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), String> {
        self.inner.put(rel, bytes)?;
        if compressible(rel) {
            self.inner.put(&format!("{rel}.gz"), &gzip(bytes))?;
        }
        Ok(())
    }

    fn put_file(&self, rel: &str, from: &std::path::Path) -> Result<(), String> {
        if compressible(rel) {
            let bytes = std::fs::read(from).map_err(|e| format!("{}: {e}", from.display()))?;
            return self.put(rel, &bytes);
        }
        self.inner.put_file(rel, from)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::io::Read;
    use std::sync::Mutex;

    use super::*;

    #[derive(Default)]
    struct Files(Mutex<BTreeMap<String, Vec<u8>>>);

    impl Sink for Files {
        fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), String> {
            let mut files = self.0.lock().map_err(|e| e.to_string())?;
            files.insert(rel.to_string(), bytes.to_vec());
            Ok(())
        }
    }

    #[test]
    fn text_files_get_a_gz_that_gives_back_their_bytes() {
        let files = Files::default();
        let sink = Precompressed::new(&files);
        let page = "<!DOCTYPE html><p>Nguyễn Văn An</p>".repeat(50);
        sink.put("2024/a/index.html", page.as_bytes()).unwrap();
        sink.put("2024/a/anh-160.jpg", b"\xff\xd8").unwrap();
        sink.put("tim-kiem/d/0.json", b"[]").unwrap();
        let files = files.0.into_inner().unwrap();
        let names: Vec<&str> = files.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "2024/a/anh-160.jpg",
                "2024/a/index.html",
                "2024/a/index.html.gz",
                "tim-kiem/d/0.json",
                "tim-kiem/d/0.json.gz"
            ]
        );
        let gz = &files["2024/a/index.html.gz"];
        assert!(gz.len() < page.len() / 10, "{} of {}", gz.len(), page.len());
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, page);
    }

    #[test]
    fn the_same_bytes_give_the_same_gz_with_no_name_and_no_time() {
        let a = gzip(b"<svg></svg>");
        assert_eq!(a, gzip(b"<svg></svg>"));
        // ID1 ID2 CM FLG MTIME(4): no flag (no name, no comment), a zero time.
        assert_eq!(&a[..8], &[0x1f, 0x8b, 8, 0, 0, 0, 0, 0]);
    }
}
