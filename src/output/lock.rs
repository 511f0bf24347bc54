//! One build at a time into a folder: an advisory lock (`flock`) on the folder that holds
//! the output. It is the folder the swap renames in, it exists before and after every
//! swap, and it needs no file of its own; the system releases it when the build ends,
//! however it ends (even by `kill -9`).

use std::fs::File;
use std::io;
use std::path::Path;

use rustix::fs::{FlockOperation, flock};

/// Held for as long as it lives.
pub struct Lock {
    _dir: File,
}

/// Locks the folder `dir` (made first if needed); when another build holds it, calls
/// `waiting` once, then waits for it.
pub fn acquire(dir: &Path, waiting: impl FnOnce()) -> io::Result<Lock> {
    std::fs::create_dir_all(dir)?;
    let file = File::open(dir)?;
    match flock(&file, FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => {}
        Err(rustix::io::Errno::WOULDBLOCK) => {
            waiting();
            flock(&file, FlockOperation::LockExclusive)?;
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Lock { _dir: file })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn a_second_lock_waits_for_the_first() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("site");
        let first = acquire(&dir, || panic!("nobody holds it yet")).expect("lock");
        let (tx, rx) = mpsc::channel();
        let path = dir.clone();
        let second = std::thread::spawn(move || {
            let said = tx.clone();
            let lock = acquire(&path, move || said.send("waiting").expect("send"));
            tx.send("locked").expect("send");
            lock.map(drop)
        });
        assert_eq!(rx.recv_timeout(Duration::from_secs(10)), Ok("waiting"));
        assert!(
            rx.recv_timeout(Duration::from_millis(200)).is_err(),
            "must wait"
        );
        drop(first);
        assert_eq!(rx.recv_timeout(Duration::from_secs(10)), Ok("locked"));
        second.join().expect("thread").expect("lock");
    }
}
