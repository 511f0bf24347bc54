//! The `bangvang` program: runs the command line of the library and exits with its code.

use std::process::ExitCode;

/// A faster allocator than the system's for the many small strings of a build (pages,
/// template values): about a tenth of a large build's time went to malloc and free.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    ExitCode::from(bangvang::run(std::env::args_os()))
}
