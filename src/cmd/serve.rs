//! `bangvang serve`: build, serve on loopback, rebuild on change, reload open pages.

use std::path::Path;

use super::{FATAL, OK, fatal};
use crate::diag::Lang;
use crate::serve::{Options, run as serve};

pub fn run(root: &Path, port: u16, bind: &str, lang: Option<Lang>) -> u8 {
    match serve(&Options {
        root,
        port,
        bind,
        lang,
    }) {
        Ok(()) => OK,
        Err(f) => {
            fatal(&f, lang.unwrap_or_default());
            FATAL
        }
    }
}
