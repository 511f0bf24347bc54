//! The theme: templates (Tera, parsed once), the strings of the site's language, and the
//! static files. The default theme is built into the binary; a site's own
//! `themes/NAME/` overrides it file by file.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use tera::{Context, Tera};
use walkdir::WalkDir;

use super::card_fn::CardFn;
use crate::diag::{Fatal, Lang};

include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));

pub struct Theme {
    pub tera: Tera,
    pub strings: BTreeMap<String, String>,
    /// Files of `static/`, by path inside it.
    pub statics: BTreeMap<String, Vec<u8>>,
    /// The templates' sources, to point errors at a line.
    pub sources: BTreeMap<String, String>,
}

impl Theme {
    /// A string of the theme's language, or `fallback` when the theme lacks it.
    pub fn word<'a>(&'a self, key: &str, fallback: &'a str) -> &'a str {
        self.strings.get(key).map_or(fallback, String::as_str)
    }
}

/// The theme's files: the built-in default, then the site's own on top.
fn files(root: &Path, name: &str) -> Result<BTreeMap<String, Vec<u8>>, Fatal> {
    let mut out: BTreeMap<String, Vec<u8>> = DEFAULT_THEME
        .iter()
        .map(|(p, b)| (p.to_string(), b.to_vec()))
        .collect();
    let dir = root.join("themes").join(name);
    if !dir.is_dir() {
        if name == "default" {
            return Ok(out);
        }
        return Err(Fatal::ThemeMissing {
            theme: name.to_string(),
        });
    }
    for entry in WalkDir::new(&dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Fatal::Unreadable {
            path: dir.display().to_string(),
            detail: e.to_string(),
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let bytes = fs::read(entry.path()).map_err(|e| Fatal::Unreadable {
            path: entry.path().display().to_string(),
            detail: e.to_string(),
        })?;
        out.insert(rel, bytes);
    }
    Ok(out)
}

/// HTML escaping of text and attribute values: the five characters that matter, and
/// nothing else (Tera's default also escapes `/`, which bloats every address).
pub fn escape(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    let mut done = 0;
    for (i, b) in input.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // The five are ASCII: `i` is always at a character boundary.
        out.push_str(&input[done..i]);
        out.push_str(entity);
        done = i + 1;
    }
    out.push_str(&input[done..]);
    out
}

/// The line of a template where `needle` first appears, for error messages.
fn line_of(source: &str, needle: &str) -> Option<usize> {
    source
        .lines()
        .position(|l| l.contains(needle))
        .map(|i| i + 1)
}

/// Turns a Tera error into one readable sentence: template, line when known, cause.
pub fn describe(err: &tera::Error, templates: &BTreeMap<String, String>) -> String {
    let mut parts = vec![err.to_string()];
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    let text = parts
        .join(": ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // Tera names the template in quotes; a parse error carries `--> line:col`, a render
    // error names a variable, which is looked up in the template's source.
    let template = templates
        .keys()
        .find(|name| text.contains(&format!("'{name}'")));
    let parsed_line = text
        .split("--> ")
        .nth(1)
        .and_then(|rest| rest.split(':').next())
        .and_then(|l| l.trim().parse::<usize>().ok());
    let needle = text
        .split('`')
        .nth(1)
        .map(|n| n.split('.').next_back().unwrap_or(n));
    match template {
        Some(t) => match parsed_line.or_else(|| needle.and_then(|n| line_of(&templates[t], n))) {
            Some(line) => format!("{t}:{line}: {text}"),
            None => format!("{t}: {text}"),
        },
        None => text,
    }
}

pub fn load(root: &Path, name: &str, lang: Lang) -> Result<Theme, Fatal> {
    let files = files(root, name)?;
    let mut templates = BTreeMap::new();
    let mut statics = BTreeMap::new();
    let mut strings = BTreeMap::new();
    let strings_file = format!("strings/{}.toml", lang.code());
    for (path, bytes) in &files {
        if let Some(t) = path.strip_prefix("templates/") {
            let text = String::from_utf8(bytes.clone()).map_err(|_| Fatal::Template {
                detail: format!("{t}: not UTF-8"),
            })?;
            templates.insert(t.to_string(), text);
        } else if let Some(s) = path.strip_prefix("static/") {
            statics.insert(s.to_string(), bytes.clone());
        } else if *path == strings_file {
            let text = String::from_utf8_lossy(bytes);
            let table: toml::Table = toml::from_str(&text).map_err(|e| Fatal::Template {
                detail: format!("themes/{name}/{path}: {e}"),
            })?;
            for (k, v) in table {
                strings.insert(k, v.as_str().map_or_else(|| v.to_string(), str::to_string));
            }
        }
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(escape);
    tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| Fatal::Template {
            detail: describe(&e, &templates),
        })?;
    let mut words = Context::new();
    words.insert("t", &strings);
    let cards = CardFn::new(tera.clone(), words);
    tera.register_function("card", cards);
    Ok(Theme {
        tera,
        strings,
        statics,
        sources: templates,
    })
}

/// The theme's files as written by `bangvang init`.
pub fn default_files() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    DEFAULT_THEME.iter().copied()
}
