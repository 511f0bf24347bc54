//! What a share card shows and where: the agency on a red band, the picture (the
//! consented photo, the initials on their colour, the year, or the star) in a gold
//! frame on the left, and on the right the year's title, the name, the position and
//! unit, and the provincial mark; the site's address at the foot.

use super::canvas::{self, Canvas, Rgb};
use super::font::{self, Weight};
use super::layout::{self, Block, Spec};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

const RED: Rgb = [0x8f, 0x1d, 0x21];
const GOLD: Rgb = [0xd9, 0xa4, 0x2b];
const CREAM: Rgb = [0xfd, 0xf8, 0xee];
const FOOT: Rgb = [0xf3, 0xe8, 0xd2];
const INK: Rgb = [0x1d, 0x18, 0x15];
const MUTED: Rgb = [0x4a, 0x3f, 0x38];
const WHITE: Rgb = [0xff, 0xff, 0xff];

/// The picture on the left of a card.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Picture {
    /// A consented photo, drawn from its pixels (`Photo` in [`draw`]).
    Photo,
    /// Initials on a colour (`#rrggbb`).
    Initials { text: String, color: String },
    /// A year's card: the year on red.
    Year(u16),
    /// The home page's card: the star on red.
    Star,
}

/// Everything a card is made from (with the photo's pixels, when it has one).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Content {
    /// The agency, on the band at the top.
    pub agency: String,
    /// "Điển hình tiên tiến năm 2024", above the title.
    pub kicker: String,
    /// The name, the collective's name, or the page's title.
    pub title: String,
    /// The lines under the title: position, unit; or the plan and the counts.
    pub lines: Vec<String>,
    /// The provincial mark's words, when the exemplar has it.
    pub mark: Option<String>,
    /// The site's address (or title), at the foot.
    pub foot: String,
    pub picture: Picture,
}

/// A photo's pixels: RGB, `width`×`height`.
pub struct Photo {
    pub width: u32,
    pub height: u32,
    pub rgb: Vec<u8>,
}

const FRAME: (i32, i32, u32, u32) = (60, 140, 300, 400);
const COLUMN_X: f32 = 410.0;
const COLUMN_W: f32 = 730.0;
const TOP: i32 = 124;
const BOTTOM: i32 = 556;

fn parse_color(hex: &str) -> Rgb {
    let h = hex.trim_start_matches('#');
    let byte = |i: usize| {
        h.get(i..i + 2)
            .and_then(|s| u8::from_str_radix(s, 16).ok())
            .unwrap_or(0x55)
    };
    [byte(0), byte(2), byte(4)]
}

fn block(text: &str, weight: Weight, sizes: &[u16], max_lines: usize, width: f32) -> Block {
    layout::set(&Spec {
        text,
        weight,
        sizes,
        max_lines,
        width,
    })
}

/// Draws a block's lines from `top`, left-aligned at `x` (or centred on `x` when
/// `centre`); returns the bottom.
fn draw_block(c: &mut Canvas, b: &Block, x: f32, top: i32, color: Rgb, centre: bool) -> i32 {
    let lh = b.line_height();
    let ascent = (f32::from(b.size) * 0.98).round() as i32;
    for (k, (glyphs, w)) in b.lines.iter().enumerate() {
        let x = if centre { x - w / 2.0 } else { x };
        c.glyphs(
            b.weight,
            b.size,
            glyphs,
            x,
            top + ascent + k as i32 * lh,
            color,
        );
    }
    top + b.height()
}

/// The right column's text, at the largest sizes at which it fits between the band and
/// the foot.
fn column(content: &Content) -> (Block, Block, Vec<Block>, Option<Block>) {
    const TITLE: [u16; 5] = [68, 60, 52, 46, 40];
    const LINE: [u16; 4] = [34, 30, 27, 24];
    let mut shrink = 0;
    loop {
        let kicker = block(&content.kicker, Weight::Bold, &[30, 26], 1, COLUMN_W);
        let title = block(
            &content.title,
            Weight::Bold,
            &TITLE[shrink.min(4)..],
            2,
            COLUMN_W,
        );
        let lines: Vec<Block> = content
            .lines
            .iter()
            .filter(|l| !l.trim().is_empty())
            .map(|l| block(l, Weight::Medium, &LINE[shrink.min(3)..], 2, COLUMN_W))
            .collect();
        let mark = content
            .mark
            .as_ref()
            .map(|m| block(m, Weight::Bold, &[26], 1, COLUMN_W - 80.0));
        let height = kicker.height()
            + 14
            + title.height()
            + 12
            + lines.iter().map(|l| l.height() + 6).sum::<i32>()
            + mark.as_ref().map_or(0, |_| 18 + 56);
        if height <= BOTTOM - TOP || shrink >= 3 {
            return (kicker, title, lines, mark);
        }
        shrink += 1;
    }
}

