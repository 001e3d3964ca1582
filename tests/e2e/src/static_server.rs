//! A static file server for `dist/` on 127.0.0.1, optionally under a sub-path, so that the
//! tests load the release build exactly as a static host would serve it. Like GitHub Pages it
//! sends `Access-Control-Allow-Origin: *`, which a sandboxed (opaque-origin) embed needs, and
//! gzips text and wasm for a browser that accepts it (what the slow-network benchmark transfers).
//! A server may hold back the files whose names end with a given suffix until its `Gate` opens:
//! the page as a reader sees it while the wasm is still on its way.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::thread;

use flate2::{write::GzEncoder, Compression};

#[derive(Clone)]
pub struct StaticServer {
    pub port: u16,
    pub prefix: String,
}

/// Holds back some of a server's files until `open`.
pub struct Gate {
    suffix: String,
    open: (Mutex<bool>, Condvar),
}

impl Gate {
    pub fn open(&self) {
        let (lock, cvar) = &self.open;
        *lock.lock().unwrap_or_else(|e| e.into_inner()) = true;
        cvar.notify_all();
    }

    fn wait_for(&self, path: &str) {
        if !path.ends_with(&self.suffix) {
            return;
        }
        let (lock, cvar) = &self.open;
        let mut open = lock.lock().unwrap_or_else(|e| e.into_inner());
        while !*open {
            open = cvar.wait(open).unwrap_or_else(|e| e.into_inner());
        }
    }
}

impl StaticServer {
    /// Serves `root` at `http://127.0.0.1:<port><prefix>` (prefix like "/" or "/notes/lab/").
    pub fn start(root: PathBuf, prefix: &str) -> StaticServer {
        StaticServer::listen(root, prefix, None)
    }

    /// As `start`, holding back every file whose name ends with `suffix` until the gate opens.
    pub fn holding(root: PathBuf, prefix: &str, suffix: &str) -> (StaticServer, Arc<Gate>) {
        let gate = Arc::new(Gate { suffix: suffix.to_string(), open: (Mutex::new(false), Condvar::new()) });
        (StaticServer::listen(root, prefix, Some(gate.clone())), gate)
    }

    fn listen(root: PathBuf, prefix: &str, gate: Option<Arc<Gate>>) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("local address").port();
        let prefix = prefix.to_string();
        let served_prefix = prefix.clone();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                crate::pool::served(port);
                let root = root.clone();
                let prefix = served_prefix.clone();
                let gate = gate.clone();
                thread::spawn(move || {
                    let _ = serve(stream, &root, &prefix, gate.as_deref());
                });
            }
        });
        StaticServer { port, prefix }
    }

    /// The page's address with a query string ("" for none).
    pub fn url(&self, query: &str) -> String {
        if query.is_empty() {
            format!("http://127.0.0.1:{}{}", self.port, self.prefix)
        } else {
            format!("http://127.0.0.1:{}{}?{}", self.port, self.prefix, query.trim_start_matches('?'))
        }
    }
}

fn serve(mut stream: TcpStream, root: &Path, prefix: &str, gate: Option<&Gate>) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut gzip = false;
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        let lower = line.to_ascii_lowercase();
        gzip |= lower.starts_with("accept-encoding:") && lower.contains("gzip");
        line.clear();
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    if let Some(gate) = gate {
        gate.wait_for(path);
    }
    let (status, mut body, mime) = match path.strip_prefix(prefix).and_then(|rest| resolve(root, rest)) {
        Some(file) => match std::fs::read(&file) {
            Ok(bytes) => ("200 OK", bytes, mime(&file)),
            Err(_) => ("404 Not Found", b"not found".to_vec(), "text/plain"),
        },
        None => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let mut encoding = "";
    if gzip && !matches!(mime, "image/png" | "application/zip") {
        body = gzipped(path, body)?;
        encoding = "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n";
    }
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\n{encoding}Cache-Control: no-store\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(&body)?;
    stream.flush()
}

/// A file's body gzipped at the best level, once per content: Python's 9.6 MB of wasm takes
/// seconds to compress, and every test that loads Python asks for it again. Keyed by the content
/// itself (its hash and length), never by its name: the tests of one program serve many host
/// pages named index.html, and a page of the same length once came back as the one before it.
fn gzipped(path: &str, body: Vec<u8>) -> std::io::Result<Vec<u8>> {
    use std::hash::{Hash, Hasher};
    type Cache = Mutex<HashMap<(String, usize, u64), Vec<u8>>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    body.hash(&mut hasher);
    let key = (path.to_string(), body.len(), hasher.finish());
    if let Some(hit) = CACHE.get_or_init(Cache::default).lock().unwrap().get(&key) {
        return Ok(hit.clone());
    }
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(&body)?;
    let packed = encoder.finish()?;
    CACHE.get_or_init(Cache::default).lock().unwrap().insert(key, packed.clone());
    Ok(packed)
}

/// Maps a URL path below the prefix to a file, refusing anything that climbs out of `root`.
fn resolve(root: &Path, rest: &str) -> Option<PathBuf> {
    let rel = Path::new(rest);
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let file = if rest.is_empty() || rest.ends_with('/') { root.join(rel).join("index.html") } else { root.join(rel) };
    file.is_file().then_some(file)
}

fn mime(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript",
        "py" => "text/x-python; charset=utf-8",
        "zip" => "application/zip",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "json" | "webmanifest" => "application/json",
        _ => "application/octet-stream",
    }
}
