//! The command line: commands and flags (clap), nothing else.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "bangvang",
    version,
    about = "Bảng vàng: kiểm tra hồ sơ điển hình tiên tiến và xây dựng trang web tôn vinh"
)]
pub struct Cli {
    /// Language of messages: vi (default: the site's `language`) or en
    #[arg(long, global = true, value_enum)]
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
    /// Check every profile, then build the site into output/
    Build {
        /// The site's folder (holding content/)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (default ROOT/output)
        #[arg(long)]
        output: Option<PathBuf>,
        /// Serve the site from this address instead of site.toml's base_url
        #[arg(long)]
        base_url: Option<String>,
        /// Also publish pending nominations, marked as pending
        #[arg(long)]
        drafts: bool,
        /// Print where the time went, phase by phase
        #[arg(long)]
        timings: bool,
        /// Build into a folder that holds files no build wrote (they are kept, never deleted)
        #[arg(long)]
        force: bool,
    },
    /// Check every profile against its year's plan; write nothing
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Print the consent register (photos and stories: who agreed, since when, who
        /// withdrew) instead of the diagnostics
        #[arg(long)]
        consent: bool,
    },
    /// Build, serve on loopback, rebuild on change and reload open pages
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, default_value_t = 1111)]
        port: u16,
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
    },
    /// Write a profile skeleton from the year's plan: YEAR/SLUG
    New {
        /// YEAR/SLUG, e.g. 2024/nguyen-van-an
        target: String,
        #[arg(long)]
        kind: String,
        #[arg(long)]
        unit: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Create a new site in DIR: site.toml, units.toml, this year's plan, the theme
    Init { dir: PathBuf },
}
