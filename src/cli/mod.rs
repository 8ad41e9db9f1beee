//! Command-line definitions (clap derive) and one small module per command.

pub mod client_init;
pub mod common;
pub mod evaluate;
pub mod get;
pub mod user_args;

use std::io::Write;

use clap::{Parser, Subcommand};

/// Statsig feature flags from a shell: evaluate gates, configs, experiments and layers,
/// build client-initialize payloads, log events.
#[derive(Debug, Parser)]
#[command(name = "statsig", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a feature gate for a user: prints true or false.
    CheckGate(get::CheckGateArgs),
    /// Get a dynamic config's value for a user.
    GetConfig(get::GetArgs),
    /// Get an experiment's value for a user.
    GetExperiment(get::GetArgs),
    /// Get a layer's value (or one parameter of it) for a user.
    GetLayer(get::GetLayerArgs),
    /// Evaluate every entity (or the named ones) for one user or many (NDJSON).
    Evaluate(evaluate::EvaluateArgs),
    /// Build client-initialize payloads (SSR bootstrap) for one user or many (NDJSON).
    ClientInit(client_init::ClientInitArgs),
}

/// Parses arguments, runs the command, prints any error and returns the exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::CheckGate(a) => get::check_gate(&a),
        Command::GetConfig(a) => get::get_config(&a, false),
        Command::GetExperiment(a) => get::get_config(&a, true),
        Command::GetLayer(a) => get::get_layer(&a),
        Command::Evaluate(a) => evaluate::run(&a),
        Command::ClientInit(a) => client_init::run(&a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let _ = std::io::stdout().flush();
            eprintln!("error: {e}");
            e.exit_code()
        }
    }
}
