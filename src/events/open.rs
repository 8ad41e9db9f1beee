//! Opening a delivery from plain settings: the spool directory, and unless only spooling, a
//! sender with its retry policy. Every event-sending command (log-event, log-events, events
//! flush, --log-exposures) comes through here.

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::events::send::{Sender, log_event_url, new_session_id};
use crate::events::spool::{Spool, default_dir};
use crate::events::{Delivery, Options};
use crate::http::RetryPolicy;
use crate::secret::ServerKey;

/// Everything needed to open a delivery, whichever flags it came from.
#[derive(Debug, Clone)]
pub struct DeliverySettings {
    pub key: Option<ServerKey>,
    pub no_send: bool,
    /// What the missing-key error suggests besides a key: the command's own way to go
    /// without sending (`--no-send`, or leaving out `--log-exposures`).
    pub without_key: &'static str,
    pub api: Option<String>,
    pub log_event_url: Option<String>,
    pub batch_size: u32,
    pub spool: Option<PathBuf>,
    /// `None`: the one default of [`RetryPolicy`] (as for spec downloads).
    pub retries: Option<u32>,
    pub timeout: Option<f64>,
    pub retry_base_ms: Option<u64>,
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
            Error::Key(format!(
                "no server key: set STATSIG_SERVER_SECRET or pass --server-key-file FILE \
                 ({})",
                args.without_key
            ))
        })?;
        let policy = RetryPolicy::from_flags(args.retries, args.timeout, args.retry_base_ms)?;
        let url = log_event_url(args.api.as_deref(), args.log_event_url.as_deref());
        Some(Sender::new(url, key, policy)?)
    };
    let opts = Options {
        batch_size: args.batch_size as usize,
        ..Options::default()
    };
    Delivery::start(spool, sender, &session_id, opts)
}
