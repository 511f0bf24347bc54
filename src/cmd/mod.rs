//! One file per command, each thin: parse what it needs, call the rooms, pick an exit code.

pub mod build;
mod build_report;
pub mod check;
pub mod council;
pub mod import;
pub mod init;
pub mod new;
pub mod serve;

use std::io::Write;
use std::path::Path;

use crate::check::check as check_site;
use crate::content::load::{Loaded, load};
use crate::diag::{self, Diagnostic, Fatal, Lang};
use crate::media::verify::{Made, Mode, verify};
use crate::text::date::today;

/// Exit codes of SPEC §3.
pub const OK: u8 = 0;
pub const CONTENT_ERRORS: u8 = 1;
pub const FATAL: u8 = 2;

/// Reads and checks a site: the model, every diagnostic sorted, and the images made on
/// the way. Images the build would decode are decoded first (or found in the cache), as
/// `mode` says.
pub fn analyse(root: &Path, mode: Mode) -> Result<(Loaded, Vec<Diagnostic>, Made), Vec<Fatal>> {
    if let Err(value) = today() {
        return Err(vec![Fatal::BadToday { value }]);
    }
    Ok(analyse_loaded(load(root)?, mode))
}

/// [`analyse`] of a site already read (`build` hashes what it read in between).
pub fn analyse_loaded(mut loaded: Loaded, mode: Mode) -> (Loaded, Vec<Diagnostic>, Made) {
    let at = std::time::Instant::now();
    let made = verify(&mut loaded.site, mode);
    loaded
        .phases
        .push(("decode images not yet cached", at.elapsed()));
    let at = std::time::Instant::now();
    let mut diags = std::mem::take(&mut loaded.diags);
    diags.extend(check_site(&loaded.site));
    diag::sort(&mut diags);
    loaded.phases.push(("check", at.elapsed()));
    (loaded, diags, made)
}

/// Prints fatal problems on standard error and returns exit code 2.
pub fn fatal(fatals: &[Fatal], lang: Lang) -> u8 {
    let mut err = std::io::stderr().lock();
    for f in fatals {
        let label = match lang {
            Lang::Vi => "lỗi",
            Lang::En => "error",
        };
        let _ = writeln!(err, "{label}: {}", f.text(lang));
    }
    FATAL
}
