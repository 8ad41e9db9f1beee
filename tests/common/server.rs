//! A loopback HTTP/1.1 server on std::net that records every request. Shared by the
//! integration tests and the events benchmark (included with `#[path]`).
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One request as received.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    /// Header names lower-cased.
    pub headers: Vec<(String, String)>,
    /// The body, gunzipped when `Content-Encoding: gzip` (and decoding is on).
    pub body: Vec<u8>,
    pub wire_len: usize,
    /// The status the server answered.
    pub status: u16,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("request body is JSON")
    }
}

/// What to do with the n-th request (0-based).
#[derive(Debug, Clone)]
pub enum Action {
    /// Answer with this status and extra headers.
    Status(u16, Vec<(String, String)>),
    /// Close the connection without answering.
    Drop,
    /// Wait, then answer 200.
    Delay(Duration),
    /// Answer with this status, headers and body.
    Reply(u16, Vec<(String, String)>, Vec<u8>),
}

pub type Behaviour = Arc<dyn Fn(usize) -> Action + Send + Sync>;
/// Chooses the answer from the request (decoded body included) and its 0-based number.
pub type Inspect = Arc<dyn Fn(usize, &Request) -> Action + Send + Sync>;

pub struct Server {
    pub addr: SocketAddr,
    pub requests: Arc<Mutex<Vec<Request>>>,
    pub count: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

impl Server {
    /// A server answering 200 to everything.
    pub fn ok() -> Server {
        Server::start(Arc::new(|_| Action::Status(200, vec![])), true)
    }

    /// `decode`: gunzip bodies (off in the benchmark, to measure the client).
    pub fn start(behaviour: Behaviour, decode: bool) -> Server {
        Server::start_inspecting(Arc::new(move |n, _: &Request| behaviour(n)), decode)
    }

    /// A server whose answer depends on what it was sent.
    pub fn start_inspecting(behaviour: Inspect, decode: bool) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let count = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        {
            let (requests, count, stop) = (requests.clone(), count.clone(), stop.clone());
            std::thread::spawn(move || {
                for conn in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(conn) = conn else { continue };
                    let (requests, count, behaviour) =
                        (requests.clone(), count.clone(), behaviour.clone());
                    std::thread::spawn(move || {
                        let _ = serve(conn, &requests, &count, &*behaviour, decode);
                    });
                }
            });
        }
        Server {
            addr,
            requests,
            count,
            stop,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}/v1/log_event", self.addr)
    }

    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }

    /// Requests answered with 2xx.
    pub fn accepted(&self) -> Vec<Request> {
        self.requests()
            .into_iter()
            .filter(|r| (200..300).contains(&r.status))
            .collect()
    }

    /// Every event of every 2xx request, as JSON text with sorted keys.
    pub fn accepted_events(&self) -> Vec<serde_json::Value> {
        self.accepted()
            .iter()
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

fn serve(
    conn: TcpStream,
    requests: &Mutex<Vec<Request>>,
    count: &AtomicUsize,
    behaviour: &(dyn Fn(usize, &Request) -> Action + Send + Sync),
    decode: bool,
) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut out = conn.try_clone()?;
    let mut r = BufReader::with_capacity(256 * 1024, conn);
    loop {
        let mut line = String::new();
        if r.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let mut parts = line.split_whitespace();
        let method = parts.next().unwrap_or("").to_string();
        let path = parts.next().unwrap_or("").to_string();
        let mut headers = Vec::new();
        loop {
            let mut h = String::new();
            r.read_line(&mut h)?;
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
        let get = |n: &str| headers.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
        let mut wire = Vec::new();
        if let Some(len) = get("content-length") {
            wire.resize(len.parse().unwrap_or(0), 0);
            r.read_exact(&mut wire)?;
        } else if get("transfer-encoding").is_some_and(|v| v.contains("chunked")) {
            loop {
                let mut size = String::new();
                r.read_line(&mut size)?;
                let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
                let mut chunk = vec![0; n + 2];
                r.read_exact(&mut chunk)?;
                if n == 0 {
                    break;
                }
                wire.extend_from_slice(&chunk[..n]);
            }
        }
        let n = count.fetch_add(1, Ordering::SeqCst);
        let body = if decode && get("content-encoding").as_deref() == Some("gzip") {
            let mut d = flate2::read::GzDecoder::new(&wire[..]);
            let mut b = Vec::new();
            d.read_to_end(&mut b)?;
            b
        } else if decode {
            wire.clone()
        } else {
            Vec::new()
        };
        let mut req = Request {
            method,
            path,
            headers,
            body,
            wire_len: wire.len(),
            status: 0,
        };
        let action = behaviour(n, &req);
        let (status, extra, text) = match action {
            Action::Drop => return Ok(()),
            Action::Delay(d) => {
                std::thread::sleep(d);
                (200, vec![], None)
            }
            Action::Status(s, h) => (s, h, None),
            Action::Reply(s, h, b) => (s, h, Some(b)),
        };
        req.status = status;
        requests.lock().unwrap().push(req);
        let text = text.unwrap_or_else(|| {
            if (200..300).contains(&status) {
                b"{\"success\":true}".to_vec()
            } else {
                b"{\"error\":\"test\"}".to_vec()
            }
        });
        let mut resp = format!(
            "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
            text.len()
        );
        for (k, v) in extra {
            resp.push_str(&format!("{k}: {v}\r\n"));
        }
        resp.push_str("\r\n");
        let mut resp = resp.into_bytes();
        resp.extend_from_slice(&text);
        out.write_all(&resp)?;
        out.flush()?;
    }
}
