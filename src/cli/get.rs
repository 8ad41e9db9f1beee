//! `check-gate`, `get-config`, `get-experiment`, `get-layer`: one entity for one user.

use crate::cli::common::{EvalArgs, load_overrides, one_stdin};
use crate::cli::exposures::{ExposureArgs, ExposureLogger};
use crate::cli::persisted::StickyArgs;
use crate::cli::user_args::UserArgs;
use crate::error::{Error, ExitCode, Result};
use crate::eval::evaluator::ConfigRead;
use crate::eval::overrides::LocalOverrides;
use crate::eval::persisted::{Sticky, StickyOp};
use crate::eval::trace::{NoTrace, Recorder, Trace};
use crate::eval::{EvalOptions, Evaluator};
use crate::output::explain::Explanation;
use crate::output::json::{value_json, write_result_json};
use crate::output::{self, Format};
use crate::result::{EvalResult, Reason};
use crate::source::{LoadedSpecs, load_specs, load_specs_for};
use crate::spec::CompiledSpecs;
use crate::spec::describe::{Category, collection};
use crate::spec::model::Kind;
use crate::user::User;

/// What `check-gate` and every `get-*` take besides the entity's name.
#[derive(Debug, Clone, clap::Args)]
pub struct OneArgs {
    /// Show every rule and condition looked at, the user's values they compared, hash
    /// rolls, and which rule decided: as text on stderr, or (`--explain=json`, or with
    /// `--json`) as an `explain` object in the JSON result on stdout.
    #[arg(long, value_enum, num_args = 0..=1, require_equals = true,
          default_missing_value = "auto", value_name = "FORM", help_heading = "Output")]
    pub explain: Option<ExplainForm>,
    #[command(flatten)]
    pub user: UserArgs,
    #[command(flatten)]
    pub eval: EvalArgs,
    #[command(flatten)]
    pub exposures: ExposureArgs,
}

#[derive(Debug, Clone, clap::Args)]
pub struct CheckGateArgs {
    /// The gate's name (on a terminal, picked from the specs when left out).
    #[arg(required = true)]
    pub name: Option<String>,
    /// Exit with 1 when the gate fails (0 when it passes), for shell `if`.
    #[arg(long)]
    pub exit_code: bool,
    #[command(flatten)]
    pub one: OneArgs,
}

/// How a value is printed: one field of it, quotes or not.
#[derive(Debug, Clone, Default, clap::Args)]
#[command(next_help_heading = "Output")]
pub struct ValueArgs {
    /// Print only this field of the value: a dotted path (`plans.0`, `limits.daily`).
    #[arg(long, value_name = "PATH")]
    pub field: Option<String>,
    /// A string without quotes and other values as one line of JSON, for shell scripts.
    #[arg(long, short = 'r')]
    pub raw: bool,
}

#[derive(Debug, Clone, clap::Args)]
pub struct GetArgs {
    /// The config's or experiment's name (on a terminal, picked from the specs when left
    /// out).
    #[arg(required = true)]
    pub name: Option<String>,
    #[command(flatten)]
    pub value: ValueArgs,
    #[command(flatten)]
    pub one: OneArgs,
}

#[derive(Debug, Clone, clap::Args)]
pub struct GetExperimentArgs {
    #[command(flatten)]
    pub get: GetArgs,
    #[command(flatten)]
    pub sticky: StickyArgs,
}

#[derive(Debug, Clone, clap::Args)]
pub struct GetLayerArgs {
    /// The layer's name (on a terminal, picked from the specs when left out).
    #[arg(required = true)]
    pub name: Option<String>,
    /// One parameter of the layer; without it the whole value is printed.
    pub param: Option<String>,
    /// A string without quotes and other values as one line of JSON, for shell scripts.
    #[arg(long, short = 'r', help_heading = "Output")]
    pub raw: bool,
    #[command(flatten)]
    pub sticky: StickyArgs,
    #[command(flatten)]
    pub one: OneArgs,
}

