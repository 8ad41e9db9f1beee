//! `check-gate`, `get-config`, `get-experiment`, `get-layer`: one entity for one user.

use std::io::Write;

use crate::cli::common::{EvalArgs, LoadedSpecs, eval_options, load_overrides, load_specs_for};
use crate::cli::exposures::{ExposureArgs, ExposureLogger};
use crate::cli::user_args::UserArgs;
use crate::error::{Error, Result};
use crate::eval::Evaluator;
use crate::output::explain::ExplainTrace;
use crate::output::json::{write_exposures, write_str, write_str_list};
use crate::result::{EvalResult, Reason};
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

fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Gate => "gate",
        Kind::Config => "config",
        Kind::Layer => "layer",
    }
}

/// Evaluates one entity and renders `--json` or hands the result to `human`.
#[allow(clippy::too_many_arguments)]
fn run_one(
    kind: Kind,
    name: &str,
    explain: bool,
    user_args: &UserArgs,
    eval: &EvalArgs,
    exposures: &ExposureArgs,
    param: Option<&str>,
    human: &mut dyn FnMut(&EvalResult<'_>, &mut Vec<u8>) -> Result<()>,
) -> Result<(bool, i32)> {
    let user = user_args.to_user()?;
    let LoadedSpecs {
        specs,
        kind: source,
        ..
    } = load_specs_for(&eval.source, &[(kind, name)])?;
    let overrides = load_overrides(eval)?;
    let mut ev =
        Evaluator::with_trace(&specs, &user, eval_options(&specs), ExplainTrace::default());
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
            kind_word(kind)
        );
        if eval.strict {
            return Err(Error::input(format!(
                "unknown {} {name:?} (--strict)",
                kind_word(kind)
            )));
        }
    }
    let mut out = Vec::with_capacity(1024);
    if eval.json {
        write_result_json(&mut out, kind, name, r, source.reason_source(), param);
        out.push(b'\n');
    } else {
        human(r, &mut out)?;
    }
    std::io::stdout()
        .write_all(&out)
        .map_err(|e| Error::io("stdout", e))?;
    let mut code = 0;
    if recognized
        && let Some(mut logger) =
            ExposureLogger::start(&eval.source, exposures, &specs, source.reason_source())?
    {
        logger.log(&specs, &user, kind, name, r, param)?;
        code = logger.finish()?;
    }
    Ok((r.bool, code))
}

/// The `--json` shape of one result.
pub fn write_result_json(
    out: &mut Vec<u8>,
    kind: Kind,
    name: &str,
    r: &EvalResult<'_>,
    source: &str,
    param: Option<&str>,
) {
    out.extend_from_slice(b"{\"name\":");
    write_str(out, name);
    out.extend_from_slice(b",\"value\":");
    match kind {
        Kind::Gate => out.extend_from_slice(if r.bool { b"true" } else { b"false" }),
        _ => out.extend_from_slice(r.json.map(|j| j.json.as_bytes()).unwrap_or(b"{}")),
    }
    if let (Kind::Layer, Some(p)) = (kind, param) {
        out.extend_from_slice(b",\"parameter\":");
        write_str(out, p);
        out.extend_from_slice(b",\"parameter_value\":");
        let v = param_value(r, p);
        let _ = serde_json::to_writer(&mut *out, &v);
    }
    out.extend_from_slice(b",\"rule_id\":");
    write_str(out, r.rule_id_str());
    out.extend_from_slice(b",\"group_name\":");
    match r.group_name {
        Some(g) => write_str(out, g),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"id_type\":");
    write_str(out, r.id_type.unwrap_or(""));
    out.extend_from_slice(b",\"reason\":");
    write_str(out, &format!("{source}:{}", r.reason().as_str()));
    out.extend_from_slice(b",\"secondary_exposures\":");
    write_exposures(out, &r.secondary_exposures);
    if kind == Kind::Layer {
        out.extend_from_slice(b",\"allocated_experiment_name\":");
        match r.config_delegate {
            Some(d) => write_str(out, d),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"explicit_parameters\":");
        write_str_list(out, r.explicit_parameters.unwrap_or(&[]));
        out.extend_from_slice(b",\"undelegated_secondary_exposures\":");
        write_exposures(out, r.undelegated.as_deref().unwrap_or(&[]));
    }
    out.push(b'}');
}

fn value_json(r: &EvalResult<'_>) -> serde_json::Value {
    r.json
        .and_then(|j| serde_json::from_str(&j.json).ok())
        .unwrap_or_else(|| serde_json::json!({}))
}

fn param_value(r: &EvalResult<'_>, p: &str) -> serde_json::Value {
    value_json(r)
        .get(p)
        .cloned()
        .unwrap_or(serde_json::Value::Null)
}

fn pretty(out: &mut Vec<u8>, v: &serde_json::Value) {
    let _ = serde_json::to_writer_pretty(&mut *out, v);
    out.push(b'\n');
}

pub fn check_gate(a: &CheckGateArgs) -> Result<i32> {
    let (passed, code) = run_one(
        Kind::Gate,
        &a.name,
        a.explain,
        &a.user,
        &a.eval,
        &a.exposures,
        None,
        &mut |r, out| {
            out.extend_from_slice(if r.bool { b"true\n" } else { b"false\n" });
            Ok(())
        },
    )?;
    if code != 0 {
        return Ok(code);
    }
    Ok(if a.exit_code && !passed { 1 } else { 0 })
}

pub fn get_config(a: &GetArgs) -> Result<i32> {
    run_one(
        Kind::Config,
        &a.name,
        a.explain,
        &a.user,
        &a.eval,
        &a.exposures,
        None,
        &mut |r, out| {
            pretty(out, &value_json(r));
            Ok(())
        },
    )
    .map(|(_, code)| code)
}

pub fn get_layer(a: &GetLayerArgs) -> Result<i32> {
    let param = a.param.as_deref();
    run_one(
        Kind::Layer,
        &a.name,
        a.explain,
        &a.user,
        &a.eval,
        &a.exposures,
        param,
        &mut |r, out| {
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
        },
    )
    .map(|(_, code)| code)
}
