use std::path::Path;
use crate::diag::Lang;
pub fn run(_r: &Path, _p: u16, _b: &str, _l: Option<Lang>) -> u8 { 2 }
