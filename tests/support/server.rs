//! The one loopback HTTP/1.1 server of the tests (std::net, 127.0.0.1): it speaks the
//! Statsig download protocol (v1/v2 download_config_specs, id-list manifests and files) and
//! accepts `log_event` POSTs, records every request, and injects faults. Also included by
//! the events benchmark with `#[path]`, so it depends on nothing else in `support`.
#![allow(dead_code)]

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// The server key the tests use; the server answers downloads only for it.
pub const KEY: &str = "secret-TESTkey0123456789abcdefSECRET";
/// A fragment of the key that must never show up in any output.
pub const KEY_TAIL: &str = "0123456789abcdefSECRET";

/// A payload of ../shared/specs.
pub fn shared(name: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/specs")).join(name)
}

pub fn read_shared(name: &str) -> Vec<u8> {
    std::fs::read(shared(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A recorded request.
#[derive(Debug, Clone)]
pub struct Req {
    pub method: String,
    pub path: String,
    pub query: String,
    /// Header names lower-cased.
    pub headers: HashMap<String, String>,
    /// The body; a gzipped `log_event` body is gunzipped (unless the server was started
    /// with [`Server::events_undecoded`]).
    pub body: Vec<u8>,
    /// The body's length on the wire.
    pub wire_len: usize,
    /// The status answered; 0 while no answer has been written (or none will be).
    pub status: u16,
}

impl Req {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("request body is JSON")
    }
}

/// What the server does with a request instead of answering it normally.
#[derive(Debug, Clone)]
pub enum Fault {
    /// Sleep, then answer normally.
    Delay(Duration),
    /// Answer with this status (and `Retry-After`, if given) and a short body.
    Status(u16, Option<&'static str>),
    /// Close the connection without answering.
    Reset,
    /// Answer 200 with a gzip body cut short.
    TruncatedGzip,
    /// Answer 200 with an HTML page.
    NotJson,
    /// Answer 200 `{"has_updates":false}`.
    NoUpdates,
    /// Answer normally, gzip-encoded.
    Gzip,
    /// Answer normally, deflate-encoded.
    Deflate,
    /// Answer with this status and a body echoing the `STATSIG-API-KEY` it was sent,
    /// wrapped in terminal escape sequences.
    EchoKey(u16),
    /// Answer with this status (a 3xx) and `Location`.
    Redirect(u16, String),
    /// Answer with this status, headers and body as given (a gzip bomb, a refusal with
    /// the server's reason).
    Reply(u16, Vec<(&'static str, String)>, Vec<u8>),
}

/// The fault (or `None`: a normal answer) for the n-th `log_event` request (0-based).
pub type Behaviour = Arc<dyn Fn(usize) -> Option<Fault> + Send + Sync>;
/// As [`Behaviour`], choosing from the request too (its decoded body, its headers).
pub type Inspect = Arc<dyn Fn(usize, &Req) -> Option<Fault> + Send + Sync>;

/// The body of [`Fault::EchoKey`]: the key as received, and escape sequences.
fn echo_key_body(req: &Req) -> Vec<u8> {
    let key = req.header("statsig-api-key").unwrap_or("");
    format!("{{\"error\":\"unknown key {key}\"}}\x1b[2J\x1b]0;pwned\x07\r\nsecond line")
        .into_bytes()
}

#[derive(Default)]
pub struct State {
    pub requests: Vec<Req>,
    /// Queued faults per request kind: "dcs", "manifest", "list", "events".
    pub faults: HashMap<&'static str, VecDeque<Fault>>,
    pub v1: Vec<u8>,
    pub v2: Vec<u8>,
    /// name → (fileID, creationTime, file bytes)
    pub lists: HashMap<String, (String, i64, Vec<u8>)>,
}

pub struct Server {
    pub addr: SocketAddr,
    pub state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
}

struct Config {
    events: Option<Inspect>,
    events_seen: AtomicUsize,
    decode: bool,
}

impl Server {
    /// Serves the shared payloads and one id list, and accepts every event batch.
    pub fn start() -> Server {
        Server::with(None, true)
    }

    /// As [`Server::start`], with `log_event` requests answered as `behaviour` says.
    pub fn events(behaviour: Behaviour) -> Server {
        Server::with(Some(Arc::new(move |n, _: &Req| behaviour(n))), true)
    }

    /// As [`Server::events`], with the answer chosen from the request itself.
    pub fn events_inspecting(behaviour: Inspect) -> Server {
        Server::with(Some(behaviour), true)
    }

    /// As [`Server::events`], but event bodies are not decoded or kept (benchmarks measure
    /// the client, not the server).
    pub fn events_undecoded(behaviour: Behaviour) -> Server {
        Server::with(Some(Arc::new(move |n, _: &Req| behaviour(n))), false)
    }

    fn with(events: Option<Inspect>, decode: bool) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(Mutex::new(State {
            v1: read_shared("py_download_config_specs.json"),
            v2: read_shared("core_eval_proj_dcs.json"),
            ..State::default()
        }));
        state.lock().unwrap().lists.insert(
            "company_id_list".into(),
            (
                "4t0BEqak3w1UcidsPcpQXN".into(),
                1721417546000,
                read_shared("core_company_id_list"),
            ),
        );
        let config = Arc::new(Config {
            events,
            events_seen: AtomicUsize::new(0),
            decode,
        });
        let stop = Arc::new(AtomicBool::new(false));
        let (st, stop2) = (state.clone(), stop.clone());
        thread::spawn(move || {
            for conn in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (st, config) = (st.clone(), config.clone());
                thread::spawn(move || {
                    let _ = serve(conn, addr, &st, &config);
                });
            }
        });
        Server { addr, state, stop }
    }

    /// `http://127.0.0.1:PORT`, the base for `--api`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `http://127.0.0.1:PORT/v1/log_event`, for `--log-event-url`.
    pub fn log_event_url(&self) -> String {
        format!("http://{}/v1/log_event", self.addr)
    }

    /// Queues a fault for the next request of a kind: "dcs", "manifest", "list", "events".
    pub fn fault(&self, kind: &'static str, f: Fault) {
        self.state
            .lock()
            .unwrap()
            .faults
            .entry(kind)
            .or_default()
            .push_back(f);
    }

    /// Every request received so far, in order of arrival.
    pub fn requests(&self) -> Vec<Req> {
        self.state.lock().unwrap().requests.clone()
    }

    pub fn count(&self, path_contains: &str) -> usize {
        self.requests()
            .iter()
            .filter(|r| r.path.contains(path_contains))
            .count()
    }

    pub fn clear(&self) {
        self.state.lock().unwrap().requests.clear();
    }

    /// Requests answered with 2xx.
    pub fn accepted(&self) -> Vec<Req> {
        let s = self.state.lock().unwrap();
        s.requests
            .iter()
            .filter(|r| (200..300).contains(&r.status))
            .cloned()
            .collect()
    }

    /// Every event of every `log_event` request answered with 2xx.
    pub fn accepted_events(&self) -> Vec<serde_json::Value> {
        self.accepted()
            .iter()
            .filter(|r| r.path.contains("log_event"))
            .flat_map(|r| r.json()["events"].as_array().unwrap().clone())
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
    }
}

/// Reads one request (`Content-Length` or chunked body); `None` at the end of the stream.
fn read_request(r: &mut BufReader<TcpStream>) -> Option<Req> {
    let mut line = String::new();
    if r.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        r.read_line(&mut h).ok()?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let mut body = Vec::new();
    if let Some(len) = headers.get("content-length") {
        body.resize(len.parse().unwrap_or(0), 0);
        r.read_exact(&mut body).ok()?;
    } else if headers
        .get("transfer-encoding")
        .is_some_and(|v| v.contains("chunked"))
    {
        loop {
            let mut size = String::new();
            r.read_line(&mut size).ok()?;
            let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
            let mut chunk = vec![0; n + 2];
            r.read_exact(&mut chunk).ok()?;
            if n == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..n]);
        }
    }
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_string(), q.to_string()),
        None => (target, String::new()),
    };
    Some(Req {
        method,
        path,
        query,
        headers,
        wire_len: body.len(),
        body,
        status: 0,
    })
}

