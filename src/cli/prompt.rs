//! Prompts, only where a person is: a fuzzy picker for a missing entity name, a user id for
//! a command given no user, a hidden prompt for the server key of `specs pull`. They are off
//! with `--no-input`, when stdin or stderr is not a terminal, and in CI (`CI` set to anything
//! but `false` or `0`); a command then fails exactly as it always did. Prompts draw on
//! stderr, so stdout carries only the answer.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use serde_json::{Map, Value as Json};

use crate::error::{Error, Result};

/// `--no-input`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PromptArgs {
    /// Never prompt (the default too when stdin or stderr is not a terminal, or in CI): a
    /// missing name, user or key is an error.
    #[arg(long, global = true, help_heading = "Input")]
    pub no_input: bool,
}

static ENABLED: AtomicBool = AtomicBool::new(false);

/// The commands whose entity name may be picked instead of typed, with the id of that
/// positional.
const NAMED: &[&str] = &[
    "check-gate",
    "get-config",
    "get-experiment",
    "get-layer",
    "get-param-store",
];

/// Decides, before the arguments are parsed, whether a person can be asked: no
/// `--no-input` on the line, no CI, stdin and stderr terminals.
pub fn init(args: &[OsString]) -> bool {
    let flag = args
        .iter()
        .skip(1)
        .take_while(|a| *a != "--")
        .any(|a| a == "--no-input");
    let on = !flag && !in_ci() && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    ENABLED.store(on, Ordering::Relaxed);
    on
}

/// Turns prompting off (`--no-input` as parsed).
pub fn disable() {
    ENABLED.store(false, Ordering::Relaxed);
}

/// Whether prompts are allowed in this process.
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// `CI` set to anything but empty, `false` or `0` (what CI services set: `true`, `1`).
fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| {
        let v = v.to_string_lossy();
        !(v.is_empty() || v.eq_ignore_ascii_case("false") || v == "0")
    })
}

/// The command line with the entity names of [`NAMED`] optional: asked for when missing.
pub fn names_optional(mut cmd: clap::Command) -> clap::Command {
    for name in NAMED {
        // A root with one command ([`crate::cli::run`]) has only that one.
        if cmd.find_subcommand(name).is_some() {
            cmd = cmd.mut_subcommand(name, |s| s.mut_arg("name", |a| a.required(false)));
        }
    }
    cmd
}

/// The error clap gives for a missing entity name, for when `--no-input` was parsed after
/// the names were made optional. It exits like clap (code 2).
pub fn missing_name(subcommand: &str) -> ! {
    let mut cmd = crate::cli::command();
    let sub = cmd
        .find_subcommand_mut(subcommand)
        .expect("a command with a name");
    sub.error(
        clap::error::ErrorKind::MissingRequiredArgument,
        "the following required arguments were not provided:\n  <NAME>",
    )
    .exit()
}

fn theme() -> Box<dyn Theme> {
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        Box::new(SimpleTheme)
    } else {
        Box::new(ColorfulTheme::default())
    }
}

fn failed(e: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(e) = e;
    Error::io("the terminal", e)
}

/// A fuzzy picker over `names` (type to filter, Enter to choose); `what` names them in the
/// prompt (`gate`). Escape is an error.
pub fn pick(what: &str, names: &[&str]) -> Result<String> {
    if names.is_empty() {
        return Err(Error::Usage(format!(
            "no {what} name given and the specs have no {what} to choose from"
        )));
    }
    let theme = theme();
    let chosen = dialoguer::FuzzySelect::with_theme(&*theme)
        .with_prompt(format!("Which {what}? (type to filter, Enter to choose)"))
        .items(names)
        .default(0)
        .max_length(15)
        .interact_opt()
        .map_err(failed)?;
    match chosen {
        Some(i) => Ok(names[i].to_string()),
        None => Err(Error::Usage(format!("no {what} chosen"))),
    }
}

/// Asks for a user: a userID, then (when the person wants) email, country, app version and
/// custom fields. The fields of the user JSON.
pub fn ask_user() -> Result<Map<String, Json>> {
    let theme = theme();
    let input = |prompt: &str| -> Result<String> {
        dialoguer::Input::<String>::with_theme(&*theme)
            .with_prompt(prompt)
            .allow_empty(true)
            .interact_text()
            .map_err(failed)
            .map(|s| s.trim().to_string())
    };
    let mut user = Map::new();
    let id = input("userID (no user was given)")?;
    if !id.is_empty() {
        user.insert("userID".into(), Json::String(id));
    }
    let more = dialoguer::Confirm::with_theme(&*theme)
        .with_prompt("Other fields (email, country, app version, custom)?")
        .default(false)
        .interact()
        .map_err(failed)?;
    if more {
        for (key, prompt) in [
            ("email", "email (Enter to skip)"),
            ("country", "country (Enter to skip)"),
            ("appVersion", "app version (Enter to skip)"),
        ] {
            let v = input(prompt)?;
            if !v.is_empty() {
                user.insert(key.into(), Json::String(v));
            }
        }
        let custom = input("custom fields KEY=VALUE, space-separated (Enter to skip)")?;
        let mut fields = Map::new();
        for kv in custom.split_whitespace() {
            let (k, v) = crate::cli::user_args::split_kv("custom", kv)?;
            fields.insert(k.to_string(), crate::cli::user_args::loose_json(v));
        }
        if !fields.is_empty() {
            user.insert("custom".into(), Json::Object(fields));
        }
    }
    Ok(user)
}

/// Asks for the server secret key without echoing it.
pub fn ask_key() -> Result<crate::secret::ServerKey> {
    let theme = theme();
    let key = dialoguer::Password::with_theme(&*theme)
        .with_prompt("Server secret key (not shown)")
        .interact()
        .map_err(failed)?;
    crate::secret::ServerKey::new(&key)
}

/// Asks whether to keep the key in `path` for later runs.
pub fn ask_store_key(path: &std::path::Path) -> Result<bool> {
    let theme = theme();
    dialoguer::Confirm::with_theme(&*theme)
        .with_prompt(format!(
            "Store it in {} (mode 0600) for later runs?",
            path.display()
        ))
        .default(false)
        .interact()
        .map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_command_has_a_name_argument() {
        let cmd = crate::cli::command();
        for name in NAMED {
            let sub = cmd.find_subcommand(name).expect(name);
            let arg = sub
                .get_arguments()
                .find(|a| a.get_id() == "name")
                .expect(name);
            assert!(arg.is_required_set(), "{name}: the name is required");
        }
        let relaxed = names_optional(crate::cli::command());
        for name in NAMED {
            let sub = relaxed.find_subcommand(name).unwrap();
            let arg = sub.get_arguments().find(|a| a.get_id() == "name").unwrap();
            assert!(!arg.is_required_set());
        }
    }
}
