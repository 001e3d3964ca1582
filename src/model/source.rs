//! Where requests go: simulated on timers, or real `fetch()` calls to targets built from a
//! template or given as a list. Only `http:` and `https:` (or paths on this page's own host)
//! are ever requested.

use super::scenario::limits;

/// Real runs send at most this many requests.
pub const MAX_REAL_REQUESTS: usize = 100;
pub const MAX_TIMEOUT_MS: u32 = 120_000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SourceKind {
    #[default]
    Simulated,
    Real,
}

impl SourceKind {
    pub const KEYS: [&'static str; 2] = ["sim", "real"];

    pub fn key(self) -> &'static str {
        match self {
            SourceKind::Simulated => "sim",
            SourceKind::Real => "real",
        }
    }

    pub fn from_key(key: &str) -> Option<SourceKind> {
        match key {
            "sim" => Some(SourceKind::Simulated),
            "real" => Some(SourceKind::Real),
            _ => None,
        }
    }
}

/// Ready-made targets for real requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetPreset {
    /// This page's own files, with a cache-busting query: same origin, any static host.
    OwnFiles,
    /// The service worker shipped with the lab answers `delay/{ms}` after that many ms.
    Emulator,
    /// A public endpoint that allows CORS.
    Httpbin,
}

impl TargetPreset {
    pub const ALL: [TargetPreset; 3] = [TargetPreset::OwnFiles, TargetPreset::Emulator, TargetPreset::Httpbin];

    pub fn template(self) -> &'static str {
        match self {
            TargetPreset::OwnFiles => "./?request={i}",
            TargetPreset::Emulator => "./delay/{ms}?request={i}",
            TargetPreset::Httpbin => "https://httpbin.org/delay/{s}",
        }
    }

    pub fn of_template(template: &str) -> Option<TargetPreset> {
        TargetPreset::ALL.into_iter().find(|p| p.template() == template)
    }
}

/// Why a target cannot be requested.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetError {
    Empty,
    /// A scheme other than http or https (`javascript:`, `data:`, `file:` …).
    Scheme {
        scheme: String,
    },
    /// An explicit list whose length differs from the number of requests.
    WrongCount {
        expected: usize,
        found: usize,
    },
    TooMany {
        count: usize,
        max: usize,
    },
}

/// The URL for request `i` (from 0) with latency `ms`: `{i}` is the request number from 1,
/// `{ms}` its latency, `{s}` the same in seconds.
pub fn expand(template: &str, i: usize, ms: u32) -> String {
    let seconds = super::number::trimmed(f64::from(ms) / 1000.0, 3);
    template.replace("{i}", &(i + 1).to_string()).replace("{ms}", &ms.to_string()).replace("{s}", &seconds)
}

/// Accepts `http(s)://…` and paths relative to this page; refuses every other scheme.
pub fn check_url(url: &str) -> Result<(), TargetError> {
    let url = url.trim();
    if url.is_empty() {
        return Err(TargetError::Empty);
    }
    if url.chars().any(|c| c.is_control()) {
        return Err(TargetError::Scheme { scheme: "?".into() });
    }
    match scheme_of(url) {
        None => Ok(()),
        Some(s) if s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https") => Ok(()),
        Some(s) => Err(TargetError::Scheme { scheme: s.to_string() }),
    }
}

/// Whether the latency emulator answers this URL: a path on this page's own host ending in
/// `delay/<ms>` (what `static/latency-sw.js` intercepts).
/// An address relative to the page (`./x`, `x`, `/x`): the page's own site. Not `//host/x`.
pub fn is_relative(url: &str) -> bool {
    let url = url.trim();
    scheme_of(url).is_none() && !url.starts_with("//")
}

pub fn is_emulated(url: &str) -> bool {
    let url = url.trim();
    if scheme_of(url).is_some() || url.starts_with("//") {
        return false;
    }
    let path = url.split(['?', '#']).next().unwrap_or("");
    path.rsplit_once("delay/").is_some_and(|(_, ms)| !ms.is_empty() && ms.len() <= 6 && ms.bytes().all(|b| b.is_ascii_digit()))
}

