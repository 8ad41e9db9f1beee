//! `statsig client-init`: client-initialize responses (SSR bootstrap payloads) for one user or
//! a stream of users, to stdout or atomically to a file.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::args::EntityArgs;
use crate::cli::common::{EvalArgs, JobsArg, is_stdin, load_overrides, one_stdin};
use crate::cli::exposures::{ExposureArgs, ExposureLogger};
use crate::cli::user_args::{SINGLE_USER_FLAGS, UserArgs};
use crate::error::{Error, ExitCode, Result};
use crate::eval::overrides::LocalOverrides;
use crate::output::Format;
use crate::output::client_init::{ClientInit, GcirOptions, HashAlgo};
use crate::output::records::{ClientInitRecords, write_client_init};
use crate::population::stream::{self, StreamSettings, UserSource};
use crate::result::EvalResult;
use crate::source::load_specs;
use crate::spec::CompiledSpecs;
use crate::spec::describe::{NameCheck, check_names};
use crate::spec::model::{Entity, Kind};
use crate::user::User;
use crate::util::clock::Clock;
use crate::util::fs::OutputFile;
use crate::util::splice::Splices;

/// `--hash`: how spec names are hidden in the response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum HashArg {
    /// Names as they are.
    None,
    /// Base64 of the SHA-256 digest.
    Sha256,
    /// 32-bit djb2 as a decimal string (the default of Statsig's current SDKs).
    Djb2,
}

impl HashArg {
    fn algo(self) -> HashAlgo {
        match self {
            HashArg::None => HashAlgo::None,
            HashArg::Sha256 => HashAlgo::Sha256,
            HashArg::Djb2 => HashAlgo::Djb2,
        }
    }
}

#[derive(Debug, Clone, clap::Args)]
pub struct ClientInitArgs {
    /// How names are hashed in the payload.
    #[arg(long, value_enum, default_value_t = HashArg::Djb2)]
    pub hash: HashArg,
    /// Client SDK key: only specs targeted at its app (via the specs' sdk_keys_to_app_ids).
    #[arg(long, value_name = "KEY")]
    pub client_key: Option<String>,
    /// Only specs targeted at this app id (wins over --client-key).
    #[arg(long, value_name = "ID")]
    pub target_app_id: Option<String>,
    #[command(flatten)]
    pub entities: EntityArgs,
    /// Apply the local overrides of --overrides to the payload.
    #[arg(long)]
    pub include_local_overrides: bool,
    /// Write to FILE instead of stdout (`-`: stdout). A file is written atomically (a
    /// temporary file renamed into place), through a symbolic link to its target, missing
    /// folders created; a device or FIFO is written into.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Users as NDJSON, one JSON object per line (`-` reads stdin): one response per line.
    #[arg(long, value_name = "FILE", conflicts_with_all = SINGLE_USER_FLAGS)]
    pub users: Option<PathBuf>,
    /// Skip bad lines (not UTF-8, not JSON, not a valid record) instead of stopping at the
    /// first: each is named on stderr, a closing line counts them, and the exit code is then
    /// 2.
    #[arg(long)]
    pub keep_going: bool,
    #[command(flatten)]
    pub jobs: JobsArg,
    #[command(flatten)]
    pub user: UserArgs,
    #[command(flatten)]
    pub eval: EvalArgs,
    /// Usually not wanted: the browser client logs exposures when the page reads values.
    /// With `--log-exposures`, one is logged for every entry of every response.
    #[command(flatten)]
    pub exposures: ExposureArgs,
}

impl ClientInitArgs {
    fn gcir_options(&self) -> GcirOptions {
        let filter = |v: &Vec<String>| (!v.is_empty()).then(|| v.clone());
        GcirOptions {
            hash: self.hash.algo(),
            client_key: self.client_key.clone(),
            target_app_id: self.target_app_id.clone(),
            gates: filter(&self.entities.gates),
            configs: filter(&self.entities.configs),
            experiments: filter(&self.entities.experiments),
            layers: filter(&self.entities.layers),
            include_local_overrides: self.include_local_overrides,
        }
    }
}

