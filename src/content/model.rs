//! The site model: what the content files say, typed, with the places they said it.
//! Reading fills it; checking judges it; rendering reads it. Required values are
//! `Option`s because a model with errors is still checked in full: rendering only ever
//! sees a model without errors, where they are all present.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::discover::StaticFile;
use super::pack::Packed;
use super::source::{At, Doc, Span};
use super::story_refs::StoryFacts;
use crate::diag::{Diagnostic, Lang};
use crate::text::date::Date;

#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: String,
    pub organisation: String,
    pub description: String,
    pub base_url: String,
    pub language: Lang,
    pub theme: String,
    /// Whether `build` writes a `.gz` beside every text file (`precompress = true`).
    pub precompress: bool,
    /// Earlier names of the organisation, oldest first (`[[organisation_history]]`).
    pub organisation_history: Vec<OrganisationEra>,
    /// Where `theme` was written in site.toml, for the diagnostic of a missing theme.
    pub theme_at: Option<Span>,
    /// The `[documents]` table: the agency as the Council's documents name it today.
    pub documents: DocumentsConfig,
}

/// A name the organisation had until a day, and optionally the body above it and its
/// place as documents wrote them then (`UBND TỈNH BÌNH PHƯỚC`, `Bình Phước`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationEra {
    pub name: String,
    pub until: Date,
    pub parent: Option<String>,
    pub place: Option<String>,
}

/// The optional `[documents]` table of site.toml (SPEC §6): each key, when written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentsConfig {
    /// The parent body, above the agency's name: `UBND TỈNH BÌNH PHƯỚC`.
    pub parent: Option<String>,
    /// The agency's name as its documents' header writes it: `SỞ XÂY DỰNG`.
    pub agency: Option<String>,
    /// The place of the date line: `Bình Phước`.
    pub place: Option<String>,
    /// The agency's symbol in document numbers: `SXD` (`…/QĐ-SXD`).
    pub symbol: Option<String>,
    pub signer_title: Option<String>,
    pub signer: Option<String>,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: "Điển hình tiên tiến".into(),
            organisation: String::new(),
            description: String::new(),
            base_url: "/".into(),
            language: Lang::Vi,
            theme: "default".into(),
            organisation_history: Vec::new(),
            theme_at: None,
            documents: DocumentsConfig::default(),
            precompress: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UnitType {
    Office,
    Affiliate,
    Agency,
    Union,
}

