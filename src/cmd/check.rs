//! `bangvang check`: judge every profile, print the diagnostics, write nothing.

use std::io::Write;
use std::path::Path;

use super::{CONTENT_ERRORS, OK, analyse, fatal};
use crate::cli::Format;
use crate::diag::{Lang, count_errors, report};

pub fn run(root: &Path, format: Format, lang: Option<Lang>) -> u8 {
    let (loaded, diags) = match analyse(root) {
        Ok(x) => x,
        Err(f) => return fatal(&f, lang.unwrap_or_default()),
    };
    let lang = lang.unwrap_or(loaded.site.config.language);
    let text = match format {
        Format::Json => report::json(&diags, lang),
        Format::Human => report::human_all(&diags, loaded.site.files.len(), lang),
    };
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
    if count_errors(&diags) > 0 {
        CONTENT_ERRORS
    } else {
        OK
    }
}