/// How `--explain` is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExplainForm {
    /// Text on stderr, or JSON when the result is JSON.
    Auto,
    Text,
    Json,
}

/// How the entity is read and printed: as the SDK's `get_dynamic_config` or
/// `get_experiment` (for a config), with sticky values or not; the text form bare or not.
#[derive(Clone, Copy)]
struct Read<'a> {
    config_read: ConfigRead,
    sticky: Option<&'a StickyArgs>,
    raw: bool,
}

/// The value `run_one` prints as text, from the entity's name and its result.
type ShownFn<'a> = dyn FnMut(&str, &EvalResult<'_>) -> Result<serde_json::Value> + 'a;

/// The names a person may pick from when `command` is given none: the specs' entities of
/// its kind (experiments for `get-experiment`, configs for `get-config`).
fn pick_name(command: &str, kind: Kind, specs: &CompiledSpecs) -> Result<String> {
    let wanted = |c: Category| match command {
        "check-gate" => c == Category::Gate,
        "get-experiment" => c == Category::Experiment,
        "get-layer" => c == Category::Layer,
        _ => matches!(c, Category::Config | Category::Autotune),
    };
    let names: Vec<&str> = specs
        .specs(kind)
        .iter()
        .filter(|s| wanted(Category::of(s)))
        .map(|s| &*s.name)
        .collect();
    let what = match command {
        "check-gate" => "gate",
        "get-experiment" => "experiment",
        "get-layer" => "layer",
        _ => "config",
    };
    crate::cli::prompt::pick(what, &names)
}

