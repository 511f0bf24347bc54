//! A build is all or nothing, really (issue 11 §2): whatever happens (`kill -9` at any
//! moment, a write that fails, a read-only folder, a second build at the same time),
//! `output/` is one whole build, old or new, and the next build completes cleanly.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Fixture, staff, tree};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn bangvang(f: &Fixture, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bangvang"));
    cmd.args(args).current_dir(f.root());
    cmd
}

/// A site of `n` profiles.
fn site(n: usize) -> Fixture {
    let f = Fixture::new();
    for i in 0..n {
        f.write(
            &format!("content/2024/nguyen-van-{i}.md"),
            &staff(&format!("Nguyễn Văn Thử {i}")),
        );
    }
    f
}

/// A built site: every file with its bytes.
type Tree = BTreeMap<String, Vec<u8>>;

/// Builds with `base` into `output` (inside the site) to the end.
fn full_into(f: &Fixture, base: &str, output: &str) -> std::process::Child {
    bangvang(f, &["build", "--base-url", base, "--output", output])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts")
}

fn ended(child: std::process::Child) {
    let out = child.wait_with_output().expect("ends");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// The trees of the site built with `/` and with `/thi-dua/` (side by side, into
/// folders of their own), the first left in `output/`; and how long a build took.
fn both(f: &Fixture) -> (Tree, Tree, Duration) {
    let start = Instant::now();
    let (a, b) = (
        full_into(f, "/", "output"),
        full_into(f, "/thi-dua/", "mau/b"),
    );
    ended(a);
    ended(b);
    let took = start.elapsed();
    let trees = (tree(&f.path("output")), tree(&f.path("mau/b")));
    fs::remove_dir_all(f.path("mau")).expect("clean");
    assert_ne!(trees.0, trees.1);
    (trees.0, trees.1, took)
}

/// What lies beside the output: nothing but the site's own folders.
fn beside(f: &Fixture) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(f.root())
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".output."))
        .collect();
    names.sort();
    names
}

/// A small deterministic generator: the moments to kill at.
fn moments(seed: u64, n: usize, span: Duration) -> Vec<Duration> {
    let mut x = seed;
    (0..n)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let fraction = (x % 1000) as f64 / 1000.0;
            // Half over the whole build, half over its last third (the commit).
            let start = if i % 2 == 0 { 0.0 } else { 0.67 };
            span.mul_f64(start + (1.05 - start) * fraction)
        })
        .collect()
}

