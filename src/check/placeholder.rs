//! `placeholder`: a sentence the skeleton wrote to be replaced (`content::placeholders`)
//! is still there, in a key or in the story.

use super::Out;
use crate::content::model::Profile;
use crate::content::placeholders;
use crate::content::source::At;
use crate::diag::catalogue::TypoMsg;
use crate::diag::{Diagnostic, Msg, Rule};
use crate::facts::consent::story_allowed;

/// Every text a writer fills in, with its key.
fn texts(p: &Profile) -> Vec<(String, &At<String>)> {
    let mut out: Vec<(String, &At<String>)> = [
        ("name", &p.name),
        ("given_name", &p.given_name),
        ("position", &p.position),
        ("summary", &p.summary),
    ]
    .into_iter()
    .filter_map(|(k, v)| Some((k.to_string(), v.as_ref()?)))
    .collect();
    for (key, evidence) in &p.criteria {
        if let Some(e) = evidence {
            out.push((format!("criteria.{}", key.value), e));
        }
    }
    if let Some(r) = p.revoked.as_ref().and_then(|r| r.reason.as_ref()) {
        out.push(("revoked.reason".into(), r));
    }
    out
}

pub fn placeholders(p: &Profile, out: &mut Out) {
    for (key, text) in texts(p) {
        if let Some((_, sentence)) = placeholders::find(&text.value) {
            let msg = Msg::Typo(TypoMsg::Placeholder {
                key: Some(key.clone()),
                text: sentence.into(),
            });
            out.push(
                p.doc
                    .diag(Rule::Placeholder, Some(text.span), Some(&key), msg),
            );
        }
    }
    if !story_allowed(p) {
        return;
    }
    if let Some((place, sentence)) = &p.story_facts.placeholder {
        let msg = Msg::Typo(TypoMsg::Placeholder {
            key: None,
            text: (*sentence).into(),
        });
        out.push(
            Diagnostic::new(Rule::Placeholder, p.file(), place.line, None, msg)
                .with_snippet(place.snippet.clone()),
        );
    }
}
