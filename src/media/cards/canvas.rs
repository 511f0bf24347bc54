//! A card's pixels: an RGB canvas with flat rectangles, coverage masks (glyphs, the star,
//! rounded corners) blended in 16 steps, and a photo. Blending in steps keeps a card
//! without a photo to a few dozen colours, so it is written as a small palette PNG.

use std::rc::Rc;
use std::sync::LazyLock;

use tiny_skia::{FillRule, Mask, PathBuilder, Transform};

use super::font::{self, Glyph, SUBPIXELS, Weight};

pub type Rgb = [u8; 3];

pub struct Canvas {
    pub width: u32,
    pub height: u32,
    pub rgb: Vec<u8>,
}

/// Coverage 0–255 as 0–16 steps.
fn steps(coverage: u8) -> i32 {
    (i32::from(coverage) * 16 + 127) / 255
}

fn mix(bg: u8, fg: u8, level: i32) -> u8 {
    let (bg, fg) = (i32::from(bg), i32::from(fg));
    (bg + ((fg - bg) * level + 8 * (fg - bg).signum()) / 16) as u8
}

impl Canvas {
    pub fn new(width: u32, height: u32, bg: Rgb) -> Canvas {
        let row: Vec<u8> = bg
            .iter()
            .copied()
            .cycle()
            .take(width as usize * 3)
            .collect();
        let mut rgb = Vec::with_capacity(row.len() * height as usize);
        for _ in 0..height {
            rgb.extend_from_slice(&row);
        }
        Canvas { width, height, rgb }
    }

    /// Fills the rectangle (clipped to the canvas).
    pub fn rect(&mut self, x: i32, y: i32, w: u32, h: u32, c: Rgb) {
        let (x0, y0) = (x.max(0) as u32, y.max(0) as u32);
        let x1 = ((x + w as i32).max(0) as u32).min(self.width);
        let y1 = ((y + h as i32).max(0) as u32).min(self.height);
        for row in y0..y1 {
            let start = ((row * self.width + x0) * 3) as usize;
            let end = ((row * self.width + x1) * 3) as usize;
            if start < end {
                for px in self.rgb[start..end].chunks_exact_mut(3) {
                    px.copy_from_slice(&c);
                }
            }
        }
    }

    /// Blends colour `c` through a `w`×`h` coverage mask whose top-left corner is at
    /// (`x`, `y`).
    pub fn mask(&mut self, x: i32, y: i32, w: u32, h: u32, coverage: &[u8], c: Rgb) {
        for my in 0..h as i32 {
            let cy = y + my;
            if cy < 0 || cy >= self.height as i32 {
                continue;
            }
            for mx in 0..w as i32 {
                let cx = x + mx;
                if cx < 0 || cx >= self.width as i32 {
                    continue;
                }
                let level = steps(coverage[(my * w as i32 + mx) as usize]);
                if level == 0 {
                    continue;
                }
                let at = ((cy as u32 * self.width + cx as u32) * 3) as usize;
                let px = &mut self.rgb[at..at + 3];
                if level == 16 {
                    px.copy_from_slice(&c);
                } else {
                    for k in 0..3 {
                        px[k] = mix(px[k], c[k], level);
                    }
                }
            }
        }
    }

    /// Draws shaped glyphs at `px` pixels to the em, the pen starting at `x` on baseline
    /// `baseline`.
    pub fn glyphs(&mut self, w: Weight, px: u16, glyphs: &[Glyph], x: f32, baseline: i32, c: Rgb) {
        let scale = font::scale(w, px);
        let mut pen = 0i32;
        for g in glyphs {
            let gx = x + (pen + g.dx) as f32 * scale;
            let gy = baseline - (g.dy as f32 * scale).round() as i32;
            pen += g.advance;
            let whole = gx.floor();
            let sub = (((gx - whole) * f32::from(SUBPIXELS)).round() as u8).min(SUBPIXELS - 1);
            let Some(r) = font::raster(w, g.id, px, sub) else {
                continue;
            };
            let r: Rc<font::Raster> = r;
            self.mask(
                whole as i32 + r.left,
                gy + r.top,
                r.width,
                r.height,
                &r.coverage,
                c,
            );
        }
    }

    /// Copies an RGB image of `w`×`h` pixels with its top-left corner at (`x`, `y`).
    pub fn image(&mut self, x: u32, y: u32, w: u32, h: u32, rgb: &[u8]) {
        for row in 0..h.min(self.height.saturating_sub(y)) {
            let cols = w.min(self.width.saturating_sub(x));
            let src = (row * w * 3) as usize;
            let dst = (((y + row) * self.width + x) * 3) as usize;
            let n = (cols * 3) as usize;
            self.rgb[dst..dst + n].copy_from_slice(&rgb[src..src + n]);
        }
    }
}

/// A filled shape's coverage, `size`×`size` pixels.
pub struct Shape {
    pub size: u32,
    pub coverage: Vec<u8>,
}

fn fill(size: u32, path: Option<tiny_skia::Path>) -> Shape {
    let mut mask = Mask::new(size, size).expect("a non-empty mask");
    if let Some(path) = path {
        mask.fill_path(&path, FillRule::Winding, true, Transform::identity());
    }
    Shape {
        size,
        coverage: mask.data().to_vec(),
    }
}

/// A five-pointed star filling a square of `size` pixels.
pub fn star(size: u32) -> Shape {
    let s = size as f32;
    let (cx, cy, outer) = (s / 2.0, s * 0.54, s * 0.5);
    let inner = outer * 0.382;
    let mut pb = PathBuilder::new();
    for k in 0..10 {
        let r = if k % 2 == 0 { outer } else { inner };
        let a = std::f32::consts::PI * (k as f32) / 5.0 - std::f32::consts::FRAC_PI_2;
        let (x, y) = (cx + r * a.cos(), cy + r * a.sin());
        if k == 0 {
            pb.move_to(x, y);
        } else {
            pb.line_to(x, y);
        }
    }
    pb.close();
    fill(size, pb.finish())
}

/// The star of the provincial mark, drawn once.
pub static SMALL_STAR: LazyLock<Shape> = LazyLock::new(|| star(30));
pub static BIG_STAR: LazyLock<Shape> = LazyLock::new(|| star(150));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blending_in_steps() {
        assert_eq!(steps(0), 0);
        assert_eq!(steps(255), 16);
        assert_eq!(mix(0, 255, 16), 255);
        assert_eq!(mix(255, 0, 16), 0);
        assert_eq!(mix(100, 100, 7), 100);
        let mut c = Canvas::new(4, 2, [255, 255, 255]);
        c.rect(1, 0, 2, 1, [0, 0, 0]);
        assert_eq!(&c.rgb[0..9], &[255, 255, 255, 0, 0, 0, 0, 0, 0]);
        c.mask(-1, 1, 3, 1, &[255, 255, 128], [0, 0, 0]);
        assert_eq!(&c.rgb[12..18], &[0, 0, 0, 127, 127, 127]);
    }

    #[test]
    fn the_star_has_ink_in_its_middle() {
        let s = star(30);
        assert!(s.coverage[15 * 30 + 15] > 200);
        assert_eq!(s.coverage[0], 0);
    }
}
