//! Text packed in memory with zstd, with a dictionary trained on the site's own texts:
//! a story of a few kilobytes packs to a third of its size alone, and to a fraction of
//! that with a dictionary of the words and phrases its site repeats (unit names, the
//! plan's wording, the agency's turns of phrase). What is packed never depends on the
//! dictionary: unpacking gives back the same bytes, so neither does anything built.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// zstd's fastest level: hundreds of MB/s, and with a dictionary little to gain above.
const LEVEL: i32 = 1;
/// The dictionary's size at most (zstd's advice: about 100 KB).
const DICT_BYTES: usize = 112 * 1024;
/// How much text a dictionary is trained on at most, spread over the samples offered.
const SAMPLE_BYTES: usize = 4 << 20;
/// Fewer samples than this and no dictionary is trained: too little to learn from.
const MIN_SAMPLES: usize = 64;

/// A dictionary, and a number of its own (the threads' contexts know it by that).
pub struct Dict {
    id: u64,
    bytes: Box<[u8]>,
}

impl std::fmt::Debug for Dict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Dict({}, {} bytes)", self.id, self.bytes.len())
    }
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

impl Dict {
    /// A dictionary trained on an evenly spread share of `texts` (at most `SAMPLE_BYTES`),
    /// or `None` where there is too little to learn from or zstd cannot train one: the
    /// texts are then packed without.
    pub fn train<'a>(texts: impl Iterator<Item = &'a [u8]>) -> Option<Arc<Dict>> {
        let texts: Vec<&[u8]> = texts.filter(|t| !t.is_empty()).collect();
        let total: usize = texts.iter().map(|t| t.len()).sum();
        let step = total.div_ceil(SAMPLE_BYTES).max(1);
        let samples: Vec<&[u8]> = texts.into_iter().step_by(step).collect();
        if samples.len() < MIN_SAMPLES {
            return None;
        }
        let bytes = zstd::dict::from_samples(&samples, DICT_BYTES).ok()?;
        Some(Arc::new(Dict {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            bytes: bytes.into_boxed_slice(),
        }))
    }
}

/// Bytes packed: their length (4 bytes, little-endian) and the zstd frame, in a box of
/// exactly that size, and the dictionary they were packed with.
#[derive(Debug, Clone)]
pub struct Packed {
    bytes: Box<[u8]>,
    dict: Option<Arc<Dict>>,
}

/// Contexts a thread keeps, each with its dictionary loaded (loading one costs more than
/// packing a story): a page unpacks its story and its criteria, each with their own.
const CONTEXTS: usize = 4;

