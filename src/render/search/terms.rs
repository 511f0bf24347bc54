//! The inverted index, built a batch of documents at a time so that no more than one
//! batch of stories is ever held as text: for each folded word, each way it is written
//! and the documents it is in, with the best field; for each pair of words that follow
//! each other in a field, the documents (so that `truong cong khai` needs those words
//! together, not anywhere). Postings are encoded as they come (`Postings`), in document
//! order, so the result does not depend on how the work was split between threads.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use rayon::prelude::*;
use regex::Regex;

use super::push_number;
use crate::text::fold::{fold, tone_key};

/// Whether `c` is a letter, a digit or a mark (`[\p{L}\p{N}\p{M}]`, search.js's `WORD`),
/// as the regex crate's tables say.
fn by_regex(c: char) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let mut buf = [0u8; 4];
    RE.get_or_init(|| Regex::new(r"^[\p{L}\p{N}\p{M}]$").expect("valid"))
        .is_match(c.encode_utf8(&mut buf))
}

/// `by_regex` for the characters of one or two bytes in UTF-8 (below U+0800: Latin
/// letters with their diacritics, the combining marks), one bit each.
fn two_bytes() -> &'static [u64; 32] {
    static BITS: OnceLock<[u64; 32]> = OnceLock::new();
    BITS.get_or_init(|| {
        let mut bits = [0u64; 32];
        for c in (0..0x800)
            .filter_map(char::from_u32)
            .filter(|&c| by_regex(c))
        {
            bits[c as usize / 64] |= 1 << (c as usize % 64);
        }
        bits
    })
}

