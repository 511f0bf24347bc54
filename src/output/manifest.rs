//! The list of the files a build wrote, kept inside the output folder itself
//! (`.bangvang-files.json`), so that it is swapped in with the files it lists and can never
//! disagree with them, wherever `--output` points. A build removes only files on it; any
//! other file in the folder is someone else's and stays.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// The list's file, at the top of the output.
pub const NAME: &str = ".bangvang-files.json";
/// Inside the output: where a build that cannot stage beside it stages its files.
pub const STAGING: &str = ".bangvang-new";
/// Inside the output: the journal of a commit made file by file (see `journal`).
pub const JOURNAL: &str = ".bangvang-commit.json";

/// Whether `rel` (a path inside the output) is one of bangvang's own records (a name at
/// the top of the output beginning with `.bangvang-`), never a file of the site.
pub fn reserved(rel: &str) -> bool {
    rel.split('/')
        .next()
        .unwrap_or(rel)
        .starts_with(".bangvang-")
}

#[derive(Serialize, Deserialize)]
struct List {
    bangvang: String,
    files: Vec<String>,
}

const NOTE: &str = "các tệp do lần xây dựng này ghi: lần sau chỉ xoá các tệp này / the files this build wrote: a build removes only these";

/// The list of `files` as it is written (sorted: the same files give the same bytes).
pub fn bytes<'a>(files: impl IntoIterator<Item = &'a String>) -> Vec<u8> {
    let sorted: BTreeSet<&String> = files.into_iter().collect();
    let list = List {
        bangvang: NOTE.to_string(),
        files: sorted.into_iter().cloned().collect(),
    };
    let mut out = serde_json::to_vec_pretty(&list).unwrap_or_default();
    out.push(b'\n');
    out
}

/// The files the list in the output folder `dir` names; `None` when it has none.
pub fn read(dir: &Path) -> io::Result<Option<HashSet<String>>> {
    match fs::read(dir.join(NAME)) {
        Ok(bytes) => {
            let list: List = serde_json::from_slice(&bytes)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("{NAME}: {e}")))?;
            Ok(Some(list.files.into_iter().collect()))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_reads_back_and_its_bytes_follow_only_the_files() {
        let tmp = tempfile::tempdir().expect("tempdir");
        assert!(read(tmp.path()).expect("read").is_none());
        let a = ["b/index.html".to_string(), "a b\n\"c\".txt".to_string()];
        let b = [a[1].clone(), a[0].clone()];
        assert_eq!(bytes(&a), bytes(&b), "sorted");
        fs::write(tmp.path().join(NAME), bytes(&a)).expect("write");
        let back = read(tmp.path()).expect("read").expect("a list");
        assert_eq!(back, a.iter().cloned().collect());
        fs::write(tmp.path().join(NAME), "{").expect("write");
        assert!(
            read(tmp.path()).is_err(),
            "a damaged list is not an empty one"
        );
        assert!(reserved(NAME) && reserved(".bangvang-new/x") && !reserved("index.html"));
    }
}
