//! From a photo's bytes to its published sizes: decoded under explicit limits (so a
//! decompression bomb or a lying header is an error, not an out-of-memory), turned the way
//! its EXIF orientation says, resized without ever upscaling, and encoded again as JPEG
//! from the pixels alone, which leaves behind every metadata block of the original (EXIF,
//! GPS, XMP, ICC, comments, camera serials).

use std::io::Cursor;

use image::imageops::{self, FilterType};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits, RgbImage};

use crate::content::load::MAX_PHOTO_SIDE;

/// The widths published, in pixels; each one at most the source's.
pub const WIDTHS: [u32; 3] = [160, 320, 640];
/// JPEG quality of every published size.
pub const QUALITY: u8 = 80;
/// The most memory the decoder may allocate for one photo.
pub const MAX_ALLOC: u64 = 512 * 1024 * 1024;
/// The largest photo file read at all.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Why a photo could not be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Damaged, truncated, or not what its header says.
    Damaged(String),
    /// Decoding it would exceed [`MAX_ALLOC`] (or the file exceeds [`MAX_FILE_BYTES`]).
    TooHeavy,
}

/// One published size: its pixels' dimensions and the JPEG file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
}

/// The widths to publish for a source `width` pixels wide: those of [`WIDTHS`] it can
/// give without upscaling, and the source's own width when it is narrower than the largest.
pub fn targets(width: u32) -> Vec<u32> {
    let largest = WIDTHS[WIDTHS.len() - 1];
    let mut out: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w <= width).collect();
    if width < largest && !out.contains(&width) && width > 0 {
        out.push(width);
    }
    out
}

/// The height of a `width`-wide copy of a `src_w` × `src_h` image, rounded, at least 1.
pub fn scaled(src_w: u32, src_h: u32, width: u32) -> u32 {
    let h = (u64::from(src_h) * u64::from(width) + u64::from(src_w) / 2) / u64::from(src_w.max(1));
    h.clamp(1, u64::from(u32::MAX)) as u32
}

/// A JPEG whose entropy-coded data is followed by its end marker: a file cut short (even
/// one the lenient decoder would fill with grey) is refused.
pub fn jpeg_complete(bytes: &[u8]) -> bool {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return false;
    }
    let mut i = 2;
    loop {
        while i < bytes.len() && bytes[i] != 0xFF {
            i += 1;
        }
        while i < bytes.len() && bytes[i] == 0xFF {
            i += 1;
        }
        let Some(&marker) = bytes.get(i) else {
            return false;
        };
        i += 1;
        match marker {
            0xD9 => return true,
            0x01 | 0xD0..=0xD8 => {}
            _ => {
                let Some(len) = bytes.get(i..i + 2) else {
                    return false;
                };
                let len = usize::from(u16::from_be_bytes([len[0], len[1]]));
                if len < 2 || i + len > bytes.len() {
                    return false;
                }
                i += len;
                if marker == 0xDA {
                    // Inside scans 0xFF is always stuffed, so 0xFF 0xD9 is the end marker.
                    return bytes[i..].windows(2).any(|w| w == [0xFF, 0xD9]);
                }
            }
        }
    }
}

fn limits() -> Limits {
    let mut l = Limits::default();
    l.max_image_width = Some(MAX_PHOTO_SIDE);
    l.max_image_height = Some(MAX_PHOTO_SIDE);
    l.max_alloc = Some(MAX_ALLOC);
    l
}

fn failure(e: ImageError) -> Failure {
    match e {
        ImageError::Limits(_) => Failure::TooHeavy,
        e => Failure::Damaged(e.to_string()),
    }
}

/// Decodes a JPEG, PNG or WebP under [`limits`], turned upright.
pub fn decode(bytes: &[u8]) -> Result<DynamicImage, Failure> {
    let format = match image::guess_format(bytes) {
        Ok(f @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) => f,
        _ => return Err(Failure::Damaged("not a JPEG, PNG or WebP image".into())),
    };
    if format == ImageFormat::Jpeg && !jpeg_complete(bytes) {
        return Err(Failure::Damaged("the JPEG data ends early".into()));
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut budget = limits();
    reader.limits(budget.clone());
    let mut decoder = reader.into_decoder().map_err(failure)?;
    budget
        .reserve(decoder.total_bytes())
        .map_err(|_| Failure::TooHeavy)?;
    // A malformed EXIF block leaves the photo as it is stored rather than refusing it.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(failure)?;
    img.apply_orientation(orientation);
    Ok(img)
}

/// Pixels only, 8-bit RGB; transparency is laid on white.
pub fn flatten(img: &DynamicImage) -> RgbImage {
    if !img.color().has_alpha() {
        return img.to_rgb8();
    }
    let rgba = img.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let on_white =
            |c: u8| ((u32::from(c) * u32::from(a) + 255 * (255 - u32::from(a)) + 127) / 255) as u8;
        image::Rgb([on_white(r), on_white(g), on_white(b)])
    })
}

