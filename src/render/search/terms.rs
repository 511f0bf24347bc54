//! The inverted index: for each folded word, each way it is written and the documents it
//! is in, with the best field; for each pair of words that follow each other in a field,
//! the documents (so that `truong cong khai` needs those words together, not anywhere).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;
use regex::Regex;

use super::{Record, YEAR};
use crate::text::fold::{fold, tone_key};

/// Documents in increasing order, each with the best field the word is in.
pub type List = Vec<(u32, u8)>;

pub struct Terms {
    /// `(folded word, [(tone key, list)])`, sorted as JavaScript sorts strings.
    pub words: Vec<(String, Vec<(String, List)>)>,
    /// `("word word", list)`, folded, sorted the same way.
    pub pairs: Vec<(String, List)>,
}

/// Words as the browser splits them too (search.js): letters, digits and marks.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| Regex::new(r"[\p{L}\p{N}\p{M}]+").expect("valid"))
        .find_iter(text)
        .map(|m| m.as_str())
}

/// JavaScript's order of strings: by UTF-16 code units.
pub fn js_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// A fast hash for the many small keys here (words, numbers): FxHash's multiply-rotate.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
type FxSet<K> = HashSet<K, BuildHasherDefault<Fx>>;
/// A document's forms, and pairs of terms (two term numbers in one), with best fields.
type DocTerms = (Vec<(u32, u8)>, Vec<(u64, u8)>);

/// Sorts `(key, field)` and keeps each key once, with its best (lowest) field.
fn best_fields<K: Ord + Copy>(mut v: Vec<(K, u8)>) -> Vec<(K, u8)> {
    v.sort_unstable();
    v.dedup_by_key(|x| x.0);
    v
}

pub fn build(records: &[Record]) -> Terms {
    let years: Vec<String> = records.iter().map(|r| r.year.to_string()).collect();
    // Each document's words by field, in parallel.
    let tokens: Vec<Vec<(u8, Vec<&str>)>> = records
        .par_iter()
        .zip(years.par_iter())
        .map(|(r, year)| {
            r.fields()
                .into_iter()
                .chain([(YEAR, year.as_str())])
                .map(|(field, text)| (field, words(text).collect()))
                .collect()
        })
        .collect();
    // Fold each distinct spelling once, and number the terms and forms in sorted order.
    let distinct: FxSet<&str> = tokens
        .par_iter()
        .fold(FxSet::default, |mut set, doc| {
            set.extend(doc.iter().flat_map(|(_, w)| w.iter().copied()));
            set
        })
        .reduce(FxSet::default, |mut a, b| {
            a.extend(b);
            a
        });
    let mut spellings: Vec<&str> = distinct.into_iter().collect();
    spellings.par_sort_unstable();
    let folded: Vec<(String, String)> = spellings
        .par_iter()
        .map(|w| (fold(w), tone_key(w)))
        .collect();
    let mut terms: Vec<&str> = folded.iter().map(|(t, _)| t.as_str()).collect();
    terms.par_sort_unstable_by(|a, b| js_order(a, b));
    terms.dedup();
    let term_id: FxMap<&str, u32> = terms
        .iter()
        .enumerate()
        .map(|(i, t)| (*t, i as u32))
        .collect();
    let mut forms: Vec<(u32, &str)> = folded
        .iter()
        .map(|(t, k)| (term_id[t.as_str()], k.as_str()))
        .collect();
    forms.par_sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| js_order(a.1, b.1)));
    forms.dedup();
    let form_id: FxMap<(u32, &str), u32> = forms
        .iter()
        .enumerate()
        .map(|(i, f)| (*f, i as u32))
        .collect();
    // Spelling → (term, form).
    let spelling: FxMap<&str, (u32, u32)> = spellings
        .iter()
        .zip(&folded)
        .map(|(w, (t, k))| {
            let t = term_id[t.as_str()];
            (*w, (t, form_id[&(t, k.as_str())]))
        })
        .collect();
    // Each document's forms and pairs of terms with their best field, in parallel.
    let per_doc: Vec<DocTerms> = tokens
        .par_iter()
        .map(|doc| {
            let (mut f, mut p) = (Vec::new(), Vec::new());
            for (field, ws) in doc {
                let mut prev: Option<u32> = None;
                for w in ws {
                    let (term, form) = spelling[w];
                    f.push((form, *field));
                    if let Some(a) = prev {
                        p.push(((u64::from(a) << 32) | u64::from(term), *field));
                    }
                    prev = Some(term);
                }
            }
            (best_fields(f), best_fields(p))
        })
        .collect();
    drop(tokens);
    let mut form_lists: Vec<List> = vec![Vec::new(); forms.len()];
    let mut pair_lists: FxMap<u64, List> = FxMap::default();
    for (doc, (f, p)) in per_doc.into_iter().enumerate() {
        let doc = doc as u32;
        for (form, field) in f {
            form_lists[form as usize].push((doc, field));
        }
        for (pair, field) in p {
            pair_lists.entry(pair).or_default().push((doc, field));
        }
    }
    let mut words: Vec<(String, Vec<(String, List)>)> =
        terms.iter().map(|t| (t.to_string(), Vec::new())).collect();
    for ((term, key), list) in forms.iter().zip(form_lists) {
        words[*term as usize].1.push((key.to_string(), list));
    }
    let mut pairs: Vec<(String, List)> = pair_lists
        .into_par_iter()
        .map(|(k, list)| {
            let (a, b) = (terms[(k >> 32) as usize], terms[(k & 0xffff_ffff) as usize]);
            (format!("{a} {b}"), list)
        })
        .collect();
    pairs.par_sort_unstable_by(|a, b| js_order(&a.0, &b.0));
    Terms { words, pairs }
}
