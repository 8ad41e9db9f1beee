//! `check-gate`, `get-config`, `get-experiment`, `get-layer`: one entity for one user.

use crate::cli::common::{EvalArgs, load_overrides};
use crate::cli::exposures::{ExposureArgs, ExposureLogger};
use crate::cli::user_args::UserArgs;
use crate::error::{Error, ExitCode, Result};
use crate::eval::overrides::LocalOverrides;
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
          default_missing_value = "auto", value_name = "FORM")]
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

/// What a command evaluates: the name given, or (on a terminal) one picked among the specs'
/// entities of this category.
struct Target<'a> {
    kind: Kind,
    category: Category,
    name: Option<&'a str>,
}

impl Target<'_> {
    /// The subcommand, for clap's missing-argument error.
    fn command(&self) -> &'static str {
        match self.category {
            Category::Gate => "check-gate",
            Category::Experiment => "get-experiment",
            Category::Layer => "get-layer",
            _ => "get-config",
        }
    }

    /// The name picked from `specs`.
    fn pick(&self, specs: &CompiledSpecs) -> Result<String> {
        let names: Vec<&str> = specs
            .specs(self.kind)
            .iter()
            .filter(|s| match (self.category, Category::of(s)) {
                (Category::Config, c) => matches!(c, Category::Config | Category::Autotune),
                (want, c) => want == c,
            })
            .map(|s| &*s.name)
            .collect();
        crate::cli::prompt::pick(self.category.as_str(), &names)
    }
}

/// Renders a result as text into the buffer, given the entity's name.
type TextFn<'a> = dyn FnMut(&str, &EvalResult<'_>, &mut Vec<u8>) -> Result<()> + 'a;