/// The scheme, if the URL has one: letters, digits, `+ - .` before the first `:`, and
/// that `:` before any `/ ? #`.
fn scheme_of(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let before = &url[..colon];
    let starts_with_letter = before.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    let scheme_chars = before.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    let no_path_first = !before.contains(['/', '?', '#']);
    (starts_with_letter && scheme_chars && no_path_first).then_some(before)
}

/// The URLs of a real run: one per request, from a template or a list.
pub fn targets(template: Option<&str>, list: Option<&str>, latencies: &[u32]) -> Result<Vec<String>, TargetError> {
    let n = latencies.len();
    if n > MAX_REAL_REQUESTS {
        return Err(TargetError::TooMany { count: n, max: MAX_REAL_REQUESTS });
    }
    let urls: Vec<String> = match (list.map(str::trim).filter(|l| !l.is_empty()), template) {
        (Some(list), _) => {
            let urls: Vec<String> = list_lines(list).map(String::from).collect();
            if urls.len() != n {
                return Err(TargetError::WrongCount { expected: n, found: urls.len() });
            }
            urls
        }
        (None, Some(template)) if !template.trim().is_empty() => {
            latencies.iter().enumerate().map(|(i, &ms)| expand(template.trim(), i, ms)).collect()
        }
        _ => return Err(TargetError::Empty),
    };
    for url in &urls {
        check_url(url)?;
    }
    debug_assert!(urls.len() <= limits::MAX_REQUESTS);
    Ok(urls)
}

/// The lines of a URL list, trimmed, blank lines skipped.
pub fn list_lines(list: &str) -> impl Iterator<Item = &str> {
    list.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// Where a real run's requests go, in order of first appearance: a host and how many requests
/// go there; `None` for the page's own site (relative addresses).
pub fn hosts(urls: &[String]) -> Vec<(Option<String>, usize)> {
    let mut out: Vec<(Option<String>, usize)> = Vec::new();
    for url in urls {
        let host = (!is_relative(url)).then(|| {
            let rest = url.trim().split_once("//").map(|(_, r)| r).unwrap_or(url);
            rest.split(['/', '?', '#']).next().unwrap_or("").rsplit('@').next().unwrap_or("").to_ascii_lowercase()
        });
        match out.iter_mut().find(|(h, _)| *h == host) {
            Some((_, n)) => *n += 1,
            None => out.push((host, 1)),
        }
    }
    out
}

/// How each request of a run waits for its answer: plain data, decided by the run driver
/// (`model::run_driver`) and carried out by the runtime.
#[derive(Clone, Debug, PartialEq)]
pub enum Transport {
    /// A browser timer of the request's latency.
    Simulated,
    /// A real `fetch()` (a synchronous XHR for blocking) to the request's own URL.
    Real { urls: std::rc::Rc<Vec<String>>, timeout_ms: Option<u32> },
}

impl Transport {
    /// The run's transport: real targets made unique per run (`unique_url`), so no request shares
    /// a cache or timing entry; else simulated.
    pub fn for_run(real: Option<&crate::model::config::RealTargets>, run: u32) -> Transport {
        match real {
            Some(targets) => {
                let urls = targets.urls.iter().enumerate().map(|(i, url)| unique_url(url, run, i)).collect();
                Transport::Real { urls: std::rc::Rc::new(urls), timeout_ms: targets.timeout_ms }
            }
            None => Transport::Simulated,
        }
    }
}

/// Makes every request's URL its own (`_sva=<run>.<i>`): no two requests of a run share a
/// cache entry or a Resource Timing entry.
pub fn unique_url(url: &str, run: u32, i: usize) -> String {
    let (base, fragment) = match url.find('#') {
        Some(at) => url.split_at(at),
        None => (url, ""),
    };
    let join = if base.contains('?') { '&' } else { '?' };
    format!("{base}{join}_sva={run}.{}{fragment}", i + 1)
}

/// What became of one real request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestOutcome {
    Ok,
    HttpError,
    /// `fetch` rejected: the network failed, or (most often) CORS refused the answer.
    NetworkError,
    Timeout,
    Cancelled,
}

