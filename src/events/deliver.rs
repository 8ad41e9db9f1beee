//! Accept → spool → send. Events are appended to the current batch; full batches gather into
//! a segment that is written durably (see [`super::spool`]) and handed to a sender thread,
//! which first resends whatever earlier runs left in the spool.
//!
//! A segment is closed when it holds [`Options::segment_batches`] batches, when it is
//! older than [`Options::segment_age`], or when the caller commits (end of input, input
//! idle). Grouping batches keeps fsyncs to a few per second at any event rate.
//!
//! What the server answers decides a batch's fate: 2xx acknowledges it; 413 splits it in
//! halves that are sent first; another 4xx about the batch itself (400, 422, a 413 of one
//! event) moves it to the dead letters with the server's reason; a refused key (401, 403),
//! a missing endpoint (404, 405, 410), 501, or a server that stays unreachable stops
//! sending and leaves the rest spooled. A run's exit status is about its own events:
//! trouble with what earlier runs left is reported, but only `events flush` (which has no
//! events of its own) fails on it.

use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::{Map, Value as Json};

use super::model::Event;
use super::send::{SendError, Sender};
use super::spool::{Batch, DEAD_DIR, Segment, Spool};
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
    /// Events the server refused that this run moved to the dead letters.
    pub dead: u64,
    /// The first failure to deliver this run's own events, if any.
    pub error: Option<String>,
    /// The first failure to deliver events earlier runs left, if any.
    pub earlier_error: Option<String>,
    /// Damage found in the spool, one line each (moved to quarantine).
    pub notes: Vec<String>,
    /// Whether sending was skipped on purpose (`--no-send`).
    pub no_send: bool,
}

impl Report {
    /// Whether every event this run was asked to deliver was delivered: its own, or for a
    /// run without events of its own (`events flush`), the spool's.
    pub fn delivered(&self) -> bool {
        self.error.is_none() && (self.accepted > 0 || self.earlier_error.is_none())
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
        if self.dead > 0 {
            s.push_str(&format!(
                ", {} refused by the server and kept in {spool_dir}/{DEAD_DIR} (statsig events status)",
                self.dead
            ));
        }
        if self.no_send {
            s.push_str(" (not sent: --no-send)");
        }
        match (&self.error, &self.earlier_error) {
            (Some(e), _) => s.push_str(&format!("; delivery failed: {e}")),
            (None, Some(e)) if !self.delivered() => s.push_str(&format!("; delivery failed: {e}")),
            (None, Some(e)) => s.push_str(&format!("; earlier runs' events not sent: {e}")),
            (None, None) => {}
        }
        s
    }
}

#[derive(Debug, Default)]
struct SenderReport {
    sent: u64,
    sent_earlier: u64,
    dead: u64,
    error: Option<String>,
    earlier_error: Option<String>,
    /// Why sending stopped, once it has.
    stop: Option<String>,
    notes: Vec<String>,
}

impl SenderReport {
    /// Records a failure with this run's events (`own`) or earlier runs'.
    fn fail(&mut self, own: bool, msg: String) {
        let slot = if own {
            &mut self.error
        } else {
            &mut self.earlier_error
        };
        slot.get_or_insert(msg);
    }
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
            // The writer stopped: its error (a disk full is input-side, exit 2), or, when it
            // stopped without one (a panic), a broken invariant (exit 70).
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
            .unwrap_or_else(|| crate::Error::internal("the spool writer stopped"))
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
            dead: sr.dead,
            error: sr.error,
            earlier_error: sr.earlier_error,
            notes: sr.notes,
            no_send: self.no_send,
        })
    }
}

