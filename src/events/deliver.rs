//! Accept → spool → send. Events are appended to the current batch; full batches gather into
//! a segment that is written durably (see [`super::spool`]) and handed to a sender thread,
//! which first resends whatever earlier runs left in the spool.
//!
//! A segment is closed when it holds [`Options::segment_batches`] batches, when it is
//! older than [`Options::segment_age`], or when the caller commits (end of input, input
//! idle). Grouping batches keeps fsyncs to a few per second at any event rate.

use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::{Map, Value as Json};

use super::model::Event;
use super::send::{SendError, Sender};
use super::spool::{Batch, Segment, Spool};
use crate::error::Result;
use crate::http::{SDK_TYPE, SDK_VERSION};

/// Batching options.
#[derive(Debug, Clone)]
pub struct Options {
    /// Events per request (the SDKs' `event_queue_size`).
    pub batch_size: usize,
    /// Batches per spool segment at most.
    pub segment_batches: usize,
    /// A segment is written once its first batch is this old.
    pub segment_age: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            batch_size: 500,
            segment_batches: 64,
            segment_age: Duration::from_millis(200),
        }
    }
}

/// What a delivery did.
#[derive(Debug, Default, Clone)]
pub struct Report {
    /// Events accepted (spooled) by this run.
    pub accepted: u64,
    /// Events delivered by this run, earlier runs' included.
    pub sent: u64,
    /// Of `sent`, events earlier runs had left in the spool.
    pub sent_earlier: u64,
    /// Events left in the spool when this run ended (all runs').
    pub spooled: u64,
    /// The first delivery failure, if any.
    pub error: Option<String>,
    /// Whether sending was skipped on purpose (`--no-send`).
    pub no_send: bool,
}

impl Report {
    /// Whether every event this run was asked to deliver was delivered.
    pub fn delivered(&self) -> bool {
        self.error.is_none()
    }

    /// The one-line summary printed on stderr.
    pub fn summary(&self, spool_dir: &str) -> String {
        let mut s = format!(
            "statsig: events: {} accepted, {} sent",
            self.accepted, self.sent
        );
        if self.sent_earlier > 0 {
            s.push_str(&format!(" ({} from earlier runs)", self.sent_earlier));
        }
        s.push_str(&format!(", {} spooled in {spool_dir}", self.spooled));
        if self.no_send {
            s.push_str(" (not sent: --no-send)");
        }
        if let Some(e) = &self.error {
            s.push_str(&format!("; delivery failed: {e}"));
        }
        s
    }
}

#[derive(Debug, Default)]
struct SenderReport {
    sent: u64,
    sent_earlier: u64,
    error: Option<String>,
}

/// An open delivery: push events, then [`Delivery::finish`].
pub struct Delivery {
    spool: Spool,
    opts: Options,
    /// To the writer thread: batches (uncompressed) to compress and spool as one segment.
    writer_tx: Option<SyncSender<Vec<Batch>>>,
    writer: Option<JoinHandle<WriterReport>>,
    sender: Option<JoinHandle<SenderReport>>,
    prefix: Vec<u8>,
    suffix: Vec<u8>,
    cur: Vec<u8>,
    cur_count: u32,
    batches: Vec<Batch>,
    started: Option<Instant>,
    no_send: bool,
}

impl Delivery {
    /// Starts delivering into `spool`; `sender` `None` only spools (`--no-send`).
    /// The sender thread resends earlier runs' segments first.
    pub fn start(
        spool: Spool,
        sender: Option<Sender>,
        session_id: &str,
        opts: Options,
    ) -> Result<Delivery> {
        spool.clean();
        let no_send = sender.is_none();
        let (seg_tx, sender) = match sender {
            None => (None, None),
            Some(sender) => {
                let earlier = spool.list()?;
                let (tx, rx) = sync_channel::<Segment>(4);
                let sp = spool.clone();
                let thread = std::thread::Builder::new()
                    .name("statsig-send".into())
                    .spawn(move || send_loop(sp, sender, earlier, rx))
                    .expect("spawning the sender thread");
                (Some(tx), Some(thread))
            }
        };
        let (writer_tx, rx) = sync_channel::<Vec<Batch>>(2);
        let sp = spool.clone();
        let writer = std::thread::Builder::new()
            .name("statsig-spool".into())
            .spawn(move || write_loop(sp, rx, seg_tx))
            .expect("spawning the spool thread");
        let mut meta = Map::new();
        meta.insert("sdkType".into(), Json::from(SDK_TYPE));
        meta.insert("sdkVersion".into(), Json::from(SDK_VERSION));
        meta.insert("sessionID".into(), Json::from(session_id));
        let mut suffix = b"],\"statsigMetadata\":".to_vec();
        serde_json::to_writer(&mut suffix, &meta).expect("metadata serialises");
        suffix.push(b'}');
        let batch_size = opts.batch_size.max(1);
        Ok(Delivery {
            spool,
            opts: Options { batch_size, ..opts },
            writer_tx: Some(writer_tx),
            writer: Some(writer),
            sender,
            prefix: b"{\"events\":[".to_vec(),
            suffix,
            cur: Vec::new(),
            cur_count: 0,
            batches: Vec::new(),
            started: None,
            no_send,
        })
    }

