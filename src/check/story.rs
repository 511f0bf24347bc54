//! A story's rules. `story-link`: the files it uses sit beside it and may be published,
//! the images it shows come from the site (never from another host: the site works
//! without the internet), and its links to pages of the site lead to pages the build
//! makes (judged across files, `links`), in every build that makes the story's own page: a
//! published exemplar's story does not link a pending one, whose page only `--drafts`
//! makes, nor one not recognised. `photo`: a story image the build could not
//! decode. `syntax`: HTML nested too deep to sanitise in linear time. `invalid-value`: a
//! control character. Only stories that will be published are judged: not a revoked
//! profile's, nor one its person asked to take down.

use super::Out;
use crate::content::load::MAX_PHOTO_SIDE;
use crate::content::model::{PhotoFile, Profile, Site};
use crate::content::reader::nearest;
use crate::content::story_html::MAX_DEPTH;
use crate::content::story_refs::{RefKind, StoryFile, StoryRef, Target};
use crate::diag::catalogue::{StoryMsg, TypoMsg};
use crate::diag::{Diagnostic, Msg, Rule};
use crate::facts::addresses::Addresses;
use crate::facts::consent::{photo_allowed, story_allowed};
use crate::facts::status::Status;
use crate::media::photos::MAX_ALLOC;

/// Whether the profile's story is published at all.
fn published(p: &Profile) -> bool {
    p.revoked.is_none() && story_allowed(p)
}

fn at(p: &Profile, r: &StoryRef, rule: Rule, msg: Msg) -> Diagnostic {
    Diagnostic::new(rule, p.file(), r.line, None, msg).with_snippet(r.snippet.clone())
}

/// The folder the story's files sit in, as the writer sees it (`content/2024/an/`).
fn folder(p: &Profile) -> String {
    match p.file().rsplit_once('/') {
        Some((dir, _)) => format!("{dir}/"),
        None => String::new(),
    }
}

/// The files and images of the story.
pub fn files(p: &Profile, out: &mut Out) {
    if !published(p) {
        return;
    }
    let portrait = match &p.photo_file {
        Some(PhotoFile::Found { path, .. }) if !photo_allowed(p) => Some(path),
        _ => None,
    };
    for r in &p.story_facts.refs {
        let image = r.kind == RefKind::Image;
        let (name, found) = match &r.target {
            Target::Elsewhere if image => {
                let msg = StoryMsg::ImageElsewhere { url: r.url.clone() };
                out.push(at(p, r, Rule::StoryLink, Msg::Story(msg)));
                continue;
            }
            Target::Here if image => ("", &StoryFile::Missing { near: None }),
            Target::File { name, found } => (name.as_str(), found),
            _ => continue,
        };
        let path = name.to_string();
        let (rule, msg) = match found {
            StoryFile::Unknown => continue,
            StoryFile::Found { path: real, .. } if Some(real) == portrait => (
                Rule::StoryLink,
                Msg::Story(StoryMsg::PhotoWithoutConsent { name: path }),
            ),
            StoryFile::Found { image: None, .. } if image => {
                (Rule::Photo, Msg::PhotoNotAnImage { path })
            }
            StoryFile::Found { .. } => continue,
            StoryFile::Missing { near } => (
                Rule::StoryLink,
                Msg::Story(StoryMsg::FileMissing {
                    name: path,
                    dir: folder(p),
                    near: near.clone(),
                }),
            ),
            StoryFile::Outside => (
                Rule::StoryLink,
                Msg::Story(StoryMsg::FileOutside { name: path }),
            ),
            StoryFile::NotAFile => (
                Rule::StoryLink,
                Msg::Story(StoryMsg::NotAFile { name: path }),
            ),
            StoryFile::Refused => (
                Rule::StoryLink,
                Msg::Story(StoryMsg::FileRefused { name: path }),
            ),
            StoryFile::Reserved => (
                Rule::StoryLink,
                Msg::Story(StoryMsg::FileReserved { name: path }),
            ),
            StoryFile::TooLarge { width, height } => (
                Rule::Photo,
                Msg::PhotoTooLarge {
                    path,
                    width: *width,
                    height: *height,
                    max: MAX_PHOTO_SIDE,
                },
            ),
            StoryFile::Damaged(detail) => (
                Rule::Photo,
                Msg::PhotoDamaged {
                    path,
                    detail: detail.clone(),
                },
            ),
            StoryFile::TooHeavy => (
                Rule::Photo,
                Msg::PhotoTooHeavy {
                    path,
                    max_mib: MAX_ALLOC >> 20,
                },
            ),
        };
        out.push(at(p, r, rule, msg));
    }
}

/// HTML nested too deep, and characters no page can carry, in the story.
pub fn text(p: &Profile, out: &mut Out) {
    if !published(p) {
        return;
    }
    let facts = &p.story_facts;
    if let Some(place) = &facts.too_deep {
        let msg = Msg::Story(StoryMsg::TooDeep { limit: MAX_DEPTH });
        out.push(
            Diagnostic::new(Rule::Syntax, p.file(), place.line, None, msg)
                .with_snippet(place.snippet.clone()),
        );
    }
    if let Some((place, c)) = &facts.control {
        let msg = Msg::Typo(TypoMsg::Control {
            key: None,
            code: *c as u32,
        });
        out.push(
            Diagnostic::new(Rule::InvalidValue, p.file(), place.line, None, msg)
                .with_snippet(place.snippet.clone()),
        );
    }
}

/// Links and images of every story that point at an address of the site the build does
/// not make.
pub fn links(site: &Site, out: &mut Out) {
    let addresses = Addresses::new(site);
    for (i, p) in site
        .profiles
        .iter()
        .enumerate()
        .filter(|(_, p)| published(p))
    {
        for r in &p.story_facts.refs {
            let Target::Site(path) = &r.target else {
                continue;
            };
            if let Some((to, status)) = addresses.unpublished(path, i) {
                let msg = StoryMsg::PageNotPublished {
                    url: r.url.clone(),
                    name: site.profiles[to].name().to_string(),
                    pending: status == Status::Pending,
                };
                out.push(at(p, r, Rule::StoryLink, Msg::Story(msg)));
                continue;
            }
            if addresses.exists(path) {
                continue;
            }
            let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
            // A list's later pages (`/2024/trang/2/`) are not kept: they shift as the
            // roll grows, so a story links the list's first page.
            let pager = parts.iter().position(|s| *s == "trang").filter(|&i| i > 0);
            let suggestion = if let Some(i) = pager {
                let first = parts[..i].join("/");
                addresses.exists(&first).then(|| format!("/{first}/"))
            } else if let [y, slug, ..] = parts.as_slice() {
                y.parse::<u16>().ok().and_then(|year| {
                    nearest(slug, addresses.slugs(year)).map(|s| format!("/{year}/{s}/"))
                })
            } else {
                None
            };
            let msg = StoryMsg::PageMissing {
                url: r.url.clone(),
                suggestion,
            };
            out.push(at(p, r, Rule::StoryLink, Msg::Story(msg)));
        }
    }
}
