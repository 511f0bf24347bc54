//! Spreading the example (SPEC §5), the pages' side: what each share card says (made by
//! `media::cards`), the share tags and panel of each page, the Zalo caption, and the QR
//! codes beside the published profiles.

use std::collections::BTreeMap;
use std::path::Path;

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use rayon::prelude::*;

use super::index::Index;
use super::theme::Theme;
use super::views::{ShareImage, ShareView};
use crate::diag::Lang;
use crate::facts::status::Status;
use crate::media::cards::{self, Content, Job, Made, PhotoSource, Picture};
use crate::media::{photos, qr};
use crate::output::Sink;

/// Whose card a job makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Profile(usize),
    Year(u16),
    Home,
}

/// The cards of a build, by what they belong to, each with its alternative text.
#[derive(Debug, Default)]
pub struct Cards {
    profiles: BTreeMap<usize, (Made, String)>,
    years: BTreeMap<u16, (Made, String)>,
    home: Option<(Made, String)>,
}

impl Cards {
    pub fn new(owners: &[(Owner, String)], made: &[Option<Made>]) -> Cards {
        let mut out = Cards::default();
        for ((owner, alt), m) in owners.iter().zip(made) {
            let Some(m) = m else { continue };
            let v = (m.clone(), alt.clone());
            match *owner {
                Owner::Profile(i) => {
                    out.profiles.insert(i, v);
                }
                Owner::Year(y) => {
                    out.years.insert(y, v);
                }
                Owner::Home => out.home = Some(v),
            }
        }
        out
    }

    /// The card of `owner`; pages without one of their own share the home page's.
    pub fn of(&self, owner: Option<Owner>) -> Option<&(Made, String)> {
        match owner {
            Some(Owner::Profile(i)) => self.profiles.get(&i),
            Some(Owner::Year(y)) => self.years.get(&y),
            Some(Owner::Home) | None => self.home.as_ref(),
        }
    }
}

/// "{n} điển hình tiên tiến, trong đó {p} cấp tỉnh" with its numbers.
fn counted(theme: &Theme, total: usize, provincial: usize) -> String {
    let (key, fallback) = if provincial > 0 {
        (
            "card_count_provincial",
            "{n} điển hình tiên tiến, trong đó {p} cấp tỉnh",
        )
    } else {
        ("card_count", "{n} điển hình tiên tiến")
    };
    theme
        .word(key, fallback)
        .replace("{n}", &total.to_string())
        .replace("{p}", &provincial.to_string())
}

/// The agency as it was named in `year` (when its plan was issued, else at the year's
/// end), as that year's roll names it: a card of 2024 carries the name of 2024.
fn agency_in(site: &crate::content::model::Site, year: u16) -> String {
    let day = site
        .plan(year)
        .and_then(|p| p.issued)
        .or(crate::text::date::Date::new(i32::from(year), 12, 31));
    match day {
        Some(d) => crate::facts::organisation::name_on(&site.config, d).to_string(),
        None => site.config.organisation.clone(),
    }
}

/// The alternative text of a card: what it says, in one line.
fn alt(c: &Content) -> String {
    let mut parts = vec![c.title.clone()];
    parts.extend(c.lines.iter().filter(|l| !l.is_empty()).cloned());
    format!("{}: {}", c.kicker, parts.join(", "))
}

