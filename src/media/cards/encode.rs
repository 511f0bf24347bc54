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

fn png(c: &Canvas) -> Result<Vec<u8>, String> {
    let palette: Vec<u8> = c.palette.iter().flatten().copied().collect();
    let indices = &c.pixels;
    let mut out = Vec::with_capacity(48 * 1024);
    {
        let mut enc = png::Encoder::new(&mut out, c.width, c.height);
        enc.set_color(png::ColorType::Indexed);
        enc.set_palette(palette.as_slice());
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
    enc.encode(&c.to_rgb(), w, h, jpeg_encoder::ColorType::Rgb)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// The card's file and its format: a JPEG when a photo is laid over it, else a PNG.
pub fn encode(c: &Canvas) -> Result<(Vec<u8>, Format), String> {
    match c.overlay {
        Some(_) => Ok((jpeg(c)?, Format::Jpeg)),
        None => Ok((png(c)?, Format::Png)),
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
        assert_eq!(img.as_raw(), &c.to_rgb(), "lossless");
        let photo: Vec<u8> = (0..10 * 10 * 3).map(|k| (k % 256) as u8).collect();
        c.image(20, 5, 10, 10, &photo);
        let (bytes, f) = encode(&c).expect("encodes");
        assert_eq!(f, Format::Jpeg);
        assert!(bytes.starts_with(&[0xFF, 0xD8]));
        assert_eq!(pack4(&[1, 2, 3, 4, 5], 5), vec![0x12, 0x34, 0x50]);
    }
}
