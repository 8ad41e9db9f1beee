//! A loopback HTTP server speaking the Statsig download protocol, with injectable faults, and
//! helpers to run the binary hermetically. Shared by the integration tests.
#![allow(dead_code)]

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

pub const KEY: &str = "secret-TESTkey0123456789abcdefSECRET";
/// A fragment of the key that must never show up in any output.
pub const KEY_TAIL: &str = "0123456789abcdefSECRET";

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
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

impl Req {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }
}

/// What the server does with the next request of a kind.
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
    /// Answer with this status, headers and body as given.
    Raw(u16, Vec<(&'static str, String)>, Vec<u8>),
}

#[derive(Default)]
pub struct State {
    pub requests: Vec<Req>,
    /// Faults per request kind: "dcs", "manifest", "list".
    pub faults: HashMap<&'static str, VecDeque<Fault>>,
    pub v1: Vec<u8>,
    pub v2: Vec<u8>,
    /// name → (fileID, creationTime, file bytes)
    pub lists: HashMap<String, (String, i64, Vec<u8>)>,
}

pub struct Server {
    pub addr: SocketAddr,
    pub state: Arc<Mutex<State>>,
}

impl Server {
    pub fn start() -> Server {
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
        let st = state.clone();
        thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(conn) = conn else { continue };
                let st = st.clone();
                thread::spawn(move || {
                    let _ = handle(conn, addr, &st);
                });
            }
        });
        Server { addr, state }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn fault(&self, kind: &'static str, f: Fault) {
        self.state
            .lock()
            .unwrap()
            .faults
            .entry(kind)
            .or_default()
            .push_back(f);
    }

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
}

fn read_request(r: &mut BufReader<TcpStream>) -> Option<Req> {
    let mut line = String::new();
    r.read_line(&mut line).ok()?;
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
    let len: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; len];
    r.read_exact(&mut body).ok()?;
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_string(), q.to_string()),
        None => (target, String::new()),
    };
    Some(Req {
        method,
        path,
        query,
        headers,
        body,
    })
}

