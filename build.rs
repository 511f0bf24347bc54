//! Embeds the default theme (`themes/default/`) in the binary, so that a site without
//! a `themes/` folder builds with it and `bangvang init` can write it out.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let theme = root.join("themes").join("default");
    println!("cargo:rerun-if-changed=themes/default");
    let mut list = Vec::new();
    files(&theme, &mut list);
    list.sort();
    let mut code = String::from(
        "/// The default theme's files: (path inside the theme, contents).\npub static DEFAULT_THEME: &[(&str, &[u8])] = &[\n",
    );
    for path in &list {
        println!("cargo:rerun-if-changed={}", path.display());
        let rel = path.strip_prefix(&theme).expect("inside the theme");
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let _ = writeln!(
            code,
            "    ({rel:?}, include_bytes!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out =
        PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("default_theme.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