/// Evaluates one entity and prints it as JSON (`--json`) or as `text` renders it (given
/// the entity's name).
fn run_one(
    target: Target<'_>,
    param: Option<&str>,
    one: &OneArgs,
    text: &mut TextFn<'_>,
) -> Result<(bool, ExitCode)> {
    let kind = target.kind;
    if target.name.is_none() && !crate::cli::prompt::enabled() {
        crate::cli::prompt::missing_name(target.command());
    }
    let OneArgs {
        explain,
        user: user_args,
        eval,
        exposures,
    } = one;
    let explain = *explain;
    // A name to pick is asked for before the user; a given one keeps today's order (the
    // user is checked before any spec is loaded).
    let mut user = match target.name {
        Some(_) => Some(user_args.to_user()?),
        None => None,
    };
    let LoadedSpecs {
        specs,
        kind: source,
        ..
    } = match target.name {
        Some(name) if !eval.has_overrides() => {
            load_specs_for(&eval.source.settings(), &[(kind, name)])?
        }
        // Override flags may name any experiment (a group's value is read from its spec).
        _ => load_specs(&eval.source.settings())?,
    };
    let picked;
    let name = match target.name {
        Some(n) => n,
        None => {
            picked = target.pick(&specs)?;
            &picked
        }
    };
    let user = match user.take() {
        Some(u) => u,
        None => user_args.to_user()?,
    };
    let overrides = load_overrides(eval, &specs)?;
    let opts = EvalOptions::at(&specs, eval.clock());
    let (result, recorder) = match explain {
        Some(_) => {
            let (r, t) = evaluate_one(
                &specs,
                &user,
                opts,
                overrides.as_ref(),
                kind,
                name,
                Recorder::default(),
            );
            (r, Some(t))
        }
        None => (
            evaluate_one(&specs, &user, opts, overrides.as_ref(), kind, name, NoTrace).0,
            None,
        ),
    };
    let r = &result;
    let explanation = recorder.as_ref().map(|trace| Explanation {
        kind,
        name,
        reason: r.reason(),
        trace,
    });
    let json_out = eval.output.wants_json() || explain == Some(ExplainForm::Json);
    if let Some(x) = &explanation
        && (explain == Some(ExplainForm::Text) || !json_out)
    {
        eprint!("{}", x.to_text());
    }
    let recognized = r.reason() != Reason::Unrecognized;
    if !recognized {
        crate::util::warn::warn(format_args!(
            "no {} named {name:?} in the specs (reason: Unrecognized)",
            collection(kind)
        ));
        if eval.strict {
            return Err(Error::input(format!(
                "unknown {} {name:?} (--strict)",
                collection(kind)
            )));
        }
    }
    let mut out = Vec::with_capacity(1024);
    match Format::choose(json_out, Format::Text, Format::Text) {
        Format::Json => {
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
        _ => text(name, r, &mut out)?,
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
    let written = output::print(&out);
    let code = match logger {
        Some(l) => l.finish()?,
        None => ExitCode::Success,
    };
    written?;
    Ok((r.bool, code))
}

/// One top-level evaluation with a trace of type `T` ([`NoTrace`] costs nothing).
fn evaluate_one<'s, T: Trace>(
    specs: &'s CompiledSpecs,
    user: &User,
    opts: EvalOptions<'s>,
    overrides: Option<&'s LocalOverrides>,
    kind: Kind,
    name: &str,
    trace: T,
) -> (EvalResult<'s>, T) {
    let mut ev = Evaluator::with_trace(specs, user, opts, trace);
    ev.overrides = overrides;
    ev.evaluate(kind, name);
    (std::mem::take(&mut ev.result), ev.trace)
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

/// Pretty JSON, or with `raw` a string bare and anything else as one line of JSON.
fn print_value(out: &mut Vec<u8>, v: &serde_json::Value, raw: bool) {
    match (raw, v) {
        (true, serde_json::Value::String(s)) => {
            out.extend_from_slice(s.as_bytes());
            out.push(b'\n');
        }
        (true, _) => {
            let _ = serde_json::to_writer(&mut *out, v);
            out.push(b'\n');
        }
        (false, _) => pretty(out, v),
    }
}

fn pretty(out: &mut Vec<u8>, v: &serde_json::Value) {
    let _ = serde_json::to_writer_pretty(&mut *out, v);
    out.push(b'\n');
}

pub fn check_gate(a: &CheckGateArgs) -> Result<ExitCode> {
    let target = Target {
        kind: Kind::Gate,
        category: Category::Gate,
        name: a.name.as_deref(),
    };
    let (passed, code) = run_one(target, None, &a.one, &mut |_, r, out| {
        out.extend_from_slice(if r.bool { b"true\n" } else { b"false\n" });
        Ok(())
    })?;
    if code != ExitCode::Success {
        return Ok(code);
    }
    Ok(if a.exit_code && !passed {
        ExitCode::No
    } else {
        ExitCode::Success
    })
}

pub fn get_config(a: &GetArgs) -> Result<ExitCode> {
    get_config_or_experiment(a, Category::Config)
}

pub fn get_experiment(a: &GetArgs) -> Result<ExitCode> {
    get_config_or_experiment(a, Category::Experiment)
}

fn get_config_or_experiment(a: &GetArgs, category: Category) -> Result<ExitCode> {
    let target = Target {
        kind: Kind::Config,
        category,
        name: a.name.as_deref(),
    };
    run_one(target, None, &a.one, &mut |name, r, out| {
        let v = value_json(r);
        let shown = match &a.value.field {
            Some(path) => field(&v, path).map_err(|e| Error::input(format!("{name:?}: {e}")))?,
            None => &v,
        };
        print_value(out, shown, a.value.raw);
        Ok(())
    })
    .map(|(_, code)| code)
}

pub fn get_layer(a: &GetLayerArgs) -> Result<ExitCode> {
    let param = a.param.as_deref();
    let target = Target {
        kind: Kind::Layer,
        category: Category::Layer,
        name: a.name.as_deref(),
    };
    run_one(target, param, &a.one, &mut |name, r, out| {
        match param {
            Some(p) => {
                let v = value_json(r);
                match v.get(p) {
                    Some(x) => print_value(out, x, a.raw),
                    None => {
                        crate::util::warn::warn(format_args!(
                            "layer {name:?} has no parameter {p:?}"
                        ));
                        print_value(out, &serde_json::Value::Null, a.raw)
                    }
                }
            }
            None => print_value(out, &value_json(r), a.raw),
        }
        Ok(())
    })
    .map(|(_, code)| code)
}
