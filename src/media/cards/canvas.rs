//! A card's pixels, kept as indices into a palette of at most 256 colours: flat
//! rectangles, coverage masks (glyphs, the star) blended in 16 steps, so a card without
//! a photo has a few dozen colours and is written as a palette PNG straight from these
//! indices; a photo is laid over the pixels when the card is turned into RGB for JPEG.
//! Painting one byte a pixel, not three, and no pass to find the colours afterwards,
//! is most of what makes a card cheap.

use std::sync::LazyLock;

use tiny_skia::{FillRule, Mask, PathBuilder, Transform};

use super::font::{self, Glyph, SUBPIXELS, Weight};

pub type Rgb = [u8; 3];

/// A photo laid over the canvas: its top-left corner and its RGB pixels.
pub struct Overlay {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
    pub rgb: Vec<u8>,
}

pub struct Canvas {
    pub width: u32,
    pub height: u32,
    /// One palette index per pixel, row by row.
    pub pixels: Vec<u8>,
    pub palette: Vec<Rgb>,
    pub overlay: Option<Overlay>,
}

/// Coverage 0–255 as 0–16 steps.
fn steps(coverage: u8) -> usize {
    (usize::from(coverage) * 16 + 127) / 255
}

fn mix(bg: u8, fg: u8, level: usize) -> u8 {
    let (bg, fg, level) = (i32::from(bg), i32::from(fg), level as i32);
    (bg + ((fg - bg) * level + 8 * (fg - bg).signum()) / 16) as u8
}

/// The blends of one colour over the backgrounds a mask meets: for each background
/// index, its 17 steps, filled in as they are needed.
struct Blends {
    fg: u8,
    rows: Vec<(u8, [u16; 17])>,
}

const UNSET: u16 = u16::MAX;

impl Canvas {
    pub fn new(width: u32, height: u32, bg: Rgb) -> Canvas {
        Canvas {
            width,
            height,
            pixels: vec![0; (width * height) as usize],
            palette: vec![bg],
            overlay: None,
        }
    }

    /// The index of colour `c`, added to the palette when it is new; when the palette is
    /// full, the nearest colour it has (a card never comes near 256 colours).
    pub fn colour(&mut self, c: Rgb) -> u8 {
        if let Some(i) = self.palette.iter().position(|&p| p == c) {
            return i as u8;
        }
        if self.palette.len() < 256 {
            self.palette.push(c);
            return (self.palette.len() - 1) as u8;
        }
        let dist = |p: &Rgb| -> i32 {
            (0..3)
                .map(|k| (i32::from(p[k]) - i32::from(c[k])).pow(2))
                .sum()
        };
        (0..self.palette.len())
            .min_by_key(|&i| dist(&self.palette[i]))
            .unwrap_or(0) as u8
    }

    fn blend(&mut self, b: &mut Blends, bg: u8, level: usize) -> u8 {
        let row = match b.rows.iter().position(|r| r.0 == bg) {
            Some(r) => r,
            None => {
                b.rows.push((bg, [UNSET; 17]));
                b.rows.len() - 1
            }
        };
        let known = b.rows[row].1[level];
        if known != UNSET {
            return known as u8;
        }
        let (f, g) = (
            self.palette[usize::from(b.fg)],
            self.palette[usize::from(bg)],
        );
        let i = self.colour([
            mix(g[0], f[0], level),
            mix(g[1], f[1], level),
            mix(g[2], f[2], level),
        ]);
        b.rows[row].1[level] = u16::from(i);
        i
    }

    /// Fills the rectangle (clipped to the canvas).
    pub fn rect(&mut self, x: i32, y: i32, w: u32, h: u32, c: Rgb) {
        let i = self.colour(c);
        let (x0, y0) = (x.max(0) as u32, y.max(0) as u32);
        let x1 = ((x + w as i32).max(0) as u32).min(self.width);
        let y1 = ((y + h as i32).max(0) as u32).min(self.height);
        for row in y0..y1 {
            let start = (row * self.width) as usize;
            if x0 < x1 {
                self.pixels[start + x0 as usize..start + x1 as usize].fill(i);
            }
        }
    }

