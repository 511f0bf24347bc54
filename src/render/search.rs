//! The search index of `/tim-kiem/`, read by the theme's `search.js` in the browser; no
//! server, nothing from another host. Only recognised profiles are in it (never pending,
//! not-recognised or revoked ones, even with `--drafts`), and only words their pages show:
//! name, unit, position, year, summary and the story as plain text (neither of these two
//! once the person asked that their story be taken down: `facts::consent`).
//!
//! Files, all under `tim-kiem/`, byte-identical for the same content:
//! - `index.json`: `{"v": version, "docs": N, "group": G, "words": [[first term, bytes],
//!   …], "pairs": […]}`: the terms are split in shards of about `SHARD_BYTES`, in sorted
//!   order (JavaScript's: UTF-16 code units), so a query loads only the shards its words
//!   fall in.
//! - `t/K.txt`: word shard K, one line per term: the folded word (`fold`: no tones, `đ`
//!   as `d`, lowercase), then for each way it is written (`tone_key`, empty when the same
//!   as the term) a tab, that form, a space and its postings.
//! - `p/K.txt`: pair shard K: two folded words that follow each other in a field
//!   (`truong cong`), a tab, a space and the postings. A query of several words finds a
//!   document only when its words follow each other there, or are all in its name, unit
//!   or position (search.js).
//! - `d/K.json`: documents `K * G` to `K * G + G - 1` (`G` = `GROUP`; the last file may
//!   hold fewer), what a result shows, in an array: document N is at `N % G` in
//!   `d/{N / G}.json`, as `{"n": name, "o": position, "u": unit, "y": year, "p": path
//!   from the site's root, "s": summary}`. No story: its words are in the shards, and a
//!   result shows its summary.
//!
//! Postings are the document numbers in order, each written as `delta * 8 + field`
//! (the first delta is the number itself), where field is the best field the word is
//! in: 0 name, 1 unit, 2 position, 3 year, 4 summary, 5 story. Each number is written
//! in base 32, most significant digit first: a last digit `d` as the character `48 + d`
//! (`0`…`O`), an earlier one as `80 + d` (`P`…`o`).
//!
//! The documents are read in batches (`BATCH`): a batch's stories are plain text only
//! while their words are counted, and its record files are written before the next.

mod plain;
mod terms;

use rayon::prelude::*;
use serde::Serialize;

use super::Sink;
use super::index::{Index, order};
use crate::content::source::At;
use crate::facts::consent::story_allowed;
use crate::facts::status::Status;
pub use plain::plain_text;
pub use terms::words;

/// Where the index lives, inside the site.
pub const DIR: &str = "tim-kiem";
/// About how large a shard of terms grows before the next one starts.
pub const SHARD_BYTES: usize = 8 * 1024;
/// Documents per record file (`d/K.json`), about 5 KB: a file per 16 exemplars instead
/// of one each, while a page of ten results (rarely neighbours) still downloads little
/// more than its records (at 10,000 exemplars, 32 would add about 50 KB to a search).
pub const GROUP: usize = 16;
/// Documents read at once, at most (a multiple of `GROUP`); the first batch is smaller,
/// to learn the common words before the documents that follow are read in parallel.
const BATCH: usize = 2048;
const FIRST_BATCH: usize = 128;

/// Fields in the order of their weight (see search.js).
const NAME: u8 = 0;
const UNIT: u8 = 1;
const POSITION: u8 = 2;
const YEAR: u8 = 3;
const SUMMARY: u8 = 4;
const STORY: u8 = 5;

/// What a result shows.
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
}

/// The documents of the index, as profile numbers: recognised profiles, newest year
/// first, then in Vietnamese order.
pub fn documents(index: &Index) -> Vec<usize> {
    let site = index.site;
    // The rolls, newest first, are runs in Vietnamese order already (each kind of
    // exemplar in a year): a stable sort finds them and only merges.
    let mut docs: Vec<usize> = (index.by_year.values().rev().flatten().copied())
        .filter(|&i| index.status[i] == Status::Recognised)
        .collect();
    docs.par_sort_by(|&a, &b| {
        let (pa, pb) = (&site.profiles[a], &site.profiles[b]);
        pb.year.cmp(&pa.year).then_with(|| order(pa, pb))
    });
    docs
}

