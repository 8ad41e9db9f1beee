//! `get-param-store STORE [PARAM]`: a parameter store read for one user.

use std::io::Write;

use serde_json::Value as Json;

use crate::cli::common::{EvalArgs, load_overrides, one_stdin};
use crate::cli::exposures::{ExposureArgs, ExposureLogger};
use crate::cli::user_args::UserArgs;
use crate::error::ExitCode;
use crate::error::{Error, Result};
use crate::eval::EvalOptions;
use crate::eval::Evaluator;
use crate::eval::param_store::{self, Referenced, ValueType};
use crate::output::Format;
use crate::output::rows;
use crate::result::Reason;
use crate::source::{LoadedSpecs, load_specs};

#[derive(Debug, Clone, clap::Args)]
pub struct GetParamStoreArgs {
    /// The parameter store's name (on a terminal, picked from the specs when left out).
    #[arg(required = true)]
    pub name: Option<String>,
    /// One parameter; without it every parameter is printed as a JSON object (a parameter
    /// the SDK would answer with the caller's fallback is null).
    pub param: Option<String>,
    /// With PARAM: the fallback, as JSON. Its type picks the getter (string, number,
    /// boolean, array, object), as the SDK's typed getters do; without it the getter is the
    /// parameter's param_type and a missing or mistyped value prints null.
    #[arg(long, value_name = "JSON", requires = "param")]
    pub default: Option<String>,
    #[command(flatten)]
    pub user: UserArgs,
    #[command(flatten)]
    pub eval: EvalArgs,
    #[command(flatten)]
    pub exposures: ExposureArgs,
}

pub fn run(a: &GetParamStoreArgs) -> Result<ExitCode> {
    if a.name.is_none() && !crate::cli::prompt::enabled() {
        crate::cli::prompt::missing_name("get-param-store");
    }
    one_stdin(&[a.eval.specs_stdin(), a.user.stdin()])?;
    let format = a.eval.output.choose(
        "get-param-store",
        Format::ANSWERS,
        Format::Text,
        Format::Text,
    )?;
    let fallback: Option<Json> = a
        .default
        .as_deref()
        .map(|d| {
            serde_json::from_str(d)
                .map_err(|e| Error::Usage(format!("--default: not valid JSON ({e}): {d}")))
        })
        .transpose()?;
    let mut user = match a.name {
        Some(_) => Some(a.user.to_user()?),
        None => None,
    };
    let LoadedSpecs {
        specs,
        kind: source,
        ..
    } = load_specs(&a.eval.source.settings())?;
    let name = match &a.name {
        Some(n) => n.clone(),
        None => {
            let names: Vec<&str> = specs.stores.stores.iter().map(|s| &*s.name).collect();
            crate::cli::prompt::pick("parameter store", &names)?
        }
    };
    let user = match user.take() {
        Some(u) => u,
        None => a.user.to_user()?,
    };
    let overrides = load_overrides(&a.eval, &specs)?;
    let found = param_store::store_for(&specs, overrides.as_ref(), &user, &name);
    let reason = match found {
        Some((_, r)) => r,
        None => {
            let hint = specs.stores.suggest(&name);
            if a.eval.strict {
                return Err(Error::Unknown(format!(
                    "unknown parameter store {:?}{hint} (--strict)",
                    name
                )));
            }
            crate::util::warn::warn(format_args!(
                "no parameter store named {:?} in the specs{hint} (reason: Unrecognized)",
                name
            ));
            Reason::Unrecognized
        }
    };
    let mut logger = ExposureLogger::start(
        &a.eval.source,
        &a.exposures,
        &specs,
        source.reason_source(),
        a.eval.clock(),
    )?;
    let mut ev = Evaluator::new(&specs, &user, EvalOptions::for_specs(&specs));
    ev.overrides = overrides.as_ref();
    let mut seen = |r: Referenced<'_, '_>| {
        if let Some(l) = logger.as_mut() {
            l.log(&specs, &user, r.kind, r.name, r.result, r.layer_param);
        }
    };
    let value = match (&a.param, found) {
        (Some(p), store) => {
            let param = store.and_then(|(s, _)| s.get(p));
            if let Some((s, _)) = store
                && param.is_none()
            {
                let hint = s.suggest(p);
                if a.eval.strict {
                    return Err(Error::Unknown(format!(
                        "parameter store {:?} has no parameter {p:?}{hint} (--strict)",
                        name
                    )));
                }
                crate::util::warn::warn(format_args!(
                    "parameter store {:?} has no parameter {p:?}{hint}",
                    name
                ));
            }
            let ty = match (&fallback, param) {
                (Some(f), _) => ValueType::of_fallback(f),
                (None, Some(param)) => ValueType::of_param_type(&param.param_type),
                (None, None) => ValueType::Any,
            };
            let read = param.and_then(|param| param_store::read(&mut ev, param, ty, &mut seen));
            read.or(fallback).unwrap_or(Json::Null)
        }
        (None, Some((store, _))) => Json::Object(
            param_store::read_all(&mut ev, store, &mut seen)
                .into_iter()
                .map(|(k, v)| (k.into(), v.unwrap_or(Json::Null)))
                .collect(),
        ),
        (None, None) => Json::Object(Default::default()),
    };
    let mut out = Vec::with_capacity(1024);
    let reason = format!("{}:{}", source.reason_source(), reason.as_str());
    if let Some(rows) = rows::param_store(&name, a.param.as_deref(), &value, &reason).render(format)
    {
        out.extend_from_slice(rows.as_bytes());
    } else if matches!(format, Format::Json | Format::Ndjson) {
        let mut o = serde_json::Map::new();
        o.insert("name".into(), Json::from(name.as_str()));
        if let Some(p) = &a.param {
            o.insert("parameter".into(), Json::from(p.as_str()));
        }
        o.insert("value".into(), value);
        o.insert("reason".into(), Json::from(reason));
        let _ = serde_json::to_writer(&mut out, &Json::Object(o));
        out.push(b'\n');
    } else {
        let _ = serde_json::to_writer_pretty(&mut out, &value);
        out.push(b'\n');
    }
    std::io::stdout()
        .write_all(&out)
        .map_err(|e| Error::io("stdout", e))?;
    match logger {
        Some(l) => l.finish(),
        None => Ok(ExitCode::Success),
    }
}