/// A delivery dropped without [`Delivery::finish`] (an early return: a closed stdout, an
/// error) still makes everything pushed durable: it is committed to the spool, where the
/// next sending command finds it. Sending stops with the process.
impl Drop for Delivery {
    fn drop(&mut self) {
        if self.writer_tx.is_none() {
            return;
        }
        let _ = self.commit();
        drop(self.writer_tx.take());
        if let Some(w) = self.writer.take() {
            let _ = w.join();
        }
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
    let mut progress = crate::util::progress::Progress::new("sending", "events", None);
    for path in earlier {
        if rep.stop.is_some() {
            break;
        }
        match spool.claim(&path) {
            Ok(Some(seg)) => {
                let n = send_segment(&spool, &sender, seg, &mut rep, false);
                rep.sent_earlier += n;
                progress.inc(n);
            }
            Ok(None) => {}
            Err(e) => rep.fail(false, e.to_string()),
        }
    }
    for seg in rx {
        // Once stopped, a segment stays spooled, unlocked when dropped.
        let n = send_segment(&spool, &sender, seg, &mut rep, true);
        progress.inc(n);
    }
    rep
}

/// What became of one spooled batch (and of the halves of a split one).
#[derive(Debug, Default)]
struct Outcome {
    sent: u64,
    /// (part, status, reason) the server refused for itself.
    dead: Vec<(Batch, u16, String)>,
    /// Parts not sent because sending stopped.
    undelivered: Vec<Batch>,
    stop: Option<String>,
}

/// Whether a refusal is about the batch itself (so it goes to the dead letters) rather than
/// the key, the endpoint or the server (so sending stops and the batch stays spooled).
fn refuses_the_batch(status: u16) -> bool {
    (400..500).contains(&status) && !matches!(status, 401 | 403 | 404 | 405 | 407 | 410)
}

/// Sends one batch; a 413 is split into halves, each sent (and split) in turn.
fn deliver(sender: &Sender, batch: Batch, out: &mut Outcome) {
    if out.stop.is_some() {
        out.undelivered.push(batch);
        return;
    }
    match sender.send(&batch.body, batch.count) {
        Ok(()) => out.sent += u64::from(batch.count),
        Err(SendError::Rejected { status, reason, .. }) if refuses_the_batch(status) => {
            let halves = (status == 413).then(|| split(&batch)).flatten();
            match halves {
                Some((a, b)) => {
                    deliver(sender, a, out);
                    deliver(sender, b, out);
                }
                None => out.dead.push((batch, status, reason)),
            }
        }
        Err(e) => {
            out.stop = Some(e.to_string());
            out.undelivered.push(batch);
        }
    }
}

/// A batch cut in two halves of its events (the metadata repeated), or `None` for a batch
/// of one event or one that cannot be read.
fn split(batch: &Batch) -> Option<(Batch, Batch)> {
    #[derive(serde::Deserialize)]
    struct Body<'a> {
        #[serde(borrow)]
        events: Vec<&'a serde_json::value::RawValue>,
        #[serde(borrow, rename = "statsigMetadata")]
        metadata: Option<&'a serde_json::value::RawValue>,
    }
    let plain = gunzip(&batch.body).ok()?;
    let body: Body = serde_json::from_slice(&plain).ok()?;
    if body.events.len() < 2 {
        return None;
    }
    let make = |events: &[&serde_json::value::RawValue]| {
        let mut out = b"{\"events\":[".to_vec();
        for (i, e) in events.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(e.get().as_bytes());
        }
        out.push(b']');
        if let Some(m) = body.metadata {
            out.extend_from_slice(b",\"statsigMetadata\":");
            out.extend_from_slice(m.get().as_bytes());
        }
        out.push(b'}');
        Batch {
            count: events.len() as u32,
            body: gzip(&out),
        }
    };
    let (a, b) = body.events.split_at(body.events.len() / 2);
    Some((make(a), make(b)))
}

/// Sends a segment's pending batches (`own`: of this run); returns the events delivered.
fn send_segment(
    spool: &Spool,
    sender: &Sender,
    mut seg: Segment,
    rep: &mut SenderReport,
    own: bool,
) -> u64 {
    rep.notes.append(&mut seg.quarantined);
    let mut sent = 0;
    let pending = std::mem::take(&mut seg.pending);
    let mut left = Vec::new();
    for (at, batch) in pending {
        if let Some(stop) = &rep.stop {
            let stop = stop.clone();
            rep.fail(own, stop);
            left.push((at, batch));
            continue;
        }
        let mut out = Outcome::default();
        deliver(sender, batch.clone(), &mut out);
        if let Some(stop) = &out.stop {
            rep.fail(own, stop.clone());
            rep.stop = Some(stop.clone());
        }
        if out.sent == 0 && out.dead.is_empty() {
            // Nothing happened to it: it stays as it is.
            left.push((at, batch));
            continue;
        }
        sent += out.sent;
        let mut kept = true;
        for (part, status, reason) in out.dead {
            let n = part.count;
            match spool.bury(&seg, part, status, &reason) {
                Ok(path) => {
                    rep.dead += u64::from(n);
                    let reason = if reason.is_empty() {
                        format!("HTTP {status}")
                    } else {
                        format!("HTTP {status}: {reason}")
                    };
                    rep.fail(
                        own,
                        format!(
                            "the server refused {n} events ({reason}); kept in {}",
                            path.display()
                        ),
                    );
                }
                Err(e) => {
                    kept = false;
                    rep.fail(own, e.to_string());
                }
            }
        }
        // A split batch partly sent: what is left becomes a segment of its own.
        if !out.undelivered.is_empty()
            && let Err(e) = spool.write_segment(out.undelivered)
        {
            kept = false;
            rep.fail(own, e.to_string());
        }
        if !kept {
            left.push((at, batch));
            continue;
        }
        if let Err(e) = spool.ack(&mut seg, at) {
            rep.fail(own, e.to_string());
        }
    }
    rep.sent += sent;
    seg.pending = left;
    if seg.pending.is_empty()
        && let Err(e) = spool.remove(seg)
    {
        rep.fail(own, e.to_string());
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
            d.push_with(|_| Err(crate::Error::Event("bad".into())))
                .is_err(),
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