fn respond(
    w: &mut TcpStream,
    status: u16,
    headers: &[(&str, String)],
    body: &[u8],
    close: bool,
) -> std::io::Result<()> {
    let mut out = format!("HTTP/1.1 {status} X\r\nContent-Length: {}\r\n", body.len());
    if close {
        out.push_str("Connection: close\r\n");
    }
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str("\r\n");
    w.write_all(out.as_bytes())?;
    w.write_all(body)?;
    w.flush()
}

pub fn gzip(b: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(b).unwrap();
    e.finish().unwrap()
}

/// Records `req`, returning its index (to set its status once answered).
fn record(st: &Mutex<State>, req: Req) -> usize {
    let mut s = st.lock().unwrap();
    s.requests.push(req);
    s.requests.len() - 1
}

fn answered(st: &Mutex<State>, i: usize, status: u16) {
    if let Some(r) = st.lock().unwrap().requests.get_mut(i) {
        r.status = status;
    }
}

/// Serves one connection: download requests get one answer and `Connection: close`;
/// `log_event` requests keep the connection alive, as Statsig's API does.
fn serve(
    conn: TcpStream,
    addr: SocketAddr,
    st: &Mutex<State>,
    config: &Config,
) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut w = conn.try_clone()?;
    let mut r = BufReader::with_capacity(256 * 1024, conn);
    loop {
        let Some(mut req) = read_request(&mut r) else {
            return Ok(());
        };
        if req.method == "CONNECT" {
            // Act as a forward proxy that tunnels to itself: record the CONNECT, then serve
            // the requests that follow on the same connection.
            record(st, req);
            w.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")?;
            let Some(next) = read_request(&mut r) else {
                return Ok(());
            };
            req = next;
        }
        if req.path.contains("log_event") {
            if !serve_events(&mut w, req, st, config)? {
                return Ok(());
            }
        } else {
            return serve_download(&mut w, req, addr, st);
        }
    }
}

