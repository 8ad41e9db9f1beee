//! Per-user NDJSON output over a stream: evaluation records (`evaluate --users`) and
//! client-initialize responses (`client-init --users`), with exposures built on the worker
//! threads and delivered by the caller in input order.

use super::client_init::ClientInit;
use super::json::{Fields, Selection, write_evaluation_fields_with};
use crate::eval::overrides::LocalOverrides;
use crate::eval::{EvalOptions, Evaluator, Scratch};
use crate::events::Event;
use crate::population::stream::UserWork;
use crate::result::EvalResult;
use crate::spec::CompiledSpecs;
use crate::spec::model::{Kind, Spec};
use crate::user::User;

/// Builds the exposure events of one result (`--log-exposures`).
pub type ExposureHook<'a> =
    &'a (dyn Fn(&User, Kind, &Spec, &EvalResult<'_>, &mut Vec<Event>) + Sync);

/// One evaluation record per user, with the chosen fields.
pub struct EvaluationRecords<'a, 's> {
    pub specs: &'s CompiledSpecs,
    pub overrides: Option<&'s LocalOverrides>,
    pub selection: &'a Selection,
    pub fields: Fields,
    pub opts: EvalOptions<'s>,
    pub exposures: Option<ExposureHook<'a>>,
}

impl<'s> UserWork for EvaluationRecords<'_, 's> {
    /// The evaluator's buffers, reused from user to user.
    type Worker = Scratch<'s>;
    /// The exposures of the chunk's users, in order.
    type Acc = Vec<Event>;

    fn worker(&self) -> Scratch<'s> {
        Scratch::default()
    }

    fn acc(&self) -> Vec<Event> {
        Vec::new()
    }

    fn user(
        &self,
        scratch: &mut Scratch<'s>,
        events: &mut Vec<Event>,
        user: &User,
        out: &mut Vec<u8>,
    ) -> crate::Result<()> {
        let buffers = std::mem::take(scratch);
        let mut ev = Evaluator::with_scratch(self.specs, user, self.opts, buffers);
        ev.overrides = self.overrides;
        let hook = self.exposures;
        write_evaluation_fields_with(out, &mut ev, self.selection, self.fields, &mut |k, s, r| {
            if let Some(h) = hook {
                h(user, k, s, r, events);
            }
        });
        *scratch = ev.into_scratch();
        out.push(b'\n');
        Ok(())
    }
}

/// One client-initialize response per user.
pub struct ClientInitRecords<'a, 's> {
    /// Cloned into every worker thread.
    pub template: ClientInit<'s>,
    pub specs: &'s CompiledSpecs,
    pub overrides: Option<&'s LocalOverrides>,
    pub now_ms: i64,
    pub exposures: Option<ExposureHook<'a>>,
}

impl<'s> UserWork for ClientInitRecords<'_, 's> {
    type Worker = ClientInit<'s>;
    type Acc = Vec<Event>;

    fn worker(&self) -> ClientInit<'s> {
        self.template.clone()
    }

    fn acc(&self) -> Vec<Event> {
        Vec::new()
    }

    fn user(
        &self,
        ci: &mut ClientInit<'s>,
        events: &mut Vec<Event>,
        user: &User,
        out: &mut Vec<u8>,
    ) -> crate::Result<()> {
        write_client_init(
            ci,
            self.specs,
            self.overrides,
            self.now_ms,
            user,
            out,
            |k, s, r| {
                if let Some(h) = self.exposures {
                    h(user, k, s, r, events);
                }
            },
        );
        out.push(b'\n');
        Ok(())
    }
}

/// One client-initialize response for `user`, handing each entry's result to `seen`.
pub fn write_client_init<'s>(
    ci: &mut ClientInit<'s>,
    specs: &'s CompiledSpecs,
    overrides: Option<&'s LocalOverrides>,
    now_ms: i64,
    user: &User,
    out: &mut Vec<u8>,
    mut seen: impl FnMut(Kind, &Spec, &EvalResult<'_>),
) {
    debug_assert!(std::ptr::eq(specs, ci.specs()));
    let mut ev = ci.evaluator(user, now_ms);
    ev.overrides = overrides;
    ci.write_with(out, &mut ev, &mut |k, s, r| seen(k, s, r));
    ci.recycle(ev);
}
