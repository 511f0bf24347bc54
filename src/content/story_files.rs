//! The files a story uses, looked for beside it: `![](tong-ket.jpg)` in
//! `2024/le-thi-lan/index.md` is `content/2024/le-thi-lan/tong-ket.jpg` (in
//! `2024/le-thi-lan.md`, `content/2024/tong-ket.jpg`). Nothing outside `content/` is
//! read, and no file is published that could run in the site's name (a web page, a
//! script), give away what is not public (a profile, a plan, a hidden file), or take the
//! place of a file the build makes.

use std::fs;
use std::io::{self, Read};
use std::path::{Component, Path};

use super::load::MAX_PHOTO_SIDE;
use super::story_refs::{StoryFacts, StoryFile, Target};

/// Extensions never copied onto the site.
const REFUSED: &[&str] = &[
    "htm", "html", "xhtml", "shtml", "svg", "svgz", "xml", "xsl", "xslt", "js", "mjs", "php", "md",
    "markdown", "toml",
];

/// Whether the build makes a file of this name in a page's folder: the page, the sizes
/// of the portrait (`anh-320.jpg`, `media::photos::file_name`), its share card and QR
/// code.
pub fn reserved(name: &str) -> bool {
    let portrait = name
        .strip_prefix("anh-")
        .and_then(|r| r.strip_suffix(".jpg"))
        .is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
    portrait
        || matches!(
            name,
            "index.html" | "qr.svg" | "the-chia-se.png" | "the-chia-se.jpg"
        )
}

/// A file of `dir` whose name is `name` but for letter case.
pub fn near_name(dir: &Path, name: &str) -> Option<String> {
    let want = name.to_lowercase();
    fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.to_lowercase() == want && n != name)
}

/// What is at `name` (a path from the story's folder `dir`), inside `content_real`.
pub fn locate(content_real: &Path, dir: &Path, name: &str) -> StoryFile {
    let rel = Path::new(name.trim_end_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return StoryFile::Outside;
    }
    let hidden = rel.components().any(|c| {
        let s = c.as_os_str().to_string_lossy();
        s.starts_with('.') || s.starts_with('_')
    });
    let ext = rel
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if hidden || REFUSED.contains(&ext.as_str()) {
        return StoryFile::Refused;
    }
    if rel.components().count() == 1 && reserved(name) {
        return StoryFile::Reserved;
    }
    let path = dir.join(rel);
    let real = match path.canonicalize() {
        Ok(real) => real,
        Err(_) => {
            let (parent, file) = match (path.parent(), path.file_name()) {
                (Some(p), Some(f)) => (p, f.to_string_lossy().into_owned()),
                _ => return StoryFile::Missing { near: None },
            };
            return StoryFile::Missing {
                near: near_name(parent, &file).map(|n| match name.rsplit_once('/') {
                    Some((folder, _)) => format!("{folder}/{n}"),
                    None => n,
                }),
            };
        }
    };
    if !real.starts_with(content_real) {
        return StoryFile::Outside;
    }
    if !real.is_file() || name.ends_with('/') {
        return StoryFile::NotAFile;
    }
    match image_size(&real) {
        Ok(Some((width, height))) if width > MAX_PHOTO_SIDE || height > MAX_PHOTO_SIDE => {
            StoryFile::TooLarge { width, height }
        }
        Ok(image) => StoryFile::Found { path: real, image },
        Err(e) => StoryFile::Damaged(e),
    }
}

/// The dimensions of a JPEG, PNG or WebP file from its header; `None` for other files.
fn image_size(path: &Path) -> Result<Option<(u32, u32)>, String> {
    let mut head = [0u8; 64];
    let n = fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(|e: io::Error| e.to_string())?;
    let format = match image::guess_format(&head[..n]) {
        Ok(f @ (image::ImageFormat::Jpeg | image::ImageFormat::Png | image::ImageFormat::WebP)) => {
            f
        }
        _ => return Ok(None),
    };
    let mut reader = image::ImageReader::open(path).map_err(|e| e.to_string())?;
    reader.set_format(format);
    reader
        .into_dimensions()
        .map(Some)
        .map_err(|e| e.to_string())
}

/// Looks for every file `facts` names, in the story's folder `dir`.
pub fn locate_all(content_real: &Path, dir: &Path, facts: &mut StoryFacts) {
    for r in &mut facts.refs {
        if let Target::File { name, found } = &mut r.target {
            *found = locate(content_real, dir, name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_may_sit_beside_a_story() {
        let tmp = tempfile::tempdir().expect("tmp");
        let content = tmp.path().join("content");
        let dir = content.join("2024/an");
        fs::create_dir_all(dir.join("hinh")).expect("mkdir");
        fs::write(dir.join("bao-cao.pdf"), b"%PDF-1.4").expect("write");
        fs::write(dir.join("ANH.JPG"), b"not really").expect("write");
        fs::write(tmp.path().join("ngoai.pdf"), b"%PDF").expect("write");
        let real = content.canonicalize().expect("real");
        let found = |n: &str| locate(&real, &dir, n);
        assert!(matches!(
            found("bao-cao.pdf"),
            StoryFile::Found { image: None, .. }
        ));
        assert_eq!(
            found("anh.jpg"),
            StoryFile::Missing {
                near: Some("ANH.JPG".into())
            }
        );
        assert_eq!(found("khong-co.pdf"), StoryFile::Missing { near: None });
        assert_eq!(found("hinh"), StoryFile::NotAFile);
        assert_eq!(found("trang.html"), StoryFile::Refused);
        assert_eq!(found("so-do.SVG"), StoryFile::Refused);
        assert_eq!(found("ghi-chu.md"), StoryFile::Refused);
        assert_eq!(found(".env"), StoryFile::Refused);
        assert_eq!(found("anh-320.jpg"), StoryFile::Reserved);
        assert_eq!(found("../../../ngoai.pdf"), StoryFile::Outside);
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(tmp.path().join("ngoai.pdf"), dir.join("lien-ket.pdf"))
                .expect("symlink");
            assert_eq!(found("lien-ket.pdf"), StoryFile::Outside);
        }
    }
}
