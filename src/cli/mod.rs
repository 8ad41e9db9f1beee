//! Command-line definitions (clap derive) and one small module per command.

use clap::{Parser, Subcommand};

pub mod specs;

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
    /// Fetch, save and publish spec payloads.
    Specs(specs::SpecsCommand),
}

/// Parses arguments, runs the command, prints any error and returns the exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    match cli.command {
        Command::Specs(cmd) => specs::main(cmd),
    }
}
