//! QR codes (SPEC §5): `qr.svg` beside each published profile page, encoding exactly its
//! canonical address, so a printed page or the honour board leads back to the story. Made
//! by the `qrcode` crate with its SVG renderer: error correction M (a smudged or folded
//! print still reads), the standard quiet zone of four modules, one unit per module, the
//! dark modules as one path. A code is a few kilobytes and takes microseconds: it is
//! made every build, not cached.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The name of the file beside the page.
pub const FILE: &str = "qr.svg";

/// The SVG of the QR code of `text`, or `None` when it is too long for a QR code.
pub fn svg(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color>()
            .quiet_zone(true)
            .module_dimensions(1, 1)
            .dark_color(svg::Color("#000"))
            .light_color(svg::Color("#fff"))
            .build(),
    )
}

/// How many modules a side of the code of `text` has, its quiet zone included.
pub fn side(text: &str) -> Option<usize> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    Some(code.width() + 8)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The SVG's dark modules, read back from its one path (`M x y h w v 1 H x V y`).
    fn modules(svg: &str, side: usize) -> Vec<bool> {
        let d = svg
            .split(" d=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("one path");
        let mut grid = vec![false; side * side];
        for cmd in d.split('M').filter(|c| !c.is_empty()) {
            let nums: Vec<usize> = cmd
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().expect("a number"))
                .collect();
            let (x, y, w, h) = (nums[0], nums[1], nums[2], nums[3]);
            for yy in y..y + h {
                for xx in x..x + w {
                    grid[yy * side + xx] = true;
                }
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
