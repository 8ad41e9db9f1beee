//! `statsig specs pull|push`: move payloads between sources. `pull` saves the exact payload (and id
//! lists) a source delivers; `push` writes them into a data store under an SDK's key scheme.

use std::io::Write;
use std::path::PathBuf;

use crate::cli::args::SourceArgs;
use crate::error::{Error, ExitCode, Result};
use crate::source;
use crate::source::data_store::{self, KeyScheme, Store, mask_store_key};
use crate::spec::id_lists::list_file_name;
use crate::util::fs::write_output;

#[derive(Debug, clap::Args)]
pub struct PullArgs {
    /// Where to write the payload (`-` for stdout). A file is written atomically (a
    /// temporary file renamed into place), through a symbolic link to its target, missing
    /// folders created; a device or FIFO is written into.
    #[arg(long, short, value_name = "FILE")]
    pub out: PathBuf,

    /// Also write each id list as a wire-format file (`+id`/`-id` lines) into this folder.
    #[arg(long, value_name = "DIR")]
    pub id_lists_out: Option<PathBuf>,

    #[command(flatten)]
    pub watch: WatchArgs,

    /// With --watch: run this shell command after each update (`sh -c`), as the SDKs'
    /// `rules_updated_callback`; its failure is a warning.
    #[arg(long, value_name = "CMD", requires = "watch")]
    pub exec: Option<String>,

    #[command(flatten)]
    pub source: SourceArgs,
}

/// `--watch` and `--interval` of `specs pull` and `specs push`.
#[derive(Debug, Clone, clap::Args)]
pub struct WatchArgs {
    /// Keep running: poll the source every --interval (sending `sinceTime`), write only
    /// when the payload changed (one line on stdout per update), back off on errors; stop
    /// with SIGINT or SIGTERM (exit 0).
    #[arg(long)]
    pub watch: bool,

    /// How often --watch polls: `10s` (the SDKs' default), `1m`, `500ms`.
    #[arg(long, value_name = "DURATION", requires = "watch",
          value_parser = crate::source::watch::parse_interval)]
    pub interval: Option<std::time::Duration>,

    /// How often --watch fetches the id lists: `60s` (the SDKs' default); polls in between
    /// fetch the specs alone.
    #[arg(long, value_name = "DURATION", requires = "watch",
          value_parser = crate::source::watch::parse_interval)]
    pub id_lists_interval: Option<std::time::Duration>,
}

impl WatchArgs {
    /// Runs `update` for each changed payload until SIGINT/SIGTERM; errors are warnings.
    fn run(
        &self,
        settings: &crate::source::SourceSettings,
        update: &mut dyn FnMut(&crate::source::Loaded) -> Result<String>,
    ) -> Result<ExitCode> {
        use crate::source::watch::{DEFAULT_ID_LISTS_INTERVAL, DEFAULT_INTERVAL, watch};
        crate::util::interrupt::graceful();
        let interval = self.interval.unwrap_or(DEFAULT_INTERVAL);
        let stop = crate::util::interrupt::stop_requested;
        watch(
            settings,
            interval,
            self.id_lists_interval.unwrap_or(DEFAULT_ID_LISTS_INTERVAL),
            &stop,
            &mut |loaded| {
                let line = update(loaded)?;
                let mut out = std::io::stdout().lock();
                let _ = writeln!(out, "{line}");
                let _ = out.flush();
                Ok(())
            },
            &mut |e, next| {
                crate::util::warn::warn(format_args!(
                    "{e}; trying again in {:.1}s",
                    next.as_secs_f64()
                ))
            },
        )?;
        Ok(ExitCode::Success)
    }
}

/// `--key-scheme`: the keys an SDK's data adapter reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KeySchemeArg {
    /// statsig-server-core: `statsig|/v2/download_config_specs|plain_text|<sha256 b64 of key>`.
    Core,
    /// statsig-server-core with `data_store_key_schema_version = v3` (first 20 chars of key).
    CoreV3,
    /// Node SDK: `statsig|/v1/download_config_specs|plain_text|<sha256 b64 of key>`.
    Node,
    /// Python SDK: `statsig.cache` and `/v1/download_id_list_file/<fileID>`.
    Python,
}

