//! Reading NDJSON event files into a [`Delivery`]: one event per line, errors naming the
//! line. A reader thread hands over chunks of whole lines; when the input goes quiet (a
//! slow pipe) the events read so far are committed so they are spooled and sent promptly.

use std::io::Read;
use std::sync::mpsc::{RecvTimeoutError, sync_channel};
use std::time::Duration;

use super::deliver::Delivery;
use super::model::append_line_event;
use crate::error::{Error, Result};
use crate::util::clock::now_ms;

/// How an NDJSON ingestion went.
#[derive(Debug, Default)]
pub struct IngestReport {
    pub lines: u64,
    /// Bad lines skipped (`keep_going`), with their messages.
    pub skipped: u64,
}

/// Options for [`ingest_ndjson`].
pub struct IngestOptions<'a> {
    /// Names the input in errors (`events.ndjson`, `stdin`).
    pub origin: &'a str,
    /// Skip bad lines (reporting each on stderr) instead of stopping at the first.
    pub keep_going: bool,
    /// Called with the number of bytes read so far (progress bars).
    pub on_progress: Option<&'a dyn Fn(u64)>,
    /// Commit when no input arrived for this long.
    pub idle: Duration,
    /// The time of events without one (`--at`); `None`: now.
    pub now_ms: Option<i64>,
}

const CHUNK: usize = 256 * 1024;

/// Reads `input` to the end, pushing every event into `delivery`. On a bad line without
/// `keep_going` the events before it stay accepted and the error is returned.
pub fn ingest_ndjson(
    input: Box<dyn Read + Send>,
    delivery: &mut Delivery,
    opts: &IngestOptions<'_>,
) -> Result<IngestReport> {
    let origin = opts.origin.to_string();
    let (tx, rx) = sync_channel::<std::io::Result<Vec<u8>>>(8);
    let reader = std::thread::Builder::new()
        .name("statsig-read".into())
        .spawn(move || {
            let mut input = input;
            let mut carry: Vec<u8> = Vec::new();
            let mut buf = vec![0u8; CHUNK];
            loop {
                let n = match input.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        return;
                    }
                };
                let data = &buf[..n];
                match memchr_last(data) {
                    None if carry.len() + data.len() > crate::util::lines::MAX_LINE_BYTES => {
                        let _ = tx.send(Err(crate::util::lines::too_long_io()));
                        return;
                    }
                    None => carry.extend_from_slice(data),
                    Some(end) => {
                        let mut chunk = std::mem::take(&mut carry);
                        chunk.extend_from_slice(&data[..=end]);
                        carry.extend_from_slice(&data[end + 1..]);
                        if tx.send(Ok(chunk)).is_err() {
                            return;
                        }
                    }
                }
            }
            if !carry.is_empty() {
                let _ = tx.send(Ok(carry));
            }
        })
        .expect("spawning the reader thread");

    let mut rep = IngestReport::default();
    let mut read = 0u64;
    let result = loop {
        let chunk = match rx.recv_timeout(opts.idle) {
            Ok(Ok(c)) => c,
            Ok(Err(e)) if crate::util::lines::is_too_long(&e) => {
                break Err(Error::Line(crate::util::lines::too_long(
                    &origin,
                    rep.lines + 1,
                )));
            }
            Ok(Err(e)) => break Err(Error::io(&origin, e)),
            Err(RecvTimeoutError::Timeout) => {
                if delivery.has_uncommitted() {
                    delivery.commit()?;
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => break Ok(()),
        };
        read += chunk.len() as u64;
        if let Err(e) = ingest_chunk(&chunk, delivery, opts, &mut rep) {
            break Err(e);
        }
        if let Some(p) = opts.on_progress {
            p(read);
        }
    };
    drop(rx);
    let _ = reader.join();
    result.map(|()| rep)
}

fn memchr_last(data: &[u8]) -> Option<usize> {
    data.iter().rposition(|&b| b == b'\n')
}

fn ingest_chunk(
    chunk: &[u8],
    delivery: &mut Delivery,
    opts: &IngestOptions<'_>,
    rep: &mut IngestReport,
) -> Result<()> {
    let now = opts.now_ms.unwrap_or_else(now_ms);
    let body = chunk.strip_suffix(b"\n").unwrap_or(chunk);
    for raw in body.split(|&b| b == b'\n') {
        rep.lines += 1;
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let here = LineRef(opts.origin, rep.lines);
        let pushed = delivery.push_with(|buf| append_line_event(line, &here, now, buf));
        if let Err(e) = pushed {
            if !opts.keep_going || !e.is_bad_record() {
                return Err(e);
            }
            crate::util::warn::warn(format_args!("skipped {e}"));
            rep.skipped += 1;
        }
    }
    Ok(())
}

/// `origin:line`, formatted only when an error needs it.
struct LineRef<'a>(&'a str, u64);

impl std::fmt::Display for LineRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.0, self.1)
    }
}
