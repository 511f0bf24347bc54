//! Reading only regular files. A named pipe, a socket or a device under `content/` or
//! `themes/` is never opened for reading: reading a pipe waits for a writer that may never
//! come, which hung `check`, `build` and every rebuild of `serve`.

use std::fs::{FileType, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

use crate::diag::fatal::Special;

/// The hash of a file as read: its path from the site's root, and its bytes (the build's
/// stamp, `output::stamp`, is made of these).
pub fn file_hash(rel: &str, bytes: &[u8]) -> blake3::Hash {
    let mut h = blake3::Hasher::new();
    h.update(rel.as_bytes());
    h.update(&[0]);
    h.update(bytes);
    h.finalize()
}

/// The hashes ([`file_hash`]) of files already read, by path from the site's root.
pub type Known = std::collections::HashMap<String, blake3::Hash>;

/// Why a file was not read.
#[derive(Debug)]
pub enum NotRead {
    /// It is not a regular file.
    Special(Special),
    Io(io::Error),
}

impl From<io::Error> for NotRead {
    fn from(e: io::Error) -> Self {
        NotRead::Io(e)
    }
}

/// What a file that is not a folder and not a regular file is, or `None` for those.
pub fn special(t: FileType) -> Option<Special> {
    if t.is_file() || t.is_dir() || t.is_symlink() {
        None
    } else if t.is_fifo() {
        Some(Special::Pipe)
    } else if t.is_socket() {
        Some(Special::Socket)
    } else if t.is_block_device() || t.is_char_device() {
        Some(Special::Device)
    } else {
        Some(Special::Other)
    }
}

/// The bytes of the regular file at `path` (a symbolic link is followed): never opens
/// anything else, and never waits on it.
pub fn read(path: &Path) -> Result<Vec<u8>, NotRead> {
    let kind = |t: FileType| special(t).unwrap_or(Special::Other);
    // Not blocking, and never the controlling terminal: opening a pipe returns at once,
    // and the check below refuses it before anything is read.
    let nonblock = (rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY).bits() as i32;
    let mut file = OpenOptions::new()
        .read(true)
        .custom_flags(nonblock)
        .open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(NotRead::Special(kind(meta.file_type())));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_is_refused_without_waiting() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let pipe = tmp.path().join("a.md");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &pipe,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o644),
            0,
        )
        .expect("mkfifo");
        assert!(matches!(read(&pipe), Err(NotRead::Special(Special::Pipe))));
        let file = tmp.path().join("b.md");
        std::fs::write(&file, "x").expect("write");
        assert_eq!(read(&file).expect("read"), b"x");
        assert!(matches!(read(&tmp.path().join("c")), Err(NotRead::Io(_))));
    }
}