/// One `log_event` request; false when the connection was dropped.
fn serve_events(
    w: &mut TcpStream,
    mut req: Req,
    st: &Mutex<State>,
    config: &Config,
) -> std::io::Result<bool> {
    let n = config.events_seen.fetch_add(1, Ordering::SeqCst);
    if config.decode && req.header("content-encoding") == Some("gzip") {
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(&req.body[..]).read_to_end(&mut plain)?;
        req.body = plain;
    } else if !config.decode {
        req.body = Vec::new();
    }
    let fault = match &config.events {
        Some(behaviour) => behaviour(n, &req),
        None => st
            .lock()
            .unwrap()
            .faults
            .get_mut("events")
            .and_then(|q| q.pop_front()),
    };
    let echo = echo_key_body(&req);
    let i = record(st, req);
    let mut body = None;
    let (status, extra) = match fault {
        Some(Fault::Reset) => {
            let _ = w.shutdown(std::net::Shutdown::Both);
            return Ok(false);
        }
        Some(Fault::Delay(d)) => {
            thread::sleep(d);
            (200, vec![])
        }
        Some(Fault::Status(code, retry_after)) => (
            code,
            retry_after
                .map(|v| vec![("Retry-After", v.to_string())])
                .unwrap_or_default(),
        ),
        Some(Fault::EchoKey(code)) => {
            body = Some(echo);
            (code, vec![])
        }
        Some(Fault::Redirect(code, to)) => (code, vec![("Location", to)]),
        Some(Fault::Reply(code, headers, b)) => {
            body = Some(b);
            (code, headers)
        }
        _ => (200, vec![]),
    };
    let text: &[u8] = match &body {
        Some(b) => b,
        None if (200..300).contains(&status) => b"{\"success\":true}",
        None => b"{\"error\":\"injected\"}",
    };
    let mut headers = vec![("Content-Type", "application/json".to_string())];
    headers.extend(extra);
    answered(st, i, status);
    respond(w, status, &headers, text, false)?;
    Ok(true)
}

