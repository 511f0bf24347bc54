//! `site.toml` and `units.toml`: the site's settings (with the organisation's earlier
//! names) and the agency's units over time (`from`, `until`, `successor`, checked here:
//! dates in order, a successor that exists, only with `until`, never a cycle).

use std::collections::HashMap;
use std::path::Path;

use super::model::{OrganisationEra, SiteConfig, Unit, UnitType};
use super::reader::{Need, Reader, Tbl, nearest};
use super::source::{At, Doc};
use super::toml_doc;
use crate::diag::catalogue::TypoMsg;
use crate::diag::{Diagnostic, Lang, Msg, Rule};
use crate::text::date::Date;
use crate::text::slug::{UNITS_RESERVED, is_valid_id};

const SITE_KEYS: &[&str] = &[
    "title",
    "organisation",
    "description",
    "base_url",
    "language",
    "theme",
    "organisation_history",
    "precompress",
    "documents",
];
const DOCUMENTS_KEYS: &[&str] = &[
    "parent",
    "agency",
    "place",
    "symbol",
    "signer_title",
    "signer",
];
const UNIT_KEYS: &[&str] = &[
    "id",
    "name",
    "type",
    "description",
    "from",
    "until",
    "successor",
];
const ERA_KEYS: &[&str] = &["name", "until", "parent", "place"];

/// The `language` that `content/site.toml` of the site at `root` names, read on its own:
/// for messages a command gives before it reads the site.
pub fn language(root: &std::path::Path) -> Option<Lang> {
    let bytes = super::regular::read(&root.join("content").join("site.toml")).ok()?;
    let table: toml::Table = toml::from_str(std::str::from_utf8(&bytes).ok()?).ok()?;
    Lang::parse(table.get("language")?.as_str()?)
}

/// Reads `site.toml`; defaults stand in for what is missing or wrong.
pub fn read_site(doc: &Doc) -> (SiteConfig, Vec<Diagnostic>) {
    let mut config = SiteConfig::default();
    let tree = match toml_doc::parse(doc) {
        Ok(tree) => tree,
        Err(d) => return (config, vec![d]),
    };
    let mut r = Reader::new(doc);
    let root = Reader::root(&tree);
    if let Some(v) = r.string(root, "title", Need::Required) {
        config.title = v.value;
    }
    if let Some(v) = r.string(root, "organisation", Need::Optional) {
        config.organisation = v.value;
    }
    if let Some(v) = r.string(root, "description", Need::Optional) {
        config.description = v.value;
    }
    if let Some(v) = r.string(root, "base_url", Need::Optional) {
        match base_url_problem(&v.value) {
            None => config.base_url = v.value,
            Some(msg) => r.error(Rule::InvalidValue, Some(v.span), "base_url", msg),
        }
    }
    if let Some(v) = r.string(root, "language", Need::Optional) {
        match Lang::parse(&v.value) {
            Some(lang) => config.language = lang,
            None => r.error(
                Rule::InvalidValue,
                Some(v.span),
                "language",
                Msg::UnknownLanguage { value: v.value },
            ),
        }
    }
    if let Some(v) = r.string(root, "theme", Need::Optional) {
        if is_valid_id(&v.value)
            || v.value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_".contains(c))
        {
            config.theme = v.value;
            config.theme_at = Some(v.span);
        } else {
            r.error(
                Rule::InvalidValue,
                Some(v.span),
                "theme",
                Msg::BadId {
                    key: "theme".into(),
                    value: v.value,
                },
            );
        }
    }
    config.organisation_history = organisation_history(&mut r, root);
    if let Some(t) = r.table(root, "documents", Need::Optional) {
        let d = &mut config.documents;
        for (key, slot) in [
            ("parent", &mut d.parent),
            ("agency", &mut d.agency),
            ("place", &mut d.place),
            ("symbol", &mut d.symbol),
            ("signer_title", &mut d.signer_title),
            ("signer", &mut d.signer),
        ] {
            *slot = r.string(t, key, Need::Optional).map(|v| v.value);
        }
        r.reject_unknown(t, DOCUMENTS_KEYS);
    }
    if let Some(v) = r.boolean(root, "precompress", Need::Optional) {
        config.precompress = v.value;
    }
    r.reject_unknown(root, SITE_KEYS);
    (config, r.diags)
}

