//! Command-line definitions (clap derive) and one small module per command.

pub mod args;
pub mod client_init;
pub mod common;
pub mod evaluate;
pub mod examples;
pub mod exit_codes;
pub mod exposures;
pub mod get;
pub mod help_section;
pub mod impact;
pub mod man;
pub mod param_store;
pub mod persisted;
pub mod prompt;
pub mod report;
pub mod specs;
pub mod specs_inspect;
pub mod test;
pub mod user_args;

use std::io::Write;

use clap::{Parser, Subcommand};

use crate::error::ExitCode;

pub mod events;
pub mod log_event;

/// Statsig feature flags from a shell: evaluate gates, configs, experiments and layers,
/// build client-initialize payloads, log events.
#[derive(Debug, Parser)]
#[command(name = "statsig", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub global: args::GlobalArgs,
    #[command(flatten)]
    pub prompt: prompt::PromptArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a feature gate for a user: prints true or false.
    CheckGate(get::CheckGateArgs),
    /// Get a dynamic config's value for a user.
    GetConfig(get::GetArgs),
    /// Get an experiment's value for a user.
    GetExperiment(get::GetExperimentArgs),
    /// Get a layer's value (or one parameter of it) for a user.
    GetLayer(get::GetLayerArgs),
    /// Read a parameter store for a user: every parameter as a JSON object, or one.
    GetParamStore(param_store::GetParamStoreArgs),
    /// Evaluate every entity (or the named ones) for one user or many (NDJSON).
    Evaluate(evaluate::EvaluateArgs),
    /// Build client-initialize payloads (SSR bootstrap) for one user or many (NDJSON).
    ClientInit(client_init::ClientInitArgs),
    /// Who gets what over a population: pass rates, group splits with a sample-ratio
    /// check, distinct config values, layer allocations (or --merge the parts of a split run).
    Report(Box<report::ReportArgs>),
    /// Run assertion suites (*.statsig.yaml|yml|json): what given users must get.
    Test(Box<test::TestArgs>),
    /// Which users a new version of the specs flips: per entity the users whose value,
    /// rule or group changes, with transitions and examples.
    Impact(Box<impact::ImpactArgs>),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff); `--dir DIR` writes one page per command.
    Man(man::ManArgs),
    /// Log one custom event.
    LogEvent(Box<log_event::LogEventArgs>),
    /// Log many events from an NDJSON file (one JSON event per line).
    LogEvents(Box<events::LogEventsArgs>),
    /// The event spool: `flush` sends what it holds, `status` shows it.
    Events(events::EventsArgs),
    /// Inspect specs: list the entities, show one's rules, diff two payloads.
    Specs {
        #[command(subcommand)]
        cmd: SpecsInspect,
    },
}

#[derive(Debug, Subcommand)]
pub enum SpecsInspect {
    /// A table of gates, segments, holdouts, configs, experiments and layers (or `--json`).
    List(specs_inspect::ListArgs),
    /// One entity's fields, rules and conditions in readable form (or `--json`).
    Show(specs_inspect::ShowArgs),
    /// Semantic differences between two payloads (v1 or v2); exit 1 when they differ.
    Diff(specs_inspect::DiffArgs),
    /// Save the payload a source delivers, byte for byte (a fixture for --specs).
    Pull(specs::PullArgs),
    /// Write the payload and id lists into a data store (--data-store redis://… or a dump
    /// file) under the keys an SDK's data adapter reads.
    Push(specs::PushArgs),
}

/// The root with one subcommand: parsing a line with it builds that command's definitions
/// alone, where [`Cli`]'s build every command's (a cold `check-gate` spent ~0.9M
/// instructions on them). The root's attributes and fields are [`Cli`]'s, so that matches
/// parsed with it are read by [`Cli`]'s `FromArgMatches` (the test
/// `one_command_roots_match_the_whole_tree` holds them to that). The name `Cli` gives the
/// same argument group as [`Cli`]'s.
mod one {
    use clap::{Parser, Subcommand};

    use super::{args, client_init, evaluate, events, get, impact, log_event, param_store};
    use super::{prompt, report, test};

    #[derive(Debug, Parser)]
    #[command(name = "statsig", version, about, propagate_version = true)]
    pub struct Cli<S: Subcommand> {
        #[command(subcommand)]
        pub command: S,
        #[command(flatten)]
        pub global: args::GlobalArgs,
        #[command(flatten)]
        pub prompt: prompt::PromptArgs,
    }

    macro_rules! one_command {
        ($($name:literal => $enum:ident :: $variant:ident ( $ty:ty )),* $(,)?) => {
            $(
                #[derive(Debug, Subcommand)]
                pub enum $enum {
                    $variant($ty),
                }
            )*

            /// The root with only the command `name`, for the commands that have one.
            pub fn command(name: &str) -> Option<clap::Command> {
                use clap::CommandFactory;
                match name {
                    $($name => Some(Cli::<$enum>::command()),)*
                    _ => None,
                }
            }

            /// Every command [`command`] knows.
            #[cfg(test)]
            pub const NAMES: &[&str] = &[$($name),*];
        };
    }

