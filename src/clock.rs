//! "Now" for one run: the system clock, or a fixed instant (`--at`, or `at:` at the top of a
//! test file), so `current_time` conditions, time-bounded config mappings and event
//! timestamps give the same answer on every date.

use crate::eval::time::parse_timestamp_target;

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
            Clock::System => crate::session::now_ms(),
            Clock::Fixed(ms) => ms,
        }
    }

    /// Reads `TIME`: epoch milliseconds (`1767225600000`), RFC 3339
    /// (`2026-01-01T00:00:00Z`, `2026-01-01T01:00:00+01:00`), `YYYY-MM-DD HH:MM:SS` (UTC) or
    /// a bare date `YYYY-MM-DD` (midnight UTC).
    pub fn parse(text: &str) -> Result<Clock, String> {
        let t = text.trim();
        let ms = t.parse::<i64>().ok().or_else(|| {
            let is_date = t.len() == 10 && t.as_bytes()[4] == b'-' && t.as_bytes()[7] == b'-';
            if is_date {
                parse_timestamp_target(&format!("{t}T00:00:00Z"))
            } else {
                parse_timestamp_target(t)
            }
        });
        match ms {
            Some(ms) => Ok(Clock::Fixed(ms)),
            None => Err(format!(
                "{text:?} is not a time: give RFC 3339 (2026-01-31T12:00:00Z), a date \
                 (2026-01-31) or epoch milliseconds (1769860800000)"
            )),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_forms() {
        // 2026-01-01T00:00:00Z = 20454 days × 86 400 000 ms.
        let jan1 = 20_454i64 * 86_400_000;
        assert_eq!(Clock::parse("2026-01-01T00:00:00Z"), Ok(Clock::Fixed(jan1)));
        assert_eq!(Clock::parse("2026-01-01"), Ok(Clock::Fixed(jan1)));
        assert_eq!(
            Clock::parse("2026-01-01T01:00:00+01:00"),
            Ok(Clock::Fixed(jan1))
        );
        assert_eq!(Clock::parse("1767225600000"), Ok(Clock::Fixed(jan1)));
        assert!(Clock::parse("next tuesday").is_err());
        assert_eq!(Clock::Fixed(5).now_ms(), 5);
        assert!(Clock::System.now_ms() > jan1 - 365 * 86_400_000);
    }
}
