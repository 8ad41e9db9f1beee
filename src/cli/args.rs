//! The flag groups commands flatten, each defined once, each under its `--help` heading:
//! [`KeyArgs`] and [`NetworkArgs`] (Network), [`SourceArgs`] (Specs source), [`OutputArgs`]
//! (Output), [`DeliveryArgs`] and [`SendArgs`] (Events); the user flags are in
//! [`super::user_args`] (User). Each turns into the library's plain settings; the library
//! never sees a clap type.

use std::path::PathBuf;

use clap::Args;

use crate::error::{Error, Result};
use crate::output::Format;
use crate::secret::{KeyArg, ServerKey, resolve_server_key};
use crate::source::SourceSettings;

/// The server secret key, for spec downloads and event delivery alike.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Network")]
pub struct KeyArgs {
    /// Read the server secret key from the first line of FILE (the environment variable
    /// STATSIG_SERVER_SECRET is the other safe way to pass it). Without either, the key file
    /// `$XDG_CONFIG_HOME/statsig/server-key` is read when it exists.
    #[arg(long, value_name = "FILE", global = true)]
    pub server_key_file: Option<PathBuf>,

    /// The server secret key. Visible to other processes through the argument list: prefer
    /// STATSIG_SERVER_SECRET or --server-key-file.
    #[arg(long, value_name = "KEY", global = true, hide_env_values = true)]
    pub server_key: Option<KeyArg>,
}

impl KeyArgs {
    /// `--server-key-file`, else `--server-key` (with a warning), else
    /// STATSIG_SERVER_SECRET; `None` when none is given.
    pub fn resolve(&self) -> Result<Option<ServerKey>> {
        resolve_server_key(
            self.server_key.as_ref().map(KeyArg::as_str),
            self.server_key_file.as_deref(),
        )
    }
}

/// Where Statsig's API is and how patiently to talk to it.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Network")]
pub struct NetworkArgs {
    #[command(flatten)]
    pub key: KeyArgs,

    /// Base URL of Statsig's API or of a compatible server such as a forward proxy
    /// (`{api}/v2/download_config_specs/<KEY>.json`, `{api}/v1/get_id_lists`,
    /// `{api}/v1/log_event`), with or without a trailing `/v1`.
    #[arg(long, value_name = "URL", global = true, env = "STATSIG_API")]
    pub api: Option<String>,

    /// Seconds one HTTP request or one Redis command may take as a whole, connection
    /// included [default: 10].
    #[arg(long, value_name = "SECONDS", global = true)]
    pub timeout: Option<f64>,

    /// Retries after a connection error, a timeout, HTTP 408, 429 or 5xx but 501 [default:
    /// 3], with jittered backoff.
    #[arg(long, value_name = "N", global = true)]
    pub retries: Option<u32>,
}

/// Options choosing the spec source; flattened into every command that needs specs.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Specs source")]
pub struct SourceArgs {
    /// A download_config_specs payload (v1 or v2) or bootstrap values; `-` reads stdin.
    #[arg(long, value_name = "FILE", global = true)]
    pub specs: Option<PathBuf>,

    /// Id lists: a JSON file (`{"list": {"hashes": [...]}}`) or a folder of Statsig
    /// id-list files (`+id`/`-id` lines, file name = list name).
    #[arg(long, value_name = "PATH", global = true)]
    pub id_lists: Option<PathBuf>,

    /// Payload version to download or prefer in a data store: 2 (default) or 1.
    #[arg(long, value_name = "N", global = true, value_parser = clap::value_parser!(u8).range(1..=2))]
    pub dcs_version: Option<u8>,

    /// Cache folder (default `$XDG_CACHE_HOME/statsig` or `~/.cache/statsig`).
    #[arg(long, value_name = "DIR", global = true, env = "STATSIG_CACHE_DIR")]
    pub cache_dir: Option<PathBuf>,

    /// Use the cached payload and id lists of the server key; never touch the network.
    #[arg(long, global = true)]
    pub offline: bool,

    /// Do not download id lists (evaluations of id-list segments then see empty lists).
    #[arg(long, global = true)]
    pub no_id_lists: bool,

