//! `--log-exposures` for the evaluating commands: builds gate, config and layer exposures from
//! results and hands them to a durable delivery. The server key, API, timeout and retries are
//! the spec-source flags.

use clap::Args;

use crate::cli::args::{DeliveryArgs, SourceArgs};
use crate::error::{ExitCode, Result};
use crate::events::Delivery;
use crate::events::exposure::{
    self, Common, ConfigExposureInput, Deduper, Details, GateExposureInput, LayerExposureInput,
};
use crate::events::open::{DeliverySettings, open_delivery};
use crate::events::sampling::{Decision, Sampler, SamplingInfo};
use crate::result::EvalResult;
use crate::spec::CompiledSpecs;
use crate::spec::model::Entity;
use crate::spec::model::Kind;
use crate::user::User;
use crate::util::clock::Clock;
use crate::util::warn::warn;

#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Events")]
pub struct ExposureArgs {
    /// Log an exposure for each gate, config and layer parameter evaluated (batched,
    /// spooled to disk, retried; `statsig events flush` resends what could not be sent).
    #[arg(long)]
    pub log_exposures: bool,

    /// Exit with 3 when the exposures could not be delivered. Without it the exit code
    /// answers the command's question and delivery trouble is one warning on stderr (the
    /// exposures stay spooled for `statsig events flush` either way).
    #[arg(long, requires = "log_exposures")]
    pub strict_delivery: bool,

    /// Log every exposure. Without it, exposures are sampled as the payload's
    /// `sdk_configs.sampling_mode` tells the SDKs (`on`: some are dropped; `shadow`: all
    /// are logged, marked), with the core's deterministic decision.
    #[arg(long, requires = "log_exposures")]
    pub no_sampling: bool,

    #[command(flatten)]
    pub delivery: DeliveryArgs,
}

/// Collects exposures for one run and delivers them. Logging is a side effect of the
/// command: a failure to spool or send is kept for [`ExposureLogger::finish`], which decides
/// whether it changes the exit code (`--strict-delivery`) or is only a warning.
pub struct ExposureLogger {
    delivery: Delivery,
    dedupe: Deduper,
    /// The payload's exposure sampling, unless `--no-sampling`.
    sampler: Option<Sampler>,
    stamp: ExposureStamp,
    strict: bool,
    /// The first failure to spool an exposure.
    failed: Option<crate::Error>,
}

/// What every exposure of a run carries; builds the events of a result on any thread.
#[derive(Debug, Clone, Copy)]
pub struct ExposureStamp {
    reason_source: &'static str,
    lcut: i64,
    init_time: i64,
    /// The exposures' time when the clock is fixed (`--at`); else each is stamped now.
    time: Option<i64>,
}

impl ExposureLogger {
    /// `None` unless `--log-exposures` was given.
    pub fn start(
        src: &SourceArgs,
        x: &ExposureArgs,
        specs: &CompiledSpecs,
        reason_source: &'static str,
        clock: Clock,
    ) -> Result<Option<ExposureLogger>> {
        if !x.log_exposures {
            return Ok(None);
        }
        let net = &src.network;
        let delivery = open_delivery(DeliverySettings {
            key: net.key.resolve()?,
            no_send: false,
            without_key: "or leave out --log-exposures",
            api: net.api.clone(),
            log_event_url: x.delivery.log_event_url.clone(),
            batch_size: x.delivery.batch_size,
            spool: x.delivery.spool.clone(),
            retries: net.retries,
            timeout: net.timeout,
            retry_base_ms: x.delivery.retry_base_ms,
        })?;
        Ok(Some(ExposureLogger {
            delivery,
            dedupe: Deduper::default(),
            sampler: match x.no_sampling {
                true => None,
                false => Sampler::new(&specs.sdk_configs),
            },
            strict: x.strict_delivery,
            failed: None,
            stamp: ExposureStamp {
                reason_source,
                lcut: specs.time,
                init_time: clock.now_ms(),
                time: clock.fixed(),
            },
        }))
    }

    /// The stamp, for building events on worker threads ([`ExposureStamp::events`]).
    pub fn stamp(&self) -> ExposureStamp {
        self.stamp
    }

    /// Delivers an event unless an equal one was delivered already or sampling drops it. A
    /// failure is kept for [`ExposureLogger::finish`]; the command goes on.
    pub fn push(&mut self, mut event: crate::events::Event) {
        if self.failed.is_some() || !self.dedupe.first_time(&event) {
            return;
        }
        if let (Some(s), Some(info)) = (self.sampler.as_mut(), event.sampling.take()) {
            match s.decide(&event, &info) {
                Decision::Log => {}
                Decision::Drop => return,
                Decision::Sampled(fields) => event.statsig_metadata = Some(fields),
            }
        }
        if let Err(e) = self.delivery.push(&event) {
            self.failed = Some(e);
        }
    }

