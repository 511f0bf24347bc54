//! Unit tests of the photos, and a JPEG's EXIF block written by hand: an orientation,
//! and optionally a GPS position.

use super::*;

/// The GPS latitude the fixture carries: 10° 56' 30" N, as three rationals.
pub(crate) const LATITUDE: [u8; 24] = [
    0, 0, 0, 10, 0, 0, 0, 1, 0, 0, 0, 56, 0, 0, 0, 1, 0, 0, 0, 30, 0, 0, 0, 1,
];

fn entry(out: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]) {
    out.extend(tag.to_be_bytes());
    out.extend(kind.to_be_bytes());
    out.extend(count.to_be_bytes());
    out.extend(value);
}

/// An APP1 segment `Exif` with orientation `orientation` and, with `gps`, a GPS IFD.
pub(crate) fn exif_app1(orientation: u16, gps: bool) -> Vec<u8> {
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    let n: u16 = if gps { 2 } else { 1 };
    tiff.extend(n.to_be_bytes());
    let o = orientation.to_be_bytes();
    entry(&mut tiff, 0x0112, 3, 1, [o[0], o[1], 0, 0]);
    let gps_ifd: u32 = 8 + 2 + 12 * u32::from(n) + 4;
    if gps {
        entry(&mut tiff, 0x8825, 4, 1, gps_ifd.to_be_bytes());
    }
    tiff.extend(0u32.to_be_bytes());
    if gps {
        let data = gps_ifd + 2 + 12 * 3 + 4;
        tiff.extend(3u16.to_be_bytes());
        entry(&mut tiff, 0x0000, 1, 4, [2, 3, 0, 0]);
        entry(&mut tiff, 0x0001, 2, 2, [b'N', 0, 0, 0]);
        entry(&mut tiff, 0x0002, 5, 3, data.to_be_bytes());
        tiff.extend(0u32.to_be_bytes());
        tiff.extend(LATITUDE);
    }
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend(((2 + 6 + tiff.len()) as u16).to_be_bytes());
    app1.extend(b"Exif\0\0");
    app1.extend(tiff);
    app1
}

/// `jpeg` with `segment` inserted right after its start marker.
pub(crate) fn splice_app1(jpeg: &[u8], segment: &[u8]) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    out.extend(segment);
    out.extend(&jpeg[2..]);
    out
}

#[test]
fn metadata_is_stripped() {
    let img = image::RgbImage::from_fn(500, 700, |x, y| image::Rgb([x as u8, y as u8, 40]));
    let mut plain = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 90)
        .encode_image(&img)
        .expect("encodes");
    let photo = splice_app1(&plain, &exif_app1(1, true));
    let found = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
    assert!(found(&photo, b"Exif\0\0") && found(&photo, &LATITUDE));
    for e in process(&photo).expect("processes") {
        assert!(!found(&e.bytes, b"Exif"), "{} px", e.width);
        assert!(!found(&e.bytes, &LATITUDE), "{} px", e.width);
        assert!(
            !found(&e.bytes, &[0xFF, 0xE1]),
            "an APP1 segment in {} px",
            e.width
        );
    }
}