    /// A data store to read specs from: a JSON dump (key → value) or `redis://HOST:PORT/DB`.
    #[arg(long, value_name = "PATH|URL", global = true)]
    pub data_store: Option<String>,

    /// The data-store key holding the config specs, when it cannot be derived.
    #[arg(long, value_name = "KEY", global = true)]
    pub data_store_key: Option<String>,

    /// Config-specs base URL; the request goes to `{URL}/<KEY>.json` (overrides --api).
    #[arg(long, value_name = "URL", global = true, help_heading = "Network")]
    pub dcs_url: Option<String>,

    /// Id-list manifest URL, used as given (overrides --api). Fetched with GET when it ends in
    /// `.json` or is Statsig's CDN, with POST otherwise.
    #[arg(long, value_name = "URL", global = true, help_heading = "Network")]
    pub id_lists_url: Option<String>,

    /// Sources to try in order until one gives a payload, e.g. `network,data-store,cache`
    /// (each failure is one warning; all failing exits 3 naming each). Without it:
    /// --data-store, else --offline's cache, else the network through the cache.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "LIST", global = true,
          conflicts_with_all = ["specs", "offline"])]
    pub source: Vec<SourceArg>,

    /// When --api or --dcs-url fails, download from Statsig's API instead (the SDKs'
    /// `fallback_to_statsig_api`).
    #[arg(long, global = true, help_heading = "Network")]
    pub fallback_to_statsig_api: bool,

    #[command(flatten)]
    pub network: NetworkArgs,
}

/// One `--source` entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SourceArg {
    /// Statsig's API (or --api), through the cache.
    Network,
    /// --data-store.
    DataStore,
    /// The cached payload of the server key (and API base).
    Cache,
}

impl SourceArg {
    fn choice(self) -> crate::source::SourceChoice {
        match self {
            SourceArg::Network => crate::source::SourceChoice::Network,
            SourceArg::DataStore => crate::source::SourceChoice::DataStore,
            SourceArg::Cache => crate::source::SourceChoice::Cache,
        }
    }
}

impl SourceArgs {
    /// The library's settings for these flags.
    pub fn settings(&self) -> SourceSettings {
        SourceSettings {
            specs: self.specs.clone(),
            id_lists: self.id_lists.clone(),
            server_key_file: self.network.key.server_key_file.clone(),
            server_key: self.network.key.server_key.clone(),
            api: self.network.api.clone(),
            dcs_url: self.dcs_url.clone(),
            id_lists_url: self.id_lists_url.clone(),
            dcs_version: self.dcs_version,
            timeout: self.network.timeout,
            retries: self.network.retries,
            cache_dir: self.cache_dir.clone(),
            offline: self.offline,
            no_id_lists: self.no_id_lists,
            data_store: self.data_store.clone(),
            data_store_key: self.data_store_key.clone(),
            sources: self.source.iter().map(|s| s.choice()).collect(),
            fallback_to_statsig_api: self.fallback_to_statsig_api,
        }
    }
}

/// How the answer is printed: one switch for every command that prints results.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Output")]
pub struct OutputArgs {
    /// Output format (a format the command does not print is a usage error naming those it
    /// does) [default: text or a table; `evaluate` and `report` print JSON when piped, a
    /// stream of users NDJSON].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<FormatArg>,

    /// Short for `--format json`.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
}

impl OutputArgs {
    /// The format asked for, else `terminal` when stdout is a terminal and `piped` when not;
    /// a usage error names `command` and what it offers when the format is not in `offered`.
    pub fn choose(
        &self,
        command: &str,
        offered: &[Format],
        terminal: Format,
        piped: Format,
    ) -> Result<Format> {
        let asked = match (self.format, self.json) {
            (Some(f), _) => Some(f.format()),
            (None, true) => Some(Format::Json),
            (None, false) => None,
        };
        let f = asked.unwrap_or_else(|| Format::default_for(terminal, piped));
        if offered.contains(&f) {
            return Ok(f);
        }
        let names: Vec<&str> = offered.iter().map(|f| f.name()).collect();
        Err(Error::Usage(format!(
            "--format {}: {command} prints {}",
            f.name(),
            names.join(", ")
        )))
    }
}

