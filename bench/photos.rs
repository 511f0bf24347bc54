//! Photo benchmark (not a test): 200 deterministic 3000 × 4000 JPEG portraits in a
//! temporary site, 50 of them in 2024, all with consent; builds it twice with the release
//! binary and prints both times, then the bytes a phone 360 CSS pixels wide downloads for
//! the 2024 roll (its HTML, the CSS and every photo it shows, at the size the phone picks
//! from `srcset`) with the original photos and with the published sizes.
//!
//!     bench/photos.sh            # or:
//!     cargo build --release --bin bangvang --example photos
//!     target/release/examples/photos target/release/bangvang [DIR]
//!
//! DIR (default: a new temporary folder) is kept, so a later run can build it again.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use image::{Rgb, RgbImage};
use rayon::prelude::*;

const YEARS: [u16; 4] = [2021, 2022, 2023, 2024];
const PER_YEAR: usize = 50;
const WIDTH: u32 = 3000;
const HEIGHT: u32 = 4000;

const FAMILY: [&str; 10] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
];
const MIDDLE: [&str; 6] = ["Văn", "Thị", "Minh", "Thanh", "Quang", "Ngọc"];
const GIVEN: [&str; 10] = [
    "An", "Bình", "Chi", "Dũng", "Đức", "Hạnh", "Hùng", "Lan", "Phương", "Yến",
];

/// xorshift64*: the same pixels on every machine.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// A portrait: a gradient background, a head and shoulders, and sensor-like noise.
fn portrait(seed: u64) -> Vec<u8> {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let bg = [
        rng.next() % 120 + 100,
        rng.next() % 120 + 80,
        rng.next() % 120 + 60,
    ];
    let shirt = [rng.next() % 90, rng.next() % 90 + 30, rng.next() % 120 + 60];
    let (cx, cy) = (f64::from(WIDTH) / 2.0, f64::from(HEIGHT) * 0.36);
    let img = RgbImage::from_fn(WIDTH, HEIGHT, |x, y| {
        let (fx, fy) = (f64::from(x), f64::from(y));
        let head = ((fx - cx) / 620.0).powi(2) + ((fy - cy) / 800.0).powi(2) < 1.0;
        let body = fy > f64::from(HEIGHT) * 0.62
            && ((fx - cx) / 1400.0).powi(2) + ((fy - f64::from(HEIGHT)) / 1300.0).powi(2) < 1.0;
        let base = if head {
            [222.0, 180.0, 150.0]
        } else if body {
            shirt.map(|c| c as f64)
        } else {
            let t = fy / f64::from(HEIGHT);
            bg.map(|c| c as f64 * (1.1 - 0.4 * t))
        };
        let noise = (rng.next() % 17) as f64 - 8.0;
        Rgb(base.map(|c| (c + noise).clamp(0.0, 255.0) as u8))
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&img)
        .expect("encodes");
    out
}

const PLAN: &str = r#"number = "1/KH-BENCH"
title = "Kế hoạch thi đua"
issued = YEAR-04-04
deadline = YEAR-11-30
approval_percent = 90
excellent_members_percent = 50

[[movement]]
id = "so-xay-dung"
name = "Phong trào thi đua do Sở phát động"

[[criterion]]
id = "chap-hanh"
applies_to = ["collective", "leader", "staff"]
text = "Gương mẫu chấp hành chủ trương, chính sách, pháp luật"

[[criterion]]
id = "ca-nhan"
applies_to = ["staff"]
text = "Gương mẫu đi đầu trong mọi lĩnh vực"
"#;

fn profile(name: &str, year: u16) -> String {
    format!(
        "+++\nname = \"{name}\"\nkind = \"staff\"\nunit = \"van-phong-so\"\nposition = \"Chuyên viên\"\n\
summary = \"Hoàn thành xuất sắc nhiệm vụ năm {year}.\"\nphoto = \"anh.jpg\"\nphoto_consent = true\n\
movements = [\"so-xay-dung\"]\n\n[criteria]\nchap-hanh = \"Chấp hành tốt.\"\nca-nhan = \"Đi đầu.\"\n\n\
[nomination]\ndate = {year}-11-20\n\n[vote]\ndate = {year}-12-05\nmembers = 10\nin_favour = 10\n\n\
[decision]\nnumber = \"1/QĐ-BENCH\"\ndate = {year}-12-16\n+++\nMột năm làm việc tận tụy.\n"
    )
}

/// Writes the site (photos only when missing, so a kept DIR is not regenerated).
fn generate(root: &Path) -> u64 {
    let content = root.join("content");
    fs::create_dir_all(&content).expect("mkdir");
    fs::write(
        content.join("site.toml"),
        "title = \"Điển hình tiên tiến\"\norganisation = \"Sở Thử nghiệm\"\ndescription = \"Đo ảnh\"\nbase_url = \"/\"\n",
    )
    .expect("site.toml");
    fs::write(
        content.join("units.toml"),
        "[[unit]]\nid = \"van-phong-so\"\nname = \"Văn phòng Sở\"\ntype = \"office\"\n",
    )
    .expect("units.toml");
    let jobs: Vec<(u16, usize)> = YEARS
        .iter()
        .flat_map(|&y| (0..PER_YEAR).map(move |i| (y, i)))
        .collect();
    for &y in &YEARS {
        let dir = content.join(y.to_string());
        fs::create_dir_all(&dir).expect("mkdir");
        fs::write(dir.join("_plan.toml"), PLAN.replace("YEAR", &y.to_string())).expect("plan");
    }
    jobs.par_iter()
        .map(|&(year, i)| {
            let n = (year as usize) * 100 + i;
            let name = format!(
                "{} {} {}",
                FAMILY[n % 10],
                MIDDLE[n / 10 % 6],
                GIVEN[(n / 3 + i) % 10]
            );
            let dir = content.join(format!("{year}/nguoi-{i:03}"));
            fs::create_dir_all(&dir).expect("mkdir");
            fs::write(dir.join("index.md"), profile(&name, year)).expect("profile");
            let photo = dir.join("anh.jpg");
            if !photo.is_file() {
                fs::write(&photo, portrait(n as u64)).expect("photo");
            }
            fs::metadata(&photo).expect("photo").len()
        })
        .sum()
}

fn build(bin: &Path, root: &Path) -> (f64, String) {
    let start = Instant::now();
    let out = Command::new(bin)
        .args(["build", "--lang", "en", "--root"])
        .arg(root)
        .output()
        .expect("runs bangvang");
    let secs = start.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        secs,
        String::from_utf8_lossy(&out.stdout).trim().to_string(),
    )
}

