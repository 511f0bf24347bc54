//! The theme: templates (Tera 2, parsed once), the strings of the site's language, and the
//! static files. The default theme is built into the binary; a site's own
//! `themes/NAME/` overrides it file by file.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

use tera::{ErrorKind, Kwargs, State, Tera, Value};
use walkdir::WalkDir;

use super::card_fn::{self, CardFn};
use crate::diag::{Fatal, Lang};

include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));

pub struct Theme {
    pub tera: Tera,
    pub strings: BTreeMap<String, String>,
    /// Files of `static/`, by path inside it.
    pub statics: BTreeMap<String, Vec<u8>>,
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
/// nothing else (Tera's default also escapes `/`, which bloats every address). `push`
/// receives the text in pieces.
fn escape_with<E>(input: &str, mut push: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
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
        push(&input[done..i])?;
        push(entity)?;
        done = i + 1;
    }
    push(&input[done..])
}

/// [`escape_with`] into a new string.
pub fn escape(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    let _ = escape_with::<Infallible>(input, |s| {
        out.push_str(s);
        Ok(())
    });
    out
}

/// [`escape_with`] into the page being rendered: Tera's escape function.
fn escape_to(input: &str, out: &mut dyn Write) -> io::Result<()> {
    escape_with(input, |s| out.write_all(s.as_bytes()))
}

/// `file:line:col` of a Tera report, from its `--> file:line:col` line.
fn located(report: &str) -> Option<&str> {
    report
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))
        .map(str::trim)
}

/// The text a Tera report underlines (`p.nme` in `{{ p.nme | upper }}`), when it is short.
fn underlined(report: &str) -> Option<String> {
    let mut lines = report
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("--> "));
    let source = lines.nth(2)?.split_once(" | ")?.1;
    let marks = lines.next()?.split_once(" | ")?.1;
    let skip = marks.chars().take_while(|&c| c != '^').count();
    let width = marks.chars().filter(|&c| c == '^').count();
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut text: String = source.chars().skip(skip).take(width).collect();
    // Tera marks only the first name of a path (`p` of `p.nme`): show the whole path.
    if !text.is_empty() && text.chars().all(ident) {
        let rest = source.chars().skip(skip + width);
        text.extend(rest.take_while(|&c| ident(c) || c == '.'));
    }
    let text = text.trim();
    (!text.is_empty() && text.chars().count() <= 80).then(|| format!(" (at `{text}`)"))
}

/// The places a Tera report says an error was `called from` (a component, an include).
fn callers(report: &str) -> String {
    report
        .lines()
        .filter_map(|l| l.strip_prefix("note: called from "))
        .map(|at| format!(" (called from {})", at.trim()))
        .collect()
}

/// One line: `file:line:col: message (at `text`)`; a message that already starts with a
/// place (an error inside `card.html`, told by the `card` function) keeps it first, and
/// the call is named after it.
fn sentence(at: &str, message: &str, report: &str) -> String {
    let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
    let inner = message.split_once(": ").filter(|(place, _)| {
        !place.contains(' ')
            && place
                .rsplit(':')
                .next()
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    });
    let callers = callers(report);
    match inner {
        Some((place, rest)) => format!("{place}: {rest} (called from {at}){callers}"),
        None => {
            let text = underlined(report).unwrap_or_default();
            format!("{at}: {message}{text}{callers}")
        }
    }
}

/// Turns a Tera error into one readable sentence: `template:line:col: cause (at `text`)`,
/// then where it was called from when it happened inside a component or `card.html`.
pub fn describe(err: &tera::Error) -> String {
    let report = err.to_string();
    match err.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
            let span = r.span();
            let at = format!(
                "{}:{}:{}",
                r.filename(),
                span.start_line,
                span.start_col + 1
            );
            sentence(&at, r.message(), &report)
        }
        _ => {
            // Checks made when the templates are added (an unknown function, component or
            // filter) come as several reports in one message: one sentence for each.
            let found: Vec<String> = report
                .split("\n\n")
                .filter_map(|r| {
                    let message = r.lines().next()?.strip_prefix("error: ")?;
                    Some(sentence(located(r)?, message, r))
                })
                .collect();
            if !found.is_empty() {
                return found.join("; ");
            }
            let mut parts = vec![report];
            let mut source = std::error::Error::source(err);
            while let Some(s) = source {
                parts.push(s.to_string());
                source = s.source();
            }
            parts
                .join(": ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        }
    }
}

/// What `card(...)` answers inside `card.html`: a card does not hold cards.
fn no_card_in_a_card(_: Kwargs, _: &State) -> tera::TeraResult<Value> {
    Err(tera::Error::message(format!(
        "card() cannot be called inside {}",
        card_fn::TEMPLATE
    )))
}

pub fn load(root: &Path, name: &str, lang: Lang) -> Result<Theme, Fatal> {
    let files = files(root, name)?;
    let mut templates = BTreeMap::new();
    let mut statics = BTreeMap::new();
    let mut strings = BTreeMap::new();
    let strings_file = format!("strings/{}.toml", lang.code());
    // The default theme's words first: a site's own strings file written for an earlier
    // version keeps working when a new page needs a word it does not have.
    if let Some((_, bytes)) = DEFAULT_THEME.iter().find(|(p, _)| *p == strings_file)
        && let Ok(table) = toml::from_str::<toml::Table>(&String::from_utf8_lossy(bytes))
    {
        for (k, v) in table {
            strings.insert(k, v.as_str().map_or_else(|| v.to_string(), str::to_string));
        }
    }
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
    // `t` is the same on every page: Tera's global context. `card.html` is rendered by
    // the `card` function with templates of its own, in which `card` refuses.
    let mut cards = Tera::new();
    cards.autoescape_on([".html", ".xml"]);
    cards.set_escape_fn(escape_to);
    cards.global_context().insert("t", &strings);
    cards.register_function("card", no_card_in_a_card);
    cards
        .add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| Fatal::Template {
            detail: describe(&e),
        })?;
    let mut tera = cards.clone();
    tera.register_function("card", CardFn::new(cards));
    Ok(Theme {
        tera,
        strings,
        statics,
    })
}

/// The theme's files as written by `bangvang init`.
pub fn default_files() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    DEFAULT_THEME.iter().copied()
}
