//! QR codes (SPEC §5): `qr.svg` beside each published profile page, encoding exactly its
//! canonical address, so a printed page or the honour board leads back to the story. The
//! `qrcode` crate encodes it, with error correction M (a smudged or folded print still
//! reads) and the standard quiet zone of four modules. Its own SVG renderer writes one
//! square per dark module (11 KB for a profile's address); this one draws each row's
//! runs of dark modules as strokes of one path, about a third of that. A code takes
//! microseconds: it is made every build, not cached.

use std::fmt::Write as _;

use qrcode::{Color, EcLevel, QrCode};

/// The name of the file beside the page.
pub const FILE: &str = "qr.svg";

/// The light modules around the code, on every side.
pub const QUIET_ZONE: usize = 4;

/// The SVG of the QR code of `text`, or `None` when it is too long for a QR code.
pub fn svg(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let side = width + 2 * QUIET_ZONE;
    let colors = code.to_colors();
    let mut d = String::with_capacity(4096);
    for (y, row) in colors.chunks(width).enumerate() {
        // Each run of dark modules: a stroke one module thick along the row's middle.
        let mut pen: Option<usize> = None;
        let mut x = 0;
        while x < width {
            if row[x] != Color::Dark {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && row[x] == Color::Dark {
                x += 1;
            }
            let _ = match pen {
                None => write!(
                    d,
                    "M{} {}.5h{}",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE,
                    x - start
                ),
                Some(end) => write!(d, "m{} 0h{}", start - end, x - start),
            };
            pen = Some(x);
        }
    }
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\"><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path stroke=\"#000\" d=\"{d}\"/></svg>"
    ))
}

/// How many modules a side of the code of `text` has, its quiet zone included.
pub fn side(text: &str) -> Option<usize> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    Some(code.width() + 2 * QUIET_ZONE)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The SVG's dark modules, read back from its one path: per row `M x y.5 h w`, then
    /// `m gap 0 h w` for each further run.
    fn modules(svg: &str, side: usize) -> Vec<bool> {
        let d = svg
            .split(" d=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("one path");
        let mut grid = vec![false; side * side];
        for row in d.split('M').filter(|c| !c.is_empty()) {
            let (head, runs) = row.split_once('h').expect("a run");
            let (x, y) = head.split_once(' ').expect("x y");
            let mut x: usize = x.parse().expect("x");
            let y: usize = y.trim_end_matches(".5").parse().expect("y");
            for (k, part) in runs.split('m').enumerate() {
                let w: usize = if k == 0 {
                    part.parse().expect("w")
                } else {
                    let (gap, w) = part.split_once(" 0h").expect("gap 0 h w");
                    x += gap.parse::<usize>().expect("gap");
                    w.parse().expect("w")
                };
                for xx in x..x + w {
                    grid[y * side + xx] = true;
                }
                x += w;
            }
        }
        grid
    }

    /// The grid drawn as a picture (4 pixels a module) and read by a QR decoder.
    fn decode(grid: &[bool], side: usize) -> String {
        let scale = 4;
        let px = side * scale;
        let img = image::GrayImage::from_fn(px as u32, px as u32, |x, y| {
            let m = grid[(y as usize / scale) * side + x as usize / scale];
            image::Luma([if m { 0 } else { 255 }])
        });
        let mut prepared = rqrr::PreparedImage::prepare(img);
        let grids = prepared.detect_grids();
        assert_eq!(grids.len(), 1, "one code found");
        grids[0].decode().expect("decodes").1
    }

    #[test]
    fn the_code_decodes_to_exactly_the_address() {
        let url = "https://thiduakhenthuong.sxd.binhphuoc.gov.vn/2024/nguyen-thi-hanh/";
        let svg = svg(url).expect("fits");
        let side = side(url).expect("fits");
        assert_eq!(svg.matches("<path").count(), 1, "one path");
        assert!(svg.contains(&format!("viewBox=\"0 0 {side} {side}\"")));
        let grid = modules(&svg, side);
        // The quiet zone: four light modules on every side.
        for k in 0..side {
            for q in 0..4 {
                assert!(!grid[q * side + k] && !grid[(side - 1 - q) * side + k]);
                assert!(!grid[k * side + q] && !grid[k * side + side - 1 - q]);
            }
        }
        assert_eq!(decode(&grid, side), url);
    }

    #[test]
    fn error_correction_is_m() {
        let url = "https://example.vn/thi-dua/2024/a/";
        let code = QrCode::with_error_correction_level(url, EcLevel::M).expect("fits");
        assert_eq!(code.error_correction_level(), EcLevel::M);
        assert!(svg(&"x".repeat(5000)).is_none());
    }
}
