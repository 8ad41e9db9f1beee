//! `check-gate`, `get-config`, `get-experiment`, `get-layer`: one entity for one user.

use crate::cli::common::{EvalArgs, load_overrides};
use crate::cli::exposures::{ExposureArgs, ExposureLogger};
use crate::cli::user_args::UserArgs;
use crate::error::{Error, ExitCode, Result};
use crate::eval::{EvalOptions, Evaluator};
use crate::output::explain::ExplainTrace;
use crate::output::json::{value_json, write_result_json};
use crate::output::{self, Format};
use crate::result::{EvalResult, Reason};
use crate::source::{LoadedSpecs, load_specs};
use crate::spec::describe::collection;
use crate::spec::model::Kind;

#[derive(Debug, Clone, clap::Args)]
pub struct CheckGateArgs {
    /// The gate's name.
    pub name: String,
    /// Exit with 1 when the gate fails (0 when it passes), for shell `if`.
    #[arg(long)]
    pub exit_code: bool,
    /// Print on stderr every rule and condition looked at, and why each passed or failed.
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    pub user: UserArgs,
    #[command(flatten)]
    pub eval: EvalArgs,
    #[command(flatten)]
    pub exposures: ExposureArgs,
}

#[derive(Debug, Clone, clap::Args)]
pub struct GetArgs {
    /// The config's or experiment's name.
    pub name: String,
    /// Print on stderr every rule and condition looked at, and why each passed or failed.
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    pub user: UserArgs,
    #[command(flatten)]
    pub eval: EvalArgs,
    #[command(flatten)]
    pub exposures: ExposureArgs,
}

#[derive(Debug, Clone, clap::Args)]
pub struct GetLayerArgs {
    /// The layer's name.
    pub name: String,
    /// One parameter of the layer; without it the whole value is printed.
    pub param: Option<String>,
    /// Print on stderr every rule and condition looked at, and why each passed or failed.
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    pub user: UserArgs,
    #[command(flatten)]
    pub eval: EvalArgs,
    #[command(flatten)]
    pub exposures: ExposureArgs,
}

/// What one `check-gate` / `get-*` run asks for.
struct One<'a> {
    kind: Kind,
    name: &'a str,
    /// One parameter of a layer.
    param: Option<&'a str>,
    explain: bool,
    user: &'a UserArgs,
    eval: &'a EvalArgs,
    exposures: &'a ExposureArgs,
}

/// Evaluates one entity and prints it as JSON (`--json`) or as `text` renders it.
fn run_one(
    one: &One<'_>,
    text: &mut dyn FnMut(&EvalResult<'_>, &mut Vec<u8>) -> Result<()>,
) -> Result<(bool, ExitCode)> {
    let One {
        kind,
        name,
        param,
        explain,
        user: user_args,
        eval,
        exposures,
    } = *one;
    let user = user_args.to_user()?;
    let LoadedSpecs {
        specs,
        kind: source,
        ..
    } = load_specs(&eval.source.settings())?;
    let overrides = load_overrides(eval)?;
    let mut ev = Evaluator::with_trace(
        &specs,
        &user,
        EvalOptions::for_specs(&specs),
        ExplainTrace::default(),
    );
    ev.overrides = overrides.as_ref();
    ev.evaluate(kind, name);
    if explain {
        let trace = std::mem::take(&mut ev.trace).into_text();
        if trace.is_empty() {
            eprintln!("explain: no spec was evaluated (override or unknown name)");
        } else {
            eprint!("{trace}");
        }
    }
    let r = &ev.result;
    let recognized = r.reason() != Reason::Unrecognized;
    if !recognized {
        eprintln!(
            "warning: no {} named {name:?} in the specs (reason: Unrecognized)",
            collection(kind)
        );
        if eval.strict {
            return Err(Error::input(format!(
                "unknown {} {name:?} (--strict)",
                collection(kind)
            )));
        }
    }
    let mut out = Vec::with_capacity(1024);
    match Format::choose(eval.output.json, Format::Text, Format::Text) {
        Format::Json => {
            write_result_json(&mut out, kind, name, r, source.reason_source(), param);
            out.push(b'\n');
        }
        _ => text(r, &mut out)?,
    }
    // The exposure is logged whether or not stdout is still open to show the result.
    let mut logger = match recognized {
        true => ExposureLogger::start(&eval.source, exposures, &specs, source.reason_source())?,
        false => None,
    };
    if let Some(l) = logger.as_mut() {
        l.log(&specs, &user, kind, name, r, param)?;
    }
    let written = output::print(&out);
    let code = match logger {
        Some(l) => l.finish()?,
        None => ExitCode::Success,
    };
    written?;
    Ok((r.bool, code))
}

fn pretty(out: &mut Vec<u8>, v: &serde_json::Value) {
    let _ = serde_json::to_writer_pretty(&mut *out, v);
    out.push(b'\n');
}

pub fn check_gate(a: &CheckGateArgs) -> Result<ExitCode> {
    let one = One {
        kind: Kind::Gate,
        name: &a.name,
        param: None,
        explain: a.explain,
        user: &a.user,
        eval: &a.eval,
        exposures: &a.exposures,
    };
    let (passed, code) = run_one(&one, &mut |r, out| {
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
    let one = One {
        kind: Kind::Config,
        name: &a.name,
        param: None,
        explain: a.explain,
        user: &a.user,
        eval: &a.eval,
        exposures: &a.exposures,
    };
    run_one(&one, &mut |r, out| {
        pretty(out, &value_json(r));
        Ok(())
    })
    .map(|(_, code)| code)
}

pub fn get_layer(a: &GetLayerArgs) -> Result<ExitCode> {
    let param = a.param.as_deref();
    let one = One {
        kind: Kind::Layer,
        name: &a.name,
        param,
        explain: a.explain,
        user: &a.user,
        eval: &a.eval,
        exposures: &a.exposures,
    };
    run_one(&one, &mut |r, out| {
        match param {
            Some(p) => {
                let v = value_json(r);
                match v.get(p) {
                    Some(x) => pretty(out, x),
                    None => {
                        eprintln!("warning: layer {:?} has no parameter {p:?}", a.name);
                        pretty(out, &serde_json::Value::Null)
                    }
                }
            }
            None => pretty(out, &value_json(r)),
        }
        Ok(())
    })
    .map(|(_, code)| code)
}