impl KeySchemeArg {
    /// The library's scheme.
    pub fn scheme(self) -> KeyScheme {
        match self {
            KeySchemeArg::Core => KeyScheme::Core,
            KeySchemeArg::CoreV3 => KeyScheme::CoreV3,
            KeySchemeArg::Node => KeyScheme::Node,
            KeySchemeArg::Python => KeyScheme::Python,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct PushArgs {
    /// Key scheme to write: core (v2), core-v3 (v2), node (v1) or python (v1). Default: core
    /// for a v2 payload, node for a v1 payload.
    #[arg(long, value_name = "SCHEME")]
    pub key_scheme: Option<KeySchemeArg>,

    #[command(flatten)]
    pub watch: WatchArgs,

    #[command(flatten)]
    pub source: SourceArgs,
}

pub fn pull(a: PullArgs) -> Result<ExitCode> {
    let mut settings = a.source.settings();
    // A key typed at the prompt reaches the source through a private file: this one when
    // the person keeps it, else a temporary one removed at the end of the run.
    let mut _typed_key = None;
    if crate::cli::prompt::enabled()
        && settings.specs.is_none()
        && settings.data_store.is_none()
        && settings.server_key()?.is_none()
    {
        let key = crate::cli::prompt::ask_key()?;
        let keep = crate::secret::key_file_path();
        match keep {
            Some(path) if crate::cli::prompt::ask_store_key(&path)? => {
                crate::secret::store_key(&path, &key)?;
                eprintln!("stored the key {key} in {}", path.display());
                settings.server_key_file = Some(path);
            }
            _ => {
                let f =
                    tempfile::NamedTempFile::new().map_err(|e| Error::io("a temporary file", e))?;
                crate::secret::store_key(f.path(), &key)?;
                settings.server_key_file = Some(f.path().to_path_buf());
                _typed_key = Some(f);
            }
        }
    }
    if a.watch.watch {
        if a.out.as_os_str() == "-" {
            return Err(Error::Usage(
                "specs pull --watch writes a file: give --out FILE, not -".into(),
            ));
        }
        return a.watch.run(&settings, &mut |loaded| {
            let version = data_store::payload_version(loaded)?;
            write_output(&a.out, &loaded.bytes).map_err(|e| Error::io(&a.out, e))?;
            if let Some(dir) = &a.id_lists_out {
                write_id_lists(loaded, dir)?;
            }
            if let Some(cmd) = &a.exec {
                run_exec(cmd);
            }
            Ok(format!(
                "updated {}: v{version} payload, time {}, {} bytes, from {}",
                a.out.display(),
                crate::source::network::lcut_of(&loaded.bytes).unwrap_or(0),
                loaded.bytes.len(),
                loaded.origin
            ))
        });
    }
    let loaded = source::load(&settings)?;
    let version = data_store::payload_version(&loaded)?;
    if a.out.as_os_str() == "-" {
        write_output(&a.out, &loaded.bytes).map_err(|e| Error::io("stdout", e))?;
    } else {
        write_output(&a.out, &loaded.bytes).map_err(|e| Error::io(&a.out, e))?;
        eprintln!(
            "saved the v{version} payload from {} ({} bytes) to {}",
            loaded.origin,
            loaded.bytes.len(),
            a.out.display()
        );
    }
    if let Some(dir) = &a.id_lists_out {
        let n = write_id_lists(&loaded, dir)?;
        eprintln!("saved {n} id lists to {}", dir.display());
    }
    Ok(ExitCode::Success)
}

/// Writes each id list of `loaded` into `dir` as a wire-format file; how many.
fn write_id_lists(loaded: &source::Loaded, dir: &std::path::Path) -> Result<usize> {
    let files = loaded.id_list_files_or_derived().unwrap_or_default();
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    for (name, f) in &files.lists {
        let path = dir.join(list_file_name(name));
        write_output(&path, &f.raw).map_err(|e| Error::io(&path, e))?;
    }
    Ok(files.lists.len())
}

/// `--exec CMD` after an update: `sh -c CMD`; a failure is a warning.
fn run_exec(cmd: &str) {
    match std::process::Command::new("sh").args(["-c", cmd]).status() {
        Ok(s) if s.success() => {}
        Ok(s) => crate::util::warn::warn(format_args!("--exec {cmd:?} exited with {s}")),
        Err(e) => crate::util::warn::warn(format_args!("--exec {cmd:?} could not run: {e}")),
    }
}

/// What one push wrote: the entries, the store as shown, the payload version, the scheme.
type Pushed = (Vec<(String, Vec<u8>)>, String, u8, &'static str);

pub fn push(a: PushArgs) -> Result<ExitCode> {
    let dest = a.source.data_store.clone().ok_or_else(|| {
        Error::Usage(
            "specs push needs --data-store redis://HOST:PORT/DB (or a dump file) to write to"
                .into(),
        )
    })?;
    let mut from = a.source.settings();
    from.data_store = None;
    from.data_store_key = None;
    let key = from.server_key()?;
    let timeout = from.timeout()?;
    // Writes one payload's entries; the entries, the store as shown, the version, the scheme.
    let push_one = |loaded: &source::Loaded| -> Result<Pushed> {
        let version = data_store::payload_version(loaded)?;
        let scheme = a
            .key_scheme
            .map(KeySchemeArg::scheme)
            .unwrap_or(if version == 1 {
                KeyScheme::Node
            } else {
                KeyScheme::Core
            });
        if scheme.version() != version {
            return Err(Error::Usage(format!(
                "--key-scheme {} stores a v{} payload but the source gave v{version}{}",
                scheme.name(),
                scheme.version(),
                if from.specs.is_none() {
                    format!(" (add --dcs-version {})", scheme.version())
                } else {
                    String::new()
                }
            )));
        }
        let entries = data_store::push_entries(loaded, scheme, key.as_ref())?;
        let mut store = Store::open(&dest, timeout, true)?;
        for (k, v) in &entries {
            store.set(k, v)?;
        }
        store.commit()?;
        Ok((entries, store.shown(), version, scheme.name()))
    };
    if a.watch.watch {
        return a.watch.run(&from, &mut |loaded| {
            let (entries, shown, version, scheme) = push_one(loaded)?;
            Ok(format!(
                "pushed the v{version} payload (time {}) from {} to {shown} ({} keys, scheme {scheme})",
                crate::source::network::lcut_of(&loaded.bytes).unwrap_or(0),
                loaded.origin,
                entries.len()
            ))
        });
    }
    let loaded = source::load(&from)?;
    let (entries, shown, version, scheme) = push_one(&loaded)?;
    let mut out = std::io::stdout().lock();
    for (k, v) in &entries {
        let _ = writeln!(out, "{}\t{} bytes", mask_store_key(k), v.len());
    }
    eprintln!(
        "pushed the v{version} payload from {} to {shown} ({} keys, scheme {scheme})",
        loaded.origin,
        entries.len(),
    );
    Ok(ExitCode::Success)
}