/// The card of every recognised profile, of every year and of the home page, with whose
/// each is; `wanted` says which pages a partial rebuild writes.
pub fn jobs(
    ix: &Index,
    theme: &Theme,
    photos: &photos::Published,
    photo_cache: Option<&Path>,
    wanted: &(dyn Fn(&str) -> bool + Sync),
) -> (Vec<Job>, Vec<(Owner, String)>) {
    let site = ix.site;
    let agency = site.config.organisation.clone();
    let agencies: BTreeMap<u16, String> = site
        .years()
        .into_iter()
        .map(|y| (y, agency_in(site, y)))
        .collect();
    let foot = ix.urls.host().unwrap_or_else(|| site.config.title.clone());
    let year_title = theme.word("year_title", "Điển hình tiên tiến năm");
    let badge = theme.word("badge_province", "Điển hình cấp tỉnh");
    let collective = theme.word("kind_collective", "Tập thể");
    let recognised: Vec<usize> = ix
        .by_year
        .values()
        .flatten()
        .copied()
        .filter(|&i| ix.status[i] == Status::Recognised)
        .collect();
    let profile_jobs: Vec<(Job, (Owner, String))> = recognised
        .par_iter()
        .filter_map(|&i| {
            let p = &site.profiles[i];
            let c = ix.card(i)?;
            let initials = Picture::Initials {
                text: c.avatar.initials.clone(),
                color: c.avatar.color.to_string(),
            };
            let photo = photos.keys[i].as_ref().and_then(|key| {
                let original = match &p.photo_file {
                    Some(crate::content::model::PhotoFile::Found { path, .. }) => path.clone(),
                    _ => return None,
                };
                Some(PhotoSource {
                    key: key.clone(),
                    cache: photo_cache.map(Path::to_path_buf),
                    original,
                })
            });
            let content = Content {
                agency: agencies.get(&p.year).unwrap_or(&agency).clone(),
                kicker: format!("{year_title} {}", p.year),
                title: c.name.clone(),
                // A collective is often its unit: its kind then, not its name twice.
                lines: match (&c.position, c.kind, *c.unit_name == *c.name) {
                    (Some(pos), _, _) => vec![pos.clone(), c.unit_name.to_string()],
                    (None, "collective", true) => vec![collective.to_string()],
                    (None, "collective", false) => {
                        vec![collective.to_string(), c.unit_name.to_string()]
                    }
                    (None, _, _) => vec![c.unit_name.to_string()],
                },
                mark: c.provincial.then(|| badge.to_string()),
                foot: foot.clone(),
                picture: if photo.is_some() {
                    Picture::Photo
                } else {
                    initials.clone()
                },
            };
            let dir = format!("{}/{}", p.year, p.slug);
            let write = wanted(&format!("{dir}/index.html"));
            let owner = (Owner::Profile(i), alt(&content));
            Some((
                Job {
                    dir,
                    content,
                    photo,
                    fallback: initials,
                    write,
                },
                owner,
            ))
        })
        .collect();
    let (mut jobs, mut owners): (Vec<Job>, Vec<(Owner, String)>) = profile_jobs.into_iter().unzip();

    let years = site.years();
    for &y in &years {
        let list = ix.by_year.get(&y).map(Vec::as_slice).unwrap_or_default();
        let published: Vec<usize> = list
            .iter()
            .copied()
            .filter(|&i| ix.status[i] == Status::Recognised)
            .collect();
        let provincial = published
            .iter()
            .filter(|&&i| site.profiles[i].province.is_some())
            .count();
        let plan = site.plan(y).map(|p| {
            format!(
                "{} {} {}",
                theme.word("plan_label", "Kế hoạch"),
                theme.word("decision_number", "số"),
                p.number
            )
        });
        let content = Content {
            agency: agencies.get(&y).unwrap_or(&agency).clone(),
            kicker: plan.unwrap_or_default(),
            title: format!("{year_title} {y}"),
            lines: vec![counted(theme, published.len(), provincial)],
            mark: None,
            foot: foot.clone(),
            picture: Picture::Year(y),
        };
        owners.push((Owner::Year(y), alt(&content)));
        jobs.push(Job {
            dir: y.to_string(),
            fallback: content.picture.clone(),
            content,
            photo: None,
            write: wanted(&format!("{y}/index.html")),
        });
    }
    let kicker = match years.first() {
        Some(y) => format!("{} {y}", theme.word("home_latest", "Bảng vàng năm")),
        None => String::new(),
    };
    let content = Content {
        agency,
        kicker,
        title: site.config.title.clone(),
        lines: vec![site.config.description.clone()],
        mark: None,
        foot,
        picture: Picture::Star,
    };
    owners.push((Owner::Home, alt(&content)));
    jobs.push(Job {
        dir: String::new(),
        fallback: Picture::Star,
        content,
        photo: None,
        write: wanted("index.html"),
    });
    (jobs, owners)
}

