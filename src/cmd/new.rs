//! `bangvang new YEAR/SLUG --kind KIND --unit UNIT [--name NAME]`: a profile skeleton
//! from the year's plan, every criterion that applies present with its words above it.

use std::path::Path;

use super::{CONTENT_ERRORS, FATAL, OK, fatal};
use crate::check::references;
use crate::content::edit::Writer;
use crate::content::load::load;
use crate::content::model::{Kind, Profile};
use crate::content::skeleton::{Fill, skeleton};
use crate::content::source::{At, Doc, Span};
use crate::diag::{Fatal, Lang, Msg, Rule, report};
use crate::text::slug::{YEAR_RESERVED, is_valid_id};

pub fn run(
    root: &Path,
    target: &str,
    kind: &str,
    unit: &str,
    name: Option<&str>,
    lang: Option<Lang>,
) -> u8 {
    let loaded = match load(root) {
        Ok(l) => l,
        Err(f) => return fatal(&f, lang.unwrap_or_default()),
    };
    let site = &loaded.site;
    let lang = lang.unwrap_or(site.config.language);
    let Some((year, slug)) = target
        .split_once('/')
        .and_then(|(y, s)| Some((y.parse::<u16>().ok()?, s)))
    else {
        let detail = match lang {
            Lang::Vi => {
                format!("\"{target}\" không đúng dạng NĂM/ĐỊA-CHỈ, ví dụ 2024/nguyen-van-an")
            }
            Lang::En => format!("\"{target}\" is not YEAR/SLUG, e.g. 2024/nguyen-van-an"),
        };
        return fatal(&[Fatal::BadArgument { detail }], lang);
    };
    let file = format!("content/{year}/{slug}.md");
    let mut diags = Vec::new();
    let doc = Doc::new(file.clone(), "", 1);
    if YEAR_RESERVED.contains(&slug) {
        diags.push(doc.diag(
            Rule::BadSlug,
            None,
            None,
            Msg::ReservedSlug {
                name: format!("{slug}.md"),
                folder: false,
            },
        ));
    } else if !is_valid_id(slug) {
        diags.push(doc.diag(
            Rule::InvalidValue,
            None,
            None,
            Msg::BadId {
                key: "slug".into(),
                value: slug.into(),
            },
        ));
    }
    let kind_arg = kind;
    let kind = Kind::parse(kind_arg);
    if kind.is_none() {
        diags.push(doc.diag(
            Rule::InvalidValue,
            None,
            Some("kind"),
            Msg::UnknownKind {
                value: kind_arg.into(),
            },
        ));
    }
    let probe = probe_profile(&doc, year, slug, unit);
    references::unit(site, &probe, &mut diags);
    let plan = references::plan(site, &probe, &mut diags);
    if let (Some(plan), Some(kind), true) = (plan, kind, diags.is_empty()) {
        let dir = root.join("content").join(year.to_string());
        if dir.join(format!("{slug}.md")).exists() || dir.join(slug).join("index.md").exists() {
            let msg = match lang {
                Lang::Vi => format!("hồ sơ {year}/{slug} đã có; không ghi đè"),
                Lang::En => format!("profile {year}/{slug} already exists; not overwriting"),
            };
            eprintln!("{msg}");
            return CONTENT_ERRORS;
        }
        let fill = Fill {
            name: name.map(str::to_string),
            ..Fill::default()
        };
        let text = skeleton(site, plan, kind, unit, year, &fill);
        let written = Writer::open(&root.join("content"))
            .and_then(|w| w.create(&format!("{year}/{slug}.md"), text.as_bytes()));
        if let Err(e) = written {
            return fatal(
                &[Fatal::Unwritable {
                    path: file,
                    detail: e.to_string(),
                }],
                lang,
            );
        }
        match lang {
            Lang::Vi => println!("đã tạo {file}: điền các mục còn trống rồi chạy `bangvang check`"),
            Lang::En => println!("wrote {file}: fill in the blanks, then run `bangvang check`"),
        }
        return OK;
    }
    if diags.is_empty() {
        return FATAL;
    }
    eprint!(
        "{}",
        diags
            .iter()
            .map(|d| report::human(d, lang) + "\n")
            .collect::<String>()
    );
    CONTENT_ERRORS
}

/// A profile holding only what `new` was told, so that `check`'s own rules judge it.
fn probe_profile(doc: &Doc, year: u16, slug: &str, unit: &str) -> Profile {
    let mut p = Profile::empty(doc.clone(), year, slug);
    p.unit = Some(At::new(unit.to_string(), Span::default()));
    p
}
