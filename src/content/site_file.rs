//! `site.toml` and `units.toml`: the site's settings and the agency's units.

use super::model::{SiteConfig, Unit, UnitType};
use super::reader::{Need, Reader};
use super::source::Doc;
use super::toml_doc;
use crate::diag::{Diagnostic, Lang, Msg, Rule};
use crate::text::slug::is_valid_id;

const SITE_KEYS: &[&str] = &[
    "title",
    "organisation",
    "description",
    "base_url",
    "language",
    "theme",
];
const UNIT_KEYS: &[&str] = &["id", "name", "type", "description"];

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
        if v.value.starts_with('/')
            || v.value.starts_with("http://")
            || v.value.starts_with("https://")
        {
            config.base_url = v.value;
        } else {
            r.error(
                Rule::InvalidValue,
                Some(v.span),
                "base_url",
                Msg::BadBaseUrl { value: v.value },
            );
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
    r.reject_unknown(root, SITE_KEYS);
    (config, r.diags)
}

/// Reads `units.toml`: every `[[unit]]` that is complete and valid.
pub fn read_units(doc: &Doc) -> (Vec<Unit>, Vec<Diagnostic>) {
    let tree = match toml_doc::parse(doc) {
        Ok(tree) => tree,
        Err(d) => return (Vec::new(), vec![d]),
    };
    let mut r = Reader::new(doc);
    let root = Reader::root(&tree);
    let mut units: Vec<Unit> = Vec::new();
    for t in r.table_list(root, "unit", Need::Required) {
        let id = r.string(t, "id", Need::Required);
        let name = r.string(t, "name", Need::Required);
        let kind = r.string(t, "type", Need::Required);
        let description = r.string(t, "description", Need::Optional).map(|d| d.value);
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
            } else if units.iter().any(|u| u.id == id.value) {
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
            units.push(Unit {
                id: id.value,
                name: name.value,
                kind,
                description,
            });
        }
    }
    r.reject_unknown(root, &["unit"]);
    (units, r.diags)
}