impl RequestOutcome {
    pub const ALL: [RequestOutcome; 5] =
        [RequestOutcome::Ok, RequestOutcome::HttpError, RequestOutcome::NetworkError, RequestOutcome::Timeout, RequestOutcome::Cancelled];

    /// Its place in `ALL` (an exhaustive match: a new variant must be given one), where the
    /// words keep its name.
    pub const fn index(self) -> usize {
        match self {
            RequestOutcome::Ok => 0,
            RequestOutcome::HttpError => 1,
            RequestOutcome::NetworkError => 2,
            RequestOutcome::Timeout => 3,
            RequestOutcome::Cancelled => 4,
        }
    }

    /// The hook value: `data-outcome`.
    pub fn key(self) -> &'static str {
        match self {
            RequestOutcome::Ok => "ok",
            RequestOutcome::HttpError => "http-error",
            RequestOutcome::NetworkError => "network-error",
            RequestOutcome::Timeout => "timeout",
            RequestOutcome::Cancelled => "cancelled",
        }
    }
}

/// The phases of a real request as the browser's Resource Timing reports them, DevTools-style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhaseKind {
    Queueing,
    Dns,
    Connect,
    Waiting,
    Download,
}

impl PhaseKind {
    pub const ALL: [PhaseKind; 5] = [PhaseKind::Queueing, PhaseKind::Dns, PhaseKind::Connect, PhaseKind::Waiting, PhaseKind::Download];

    /// Its place in `ALL` (an exhaustive match: a new variant must be given one), where the
    /// words keep its name.
    pub const fn index(self) -> usize {
        match self {
            PhaseKind::Queueing => 0,
            PhaseKind::Dns => 1,
            PhaseKind::Connect => 2,
            PhaseKind::Waiting => 3,
            PhaseKind::Download => 4,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            PhaseKind::Queueing => "queueing",
            PhaseKind::Dns => "dns",
            PhaseKind::Connect => "connect",
            PhaseKind::Waiting => "waiting",
            PhaseKind::Download => "download",
        }
    }
}

/// One Resource Timing entry's marks (ms on the page's clock; 0 where hidden).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ResourceMarks {
    pub start: f64,
    pub domain_lookup_start: f64,
    pub domain_lookup_end: f64,
    pub connect_start: f64,
    pub connect_end: f64,
    pub request_start: f64,
    pub response_start: f64,
    pub response_end: f64,
}

/// Phases relative to the run's start `t0`, and the time spent waiting for a connection.
/// `None` where the server hid its timing (cross-origin without `Timing-Allow-Origin`).
/// A request's phases: each one's kind, start and end, ms from the run's start.
pub type Phases = Vec<(PhaseKind, f64, f64)>;

