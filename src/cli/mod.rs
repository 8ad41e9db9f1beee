//! Command-line definitions (clap derive) and one small module per command.

use clap::{Parser, Subcommand};

pub mod events;
pub mod log_event;

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
    /// Log one custom event.
    LogEvent(Box<log_event::LogEventArgs>),
    /// Log many events from an NDJSON file (one JSON event per line).
    LogEvents(Box<events::LogEventsArgs>),
    /// The event spool: `flush` sends what it holds, `status` shows it.
    Events(events::EventsArgs),
}

/// Parses arguments, runs the command, prints any error and returns the exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    let result: crate::Result<i32> = match cli.command {
        Command::LogEvent(a) => log_event::run(&a),
        Command::LogEvents(a) => events::run_log_events(&a),
        Command::Events(a) => events::run_events(&a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("statsig: {e}");
            e.exit_code()
        }
    }
}