fn respond(
    w: &mut TcpStream,
    status: u16,
    headers: &[(&str, String)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut out = format!(
        "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
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

fn handle(conn: TcpStream, addr: SocketAddr, st: &Mutex<State>) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut w = conn.try_clone()?;
    let mut r = BufReader::new(conn);
    let Some(mut req) = read_request(&mut r) else {
        return Ok(());
    };
    if req.method == "CONNECT" {
        // Act as a forward proxy that tunnels to itself: record the CONNECT, then serve the
        // request that follows on the same connection.
        st.lock().unwrap().requests.push(req.clone());
        w.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")?;
        let Some(next) = read_request(&mut r) else {
            return Ok(());
        };
        req = next;
    }
    let kind: &'static str = if req.path.contains("download_config_specs") {
        "dcs"
    } else if req.path.contains("get_id_lists") {
        "manifest"
    } else {
        "list"
    };
    let fault = {
        let mut s = st.lock().unwrap();
        s.requests.push(req.clone());
        s.faults.get_mut(kind).and_then(|q| q.pop_front())
    };
    let mut encoding = None;
    match fault {
        Some(Fault::Delay(d)) => thread::sleep(d),
        Some(Fault::Status(code, retry_after)) => {
            let h: Vec<(&str, String)> = retry_after
                .map(|v| vec![("Retry-After", v.to_string())])
                .unwrap_or_default();
            return respond(&mut w, code, &h, b"{\"error\":\"injected\"}");
        }
        Some(Fault::Reset) => {
            let _ = w.shutdown(std::net::Shutdown::Both);
            return Ok(());
        }
        Some(Fault::TruncatedGzip) => {
            let body = { st.lock().unwrap().v2.clone() };
            let gz = gzip(&body);
            let cut = &gz[..gz.len() / 2];
            return respond(&mut w, 200, &[("Content-Encoding", "gzip".into())], cut);
        }
        Some(Fault::NotJson) => {
            return respond(
                &mut w,
                200,
                &[("Content-Type", "text/html".into())],
                b"<html><body>Sign in to the Wi-Fi</body></html>",
            );
        }
        Some(Fault::NoUpdates) => {
            return respond(&mut w, 200, &[], br#"{"has_updates":false}"#);
        }
        Some(Fault::EchoKey(code)) => {
            let key = req.header("statsig-api-key").unwrap_or("").to_string();
            let body = format!(
                "{{\"error\":\"unknown key {key}\"}}\x1b[2J\x1b]0;pwned\x07\r\nsecond line"
            );
            return respond(&mut w, code, &[], body.as_bytes());
        }
        Some(Fault::Redirect(code, to)) => {
            return respond(&mut w, code, &[("Location", to)], b"");
        }
        Some(Fault::Raw(code, headers, body)) => {
            return respond(&mut w, code, &headers, &body);
        }
        Some(Fault::Gzip) => encoding = Some("gzip"),
        Some(Fault::Deflate) => encoding = Some("deflate"),
        None => {}
    }
    if req.header("statsig-api-key") != Some(KEY) {
        return respond(&mut w, 401, &[], b"{\"error\":\"bad key\"}");
    }
    let (status, body, extra): (u16, Vec<u8>, Vec<(&str, String)>) = {
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
    let mut extra = extra;
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
    respond(&mut w, status, &extra, &body)
}

/// The binary with a clean environment: no proxies, no inherited key, the given cache.
pub fn cmd(cache: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("statsig").unwrap();
    for v in [
        "STATSIG_SERVER_SECRET",
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "ALL_PROXY",
        "all_proxy",
        "NO_PROXY",
        "no_proxy",
        "XDG_CACHE_HOME",
    ] {
        c.env_remove(v);
    }
    c.env("STATSIG_CACHE_DIR", cache);
    c.timeout(Duration::from_secs(60));
    c
}

/// Output of a run: exit code, stdout, stderr; asserts the key appears in neither.
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    pub fn last_line(&self) -> &str {
        self.stderr.lines().last().unwrap_or("")
    }
}

pub fn run(mut c: assert_cmd::Command) -> Out {
    let o = c.output().unwrap();
    let out = Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    };
    for (name, s) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        assert!(!s.contains(KEY_TAIL), "the key leaked into {name}:\n{s}");
    }
    out
}

/// Every file under `dir`, recursively, with its bytes.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(snapshot(&p));
        } else {
            out.push((p.clone(), std::fs::read(&p).unwrap()));
        }
    }
    out.sort();
    out
}

/// Asserts no file name or content under `dir` contains the key.
pub fn assert_no_key_in(dir: &Path) {
    for (p, bytes) in snapshot(dir) {
        assert!(
            !p.to_string_lossy().contains(KEY_TAIL),
            "key in path {}",
            p.display()
        );
        assert!(
            !String::from_utf8_lossy(&bytes).contains(KEY_TAIL),
            "key in {}",
            p.display()
        );
    }
}