    /// Logs the exposures a result implies: the gate, the config, or every parameter of
    /// the layer's value (or only `param`).
    pub fn log(
        &mut self,
        specs: &CompiledSpecs,
        user: &User,
        kind: Kind,
        name: &str,
        r: &EvalResult<'_>,
        param: Option<&str>,
    ) {
        let mut events = Vec::new();
        self.stamp
            .events(specs, user, kind, name, r, param, &mut events);
        events.into_iter().for_each(|e| self.push(e));
    }

    /// Delivers (or spools) what was logged. Success when delivered; otherwise one warning
    /// on stderr and success, or with `--strict-delivery` the error (3 when the server could
    /// not be reached or refused, 2 when the spool could not be written).
    pub fn finish(self) -> Result<ExitCode> {
        let dir = self.delivery.spool().dir().display().to_string();
        let finished = match self.failed {
            Some(e) => {
                drop(self.delivery);
                Err(e)
            }
            None => self.delivery.finish(),
        };
        let report = match finished {
            Ok(r) => r,
            Err(e) if self.strict => return Err(e),
            Err(e) => {
                warn(format_args!(
                    "exposures not logged: {e} (--strict-delivery makes this an error)"
                ));
                return Ok(ExitCode::Success);
            }
        };
        for note in &report.notes {
            eprintln!("statsig: spool: {note}");
        }
        let summary = report.summary(&dir);
        if report.delivered() {
            // Earlier runs' events the server refused: worth a line, not this run's failure.
            if report.dead > 0 {
                warn(summary.strip_prefix("statsig: ").unwrap_or(&summary));
            }
            return Ok(ExitCode::Success);
        }
        let summary = summary.strip_prefix("statsig: ").unwrap_or(&summary);
        if self.strict {
            eprintln!("error: exposures not delivered: {summary}");
            return Ok(ExitCode::Network);
        }
        warn(format_args!(
            "exposures not delivered ({summary}); `statsig events flush` sends them later \
             (--strict-delivery makes this exit 3)"
        ));
        Ok(ExitCode::Success)
    }
}

impl ExposureStamp {
    /// Appends the exposures a result implies: the gate, the config, or every parameter of
    /// the layer's value (or only `param`).
    #[allow(clippy::too_many_arguments)]
    pub fn events(
        &self,
        specs: &CompiledSpecs,
        user: &User,
        kind: Kind,
        name: &str,
        r: &EvalResult<'_>,
        param: Option<&str>,
        sink: &mut Vec<crate::events::Event>,
    ) {
        let reason = r.reason().with_source(self.reason_source);
        let details = Details {
            reason: Some(&reason),
            config_sync_time: Some(self.lcut),
            init_time: Some(self.init_time),
            time: self.time,
        };
        let common = Common {
            details,
            ..Common::default()
        };
        match kind {
            Kind::Gate => {
                let mut e =
                    exposure::gate(Some(user), &GateExposureInput::from_result(name, r, common));
                e.sampling = Some(Box::new(SamplingInfo::from_result(kind, false, r, None)));
                sink.push(e);
            }
            Kind::Config => {
                let mut e = exposure::config(
                    Some(user),
                    &ConfigExposureInput::from_result(name, r, common),
                );
                // Read as the core's client-initialize reads it: by the spec's entity.
                let experiment = specs
                    .get(Kind::Config, name)
                    .is_some_and(|s| s.entity != Entity::DynamicConfig);
                e.sampling = Some(Box::new(SamplingInfo::from_result(
                    kind, experiment, r, None,
                )));
                sink.push(e);
            }
            Kind::Layer => {
                let all: &[Box<str>] = r.value().map(|j| &*j.keys).unwrap_or_default();
                let params: Vec<&str> = match param {
                    Some(p) => vec![p],
                    None => all.iter().map(|k| &**k).collect(),
                };
                // The legacy SDK logs the allocated experiment's version.
                let version = r
                    .config_delegate
                    .and_then(|d| specs.get(Kind::Config, d))
                    .and_then(|s| s.version);
                for p in params {
                    let c = Common {
                        version,
                        ..common.clone()
                    };
                    let mut e = exposure::layer(
                        Some(user),
                        &LayerExposureInput::from_result(name, p, r, c),
                    );
                    e.sampling = Some(Box::new(SamplingInfo::from_result(kind, false, r, Some(p))));
                    sink.push(e);
                }
            }
        }
    }
}
