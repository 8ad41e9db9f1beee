//! Line-oriented input (NDJSON users and events) read with a bound on one line's length, so
//! a file without newlines (a binary, one huge document, `/dev/zero`) fails with one clear
//! line instead of filling memory.

use std::io::{self, BufRead};

/// The longest line accepted. Real user and event lines are a few hundred bytes.
pub const MAX_LINE_BYTES: usize = 16 << 20;

/// The message for line `line` of `origin` being too long (an input error).
pub fn too_long(origin: &str, line: u64) -> String {
    format!(
        "{origin}:{line}: the line is longer than {} MiB (one JSON object per line is expected)",
        MAX_LINE_BYTES >> 20
    )
}

/// The closing line of a `--keep-going` run that skipped lines; every command that reads
/// lines prints the same. Each skipped line was named on stderr as it was skipped, unless
/// `-q` silenced those warnings: then the summary says how to see them instead of pointing
/// "above" at nothing.
pub fn skipped_summary(skipped: u64, lines: u64) -> String {
    summary_text(skipped, lines, crate::util::warn::quiet())
}

fn summary_text(skipped: u64, lines: u64, quiet: bool) -> String {
    let pointer = if quiet {
        "run without -q to see which"
    } else {
        "see above"
    };
    format!("statsig: {skipped} of {lines} lines skipped ({pointer})")
}

/// Marks an I/O error as "line too long" so callers can tell it from a read failure.
#[derive(Debug)]
pub struct LineTooLong;

impl std::fmt::Display for LineTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a line longer than {} MiB", MAX_LINE_BYTES >> 20)
    }
}

impl std::error::Error for LineTooLong {}

/// The I/O error carrying [`LineTooLong`].
pub fn too_long_io() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, LineTooLong)
}

/// Whether `e` is [`too_long_io`].
pub fn is_too_long(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|i| i.is::<LineTooLong>())
}

/// `read_until(b'\n')` that fails with [`too_long_io`] once the line being read passes
/// `cap` bytes (what was read stays in `buf`).
pub fn read_line_capped(r: &mut impl BufRead, buf: &mut Vec<u8>, cap: usize) -> io::Result<usize> {
    let start = buf.len();
    loop {
        let available = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(buf.len() - start);
        }
        let (used, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        let room = cap.saturating_sub(buf.len() - start);
        if used > room && !(done && used - 1 <= room) {
            buf.extend_from_slice(&available[..room.min(used)]);
            r.consume(room.min(used));
            return Err(too_long_io());
        }
        buf.extend_from_slice(&available[..used]);
        r.consume(used);
        if done {
            return Ok(buf.len() - start);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skip_summary_points_at_the_warnings_only_when_they_were_printed() {
        assert_eq!(
            summary_text(2, 4, false),
            "statsig: 2 of 4 lines skipped (see above)"
        );
        assert_eq!(
            summary_text(1, 9, true),
            "statsig: 1 of 9 lines skipped (run without -q to see which)"
        );
    }

    #[test]
    fn lines_up_to_the_cap_pass_longer_ones_fail() {
        let mut r = io::BufReader::with_capacity(4, &b"abc\ndefgh\nij"[..]);
        let mut buf = Vec::new();
        assert_eq!(read_line_capped(&mut r, &mut buf, 5).unwrap(), 4);
        assert_eq!(buf, b"abc\n");
        buf.clear();
        // Five bytes and the newline: the newline does not count.
        assert_eq!(read_line_capped(&mut r, &mut buf, 5).unwrap(), 6);
        buf.clear();
        assert_eq!(read_line_capped(&mut r, &mut buf, 5).unwrap(), 2);
        assert_eq!(read_line_capped(&mut r, &mut buf, 5).unwrap(), 0);
        let mut r = io::BufReader::with_capacity(3, &b"abcdefgh\n"[..]);
        let mut buf = Vec::new();
        let e = read_line_capped(&mut r, &mut buf, 5).unwrap_err();
        assert!(is_too_long(&e));
        assert!(buf.len() <= 5);
    }
}
