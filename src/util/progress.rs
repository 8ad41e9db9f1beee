//! Progress of long runs (a population evaluated, events sent) on stderr: an indicatif bar,
//! or a spinner when the total is unknown, drawn only when stderr is a terminal and
//! `-q/--quiet` is off, and only once the run has lasted [`DELAY`] (a short run draws
//! nothing, so it does not flicker). Otherwise not one byte is written.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before its progress is drawn.
pub const DELAY: Duration = Duration::from_millis(300);

/// Whether progress is drawn in this process: stderr is a terminal and not `--quiet`.
pub fn shown() -> bool {
    std::io::stderr().is_terminal() && !crate::util::warn::quiet()
}

/// The progress of one run, counting `unit`s (`users`, `events`).
pub struct Progress {
    what: String,
    unit: &'static str,
    total: Option<u64>,
    pos: u64,
    started: Instant,
    /// Whether to draw at all (decided once).
    on: bool,
    bar: Option<ProgressBar>,
}

impl Progress {
    /// `what` leads the line (`evaluating`); `total` makes it a bar, else a spinner.
    pub fn new(what: &str, unit: &'static str, total: Option<u64>) -> Progress {
        Progress {
            what: what.to_string(),
            unit,
            total,
            pos: 0,
            started: Instant::now(),
            on: shown(),
            bar: None,
        }
    }

    /// Adds `n` done.
    pub fn inc(&mut self, n: u64) {
        self.pos += n;
        if !self.on {
            return;
        }
        if self.bar.is_none() && self.started.elapsed() >= DELAY {
            self.bar = Some(self.draw());
        }
        if let Some(b) = &self.bar {
            b.set_position(self.pos);
        }
    }

    fn draw(&self) -> ProgressBar {
        let unit = self.unit;
        let (bar, template) = match self.total {
            Some(n) => (
                ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
                format!(
                    "{{msg}} [{{bar:30}}] {{human_pos}}/{{human_len}} {unit} \
                     {{per_sec}} eta {{eta}}"
                ),
            ),
            None => (
                ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
                format!("{{spinner}} {{msg}} {{human_pos}} {unit} {{per_sec}}"),
            ),
        };
        let style = ProgressStyle::with_template(&template)
            .expect("a valid template")
            .progress_chars("=> ");
        bar.set_style(style);
        bar.set_message(self.what.clone());
        bar
    }

    /// Runs `f` (which writes to the terminal) with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(b) => b.suspend(f),
            None => f(),
        }
    }

    /// Clears the line (also on drop).
    pub fn finish(&mut self) {
        if let Some(b) = self.bar.take() {
            b.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_drawn_before_the_delay_or_off_a_terminal() {
        let mut p = Progress::new("x", "users", Some(10));
        p.on = true;
        p.inc(1);
        assert!(p.bar.is_none(), "drawn before {DELAY:?}");
        let mut p = Progress::new("x", "users", None);
        p.on = false;
        p.started -= DELAY * 2;
        p.inc(5);
        assert!(p.bar.is_none());
        assert_eq!(p.pos, 5);
    }
}
