//! Photo fixtures made in the test, byte by byte where a library would not lie: a JPEG
//! carrying GPS EXIF, a decompression bomb, a PNG whose header lies.

use image::{ImageEncoder, RgbImage};

/// A camera-like JPEG: a gradient with some texture.
pub fn portrait(w: u32, h: u32, seed: u8) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([
            (x * 255 / w) as u8,
            (y * 255 / h) as u8,
            seed.wrapping_add(((x ^ y) % 32) as u8),
        ])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 92)
        .encode_image(&img)
        .expect("encodes");
    out
}

/// The GPS latitude the fixture carries: 10° 56' 30" N, as three rationals.
pub const LATITUDE: [u8; 24] = [
    0, 0, 0, 10, 0, 0, 0, 1, 0, 0, 0, 56, 0, 0, 0, 1, 0, 0, 0, 30, 0, 0, 0, 1,
];
pub const SERIAL: &[u8] = b"SN-4417-0092\0";

fn entry(out: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]) {
    out.extend(tag.to_be_bytes());
    out.extend(kind.to_be_bytes());
    out.extend(count.to_be_bytes());
    out.extend(value);
}

/// `jpeg` with an APP1 `Exif` segment spliced in after its start marker: orientation 1,
/// a camera serial number and a GPS latitude, as a phone writes them.
pub fn with_gps_exif(jpeg: &[u8]) -> Vec<u8> {
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    let gps_ifd: u32 = 8 + 2 + 12 * 3 + 4;
    let gps_data = gps_ifd + 2 + 12 * 2 + 4;
    let serial_at = gps_data + LATITUDE.len() as u32;
    tiff.extend(3u16.to_be_bytes());
    entry(&mut tiff, 0x0112, 3, 1, [0, 1, 0, 0]);
    entry(&mut tiff, 0x8825, 4, 1, gps_ifd.to_be_bytes());
    entry(
        &mut tiff,
        0xA431,
        2,
        SERIAL.len() as u32,
        serial_at.to_be_bytes(),
    );
    tiff.extend(0u32.to_be_bytes());
    tiff.extend(2u16.to_be_bytes());
    entry(&mut tiff, 0x0001, 2, 2, [b'N', 0, 0, 0]);
    entry(&mut tiff, 0x0002, 5, 3, gps_data.to_be_bytes());
    tiff.extend(0u32.to_be_bytes());
    tiff.extend(LATITUDE);
    tiff.extend(SERIAL);
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(((2 + 6 + tiff.len()) as u16).to_be_bytes());
    out.extend(b"Exif\0\0");
    out.extend(tiff);
    out.extend(&jpeg[2..]);
    out
}

/// The CRC-32 of PNG chunks.
fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |c, &b| {
        (0..8).fold(c ^ u32::from(b), |c, _| {
            if c & 1 == 1 {
                (c >> 1) ^ 0xEDB8_8320
            } else {
                c >> 1
            }
        })
    })
}

/// A PNG of `width` × `height` RGBA pixels at 16 bits, all zero: a few megabytes that
/// inflate to `width * height * 8` bytes. The deflate stream is written by hand (fixed
/// Huffman codes: one literal 0, then copies of 258 bytes at distance 1).
pub fn bomb_png(width: u32, height: u32) -> Vec<u8> {
    struct Bits(Vec<u8>, u32, u8);
    impl Bits {
        fn push(&mut self, value: u32, n: u8) {
            for i in 0..n {
                self.1 |= ((value >> i) & 1) << self.2;
                self.2 += 1;
                if self.2 == 8 {
                    self.0.push(self.1 as u8);
                    (self.1, self.2) = (0, 0);
                }
            }
        }
        /// A Huffman code: its bits from the most significant.
        fn code(&mut self, code: u32, n: u8) {
            let reversed = (0..n).fold(0, |r, i| r | (((code >> (n - 1 - i)) & 1) << i));
            self.push(reversed, n);
        }
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend(data);
        out.extend(&body);
        out.extend(crc32(&body).to_be_bytes());
    }
    let total = u64::from(height) * (1 + u64::from(width) * 8);
    let mut bits = Bits(vec![0x78, 0x01], 0, 0);
    bits.push(1, 1);
    bits.push(1, 2);
    bits.code(0x30, 8); // literal 0
    let mut left = total - 1;
    while left >= 258 {
        bits.code(0xC5, 8); // length 258
        bits.code(0, 5); // distance 1
        left -= 258;
    }
    for _ in 0..left {
        bits.code(0x30, 8);
    }
    bits.code(0, 7); // end of block
    if bits.2 > 0 {
        bits.push(0, 8 - bits.2);
    }
    let mut idat = bits.0;
    idat.extend((((total % 65521) << 16) as u32 | 1).to_be_bytes());
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([16, 6, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(&mut png, b"IDAT", &idat);
    chunk(&mut png, b"IEND", &[]);
    png
}

/// A PNG whose header claims `width` × `height` and whose data is a few bytes.
pub fn lying_png(width: u32, height: u32) -> Vec<u8> {
    let mut small = Vec::new();
    image::codecs::png::PngEncoder::new(&mut small)
        .write_image(&[0u8; 12], 2, 2, image::ExtendedColorType::Rgb8)
        .expect("encodes");
    // IHDR's width and height sit right after the signature, the length and the type;
    // its checksum follows its 13 bytes, and is made right so only the size lies.
    small[16..20].copy_from_slice(&width.to_be_bytes());
    small[20..24].copy_from_slice(&height.to_be_bytes());
    let crc = crc32(&small[12..29]);
    small[29..33].copy_from_slice(&crc.to_be_bytes());
    small
}
