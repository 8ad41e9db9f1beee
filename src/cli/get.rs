//! `check-gate`, `get-config`, `get-experiment`, `get-layer`: one entity for one user.

use std::io::Write;

use crate::cli::common::{EvalArgs, LoadedSpecs, eval_options, load_overrides, load_specs};
use crate::cli::exposures::{ExposureArgs, ExposureLogger};
use crate::cli::user_args::UserArgs;
use crate::error::{Error, Result};
use crate::eval::EvalOptions;
use crate::eval::Evaluator;
use crate::eval::overrides::LocalOverrides;
use crate::eval::trace::{NoTrace, Recorder, Trace};
use crate::output::explain::Explanation;
use crate::output::json::{write_exposures, write_str, write_str_list};
use crate::result::{EvalResult, Reason};
use crate::spec::CompiledSpecs;
use crate::spec::model::Kind;
use crate::user::User;

#[derive(Debug, Clone, clap::Args)]
pub struct CheckGateArgs {
    /// The gate's name.
    pub name: String,
    /// Exit with 1 when the gate fails (0 when it passes), for shell `if`.
    #[arg(long)]
    pub exit_code: bool,
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
pub struct GetArgs {
    /// The config's or experiment's name.
    pub name: String,
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
pub struct GetLayerArgs {
    /// The layer's name.
    pub name: String,
    /// One parameter of the layer; without it the whole value is printed.
    pub param: Option<String>,
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

/// How `--explain` is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExplainForm {
    /// Text on stderr, or JSON when the result is JSON.
    Auto,
    Text,
    Json,
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
    explain: Option<ExplainForm>,
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
    } = load_specs(&eval.source)?;
    let overrides = load_overrides(eval)?;
    let opts = eval_options(&specs, eval.clock());
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
        result: r,
        trace,
    });
    let json_out = eval.json || explain == Some(ExplainForm::Json);
    if let Some(x) = &explanation
        && (explain == Some(ExplainForm::Text) || !json_out)
    {
        eprint!("{}", x.to_text());
    }
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
    if json_out {
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
    } else {
        human(r, &mut out)?;
    }
    std::io::stdout()
        .write_all(&out)
        .map_err(|e| Error::io("stdout", e))?;
    let mut code = 0;
    if recognized
        && let Some(mut logger) = ExposureLogger::start(
            &eval.source,
            exposures,
            &specs,
            source.reason_source(),
            eval.clock(),
        )?
    {
        logger.log(&specs, &user, kind, name, r, param)?;
        code = logger.finish()?;
    }
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