/// `[[organisation_history]]`: earlier names, each with its last day, oldest first.
fn organisation_history(r: &mut Reader, root: Tbl) -> Vec<OrganisationEra> {
    let mut eras: Vec<OrganisationEra> = Vec::new();
    for t in r.table_list(root, "organisation_history", Need::Optional) {
        let name = r.string(t, "name", Need::Required);
        let until = r.date(t, "until", Need::Required);
        let parent = r.string(t, "parent", Need::Optional).map(|v| v.value);
        let place = r.string(t, "place", Need::Optional).map(|v| v.value);
        r.reject_unknown(t, ERA_KEYS);
        let (Some(name), Some(until)) = (name, until) else {
            continue;
        };
        if let Some(last) = eras.last()
            && until.value <= last.until
        {
            let msg = Msg::OrganisationHistoryOrder {
                until: until.value,
                previous: last.until,
            };
            r.error(
                Rule::InvalidValue,
                Some(until.span),
                "organisation_history.until",
                msg,
            );
            continue;
        }
        eras.push(OrganisationEra {
            name: name.value,
            until: until.value,
            parent,
            place,
        });
    }
    eras
}

/// A unit as written, with the places of the keys its validation points at.
struct Written {
    unit: Unit,
    from: Option<At<Date>>,
    until: Option<At<Date>>,
    successor: Option<At<String>>,
}

/// A `theme` that names no folder of `ROOT/themes/` (and is not the built-in
/// "default"): an `invalid-value` in site.toml, naming the folders there are.
pub fn theme_missing(root: &Path, doc: &Doc, config: &SiteConfig) -> Option<Diagnostic> {
    let themes = root.join("themes");
    if config.theme == "default" || themes.join(&config.theme).is_dir() {
        return None;
    }
    let mut known: Vec<String> = std::fs::read_dir(&themes)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "default")
        .collect();
    known.sort();
    let msg = Msg::Typo(TypoMsg::UnknownTheme {
        theme: config.theme.clone(),
        known,
    });
    Some(doc.diag(Rule::InvalidValue, config.theme_at, Some("theme"), msg))
}

/// Why `value` cannot be the address the site is served from, if it cannot: it must be a
/// path (`/`, `/thi-dua/`) or an `http(s)://` address, made of the characters of an
/// address that need no escaping, and never one a browser reads as another host
/// (`//evil.example/`, `/\evil.example/`).
pub fn base_url_problem(value: &str) -> Option<Msg> {
    let bad = || {
        Some(Msg::BadBaseUrl {
            value: value.into(),
        })
    };
    let path_ok = |path: &str| {
        path.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~%/".contains(&b))
            && !path.split('/').any(|seg| seg == "..")
    };
    if let Some(rest) = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
    {
        let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let (name, port) = host.split_once(':').unwrap_or((host, ""));
        let host_ok = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
            && port.bytes().all(|b| b.is_ascii_digit())
            && !(host.contains(':') && port.is_empty());
        if !host_ok || !path_ok(path) || path.starts_with("//") {
            return bad();
        }
        return None;
    }
    if value.starts_with("//") || value.starts_with("/\\") {
        return Some(Msg::Typo(TypoMsg::BaseUrlLeaves {
            value: value.into(),
        }));
    }
    if !value.starts_with('/') || !path_ok(value) {
        return bad();
    }
    None
}

