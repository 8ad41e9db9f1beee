//! `statsig log-events`, `statsig events flush|status`, and the delivery options every
//! event-sending command flattens ([`KeyArgs`], [`DeliveryArgs`]).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Subcommand};

use crate::error::{Error, Result};
use crate::events::ingest::{IngestOptions, ingest_ndjson};
use crate::events::send::{RetryPolicy, Sender, log_event_url, new_session_id};
use crate::events::spool::{Spool, default_dir};
use crate::events::{Delivery, Options, Report};
use crate::secret::{ServerKey, resolve_server_key};

/// Where the server key comes from. (Spec downloads have the same flags; to be unified.)
#[derive(Debug, Clone, Default, Args)]
pub struct KeyArgs {
    /// The server secret key. Visible to other local users in the process list: prefer
    /// $STATSIG_SERVER_SECRET or --server-key-file.
    #[arg(long, value_name = "KEY")]
    pub server_key: Option<crate::secret::KeyArg>,

    /// A file whose first line is the server secret key.
    #[arg(long, value_name = "FILE")]
    pub server_key_file: Option<PathBuf>,
}

impl KeyArgs {
    pub fn resolve(&self) -> Result<Option<ServerKey>> {
        resolve_server_key(
            self.server_key.as_ref().map(crate::secret::KeyArg::as_str),
            self.server_key_file.as_deref(),
        )
    }
}

/// How events are batched, spooled and sent.
#[derive(Debug, Clone, Args)]
pub struct DeliveryArgs {
    /// API base (as for spec downloads, with or without `/v1`); events go to
    /// `{api}/v1/log_event`.
    #[arg(long, value_name = "URL", env = "STATSIG_API")]
    pub api: Option<String>,

    /// Full log_event URL (overrides --api). Default https://statsigapi.net/v1/log_event.
    #[arg(long, value_name = "URL", env = "STATSIG_LOG_EVENT_URL")]
    pub log_event_url: Option<String>,

    /// Events per request.
    #[arg(long, value_name = "N", default_value_t = 500,
          value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub batch_size: u32,

    /// Spool directory (default $STATSIG_SPOOL_DIR, else $XDG_STATE_HOME/statsig/spool,
    /// else ~/.local/state/statsig/spool).
    #[arg(long, value_name = "DIR")]
    pub spool: Option<PathBuf>,

    /// Only spool the events; `statsig events flush` sends them later.
    #[arg(long)]
    pub no_send: bool,

    /// Retries per request on connection errors, timeouts, 408, 429 and 5xx.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub retries: u32,

    /// Per-request timeout in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 20.0)]
    pub timeout: f64,

    /// First retry backoff in milliseconds (doubled per retry, with jitter).
    #[arg(
        long,
        value_name = "MS",
        default_value_t = 500,
        env = "STATSIG_RETRY_BASE_MS"
    )]
    pub retry_base_ms: u64,

    /// No summary line on success.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Everything needed to open a delivery, whichever flags it came from.
#[derive(Debug, Clone)]
pub struct DeliverySettings {
    pub key: Option<ServerKey>,
    pub no_send: bool,
    pub api: Option<String>,
    pub log_event_url: Option<String>,
    pub batch_size: u32,
    pub spool: Option<PathBuf>,
    pub retries: u32,
    pub timeout: f64,
    pub retry_base_ms: u64,
}

/// Opens the spool and, unless `--no-send`, a sender. Fails without a key.
pub fn start_delivery(key: &KeyArgs, args: &DeliveryArgs) -> Result<Delivery> {
    open_delivery(DeliverySettings {
        key: if args.no_send { None } else { key.resolve()? },
        no_send: args.no_send,
        api: args.api.clone(),
        log_event_url: args.log_event_url.clone(),
        batch_size: args.batch_size,
        spool: args.spool.clone(),
        retries: args.retries,
        timeout: args.timeout,
        retry_base_ms: args.retry_base_ms,
    })
}

/// Opens a delivery from settings.
pub fn open_delivery(args: DeliverySettings) -> Result<Delivery> {
    let dir = default_dir(args.spool.as_deref())?;
    let spool = Spool::open(&dir)?;
    let session_id = new_session_id();
    let sender = if args.no_send {
        None
    } else {
        let key = args.key.ok_or_else(|| {
            Error::input(
                "no server key: set STATSIG_SERVER_SECRET or pass --server-key-file FILE \
                 (or --no-send to only spool the events)",
            )
        })?;
        if !(args.timeout > 0.0 && args.timeout.is_finite()) {
            return Err(Error::input(
                "--timeout must be a positive number of seconds",
            ));
        }
        let policy = RetryPolicy {
            retries: args.retries,
            base: Duration::from_millis(args.retry_base_ms),
            timeout: Duration::from_secs_f64(args.timeout),
            ..RetryPolicy::default()
        };
        let url = log_event_url(args.api.as_deref(), args.log_event_url.as_deref());
        Some(Sender::new(url, key, session_id.clone(), policy))
    };
    let opts = Options {
        batch_size: args.batch_size as usize,
        ..Options::default()
    };
    Delivery::start(spool, sender, &session_id, opts)
}