fn serve_download(
    w: &mut TcpStream,
    req: Req,
    addr: SocketAddr,
    st: &Mutex<State>,
) -> std::io::Result<()> {
    let kind: &'static str = if req.path.contains("download_config_specs") {
        "dcs"
    } else if req.path.contains("get_id_lists") {
        "manifest"
    } else {
        "list"
    };
    let i = record(st, req.clone());
    let fault = st
        .lock()
        .unwrap()
        .faults
        .get_mut(kind)
        .and_then(|q| q.pop_front());
    let mut reply = |status: u16, headers: &[(&str, String)], body: &[u8]| {
        answered(st, i, status);
        respond(w, status, headers, body, true)
    };
    let mut encoding = None;
    match fault {
        Some(Fault::Delay(d)) => thread::sleep(d),
        Some(Fault::Status(code, retry_after)) => {
            let h: Vec<(&str, String)> = retry_after
                .map(|v| vec![("Retry-After", v.to_string())])
                .unwrap_or_default();
            return reply(code, &h, b"{\"error\":\"injected\"}");
        }
        Some(Fault::Reset) => {
            let _ = w.shutdown(std::net::Shutdown::Both);
            return Ok(());
        }
        Some(Fault::TruncatedGzip) => {
            let body = { st.lock().unwrap().v2.clone() };
            let gz = gzip(&body);
            let cut = &gz[..gz.len() / 2];
            return reply(200, &[("Content-Encoding", "gzip".into())], cut);
        }
        Some(Fault::NotJson) => {
            return reply(
                200,
                &[("Content-Type", "text/html".into())],
                b"<html><body>Sign in to the Wi-Fi</body></html>",
            );
        }
        Some(Fault::NoUpdates) => {
            return reply(200, &[], br#"{"has_updates":false}"#);
        }
        Some(Fault::EchoKey(code)) => return reply(code, &[], &echo_key_body(&req)),
        Some(Fault::Redirect(code, to)) => return reply(code, &[("Location", to)], b""),
        Some(Fault::Reply(code, headers, body)) => return reply(code, &headers, &body),
        Some(Fault::Gzip) => encoding = Some("gzip"),
        Some(Fault::Deflate) => encoding = Some("deflate"),
        None => {}
    }
    if req.header("statsig-api-key") != Some(KEY) {
        return reply(401, &[], b"{\"error\":\"bad key\"}");
    }
    let (status, body, mut extra): (u16, Vec<u8>, Vec<(&str, String)>) = {
        let s = st.lock().unwrap();
        if req.method == "GET" && req.path == format!("/v2/download_config_specs/{KEY}.json") {
            (200, s.v2.clone(), vec![])
        } else if req.method == "GET" && req.path == format!("/v1/download_config_specs/{KEY}.json")
        {
            (200, s.v1.clone(), vec![])
        } else if (req.method == "POST" && req.path == "/v1/get_id_lists")
            || (req.method == "GET" && req.path == format!("/v1/get_id_lists/{KEY}.json"))
        {
            let mut m = serde_json::Map::new();
            for (name, (id, ct, bytes)) in &s.lists {
                m.insert(
                    name.clone(),
                    serde_json::json!({"name": name, "size": bytes.len(), "url": format!("http://{addr}/ids/{name}"), "creationTime": ct, "fileID": id}),
                );
            }
            (
                200,
                serde_json::Value::Object(m).to_string().into_bytes(),
                vec![],
            )
        } else if let Some(name) = req.path.strip_prefix("/ids/") {
            match s.lists.get(name) {
                Some((_, _, bytes)) => {
                    let start = req
                        .header("range")
                        .and_then(|r| r.strip_prefix("bytes="))
                        .and_then(|r| r.trim_end_matches('-').parse::<usize>().ok());
                    match start {
                        Some(n) => (
                            206,
                            bytes[n.min(bytes.len())..].to_vec(),
                            vec![(
                                "Content-Range",
                                format!("bytes {n}-{}/{}", bytes.len().max(1) - 1, bytes.len()),
                            )],
                        ),
                        None => (200, bytes.clone(), vec![]),
                    }
                }
                None => (404, b"no such list".to_vec(), vec![]),
            }
        } else {
            (404, b"not found".to_vec(), vec![])
        }
    };
    let body = match encoding {
        Some("gzip") => {
            extra.push(("Content-Encoding", "gzip".into()));
            gzip(&body)
        }
        Some(_) => {
            extra.push(("Content-Encoding", "deflate".into()));
            let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
            e.write_all(&body).unwrap();
            e.finish().unwrap()
        }
        None => body,
    };
    reply(status, &extra, &body)
}
