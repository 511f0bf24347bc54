//! Progress of the long media steps (photos, share cards) on a terminal: one bar on
//! standard error while the step runs, cleared when it ends; nothing at all when standard
//! error is not a terminal (CI, a log file, `serve`'s rebuilds).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Steps shorter than this many items show no bar: they are over before it would draw.
const AT_LEAST: usize = 64;

/// A bar for `len` items of `what` ("ảnh", "thẻ chia sẻ"), or a hidden one when `show`
/// is false, the step is short, or standard error is not a terminal.
pub fn bar(len: usize, what: &str, show: bool) -> ProgressBar {
    if !show || len < AT_LEAST {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} ({eta})")
        .map(|s| s.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_prefix(what.to_string());
    bar
}