fn picture(c: &mut Canvas, p: &Picture, photo: Option<&Photo>) {
    let (x, y, w, h) = FRAME;
    c.rect(x - 6, y - 6, w + 12, h + 12, GOLD);
    match (p, photo) {
        (Picture::Photo, Some(ph)) => c.image(x as u32, y as u32, ph.width, ph.height, &ph.rgb),
        (Picture::Initials { text, color }, _) => {
            c.rect(x, y, w, h, parse_color(color));
            let b = block(text, Weight::Bold, &[150, 120, 96], 1, w as f32 - 40.0);
            let top = y + (h as i32 - b.line_height()) / 2 + 8;
            draw_block(c, &b, x as f32 + w as f32 / 2.0, top, WHITE, true);
        }
        (Picture::Year(year), _) => {
            c.rect(x, y, w, h, RED);
            let star = &*canvas::BIG_STAR;
            let sx = x + (w as i32 - star.size as i32) / 2;
            c.mask(sx, y + 50, star.size, star.size, &star.coverage, GOLD);
            let b = block(&year.to_string(), Weight::Bold, &[96], 1, w as f32 - 30.0);
            draw_block(c, &b, x as f32 + w as f32 / 2.0, y + 230, WHITE, true);
        }
        (Picture::Star, _) | (Picture::Photo, None) => {
            c.rect(x, y, w, h, RED);
            let star = &*canvas::BIG_STAR;
            let sx = x + (w as i32 - star.size as i32) / 2;
            let sy = y + (h as i32 - star.size as i32) / 2;
            c.mask(sx, sy, star.size, star.size, &star.coverage, GOLD);
        }
    }
}

/// The provincial mark: a gold pill with a star and its words, at `top`.
fn mark(c: &mut Canvas, b: &Block, top: i32) {
    let width = b.lines.first().map_or(0.0, |l| l.1) as u32 + 84;
    let x = COLUMN_X as i32;
    c.rect(x, top, width, 56, GOLD);
    let star = &*canvas::SMALL_STAR;
    c.mask(x + 16, top + 12, star.size, star.size, &star.coverage, RED);
    draw_block(c, b, COLUMN_X + 58.0, top + 8, INK, false);
}

/// Draws the card; `photo` holds the pixels of a [`Picture::Photo`], already cut to the
/// frame (see [`FRAME_SIZE`]).
pub fn draw(content: &Content, photo: Option<&Photo>) -> Canvas {
    let mut c = Canvas::new(WIDTH, HEIGHT, CREAM);
    c.rect(0, 0, WIDTH, 92, RED);
    c.rect(0, 92, WIDTH, 8, GOLD);
    let agency = block(&content.agency, Weight::Medium, &[30, 26, 22], 1, 1080.0);
    draw_block(&mut c, &agency, 60.0, 24, WHITE, false);
    picture(&mut c, &content.picture, photo);

    let (kicker, title, lines, provincial) = column(content);
    let height = kicker.height()
        + 14
        + title.height()
        + 12
        + lines.iter().map(|l| l.height() + 6).sum::<i32>()
        + provincial.as_ref().map_or(0, |_| 18 + 56);
    let mut y = TOP + ((BOTTOM - TOP - height) / 2).max(0);
    y = draw_block(&mut c, &kicker, COLUMN_X, y, RED, false) + 14;
    y = draw_block(&mut c, &title, COLUMN_X, y, INK, false) + 12;
    for l in &lines {
        y = draw_block(&mut c, l, COLUMN_X, y, MUTED, false) + 6;
    }
    if let Some(m) = &provincial {
        mark(&mut c, m, y + 18);
    }

    c.rect(0, 574, WIDTH, 56, FOOT);
    let foot = block(&content.foot, Weight::Medium, &[24, 20], 1, 1080.0);
    let fw = foot.lines.first().map_or(0.0, |l| l.1);
    draw_block(&mut c, &foot, 1140.0 - fw, 584, MUTED, false);
    c
}

/// The size a photo is cut to for the frame.
pub const FRAME_SIZE: (u32, u32) = (FRAME.2, FRAME.3);

/// The characters of `content` the font cannot draw, with the text each is in.
pub fn missing(content: &Content) -> Option<(char, String)> {
    let mut texts: Vec<&String> = vec![&content.agency, &content.kicker, &content.title];
    texts.extend(&content.lines);
    texts.extend(&content.mark);
    texts.push(&content.foot);
    if let Picture::Initials { text, .. } = &content.picture {
        texts.push(text);
    }
    texts
        .into_iter()
        .find_map(|t| font::missing(t).map(|c| (c, t.clone())))
}
