//! The command line: commands and flags (clap derive), nothing else. Their help is not
//! written here but in `cli/words.rs`, in Vietnamese and English: a command or flag
//! added here needs its two texts there (a test fails without them), and `cli::parse`
//! puts the help, the usage lines and clap's own errors in the writer's language.

mod errors;
mod localize;
mod words;

use std::ffi::OsString;
use std::path::PathBuf;

use clap::error::{ContextKind, ContextValue};
use clap::{FromArgMatches, Parser, Subcommand, ValueEnum};

pub use localize::{command, language};

use crate::diag::Lang;

#[derive(Parser, Debug)]
#[command(name = "bangvang", version)]
pub struct Cli {
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LangArg {
    Vi,
    En,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    Build {
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        timings: bool,
        /// Build into a folder that holds files no build wrote (they are kept, never deleted)
        #[arg(long)]
        force: bool,
    },
    Check {
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
        #[arg(long, value_enum, default_value = "human", value_name = "FORMAT")]
        format: Format,
        /// Print the consent register (photos and stories: who agreed, since when, who
        /// withdrew) instead of the diagnostics
        #[arg(long)]
        consent: bool,
    },
    Serve {
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
        #[arg(long, default_value_t = 1111, value_name = "PORT")]
        port: u16,
        #[arg(long, default_value = "127.0.0.1", value_name = "IP")]
        bind: String,
    },
    New {
        #[arg(value_name = "YEAR/SLUG")]
        target: String,
        #[arg(long, value_name = "KIND")]
        kind: String,
        #[arg(long, value_name = "UNIT")]
        unit: String,
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
    },
    Init {
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long, value_name = "YEAR")]
        year: u16,
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
    },
    Council {
        #[arg(value_name = "YEAR")]
        year: u16,
        #[arg(long, default_value = ".", value_name = "DIR")]
        root: PathBuf,
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        #[arg(long)]
        force: bool,
    },
    /// Help on a command, in the writer's language (clap's own is turned off).
    Help {
        #[arg(value_name = "COMMAND")]
        command: Option<String>,
    },
}

/// Why the command line was not parsed: what to print, and the exit code.
pub struct Refused {
    pub text: String,
    /// Help and the version go to standard output with exit code 0; errors to standard
    /// error with exit code 2.
    pub is_error: bool,
}

/// Parses the command line, with help and errors in `lang`.
pub fn parse(args: &[OsString], lang: Lang) -> Result<Cli, Refused> {
    let matches = command(lang)
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    matches.map_err(|mut e| {
        // clap leaves the usage line out of some errors (a bad value): every error
        // here shows it.
        if e.use_stderr() && e.get(ContextKind::Usage).is_none() {
            let usage = usage(args, lang);
            let _ = e.insert(ContextKind::Usage, ContextValue::StyledStr(usage.into()));
        }
        Refused {
            is_error: e.use_stderr(),
            text: errors::render(e, lang),
        }
    })
}

/// The usage line of the command `args` name (the program's when they name none).
fn usage(args: &[OsString], lang: Lang) -> String {
    let mut cmd = command(lang);
    cmd.build();
    let named = args
        .iter()
        .skip(1)
        .find_map(|a| cmd.find_subcommand(a.to_str()?).cloned());
    match named {
        Some(mut sub) => sub.render_usage().to_string(),
        None => cmd.render_usage().to_string(),
    }
}

/// The help of `name` (the whole program for `None`), or `None` for no such command.
pub fn help(name: Option<&str>, lang: Lang) -> Option<String> {
    let mut cmd = command(lang);
    cmd.build();
    let mut cmd = match name {
        None => cmd,
        Some(n) => cmd.find_subcommand(n)?.clone(),
    };
    Some(cmd.render_help().to_string())
}

#[cfg(test)]
mod tests;
