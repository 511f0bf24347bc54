//! The share cards' font, built into the program: Noto Sans (SIL OFL 1.1, in
//! `assets/fonts/` with its licence), Bold and Medium, subset to the letters Vietnamese
//! needs; chosen over Be Vietnam Pro because Tesseract's Vietnamese model reads it
//! reliably (Be Vietnam Pro's "a" before "i" came back as "ơ"). Text is normalised to NFC, checked against the font's character map (a letter
//! the font lacks is an error, never a box), shaped with harfrust (HarfBuzz's shaping in
//! Rust: kerning, and marks placed by the font's own anchors), and each glyph is
//! rasterised once per size and quarter-pixel position by tiny-skia, then kept for every
//! later card of the thread.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::LazyLock;

use harfrust::font::glyph::outline::{DrawMemory, DrawOptions, PathSink};
use harfrust::{Buffer, Direction, Font, Language, Script, ShapeOptions, ShapePlan, ShaperFont};
use tiny_skia::{FillRule, Mask, PathBuilder, Transform};
use unicode_normalization::UnicodeNormalization;

static BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");
static MEDIUM: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Medium.ttf");

/// The two weights a card uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Bold,
    Medium,
}

/// One weight, parsed once, with its shaping plan for Vietnamese.
pub struct Face {
    font: Font,
    plan: ShapePlan,
    upem: f32,
}

impl Face {
    fn load(bytes: &'static [u8]) -> Face {
        // The font is part of the program: a test loads both, so this cannot fail for a
        // build that passed its tests.
        let font = Font::new(bytes, 0).expect("the built-in font parses");
        let language = "vi".parse::<Language>().ok();
        let plan = ShapePlan::new(
            &font,
            Direction::LeftToRight,
            Some(Script::LATIN),
            language.as_ref(),
            &[],
        );
        let upem = f32::from(font.units_per_em());
        Face { font, plan, upem }
    }
}

static FACES: LazyLock<[Face; 2]> = LazyLock::new(|| [Face::load(BOLD), Face::load(MEDIUM)]);

pub fn face(w: Weight) -> &'static Face {
    &FACES[w as usize]
}

/// What the font files are: part of every card's cache key, so a new font remakes them.
pub fn fingerprint() -> &'static str {
    static PRINT: LazyLock<String> = LazyLock::new(|| {
        let mut h = blake3::Hasher::new();
        h.update(BOLD);
        h.update(MEDIUM);
        h.finalize().to_hex()[..16].to_string()
    });
    &PRINT
}

