//! `statsig log-events`, `statsig events flush|status`, and starting and finishing the
//! delivery every event-sending command uses.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Subcommand};

use crate::cli::args::{OutputArgs, SendArgs};
use crate::error::{Error, ExitCode, Result};
use crate::events::ingest::{IngestOptions, ingest_ndjson};
use crate::events::open::{DeliverySettings, open_delivery};
use crate::events::spool::{Spool, default_dir};
use crate::events::{Delivery, Report};
use crate::output::{self, Format};

/// Opens the spool and, unless `--no-send`, a sender. Fails without a key.
pub fn start_delivery(args: &SendArgs) -> Result<Delivery> {
    let net = &args.network;
    open_delivery(DeliverySettings {
        key: if args.no_send {
            None
        } else {
            net.key.resolve()?
        },
        no_send: args.no_send,
        without_key: "or --no-send to only spool the events",
        api: net.api.clone(),
        log_event_url: args.delivery.log_event_url.clone(),
        batch_size: args.delivery.batch_size,
        spool: args.delivery.spool.clone(),
        retries: net.retries,
        timeout: net.timeout,
        retry_base_ms: args.delivery.retry_base_ms,
    })
}

/// Finishes a delivery: prints the summary line (always on failure) and gives the exit
/// code, 3 when some events could not be delivered (they stay spooled).
pub fn finish_delivery(delivery: Delivery, quiet: bool) -> Result<ExitCode> {
    let dir = delivery.spool().dir().display().to_string();
    let report: Report = delivery.finish()?;
    for note in &report.notes {
        eprintln!("statsig: spool: {note}");
    }
    if !quiet || !report.delivered() || report.dead > 0 {
        eprintln!("{}", report.summary(&dir));
    }
    Ok(if report.delivered() {
        ExitCode::Success
    } else {
        ExitCode::Network
    })
}

/// Log many events from an NDJSON file.
#[derive(Debug, Args)]
pub struct LogEventsArgs {
    /// One JSON event per line: {"eventName", "value", "metadata", "user", "time"}; `-`
    /// reads stdin.
    #[arg(long, short, value_name = "FILE")]
    pub file: PathBuf,

    /// Skip bad lines (not UTF-8, not JSON, not a valid record) instead of stopping at the
    /// first: each is named on stderr, a closing line counts them, and the exit code is then
    /// 2.
    #[arg(long)]
    pub keep_going: bool,

    /// The time of events that have none (RFC 3339, a date or epoch ms) [default: now].
    #[arg(long, value_name = "TIME", value_parser = crate::spec::time::parse_clock)]
    pub at: Option<crate::util::clock::Clock>,

    #[command(flatten)]
    pub send: SendArgs,
}

/// Progress bars only for files at least this large.
const PROGRESS_MIN_BYTES: u64 = 16 * 1024 * 1024;

pub fn run_log_events(args: &LogEventsArgs) -> Result<ExitCode> {
    let (input, origin, size): (Box<dyn std::io::Read + Send>, String, Option<u64>) =
        if args.file.as_os_str() == "-" {
            (Box::new(std::io::stdin()), "stdin".into(), None)
        } else {
            let f = std::fs::File::open(&args.file).map_err(|e| Error::io(&args.file, e))?;
            let size = f.metadata().ok().map(|m| m.len());
            (Box::new(f), args.file.display().to_string(), size)
        };
    let mut delivery = start_delivery(&args.send)?;
    let bar = size
        .filter(|&s| s >= PROGRESS_MIN_BYTES && crate::util::progress::shown())
        .map(|s| {
            let b = indicatif::ProgressBar::new(s);
            b.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
                )
                .expect("a valid template"),
            );
            b
        });
    let progress = |n: u64| {
        if let Some(b) = &bar {
            b.set_position(n);
        }
    };
    let opts = IngestOptions {
        origin: &origin,
        keep_going: args.keep_going,
        on_progress: Some(&progress),
        idle: Duration::from_millis(500),
        now_ms: args.at.and_then(|c| c.fixed()),
    };
    let ingested = ingest_ndjson(input, &mut delivery, &opts);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    // Whatever was accepted before an error is delivered (or left spooled) all the same.
    let code = finish_delivery(delivery, crate::util::warn::quiet() && ingested.is_ok())?;
    let rep = ingested?;
    if code == ExitCode::Success && rep.skipped > 0 {
        eprintln!(
            "{}",
            crate::util::lines::skipped_summary(rep.skipped, rep.lines)
        );
        return Ok(ExitCode::Input);
    }
    Ok(code)
}

/// The spool: events accepted but not yet delivered.
#[derive(Debug, Args)]
pub struct EventsArgs {
    #[command(subcommand)]
    pub command: EventsCommand,
}

#[derive(Debug, Subcommand)]
pub enum EventsCommand {
    /// Send everything the spool holds.
    Flush {
        #[command(flatten)]
        send: SendArgs,
    },
    /// Show what the spool holds: queued events, batches the server refused (dead letters,
    /// with its reason) and damaged parts moved to quarantine.
    Status {
        /// Spool directory (see `log-event --help`).
        #[arg(long, value_name = "DIR")]
        spool: Option<PathBuf>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Send the dead letters (batches the server refused) again, with everything queued.
    Retry {
        #[command(flatten)]
        send: SendArgs,
    },
    /// Delete the dead letters and the quarantined parts of damaged segments.
    Purge {
        /// Spool directory (see `log-event --help`).
        #[arg(long, value_name = "DIR")]
        spool: Option<PathBuf>,
    },
}

pub fn run_events(args: &EventsArgs) -> Result<ExitCode> {
    match &args.command {
        EventsCommand::Flush { send } => {
            let d = start_delivery(send)?;
            finish_delivery(d, crate::util::warn::quiet())
        }
        EventsCommand::Retry { send } => {
            let dir = default_dir(send.delivery.spool.as_deref())?;
            let n = Spool::open(&dir)?.revive_dead_letters()?;
            if !crate::util::warn::quiet() {
                eprintln!("statsig: events: {n} dead letters queued again");
            }
            let d = start_delivery(send)?;
            finish_delivery(d, crate::util::warn::quiet())
        }
        EventsCommand::Purge { spool } => {
            let dir = default_dir(spool.as_deref())?;
            let (dead, bad) = if dir.exists() {
                Spool::open(&dir)?.purge()?
            } else {
                (0, 0)
            };
            eprintln!(
                "statsig: events: removed {dead} dead letters and {bad} quarantined parts from {}",
                dir.display()
            );
            Ok(ExitCode::Success)
        }
        EventsCommand::Status {
            spool,
            output: flags,
        } => {
            let dir = default_dir(spool.as_deref())?;
            let st = if dir.exists() {
                Spool::open(&dir)?.status()?
            } else {
                crate::events::spool::Status {
                    dir: dir.display().to_string(),
                    ..Default::default()
                }
            };
            let format = flags.choose(
                "events status",
                Format::DOCUMENT,
                Format::Text,
                Format::Text,
            )?;
            output::print(&output::spool_status(format, &st)?)?;
            Ok(ExitCode::Success)
        }
    }
}
