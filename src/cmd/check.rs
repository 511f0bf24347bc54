//! `bangvang check`: judge every profile, print the diagnostics, write nothing; with
//! `--consent`, print the consent register instead.

use std::io::Write;
use std::path::Path;

use super::{CONTENT_ERRORS, OK, analyse, fatal};
use crate::cli::Format;
use crate::diag::{Lang, count_errors, register, report};
use crate::media::verify::Mode;

pub fn run(root: &Path, format: Format, consent: bool, lang: Option<Lang>) -> u8 {
    let (loaded, diags, _) = match analyse(root, Mode::Check) {
        Ok(x) => x,
        Err(f) => return fatal(&f, lang.unwrap_or_default()),
    };
    let lang = lang.unwrap_or(loaded.site.config.language);
    let text = match (consent, format) {
        (true, Format::Json) => register::json(&loaded.site),
        (true, Format::Human) => register::human(&loaded.site, lang),
        (false, Format::Json) => report::json(&diags, lang),
        (false, Format::Human) => report::human_all(&diags, loaded.site.files.len(), lang),
    };
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
    let errors = count_errors(&diags);
    if errors > 0 {
        if consent {
            let mut err = std::io::stderr().lock();
            let _ = match lang {
                Lang::Vi => writeln!(err, "có {errors} lỗi: chạy `bangvang check` để xem"),
                Lang::En => writeln!(err, "{errors} errors: run `bangvang check` to see them"),
            };
        }
        CONTENT_ERRORS
    } else {
        OK
    }
}