fn jpeg(img: &RgbImage) -> Result<Vec<u8>, Failure> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, QUALITY)
        .encode_image(img)
        .map_err(|e| Failure::Damaged(e.to_string()))?;
    Ok(out)
}

/// The published sizes of an upright image, narrowest first.
pub fn sizes(img: &DynamicImage) -> Result<Vec<Encoded>, Failure> {
    let (sw, sh) = (img.width(), img.height());
    let widths = targets(sw);
    let Some(&largest) = widths.last() else {
        return Err(Failure::Damaged("the image is empty".into()));
    };
    // A fast area average down to twice the largest width, then a sharp filter from there:
    // as good as filtering the whole photo, many times faster on a camera's 12 megapixels.
    let base = if sw > 2 * largest {
        flatten(&img.thumbnail_exact(2 * largest, scaled(sw, sh, 2 * largest)))
    } else {
        flatten(img)
    };
    let mut out = Vec::with_capacity(widths.len());
    let mut prev = base;
    for &w in widths.iter().rev() {
        let h = scaled(sw, sh, w);
        let img = if prev.width() == w && prev.height() == h {
            prev
        } else {
            imageops::resize(&prev, w, h, FilterType::Lanczos3)
        };
        out.push(Encoded {
            width: w,
            height: h,
            bytes: jpeg(&img)?,
        });
        prev = img;
    }
    out.reverse();
    Ok(out)
}

/// Decodes `bytes` and makes its published sizes; never panics on hostile input (a
/// panic deep in a decoder becomes a [`Failure::Damaged`]).
pub fn process(bytes: &[u8]) -> Result<Vec<Encoded>, Failure> {
    std::panic::catch_unwind(|| decode(bytes).and_then(|img| sizes(&img)))
        .unwrap_or_else(|_| Err(Failure::Damaged("the decoder gave up".into())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_jpeg(w: u32, h: u32) -> Vec<u8> {
        let img = RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        jpeg(&img).expect("encodes")
    }

    #[test]
    fn widths_never_upscale() {
        assert_eq!(targets(3000), vec![160, 320, 640]);
        assert_eq!(targets(640), vec![160, 320, 640]);
        assert_eq!(targets(500), vec![160, 320, 500]);
        assert_eq!(targets(320), vec![160, 320]);
        assert_eq!(targets(100), vec![100]);
        assert_eq!(scaled(3000, 4000, 160), 213);
        assert_eq!(scaled(900, 1200, 640), 853);
        assert_eq!(scaled(4000, 1, 160), 1);
    }

    #[test]
    fn sizes_keep_the_aspect_and_are_jpeg() {
        let out = process(&sample_jpeg(900, 1200)).expect("processes");
        let dims: Vec<(u32, u32)> = out.iter().map(|e| (e.width, e.height)).collect();
        assert_eq!(dims, vec![(160, 213), (320, 427), (640, 853)]);
        for e in &out {
            let img = image::load_from_memory(&e.bytes).expect("decodes");
            assert_eq!((img.width(), img.height()), (e.width, e.height));
            assert!(e.bytes.starts_with(&[0xFF, 0xD8]));
        }
        let small = process(&sample_jpeg(200, 100)).expect("processes");
        let dims: Vec<(u32, u32)> = small.iter().map(|e| (e.width, e.height)).collect();
        assert_eq!(dims, vec![(160, 80), (200, 100)]);
    }

    #[test]
    fn same_photo_same_bytes() {
        let photo = sample_jpeg(700, 900);
        assert_eq!(process(&photo), process(&photo));
    }

    #[test]
    fn truncated_jpeg_is_refused() {
        let photo = sample_jpeg(300, 400);
        assert!(jpeg_complete(&photo));
        for cut in [3, 20, photo.len() / 2, photo.len() - 2] {
            let r = process(&photo[..cut]);
            assert!(matches!(r, Err(Failure::Damaged(_))), "cut at {cut}: {r:?}");
        }
        assert!(matches!(
            process(b"not an image at all"),
            Err(Failure::Damaged(_))
        ));
    }

    #[test]
    fn transparency_is_laid_on_white() {
        let img = DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(
            4,
            4,
            image::Rgba([0, 0, 0, 0]),
        ));
        assert_eq!(flatten(&img).get_pixel(0, 0).0, [255, 255, 255]);
    }

    #[test]
    fn orientation_is_applied() {
        // A landscape JPEG whose EXIF says "rotate 90°" is published as a portrait.
        let plain = sample_jpeg(400, 200);
        let exif = crate::media::photos::tests::exif_app1(6, false);
        let rotated = crate::media::photos::tests::splice_app1(&plain, &exif);
        let out = process(&rotated).expect("processes");
        let last = out.last().expect("a size");
        assert_eq!((last.width, last.height), (200, 400));
    }
}