/// The record of profile `i`.
pub fn record(index: &Index, i: usize) -> Record {
    let site = index.site;
    let p = &site.profiles[i];
    let unit_id = p.unit_id().unwrap_or_default();
    let value = |f: &Option<At<String>>| f.as_ref().map(|x| x.value.clone()).unwrap_or_default();
    Record {
        name: p.name().to_string(),
        position: value(&p.position),
        unit: site
            .unit(unit_id)
            .map_or_else(|| unit_id.to_string(), |u| u.name.clone()),
        year: p.year,
        path: format!("{}/{}/", p.year, p.slug),
        summary: if story_allowed(p) {
            value(&p.summary)
        } else {
            String::new()
        },
    }
}

/// Every document's record, in order.
pub fn records(index: &Index) -> Vec<Record> {
    documents(index)
        .par_iter()
        .map(|&i| record(index, i))
        .collect()
}

/// Appends `n` in the digits described at the top of this file.
fn push_number(out: &mut Vec<u8>, n: u32) {
    let last = 48 + (n & 31) as u8;
    if n < 32 {
        out.push(last);
        return;
    }
    // The digits before the last, most significant first.
    let rest = (32 - n.leading_zeros()).div_ceil(5) - 1;
    for k in (1..=rest).rev() {
        out.push(80 + ((n >> (5 * k)) & 31) as u8);
    }
    out.push(last);
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

/// Files of the index, given out a few at a time as they are done; the version of
/// `index.json` is the hash of all the others.
struct Out<'a> {
    hash: blake3::Hasher,
    put: &'a mut dyn FnMut(Vec<(String, Vec<u8>)>),
}

impl Out<'_> {
    fn files(&mut self, files: Vec<(String, Vec<u8>)>) {
        for (_, bytes) in &files {
            self.hash.update(bytes);
        }
        (self.put)(files);
    }
}

/// Lines gathered in shards of about `SHARD_BYTES` (a line is never split), written
/// `FLUSH` shards at a time: `t/K.txt` or `p/K.txt`.
struct Shards {
    dir: &'static str,
    /// Each shard's first term and size, for `index.json`.
    list: Vec<(String, usize)>,
    body: Vec<u8>,
    done: Vec<(String, Vec<u8>)>,
}

const FLUSH: usize = 64;

impl Shards {
    fn new(dir: &'static str) -> Shards {
        Shards {
            dir,
            list: Vec::new(),
            body: Vec::new(),
            done: Vec::new(),
        }
    }

    fn push(&mut self, term: &str, line: &[u8], out: &mut Out) {
        if self.list.is_empty() || self.body.len() + line.len() > SHARD_BYTES {
            self.end(out, false);
            self.list.push((term.to_string(), 0));
        }
        self.body.extend_from_slice(line);
    }

    /// Ends the current shard; gives out the finished ones when there are enough, or
    /// when `last`.
    fn end(&mut self, out: &mut Out, last: bool) {
        if let Some(at) = self.list.last_mut() {
            at.1 = self.body.len();
            let path = format!("{DIR}/{}/{}.txt", self.dir, self.list.len() - 1);
            self.done.push((path, std::mem::take(&mut self.body)));
        }
        if last || self.done.len() >= FLUSH {
            out.files(std::mem::take(&mut self.done));
        }
    }

    /// Ends the last shard; each shard's first term and size.
    fn finish(mut self, out: &mut Out) -> Vec<serde_json::Value> {
        if !self.list.is_empty() {
            self.end(out, true);
        }
        self.list
            .into_iter()
            .map(|(first, bytes)| serde_json::json!([first, bytes]))
            .collect()
    }
}