    pub fn spool(&self) -> &Spool {
        &self.spool
    }

    /// Accepts an event.
    pub fn push(&mut self, event: &Event) -> Result<()> {
        self.push_with(|buf| {
            serde_json::to_writer(buf, event).expect("events serialise");
            Ok(())
        })
    }

    /// Accepts an event that `write` appends (as JSON) to the batch; on error nothing is
    /// added.
    pub fn push_with(&mut self, write: impl FnOnce(&mut Vec<u8>) -> Result<()>) -> Result<()> {
        let mark = self.cur.len();
        if self.cur_count == 0 {
            self.cur.extend_from_slice(&self.prefix);
        } else {
            self.cur.push(b',');
        }
        if let Err(e) = write(&mut self.cur) {
            self.cur.truncate(mark);
            return Err(e);
        }
        self.cur_count += 1;
        if self.cur_count as usize >= self.opts.batch_size {
            self.close_batch();
            if self.batches.len() >= self.opts.segment_batches {
                self.write_segment()?;
            }
        }
        if self
            .started
            .is_some_and(|t| t.elapsed() >= self.opts.segment_age)
        {
            self.write_segment()?;
        }
        Ok(())
    }

    fn close_batch(&mut self) {
        if self.cur_count == 0 {
            return;
        }
        let mut body = std::mem::take(&mut self.cur);
        body.extend_from_slice(&self.suffix);
        self.batches.push(Batch {
            count: self.cur_count,
            body,
        });
        self.cur_count = 0;
        if self.started.is_none() {
            self.started = Some(Instant::now());
        }
    }

    fn write_segment(&mut self) -> Result<()> {
        self.started = None;
        if self.batches.is_empty() {
            return Ok(());
        }
        let batches = std::mem::take(&mut self.batches);
        let tx = self.writer_tx.as_ref().expect("open until finish");
        if tx.send(batches).is_err() {
            // The writer stopped on an error; report it.
            return Err(self.stop_writer());
        }
        Ok(())
    }

    /// Hands everything pushed so far (a partial batch included) to the spool writer, which
    /// makes it durable and passes it on to the sender.
    pub fn commit(&mut self) -> Result<()> {
        self.close_batch();
        self.write_segment()
    }

    /// Whether events are waiting for a commit.
    pub fn has_uncommitted(&self) -> bool {
        self.cur_count > 0 || !self.batches.is_empty()
    }

    fn stop_writer(&mut self) -> crate::Error {
        drop(self.writer_tx.take());
        let wr = self
            .writer
            .take()
            .map(|t| t.join().unwrap_or_default())
            .unwrap_or_default();
        wr.error
            .unwrap_or_else(|| crate::Error::input("the spool writer stopped"))
    }

    /// Commits, waits for the spool writer and the sender, and reports.
    pub fn finish(mut self) -> Result<Report> {
        let committed = self.commit();
        drop(self.writer_tx.take());
        let wr = self
            .writer
            .take()
            .map(|t| t.join().unwrap_or_default())
            .unwrap_or_default();
        let sr = self
            .sender
            .take()
            .map(|t| t.join().unwrap_or_default())
            .unwrap_or_default();
        if let Some(e) = wr.error {
            return Err(e);
        }
        committed?;
        let spooled = self.spool.status().map(|s| s.events).unwrap_or(0);
        Ok(Report {
            accepted: wr.accepted,
            sent: sr.sent,
            sent_earlier: sr.sent_earlier,
            spooled,
            error: sr.error,
            no_send: self.no_send,
        })
    }
}

#[derive(Debug, Default)]
struct WriterReport {
    /// Events durably spooled.
    accepted: u64,
    error: Option<crate::Error>,
}

/// Compresses batches, writes them as segments and passes the segments on to the sender.
fn write_loop(
    spool: Spool,
    rx: Receiver<Vec<Batch>>,
    seg_tx: Option<SyncSender<Segment>>,
) -> WriterReport {
    let mut rep = WriterReport::default();
    for batches in rx {
        let n: u64 = batches.iter().map(|b| b.count as u64).sum();
        let wire = batches
            .into_iter()
            .map(|b| Batch {
                count: b.count,
                body: gzip(&b.body),
            })
            .collect();
        match spool.write_segment(wire) {
            Ok(seg) => {
                rep.accepted += n;
                if let Some(tx) = &seg_tx {
                    // An error means the sender thread is gone; the segment stays spooled.
                    let _ = tx.send(seg);
                }
            }
            Err(e) => {
                rep.error = Some(e);
                return rep;
            }
        }
    }
    rep
}

