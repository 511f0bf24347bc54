//! What `build` prints: the summary line and, with `--timings`, where the time went.

use std::path::Path;
use std::time::Duration;

use crate::diag::Lang;
use crate::output::Written;
use crate::render::Summary;

fn seconds(secs: f64, lang: Lang) -> String {
    let s = format!("{secs:.2}");
    if lang == Lang::Vi {
        s.replace('.', ",")
    } else {
        s
    }
}

/// The line that ends a build: pages, profiles by status, photos, share cards, files
/// written.
pub fn summary_line(out: &Path, s: &Summary, w: &Written, secs: f64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "đã xây dựng {}: {} trang; hồ sơ: {} được công nhận, {} chờ xét, {} không được công nhận, {} bị thu hồi; ảnh: {} xử lý, {} dùng lại; thẻ chia sẻ: {} vẽ, {} dùng lại; tệp: {} ghi mới, {} không đổi, {} xoá; {} giây",
            out.display(),
            s.pages,
            s.recognised,
            s.pending,
            s.not_recognised,
            s.revoked,
            s.photos_processed,
            s.photos_reused,
            s.cards_made,
            s.cards_reused,
            w.written,
            w.unchanged,
            w.removed,
            seconds(secs, lang)
        ),
        Lang::En => format!(
            "built {}: {} pages; profiles: {} recognised, {} pending, {} not recognised, {} revoked; photos: {} processed, {} reused; share cards: {} drawn, {} reused; files: {} written, {} unchanged, {} removed; {} s",
            out.display(),
            s.pages,
            s.recognised,
            s.pending,
            s.not_recognised,
            s.revoked,
            s.photos_processed,
            s.photos_reused,
            s.cards_made,
            s.cards_reused,
            w.written,
            w.unchanged,
            w.removed,
            seconds(secs, lang)
        ),
    }
}

/// `--timings`: one line per phase, indented ones inside the phase above them.
pub fn timings(phases: &[(&str, Duration)]) {
    for (phase, time) in phases {
        eprintln!("{:>8.3} s  {phase}", time.as_secs_f64());
    }
}