/// What a page says when it is shared: `og:` values, its card and QR code.
pub struct Page<'a> {
    pub kind: &'static str,
    pub title: &'a str,
    pub description: &'a str,
    /// The page's path inside the site (`/2024/x/`).
    pub path: &'a str,
    pub card: Option<&'a (Made, String)>,
    /// Whether a QR code is beside the page (a published profile, full `base_url`).
    pub qr: bool,
    pub caption: String,
}

pub fn view(ix: &Index, page: Page) -> ShareView {
    let cfg = &ix.site.config;
    let url = ix.urls.origin.as_ref().map(|_| ix.urls.absolute(page.path));
    let image = match (&ix.urls.origin, page.card) {
        (Some(_), Some((m, alt))) => Some(ShareImage {
            url: ix.urls.absolute(&ix.urls.at(&m.file)),
            width: cards::WIDTH,
            height: cards::HEIGHT,
            alt: alt.clone(),
            mime: m.format.mime(),
        }),
        _ => None,
    };
    ShareView {
        kind: if page.kind == "profile" {
            "profile"
        } else {
            "website"
        },
        title: page.title.to_string(),
        description: page.description.to_string(),
        site_name: cfg.title.clone(),
        locale: match cfg.language {
            Lang::Vi => "vi_VN",
            Lang::En => "en_US",
        },
        facebook: url.as_ref().filter(|_| page.kind == "profile").map(|u| {
            format!(
                "https://www.facebook.com/sharer/sharer.php?u={}",
                utf8_percent_encode(u, NON_ALPHANUMERIC)
            )
        }),
        url,
        image,
        card: page.card.map(|(m, _)| ix.urls.at(&m.file)),
        qr: page.qr.then(|| format!("{}{}", page.path, qr::FILE)),
        caption: page.caption,
    }
}

/// The caption to paste into Zalo: the theme's `share_caption` with its blanks filled.
pub fn caption(ix: &Index, theme: &Theme, i: usize) -> String {
    let Some(c) = ix.card(i) else {
        return String::new();
    };
    let role = c
        .position
        .iter()
        .map(String::as_str)
        .chain([&*c.unit_name])
        .collect::<Vec<_>>()
        .join(", ");
    let path = ix.urls.profile(c.year, &ix.site.profiles[i].slug);
    theme
        .word(
            "share_caption",
            "Gương điển hình tiên tiến năm {year} của {organisation}: {name}, {role}. {summary} Đọc câu chuyện: {url}",
        )
        .replace("{year}", &c.year.to_string())
        .replace("{organisation}", &ix.site.config.organisation)
        .replace("{name}", &c.name)
        .replace("{role}", &role)
        .replace("{summary}", &c.summary)
        .replace("{url}", &ix.urls.absolute(&path))
}

/// Whether profile `i` has a QR code: published, and the site has a full address.
pub fn has_qr(ix: &Index, i: usize) -> bool {
    ix.urls.origin.is_some() && ix.status[i] == Status::Recognised && ix.card(i).is_some()
}

/// Writes `qr.svg` beside each published profile page that `wanted` accepts; returns
/// the errors.
pub fn write_qr(
    ix: &Index,
    wanted: &(dyn Fn(&str) -> bool + Sync),
    sink: &dyn Sink,
) -> Vec<String> {
    ix.pages
        .par_iter()
        .filter(|&&i| has_qr(ix, i))
        .filter_map(|&i| {
            let p = &ix.site.profiles[i];
            let dir = format!("{}/{}", p.year, p.slug);
            if !wanted(&format!("{dir}/index.html")) {
                return None;
            }
            let url = ix.urls.absolute(&ix.urls.profile(p.year, &p.slug));
            let svg = qr::svg(&url)?;
            sink.put(&format!("{dir}/{}", qr::FILE), svg.as_bytes())
                .err()
        })
        .collect()
}
