//! A card's file: a palette PNG when the card has at most 256 colours (every card
//! without a photo: flat colours and text blended in 16 steps), else a JPEG (a card with
//! a photo). Both are small: a palette card is a few tens of kilobytes, lossless.

use super::canvas::Canvas;

/// JPEG quality of a card with a photo.
pub const QUALITY: u8 = 82;

/// The format of a card's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Jpeg,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Jpeg => "jpg",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Png => "image/png",
            Format::Jpeg => "image/jpeg",
        }
    }

    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext {
            "png" => Some(Format::Png),
            "jpg" => Some(Format::Jpeg),
            _ => None,
        }
    }
}

/// The colours seen so far and their indices: an open-addressing table of packed RGB
/// values (a card has a few dozen colours, looked up only where the colour changes).
struct Colours {
    slots: Vec<u32>,
    palette: Vec<u8>,
}

const SLOTS: usize = 1024;
const EMPTY: u32 = u32::MAX;

impl Colours {
    fn index(&mut self, rgb: u32) -> Option<u8> {
        let mut at = (rgb.wrapping_mul(0x9E37_79B1) >> 22) as usize;
        loop {
            let slot = self.slots[at];
            if slot == EMPTY {
                let i = u8::try_from(self.palette.len() / 3).ok()?;
                self.slots[at] = rgb | (u32::from(i) << 24);
                self.palette
                    .extend_from_slice(&[(rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8]);
                return Some(i);
            }
            if slot & 0xFF_FFFF == rgb {
                return Some((slot >> 24) as u8);
            }
            at = (at + 1) % SLOTS;
        }
    }
}

/// The canvas as palette indices and its palette, when it has at most 256 colours.
/// Neighbouring pixels are mostly the same colour: the previous one is checked first.
fn indexed(c: &Canvas) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut colours = Colours {
        slots: vec![EMPTY; SLOTS],
        palette: Vec::with_capacity(256 * 3),
    };
    let mut indices = Vec::with_capacity((c.width * c.height) as usize);
    let (mut last, mut last_index) = (EMPTY, 0u8);
    for px in c.rgb.chunks_exact(3) {
        let rgb = (u32::from(px[0]) << 16) | (u32::from(px[1]) << 8) | u32::from(px[2]);
        if rgb != last {
            last_index = colours.index(rgb)?;
            last = rgb;
        }
        indices.push(last_index);
    }
    Some((indices, colours.palette))
}

/// Packs 8-bit indices of `width`-pixel rows into 4 bits each (at most 16 colours).
fn pack4(indices: &[u8], width: usize) -> Vec<u8> {
    indices
        .chunks(width)
        .flat_map(|row| {
            row.chunks(2)
                .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
        })
        .collect()
}

fn png(c: &Canvas, indices: &[u8], palette: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(48 * 1024);
    {
        let mut enc = png::Encoder::new(&mut out, c.width, c.height);
        enc.set_color(png::ColorType::Indexed);
        enc.set_palette(palette);
        enc.set_compression(png::Compression::Balanced);
        enc.set_filter(png::Filter::NoFilter);
        let colours = palette.len() / 3;
        let data = if colours <= 16 {
            enc.set_depth(png::BitDepth::Four);
            pack4(indices, c.width as usize)
        } else {
            enc.set_depth(png::BitDepth::Eight);
            indices.to_vec()
        };
        let mut w = enc.write_header().map_err(|e| e.to_string())?;
        w.write_image_data(&data).map_err(|e| e.to_string())?;
        w.finish().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

fn jpeg(c: &Canvas) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(96 * 1024);
    let (w, h) = (
        u16::try_from(c.width).map_err(|e| e.to_string())?,
        u16::try_from(c.height).map_err(|e| e.to_string())?,
    );
    let mut enc = jpeg_encoder::Encoder::new(&mut out, QUALITY);
    enc.set_sampling_factor(jpeg_encoder::SamplingFactor::F_2_2);
    enc.encode(&c.rgb, w, h, jpeg_encoder::ColorType::Rgb)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// The card's file and its format.
pub fn encode(c: &Canvas) -> Result<(Vec<u8>, Format), String> {
    match indexed(c) {
        Some((indices, palette)) => Ok((png(c, &indices, &palette)?, Format::Png)),
        None => Ok((jpeg(c)?, Format::Jpeg)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_colours_make_a_palette_png_many_a_jpeg() {
        let mut c = Canvas::new(40, 20, [250, 240, 230]);
        c.rect(3, 3, 10, 10, [140, 30, 30]);
        let (bytes, f) = encode(&c).expect("encodes");
        assert_eq!(f, Format::Png);
        let img = image::load_from_memory(&bytes).expect("decodes").to_rgb8();
        assert_eq!(img.as_raw(), &c.rgb, "lossless");
        for (k, px) in c.rgb.chunks_exact_mut(3).enumerate() {
            px.copy_from_slice(&[(k % 256) as u8, (k / 3 % 256) as u8, 9]);
        }
        let (bytes, f) = encode(&c).expect("encodes");
        assert_eq!(f, Format::Jpeg);
        assert!(bytes.starts_with(&[0xFF, 0xD8]));
        assert_eq!(pack4(&[1, 2, 3, 4, 5], 5), vec![0x12, 0x34, 0x50]);
    }
}