/// Evaluates one entity and prints it: as JSON (`--json`; one line, so NDJSON too), as rows
/// (table, CSV, Markdown), or as text: the value `shown` picks (a gate's boolean, a field,
/// a parameter), bare with `raw`. Without a name, one is picked on a terminal.
fn run_one(
    command: &str,
    kind: Kind,
    name: Option<&str>,
    param: Option<&str>,
    one: &OneArgs,
    read: Read<'_>,
    shown: &mut ShownFn<'_>,
) -> Result<(bool, ExitCode)> {
    if name.is_none() && !crate::cli::prompt::enabled() {
        crate::cli::prompt::missing_name(command);
    }
    let OneArgs {
        explain,
        user: user_args,
        eval,
        exposures,
    } = one;
    let explain = *explain;
    one_stdin(&[eval.specs_stdin(), user_args.stdin()])?;
    let format = match explain {
        Some(ExplainForm::Json) => Format::Json,
        _ => eval
            .output
            .choose(command, Format::ANSWERS, Format::Text, Format::Text)?,
    };
    // A name to pick is asked for before the user; a given one keeps the order (the user
    // is checked before any spec is loaded).
    let mut user = match name {
        Some(_) => Some(user_args.to_user()?),
        None => None,
    };
    let LoadedSpecs {
        specs,
        kind: source,
        ..
    } = match name {
        Some(name) if !eval.has_overrides() => {
            load_specs_for(&eval.source.settings(), &[(kind, name)])?
        }
        // Override flags may name any experiment (a group's value is read from its spec).
        _ => load_specs(&eval.source.settings())?,
    };
    let picked;
    let name = match name {
        Some(n) => n,
        None => {
            picked = pick_name(command, kind, &specs)?;
            &picked
        }
    };
    let user = match user.take() {
        Some(u) => u,
        None => user_args.to_user()?,
    };
    let overrides = load_overrides(eval, &specs)?;
    let mut persisted = match read.sticky {
        Some(s) => s.load()?,
        None => None,
    };
    let how = How {
        opts: EvalOptions::at(&specs, eval.clock()),
        overrides: overrides.as_ref(),
        config_read: read.config_read,
        sticky: read
            .sticky
            .zip(persisted.as_ref())
            .map(|(s, p)| s.settings(p)),
    };
    let (result, recorder, ops) = match explain {
        Some(_) => {
            let (r, t, ops) = evaluate_one(&specs, &user, &how, kind, name, Recorder::default());
            (r, Some(t), ops)
        }
        None => {
            let (r, _, ops) = evaluate_one(&specs, &user, &how, kind, name, NoTrace);
            (r, None, ops)
        }
    };
    let r = &result;
    let explanation = recorder.as_ref().map(|trace| Explanation {
        kind,
        name,
        reason: r.reason(),
        trace,
    });
    let json_out = matches!(format, Format::Json | Format::Ndjson);
    if let Some(x) = &explanation
        && (explain == Some(ExplainForm::Text) || !json_out)
    {
        eprint!("{}", x.to_text());
    }
    let recognized = r.reason() != Reason::Unrecognized;
    if !recognized {
        let hint = specs.suggest(kind, name);
        if eval.strict {
            return Err(Error::Unknown(format!(
                "unknown {} {name:?}{hint} (--strict)",
                collection(kind)
            )));
        }
        crate::util::warn::warn(format_args!(
            "no {} named {name:?} in the specs{hint} (reason: Unrecognized)",
            collection(kind)
        ));
    }
    if let Some(p) = param
        && recognized
    {
        let keys: &[Box<str>] = r.value().map(|j| &*j.keys).unwrap_or_default();
        if !keys.iter().any(|k| &**k == p) {
            let hint = crate::util::suggest::hint(p, keys.iter().map(|k| &**k));
            if eval.strict {
                return Err(Error::Unknown(format!(
                    "layer {name:?} has no parameter {p:?}{hint} (--strict)"
                )));
            }
            crate::util::warn::warn(format_args!(
                "layer {name:?} has no parameter {p:?}{hint}; printing null"
            ));
        }
    }
    let mut out = Vec::with_capacity(1024);
    match format {
        Format::Json | Format::Ndjson => {
            write_result_json(&mut out, kind, name, r, source.reason_source(), param);
            if let Some(x) = &explanation
                && explain != Some(ExplainForm::Text)
            {
                out.pop();
                out.extend_from_slice(b",\"explain\":");
                let _ = serde_json::to_writer(&mut out, &x.to_json());
                out.push(b'}');
            }
            out.push(b'\n');
        }
        Format::Text => {
            let v = shown(name, r)?;
            output::text::value(&mut out, &v, read.raw);
        }
        _ => {
            let v = shown(name, r)?;
            let rows = output::rows::evaluation(kind, name, r, source.reason_source(), param, &v);
            out.extend_from_slice(rows.render(format).unwrap_or_default().as_bytes());
        }
    }
    // The exposure is logged whether or not stdout is still open to show the result.
    let mut logger = match recognized {
        true => ExposureLogger::start(
            &eval.source,
            exposures,
            &specs,
            source.reason_source(),
            eval.clock(),
        )?,
        false => None,
    };
    if let Some(l) = logger.as_mut() {
        l.log(&specs, &user, kind, name, r, param);
    }
    let written = output::print_answer(&out);
    let code = match logger {
        Some(l) => l.finish()?,
        None => ExitCode::Success,
    };
    written?;
    let passed = r.bool;
    drop((recorder, result, how));
    if let (Some(args), Some(p)) = (read.sticky, persisted.as_mut()) {
        let changed = p.apply(ops);
        args.save(p, changed)?;
    }
    Ok((passed, code))
}

/// How one entity is evaluated.
struct How<'s> {
    opts: EvalOptions<'s>,
    overrides: Option<&'s LocalOverrides>,
    config_read: ConfigRead,
    sticky: Option<Sticky<'s>>,
}

/// One top-level evaluation with a trace of type `T` ([`NoTrace`] costs nothing), and the
/// sticky values to save or delete.
fn evaluate_one<'s, T: Trace>(
    specs: &'s CompiledSpecs,
    user: &User,
    how: &How<'s>,
    kind: Kind,
    name: &str,
    trace: T,
) -> (EvalResult<'s>, T, Vec<StickyOp>) {
    let mut ev = Evaluator::with_trace(specs, user, how.opts, trace);
    ev.overrides = how.overrides;
    ev.config_read = how.config_read;
    ev.sticky = how.sticky;
    ev.evaluate(kind, name);
    let ops = std::mem::take(&mut ev.sticky_ops);
    (std::mem::take(&mut ev.result), ev.trace, ops)
}