/// Flags every command takes, wherever they are written on the line.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Output")]
pub struct GlobalArgs {
    /// Colour: `auto` on a terminal unless NO_COLOR is set, `always`, or `never`.
    #[arg(long, value_enum, value_name = "WHEN", global = true, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,

    /// No warnings, retry notes or success summaries on stderr (errors always print).
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

/// `--color`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorArg {
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorArg {
    /// The library's setting.
    pub fn when(self) -> crate::output::style::When {
        use crate::output::style::When;
        match self {
            ColorArg::Auto => When::Auto,
            ColorArg::Always => When::Always,
            ColorArg::Never => When::Never,
        }
    }
}

/// Entity selection: with any of these, only the named entities (each flag repeatable).
#[derive(Debug, Clone, Default, Args)]
pub struct EntityArgs {
    /// Only this feature gate (repeatable; with any of --gate, --config, --experiment and
    /// --layer, only the named entities).
    #[arg(long = "gate", value_name = "NAME", help_heading = "Entities")]
    pub gates: Vec<String>,
    /// Only this dynamic config (repeatable).
    #[arg(long = "config", value_name = "NAME", help_heading = "Entities")]
    pub configs: Vec<String>,
    /// Only this experiment (repeatable).
    #[arg(long = "experiment", value_name = "NAME", help_heading = "Entities")]
    pub experiments: Vec<String>,
    /// Only this layer (repeatable).
    #[arg(long = "layer", value_name = "NAME", help_heading = "Entities")]
    pub layers: Vec<String>,
}

/// Where events go and how they are batched; shared by the event commands and
/// `--log-exposures`.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Events")]
pub struct DeliveryArgs {
    /// Full log_event URL (default: `{api}/v1/log_event`, or Statsig's).
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

    /// First retry backoff in milliseconds, doubled per retry, with jitter [default: 200].
    #[arg(long, value_name = "MS", env = "STATSIG_RETRY_BASE_MS")]
    pub retry_base_ms: Option<u64>,
}

/// The event commands' flags: the network, the delivery, and whether to send at all.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Events")]
pub struct SendArgs {
    #[command(flatten)]
    pub network: NetworkArgs,

    #[command(flatten)]
    pub delivery: DeliveryArgs,

    /// Only spool the events; `statsig events flush` sends them later.
    #[arg(long)]
    pub no_send: bool,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// Readable lines.
    Text,
    /// An aligned table.
    Table,
    /// One JSON document.
    Json,
    /// One JSON document per line.
    Ndjson,
    /// Comma-separated values with a header row.
    Csv,
    /// A Markdown table.
    Markdown,
    /// JUnit XML (`test`).
    Junit,
}

impl FormatArg {
    pub fn format(self) -> Format {
        match self {
            FormatArg::Text => Format::Text,
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Ndjson => Format::Ndjson,
            FormatArg::Csv => Format::Csv,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Junit => Format::Junit,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_asked_for_wins_and_one_not_offered_is_a_usage_error() {
        let offered = [Format::Text, Format::Json, Format::Csv];
        let asked = |format, json| OutputArgs { format, json };
        let f =
            asked(Some(FormatArg::Csv), false).choose("x", &offered, Format::Text, Format::Text);
        assert_eq!(f.unwrap(), Format::Csv);
        let f = asked(None, true).choose("x", &offered, Format::Text, Format::Text);
        assert_eq!(f.unwrap(), Format::Json);
        // Without a choice: the command's default (the same on a terminal and piped here, as
        // the test's stdout may be either).
        let f = asked(None, false).choose("x", &offered, Format::Json, Format::Json);
        assert_eq!(f.unwrap(), Format::Json);
        let e = asked(Some(FormatArg::Junit), false)
            .choose("specs show", &offered, Format::Text, Format::Text)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "--format junit: specs show prints text, json, csv"
        );
        assert_eq!(e.exit_code(), crate::error::ExitCode::Input);
    }
}