thread_local! {
    static PACKERS: RefCell<Vec<(u64, zstd::bulk::Compressor<'static>)>> =
        const { RefCell::new(Vec::new()) };
    static UNPACKERS: RefCell<Vec<(u64, zstd::bulk::Decompressor<'static>)>> =
        const { RefCell::new(Vec::new()) };
}

/// The context for dictionary `id` in `cache`, made by `make` if it is not there (in the
/// place of the one used longest ago when the cache is full); the last is the newest.
fn context<C, E>(
    cache: &mut Vec<(u64, C)>,
    id: u64,
    make: impl FnOnce() -> Result<C, E>,
) -> Result<&mut C, E> {
    match cache.iter().position(|(had, _)| *had == id) {
        Some(at) => {
            let found = cache.remove(at);
            cache.push(found);
        }
        None => {
            if cache.len() >= CONTEXTS {
                cache.remove(0);
            }
            cache.push((id, make()?));
        }
    }
    let last = cache.len() - 1;
    Ok(&mut cache[last].1)
}

/// The number of a dictionary, 0 for none.
fn id_of(dict: Option<&Arc<Dict>>) -> u64 {
    dict.map_or(0, |d| d.id)
}

fn dict_bytes(dict: Option<&Arc<Dict>>) -> &[u8] {
    dict.map_or(&[], |d| &d.bytes)
}

impl Packed {
    /// `bytes` packed with `dict`; `None` if zstd fails (the caller keeps them as they are).
    pub fn pack(bytes: &[u8], dict: Option<&Arc<Dict>>) -> Option<Packed> {
        let len = u32::try_from(bytes.len()).ok()?;
        let id = id_of(dict);
        PACKERS.with(|cell| {
            let mut cache = cell.borrow_mut();
            let make = || zstd::bulk::Compressor::with_dictionary(LEVEL, dict_bytes(dict));
            let packed = context(&mut cache, id, make).ok()?.compress(bytes).ok()?;
            let mut out = Vec::with_capacity(4 + packed.len());
            out.extend_from_slice(&len.to_le_bytes());
            out.extend_from_slice(&packed);
            Some(Packed {
                bytes: out.into_boxed_slice(),
                dict: dict.cloned(),
            })
        })
    }

    /// The bytes as they were before packing.
    pub fn unpack(&self) -> Result<Vec<u8>, String> {
        let (len, data) = self.bytes.split_at_checked(4).ok_or("too short")?;
        let len = u32::from_le_bytes(len.try_into().map_err(|_| "too short")?) as usize;
        let id = id_of(self.dict.as_ref());
        UNPACKERS.with(|cell| {
            let mut cache = cell.borrow_mut();
            let make = || zstd::bulk::Decompressor::with_dictionary(dict_bytes(self.dict.as_ref()));
            let unpacker = context(&mut cache, id, make).map_err(|e| e.to_string())?;
            unpacker.decompress(data, len).map_err(|e| e.to_string())
        })
    }

    /// The text as it was before packing.
    pub fn unpack_text(&self) -> Result<String, String> {
        let bytes = self.unpack()?;
        simdutf8::basic::from_utf8(&bytes)
            .map(str::to_owned)
            .map_err(|e| e.to_string())
    }

    /// How many bytes it holds.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether it holds nothing (never: a packed text has at least its length).
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The dictionary it was packed with.
    pub fn dict(&self) -> Option<&Arc<Dict>> {
        self.dict.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stories(n: usize) -> Vec<String> {
        (0..n)
            .map(|i| {
                format!(
                    "Anh Nguyễn Văn {i} luôn hoàn thành xuất sắc nhiệm vụ được giao năm 2024 \
                     tại Phòng Quản lý xây dựng số {}; gương mẫu chấp hành chủ trương của \
                     Đảng, chính sách pháp luật của Nhà nước. Đồng chí tích cực ủng hộ Quỹ \
                     Vì người nghèo và hiến máu tình nguyện lần thứ {}.",
                    i % 7,
                    i * 31 % 13
                )
            })
            .collect()
    }

    #[test]
    fn packed_with_or_without_a_dictionary_unpacks_the_same() {
        let texts = stories(400);
        let dict = Dict::train(texts.iter().map(|t| t.as_bytes()));
        assert!(dict.is_some(), "400 stories are enough to train on");
        for t in &texts {
            for d in [None, dict.as_ref()] {
                let p = Packed::pack(t.as_bytes(), d).expect("packed");
                assert_eq!(&p.unpack_text().expect("unpacked"), t);
            }
        }
        // The empty text too.
        let p = Packed::pack(b"", dict.as_ref()).expect("packed");
        assert_eq!(p.unpack().expect("unpacked"), b"");
    }

    #[test]
    fn a_dictionary_packs_smaller() {
        let texts = stories(400);
        let dict = Dict::train(texts.iter().map(|t| t.as_bytes()));
        let size = |d: Option<&Arc<Dict>>| -> usize {
            texts
                .iter()
                .map(|t| Packed::pack(t.as_bytes(), d).expect("packed").len())
                .sum()
        };
        let (alone, with) = (size(None), size(dict.as_ref()));
        assert!(
            with * 2 < alone,
            "with a dictionary {with}, without {alone}"
        );
    }

    #[test]
    fn threads_switching_dictionaries_unpack_each_with_its_own() {
        let texts = stories(200);
        let one = Dict::train(texts.iter().map(|t| t.as_bytes())).expect("trained");
        let two = Dict::train(texts.iter().rev().map(|t| t.as_bytes())).expect("trained");
        let a = Packed::pack(texts[3].as_bytes(), Some(&one)).expect("packed");
        let b = Packed::pack(texts[4].as_bytes(), Some(&two)).expect("packed");
        let c = Packed::pack(texts[5].as_bytes(), None).expect("packed");
        for _ in 0..2 {
            assert_eq!(a.unpack_text().expect("a"), texts[3]);
            assert_eq!(b.unpack_text().expect("b"), texts[4]);
            assert_eq!(c.unpack_text().expect("c"), texts[5]);
        }
    }

    #[test]
    fn a_thread_keeps_a_few_contexts_the_newest_last() {
        let mut cache: Vec<(u64, u32)> = Vec::new();
        let mut made = 0;
        for id in [1, 2, 1, 3, 4, 5, 1, 2] {
            let got = context(&mut cache, id, || {
                made += 1;
                Ok::<u32, ()>(id as u32 * 10)
            });
            assert_eq!(*got.expect("made"), id as u32 * 10);
        }
        // 1 and 2 made, 1 found, 3, 4, 5 made (2 let go), 1 found, 2 made again.
        assert_eq!(made, 6);
        let ids: Vec<u64> = cache.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, [4, 5, 1, 2]);
    }

    #[test]
    fn too_few_texts_train_nothing() {
        let texts = stories(MIN_SAMPLES - 1);
        assert!(Dict::train(texts.iter().map(|t| t.as_bytes())).is_none());
    }

    #[test]
    fn damaged_bytes_are_an_error_not_a_panic() {
        let p = Packed {
            bytes: vec![9, 0, 0, 0, 1, 2, 3].into_boxed_slice(),
            dict: None,
        };
        assert!(p.unpack().is_err());
        let short = Packed {
            bytes: vec![1].into_boxed_slice(),
            dict: None,
        };
        assert!(short.unpack().is_err());
    }
}