/// `--field PATH`: the value at a dotted path (array elements by index); an error names the
/// part not found and the keys there are.
fn field<'v>(
    v: &'v serde_json::Value,
    path: &str,
) -> std::result::Result<&'v serde_json::Value, String> {
    let mut at = v;
    for (i, part) in path.split('.').enumerate() {
        let next = match at {
            serde_json::Value::Object(m) => m.get(part),
            serde_json::Value::Array(a) => part.parse::<usize>().ok().and_then(|n| a.get(n)),
            _ => None,
        };
        at = match next {
            Some(n) => n,
            None => {
                let done: Vec<&str> = path.split('.').take(i).collect();
                let here = if done.is_empty() {
                    "the value".to_string()
                } else {
                    format!("{:?}", done.join("."))
                };
                let keys = match at {
                    serde_json::Value::Object(m) => {
                        let k: Vec<&str> = m.keys().map(String::as_str).collect();
                        format!(" (fields: {})", k.join(", "))
                    }
                    serde_json::Value::Array(a) => format!(" ({} elements)", a.len()),
                    _ => String::new(),
                };
                return Err(format!("no field {part:?} in {here}{keys}"));
            }
        };
    }
    Ok(at)
}

pub fn check_gate(a: &CheckGateArgs) -> Result<ExitCode> {
    let (passed, code) = run_one(
        "check-gate",
        Kind::Gate,
        a.name.as_deref(),
        None,
        &a.one,
        Read {
            config_read: ConfigRead::ByEntity,
            sticky: None,
            raw: false,
        },
        &mut |_, r| Ok(serde_json::Value::Bool(r.bool)),
    )?;
    if code != ExitCode::Success {
        return Ok(code);
    }
    Ok(if a.exit_code && !passed {
        ExitCode::No
    } else {
        ExitCode::Success
    })
}

/// `get-config`: the SDK's `get_dynamic_config`.
pub fn get_config(a: &GetArgs) -> Result<ExitCode> {
    let read = Read {
        config_read: ConfigRead::Config,
        sticky: None,
        raw: a.value.raw,
    };
    get_config_as("get-config", a, read)
}

/// `get-experiment`: the SDK's `get_experiment` (experiment overrides, sticky values).
pub fn get_experiment(a: &GetExperimentArgs) -> Result<ExitCode> {
    let read = Read {
        config_read: ConfigRead::Experiment,
        sticky: Some(&a.sticky),
        raw: a.get.value.raw,
    };
    get_config_as("get-experiment", &a.get, read)
}

/// `get-config` and `get-experiment` (`command` names which, for errors).
fn get_config_as(command: &str, a: &GetArgs, read: Read<'_>) -> Result<ExitCode> {
    run_one(
        command,
        Kind::Config,
        a.name.as_deref(),
        None,
        &a.one,
        read,
        &mut |name, r| {
            let v = value_json(r);
            Ok(match &a.value.field {
                Some(path) => field(&v, path)
                    .map_err(|e| Error::Usage(format!("{name:?}: {e}")))?
                    .clone(),
                None => v,
            })
        },
    )
    .map(|(_, code)| code)
}

pub fn get_layer(a: &GetLayerArgs) -> Result<ExitCode> {
    let param = a.param.as_deref();
    run_one(
        "get-layer",
        Kind::Layer,
        a.name.as_deref(),
        param,
        &a.one,
        Read {
            config_read: ConfigRead::ByEntity,
            sticky: Some(&a.sticky),
            raw: a.raw,
        },
        &mut |_, r| {
            let v = value_json(r);
            Ok(match param {
                // An unknown parameter was warned about (or refused, --strict) already.
                Some(p) => v.get(p).cloned().unwrap_or(serde_json::Value::Null),
                None => v,
            })
        },
    )
    .map(|(_, code)| code)
}
