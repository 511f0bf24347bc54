//! Unit tests of the share cards: size and format, layout of long texts, a missing letter, the cache and partial builds.

use std::collections::BTreeMap;
use std::sync::Mutex;

use super::*;

#[derive(Default)]
struct Memory(Mutex<BTreeMap<String, Vec<u8>>>);

impl Sink for Memory {
    fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), String> {
        self.0
            .lock()
            .map_err(|e| e.to_string())?
            .insert(rel.to_string(), bytes.to_vec());
        Ok(())
    }
}

fn content(name: &str, mark: bool) -> Content {
    Content {
        agency: "Sở Xây dựng tỉnh Bình Phước".into(),
        kicker: "Điển hình tiên tiến năm 2024".into(),
        title: name.into(),
        lines: vec![
            "Phó Trưởng phòng".into(),
            "Trung tâm Kiểm định chất lượng xây dựng".into(),
        ],
        mark: mark.then(|| "Điển hình cấp tỉnh".into()),
        foot: "thiduakhenthuong.sxd.binhphuoc.gov.vn".into(),
        picture: Picture::Initials {
            text: "ĐĐ".into(),
            color: "#1d4f7a".into(),
        },
    }
}

fn job(dir: &str, c: Content) -> Job {
    Job {
        dir: dir.into(),
        fallback: c.picture.clone(),
        content: c,
        photo: None,
        write: true,
    }
}

#[test]
fn a_card_is_a_small_1200_by_630_palette_png() {
    let (bytes, f) = make(&content("Đặng Thị Đường", true), None).expect("made");
    assert_eq!(f, Format::Png);
    assert!(bytes.len() < 100 * 1024, "{} bytes", bytes.len());
    let img = image::load_from_memory(&bytes).expect("decodes");
    assert_eq!((img.width(), img.height()), (WIDTH, HEIGHT));
}

#[test]
fn a_long_name_and_unit_stay_inside_the_card() {
    let long = content(
        "Phòng Quản lý hoạt động xây dựng, hạ tầng kỹ thuật và phát triển đô thị của Sở",
        true,
    );
    let canvas = design::draw(&long, None);
    assert_eq!(canvas.pixels.len(), (WIDTH * HEIGHT) as usize);
    // Nothing is drawn past the right edge of the column: the last 50 columns of the
    // cream area keep the background colour.
    let cream = [0xfd, 0xf8, 0xee];
    for y in 110..560u32 {
        for x in 1150..WIDTH {
            assert_eq!(canvas.at(x, y), cream, "at {x},{y}");
        }
    }
}

#[test]
fn a_missing_letter_stops_the_card_and_names_it() {
    let jobs = vec![
        job("2024/a", content("Nguyễn Văn An", false)),
        job("2024/b", content("Lý 李 Thu", false)),
    ];
    let sink = Memory::default();
    let out = publish(&jobs, None, false, &sink, false);
    assert_eq!(
        out.missing,
        vec![Missing {
            job: 1,
            ch: '李',
            text: "Lý 李 Thu".into()
        }]
    );
    assert!(out.cards[0].is_some() && out.cards[1].is_none());
}

#[test]
fn the_cache_draws_nothing_again_and_an_edit_only_its_own_card() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("the");
    let mut jobs = vec![
        job("2024/a", content("Nguyễn Văn An", false)),
        job("2024/b", content("Trần Bình Minh", true)),
        job("2024", content("Điển hình tiên tiến năm 2024", false)),
    ];
    let first = Memory::default();
    let out = publish(&jobs, Some(&dir), true, &first, false);
    assert_eq!((out.made, out.reused), (3, 0));
    let second = Memory::default();
    let again = publish(&jobs, Some(&dir), true, &second, false);
    assert_eq!((again.made, again.reused), (0, 3));
    assert_eq!(
        *first.0.lock().expect("lock"),
        *second.0.lock().expect("lock")
    );
    assert_eq!(
        again.cards[0].as_ref().map(|m| m.file.as_str()),
        Some("2024/a/chia-se.png")
    );
    assert_eq!(
        again.cards[2].as_ref().map(|m| m.file.as_str()),
        Some("2024/chia-se.png")
    );

    jobs[1].content.title = "Trần Bình Minh Anh".into();
    let edited = publish(&jobs, Some(&dir), true, &Memory::default(), false);
    assert_eq!((edited.made, edited.reused), (1, 2));
    // The card no build uses any more is gone from the cache.
    let files = std::fs::read_dir(&dir).expect("cache").count();
    assert_eq!(files, 3);
}

#[test]
fn a_partial_build_writes_only_the_cards_it_wants() {
    let mut jobs = vec![
        job("2024/a", content("Nguyễn Văn An", false)),
        job("", content("Điển hình tiên tiến", false)),
    ];
    jobs[0].write = false;
    let sink = Memory::default();
    let out = publish(&jobs, None, false, &sink, false);
    assert_eq!(out.made, 2);
    let written: Vec<String> = sink.0.lock().expect("lock").keys().cloned().collect();
    assert_eq!(written, vec!["chia-se.png".to_string()]);
}

#[test]
fn a_partial_build_only_looks_at_the_cached_cards_it_does_not_write() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("the");
    let mut jobs = vec![
        job("2024/a", content("Nguyễn Văn An", false)),
        job("", content("Điển hình tiên tiến", false)),
    ];
    let whole = publish(&jobs, Some(&dir), true, &Memory::default(), false);
    jobs[1].write = false;
    let sink = Memory::default();
    let partial = publish(&jobs, Some(&dir), false, &sink, false);
    assert_eq!((partial.made, partial.reused), (0, 2));
    assert_eq!(
        partial.cards, whole.cards,
        "the same files, formats and sizes"
    );
    let written: Vec<String> = sink.0.lock().expect("lock").keys().cloned().collect();
    assert_eq!(written, vec!["2024/a/chia-se.png".to_string()]);
}
