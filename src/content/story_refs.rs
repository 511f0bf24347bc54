//! What a story refers to and holds, read once when its file is read (before a large
//! site packs the story, so checking never parses it again): its links and images, in
//! Markdown or in raw HTML, each with where it leads; how deep it nests; the first
//! character no page can carry; the skeleton's sentence if it is still there. Parsed with
//! the options and the parser the pages use.

use std::path::PathBuf;

use percent_encoding::percent_decode_str;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};

use super::placeholders;
use super::source::{Span, snippet};
use super::story_html::walk;
use crate::diag::Snippet;
use crate::text::controls::first_forbidden;

/// The Markdown options of stories, for the pages and for reading alike.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    /// `![](…)` or `<img src>`: shown in the page.
    Image,
    /// `[](…)` or `<a href>`: followed by the reader.
    Link,
}

/// Where a story's address leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Another host or another scheme: `https://…`, `//…`, `mailto:`, `data:`.
    Elsewhere,
    /// A page or file of the site: its path from the site's root, without the leading
    /// `/` (`2024/nguyen-van-an/`), decoded; `base_url` comes in front of it.
    Site(String),
    /// A file beside the story: its path from the story's folder, decoded, and what the
    /// reader found there.
    File { name: String, found: StoryFile },
    /// A place in the page itself (`#ket-qua`), or the page itself.
    Here,
}

/// What is at a story file's place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoryFile {
    /// Not looked for yet.
    Unknown,
    /// A plain file inside `content/`; `image` when it is a JPEG, PNG or WebP (by its
    /// bytes), with the dimensions its header gives.
    Found {
        path: PathBuf,
        image: Option<(u32, u32)>,
    },
    /// Not there; `near` names a file whose name differs only in case.
    Missing { near: Option<String> },
    /// Named with `..` or an absolute path, or a link leading out of `content/`.
    Outside,
    /// A folder or another thing that is not a plain file.
    NotAFile,
    /// A kind of file that is never copied onto the site (a web page, a script, a
    /// profile, a plan, a hidden file).
    Refused,
    /// A name the build itself uses in the page's folder.
    Reserved,
    /// An image whose header is larger than the build decodes.
    TooLarge { width: u32, height: u32 },
    /// An image the build could not decode (found by `media::verify`).
    Damaged(String),
    /// An image that would need more memory to decode than the build allows.
    TooHeavy,
}

/// One link or image of a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryRef {
    pub kind: RefKind,
    /// As written.
    pub url: String,
    /// The file line, and the line with the address marked.
    pub line: u32,
    pub snippet: Option<Snippet>,
    pub target: Target,
}

/// A place in a story: the file line and the marked source line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub line: u32,
    pub snippet: Option<Snippet>,
}

/// What checking needs to know about a story.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryFacts {
    pub refs: Vec<StoryRef>,
    /// Where elements first nest deeper than `story_html::MAX_DEPTH`.
    pub too_deep: Option<Place>,
    /// The first control character or noncharacter.
    pub control: Option<(Place, char)>,
    /// The skeleton's sentence, still there.
    pub placeholder: Option<(Place, &'static str)>,
}

/// Byte offsets of a story turned into file lines.
struct Lines<'a> {
    body: &'a str,
    first: u32,
    newlines: Vec<usize>,
}

impl Lines<'_> {
    fn place(&self, start: usize, end: usize) -> Place {
        let before = self.newlines.partition_point(|&n| n < start);
        Place {
            line: self.first + before as u32,
            snippet: snippet(self.body, Span::new(start..end.max(start + 1))),
        }
    }
}

/// The facts of the story `body` (starting on file line `first_line`) of the page
/// `/YEAR/SLUG/`.
pub fn facts(body: &str, first_line: u32, year: u16, slug: &str) -> StoryFacts {
    let lines = Lines {
        body,
        first: first_line,
        newlines: body.match_indices('\n').map(|(i, _)| i).collect(),
    };
    let events: Vec<(Event, std::ops::Range<usize>)> = Parser::new_ext(body, options())
        .into_offset_iter()
        .collect();
    let page = [year.to_string(), slug.to_string()];
    let mut refs = Vec::new();
    for (event, range) in &events {
        let (kind, url) = match event {
            Event::Start(Tag::Image { dest_url, .. }) => (RefKind::Image, dest_url),
            Event::Start(Tag::Link {
                dest_url,
                link_type,
                ..
            }) if *link_type != LinkType::Email => (RefKind::Link, dest_url),
            _ => continue,
        };
        let place = lines.place(range.start, range.end);
        refs.push(StoryRef {
            kind,
            url: url.to_string(),
            line: place.line,
            snippet: place.snippet,
            target: target(url, &page),
        });
    }
    let walked = walk(events.iter().map(|(e, r)| (e, r.start)));
    for raw in walked.raw_refs {
        let end = body[raw.offset..]
            .find('\n')
            .map_or(body.len(), |i| raw.offset + i);
        let place = lines.place(raw.offset, end);
        refs.push(StoryRef {
            kind: if raw.image {
                RefKind::Image
            } else {
                RefKind::Link
            },
            target: target(&raw.url, &page),
            url: raw.url,
            line: place.line,
            snippet: place.snippet,
        });
    }
    refs.sort_by_key(|r| r.line);
    StoryFacts {
        refs,
        too_deep: walked.too_deep.map(|at| lines.place(at, at + 1)),
        control: first_forbidden(body).map(|(at, c)| (lines.place(at, at + c.len_utf8()), c)),
        placeholder: placeholders::find(body).map(|(at, p)| (lines.place(at, at + p.len()), p)),
    }
}

/// Whether `url` starts with a scheme (`https:`, `mailto:`, `javascript:`, `C:`).
fn has_scheme(url: &str) -> bool {
    let Some((scheme, _)) = url.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
}

/// Where `url`, written in the story of the page `/page[0]/page[1]/`, leads.
pub fn target(url: &str, page: &[String; 2]) -> Target {
    let url = url.trim();
    if url.is_empty() || url.starts_with('#') {
        return Target::Here;
    }
    if has_scheme(url) || url.starts_with("//") || url.starts_with("/\\") || url.starts_with("\\\\")
    {
        return Target::Elsewhere;
    }
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode_str(path).decode_utf8_lossy();
    let absolute = decoded.starts_with('/');
    let mut segments: Vec<&str> = if absolute {
        Vec::new()
    } else {
        page.iter().map(String::as_str).collect()
    };
    let parts: Vec<&str> = decoded.split('/').collect();
    for seg in &parts {
        match *seg {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    let folder = decoded.ends_with('/') || matches!(parts.last(), Some(&"." | &".."));
    // A file in the page's own folder, however it is written (`anh.jpg`,
    // `/2024/an/anh.jpg`), is a file beside the story.
    let beside = segments.len() > 2 && segments[..2] == [page[0].as_str(), page[1].as_str()];
    if beside {
        let mut name = segments[2..].join("/");
        if folder {
            name.push('/');
        }
        return Target::File {
            name,
            found: StoryFile::Unknown,
        };
    }
    let mut site = segments.join("/");
    if folder && !site.is_empty() {
        site.push('/');
    }
    Target::Site(site)
}

#[cfg(test)]
mod tests;