/// A redis-server of our own on a free loopback port.
pub struct RedisServer {
    child: Child,
    pub port: u16,
    /// `requirepass` of the server, sent by the helpers below.
    pub password: Option<String>,
    _dir: tempfile::TempDir,
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl RedisServer {
    /// Starts redis-server on a free loopback port, or returns None (and says so) if the
    /// binary is not installed.
    pub fn start() -> Option<RedisServer> {
        RedisServer::start_with(None)
    }

    /// As [`RedisServer::start`], with `requirepass` set when `password` is given.
    pub fn start_with(password: Option<&str>) -> Option<RedisServer> {
        let bin = std::env::var("REDIS_SERVER").unwrap_or_else(|_| "redis-server".into());
        if Command::new(&bin).arg("--version").output().is_err() {
            assert!(
                std::env::var_os("STATSIG_REQUIRE_ALL_TESTS").is_none(),
                "{bin} not found, and STATSIG_REQUIRE_ALL_TESTS forbids skipping"
            );
            eprintln!("SKIPPED: {bin} not found (apt-get install -y redis-server)");
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(&bin)
            .args([
                "--port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .arg("--dir")
            .arg(dir.path())
            .args(password.map(|p| ["--requirepass", p]).into_iter().flatten())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let r = RedisServer {
            child,
            port,
            password: password.map(str::to_string),
            _dir: dir,
        };
        let t = Instant::now();
        while t.elapsed() < Duration::from_secs(10) {
            if let Ok(mut s) = TcpStream::connect(("127.0.0.1", port))
                && s.write_all(b"PING\r\n").is_ok()
            {
                let mut line = String::new();
                // With requirepass an unauthenticated PING is refused: the server is up.
                if BufReader::new(&s).read_line(&mut line).is_ok()
                    && (line.starts_with("+PONG") || line.starts_with("-NOAUTH"))
                {
                    return Some(r);
                }
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("redis-server did not start on port {port}");
    }

    pub fn url(&self, db: u32) -> String {
        match &self.password {
            Some(p) => format!("redis://:{p}@127.0.0.1:{}/{db}", self.port),
            None => format!("redis://127.0.0.1:{}/{db}", self.port),
        }
    }

    /// `AUTH password` as a command, when the server has one.
    fn auth(&self) -> Vec<Vec<u8>> {
        match &self.password {
            Some(p) => vec![b"AUTH".to_vec(), p.as_bytes().to_vec()],
            None => vec![],
        }
    }

    /// Sends commands on one connection and returns the first line of each reply (and
    /// the bulk body, for a bulk reply).
    pub fn commands(&self, cmds: &[Vec<Vec<u8>>]) -> Vec<(String, Option<Vec<u8>>)> {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        let mut out = Vec::new();
        let auth = self.auth();
        let all: Vec<&Vec<Vec<u8>>> = std::iter::once(&auth)
            .filter(|a| !a.is_empty())
            .chain(cmds)
            .collect();
        for args in &all {
            out.extend_from_slice(format!("*{}\r\n", args.len()).as_bytes());
            for a in args.iter() {
                out.extend_from_slice(format!("${}\r\n", a.len()).as_bytes());
                out.extend_from_slice(a);
                out.extend_from_slice(b"\r\n");
            }
        }
        s.write_all(&out).unwrap();
        let mut r = BufReader::new(s);
        let mut replies = Vec::new();
        for _ in &all {
            let mut line = String::new();
            r.read_line(&mut line).unwrap();
            let mut bulk = None;
            if let Some(n) = line
                .strip_prefix('$')
                .and_then(|n| n.trim().parse::<i64>().ok())
                && n >= 0
            {
                let mut got = vec![0; n as usize + 2];
                r.read_exact(&mut got).unwrap();
                got.truncate(n as usize);
                bulk = Some(got);
            }
            replies.push((line, bulk));
        }
        if !auth.is_empty() {
            assert_eq!(replies.remove(0).0, "+OK\r\n", "AUTH");
        }
        replies
    }

    pub fn set(&self, db: u32, key: &str, value: &[u8]) {
        let db = db.to_string().into_bytes();
        let replies = self.commands(&[
            vec![b"SELECT".to_vec(), db],
            vec![b"SET".to_vec(), key.as_bytes().to_vec(), value.to_vec()],
        ]);
        for (line, _) in replies {
            assert_eq!(line, "+OK\r\n");
        }
    }

    /// SELECT db, then GET key, on one connection.
    pub fn get(&self, db: u32, key: &str) -> Option<Vec<u8>> {
        let db = db.to_string().into_bytes();
        let mut replies = self.commands(&[
            vec![b"SELECT".to_vec(), db],
            vec![b"GET".to_vec(), key.as_bytes().to_vec()],
        ]);
        assert_eq!(replies[0].0, "+OK\r\n");
        replies.pop().unwrap().1
    }
}