pub fn phases(m: &ResourceMarks, t0: f64) -> Option<(Phases, f64)> {
    if m.request_start <= 0.0 || m.response_start <= 0.0 {
        return None;
    }
    let dns = (m.domain_lookup_end - m.domain_lookup_start).max(0.0);
    let connect = (m.connect_end - m.connect_start).max(0.0);
    // Everything between the call and the request going out that DNS and connecting do not explain.
    let queued = (m.request_start - m.start - dns - connect).max(0.0);
    let mut out = Vec::new();
    let mut push = |kind, from: f64, to: f64| {
        if to > from {
            out.push((kind, from - t0, to - t0));
        }
    };
    push(PhaseKind::Queueing, m.start, m.start + queued);
    if dns > 0.0 {
        push(PhaseKind::Dns, m.domain_lookup_start, m.domain_lookup_end);
    }
    if connect > 0.0 {
        push(PhaseKind::Connect, m.connect_start, m.connect_end);
    }
    push(PhaseKind::Waiting, m.request_start, m.response_start);
    push(PhaseKind::Download, m.response_start, m.response_end.max(m.response_start));
    Some((out, queued))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_expand_per_request() {
        assert_eq!(expand("https://h/delay/{s}?n={i}&ms={ms}", 1, 1500), "https://h/delay/1.5?n=2&ms=1500");
        assert_eq!(expand("./delay/{ms}", 0, 0), "./delay/0");
        assert_eq!(expand("{s}|{s}", 0, 250), "0.25|0.25");
        assert_eq!(expand("{s}", 0, 60_001), "60.001");
        assert_eq!(expand("{s}", 0, 3000), "3");
    }

    #[test]
    fn only_http_and_https() {
        for ok in ["https://example.org/x", "HTTP://x", "./delay/5", "/abs/path", "delay/5?a=b:c", "//cdn.example/x"] {
            assert_eq!(check_url(ok), Ok(()), "{ok}");
        }
        for bad in ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "ftp://x", " JavaScript:x", "blob:x"] {
            assert!(matches!(check_url(bad), Err(TargetError::Scheme { .. })), "{bad}");
        }
        assert_eq!(check_url("  "), Err(TargetError::Empty));
    }

    #[test]
    fn what_the_emulator_answers() {
        assert!(is_emulated("./delay/300?request=1"));
        assert!(is_emulated("delay/0"));
        assert!(!is_emulated("https://h/delay/300"));
        assert!(!is_emulated("//h/delay/300"));
        assert!(!is_emulated("./delay/abc"));
        assert!(!is_emulated("./?request=1"));
    }

    #[test]
    fn unique_urls_keep_query_and_fragment() {
        assert_eq!(unique_url("./delay/5", 3, 0), "./delay/5?_sva=3.1");
        assert_eq!(unique_url("https://h/x?a=1#top", 3, 1), "https://h/x?a=1&_sva=3.2#top");
    }

    #[test]
    fn phases_from_resource_timing() {
        // A request that waited 300 ms for one of the six connections, on a reused connection.
        let m = ResourceMarks {
            start: 1000.0,
            domain_lookup_start: 1000.0,
            domain_lookup_end: 1000.0,
            connect_start: 1000.0,
            connect_end: 1000.0,
            request_start: 1301.0,
            response_start: 1602.0,
            response_end: 1603.0,
        };
        let (p, queued) = phases(&m, 1000.0).unwrap();
        assert_eq!(queued, 301.0);
        assert_eq!(p[0], (PhaseKind::Queueing, 0.0, 301.0));
        assert_eq!(p[1], (PhaseKind::Waiting, 301.0, 602.0));
        assert_eq!(p[2], (PhaseKind::Download, 602.0, 603.0));
        // Hidden by the server: no phases, and the bar says so.
        assert_eq!(phases(&ResourceMarks { start: 5.0, response_end: 9.0, ..Default::default() }, 0.0), None);
    }

    #[test]
    fn lists_must_match_the_requests() {
        let lat = [100, 200];
        assert_eq!(targets(None, Some("https://a/1\n\n https://a/2 \n"), &lat), Ok(vec!["https://a/1".into(), "https://a/2".into()]));
        assert_eq!(targets(None, Some("https://a/1"), &lat), Err(TargetError::WrongCount { expected: 2, found: 1 }));
        assert!(matches!(targets(None, Some("https://a/1\njavascript:x"), &lat), Err(TargetError::Scheme { .. })));
        assert_eq!(targets(Some("./delay/{ms}"), None, &lat), Ok(vec!["./delay/100".into(), "./delay/200".into()]));
        assert_eq!(targets(None, None, &lat), Err(TargetError::Empty));
        assert_eq!(targets(Some("x"), None, &[1; 101]), Err(TargetError::TooMany { count: 101, max: 100 }));
    }

    #[test]
    fn hosts_count_where_requests_go() {
        let urls: Vec<String> =
            ["https://API.example.com/a", "https://api.example.com/b?x=//y", "./delay/300", "http://u:p@other.example:8080/"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        assert_eq!(hosts(&urls), vec![(Some("api.example.com".into()), 2), (None, 1), (Some("other.example:8080".into()), 1)]);
    }
}
