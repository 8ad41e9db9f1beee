//! The clock: now, in Unix epoch milliseconds (the one place the crate reads the time of day),
//! and [`Clock`], "now" for one run: the system clock or a fixed instant (`--at`, or `at:` in
//! a test file), so `current_time` conditions, time-bounded config mappings and event
//! timestamps give the same answer on every date. `--at` text is read by
//! `spec::time::parse_clock` (the spec layer, above this one).

/// Now, in Unix epoch milliseconds.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Where "now" comes from. Pass it down; read it with [`Clock::now_ms`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Clock {
    #[default]
    System,
    /// A fixed instant in Unix epoch milliseconds.
    Fixed(i64),
}

impl Clock {
    /// Now, in Unix epoch milliseconds.
    pub fn now_ms(self) -> i64 {
        match self {
            Clock::System => now_ms(),
            Clock::Fixed(ms) => ms,
        }
    }

    /// `Some(ms)` when the clock is fixed.
    pub fn fixed(self) -> Option<i64> {
        match self {
            Clock::System => None,
            Clock::Fixed(ms) => Some(ms),
        }
    }
}