pub fn run(a: &ClientInitArgs) -> Result<ExitCode> {
    one_stdin(&[
        a.eval.specs_stdin(),
        a.user.stdin(),
        ("--users", is_stdin(a.users.as_deref())),
    ])?;
    // The payload is JSON (one response per line with --users): nothing else to choose.
    a.eval.output.choose(
        "client-init",
        &[Format::Json, Format::Ndjson],
        Format::Json,
        Format::Json,
    )?;
    // The single user first: a bad user fails before the specs are read.
    let single = match &a.users {
        None => Some(a.user.to_user()?),
        Some(_) => None,
    };
    let loaded = load_specs(&a.eval.source.settings())?;
    let specs = &loaded.specs;
    let overrides = load_overrides(&a.eval, specs)?;
    if overrides.is_some() && !a.include_local_overrides {
        crate::util::warn::warn(format_args!(
            "overrides are not applied to client-init without --include-local-overrides"
        ));
    }
    let overrides = overrides.filter(|_| a.include_local_overrides);
    let opts = a.gcir_options();
    fn names(v: &Option<Vec<String>>) -> &[String] {
        v.as_deref().unwrap_or_default()
    }
    let checks = [
        NameCheck {
            kind: Kind::Gate,
            word: "feature gate",
            names: names(&opts.gates),
            accept: |e| *e == Entity::FeatureGate,
        },
        NameCheck {
            kind: Kind::Config,
            word: "dynamic config",
            names: names(&opts.configs),
            accept: |e| *e == Entity::DynamicConfig,
        },
        NameCheck {
            kind: Kind::Config,
            word: "experiment",
            names: names(&opts.experiments),
            accept: |e| *e == Entity::Experiment,
        },
        NameCheck {
            kind: Kind::Layer,
            word: "layer",
            names: names(&opts.layers),
            accept: |_| true,
        },
    ];
    check_names(specs, &checks, a.eval.strict, "")?;
    let mut ci = ClientInit::new(specs, &opts)?;

    let mut logger = ExposureLogger::start(
        &a.eval.source,
        &a.exposures,
        specs,
        loaded.kind.reason_source(),
        a.eval.clock(),
    )?;
    let mut sink = Sink::open(a.out.as_deref())?;
    let outcome = match (&a.users, single) {
        (_, Some(user)) => {
            let mut out = Vec::with_capacity(256 * 1024);
            write_one(
                &mut ci,
                specs,
                overrides.as_ref(),
                &user,
                &mut out,
                logger.as_mut(),
                a.eval.clock(),
            )
            .and_then(|()| {
                out.push(b'\n');
                sink.write_all(&out)
            })
            .map(|()| ExitCode::Success)
        }
        (Some(path), None) => run_batch(
            a,
            &mut ci,
            specs,
            overrides.as_ref(),
            path,
            &mut sink,
            logger.as_mut(),
        ),
        (None, None) => unreachable!("a single user is parsed when --users is absent"),
    };
    // A one-shot process: the compiled specs and the response builder are left to the
    // exit, which frees them faster than dropping them piece by piece.
    std::mem::forget(ci);
    let result = match outcome {
        Ok(read) => {
            sink.commit()?;
            match logger {
                Some(l) => Ok(read.or(l.finish()?)),
                None => Ok(read),
            }
        }
        Err(e) => {
            sink.abort();
            Err(e)
        }
    };
    drop(overrides);
    std::mem::forget(loaded);
    result
}

fn write_one<'s>(
    ci: &mut ClientInit<'s>,
    specs: &'s CompiledSpecs,
    overrides: Option<&'s LocalOverrides>,
    user: &User,
    out: &mut Vec<u8>,
    logger: Option<&mut ExposureLogger>,
    clock: Clock,
) -> Result<()> {
    let Some(logger) = logger else {
        write_client_init(
            ci,
            specs,
            overrides,
            clock.now_ms(),
            user,
            out,
            |_, _, _| {},
            None,
        );
        return Ok(());
    };
    write_client_init(
        ci,
        specs,
        overrides,
        clock.now_ms(),
        user,
        out,
        |kind, spec, r| logger.log(specs, user, kind, &spec.name, r, None),
        None,
    );
    Ok(())
}

fn run_batch<'s>(
    a: &ClientInitArgs,
    ci: &mut ClientInit<'s>,
    specs: &'s CompiledSpecs,
    overrides: Option<&'s LocalOverrides>,
    path: &Path,
    sink: &mut Sink,
    mut logger: Option<&mut ExposureLogger>,
) -> Result<ExitCode> {
    let stamp = logger.as_ref().map(|l| l.stamp());
    let hook = move |user: &_,
                     kind,
                     spec: &crate::spec::model::Spec,
                     r: &EvalResult<'_>,
                     sink: &mut Vec<_>| {
        if let Some(stamp) = &stamp {
            stamp.events(specs, user, kind, &spec.name, r, None, sink);
        }
    };
    let work = ClientInitRecords {
        template: ci.clone(),
        specs,
        overrides,
        now_ms: a.eval.clock().now_ms(),
        exposures: stamp.is_some().then_some(&hook as _),
    };
    let settings = StreamSettings {
        jobs: a.jobs.jobs(),
        keep_going: a.keep_going,
    };
    let source = UserSource::Ndjson(path.to_path_buf());
    let streamed = stream::run(&source, settings, &work, |bytes, chunk| {
        // Exposures first: whatever reaches the output has its exposures spooled, also
        // when the output closes early.
        if let Some(l) = logger.as_deref_mut() {
            chunk.events.into_iter().for_each(|e| l.push(e));
        }
        sink.write_spliced(bytes, &chunk.splices)
    })?;
    Ok(streamed.report())
}

/// Names given to the entity filters that match no spec of that kind: a warning, or an
/// error with `--strict`.
/// Where responses go: `--out FILE` (stdout without it) through [`OutputFile`], so a
/// failure never leaves half a file behind.
struct Sink {
    w: OutputFile,
    /// The output's name in messages.
    name: PathBuf,
}

impl Sink {
    fn open(out: Option<&Path>) -> Result<Sink> {
        let dest = out.unwrap_or(Path::new("-"));
        let name = match dest.as_os_str() == "-" {
            true => PathBuf::from("stdout"),
            false => dest.to_path_buf(),
        };
        let w = OutputFile::create(dest).map_err(|e| Error::io(&name, e))?;
        Ok(Sink { w, name })
    }

    fn write_all(&mut self, bytes: &[u8]) -> Result<()> {
        self.w
            .write_all(bytes)
            .map_err(|e| Error::io(&self.name, e))
    }

    /// `bytes` with the spliced pieces in place.
    fn write_spliced(&mut self, bytes: &[u8], splices: &Splices<'_>) -> Result<()> {
        splices
            .write_to(&mut self.w, bytes)
            .map_err(|e| Error::io(&self.name, e))
    }

    fn commit(self) -> Result<()> {
        self.w.commit().map_err(|e| Error::io(&self.name, e))
    }

    fn abort(self) {
        self.w.abort();
    }
}
