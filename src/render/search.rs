//! The search index of `/tim-kiem/`, read by the theme's `search.js` in the browser; no
//! server, nothing from another host. Only recognised profiles are in it (never pending,
//! not-recognised or revoked ones, even with `--drafts`), and only words their pages show:
//! name, unit, position, year, summary and the story as plain text.
//!
//! Files, all under `tim-kiem/`, byte-identical for the same content:
//! - `index.json`: `{"v": version, "docs": N, "words": [[first term, bytes], …],
//!   "pairs": […]}`: the terms are split in shards of about `SHARD_BYTES`, in sorted
//!   order (JavaScript's: UTF-16 code units), so a query loads only the shards its words
//!   fall in.
//! - `t/K.txt`: word shard K, one line per term: the folded word (`fold`: no tones, `đ`
//!   as `d`, lowercase), then for each way it is written (`tone_key`, empty when the same
//!   as the term) a tab, that form, a space and its postings.
//! - `p/K.txt`: pair shard K: two folded words that follow each other in a field
//!   (`truong cong`), a tab, a space and the postings. A query of several words finds a
//!   document only when its words follow each other there, or are all in its name, unit
//!   or position (search.js).
//! - `d/N.json`: document N, what a result shows: `{"n": name, "o": position,
//!   "u": unit, "y": year, "p": path from the site's root, "s": summary, "t": story}`.
//!
//! Postings are the document numbers in order, each written as `delta * 8 + field`
//! (the first delta is the number itself), where field is the best field the word is
//! in: 0 name, 1 unit, 2 position, 3 year, 4 summary, 5 story. Each number is written
//! in base 32, most significant digit first: a last digit `d` as the character `48 + d`
//! (`0`…`O`), an earlier one as `80 + d` (`P`…`o`).

mod plain;
mod terms;

use rayon::prelude::*;
use serde::Serialize;

use super::Sink;
use super::index::{Index, order};
use crate::check::status::Status;
use crate::content::source::At;
pub use plain::plain_text;
use terms::List;
pub use terms::words;

/// Where the index lives, inside the site.
pub const DIR: &str = "tim-kiem";
/// About how large a shard of terms grows before the next one starts.
pub const SHARD_BYTES: usize = 8 * 1024;

/// Fields in the order of their weight (see search.js).
const NAME: u8 = 0;
const UNIT: u8 = 1;
const POSITION: u8 = 2;
const YEAR: u8 = 3;
const SUMMARY: u8 = 4;
const STORY: u8 = 5;

/// What a result shows, and the words it is found by.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct Record {
    #[serde(rename = "n")]
    pub name: String,
    #[serde(rename = "o")]
    pub position: String,
    #[serde(rename = "u")]
    pub unit: String,
    #[serde(rename = "y")]
    pub year: u16,
    #[serde(rename = "p")]
    pub path: String,
    #[serde(rename = "s")]
    pub summary: String,
    #[serde(rename = "t")]
    pub story: String,
}

impl Record {
    pub(crate) fn fields(&self) -> [(u8, &str); 5] {
        [
            (NAME, &self.name),
            (UNIT, &self.unit),
            (POSITION, &self.position),
            (SUMMARY, &self.summary),
            (STORY, &self.story),
        ]
    }
}

/// The documents of the index: recognised profiles, newest year first, then in
/// Vietnamese order.
pub fn records(index: &Index) -> Vec<Record> {
    let site = index.site;
    let mut docs: Vec<usize> = (0..site.profiles.len())
        .filter(|&i| index.status[i] == Status::Recognised)
        .collect();
    docs.sort_by(|&a, &b| {
        let (pa, pb) = (&site.profiles[a], &site.profiles[b]);
        pb.year.cmp(&pa.year).then_with(|| order(pa, pb))
    });
    docs.par_iter()
        .map(|&i| {
            let p = &site.profiles[i];
            let unit_id = p.unit_id().unwrap_or_default();
            let value =
                |f: &Option<At<String>>| f.as_ref().map(|x| x.value.clone()).unwrap_or_default();
            Record {
                name: p.name().to_string(),
                position: value(&p.position),
                unit: site
                    .unit(unit_id)
                    .map_or_else(|| unit_id.to_string(), |u| u.name.clone()),
                year: p.year,
                path: format!("{}/{}/", p.year, p.slug),
                summary: value(&p.summary),
                story: plain_text(&site.story(i).unwrap_or_default()),
            }
        })
        .collect()
}

/// Appends `n` in the digits described at the top of this file.
fn push_number(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 7];
    let mut len = 0;
    loop {
        digits[len] = (n & 31) as u8;
        len += 1;
        n >>= 5;
        if n == 0 {
            break;
        }
    }
    for k in (0..len).rev() {
        let base = if k == 0 { 48 } else { 80 };
        out.push(char::from(base + digits[k]));
    }
}