/// Builds the index, giving its files to `put` a few at a time, `index.json` last;
/// returns the stories that could not be unpacked (see `content::story`).
fn build(index: &Index, put: &mut dyn FnMut(Vec<(String, Vec<u8>)>)) -> Vec<String> {
    let unread = std::sync::Mutex::new(Vec::new());
    let mut out = Out {
        hash: blake3::Hasher::new(),
        put,
    };
    let docs = documents(index);
    let mut builder = terms::Builder::default();
    let (mut start, mut size) = (0, FIRST_BATCH);
    while start < docs.len() {
        let batch = &docs[start..(start + size).min(docs.len())];
        let read: Vec<(Record, terms::DocWords)> = batch
            .par_iter()
            .map_init(String::new, |story, &i| {
                let r = record(index, i);
                let shown = story_allowed(&index.site.profiles[i]);
                match shown.then(|| index.site.story(i)) {
                    Some(Ok(text)) => plain::plain_into(&text, story),
                    None => story.clear(),
                    Some(Err(e)) => {
                        story.clear();
                        unread.lock().unwrap_or_else(|e| e.into_inner()).push(e);
                    }
                }
                let year = r.year.to_string();
                let words = builder.read(&[
                    (NAME, &r.name),
                    (UNIT, &r.unit),
                    (POSITION, &r.position),
                    (SUMMARY, &r.summary),
                    (STORY, story),
                    (YEAR, &year),
                ]);
                (r, words)
            })
            .collect();
        let (records, words): (Vec<Record>, Vec<terms::DocWords>) = read.into_iter().unzip();
        let first_file = start / GROUP;
        out.files(
            records
                .par_chunks(GROUP)
                .enumerate()
                .map(|(k, group)| {
                    // Records hold only strings and numbers: serialising cannot fail.
                    let json = serde_json::to_vec(group).unwrap_or_default();
                    (format!("{DIR}/d/{}.json", first_file + k), json)
                })
                .collect(),
        );
        builder.add(start as u32, words);
        start += batch.len();
        size = (size * 2).min(BATCH);
    }
    let mut words = Shards::new("t");
    builder.words(|term, line| words.push(term, line, &mut out));
    let words = words.finish(&mut out);
    let mut pairs = Shards::new("p");
    builder.pairs(|term, line| pairs.push(term, line, &mut out));
    let pairs = pairs.finish(&mut out);
    let version = out.hash.finalize().to_hex();
    let meta = serde_json::json!({
        "v": &version.as_str()[..16],
        "docs": docs.len(),
        "group": GROUP,
        "words": words,
        "pairs": pairs,
    });
    (out.put)(vec![(
        format!("{DIR}/index.json"),
        meta.to_string().into_bytes(),
    )]);
    unread.into_inner().unwrap_or_else(|e| e.into_inner())
}

/// Groups of files written beside the index's building at most: more wait (are written
/// where they were made), so that a site of 100,000 never holds its index in memory while
/// its pages keep the other threads busy.
const IN_FLIGHT: usize = 2;

/// Writes the index through `sink`, each group of files while the next is computed;
/// every failure is collected.
pub fn write(index: &Index, sink: &dyn Sink) -> Vec<String> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let errors = std::sync::Mutex::new(Vec::new());
    let in_flight = AtomicUsize::new(0);
    let put = |files: &[(String, Vec<u8>)]| {
        let failed: Vec<String> = files
            .par_iter()
            .filter_map(|(path, bytes)| sink.put(path, bytes).err())
            .collect();
        errors
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend(failed);
    };
    let unread = rayon::scope(|scope| {
        build(index, &mut |files| {
            if in_flight.fetch_add(1, Ordering::AcqRel) >= IN_FLIGHT {
                in_flight.fetch_sub(1, Ordering::AcqRel);
                put(&files);
                return;
            }
            let (put, in_flight) = (&put, &in_flight);
            scope.spawn(move |_| {
                put(&files);
                in_flight.fetch_sub(1, Ordering::AcqRel);
            });
        })
    });
    let mut errors = errors.into_inner().unwrap_or_else(|e| e.into_inner());
    errors.extend(unread);
    errors.sort();
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_in_their_digits() {
        let numbers = [0, 1, 7, 8, 31, 32, 1023, 1024, 80_000, u32::MAX];
        let mut s = Vec::new();
        for n in numbers {
            push_number(&mut s, n);
        }
        let s = String::from_utf8(s).expect("ascii");
        assert_eq!(read_numbers(&s), numbers);
        assert!(s.bytes().all(|b| (48..112).contains(&b)), "{s}");
        let mut one = Vec::new();
        push_number(&mut one, 8 + 5);
        assert_eq!(one, b"=");
    }

    #[test]
    fn lines_in_shards_given_out_in_order() {
        let mut given: Vec<(String, Vec<u8>)> = Vec::new();
        let mut put = |files: Vec<(String, Vec<u8>)>| given.extend(files);
        let mut out = Out {
            hash: blake3::Hasher::new(),
            put: &mut put,
        };
        let big = vec![b'x'; SHARD_BYTES - 1];
        let mut shards = Shards::new("t");
        shards.push("a", b"a\n", &mut out);
        shards.push("b", &big, &mut out);
        shards.push("c", b"c\n", &mut out);
        shards.push("d", b"d\n", &mut out);
        let list = shards.finish(&mut out);
        assert_eq!(
            serde_json::Value::from(list).to_string(),
            format!(r#"[["a",2],["b",{}],["c",4]]"#, SHARD_BYTES - 1)
        );
        let paths: Vec<&str> = given.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            paths,
            ["tim-kiem/t/0.txt", "tim-kiem/t/1.txt", "tim-kiem/t/2.txt"]
        );
        assert_eq!(given[2].1, b"c\nd\n");
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