/// Finishes a delivery: prints the summary line (always on failure) and gives the exit
/// code, 3 when some events could not be delivered (they stay spooled).
pub fn finish_delivery(delivery: Delivery, quiet: bool) -> Result<i32> {
    let dir = delivery.spool().dir().display().to_string();
    let report: Report = delivery.finish()?;
    if !quiet || !report.delivered() {
        eprintln!("{}", report.summary(&dir));
    }
    Ok(if report.delivered() { 0 } else { 3 })
}

/// Log many events from an NDJSON file.
#[derive(Debug, Args)]
pub struct LogEventsArgs {
    /// One JSON event per line: {"eventName", "value", "metadata", "user", "time"}; `-`
    /// reads stdin.
    #[arg(long, short, value_name = "FILE")]
    pub file: PathBuf,

    /// Skip bad lines (each reported on stderr) instead of stopping at the first; the exit
    /// code is then 2 if any line was skipped.
    #[arg(long)]
    pub keep_going: bool,

    #[command(flatten)]
    pub key: KeyArgs,

    #[command(flatten)]
    pub delivery: DeliveryArgs,
}

/// Progress bars only for files at least this large.
const PROGRESS_MIN_BYTES: u64 = 16 * 1024 * 1024;

pub fn run_log_events(args: &LogEventsArgs) -> Result<i32> {
    let (input, origin, size): (Box<dyn std::io::Read + Send>, String, Option<u64>) =
        if args.file.as_os_str() == "-" {
            (Box::new(std::io::stdin()), "stdin".into(), None)
        } else {
            let f = std::fs::File::open(&args.file).map_err(|e| Error::io(&args.file, e))?;
            let size = f.metadata().ok().map(|m| m.len());
            (Box::new(f), args.file.display().to_string(), size)
        };
    let mut delivery = start_delivery(&args.key, &args.delivery)?;
    let bar = size
        .filter(|&s| s >= PROGRESS_MIN_BYTES && std::io::stderr().is_terminal())
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
    };
    let ingested = ingest_ndjson(input, &mut delivery, &opts);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    // Whatever was accepted before an error is delivered (or left spooled) all the same.
    let code = finish_delivery(delivery, args.delivery.quiet && ingested.is_ok())?;
    let rep = ingested?;
    if code == 0 && rep.skipped > 0 {
        eprintln!(
            "statsig: {} of {} lines skipped (see above)",
            rep.skipped, rep.lines
        );
        return Ok(2);
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
        key: KeyArgs,
        #[command(flatten)]
        delivery: DeliveryArgs,
    },
    /// Show what the spool holds.
    Status {
        /// Spool directory (see `log-event --help`).
        #[arg(long, value_name = "DIR")]
        spool: Option<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

pub fn run_events(args: &EventsArgs) -> Result<i32> {
    match &args.command {
        EventsCommand::Flush { key, delivery } => {
            let d = start_delivery(key, delivery)?;
            finish_delivery(d, delivery.quiet)
        }
        EventsCommand::Status { spool, json } => {
            let dir = default_dir(spool.as_deref())?;
            let st = if dir.exists() {
                Spool::open(&dir)?.status()?
            } else {
                crate::events::spool::Status {
                    dir: dir.display().to_string(),
                    ..Default::default()
                }
            };
            if *json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&st).expect("status serialises")
                );
            } else {
                println!("spool: {}", st.dir);
                println!(
                    "queued: {} events in {} batches, {} segments, {} bytes",
                    st.events, st.batches, st.segments, st.bytes
                );
                if let Some(t) = st.oldest_ms {
                    let age = (crate::util::clock::now_ms() - t).max(0) / 1000;
                    println!("oldest: {age} s ago");
                }
                if st.in_flight_segments > 0 {
                    println!(
                        "being sent by another process: {} segments",
                        st.in_flight_segments
                    );
                }
                for u in &st.unreadable {
                    println!("unreadable: {u}");
                }
            }
            Ok(0)
        }
    }
}
