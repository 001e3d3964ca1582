//! A small HTTP/1.1 server for real-request tests, on 127.0.0.1 with a free port.
//!
//! - `/delay/{ms}`: answers after that many ms, with `Access-Control-Allow-Origin: *` and
//!   `Timing-Allow-Origin: *`;
//! - `/status/{code}`: answers with that status (CORS allowed);
//! - `/hang`: never answers, until the client goes away;
//! - `/nocors/{ms}`: answers after that many ms without CORS headers (the browser refuses it);
//! - `/inflight`: `{"in_flight": n, "total": m}` — requests being handled now, and ever.
//!
//! Keep-alive, so that the browser's six connections per host are what limits a run.

use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

#[derive(Default)]
struct Counters {
    in_flight: AtomicUsize,
    total: AtomicUsize,
}

pub struct TestServer {
    pub port: u16,
    counters: Arc<Counters>,
}

impl TestServer {
    pub fn start() -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("address").port();
        let counters = Arc::new(Counters::default());
        let shared = counters.clone();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let counters = shared.clone();
                thread::spawn(move || {
                    let _ = connection(stream, port, &counters);
                });
            }
        });
        TestServer { port, counters }
    }

    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn in_flight(&self) -> usize {
        self.counters.in_flight.load(Ordering::SeqCst)
    }

    pub fn total(&self) -> usize {
        self.counters.total.load(Ordering::SeqCst)
    }
}

/// Counts a request in flight until dropped (answered, or the client left).
struct InFlight<'a>(&'a Counters);

impl<'a> InFlight<'a> {
    fn new(c: &'a Counters) -> Self {
        c.in_flight.fetch_add(1, Ordering::SeqCst);
        c.total.fetch_add(1, Ordering::SeqCst);
        InFlight(c)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

fn connection(stream: TcpStream, port: u16, counters: &Counters) -> std::io::Result<()> {
    // Each answer goes out at once: no Nagle delay waiting for the client's ACK.
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut out = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        // A connection kept alive serves many requests: each one marks its origin as visited.
        crate::pool::served(port);
        let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header)? <= 2 {
                break;
            }
        }
        let path = path.split('?').next().unwrap_or("/").to_string();
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        let cors = "Access-Control-Allow-Origin: *\r\nTiming-Allow-Origin: *\r\n";
        match parts.as_slice() {
            ["inflight"] => {
                let body = format!(
                    "{{\"in_flight\": {}, \"total\": {}}}",
                    counters.in_flight.load(Ordering::SeqCst),
                    counters.total.load(Ordering::SeqCst)
                );
                respond(&mut out, 200, cors, &body)?;
            }
            ["delay", ms] | ["nocors", ms] => {
                let _counted = InFlight::new(counters);
                let ms: u64 = ms.parse().unwrap_or(0).min(60_000);
                thread::sleep(Duration::from_millis(ms));
                let headers = if parts[0] == "delay" { cors } else { "" };
                respond(&mut out, 200, headers, &format!("{{\"delayed_ms\": {ms}}}"))?;
            }
            ["status", code] => {
                let _counted = InFlight::new(counters);
                respond(&mut out, code.parse().unwrap_or(500), cors, "status")?;
            }
            ["hang"] => {
                let _counted = InFlight::new(counters);
                wait_until_closed(&mut out, Duration::from_secs(120));
                return Ok(());
            }
            _ => respond(&mut out, 404, cors, "not found")?,
        }
    }
}

fn respond(out: &mut TcpStream, status: u16, headers: &str, body: &str) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    };
    let response = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nCache-Control: no-store\r\n{headers}Connection: keep-alive\r\n\r\n{body}",
        body.len()
    );
    out.write_all(response.as_bytes())?;
    out.flush()
}

/// Holds the connection open until the client closes it (or `limit` passes).
fn wait_until_closed(stream: &mut TcpStream, limit: Duration) {
    let deadline = Instant::now() + limit;
    let _ = stream.set_read_timeout(Some(Duration::from_millis(20)));
    let mut byte = [0u8; 1];
    while Instant::now() < deadline {
        match stream.read(&mut byte) {
            Ok(0) => return,
            Ok(_) => {}
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => return,
        }
    }
}
