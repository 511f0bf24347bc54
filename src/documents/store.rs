//! Writing the documents into their folder without destroying anyone's work. The folder
//! keeps a list of what bangvang last wrote there (`.bangvang-council.json`: each file's
//! BLAKE3 hash). A document is replaced only while it still holds exactly what bangvang
//! wrote; one that the standing body edited since (or that bangvang never wrote) is
//! kept, and nothing is written, unless `--force`. Files with the same bytes as before
//! are not rewritten.

use std::collections::BTreeMap;
use std::fs;

use serde::{Deserialize, Serialize};

use crate::content::edit::{EditError, Writer};

/// The list of what bangvang wrote, inside the documents' folder.
pub const MANIFEST: &str = ".bangvang-council.json";

#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    /// Why the file is there, for whoever opens it.
    about: String,
    files: BTreeMap<String, String>,
}

/// Why a document is kept as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// bangvang wrote it, and it was changed since.
    Edited(String),
    /// bangvang did not write it.
    NotOurs(String),
}

/// What happened to each file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Written(String),
    Unchanged(String),
}

#[derive(Debug)]
pub enum StoreError {
    /// Files changed by hand: nothing was written.
    Kept(Vec<Kept>),
    Write(EditError),
}

fn hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

fn read_manifest(writer: &Writer) -> Manifest {
    writer
        .resolve(MANIFEST)
        .ok()
        .and_then(|p| fs::read(p).ok())
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// Writes `files` (name, bytes) through `writer`, replacing a file only while it holds
/// what the list says bangvang wrote (any file with `force`).
pub fn write(
    writer: &Writer,
    files: &[(String, Vec<u8>)],
    force: bool,
) -> Result<Vec<Outcome>, StoreError> {
    let manifest = read_manifest(writer);
    let mut kept = Vec::new();
    let mut current: Vec<Option<Vec<u8>>> = Vec::new();
    for (name, _) in files {
        let path = writer.resolve(name).map_err(StoreError::Write)?;
        let now = fs::read(&path).ok();
        if let Some(bytes) = &now {
            match manifest.files.get(name) {
                Some(h) if *h == hash(bytes) => {}
                _ if force => {}
                Some(_) => kept.push(Kept::Edited(name.clone())),
                None => kept.push(Kept::NotOurs(name.clone())),
            }
        }
        current.push(now);
    }
    if !kept.is_empty() {
        return Err(StoreError::Kept(kept));
    }
    let mut out = Vec::new();
    let mut list = Manifest {
        about: "bangvang council: the documents it wrote here and their BLAKE3 hashes; a document whose bytes differ was edited by hand and is not replaced without --force".into(),
        files: BTreeMap::new(),
    };
    for ((name, bytes), now) in files.iter().zip(current) {
        list.files.insert(name.clone(), hash(bytes));
        let done = match now {
            Some(old) if old == *bytes => {
                out.push(Outcome::Unchanged(name.clone()));
                continue;
            }
            Some(old) if !force => writer.replace(name, &old, bytes),
            Some(_) => writer.put(name, bytes),
            None => writer.create(name, bytes),
        };
        done.map_err(StoreError::Write)?;
        out.push(Outcome::Written(name.clone()));
    }
    let mut json = serde_json::to_vec_pretty(&list).unwrap_or_default();
    json.push(b'\n');
    writer.put(MANIFEST, &json).map_err(StoreError::Write)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(text: &str) -> Vec<(String, Vec<u8>)> {
        vec![
            ("a.docx".into(), format!("a {text}").into_bytes()),
            ("a.html".into(), format!("h {text}").into_bytes()),
        ]
    }

    #[test]
    fn replaces_its_own_files_and_keeps_edited_ones() {
        let dir = tempfile::tempdir().expect("dir");
        let w = Writer::open(dir.path()).expect("writer");
        let first = write(&w, &files("1"), false).expect("first");
        assert_eq!(first.len(), 2);
        assert!(dir.path().join(MANIFEST).is_file());
        // The same bytes again: nothing rewritten.
        let again = write(&w, &files("1"), false).expect("again");
        assert!(again.iter().all(|o| matches!(o, Outcome::Unchanged(_))));
        // New bytes replace bangvang's own files.
        write(&w, &files("2"), false).expect("second");
        assert_eq!(fs::read(dir.path().join("a.docx")).expect("read"), b"a 2");
        // A file edited by hand is kept, and nothing at all is written.
        fs::write(dir.path().join("a.docx"), b"edited in Word").expect("edit");
        let Err(StoreError::Kept(kept)) = write(&w, &files("3"), false) else {
            panic!("kept");
        };
        assert_eq!(kept, [Kept::Edited("a.docx".into())]);
        assert_eq!(fs::read(dir.path().join("a.html")).expect("read"), b"h 2");
        // --force replaces it.
        write(&w, &files("3"), true).expect("forced");
        assert_eq!(fs::read(dir.path().join("a.docx")).expect("read"), b"a 3");
    }

    #[test]
    fn a_file_it_never_wrote_is_not_its_own() {
        let dir = tempfile::tempdir().expect("dir");
        fs::write(dir.path().join("a.html"), b"someone's").expect("write");
        let w = Writer::open(dir.path()).expect("writer");
        let Err(StoreError::Kept(kept)) = write(&w, &files("1"), false) else {
            panic!("kept");
        };
        assert_eq!(kept, [Kept::NotOurs("a.html".into())]);
        assert!(!dir.path().join("a.docx").exists());
    }
}
