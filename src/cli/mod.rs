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
    let matches = match with_prompts(Cli::command()).try_get_matches_from(&args) {
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
