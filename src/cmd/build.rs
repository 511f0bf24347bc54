use std::path::PathBuf;
use crate::diag::Lang;
pub struct Options { pub root: PathBuf, pub output: Option<PathBuf>, pub base_url: Option<String>, pub drafts: bool, pub timings: bool }
pub fn run(_o: &Options, _l: Option<Lang>) -> u8 { 2 }