    /// Blends colour `c` through a `w`×`h` coverage mask whose top-left corner is at
    /// (`x`, `y`).
    pub fn mask(&mut self, x: i32, y: i32, w: u32, h: u32, coverage: &[u8], c: Rgb) {
        let fg = self.colour(c);
        let mut b = Blends {
            fg,
            rows: Vec::with_capacity(4),
        };
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
                let at = (cy as u32 * self.width + cx as u32) as usize;
                self.pixels[at] = if level == 16 {
                    fg
                } else {
                    let bg = self.pixels[at];
                    self.blend(&mut b, bg, level)
                };
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

    /// Lays a photo of `w`×`h` RGB pixels over the canvas at (`x`, `y`).
    pub fn image(&mut self, x: u32, y: u32, w: u32, h: u32, rgb: &[u8]) {
        self.overlay = Some(Overlay {
            x,
            y,
            width: w,
            height: h,
            rgb: rgb.to_vec(),
        });
    }

    /// The colour of the pixel at (`x`, `y`), the photo included.
    pub fn at(&self, x: u32, y: u32) -> Rgb {
        if let Some(o) = &self.overlay
            && (o.x..o.x + o.width).contains(&x)
            && (o.y..o.y + o.height).contains(&y)
        {
            let k = (((y - o.y) * o.width + (x - o.x)) * 3) as usize;
            return [o.rgb[k], o.rgb[k + 1], o.rgb[k + 2]];
        }
        self.palette[usize::from(self.pixels[(y * self.width + x) as usize])]
    }

    /// Every pixel as RGB, the photo laid over. The palette is read through a table of
    /// all 256 indices, and the pixels under the photo are not expanded at all (this is
    /// a card with a photo's second cost after its JPEG encoding).
    pub fn to_rgb(&self) -> Vec<u8> {
        let (w, h) = (self.width as usize, self.height as usize);
        let mut lut = [[0u8; 3]; 256];
        for (slot, c) in lut.iter_mut().zip(&self.palette) {
            *slot = *c;
        }
        let expand = |src: &[u8], dst: &mut [u8]| {
            for (i, d) in src.iter().zip(dst.chunks_exact_mut(3)) {
                d.copy_from_slice(&lut[usize::from(*i)]);
            }
        };
        // The photo's place, clipped to the canvas: columns x0..x1 of rows y0..y1.
        let hole = self.overlay.as_ref().map(|o| {
            let x0 = (o.x as usize).min(w);
            let y0 = (o.y as usize).min(h);
            let x1 = (o.x as usize + o.width as usize).min(w);
            let y1 = (o.y as usize + o.height as usize).min(h);
            (o, x0, x1, y0..y1)
        });
        let mut out = vec![0u8; w * h * 3];
        if w == 0 {
            return out;
        }
        let rows = self.pixels.chunks_exact(w).zip(out.chunks_exact_mut(w * 3));
        for (y, (src, dst)) in rows.enumerate() {
            match &hole {
                Some((o, x0, x1, ys)) if ys.contains(&y) => {
                    expand(&src[..*x0], &mut dst[..x0 * 3]);
                    expand(&src[*x1..], &mut dst[x1 * 3..]);
                    let from = (y - ys.start) * o.width as usize * 3;
                    let n = (x1 - x0) * 3;
                    dst[x0 * 3..x1 * 3].copy_from_slice(&o.rgb[from..from + n]);
                }
                _ => expand(src, dst),
            }
        }
        out
    }
}

/// A filled shape's coverage, `size`×`size` pixels.
pub struct Shape {
    pub size: u32,
    pub coverage: Vec<u8>,
}

fn fill(size: u32, path: Option<tiny_skia::Path>) -> Shape {
    // A mask of no pixels (size 0) is no shape: nothing to draw.
    let Some(mut mask) = Mask::new(size, size) else {
        return Shape {
            size: 0,
            coverage: Vec::new(),
        };
    };
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
        assert_eq!(&c.to_rgb()[0..9], &[255, 255, 255, 0, 0, 0, 0, 0, 0]);
        c.mask(-1, 1, 3, 1, &[255, 255, 128], [0, 0, 0]);
        assert_eq!(&c.to_rgb()[12..18], &[0, 0, 0, 127, 127, 127]);
        assert_eq!(c.palette.len(), 3, "white, black and one step between");
        c.image(3, 0, 1, 1, &[9, 8, 7]);
        assert_eq!(c.at(3, 0), [9, 8, 7]);
        assert_eq!(&c.to_rgb()[9..12], &[9, 8, 7]);
    }

    #[test]
    fn to_rgb_is_every_pixel_as_at_sees_it() {
        // Photos inside, on the edge and past the edge of the canvas (clipped).
        for (x, y, w, h) in [(2, 1, 3, 2), (0, 0, 7, 5), (5, 3, 4, 4), (6, 0, 1, 5)] {
            let mut c = Canvas::new(7, 5, [250, 240, 230]);
            c.rect(1, 1, 4, 3, [140, 30, 30]);
            c.mask(0, 0, 3, 2, &[255, 128, 40, 200, 0, 90], [10, 20, 30]);
            let photo: Vec<u8> = (0..w * h * 3).map(|k| (k * 7 % 256) as u8).collect();
            c.image(x, y, w, h, &photo);
            let rgb = c.to_rgb();
            for py in 0..5 {
                for px in 0..7 {
                    let k = ((py * 7 + px) * 3) as usize;
                    assert_eq!(
                        rgb[k..k + 3],
                        c.at(px, py),
                        "({px}, {py}) of {x},{y},{w},{h}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_star_has_ink_in_its_middle() {
        let s = star(30);
        assert!(s.coverage[15 * 30 + 15] > 200);
        assert_eq!(s.coverage[0], 0);
    }
}
