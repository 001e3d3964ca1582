//! A static file server for `dist/` on 127.0.0.1, optionally under a sub-path, so that the
//! tests load the release build exactly as a static host would serve it. Like GitHub Pages it
//! sends `Access-Control-Allow-Origin: *`, which a sandboxed (opaque-origin) embed needs.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::thread;

pub struct StaticServer {
    pub port: u16,
    pub prefix: String,
}

impl StaticServer {
    /// Serves `root` at `http://127.0.0.1:<port><prefix>` (prefix like "/" or "/notes/lab/").
    pub fn start(root: PathBuf, prefix: &str) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("local address").port();
        let prefix = prefix.to_string();
        let served_prefix = prefix.clone();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let root = root.clone();
                let prefix = served_prefix.clone();
                thread::spawn(move || {
                    let _ = serve(stream, &root, &prefix);
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

fn serve(mut stream: TcpStream, root: &Path, prefix: &str) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let (status, body, mime) = match path.strip_prefix(prefix).and_then(|rest| resolve(root, rest)) {
        Some(file) => match std::fs::read(&file) {
            Ok(bytes) => ("200 OK", bytes, mime(&file)),
            Err(_) => ("404 Not Found", b"not found".to_vec(), "text/plain"),
        },
        None => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(&body)?;
    stream.flush()
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
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "json" | "webmanifest" => "application/json",
        _ => "application/octet-stream",
    }
}