/// Whether the character at `bytes[i]` (where one starts, not ASCII) is a letter, a
/// digit or a mark, and its length: the Vietnamese letters and punctuation of three bytes
/// are answered here, the rare others by the regex.
#[inline]
fn word_char_at(bytes: &[u8], i: usize, low: &[u64; 32]) -> (bool, usize) {
    let b = u32::from(bytes[i]);
    let cont = |k: usize| bytes.get(i + k).map_or(0, |&x| u32::from(x & 0x3f));
    if b < 0xe0 {
        let c = (((b & 0x1f) << 6) | cont(1)) as usize;
        return ((low[c / 64] >> (c % 64)) & 1 == 1, 2);
    }
    if b < 0xf0 {
        let c = ((b & 0x0f) << 12) | (cont(1) << 6) | cont(2);
        let word = match c {
            0x1e00..=0x1eff => true,
            0x2000..=0x206f => false,
            _ => char::from_u32(c).is_some_and(by_regex),
        };
        return (word, 3);
    }
    let c = ((b & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
    (char::from_u32(c).is_some_and(by_regex), 4)
}

/// Whether an ASCII byte is a letter or a digit.
const fn ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// Words as the browser splits them too (search.js): runs of letters, digits and marks.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    let (bytes, low) = (text.as_bytes(), two_bytes());
    let mut at = 0;
    std::iter::from_fn(move || {
        // Up to the first character of a word.
        while at < bytes.len() {
            let b = bytes[at];
            if b < 0x80 {
                if ascii_word(b) {
                    break;
                }
                at += 1;
            } else {
                let (word, n) = word_char_at(bytes, at, low);
                if word {
                    break;
                }
                at += n;
            }
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() {
            let b = bytes[at];
            if b < 0x80 {
                if !ascii_word(b) {
                    break;
                }
                at += 1;
            } else {
                let (word, n) = word_char_at(bytes, at, low);
                if !word {
                    break;
                }
                at += n;
            }
        }
        Some(&text[start..at])
    })
}

/// JavaScript's order of strings: by UTF-16 code units.
pub fn js_order(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// A fast hash for the many small keys here (words, numbers): FxHash's multiply-rotate.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        // The product's high bits are the well mixed ones; hash tables index by the low.
        self.0.rotate_left(26)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn write_u128(&mut self, n: u128) {
        self.write_u64(n as u64);
        self.write_u64((n >> 64) as u64);
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

/// No posting yet (`Postings::field`).
const EMPTY: u8 = u8::MAX;

/// A term's documents, encoded as search.rs describes, as they come in increasing order;
/// the last one waits unencoded, with the best field seen so far, until a later document
/// comes (or `finish`).
#[derive(Clone)]
pub struct Postings {
    text: Vec<u8>,
    prev: u32,
    doc: u32,
    field: u8,
}

impl Default for Postings {
    fn default() -> Postings {
        Postings {
            text: Vec::new(),
            prev: 0,
            doc: 0,
            field: EMPTY,
        }
    }
}

impl Postings {
    /// Document `doc` (never lower than the last one) has the word in `field`.
    pub fn add(&mut self, doc: u32, field: u8) {
        if self.field != EMPTY {
            if doc == self.doc {
                self.field = self.field.min(field);
                return;
            }
            push_number(
                &mut self.text,
                ((self.doc - self.prev) << 3) | u32::from(self.field),
            );
            self.prev = self.doc;
        }
        self.doc = doc;
        self.field = field;
    }

    /// Appends the encoded list to `out`.
    pub fn finish(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.text);
        if self.field != EMPTY {
            push_number(out, ((self.doc - self.prev) << 3) | u32::from(self.field));
        }
    }
}

/// A spelling the builder did not know when the document was read: an index in `news`.
const NEW: u32 = 1 << 31;

/// A document's words: spellings (by number) field after field.
#[derive(Default)]
pub struct DocWords {
    spellings: Vec<u32>,
    /// Each field and where its words end in `spellings`.
    fields: Vec<(u8, u32)>,
    /// The spellings unknown to the builder, once each.
    news: Vec<Box<str>>,
}

/// One share of the postings, which one thread adds to: of `2^bits` shares, form `f` is
/// in share `f % 2^bits`, at `f >> bits`; a pair of terms `(a << 32) | b` in share
/// `share_of(pair, bits)`. The output does not depend on the number of shares.
#[derive(Default)]
struct Share {
    forms: Vec<Postings>,
    pairs: FxMap<u64, Postings>,
}

/// Which share a pair belongs to: the top bits of a multiplicative hash.
fn share_of(pair: u64, bits: u32) -> usize {
    pair.wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .checked_shr(64 - bits)
        .unwrap_or(0) as usize
}

/// A word of up to 15 bytes as one number (its bytes, its length in the top byte): most
/// words are looked up this way, without comparing strings.
fn short(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    let len = b.len();
    let u32_at = |i: usize| u64::from(u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]));
    let u64_at = |i: usize| {
        let mut x = [0u8; 8];
        x.copy_from_slice(&b[i..i + 8]);
        u64::from_le_bytes(x)
    };
    // Loads of fixed size (a call to copy a few bytes would cost more than the lookup):
    // the last load overlaps the first, and is shifted to keep only what follows it.
    let (lo, hi) = match len {
        0..=3 => (b.iter().rev().fold(0, |n, &c| (n << 8) | u64::from(c)), 0),
        4..=7 => (u32_at(0) | ((u32_at(len - 4) >> (8 * (8 - len))) << 32), 0),
        8 => (u64_at(0), 0),
        9..=15 => (u64_at(0), u64_at(len - 8) >> (8 * (16 - len))),
        _ => return None,
    };
    Some(u128::from(lo) | (u128::from(hi) << 64) | ((len as u128) << 120))
}

/// The index under construction: the words known so far, and the postings.
pub struct Builder {
    /// Each way a word has been written → its number: short words, and the others.
    short_ids: FxMap<u128, u32>,
    spelling_ids: FxMap<Box<str>, u32>,
    /// By spelling: (term, form).
    spellings: Vec<(u32, u32)>,
    /// Folded words, and their numbers.
    terms: Vec<Box<str>>,
    term_ids: FxMap<Box<str>, u32>,
    /// By form: (term, tone key); and their numbers.
    forms: Vec<(u32, Box<str>)>,
    form_ids: FxMap<(u32, Box<str>), u32>,
    shares: Vec<Share>,
    /// `shares.len()` is `2^bits`: one share per thread (at most 16).
    bits: u32,
    /// By term: its place in JavaScript's order (known once `words` has run).
    rank: Vec<u32>,
}

impl Default for Builder {
    fn default() -> Builder {
        let threads = rayon::current_num_threads().clamp(1, 16);
        Builder::new(threads.next_power_of_two().trailing_zeros())
    }
}

impl Builder {
    /// A builder with `2^bits` shares.
    fn new(bits: u32) -> Builder {
        Builder {
            short_ids: FxMap::default(),
            spelling_ids: FxMap::default(),
            spellings: Vec::new(),
            terms: Vec::new(),
            term_ids: FxMap::default(),
            forms: Vec::new(),
            form_ids: FxMap::default(),
            shares: (0..1 << bits).map(|_| Share::default()).collect(),
            bits,
            rank: Vec::new(),
        }
    }

    /// The number of a spelling, if known.
    fn spelling(&self, w: &str) -> Option<u32> {
        match short(w) {
            Some(k) => self.short_ids.get(&k).copied(),
            None => self.spelling_ids.get(w).copied(),
        }
    }

    /// The words of one document's fields (`(field, text)`); needs only `&self`, so that
    /// the documents of a batch are read in parallel.
    pub fn read(&self, fields: &[(u8, &str)]) -> DocWords {
        let mut doc = DocWords::default();
        let bytes: usize = fields.iter().map(|(_, t)| t.len()).sum();
        doc.spellings.reserve(bytes / 5);
        let mut news: FxMap<&str, u32> = FxMap::default();
        for &(field, text) in fields {
            for w in words(text) {
                let id = match self.spelling(w) {
                    Some(id) => id,
                    None => *news.entry(w).or_insert_with(|| {
                        doc.news.push(w.into());
                        NEW | (doc.news.len() - 1) as u32
                    }),
                };
                doc.spellings.push(id);
            }
            doc.fields.push((field, doc.spellings.len() as u32));
        }
        doc
    }

    /// Adds a batch of documents, read by `read`, numbered from `first` on; batches come
    /// in the order of their numbers.
    pub fn add(&mut self, first: u32, mut docs: Vec<DocWords>) {
        self.learn(&docs);
        let known = &*self;
        let ids: Vec<Vec<u32>> = docs
            .par_iter()
            .map(|d| {
                d.news
                    .iter()
                    .map(|w| known.spelling(w).unwrap_or(0))
                    .collect()
            })
            .collect();
        docs.par_iter_mut().zip(ids).for_each(|(d, ids)| {
            for s in &mut d.spellings {
                if *s & NEW != 0 {
                    *s = ids[(*s & !NEW) as usize];
                }
            }
            d.news = Vec::new();
        });
        let (spellings, bits) = (&self.spellings, self.bits);
        let (mask, forms) = ((1 << bits) - 1, self.forms.len().div_ceil(1 << bits));
        // Each share goes through every word: the words are in the cache, the share's
        // postings stay in its core's.
        self.shares
            .par_iter_mut()
            .enumerate()
            .for_each(|(k, share)| {
                share.forms.resize_with(forms, Postings::default);
                for (d, doc) in docs.iter().enumerate() {
                    let number = first + d as u32;
                    let mut start = 0;
                    for &(field, end) in &doc.fields {
                        let mut prev: Option<u32> = None;
                        for &s in &doc.spellings[start..end as usize] {
                            let (term, form) = spellings[s as usize];
                            if form as usize & mask == k {
                                share.forms[form as usize >> bits].add(number, field);
                            }
                            if let Some(a) = prev {
                                let pair = (u64::from(a) << 32) | u64::from(term);
                                if share_of(pair, bits) == k {
                                    share.pairs.entry(pair).or_default().add(number, field);
                                }
                            }
                            prev = Some(term);
                        }
                        start = end as usize;
                    }
                }
            });
    }

    /// Numbers the spellings first seen in `docs`: in their sorted order, so that the
    /// numbers do not depend on threads (nor does anything written, which is sorted).
    fn learn(&mut self, docs: &[DocWords]) {
        let mut new: Vec<&str> = docs
            .iter()
            .flat_map(|d| d.news.iter().map(|w| &**w))
            .collect();
        if new.is_empty() {
            return;
        }
        new.par_sort_unstable();
        new.dedup();
        let folded: Vec<(String, String)> =
            new.par_iter().map(|w| (fold(w), tone_key(w))).collect();
        for (w, (t, k)) in new.into_iter().zip(folded) {
            let term = match self.term_ids.get(t.as_str()) {
                Some(&id) => id,
                None => {
                    let id = self.terms.len() as u32;
                    self.terms.push(t.clone().into_boxed_str());
                    self.term_ids.insert(t.into_boxed_str(), id);
                    id
                }
            };
            let key = (term, k.into_boxed_str());
            let form = match self.form_ids.get(&key) {
                Some(&id) => id,
                None => {
                    let id = self.forms.len() as u32;
                    self.forms.push(key.clone());
                    self.form_ids.insert(key, id);
                    id
                }
            };
            let id = self.spellings.len() as u32;
            match short(w) {
                Some(k) => self.short_ids.insert(k, id),
                None => self.spelling_ids.insert(w.into(), id),
            };
            self.spellings.push((term, form));
        }
    }

    /// Each line of the word shards (`term\tform postings…`), sorted as JavaScript sorts
    /// strings, given to `f` with its term; each form's postings are let go once written.
    pub fn words(&mut self, mut f: impl FnMut(&str, &[u8])) {
        // What only reading needed.
        self.short_ids = FxMap::default();
        self.spelling_ids = FxMap::default();
        self.spellings = Vec::new();
        self.term_ids = FxMap::default();
        self.form_ids = FxMap::default();
        let terms = &self.terms;
        let mut order: Vec<u32> = (0..terms.len() as u32).collect();
        order.par_sort_unstable_by(|&a, &b| js_order(&terms[a as usize], &terms[b as usize]));
        self.rank = vec![0; terms.len()];
        for (r, &t) in order.iter().enumerate() {
            self.rank[t as usize] = r as u32;
        }
        let forms = std::mem::take(&mut self.forms);
        let mut by_term: Vec<Vec<u32>> = vec![Vec::new(); terms.len()];
        for (form, (t, _)) in forms.iter().enumerate() {
            by_term[*t as usize].push(form as u32);
        }
        let mut line = Vec::new();
        for t in order {
            let term = &*terms[t as usize];
            let mut list = std::mem::take(&mut by_term[t as usize]);
            list.sort_unstable_by(|&a, &b| js_order(&forms[a as usize].1, &forms[b as usize].1));
            line.clear();
            line.extend_from_slice(term.as_bytes());
            for form in list {
                let key = &*forms[form as usize].1;
                line.push(b'\t');
                if key != term {
                    line.extend_from_slice(key.as_bytes());
                }
                line.push(b' ');
                let (form, bits) = (form as usize, self.bits);
                // Written: its memory goes back before the pairs are gathered.
                std::mem::take(&mut self.shares[form & ((1 << bits) - 1)].forms[form >> bits])
                    .finish(&mut line);
            }
            line.push(b'\n');
            f(term, &line);
        }
    }

    /// Then each line of the pair shards (`a b\t postings`), in the same order.
    pub fn pairs(self, mut f: impl FnMut(&str, &[u8])) {
        let rank = &self.rank;
        // Gathered at their exact size, each list shrunk to its length as it moves (a
        // list grows by doubling: at 100,000 long stories a third of their memory is
        // room to grow that no longer serves).
        let count = self.shares.iter().map(|s| s.pairs.len()).sum();
        let mut all: Vec<(u64, Postings)> = Vec::with_capacity(count);
        for share in self.shares {
            for (pair, mut postings) in share.pairs {
                postings.text.shrink_to_fit();
                all.push((pair, postings));
            }
        }
        // "a b" sorts as (a, b) does: the space is below every character of a word.
        let sort_key = |pair: u64| {
            (u64::from(rank[(pair >> 32) as usize]) << 32)
                | u64::from(rank[(pair & 0xffff_ffff) as usize])
        };
        all.par_sort_unstable_by_key(|(pair, _)| sort_key(*pair));
        let (mut term, mut line) = (String::new(), Vec::new());
        for (pair, postings) in all {
            term.clear();
            term.push_str(&self.terms[(pair >> 32) as usize]);
            term.push(' ');
            term.push_str(&self.terms[(pair & 0xffff_ffff) as usize]);
            line.clear();
            line.extend_from_slice(term.as_bytes());
            line.extend_from_slice(b"\t ");
            postings.finish(&mut line);
            line.push(b'\n');
            f(&term, &line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_those_of_the_regex() {
        let re = Regex::new(r"[\p{L}\p{N}\p{M}]+").expect("valid");
        // Every character, between two that are not in words and next to an ASCII letter.
        let all: String = (0..=0x10_ffff)
            .filter_map(char::from_u32)
            .flat_map(|c| [' ', c, '-', c, 'a'])
            .collect();
        let want: Vec<&str> = re.find_iter(&all).map(|m| m.as_str()).collect();
        assert_eq!(words(&all).collect::<Vec<_>>(), want);
    }

    #[test]
    fn short_words_are_their_bytes_and_length() {
        for w in [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "hà",
            "nguyễn",
            "12345678",
            "trường",
            "abcdefghijklmno",
        ] {
            let mut a = [0u8; 16];
            a[..w.len()].copy_from_slice(w.as_bytes());
            a[15] = w.len() as u8;
            assert_eq!(short(w), Some(u128::from_le_bytes(a)), "{w}");
        }
        assert_eq!(short("abcdefghijklmnop"), None);
    }

    #[test]
    fn postings_keep_the_best_field_of_each_document() {
        let mut p = Postings::default();
        for (doc, field) in [(0, 5), (0, 0), (1, 5), (9, 4), (9, 5)] {
            p.add(doc, field);
        }
        let mut out = Vec::new();
        p.finish(&mut out);
        assert_eq!(out, b"0=R4");
    }

    /// The lines of a builder with `2^bits` shares, fed `docs` in batches of `batch`.
    fn lines(docs: &[&[(u8, &str)]], batch: usize, bits: u32) -> (String, String) {
        let mut b = Builder::new(bits);
        for (k, chunk) in docs.chunks(batch).enumerate() {
            let read = chunk.iter().map(|d| b.read(d)).collect();
            b.add((k * batch) as u32, read);
        }
        let (mut w, mut p) = (String::new(), String::new());
        b.words(|_, l| w.push_str(std::str::from_utf8(l).unwrap()));
        b.pairs(|_, l| p.push_str(std::str::from_utf8(l).unwrap()));
        (w, p)
    }

    #[test]
    fn forms_pairs_and_the_same_result_however_split() {
        let docs: Vec<&[(u8, &str)]> = vec![
            &[(0, "Hà Văn An"), (5, "hà nội, ha")],
            &[(0, "Hòa"), (4, "hoà ab")],
            &[(0, "Nguye\u{302}\u{303}n"), (5, "Nguyễn Văn An")],
            &[(1, "a"), (5, "ab a")],
        ];
        let (w, p) = lines(&docs, 4, 0);
        assert_eq!(
            w,
            "a\t I\nab\t <E\nan\t 0E\nha\t 5\thà 0\nhoa\thoà 8\nnguyen\tnguyễn @\n\
             noi\tnội 5\nvan\tvăn 0E\n"
        );
        assert_eq!(
            p,
            "ab a\t M\nha noi\t 5\nha van\t 0\nhoa ab\t <\nnguyen van\t E\n\
             noi ha\t 5\nvan an\t 0E\n"
        );
        for (batch, bits) in [(1, 0), (1, 1), (2, 3), (3, 2)] {
            assert_eq!(lines(&docs, batch, bits), (w.clone(), p.clone()));
        }
    }
}
