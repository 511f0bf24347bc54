//! bangvang: reads an agency's exemplar profiles, checks them against the year's plan,
//! and builds a static honour-roll site. Data flows one way:
//! `content` (read) → `check` (judge) → `render` (pages) → `output` (write).

// A diagnostic is a rich value (message arguments, the marked source line); functions
// return it in `Err` on paths that run once per broken file, so its size does not matter.
#![allow(clippy::result_large_err)]

pub mod check;
pub mod cli;
pub mod cmd;
pub mod content;
pub mod diag;
pub mod documents;
pub mod facts;
pub mod import;
pub mod media;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod serve;
pub mod text;

use std::io::Write;

use cli::{Command, LangArg};
use diag::Lang;

/// Runs the command line and returns the process's exit code.
pub fn run(args: impl IntoIterator<Item = std::ffi::OsString>) -> u8 {
    let args: Vec<std::ffi::OsString> = args.into_iter().collect();
    let words = cli::language(&args);
    let cli = match cli::parse(&args, words) {
        Ok(cli) => cli,
        Err(refused) if refused.is_error => {
            let _ = std::io::stderr().write_all(refused.text.as_bytes());
            return cmd::FATAL;
        }
        Err(shown) => {
            let _ = std::io::stdout().write_all(shown.text.as_bytes());
            return cmd::OK;
        }
    };
    let lang = cli.lang.map(|l| match l {
        LangArg::Vi => Lang::Vi,
        LangArg::En => Lang::En,
    });
    match cli.command {
        Command::Check {
            root,
            format,
            consent,
        } => cmd::check::run(&root, format, consent, lang),
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            timings,
            force,
        } => {
            let opts = cmd::build::Options {
                root,
                output,
                base_url,
                drafts,
                timings,
                force,
            };
            cmd::build::run(&opts, lang)
        }
        Command::Serve { root, port, bind } => cmd::serve::run(&root, port, &bind, lang),
        Command::New {
            target,
            kind,
            unit,
            name,
            root,
        } => cmd::new::run(&root, &target, &kind, &unit, name.as_deref(), lang),
        Command::Init { dir } => cmd::init::run(&dir, lang),
        Command::Import {
            file,
            year,
            sheet,
            root,
        } => {
            let opts = cmd::import::Options {
                root: &root,
                file: &file,
                year,
                sheet: sheet.as_deref(),
            };
            cmd::import::run(&opts, lang)
        }
        Command::Council {
            year,
            root,
            output,
            date,
            force,
        } => {
            let opts = cmd::council::Options {
                root,
                year,
                output,
                date,
                force,
            };
            cmd::council::run(&opts, lang)
        }
        Command::Help { command } => {
            let lang = lang.unwrap_or(words);
            match cli::help(command.as_deref(), lang) {
                Some(text) => {
                    let _ = std::io::stdout().write_all(text.as_bytes());
                    cmd::OK
                }
                None => {
                    let detail = match lang {
                        Lang::Vi => format!(
                            "không có lệnh \"{}\"; gõ `bangvang help` để xem các lệnh",
                            command.unwrap_or_default()
                        ),
                        Lang::En => format!(
                            "there is no command \"{}\"; `bangvang help` lists them",
                            command.unwrap_or_default()
                        ),
                    };
                    cmd::fatal(&[diag::Fatal::BadArgument { detail }], lang)
                }
            }
        }
    }
}
