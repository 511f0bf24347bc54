use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(bangvang::run(std::env::args_os()))
}