#[test]
fn a_build_killed_at_any_moment_leaves_one_whole_build() {
    // A thousand profiles: some 1,300 files a build, and a build of a few seconds to
    // kill in, even on a loaded machine.
    let f = site(1000);
    let (a, b, took) = both(&f);
    // Bounded: at least four kills, then as many as fit in the time left.
    let budget = Instant::now() + Duration::from_secs(10);
    for (i, at) in moments(0x9e37_79b9, 12, took).into_iter().enumerate() {
        let left = budget.saturating_duration_since(Instant::now());
        if i >= 4 && left < at {
            break;
        }
        let base = if i % 2 == 0 { "/thi-dua/" } else { "/" };
        let mut child = bangvang(&f, &["build", "--base-url", base])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("starts");
        std::thread::sleep(at);
        // SIGKILL, as `kill -9`.
        let _ = child.kill();
        let _ = child.wait();
        let now = tree(&f.path("output"));
        assert!(
            now == a || now == b,
            "after a kill at {at:?}: a mixed output"
        );
    }
    let out = bangvang(&f, &["build"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(tree(&f.path("output")), a);
    assert!(beside(&f).is_empty(), "{:?}", beside(&f));
}

#[test]
fn two_builds_at_once_never_mix() {
    let f = site(300);
    let (a, b, _) = both(&f);
    for round in 0..2 {
        // Without the last build's stamp, neither build can finish at once as having
        // nothing to do (a build the same as the last one may, before the other asks
        // for the lock): both build, at the same time.
        let _ = fs::remove_file(f.path(".cache/bangvang/build-stamp.json"));
        let first = bangvang(&f, &["build", "--base-url", "/"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starts");
        let second = bangvang(&f, &["build", "--base-url", "/thi-dua/"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starts");
        let (one, two) = (
            first.wait_with_output().expect("ends"),
            second.wait_with_output().expect("ends"),
        );
        assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
        assert_eq!(two.status.code(), Some(0), "{}", stderr(&two));
        let waited = [&one, &two]
            .iter()
            .any(|o| stderr(o).contains("một lần xây dựng khác đang ghi vào"));
        assert!(waited, "round {round}: {}\n{}", stderr(&one), stderr(&two));
        let now = tree(&f.path("output"));
        assert!(now == a || now == b, "round {round}: a mixed output");
        assert!(beside(&f).is_empty());
    }
}

/// Runs `cmd` with files limited to `bytes`: a larger write fails (`EFBIG`), as on a
/// full disk.
fn with_small_files(cmd: &mut Command, bytes: u64) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    // SAFETY: between fork and exec only async-signal-safe calls: setrlimit, signal.
    unsafe {
        cmd.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: bytes,
                rlim_max: bytes,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            // Ignored, the signal leaves the write to fail with EFBIG.
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            Ok(())
        });
    }
    cmd.output().expect("runs")
}

#[test]
fn a_write_that_fails_is_an_io_error_and_the_output_stays_as_it_was() {
    let f = site(20);
    ended(full_into(&f, "/", "output"));
    let before = tree(&f.path("output"));
    let out = with_small_files(
        &mut bangvang(&f, &["build", "--base-url", "/thi-dua/"]),
        4096,
    );
    let err = stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an I/O error, not a template's: {err}"
    );
    assert!(err.contains("không ghi được"), "{err}");
    assert!(!err.contains("lỗi mẫu trang"), "{err}");
    assert_eq!(tree(&f.path("output")), before);
    assert!(beside(&f).is_empty());
    let out = bangvang(&f, &["build", "--base-url", "/thi-dua/"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// Runs `bangvang ARGS` as a user whom permissions bind (`nobody` when the tests run as
/// root, whom a read-only folder does not stop).
fn as_a_user(f: &Fixture, args: &[&str]) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = bangvang(f, args);
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        for entry in walkdir::WalkDir::new(f.root()) {
            let entry = entry.expect("walk");
            std::os::unix::fs::lchown(entry.path(), Some(65534), Some(65534)).expect("chown");
        }
        cmd.uid(65534).gid(65534);
    }
    cmd.output().expect("runs")
}

#[test]
fn a_read_only_folder_in_the_output_does_not_leave_half_a_site() {
    use std::os::unix::fs::PermissionsExt;
    let f = site(5);
    let out = as_a_user(&f, &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ro = f.path("output/2024/nguyen-van-1");
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).expect("chmod");
    let out = as_a_user(&f, &["build", "--base-url", "/thi-dua/"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let g = site(5);
    ended(full_into(&g, "/thi-dua/", "output"));
    let expected = tree(&g.path("output"));
    assert_eq!(tree(&f.path("output")), expected);
    assert!(beside(&f).is_empty(), "{:?}", beside(&f));
    // The site's pages stay readable by the web server.
    let mode = fs::metadata(f.path("output/2024"))
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o005, 0o005, "{mode:o}");
}

#[test]
fn an_output_that_cannot_be_written_is_an_io_error() {
    use std::os::unix::fs::PermissionsExt;
    let f = site(2);
    fs::create_dir_all(f.path("output")).expect("mkdir");
    let out = as_a_user(&f, &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let before = tree(&f.path("output"));
    f.write("content/2024/nguyen-van-0.md", &staff("Nguyễn Văn Đổi"));
    for dir in [f.root(), f.path("output").as_path()] {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).expect("chmod");
    }
    let out = as_a_user(&f, &["build"]);
    for dir in [f.root(), f.path("output").as_path()] {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("không ghi được"), "{err}");
    assert_eq!(tree(&f.path("output")), before);
}
