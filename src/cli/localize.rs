//! The command line in the writer's language: which language (`--lang`, else the
//! `language` of `--root`'s site.toml, else Vietnamese), and clap's command with every
//! text, heading and usage line in it. clap's own `--help`, `--version` and `help` are
//! replaced by ones that speak it; default values and the values a flag takes are
//! written into its text.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Arg, ArgAction, Command, CommandFactory};

use super::Cli;
use super::words::text;
use crate::content::site_file;
use crate::diag::Lang;

/// The language of the help and the errors for `args`: `--lang` when given (and
/// valid), else the `language` of the site `--root` names (the current folder by
/// default), else Vietnamese.
pub fn language(args: &[OsString]) -> Lang {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let value = |flag: &str| -> Option<String> {
        let eq = format!("{flag}=");
        args.iter().enumerate().find_map(|(i, a)| {
            if a == flag {
                args.get(i + 1).cloned()
            } else {
                a.strip_prefix(&eq).map(str::to_string)
            }
        })
    };
    if let Some(lang) = value("--lang").and_then(|l| Lang::parse(&l)) {
        return lang;
    }
    let root = value("--root").map_or_else(|| PathBuf::from("."), PathBuf::from);
    site_file::language(&root).unwrap_or_default()
}

/// Headings and placeholders of the help, in `lang`.
struct Words {
    usage: &'static str,
    options: &'static str,
    arguments: &'static str,
    commands: &'static str,
    options_placeholder: &'static str,
    command_placeholder: &'static str,
    default: &'static str,
    values: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Vi => Words {
            usage: "Cách dùng",
            options: "Tùy chọn",
            arguments: "Đối số",
            commands: "Lệnh",
            options_placeholder: "[TÙY_CHỌN]",
            command_placeholder: "<LỆNH>",
            default: "mặc định",
            values: "giá trị",
        },
        Lang::En => Words {
            usage: "Usage",
            options: "Options",
            arguments: "Arguments",
            commands: "Commands",
            options_placeholder: "[OPTIONS]",
            command_placeholder: "<COMMAND>",
            default: "default",
            values: "values",
        },
    }
}

/// The key of an argument in the table of words: `"build --root"`, `"--lang"`.
pub fn arg_key(command: &str, arg: &Arg) -> String {
    let id = arg.get_id().as_str().replace('_', "-");
    match command {
        "" => format!("--{id}"),
        c => format!("{c} --{id}"),
    }
}

/// The text of a key in `lang` (empty when the table lacks it: a test sees to that).
fn say(key: &str, lang: Lang) -> &'static str {
    text(key, lang == Lang::Vi).unwrap_or_default()
}

/// An argument's help: its text, then its default and the values it takes.
fn localize_arg(arg: Arg, key: &str, lang: Lang, w: &Words) -> Arg {
    let mut help = say(key, lang).to_string();
    if arg.get_action().takes_values() {
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() {
            help.push_str(&format!(" [{}: {}]", w.values, values.join(", ")));
        }
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() {
            help.push_str(&format!(" [{}: {}]", w.default, defaults.join(", ")));
        }
    }
    let heading = if arg.is_positional() {
        w.arguments
    } else {
        w.options
    };
    let takes_values = arg.get_action().takes_values();
    arg.help(help)
        .hide_default_value(takes_values)
        .hide_possible_values(takes_values)
        .help_heading(heading)
}

/// The usage line of `cmd` (called `name` on the command line).
fn usage(cmd: &Command, name: &str, w: &Words) -> String {
    let mut out = format!("bangvang{}{name}", if name.is_empty() { "" } else { " " });
    if cmd.has_subcommands() {
        out.push_str(&format!(
            " {} {}",
            w.options_placeholder, w.command_placeholder
        ));
        return out;
    }
    for a in cmd.get_arguments() {
        let value = a
            .get_value_names()
            .and_then(|v| v.first())
            .map_or_else(|| a.get_id().to_string(), ToString::to_string);
        match (a.is_positional(), a.is_required_set()) {
            (true, true) => out.push_str(&format!(" <{value}>")),
            (true, false) => out.push_str(&format!(" [{value}]")),
            (false, true) => {
                let long = a.get_long().unwrap_or_default();
                out.push_str(&format!(" --{long} <{value}>"));
            }
            (false, false) => {}
        }
    }
    // Every command takes options: at least --lang and --help.
    out.push_str(&format!(" {}", w.options_placeholder));
    out
}

/// `cmd` (the command `name`) with every text in `lang`, and its subcommands.
fn localize(mut cmd: Command, name: &str, lang: Lang, w: &Words) -> Command {
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |a| {
            let key = arg_key(name, &a);
            localize_arg(a, &key, lang, w)
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(&sub, |s| localize(s, &sub, lang, w));
    }
    let usage_line = usage(&cmd, name, w);
    cmd.about(say(name, lang))
        .override_usage(usage_line)
        .help_template(format!(
            "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
            w.usage
        ))
        .subcommand_help_heading(w.commands)
        .subcommand_value_name(w.command_placeholder.trim_matches(['<', '>']))
        .disable_help_flag(true)
        .disable_help_subcommand(true)
}

/// The whole command line in `lang`.
pub fn command(lang: Lang) -> Command {
    let w = words(lang);
    let cmd = Cli::command()
        .disable_version_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .global(true),
        )
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version),
        );
    localize(cmd, "", lang, &w)
}
