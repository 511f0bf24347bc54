//! The editor's first page: every year and its profiles, each with its status
//! (`facts::status`) and its problems as the last rebuild found them, and a search by
//! name that ignores tones (`text::fold`, as the site's search does).

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::draft::{DiagView, view};
use crate::content::model::{Kind, PlanState, Profile, Site};
use crate::diag::{Diagnostic, Lang};
use crate::facts::status::status;
use crate::text::collate::compare;
use crate::text::fold::fold;

#[derive(Debug, Serialize)]
pub struct Item {
    pub file: String,
    pub slug: String,
    pub name: String,
    pub kind: Option<&'static str>,
    pub unit: Option<String>,
    /// `recognised`, `pending`, `not-recognised`, `revoked`; none when it cannot be read.
    pub status: Option<&'static str>,
    pub errors: usize,
    pub warnings: usize,
    pub problems: Vec<DiagView>,
}

#[derive(Debug, Serialize)]
pub struct Year {
    pub year: u16,
    /// The plan's number; none when the year's plan is missing or invalid.
    pub plan: Option<String>,
    pub profiles: Vec<Item>,
    /// Profiles that matched but are not listed (a search finds them).
    pub more: usize,
}

/// The most profiles of a year listed at once.
const MAX_SHOWN: usize = 200;

#[derive(Debug, Serialize)]
pub struct Listing {
    pub years: Vec<Year>,
    /// Problems of files that are not profiles (settings, units, plans).
    pub site_problems: Vec<DiagView>,
    pub total: usize,
}

/// Whether `name` matches the folded words of `query` (each, anywhere in the name).
fn matches(name: &str, slug: &str, words: &[String]) -> bool {
    let folded = fold(name);
    words
        .iter()
        .all(|w| folded.contains(w.as_str()) || slug.contains(w.as_str()))
}

pub fn listing(site: &Site, diags: &[Diagnostic], query: &str, lang: Lang) -> Listing {
    let words: Vec<String> = fold(query).split_whitespace().map(String::from).collect();
    let by_file: HashMap<&str, &Profile> = site.profiles.iter().map(|p| (p.file(), p)).collect();
    let mut diags_of: HashMap<&str, Vec<&Diagnostic>> = HashMap::new();
    for d in diags {
        diags_of.entry(d.file.as_str()).or_default().push(d);
    }
    let profile_files: HashSet<&str> = site.files.iter().map(|f| f.file.as_str()).collect();
    let mut years = Vec::new();
    for (&year, state) in site.plans.iter().rev() {
        let plan = match state {
            PlanState::Valid(p) => Some(p.number.clone()),
            _ => None,
        };
        let mut profiles: Vec<Item> = site
            .files
            .iter()
            .filter(|f| f.year == year)
            .filter_map(|f| {
                let p = by_file.get(f.file.as_str()).copied();
                let name = p.map_or(f.slug.as_str(), |p| p.name()).to_string();
                if !matches(&name, &f.slug, &words) {
                    return None;
                }
                let problems: Vec<DiagView> = diags_of
                    .get(f.file.as_str())
                    .map(|ds| ds.iter().map(|d| view(d, lang)).collect())
                    .unwrap_or_default();
                let errors = problems.iter().filter(|d| d.severity == "error").count();
                Some(Item {
                    file: f.file.clone(),
                    slug: f.slug.clone(),
                    name,
                    kind: p.and_then(|p| p.kind()).map(Kind::name),
                    unit: p.and_then(|p| p.unit_id()).map(|u| {
                        site.unit(u)
                            .map_or_else(|| u.to_string(), |u| u.name.clone())
                    }),
                    status: p.map(|p| status(p, site.plan(year)).name()),
                    errors,
                    warnings: problems.len() - errors,
                    problems,
                })
            })
            .collect();
        profiles.sort_by(|a, b| compare(&a.name, &b.name).then(a.file.cmp(&b.file)));
        let more = profiles.len().saturating_sub(MAX_SHOWN);
        profiles.truncate(MAX_SHOWN);
        years.push(Year {
            year,
            plan,
            profiles,
            more,
        });
    }
    Listing {
        years,
        site_problems: diags
            .iter()
            .filter(|d| !profile_files.contains(&d.file.as_str()))
            .map(|d| view(d, lang))
            .collect(),
        total: site.files.len(),
    }
}