impl UnitType {
    pub fn parse(s: &str) -> Option<UnitType> {
        match s {
            "office" => Some(UnitType::Office),
            "affiliate" => Some(UnitType::Affiliate),
            "agency" => Some(UnitType::Agency),
            "union" => Some(UnitType::Union),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            UnitType::Office => "office",
            UnitType::Affiliate => "affiliate",
            UnitType::Agency => "agency",
            UnitType::Union => "union",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub kind: UnitType,
    pub description: Option<String>,
    /// The day the unit came into being, when it did within the site's years.
    pub from: Option<Date>,
    /// Its last day (renamed, merged, dissolved).
    pub until: Option<Date>,
    /// The unit that took over its work (only with `until`).
    pub successor: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Collective,
    Leader,
    Staff,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Collective, Kind::Leader, Kind::Staff];

    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "collective" => Some(Kind::Collective),
            "leader" => Some(Kind::Leader),
            "staff" => Some(Kind::Staff),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Collective => "collective",
            Kind::Leader => "leader",
            Kind::Staff => "staff",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Movement {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Criterion {
    pub id: String,
    pub applies_to: Vec<Kind>,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub file: String,
    pub number: String,
    pub title: String,
    pub issued: Option<Date>,
    pub deadline: Date,
    pub approval_percent: i64,
    pub excellent_members_percent: i64,
    pub movements: Vec<Movement>,
    pub criteria: Vec<Criterion>,
}

impl Plan {
    pub fn criteria_for(&self, kind: Kind) -> impl Iterator<Item = &Criterion> {
        self.criteria
            .iter()
            .filter(move |c| c.applies_to.contains(&kind))
    }

    pub fn movement(&self, id: &str) -> Option<&Movement> {
        self.movements.iter().find(|m| m.id == id)
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }
}

/// A year folder's plan: read, invalid (its errors are the plan file's), or absent.
#[derive(Debug, Clone)]
pub enum PlanState {
    Valid(Box<Plan>),
    Invalid { file: String },
    Missing,
}

/// A dated record of the process: `[nomination]`, `[vote]`, `[decision]`, …
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub header: Option<Span>,
    pub date: Option<At<Date>>,
    pub number: Option<At<String>>,
    pub members: Option<At<i64>>,
    pub in_favour: Option<At<i64>>,
    pub reason: Option<At<String>>,
}

/// `[consent]`: the record of what the person agreed to have published (Law 91/2025/QH15).
#[derive(Debug, Clone, Default)]
pub struct ConsentRecord {
    pub header: Option<Span>,
    /// The day they agreed to their photo being published.
    pub photo: Option<At<Date>>,
    /// The day they withdrew that consent.
    pub withdrawn: Option<At<Date>>,
    /// Whether they also asked that their story be taken down.
    pub withdrawn_story: Option<At<bool>>,
}

/// Where a profile's photo is, as the reader found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoFile {
    /// A readable image of these dimensions (read from its header only).
    Found {
        path: PathBuf,
        width: u32,
        height: u32,
    },
    Missing,
    Outside,
    /// Not a JPEG, PNG or WebP file.
    NotAnImage,
    Unreadable(String),
    TooLarge {
        width: u32,
        height: u32,
    },
    /// Not there, but a file whose name differs only in case is.
    WrongCase(String),
    /// Found, but it could not be decoded (found by `media::verify`).
    Damaged(String),
    /// Found, but decoding it would need more memory than the build allows.
    TooHeavy,
}

#[derive(Debug, Clone)]
pub struct Profile {
    /// The front-matter, which diagnostics point into.
    pub doc: Doc,
    pub year: u16,
    pub slug: String,
    pub bundle: bool,
    pub name: Option<At<String>>,
    pub given_name: Option<At<String>>,
    pub kind: Option<At<Kind>>,
    pub unit: Option<At<String>>,
    pub position: Option<At<String>>,
    pub summary: Option<At<String>>,
    pub photo: Option<At<String>>,
    pub photo_file: Option<PhotoFile>,
    pub photo_consent: Option<At<bool>>,
    pub consent: Option<ConsentRecord>,
    /// The same person across years (leader and staff).
    pub person: Option<At<String>>,
    pub movements: Option<At<Vec<At<String>>>>,
    pub members: Option<At<i64>>,
    pub excellent_members: Option<At<i64>>,
    pub year_field: Option<At<i64>>,
    pub criteria_header: Option<Span>,
    /// Every criterion key written, with its evidence when the evidence is valid.
    pub criteria: Vec<(At<String>, Option<At<String>>)>,
    pub nomination: Option<Record>,
    pub vote: Option<Record>,
    pub decision: Option<Record>,
    pub province: Option<Record>,
    pub revoked: Option<Record>,
    pub body: String,
    pub body_line: u32,
    /// The story compressed, when a large site packs it (see `content::story`); `body`
    /// is empty then.
    pub packed_story: Option<Packed>,
    /// The criteria's keys and evidence compressed, once checking is done on a large site
    /// (see `content::story`); `criteria` is empty then.
    pub packed_criteria: Option<Packed>,
    /// What looked like personal data in a packed story, found before it was packed.
    pub story_privacy: Option<Vec<Diagnostic>>,
    /// The story's links, images and files, and what else checking needs to know of it
    /// (read with the story, see `content::story_refs`).
    pub story_facts: StoryFacts,
    /// The top-level keys written, valid or not.
    pub keys: Vec<String>,
}

impl Profile {
    /// A profile with nothing read yet: the start of one built by hand (`new`, tests).
    pub fn empty(doc: Doc, year: u16, slug: &str) -> Profile {
        Profile {
            doc,
            year,
            slug: slug.to_string(),
            bundle: false,
            name: None,
            given_name: None,
            kind: None,
            unit: None,
            position: None,
            summary: None,
            photo: None,
            photo_file: None,
            photo_consent: None,
            consent: None,
            person: None,
            movements: None,
            members: None,
            excellent_members: None,
            year_field: None,
            criteria_header: None,
            criteria: Vec::new(),
            nomination: None,
            vote: None,
            decision: None,
            province: None,
            revoked: None,
            body: String::new(),
            body_line: 1,
            packed_story: None,
            packed_criteria: None,
            story_privacy: None,
            story_facts: StoryFacts::default(),
            keys: Vec::new(),
        }
    }

    pub fn has_key(&self, key: &str) -> bool {
        self.keys.iter().any(|k| k == key)
    }

    pub fn kind(&self) -> Option<Kind> {
        self.kind.as_ref().map(|k| k.value)
    }

    pub fn person(&self) -> Option<&str> {
        self.person.as_ref().map(|p| p.value.as_str())
    }

    pub fn unit_id(&self) -> Option<&str> {
        self.unit.as_ref().map(|u| u.value.as_str())
    }

    pub fn name(&self) -> &str {
        self.name
            .as_ref()
            .map_or(self.slug.as_str(), |n| n.value.as_str())
    }

    pub fn file(&self) -> &str {
        &self.doc.file
    }
}

/// A profile file found on disk, even one that could not be read: for `duplicate-slug`.
#[derive(Debug, Clone)]
pub struct ProfileFile {
    pub year: u16,
    pub slug: String,
    pub file: String,
}

#[derive(Debug, Clone)]
pub struct Site {
    pub root: PathBuf,
    pub config: SiteConfig,
    pub units: Vec<Unit>,
    pub plans: BTreeMap<u16, PlanState>,
    pub profiles: Vec<Profile>,
    pub files: Vec<ProfileFile>,
    /// The files of `content/static/`, copied to the root of the site.
    pub statics: Vec<StaticFile>,
}

impl Site {
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// The years that have a valid plan, newest first.
    pub fn years(&self) -> Vec<u16> {
        self.plans
            .keys()
            .rev()
            .copied()
            .filter(|y| self.plan(*y).is_some())
            .collect()
    }

    pub fn plan(&self, year: u16) -> Option<&Plan> {
        match self.plans.get(&year) {
            Some(PlanState::Valid(p)) => Some(p),
            _ => None,
        }
    }
}