    one_command! {
        "check-gate" => CheckGate::CheckGate(get::CheckGateArgs),
        "get-config" => GetConfig::GetConfig(get::GetArgs),
        "get-experiment" => GetExperiment::GetExperiment(get::GetExperimentArgs),
        "get-layer" => GetLayer::GetLayer(get::GetLayerArgs),
        "get-param-store" => GetParamStore::GetParamStore(param_store::GetParamStoreArgs),
        "evaluate" => Evaluate::Evaluate(evaluate::EvaluateArgs),
        "client-init" => ClientInit::ClientInit(client_init::ClientInitArgs),
        "report" => Report::Report(Box<report::ReportArgs>),
        "test" => Test::Test(Box<test::TestArgs>),
        "impact" => Impact::Impact(Box<impact::ImpactArgs>),
        "log-event" => LogEvent::LogEvent(Box<log_event::LogEventArgs>),
        "log-events" => LogEvents::LogEvents(Box<events::LogEventsArgs>),
    }
}

/// The whole command line as clap sees it: the derived definitions with each command's
/// "Exit codes:" section. `--help`, the man pages and the completions all come from here.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    exit_codes::with_exit_codes(examples::with_examples(Cli::command()))
}

/// Parses arguments, runs the command, prints any error and returns the exit code.
pub fn run() -> std::process::ExitCode {
    use clap::CommandFactory;
    use clap::FromArgMatches;
    use clap::error::ErrorKind;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let prompts = prompt::init(&args);
    let with_prompts = |cmd: clap::Command| {
        if prompts {
            prompt::names_optional(cmd)
        } else {
            cmd
        }
    };
    // Parse with the bare definitions: the help sections (examples, exit codes) are text
    // for people, and building them on every run costs a cold `check-gate` ~0.4M
    // instructions. Only when help is what the line asks for is the whole command built,
    // and clap prints it from that one.
    //
    // A line whose first word names a command is first parsed with a root holding that
    // command alone ([`one`]); whatever that does not parse (help, version, any error) is
    // parsed again with every command, so messages, suggestions and help are the usual ones.
    let named = args
        .iter()
        .skip(1)
        .find(|a| !a.as_encoded_bytes().starts_with(b"-"))
        .and_then(|a| a.to_str());
    let one = named
        .and_then(one::command)
        .and_then(|cmd| with_prompts(cmd).try_get_matches_from(&args).ok());
    let parsed = match one {
        Some(m) => Ok(m),
        None => with_prompts(Cli::command()).try_get_matches_from(&args),
    };
    let matches = match parsed {
        Ok(m) => m,
        Err(e)
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) =>
        {
            with_prompts(command()).get_matches_from(args)
        }
        Err(e) => e.exit(),
    };
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    if cli.prompt.no_input {
        prompt::disable();
    }
    crate::util::warn::set_quiet(cli.global.quiet);
    crate::output::style::init(cli.global.color.when());
    let code = match dispatch(cli.command) {
        Ok(code) => code,
        // A closed pipe (`statsig evaluate ... | head`) is the reader's choice, not an error.
        Err(e) if e.is_broken_pipe() => ExitCode::Success,
        Err(e) => {
            let _ = std::io::stdout().flush();
            eprintln!("error: {e}");
            e.exit_code()
        }
    };
    code.into()
}

