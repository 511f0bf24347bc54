//! Files beside a story, end to end: images published like photos (decoded, encoded
//! again in their own format, no metadata, at most 1280 pixels wide), other files as
//! they are, links that follow `base_url`, ids apart from the theme's; only for stories
//! that are published; and a story nested 200,000 deep refused in linear time.

use std::fs;
use std::time::Instant;

use super::photos::{LATITUDE, SERIAL, portrait, with_gps_exif};
use super::{built, contains, html, stderr};
use crate::common::{Fixture, staff};

/// A recognised member of staff, as a bundle whose story is `story`.
fn bundle(f: &Fixture, slug: &str, story: &str) {
    let text = staff("Nguyễn Văn Thử").replace("Chị đã số hoá toàn bộ hồ sơ.", story);
    f.write(&format!("content/2024/{slug}/index.md"), &text);
}

fn png_with_text_chunk(w: u32, h: u32) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    image::RgbaImage::from_pixel(w, h, image::Rgba([0, 90, 200, 128]))
        .write_to(&mut out, image::ImageFormat::Png)
        .expect("png");
    let mut png = out.into_inner();
    // A tEXt chunk after the header, as editors write an author or a comment.
    let text = b"tEXtAuthor\0Nguyen Van Thu";
    let mut chunk = (text.len() as u32 - 4).to_be_bytes().to_vec();
    chunk.extend_from_slice(text);
    chunk.extend_from_slice(&crc32(text).to_be_bytes());
    png.splice(33..33, chunk);
    png
}

/// The CRC of a PNG chunk (ISO 3309), over its type and data.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn story_files_are_published_beside_the_page_images_without_metadata() {
    let f = Fixture::new();
    let story = "# Kết quả\n\n![Hội nghị](hoi-nghi.jpg)\n\n![Sơ đồ](hinh/so-do.png)\n\n[Báo cáo](bao-cao.pdf) · [anh Dũng](/2024/le-van-dung/) · [phòng](../phong-quan-ly-xay-dung/) · [kết quả](#ket-qua)[^1]\n\n[^1]: Ghi chú.\n";
    bundle(&f, "nguoi-thu", story);
    let camera = with_gps_exif(&portrait(2400, 1600, 7));
    f.write_bytes("content/2024/nguoi-thu/hoi-nghi.jpg", &camera);
    f.write_bytes(
        "content/2024/nguoi-thu/hinh/so-do.png",
        &png_with_text_chunk(300, 200),
    );
    let pdf = b"%PDF-1.4\n% a report\n".to_vec();
    f.write_bytes("content/2024/nguoi-thu/bao-cao.pdf", &pdf);
    let out = f.run(&["build", "--base-url", "/thi-dua/"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let jpg = fs::read(f.path("output/2024/nguoi-thu/hoi-nghi.jpg")).expect("published");
    assert!(jpg.starts_with(&[0xFF, 0xD8]));
    assert!(!contains(&jpg, &LATITUDE) && !contains(&jpg, SERIAL) && !contains(&jpg, b"Exif\0\0"));
    let img = image::load_from_memory(&jpg).expect("decodes");
    assert_eq!(
        (img.width(), img.height()),
        (1280, 853),
        "at most 1280 wide, its aspect kept"
    );
    let png = fs::read(f.path("output/2024/nguoi-thu/hinh/so-do.png")).expect("published");
    assert_eq!(
        image::guess_format(&png).ok(),
        Some(image::ImageFormat::Png)
    );
    assert!(!contains(&png, b"tEXt") && !contains(&png, b"Nguyen Van Thu"));
    assert!(
        image::load_from_memory(&png)
            .expect("decodes")
            .color()
            .has_alpha()
    );
    assert_eq!(
        fs::read(f.path("output/2024/nguoi-thu/bao-cao.pdf")).expect("copied"),
        pdf
    );

    let page = html(&f, "2024/nguoi-thu/index.html");
    for want in [
        "src=\"hoi-nghi.jpg\"",
        "href=\"/thi-dua/2024/le-van-dung/\"",
        "href=\"../phong-quan-ly-xay-dung/\"",
        "href=\"#cc-ket-qua\"",
        "id=\"cc-ket-qua\"",
        "href=\"#cc-fn-1\"",
    ] {
        assert!(page.contains(want), "{want} in the page");
    }
    // The second build makes no image again: they come from the cache, the same bytes.
    let cached = fs::read_dir(f.path(".cache/bangvang/truyen"))
        .expect("cache")
        .count();
    assert_eq!(cached, 2);
    let out = f.run(&["build", "--base-url", "/thi-dua/", "--drafts"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        fs::read(f.path("output/2024/nguoi-thu/hoi-nghi.jpg")).expect("again"),
        jpg
    );
}

#[test]
fn only_published_stories_publish_their_files() {
    let f = Fixture::new();
    bundle(&f, "cho-xet", "[Báo cáo](bao-cao.pdf)");
    let pending = fs::read_to_string(f.path("content/2024/cho-xet/index.md"))
        .expect("read")
        .replace(
            "[decision]\nnumber = \"1456/QĐ-SXD\"\ndate = 2024-12-16\n",
            "",
        );
    f.write("content/2024/cho-xet/index.md", &pending);
    f.write_bytes("content/2024/cho-xet/bao-cao.pdf", b"%PDF");
    built(&f);
    assert!(!f.path("output/2024/cho-xet").exists());
    let out = f.run(&["build", "--drafts"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(f.path("output/2024/cho-xet/bao-cao.pdf").exists());
}

#[test]
fn a_story_nested_200000_deep_is_refused_in_linear_time() {
    let f = Fixture::new();
    let n = 200_000;
    bundle(
        &f,
        "long-nhau",
        &format!("{}x{}", "<div>".repeat(n), "</div>".repeat(n)),
    );
    let at = Instant::now();
    let out = f.run(&["build"]);
    let took = at.elapsed();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("error[syntax]"), "{}", stderr(&out));
    assert!(took.as_secs() < 60, "{took:?}");
}
