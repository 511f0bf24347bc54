//! The `bangvang` program: runs the command line of the library and exits with its code.

use std::process::ExitCode;

/// A faster allocator than the system's for the many small strings of a build (pages,
/// template values): about a tenth of a large build's time went to malloc and free.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its place in mimalloc's enum of options, the same
/// in versions 2 and 3): how long freed memory stays with the program before it goes back
/// to the system.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// A build frees pages and allocates again at once, chunk after chunk: with mimalloc's
/// 10 ms the memory went back to the system and came again as fresh pages the kernel
/// zeroes (30,000 page faults and a sixth of the time at 10,000 profiles). A second keeps
/// it between chunks (4,000 faults) and still gives it back during a long build.
const PURGE_AFTER_MS: std::ffi::c_long = 1000;

fn main() -> ExitCode {
    // Without transparent huge pages the kernel zeroes only the 4 KiB pages a build
    // touches, not 2 MiB around each: at 10,000 profiles a third less system time (a
    // tenth of the wall time); at the ministry's 100,000 a third less, and 962 MiB of
    // peak memory where it was 1,022 (bench/RESULTS.md, "Ninth measurements").
    // mimalloc asks for huge pages with `madvise`; this flag of the process overrides
    // it. Where it fails (an old kernel), nothing changes but the speed.
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    // SAFETY: sets one of mimalloc's options, a plain integer it reads when it purges;
    // no memory is touched.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, PURGE_AFTER_MS) };
    ExitCode::from(bangvang::run(std::env::args_os()))
}