/// Reads back what `push_number` wrote (for tests, and as the reference for search.js).
pub fn read_numbers(s: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut n = 0u32;
    for b in s.bytes() {
        if b >= 80 {
            n = (n << 5) | u32::from(b - 80);
        } else {
            out.push((n << 5) | u32::from(b - 48));
            n = 0;
        }
    }
    out
}

/// A line of a shard: the term, then for each form a tab, the form (empty when it is the
/// term itself), a space and the list.
fn line<'a>(term: &str, forms: impl IntoIterator<Item = (&'a str, &'a List)>) -> String {
    let mut line = term.to_string();
    for (form, list) in forms {
        line.push('\t');
        if form != term {
            line.push_str(form);
        }
        line.push(' ');
        let mut prev = 0;
        for &(doc, field) in list {
            push_number(&mut line, ((doc - prev) << 3) | u32::from(field));
            prev = doc;
        }
    }
    line.push('\n');
    line
}

/// Lines in shards of about `SHARD_BYTES`: `(first term, text)`.
fn shards(lines: Vec<(&str, String)>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (term, line) in lines {
        match out.last_mut() {
            Some((_, body)) if body.len() + line.len() <= SHARD_BYTES => body.push_str(&line),
            _ => out.push((term.to_string(), line)),
        }
    }
    out
}

/// The files of the index, by path inside the site, in a stable order.
pub fn files(index: &Index) -> Vec<(String, Vec<u8>)> {
    let records = records(index);
    let terms = terms::build(&records);
    let words = shards(
        terms
            .words
            .par_iter()
            .map(|(t, forms)| {
                (
                    t.as_str(),
                    line(t, forms.iter().map(|(k, l)| (k.as_str(), l))),
                )
            })
            .collect(),
    );
    let pairs = shards(
        terms
            .pairs
            .par_iter()
            .map(|(t, list)| (t.as_str(), line(t, [("", list)])))
            .collect(),
    );
    let docs: Vec<String> = records
        .par_iter()
        // A record holds only strings and numbers: serialising it cannot fail.
        .map(|r| serde_json::to_string(r).unwrap_or_default())
        .collect();
    let mut hash = Fnv::default();
    for text in words.iter().chain(&pairs).map(|s| &s.1).chain(&docs) {
        hash.write(text.as_bytes());
    }
    let list = |shards: &[(String, String)]| -> Vec<serde_json::Value> {
        shards
            .iter()
            .map(|(first, body)| serde_json::json!([first, body.len()]))
            .collect()
    };
    let meta = serde_json::json!({
        "v": format!("{:016x}", hash.0),
        "docs": docs.len(),
        "words": list(&words),
        "pairs": list(&pairs),
    });
    let mut out = vec![(format!("{DIR}/index.json"), meta.to_string().into_bytes())];
    for (dir, shards) in [("t", words), ("p", pairs)] {
        for (k, (_, body)) in shards.into_iter().enumerate() {
            out.push((format!("{DIR}/{dir}/{k}.txt"), body.into_bytes()));
        }
    }
    for (n, d) in docs.into_iter().enumerate() {
        out.push((format!("{DIR}/d/{n}.json"), d.into_bytes()));
    }
    out
}

/// Writes the index through `sink`; every failure is collected.
pub fn write(index: &Index, sink: &dyn Sink) -> Vec<String> {
    files(index)
        .par_iter()
        .filter_map(|(path, bytes)| sink.put(path, bytes).err())
        .collect()
}

/// FNV-1a, 64 bits: the version of the index, for the browser's cache.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_in_their_digits() {
        let numbers = [0, 1, 7, 8, 31, 32, 1023, 1024, 80_000, u32::MAX];
        let mut s = String::new();
        for n in numbers {
            push_number(&mut s, n);
        }
        assert_eq!(read_numbers(&s), numbers);
        assert!(s.bytes().all(|b| (48..112).contains(&b)), "{s}");
        let mut one = String::new();
        push_number(&mut one, 8 + 5);
        assert_eq!(one, "=");
    }

    #[test]
    fn lines_and_shards() {
        let list: List = vec![(0, 0), (1, 5), (9, 4)];
        let l = line("ha", [("", &list), ("hà", &list)]);
        assert_eq!(l, "ha\t 0=R4\thà 0=R4\n");
        assert_eq!(read_numbers("0=R4"), [0, 13, 68]);
        let big = "x".repeat(SHARD_BYTES - 1);
        let lines = vec![
            ("a", "a\n".to_string()),
            ("b", big),
            ("c", "c\n".to_string()),
        ];
        let s = shards(lines);
        assert_eq!(
            s.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
    }

    #[test]
    fn words_as_the_browser_splits_them() {
        let w: Vec<&str> =
            words("Phòng Kinh tế - Vật liệu; 1456/QĐ-SXD, Nguye\u{302}\u{303}n").collect();
        assert_eq!(
            w,
            [
                "Phòng",
                "Kinh",
                "tế",
                "Vật",
                "liệu",
                "1456",
                "QĐ",
                "SXD",
                "Nguye\u{302}\u{303}n"
            ]
        );
    }
}
