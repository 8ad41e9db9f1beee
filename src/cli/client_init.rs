//! `statsig client-init`: client-initialize responses (SSR bootstrap payloads) for one user or
//! a stream of users, to stdout or atomically to a file.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::cli::common::{EvalArgs, JobsArg, load_overrides, load_specs};
use crate::cli::exposures::{ExposureArgs, ExposureLogger};
use crate::cli::user_args::UserArgs;
use crate::error::{Error, Result};
use crate::eval::overrides::LocalOverrides;
use crate::output::client_init::{ClientInit, GcirOptions, HashAlgo};
use crate::output::records::{ClientInitRecords, write_client_init};
use crate::population::stream::{self, StreamSettings, UserSource};
use crate::result::EvalResult;
use crate::spec::CompiledSpecs;
use crate::spec::model::{Entity, Kind};
use crate::user::User;
use crate::util::clock::now_ms;

#[derive(Debug, Clone, clap::Args)]
pub struct ClientInitArgs {
    /// How names are hashed in the payload.
    #[arg(long, value_enum, default_value_t = HashAlgo::Djb2)]
    pub hash: HashAlgo,
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
            hash: self.hash,
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

pub fn run(a: &ClientInitArgs) -> Result<i32> {
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
    let loaded = load_specs(&a.eval.source)?;
    let specs = &loaded.specs;
    let overrides = load_overrides(&a.eval)?;
    if overrides.is_some() && !a.include_local_overrides {
        eprintln!(
            "warning: --overrides is not applied to client-init without --include-local-overrides"
        );
    }
    let overrides = overrides.filter(|_| a.include_local_overrides);
    let opts = a.gcir_options();
    check_names(specs, &opts, a.eval.strict)?;
    let mut ci = ClientInit::new(specs, &opts)?;

    let mut logger = ExposureLogger::start(
        &a.eval.source,
        &a.exposures,
        specs,
        loaded.kind.reason_source(),
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
                None => Ok(0),
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
) -> Result<()> {
    let Some(logger) = logger else {
        write_client_init(ci, specs, overrides, now_ms(), user, out, |_, _, _| {});
        return Ok(());
    };
    let mut failure = None;
    write_client_init(
        ci,
        specs,
        overrides,
        now_ms(),
        user,
        out,
        |kind, spec, r| {
            if failure.is_none()
                && let Err(e) = logger.log(specs, user, kind, &spec.name, r, None)
            {
                failure = Some(e);
            }
        },
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
        now_ms: now_ms(),
        exposures: stamp.is_some().then_some(&hook as _),
    };
    let settings = StreamSettings {
        jobs: a.jobs.jobs(),
        keep_going: a.keep_going,
    };
    let source = UserSource::Ndjson(path.to_path_buf());
    let streamed = stream::run(&source, settings, &work, |bytes, events| {
        sink.write_all(bytes)?;
        if let Some(l) = logger.as_deref_mut() {
            events.into_iter().try_for_each(|e| l.push(e))?;
        }
        Ok(())
    })?;
    streamed.report();
    Ok(())
}

/// Names given to the entity filters that match no spec of that kind: a warning, or an
/// error with `--strict`.
fn check_names(specs: &CompiledSpecs, opts: &GcirOptions, strict: bool) -> Result<()> {
    type Group<'a> = (&'a Option<Vec<String>>, Kind, &'a str, fn(&Entity) -> bool);
    let groups: [Group<'_>; 4] = [
        (&opts.gates, Kind::Gate, "feature gate", |e| {
            *e == Entity::FeatureGate
        }),
        (&opts.configs, Kind::Config, "dynamic config", |e| {
            *e == Entity::DynamicConfig
        }),
        (&opts.experiments, Kind::Config, "experiment", |e| {
            *e == Entity::Experiment
        }),
        (&opts.layers, Kind::Layer, "layer", |_| true),
    ];
    for (names, kind, word, is) in groups {
        for n in names.iter().flatten() {
            if specs.get(kind, n).is_some_and(|s| is(&s.entity)) {
                continue;
            }
            if strict {
                return Err(Error::input(format!("unknown {word} {n:?} (--strict)")));
            }
            eprintln!("warning: no {word} named {n:?} in the specs");
        }
    }
    Ok(())
}

/// Where responses go: stdout, or a temp file next to the target renamed into place by
/// [`Sink::commit`] (so a failure never leaves half a file behind).
enum Sink {
    Stdout(BufWriter<std::io::Stdout>),
    File {
        w: Option<BufWriter<File>>,
        tmp: PathBuf,
        dest: PathBuf,
    },
}

impl Sink {
    fn open(out: Option<&Path>) -> Result<Sink> {
        let Some(dest) = out else {
            return Ok(Sink::Stdout(BufWriter::with_capacity(
                256 * 1024,
                std::io::stdout(),
            )));
        };
        let file_name = dest
            .file_name()
            .ok_or_else(|| Error::input(format!("--out {}: not a file name", dest.display())))?;
        let dir = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut n = 0u32;
        loop {
            let tmp = dir.join(format!(
                ".{}.tmp-{}-{n}",
                file_name.to_string_lossy(),
                std::process::id()
            ));
            match OpenOptions::new().write(true).create_new(true).open(&tmp) {
                Ok(f) => {
                    return Ok(Sink::File {
                        w: Some(BufWriter::with_capacity(256 * 1024, f)),
                        tmp,
                        dest: dest.to_path_buf(),
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => n += 1,
                Err(e) => return Err(Error::io(dest, e)),
            }
        }
    }

    fn write_all(&mut self, bytes: &[u8]) -> Result<()> {
        match self {
            Sink::Stdout(w) => w.write_all(bytes).map_err(|e| Error::io("stdout", e)),
            Sink::File { w, tmp, .. } => w
                .as_mut()
                .expect("open until commit or abort")
                .write_all(bytes)
                .map_err(|e| Error::io(&*tmp, e)),
        }
    }

    fn commit(self) -> Result<()> {
        match self {
            Sink::Stdout(mut w) => w.flush().map_err(|e| Error::io("stdout", e)),
            Sink::File { mut w, tmp, dest } => {
                let done = (|| -> std::io::Result<()> {
                    let f = w
                        .take()
                        .expect("open until commit")
                        .into_inner()
                        .map_err(|e| e.into_error())?;
                    f.sync_all()?;
                    drop(f);
                    std::fs::rename(&tmp, &dest)
                })();
                done.map_err(|e| {
                    let _ = std::fs::remove_file(&tmp);
                    Error::io(&dest, e)
                })
            }
        }
    }

    fn abort(self) {
        match self {
            Sink::Stdout(mut w) => {
                let _ = w.flush();
            }
            Sink::File { mut w, tmp, .. } => {
                drop(w.take());
                let _ = std::fs::remove_file(&tmp);
            }
        }
    }
}
