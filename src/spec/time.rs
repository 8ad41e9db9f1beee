//! Timestamps for `before`/`after`/`on`: integers, RFC 3339 and `YYYY-MM-DD HH:MM:SS` (UTC).

/// Timestamp facet of a user-side string: an `i64`, else (only for 8–20 bytes containing `-`,
/// `T` or `:`) an RFC 3339 or `YYYY-MM-DD HH:MM:SS` date, in milliseconds.
pub fn parse_timestamp_user(s: &str) -> Option<i64> {
    if let Ok(i) = s.parse::<i64>() {
        return Some(i);
    }
    if s.len() < 8 || s.len() > 20 || !s.contains(['-', 'T', ':']) {
        return None;
    }
    parse_date_time(s)
}

/// Timestamp facet of a target string: like [`parse_timestamp_user`] without the length check.
pub fn parse_timestamp_target(s: &str) -> Option<i64> {
    if let Ok(i) = s.parse::<i64>() {
        return Some(i);
    }
    parse_date_time(s)
}

fn parse_date_time(s: &str) -> Option<i64> {
    parse_rfc3339(s).or_else(|| parse_plain(s))
}

struct Cursor<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn digits(&mut self, n: usize) -> Option<i64> {
        let end = self.pos + n;
        let part = self.b.get(self.pos..end)?;
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.pos = end;
        Some(part.iter().fold(0i64, |a, d| a * 10 + i64::from(d - b'0')))
    }
    fn byte(&mut self, pred: impl Fn(u8) -> bool) -> Option<u8> {
        let c = *self.b.get(self.pos)?;
        if pred(c) {
            self.pos += 1;
            Some(c)
        } else {
            None
        }
    }
    fn done(&self) -> bool {
        self.pos == self.b.len()
    }
}

/// Date and time fields shared by both forms: `YYYY-MM-DD?HH:MM:SS` where `?` is one of `seps`.
fn date_time(c: &mut Cursor, seps: &[u8]) -> Option<i64> {
    let y = c.digits(4)?;
    c.byte(|b| b == b'-')?;
    let mo = c.digits(2)?;
    c.byte(|b| b == b'-')?;
    let d = c.digits(2)?;
    c.byte(|b| seps.contains(&b))?;
    let h = c.digits(2)?;
    c.byte(|b| b == b':')?;
    let mi = c.digits(2)?;
    c.byte(|b| b == b':')?;
    let se = c.digits(2)?;
    if !(1..=12).contains(&mo) || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || se > 60
    {
        return None;
    }
    let days = days_from_civil(y, mo, d);
    Some(((days * 24 + h) * 60 + mi) * 60_000 + se * 1000)
}

fn parse_rfc3339(s: &str) -> Option<i64> {
    let mut c = Cursor {
        b: s.as_bytes(),
        pos: 0,
    };
    let mut ms = date_time(&mut c, b"Tt ")?;
    if c.byte(|b| b == b'.').is_some() {
        let start = c.pos;
        while c.byte(|b| b.is_ascii_digit()).is_some() {}
        let frac = &s[start..c.pos];
        if frac.is_empty() {
            return None;
        }
        let mut m = 0i64;
        for (k, d) in frac.bytes().take(3).enumerate() {
            m += i64::from(d - b'0') * [100, 10, 1][k];
        }
        ms += m;
    }
    match c.byte(|b| matches!(b, b'Z' | b'z' | b'+' | b'-'))? {
        b'Z' | b'z' => {}
        sign => {
            let oh = c.digits(2)?;
            c.byte(|b| b == b':')?;
            let om = c.digits(2)?;
            if oh > 23 || om > 59 {
                return None;
            }
            let off = (oh * 60 + om) * 60_000;
            ms = if sign == b'+' { ms - off } else { ms + off };
        }
    }
    c.done().then_some(ms)
}

fn parse_plain(s: &str) -> Option<i64> {
    let mut c = Cursor {
        b: s.as_bytes(),
        pos: 0,
    };
    let ms = date_time(&mut c, b" ")?;
    c.done().then_some(ms)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_and_plain_forms() {
        assert_eq!(parse_timestamp_target("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_timestamp_target("2023-01-02T00:00:00Z"),
            Some(1_672_617_600_000)
        );
        assert_eq!(
            parse_timestamp_target("2023-01-02 00:00:00"),
            Some(1_672_617_600_000)
        );
        assert_eq!(
            parse_timestamp_target("2023-01-02 00:00:00Z"),
            Some(1_672_617_600_000)
        );
        assert_eq!(
            parse_timestamp_target("2023-01-02T01:00:00.5+01:00"),
            Some(1_672_617_600_500)
        );
        assert_eq!(parse_timestamp_target("2023-02-30T00:00:00Z"), None);
        assert_eq!(parse_timestamp_target("2023-01-02"), None);
        assert_eq!(parse_timestamp_target("-5"), Some(-5));
    }

    #[test]
    fn user_side_has_length_and_character_gate() {
        // 25 bytes: too long for the user-side date parse.
        assert_eq!(parse_timestamp_user("2023-01-02T01:00:00+01:00"), None);
        assert_eq!(
            parse_timestamp_user("2023-01-02T00:00:00Z"),
            Some(1_672_617_600_000)
        );
        assert_eq!(parse_timestamp_user("1700000000"), Some(1_700_000_000));
    }
}

/// Reads `--at TIME` (or a test file's `at:`): epoch milliseconds (`1767225600000`), RFC 3339
/// (`2026-01-01T00:00:00Z`, `2026-01-01T01:00:00+01:00`), `YYYY-MM-DD HH:MM:SS` (UTC) or a
/// bare date `YYYY-MM-DD` (midnight UTC).
pub fn parse_clock(text: &str) -> Result<crate::util::clock::Clock, String> {
    let t = text.trim();
    let ms = t.parse::<i64>().ok().or_else(|| {
        let b = t.as_bytes();
        if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
            parse_timestamp_target(&format!("{t}T00:00:00Z"))
        } else {
            parse_timestamp_target(t)
        }
    });
    ms.map(crate::util::clock::Clock::Fixed).ok_or_else(|| {
        format!(
            "{text:?} is not a time: give RFC 3339 (2026-01-31T12:00:00Z), a date \
             (2026-01-31) or epoch milliseconds (1769860800000)"
        )
    })
}

#[cfg(test)]
mod clock_tests {
    use super::*;
    use crate::util::clock::Clock;

    #[test]
    fn at_accepts_the_documented_forms() {
        // 2026-01-01T00:00:00Z = 20454 days × 86 400 000 ms.
        let jan1 = 20_454i64 * 86_400_000;
        assert_eq!(parse_clock("2026-01-01T00:00:00Z"), Ok(Clock::Fixed(jan1)));
        assert_eq!(parse_clock("2026-01-01"), Ok(Clock::Fixed(jan1)));
        assert_eq!(
            parse_clock("2026-01-01T01:00:00+01:00"),
            Ok(Clock::Fixed(jan1))
        );
        assert_eq!(parse_clock("1767225600000"), Ok(Clock::Fixed(jan1)));
        assert!(parse_clock("next tuesday").is_err());
        assert_eq!(Clock::Fixed(5).now_ms(), 5);
        assert_eq!(Clock::Fixed(5).fixed(), Some(5));
        assert!(Clock::System.now_ms() > jan1 - 365 * 86_400_000);
    }
}
