//! Share-card benchmark (not a test): draws and encodes deterministic cards on one thread
//! and prints the CPU time per card (this thread's, from `/proc/thread-self/stat`, so the
//! other work on a shared machine does not count), the wall time per card and the sizes
//! of the files, for cards with initials (PNG) and with a photo (JPEG), and the time of
//! the drawing alone.
//!
//!     cargo run --release --example cards [N] [DIR]
//!
//! N cards of each kind (default 500); with DIR, the first cards are written there to be
//! looked at (`DIR/card-0.png`, …).

use std::fs;
use std::path::PathBuf;
use std::time::Instant;

use bangvang::media::cards::{self, Content, FRAME_SIZE, Photo, Picture};
use bangvang::render::avatar;

const FAMILY: [&str; 10] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
];
const MIDDLE: [&str; 6] = ["Văn", "Thị", "Minh", "Thanh", "Quang", "Ngọc"];
const GIVEN: [&str; 10] = [
    "An", "Bình", "Chi", "Dũng", "Đức", "Hạnh", "Hùng", "Lan", "Phương", "Yến",
];
const POSITIONS: [&str; 4] = [
    "Chuyên viên",
    "Phó Trưởng phòng",
    "Kỹ sư kiểm định",
    "Trưởng phòng Quản lý chất lượng công trình xây dựng",
];
const UNITS: [&str; 4] = [
    "Văn phòng Sở",
    "Phòng Quản lý xây dựng",
    "Trung tâm Kiểm định chất lượng xây dựng",
    "Phòng Kinh tế, Vật liệu xây dựng và Quản lý hạ tầng kỹ thuật đô thị",
];

/// This thread's CPU time (user and system), in seconds, from the kernel's accounting.
fn thread_cpu() -> f64 {
    let stat = fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0);
    // Fields 14 and 15 (utime, stime) are the 12th and 13th after the command name.
    (ticks(11) + ticks(12)) / 100.0
}

fn content(k: usize, photo: bool) -> Content {
    let name = format!(
        "{} {} {}",
        FAMILY[k % 10],
        MIDDLE[k / 10 % 6],
        GIVEN[k / 60 % 10]
    );
    Content {
        agency: "Sở Xây dựng tỉnh Bình Phước".into(),
        kicker: "Điển hình tiên tiến năm 2024".into(),
        lines: vec![POSITIONS[k % 4].into(), UNITS[k / 4 % 4].into()],
        mark: k.is_multiple_of(7).then(|| "Điển hình cấp tỉnh".into()),
        foot: "thiduakhenthuong.sxd.binhphuoc.gov.vn".into(),
        picture: if photo {
            Picture::Photo
        } else {
            Picture::Initials {
                text: avatar::initials(&name),
                color: avatar::color(&name).into(),
            }
        },
        title: name,
    }
}

/// A portrait-like gradient, the size of the card's frame.
fn photo(k: usize) -> Photo {
    let (w, h) = FRAME_SIZE;
    let mut rgb = Vec::with_capacity((w * h * 3) as usize);
    for y in 0..h {
        for x in 0..w {
            let dx = x as f32 - w as f32 / 2.0;
            let dy = y as f32 - h as f32 * 0.4;
            let d = (dx * dx + dy * dy).sqrt();
            let v = (255.0 - d * 0.9).clamp(40.0, 255.0) as u8;
            rgb.extend_from_slice(&[v, (v as usize * (k % 5 + 3) / 8) as u8, 120]);
        }
    }
    Photo {
        width: w,
        height: h,
        rgb,
    }
}

fn run(n: usize, with_photo: bool, out: Option<&PathBuf>) {
    // The font is parsed and the first glyphs drawn before the clock starts, as in a
    // build, where each thread keeps its glyphs for every later card.
    let _ = cards::make(&content(0, with_photo), None);
    let photos: Vec<Photo> = (0..5).map(photo).collect();
    let (mut bytes, mut max) = (0usize, 0usize);
    let cpu = thread_cpu();
    let wall = Instant::now();
    for k in 0..n {
        let p = with_photo.then(|| &photos[k % 5]);
        let (file, f) = cards::make(&content(k, with_photo), p).expect("made");
        bytes += file.len();
        max = max.max(file.len());
        if let Some(dir) = out.filter(|_| k < 4) {
            let kind = if with_photo { "photo" } else { "initials" };
            let path = dir.join(format!("card-{kind}-{k}.{}", f.extension()));
            fs::write(path, &file).expect("written");
        }
    }
    let cpu = thread_cpu() - cpu;
    let wall = wall.elapsed().as_secs_f64();
    println!(
        "{:<9} {n} cards: CPU {:.2} ms per card, wall {:.2} ms per card; file {:.1} KB on average, {:.1} KB at most",
        if with_photo { "photo" } else { "initials" },
        cpu * 1000.0 / n as f64,
        wall * 1000.0 / n as f64,
        bytes as f64 / n as f64 / 1024.0,
        max as f64 / 1024.0
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(500);
    let out = args.next().map(PathBuf::from);
    if let Some(d) = &out {
        fs::create_dir_all(d).expect("output folder");
    }
    let load = fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("load average at start: {}", load.trim());
    // The drawing alone (no encoding), to see where a card's time goes.
    let c = content(1, false);
    let _ = cards::design::draw(&c, None);
    let t = thread_cpu();
    for _ in 0..n {
        let _ = cards::design::draw(&c, None);
    }
    println!(
        "drawing alone: CPU {:.2} ms per card",
        (thread_cpu() - t) * 1000.0 / n as f64
    );
    run(n, false, out.as_ref());
    run(n / 5, true, out.as_ref());
}