/// Reads `units.toml`: every `[[unit]]` that is complete and valid.
pub fn read_units(doc: &Doc) -> (Vec<Unit>, Vec<Diagnostic>) {
    let tree = match toml_doc::parse(doc) {
        Ok(tree) => tree,
        Err(d) => return (Vec::new(), vec![d]),
    };
    let mut r = Reader::new(doc);
    let root = Reader::root(&tree);
    let mut units: Vec<Written> = Vec::new();
    for t in r.table_list(root, "unit", Need::Required) {
        let id = r.string(t, "id", Need::Required);
        let name = r.string(t, "name", Need::Required);
        let kind = r.string(t, "type", Need::Required);
        let description = r.string(t, "description", Need::Optional).map(|d| d.value);
        let from = r.date(t, "from", Need::Optional);
        let until = r.date(t, "until", Need::Optional);
        let successor = r.string(t, "successor", Need::Optional);
        r.reject_unknown(t, UNIT_KEYS);
        let id = id.filter(|id| {
            let ok = is_valid_id(&id.value);
            if !ok {
                r.error(
                    Rule::InvalidValue,
                    Some(id.span),
                    "unit.id",
                    Msg::BadId {
                        key: "id".into(),
                        value: id.value.clone(),
                    },
                );
            } else if UNITS_RESERVED.contains(&id.value.as_str()) {
                r.error(
                    Rule::InvalidValue,
                    Some(id.span),
                    "unit.id",
                    Msg::ReservedId {
                        key: "id".into(),
                        value: id.value.clone(),
                    },
                );
                return false;
            } else if units.iter().any(|u| u.unit.id == id.value) {
                r.error(
                    Rule::InvalidValue,
                    Some(id.span),
                    "unit.id",
                    Msg::DuplicateId {
                        key: "id".into(),
                        value: id.value.clone(),
                    },
                );
                return false;
            }
            ok
        });
        let kind = kind.and_then(|k| {
            let parsed = UnitType::parse(&k.value);
            if parsed.is_none() {
                r.error(
                    Rule::InvalidValue,
                    Some(k.span),
                    "unit.type",
                    Msg::UnknownUnitType { value: k.value },
                );
            }
            parsed
        });
        if let (Some(id), Some(name), Some(kind)) = (id, name, kind) {
            units.push(Written {
                unit: Unit {
                    id: id.value,
                    name: name.value,
                    kind,
                    description,
                    from: from.as_ref().map(|d| d.value),
                    until: until.as_ref().map(|d| d.value),
                    successor: successor.as_ref().map(|s| s.value.clone()),
                },
                from,
                until,
                successor,
            });
        }
    }
    r.reject_unknown(root, &["unit"]);
    validate_periods(&mut r, &mut units);
    (units.into_iter().map(|w| w.unit).collect(), r.diags)
}

/// Each unit's period and successor: `from` not after `until`, a successor only with
/// `until`, naming a unit that exists, and no chain of successors that comes back. A
/// successor that cannot stand is dropped (with its diagnostic), so the model never
/// holds one.
fn validate_periods(r: &mut Reader, units: &mut [Written]) {
    let ids: HashMap<String, usize> = units
        .iter()
        .enumerate()
        .map(|(i, w)| (w.unit.id.clone(), i))
        .collect();
    for w in units.iter_mut() {
        if let (Some(from), Some(until)) = (&w.from, &w.until)
            && until.value < from.value
        {
            let msg = Msg::UnitUntilBeforeFrom {
                id: w.unit.id.clone(),
                from: from.value,
                until: until.value,
            };
            r.error(Rule::InvalidValue, Some(until.span), "unit.until", msg);
        }
        let Some(successor) = &w.successor else {
            continue;
        };
        let problem = if w.until.is_none() {
            Some((
                Rule::MissingField,
                "unit.until",
                Msg::SuccessorWithoutUntil {
                    id: w.unit.id.clone(),
                    successor: successor.value.clone(),
                },
            ))
        } else if !ids.contains_key(&successor.value) {
            let suggestion = nearest(&successor.value, ids.keys().map(String::as_str));
            Some((
                Rule::UnknownUnit,
                "unit.successor",
                Msg::UnknownSuccessor {
                    successor: successor.value.clone(),
                    suggestion,
                },
            ))
        } else {
            None
        };
        if let Some((rule, field, msg)) = problem {
            r.error(rule, Some(successor.span), field, msg);
            w.unit.successor = None;
        }
    }
    // Cycles: follow each unit's successors; coming back to it is a cycle, reported at
    // the first unit of the file on it and broken there.
    for start in 0..units.len() {
        let mut chain = vec![start];
        let mut at = start;
        while let Some(next) = units[at].unit.successor.as_ref().and_then(|s| ids.get(s)) {
            if *next == start {
                let names: Vec<&str> = chain
                    .iter()
                    .chain([&start])
                    .map(|&i| units[i].unit.id.as_str())
                    .collect();
                let msg = Msg::SuccessorCycle {
                    cycle: names.join(" → "),
                };
                let span = units[start].successor.as_ref().map(|s| s.span);
                r.error(Rule::InvalidValue, span, "unit.successor", msg);
                units[start].unit.successor = None;
                break;
            }
            if chain.contains(next) {
                break; // a cycle further on, reported from one of its own units
            }
            chain.push(*next);
            at = *next;
        }
    }
}