/// The value of `attr="…"` in `tag`.
fn attr<'a>(tag: &'a str, attr: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {attr}=\""))? + attr.len() + 3;
    Some(&tag[at..at + tag[at..].find('"')?])
}

/// CSS pixels of a length in `rem` or `px`.
fn px(len: &str) -> f64 {
    let len = len.trim();
    len.strip_suffix("rem")
        .map(|n| n.parse::<f64>().unwrap_or(0.0) * 16.0)
        .or_else(|| len.strip_suffix("px").and_then(|n| n.parse().ok()))
        .unwrap_or(0.0)
}

/// The slot width `sizes` gives on a viewport `vw` CSS pixels wide (min-width queries).
fn slot(sizes: &str, vw: f64) -> f64 {
    for part in sizes.split(',') {
        let part = part.trim();
        match part.strip_prefix("(min-width:") {
            Some(rest) => {
                let (q, len) = rest.split_once(')').unwrap_or((rest, ""));
                if vw >= px(q) {
                    return px(len);
                }
            }
            None => return px(part),
        }
    }
    vw
}

/// The file a browser picks from `srcset` for `slot` CSS pixels at `dpr`: the narrowest
/// at least `slot * dpr` wide, else the widest.
fn pick(srcset: &str, slot: f64, dpr: f64) -> String {
    let mut c: Vec<(f64, &str)> = srcset
        .split(',')
        .filter_map(|s| {
            let (url, w) = s.trim().rsplit_once(' ')?;
            Some((w.strip_suffix('w')?.parse().ok()?, url))
        })
        .collect();
    c.sort_by(|a, b| a.0.total_cmp(&b.0));
    let need = slot * dpr;
    c.iter()
        .find(|(w, _)| *w >= need)
        .or(c.last())
        .map(|(_, u)| u.to_string())
        .unwrap_or_default()
}

fn size(path: &Path) -> u64 {
    fs::metadata(path).map_or(0, |m| m.len())
}

fn main() {
    let mut args = std::env::args().skip(1);
    let bin = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "target/release/bangvang".into()),
    );
    let bin = fs::canonicalize(&bin).unwrap_or_else(|e| panic!("{}: {e}", bin.display()));
    let kept;
    let root = match args.next() {
        Some(dir) => PathBuf::from(dir),
        None => {
            kept = tempfile::tempdir().expect("temporary folder");
            kept.path().to_path_buf()
        }
    };
    let started = Instant::now();
    let originals = generate(&root);
    println!(
        "site: {} ({} photos of {WIDTH} × {HEIGHT}, {:.0} MB of JPEG; made in {:.1} s)",
        root.display(),
        YEARS.len() * PER_YEAR,
        originals as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    let _ = fs::remove_dir_all(root.join(".cache"));
    let (first, line1) = build(&bin, &root);
    let (second, line2) = build(&bin, &root);
    println!("first build:  {first:.2} s  ({line1})");
    println!("second build: {second:.2} s  ({line2})");

    let out = root.join("output");
    let page = fs::read_to_string(out.join("2024/index.html")).expect("year page");
    let html = page.len() as u64;
    let css = size(&out.join("style.css"));
    let imgs: Vec<&str> = page
        .split("<img")
        .skip(1)
        .map(|t| &t[..t.find('>').unwrap_or(t.len())])
        .collect();
    let photos: Vec<&&str> = imgs
        .iter()
        .filter(|t| attr(t, "srcset").is_some())
        .collect();
    let before: u64 = (0..PER_YEAR)
        .map(|i| size(&root.join(format!("content/2024/nguoi-{i:03}/anh.jpg"))))
        .sum();
    println!(
        "2024 roll, {} photos shown; HTML {:.1} kB, CSS {:.1} kB",
        photos.len(),
        html as f64 / 1e3,
        css as f64 / 1e3
    );
    println!(
        "  before (the originals):      {:>9.1} kB",
        (html + css + before) as f64 / 1e3
    );
    for dpr in [2.0, 3.0] {
        let after: u64 = photos
            .iter()
            .map(|t| {
                let slot = slot(attr(t, "sizes").unwrap_or("100vw"), 360.0);
                let url = pick(attr(t, "srcset").unwrap_or_default(), slot, dpr);
                size(&out.join(url.trim_start_matches('/')))
            })
            .sum();
        println!(
            "  after, 360 px phone at {dpr}x:   {:>9.1} kB  ({:.0}× less)",
            (html + css + after) as f64 / 1e3,
            (html + css + before) as f64 / (html + css + after) as f64
        );
    }
}