/// `text` as a card sets it: NFC, every run of white space one space, trimmed.
pub fn normalise(text: &str) -> String {
    let nfc: String = text.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Control characters and noncharacters: refused in any text by their own rule, so they
/// are never a card's to report.
fn refused_elsewhere(c: char) -> bool {
    let n = u32::from(c);
    c.is_control() || (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE
}

/// The first character of `text` (after [`normalise`]) that the font cannot draw.
pub fn missing(text: &str) -> Option<char> {
    let text = normalise(text);
    [Weight::Bold, Weight::Medium].into_iter().find_map(|w| {
        let charmap = face(w).font.charmap();
        text.chars()
            .find(|&c| c != ' ' && !refused_elsewhere(c) && charmap.map_unicode(c).is_none())
    })
}

/// A glyph placed by shaping, in font units: its id, where its cluster starts in the
/// text, how far it moves the pen and its offset from the pen.
#[derive(Debug, Clone, Copy)]
pub struct Glyph {
    pub id: u32,
    pub cluster: u32,
    pub advance: i32,
    pub dx: i32,
    pub dy: i32,
}

/// Shapes normalised `text` (see [`normalise`]) in one weight.
pub fn shape(w: Weight, text: &str) -> Vec<Glyph> {
    let f = face(w);
    let mut buffer = Buffer::new();
    buffer.push_str(text);
    buffer.set_direction(Direction::LeftToRight);
    buffer.set_script(Some(Script::LATIN));
    buffer.set_language(f.plan.language().cloned());
    let shaper = ShaperFont::new(&f.font);
    if harfrust::shape(
        &shaper,
        &mut buffer,
        ShapeOptions::new().plan(Some(&f.plan)),
    )
    .is_err()
    {
        return Vec::new();
    }
    buffer
        .glyph_infos()
        .iter()
        .zip(buffer.glyph_positions())
        .map(|(i, p)| Glyph {
            id: i.glyph_id,
            cluster: i.cluster,
            advance: p.x_advance,
            dx: p.x_offset,
            dy: p.y_offset,
        })
        .collect()
}

/// Pixels per font unit at `px` pixels to the em.
pub fn scale(w: Weight, px: u16) -> f32 {
    f32::from(px) / face(w).upem
}

/// A glyph's coverage, 0–255 per pixel, and where its top-left corner sits relative to
/// the pen on the baseline.
#[derive(Debug)]
pub struct Raster {
    pub left: i32,
    pub top: i32,
    pub width: u32,
    pub height: u32,
    pub coverage: Vec<u8>,
}

/// Collects an outline (y up, pixels) into a tiny-skia path (y down).
struct Pen(PathBuilder);

impl PathSink for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, -y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, -y);
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.0.quad_to(cx0, -cy0, x, -y);
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.0.cubic_to(cx0, -cy0, cx1, -cy1, x, -y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}

/// Quarter pixels: enough for even spacing, few enough to keep every raster.
pub const SUBPIXELS: u8 = 4;

fn rasterise(w: Weight, id: u32, px: u16, sub: u8) -> Option<Raster> {
    let f = face(w);
    let glyph = f.font.outline_glyphs().get(id.into())?;
    let mut pen = Pen(PathBuilder::new());
    let options = DrawOptions::new().with_ppem(Some(f32::from(px)));
    glyph.draw(&options, DrawMemory::Scratch, &mut pen).ok()?;
    let path = pen.0.finish()?;
    let shift = f32::from(sub) / f32::from(SUBPIXELS);
    let b = path.bounds();
    let left = (b.left() + shift).floor() as i32;
    let top = b.top().floor() as i32;
    let width = ((b.right() + shift).ceil() as i32 - left).max(1) as u32;
    let height = (b.bottom().ceil() as i32 - top).max(1) as u32;
    let mut mask = Mask::new(width, height)?;
    let at = Transform::from_translate(shift - left as f32, -top as f32);
    mask.fill_path(&path, FillRule::Winding, true, at);
    Some(Raster {
        left,
        top,
        width,
        height,
        coverage: mask.data().to_vec(),
    })
}

type Key = (Weight, u32, u16, u8);

/// The glyphs a thread keeps drawn, in bytes of coverage at most: a long text shrinks to
/// fit its card, so 100,000 cards reach many sizes, and a cache that kept every one grew
/// by a hundred megabytes a thread, kept after the cards were made. Past this it starts
/// again (the glyphs of the sizes in use are drawn again at once).
const RASTER_BYTES: usize = 8 << 20;

/// The glyphs a thread drew, by weight, id, size and quarter pixel, and their bytes.
#[derive(Default)]
struct Rasters {
    drawn: HashMap<Key, Option<Rc<Raster>>>,
    bytes: usize,
}

thread_local! {
    static RASTERS: RefCell<Rasters> = RefCell::new(Rasters::default());
}

/// The raster of glyph `id` at `px` and quarter-pixel offset `sub` (`None` for a glyph
/// without ink, such as a space), made once per thread while its cache has room.
pub fn raster(w: Weight, id: u32, px: u16, sub: u8) -> Option<Rc<Raster>> {
    RASTERS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(found) = cache.drawn.get(&(w, id, px, sub)) {
            return found.clone();
        }
        let made = rasterise(w, id, px, sub).map(Rc::new);
        let size = made.as_ref().map_or(0, |r| r.coverage.len()) + 64;
        if cache.bytes + size > RASTER_BYTES {
            *cache = Rasters::default();
        }
        cache.bytes += size;
        cache.drawn.insert((w, id, px, sub), made.clone());
        made
    })
}

