//! `statsig client-init`: client-initialize responses (SSR bootstrap payloads) for one user or
//! a stream of users, to stdout or atomically to a file.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::cli::common::{EvalArgs, JobsArg, load_overrides};
use crate::cli::exposures::{ExposureArgs, ExposureLogger};
use crate::cli::user_args::UserArgs;
use crate::error::{Error, ExitCode, Result};
use crate::eval::overrides::LocalOverrides;
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
use crate::util::fs::AtomicFile;
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
    /// Only this feature gate among the gates (repeatable).
    #[arg(long = "gate", value_name = "NAME")]
    pub gates: Vec<String>,
    /// Only this dynamic config among the dynamic configs (repeatable).
    #[arg(long = "config", value_name = "NAME")]
    pub configs: Vec<String>,
    /// Only this experiment among the experiments (repeatable).
    #[arg(long = "experiment", value_name = "NAME")]
    pub experiments: Vec<String>,
    /// Only this layer among the layers (repeatable).
    #[arg(long = "layer", value_name = "NAME")]
    pub layers: Vec<String>,
    /// Apply the local overrides of --overrides to the payload.
    #[arg(long)]
    pub include_local_overrides: bool,
    /// Write to FILE (atomically: a temp file renamed into place) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Users as NDJSON, one JSON object per line (`-` reads stdin): one response per line.
    #[arg(long, value_name = "FILE")]
    pub users: Option<PathBuf>,
    /// Skip (and report) bad user lines instead of stopping.
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
            gates: filter(&self.gates),
            configs: filter(&self.configs),
            experiments: filter(&self.experiments),
            layers: filter(&self.layers),
            include_local_overrides: self.include_local_overrides,
        }
    }
}

pub fn run(a: &ClientInitArgs) -> Result<ExitCode> {
    if a.users.is_some() && !a.user.is_empty() {
        return Err(Error::input(
            "--users reads the users from a file: drop the single-user flags",
        ));
    }
    // The single user first: a bad user fails before the specs are read.
    let single = match &a.users {
        None => Some(a.user.to_user()?),
        Some(_) => None,
    };
    let loaded = load_specs(&a.eval.source.settings())?;
    let specs = &loaded.specs;
    let overrides = load_overrides(&a.eval, specs)?;
    if overrides.is_some() && !a.include_local_overrides {
        eprintln!(
            "warning: overrides are not applied to client-init without --include-local-overrides"
        );
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
    match outcome {
        Ok(()) => {
            sink.commit()?;
            match logger {
                Some(l) => l.finish(),
                None => Ok(ExitCode::Success),
            }
        }
        Err(e) => {
            sink.abort();
            Err(e)
        }
    }
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
    let mut failure = None;
    write_client_init(
        ci,
        specs,
        overrides,
        clock.now_ms(),
        user,
        out,
        |kind, spec, r| {
            if failure.is_none()
                && let Err(e) = logger.log(specs, user, kind, &spec.name, r, None)
            {
                failure = Some(e);
            }
        },
        None,
    );
    failure.map_or(Ok(()), Err)
}

fn run_batch<'s>(
    a: &ClientInitArgs,
    ci: &mut ClientInit<'s>,
    specs: &'s CompiledSpecs,
    overrides: Option<&'s LocalOverrides>,
    path: &Path,
    sink: &mut Sink,
    mut logger: Option<&mut ExposureLogger>,
) -> Result<()> {
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
            chunk.events.into_iter().try_for_each(|e| l.push(e))?;
        }
        sink.write_spliced(bytes, &chunk.splices)
    })?;
    streamed.report();
    Ok(())
}

/// Names given to the entity filters that match no spec of that kind: a warning, or an
/// error with `--strict`.
/// Where responses go: stdout, or an [`AtomicFile`] renamed into place by [`Sink::commit`]
/// (so a failure never leaves half a file behind).
enum Sink {
    Stdout(BufWriter<std::io::Stdout>),
    File { w: AtomicFile, dest: PathBuf },
}

impl Sink {
    fn open(out: Option<&Path>) -> Result<Sink> {
        let Some(dest) = out else {
            return Ok(Sink::Stdout(BufWriter::with_capacity(
                256 * 1024,
                std::io::stdout(),
            )));
        };
        if dest.file_name().is_none() {
            return Err(Error::input(format!(
                "--out {}: not a file name",
                dest.display()
            )));
        }
        let w = AtomicFile::create(dest).map_err(|e| Error::io(dest, e))?;
        Ok(Sink::File {
            w,
            dest: dest.to_path_buf(),
        })
    }

    fn write_all(&mut self, bytes: &[u8]) -> Result<()> {
        match self {
            Sink::Stdout(w) => w.write_all(bytes).map_err(|e| Error::io("stdout", e)),
            Sink::File { w, dest } => w.write_all(bytes).map_err(|e| Error::io(&*dest, e)),
        }
    }

    /// `bytes` with the spliced pieces in place.
    fn write_spliced(&mut self, bytes: &[u8], splices: &Splices<'_>) -> Result<()> {
        match self {
            Sink::Stdout(w) => splices
                .write_to(w, bytes)
                .map_err(|e| Error::io("stdout", e)),
            Sink::File { w, dest } => splices.write_to(w, bytes).map_err(|e| Error::io(&*dest, e)),
        }
    }

    fn commit(self) -> Result<()> {
        match self {
            Sink::Stdout(mut w) => w.flush().map_err(|e| Error::io("stdout", e)),
            Sink::File { w, dest } => w.commit().map_err(|e| Error::io(&dest, e)),
        }
    }

    fn abort(self) {
        if let Sink::Stdout(mut w) = self {
            let _ = w.flush();
        }
    }
}