/// Gzips a request body (fast level: bodies are repetitive JSON and compress ~10x anyway).
pub fn gzip(body: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 8),
        flate2::Compression::fast(),
    );
    enc.write_all(body).expect("writing to memory");
    enc.finish().expect("writing to memory")
}

/// Gunzips a spooled body.
pub fn gunzip(body: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::with_capacity(body.len() * 8);
    flate2::read::GzDecoder::new(body).read_to_end(&mut out)?;
    Ok(out)
}

fn send_loop(
    spool: Spool,
    sender: Sender,
    earlier: Vec<std::path::PathBuf>,
    rx: Receiver<Segment>,
) -> SenderReport {
    let mut rep = SenderReport::default();
    let mut stopped = false;
    for path in earlier {
        if stopped {
            break;
        }
        match spool.claim(&path) {
            Ok(Some(seg)) => {
                let n = send_segment(&spool, &sender, seg, &mut rep, &mut stopped);
                rep.sent_earlier += n;
            }
            Ok(None) => {}
            Err(e) => {
                rep.error.get_or_insert(e.to_string());
            }
        }
    }
    for seg in rx {
        if !stopped {
            send_segment(&spool, &sender, seg, &mut rep, &mut stopped);
        }
        // When stopped the segment is dropped: it stays spooled, unlocked.
    }
    rep
}

/// Sends a segment's pending batches; returns the events delivered.
fn send_segment(
    spool: &Spool,
    sender: &Sender,
    mut seg: Segment,
    rep: &mut SenderReport,
    stopped: &mut bool,
) -> u64 {
    let mut sent = 0;
    let pending = std::mem::take(&mut seg.pending);
    let mut left = Vec::new();
    for (idx, batch) in pending {
        if *stopped {
            left.push((idx, batch));
            continue;
        }
        match sender.send(&batch.body, batch.count) {
            Ok(()) => {
                sent += batch.count as u64;
                if let Err(e) = spool.ack(&mut seg, idx) {
                    rep.error.get_or_insert(e.to_string());
                }
            }
            Err(e) => {
                // The server is unreachable or refuses the key: later batches would fare no
                // better. A batch refused for itself (400, 413) stays spooled; go on.
                if matches!(
                    e,
                    SendError::Unavailable(_)
                        | SendError::Rejected {
                            status: 401 | 403,
                            ..
                        }
                ) {
                    *stopped = true;
                }
                rep.error.get_or_insert(e.to_string());
                left.push((idx, batch));
            }
        }
    }
    rep.sent += sent;
    seg.pending = left;
    if seg.pending.is_empty()
        && let Err(e) = spool.remove(seg)
    {
        rep.error.get_or_insert(e.to_string());
    }
    sent
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_split_at_the_batch_size_and_spool_without_sending() {
        let dir = tempfile::tempdir().unwrap();
        let spool = Spool::open(dir.path()).unwrap();
        let opts = Options {
            batch_size: 3,
            ..Options::default()
        };
        let mut d = Delivery::start(spool.clone(), None, "sid", opts).unwrap();
        for i in 0..7 {
            let mut e = Event::custom("e").unwrap();
            e.value = Some(Json::from(i));
            d.push(&e).unwrap();
        }
        assert!(
            d.push_with(|_| Err(crate::Error::input("bad"))).is_err(),
            "a failed write adds nothing"
        );
        let r = d.finish().unwrap();
        assert_eq!((r.accepted, r.sent, r.spooled), (7, 0, 7));
        assert!(r.delivered());
        let segs = spool.list().unwrap();
        assert_eq!(segs.len(), 1);
        let seg = spool.claim(&segs[0]).unwrap().unwrap();
        let counts: Vec<u32> = seg.pending.iter().map(|(_, b)| b.count).collect();
        assert_eq!(counts, vec![3, 3, 1]);
        for (_, b) in &seg.pending {
            let v: Json = serde_json::from_slice(&gunzip(&b.body).unwrap()).unwrap();
            assert_eq!(v["events"].as_array().unwrap().len() as u32, b.count);
            assert_eq!(v["statsigMetadata"]["sessionID"], "sid");
        }
        assert!(
            r.summary("D")
                .contains("7 accepted, 0 sent, 7 spooled in D")
        );
    }
}