/// How many glyphs this thread keeps drawn, and their bytes (for tests).
#[cfg(test)]
pub fn kept() -> (usize, usize) {
    RASTERS.with(|cache| {
        let cache = cache.borrow();
        (cache.drawn.len(), cache.bytes)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_glyphs_kept_stay_within_their_bytes() {
        let id = face(Weight::Bold)
            .font
            .charmap()
            .map_unicode('Đ')
            .map_or(0, u32::from);
        let first = raster(Weight::Bold, id, 64, 0).expect("ink");
        // The same glyph again is the one kept.
        let again = raster(Weight::Bold, id, 64, 0).expect("ink");
        assert!(Rc::ptr_eq(&first, &again));
        // Every size up to 400 px, each a new raster: the cache starts again when full.
        for px in 20..400 {
            for sub in 0..4 {
                raster(Weight::Bold, id, px, sub);
                assert!(kept().1 <= RASTER_BYTES, "{:?} at {px}", kept());
            }
        }
        let (count, bytes) = kept();
        assert!(count > 0 && bytes > 0);
    }

    /// Every Vietnamese letter with every tone, lower and upper case.
    pub fn vietnamese_letters() -> Vec<String> {
        let vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
        let tones = ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"];
        let mut out = Vec::new();
        for v in vowels {
            for t in tones {
                let lower: String = format!("{v}{t}").nfc().collect();
                out.push(lower.to_uppercase());
                out.push(lower);
            }
        }
        for c in "bcdđghklmnpqrstvx".chars() {
            out.push(c.to_string());
            out.push(c.to_uppercase().collect());
        }
        out
    }

    #[test]
    fn every_vietnamese_letter_has_a_glyph_in_both_weights() {
        let letters = vietnamese_letters();
        assert_eq!(letters.len(), 12 * 6 * 2 + 17 * 2);
        for l in &letters {
            assert_eq!(l.chars().count(), 1, "{l} composes to one character");
            assert_eq!(missing(l), None, "{l}");
            for w in [Weight::Bold, Weight::Medium] {
                // One glyph, or (as the font composes a few, ẹ for one) a letter and its
                // marks placed by the font's anchors: never .notdef, always ink.
                let glyphs = shape(w, l);
                assert!((1..=3).contains(&glyphs.len()), "{l}: {glyphs:?}");
                assert!(glyphs.iter().all(|g| g.id != 0), "{l} is not .notdef");
                assert!(raster(w, glyphs[0].id, 40, 0).is_some(), "{l} has ink");
            }
        }
    }

    #[test]
    fn missing_letters_are_named() {
        assert_eq!(missing("Nguyễn Văn An"), None);
        assert_eq!(missing("Nguyễn 阮 An"), Some('阮'));
        assert_eq!(missing("Анна"), Some('А'));
        // Control characters are the control-character rule's, not the card's.
        assert_eq!(missing("Phạm\u{1b}[2J"), None);
        // Combining marks compose first: a + ̂ + ́ is ấ, which the font has.
        assert_eq!(missing("Tra\u{302}\u{301}n"), None);
    }

    #[test]
    fn stacked_marks_sit_above_the_letter() {
        // ễ: the circumflex and the tilde above the e, both inside the glyph's raster,
        // which reaches higher than the plain e's.
        let e = shape(Weight::Bold, "e")[0].id;
        let stacked = shape(Weight::Bold, "ễ")[0].id;
        let (e, stacked) = (
            raster(Weight::Bold, e, 64, 0).expect("ink"),
            raster(Weight::Bold, stacked, 64, 0).expect("ink"),
        );
        assert!(stacked.top < e.top - 20, "{} vs {}", stacked.top, e.top);
        // A decomposed ễ shapes to the same drawing.
        let nfd = normalise("e\u{302}\u{303}");
        assert_eq!(nfd, "ễ");
    }

    #[test]
    fn normalises_space_and_composition() {
        assert_eq!(
            normalise("  Nguye\u{302}\u{303}n\t Văn\nAn "),
            "Nguyễn Văn An"
        );
        assert_eq!(fingerprint().len(), 16);
    }
}