/// Runs one command.
fn dispatch(command: Command) -> crate::Result<ExitCode> {
    match command {
        Command::CheckGate(a) => get::check_gate(&a),
        Command::GetConfig(a) => get::get_config(&a),
        Command::GetExperiment(a) => get::get_experiment(&a),
        Command::GetLayer(a) => get::get_layer(&a),
        Command::GetParamStore(a) => param_store::run(&a),
        Command::Evaluate(a) => evaluate::run(&a),
        Command::ClientInit(a) => client_init::run(&a),
        Command::Report(a) => report::run(&a),
        Command::Test(a) => test::run(&a),
        Command::Impact(a) => impact::run(&a),
        Command::LogEvent(a) => log_event::run(&a),
        Command::Man(a) => man::run(&a),
        Command::LogEvents(a) => events::run_log_events(&a),
        Command::Events(a) => events::run_events(&a),
        Command::Completions { shell } => {
            // Into memory first: clap_complete panics on a failed write (a closed pipe),
            // where output::print reports it like every printer does.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut self::command(), "statsig", &mut script);
            crate::output::print(&script)?;
            Ok(ExitCode::Success)
        }
        Command::Specs { cmd } => match cmd {
            SpecsInspect::List(a) => specs_inspect::list(&a),
            SpecsInspect::Show(a) => specs_inspect::show(&a),
            SpecsInspect::Diff(a) => specs_inspect::diff(&a),
            SpecsInspect::Pull(a) => specs::pull(a),
            SpecsInspect::Push(a) => specs::push(a),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, FromArgMatches};

    fn root(c: &clap::Command) -> String {
        format!(
            "{:?} {:?} {:?} {:?} {} {} {} {}",
            c.get_name(),
            c.get_version(),
            // The display order (help only) counts the commands before the root's arguments.
            c.get_arguments()
                .map(|a| a.clone().display_order(0))
                .collect::<Vec<_>>(),
            c.get_groups().collect::<Vec<_>>(),
            c.is_propagate_version_set(),
            c.is_subcommand_required_set(),
            c.is_arg_required_else_help_set(),
            c.is_allow_external_subcommands_set(),
        )
    }

    /// Each command's definitions as the whole tree has them, but for the about text (which
    /// only help shows, and help is printed from the whole tree).
    fn sub(c: &clap::Command, name: &str) -> String {
        let s = c.find_subcommand(name).expect(name).clone();
        format!(
            "{:?}",
            s.about(None::<&str>)
                .long_about(None::<&str>)
                .display_order(0)
        )
    }

    /// A one-command root has the whole tree's root arguments and settings, and that
    /// command's definitions unchanged.
    #[test]
    fn one_command_roots_match_the_whole_tree() {
        let whole = Cli::command();
        let names: Vec<&str> = whole.get_subcommands().map(|s| s.get_name()).collect();
        for &name in one::NAMES {
            assert!(names.contains(&name), "{name} is not a command");
            let one = one::command(name).unwrap();
            assert_eq!(root(&one), root(&whole), "{name}");
            assert_eq!(one.get_subcommands().count(), 1, "{name}");
            assert_eq!(sub(&one, name), sub(&whole, name), "{name}");
            let optional = prompt::names_optional(one.clone());
            let whole_optional = prompt::names_optional(whole.clone());
            assert_eq!(sub(&optional, name), sub(&whole_optional, name), "{name}");
        }
        for name in ["specs", "completions", "man", "events", "nope", "-h"] {
            assert!(one::command(name).is_none(), "{name}");
        }
    }

    /// Lines that a one-command root parses give what the whole tree gives; the others it
    /// refuses (and the whole tree then parses them, as before).
    #[test]
    fn one_command_parses_like_the_whole_tree() {
        let lines = [
            "check-gate g --specs f.json --user-id u1",
            "check-gate --user-id u1 g --specs f.json -q",
            "-q check-gate g --color never --exit-code",
            "--color always check-gate g",
            "check-gate g --user '{\"userID\":\"x\"}' --json --explain",
            "check-gate g h",
            "check-gate",
            "check-gate --help",
            "check-gate -V",
            "check-gate g --nope",
            "get-config c --specs f --field a.b --raw",
            "get-experiment e --user-id u",
            "get-layer l p --user-id u",
            "get-param-store s --user-id u",
            "evaluate --specs f --users u.ndjson --fields value,rule_id --jobs 1",
            "client-init --specs f --users u --hash djb2 --jobs 1",
            "report --specs f --users u",
            "impact a.json b.json --users u",
            "test suite.statsig.yaml --specs f",
            "log-event e --user-id u",
            "log-events --file e.ndjson",
            "check-gte g",
        ];
        for line in lines {
            let argv: Vec<String> = std::iter::once("statsig".to_string())
                .chain(line.split(' ').map(str::to_string))
                .collect();
            let name = argv[1..].iter().find(|a| !a.starts_with('-')).unwrap();
            let mut parsed_one = 0;
            for optional in [false, true] {
                let Some(mut one) = one::command(name) else {
                    continue;
                };
                let mut whole_cmd = Cli::command();
                if optional {
                    one = prompt::names_optional(one);
                    whole_cmd = prompt::names_optional(whole_cmd);
                }
                let whole = whole_cmd
                    .try_get_matches_from(&argv)
                    .map(|m| format!("{:?}", Cli::from_arg_matches(&m)))
                    .map_err(|_| ());
                if let Ok(m) = one.try_get_matches_from(&argv) {
                    let ours = format!("{:?}", Cli::from_arg_matches(&m));
                    assert_eq!(Ok(ours), whole, "{line} (names optional: {optional})");
                    parsed_one += 1;
                }
            }
            // Refused: help, version, errors, and a first word that is not a command (a bare
            // `check-gate` parses where names are optional, as it does in the whole tree).
            let refused = ["--help", "-V", "--nope", "g h", "check-gte"]
                .iter()
                .any(|w| line.contains(w))
                || line.starts_with("--color");
            assert_eq!(parsed_one == 0, refused, "{line}");
        }
    }
}
