//! The scenario in the link: a query string a person can read and write.
//!
//! `lat=300,800&proc=0&mode=compare&limit=6`, or `preset=random&n=8&seed=42` instead of `lat`,
//! and `autorun=1`; how it is shown: `embed=1&theme=dark&panels=waterfall,results`.
//! Unknown parameters are ignored; a bad value becomes a `Notice` naming the parameter, and the
//! rest of the link still applies. Decoding never panics, whatever the input.
//!
//! Links last: a link made today must open the same scenario after the format grows. New
//! parameters get defaults that mean "as before"; the day a parameter's meaning has to change,
//! links start carrying `v=2` and links without `v` keep the old reading. `OLD_LINKS` in the
//! tests pins what today's links mean.

use super::config::{self, join, parse_count, parse_limit, FieldError, LabConfig};
use super::presentation::{Lang, Panels, Presentation, Theme};
use super::preset::Preset;
use super::scenario::{limits, parse_list, ListError};
use super::source::{check_url, expand, SourceKind, TargetError};
use super::strategy::Mode;

/// What is wrong with one parameter of a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub param: &'static str,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Field(FieldError),
    /// Not one of the allowed words.
    Unknown {
        value: String,
        allowed: Vec<&'static str>,
    },
    /// A number that is not a whole number from 0 up.
    NotASeed {
        value: String,
    },
    /// Real-request targets that cannot be used.
    Target(TargetError),
}

/// A decoded link: the configuration, whether to run at once, and what was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub config: LabConfig,
    pub presentation: Presentation,
    pub autorun: bool,
    /// The link asked to run at once, but for real requests: held until Run is clicked.
    pub autorun_held: bool,
    pub notices: Vec<Notice>,
    /// The link's `py=` as it came: the Python panel reads it, and says what it makes of it.
    pub py: Option<String>,
}

impl Decoded {
    /// The link's `py=` as the lab's links and address may carry it on (`carried_program`).
    pub fn program(&self) -> Option<&str> {
        self.py.as_deref().and_then(carried_program)
    }
}

pub const FLAG_KEYS: [&str; 2] = ["1", "0"];

/// Reads a query string (with or without its leading `?`).
pub fn decode(query: &str) -> Decoded {
    let params = parse_query(query);
    let get = |key: &str| params.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    let mut notices = Vec::new();
    let mut config = LabConfig::default();

    if let Some(value) = get("seed") {
        match value.trim().parse::<u64>() {
            Ok(seed) => config.seed = seed,
            Err(_) => notices.push(Notice { param: "seed", problem: Problem::NotASeed { value: shorten(value) } }),
        }
    }
    let mut preset = Preset::Note;
    if let Some(value) = get("preset") {
        match Preset::from_key(value) {
            Some(p) => preset = p,
            None => notices.push(unknown("preset", value, &Preset::ALL.map(Preset::key))),
        }
    }
    let mut n = preset.default_count() as u32;
    if let Some(value) = get("n") {
        match parse_count(value) {
            Ok(count) => n = count,
            Err(e) => notices.push(Notice { param: "n", problem: Problem::Field(e) }),
        }
    }
    config.preset = preset;
    config.count = n.to_string();
    config.latencies = join(&preset.latencies(n as usize, config.seed));
    if let Some(value) = get("lat") {
        match parse_list(value, limits::MAX_LATENCY_MS, limits::MAX_REQUESTS) {
            Ok(list) => {
                config.preset = Preset::Custom;
                config.count = list.len().to_string();
                config.latencies = join(&list);
            }
            Err(e) => notices.push(list_notice("lat", e)),
        }
    }
    // A list of URLs alone defines the requests: as many as it has lines.
    if let (None, Some(urls)) = (get("lat"), get("urls")) {
        config.follow_list_count(urls);
    }
    if let Some(value) = get("proc") {
        let n = parse_count(&config.count).unwrap_or(1) as usize;
        match config::per_request(value, n) {
            Ok(list) => config.processing = compact(&list),
            Err(e) => notices.push(list_notice("proc", e)),
        }
    }
    if let Some(value) = get("mode") {
        match Mode::from_key(value) {
            Some(mode) => config.mode = mode,
            None => notices.push(unknown("mode", value, &Mode::ALL.map(Mode::key))),
        }
    }
    if let Some(value) = get("limit") {
        match parse_limit(value) {
            Ok(k) => config.limit = k.to_string(),
            Err(e) => notices.push(Notice { param: "limit", problem: Problem::Field(e) }),
        }
    }
    let mut autorun = flag(get("autorun"), "autorun", &mut notices);
    if let Some(value) = get("src") {
        match SourceKind::from_key(value) {
            Some(source) => config.source = source,
            None => notices.push(unknown("src", value, &SourceKind::KEYS)),
        }
    }
    if let Some(value) = get("url") {
        match check_url(&expand(value, 0, 0)) {
            Ok(()) => config.target = value.to_string(),
            Err(e) => notices.push(Notice { param: "url", problem: Problem::Target(e) }),
        }
    }
    if let Some(value) = get("urls") {
        match value.lines().map(str::trim).filter(|l| !l.is_empty()).map(check_url).find_map(Result::err) {
            None => config.target_list = value.trim().to_string(),
            Some(e) => notices.push(Notice { param: "urls", problem: Problem::Target(e) }),
        }
    }
    if let Some(value) = get("timeout") {
        match config::parse_timeout(value) {
            Ok(_) => config.timeout = value.trim().to_string(),
            Err(e) => notices.push(Notice { param: "timeout", problem: Problem::Field(e) }),
        }
    }
    // A shared link never sends real requests by itself: autorun is for simulated runs only.
    let autorun_held = autorun && config.source == SourceKind::Real;
    if autorun_held {
        autorun = false;
    }
    let mut presentation = Presentation { embed: flag(get("embed"), "embed", &mut notices), ..Presentation::default() };
    if let Some(value) = get("theme") {
        match Theme::from_key(value) {
            Some(theme) => presentation.theme = theme,
            None => notices.push(unknown("theme", value, &Theme::KEYS)),
        }
    }
    presentation.panels = Panels::default_for(presentation.embed);
    if let Some(value) = get("panels") {
        match Panels::parse(value) {
            Ok(panels) => presentation.panels = panels,
            Err(bad) => notices.push(unknown("panels", &bad, &Panels::KEYS)),
        }
    }
    if let Some(value) = get("lang") {
        match Lang::from_key(value) {
            Some(lang) => presentation.lang = Some(lang),
            None => notices.push(unknown("lang", value, &Lang::KEYS)),
        }
    }
    presentation.ask_guess = flag(get("guess"), "guess", &mut notices);
    let py = get("py").filter(|py| !py.is_empty()).map(str::to_string);
    Decoded { config, presentation, autorun, autorun_held, notices, py }
}

/// A `py=` value the lab's links may carry as it is: base64url of at most
/// `python::link::MAX_LINK_CHARS`. Copied into links unescaped, anything else (a typed
/// `py=x%26embed%3D1`) would inject parameters; whether it decodes to a program is the panel's
/// to say (`python::link::decode`), where the reader looks.
pub fn carried_program(value: &str) -> Option<&str> {
    let fits = (1..=super::python::link::MAX_LINK_CHARS).contains(&value.len());
    (fits && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')).then_some(value)
}

/// The page's whole query (without `?`): the form and how it is shown (`encode`), then the Python
/// panel's program where there is one. The lab alone writes it into the address bar.
pub fn address(config: &LabConfig, presentation: &Presentation, program: Option<&str>) -> String {
    let query = encode(config, presentation);
    match program.and_then(carried_program) {
        Some(program) => format!("{query}&py={program}"),
        None => query,
    }
}

/// Writes a valid configuration and how it is shown as a query string (without `?`). Fields
/// that do not validate are left out, so the link always opens on something runnable.
pub fn encode(config: &LabConfig, presentation: &Presentation) -> String {
    let mut parts: Vec<String> = Vec::new();
    let valid = config.validate().ok();
    match (&valid, config.preset) {
        (Some(v), Preset::Custom) => parts.push(format!("lat={}", compact(&v.scenario.latencies()))),
        (Some(v), preset) => {
            parts.push(format!("preset={}", preset.key()));
            if v.scenario.len() != preset.default_count() {
                parts.push(format!("n={}", v.scenario.len()));
            }
            if preset == Preset::Random {
                parts.push(format!("seed={}", config.seed));
            }
        }
        (None, _) => {}
    }
    if let Some(v) = &valid {
        if v.scenario.has_processing() {
            parts.push(format!("proc={}", compact(&v.scenario.processing())));
        }
    }
    parts.push(format!("mode={}", config.mode.key()));
    if config.mode.uses_limit() {
        if let Ok(k) = parse_limit(&config.limit) {
            parts.push(format!("limit={k}"));
        }
    }
    if config.source == SourceKind::Real {
        parts.push("src=real".into());
        // Only what decoding would accept, percent-encoded: a field can never add a parameter.
        if config.target_list.trim().is_empty() {
            if check_url(&expand(config.target.trim(), 0, 0)).is_ok() {
                parts.push(format!("url={}", percent_encode(config.target.trim())));
            }
        } else if config.target_list.lines().map(str::trim).filter(|l| !l.is_empty()).all(|l| check_url(l).is_ok()) {
            parts.push(format!("urls={}", percent_encode(config.target_list.trim())));
        }
        if let Ok(Some(ms)) = config::parse_timeout(&config.timeout) {
            parts.push(format!("timeout={ms}"));
        }
    }
    if presentation.embed {
        parts.push("embed=1".into());
    }
    if presentation.theme != Theme::Auto {
        parts.push(format!("theme={}", presentation.theme.key()));
    }
    if presentation.panels != Panels::default_for(presentation.embed) {
        parts.push(format!("panels={}", presentation.panels.keys().join(",")));
    }
    if let Some(lang) = presentation.lang {
        parts.push(format!("lang={}", lang.key()));
    }
    if presentation.ask_guess {
        parts.push("guess=1".into());
    }
    parts.join("&")
}

/// One value when all are equal, else the comma-separated list (no spaces: links stay short).
fn compact(values: &[u32]) -> String {
    match values.first() {
        Some(first) if values.iter().all(|v| v == first) => first.to_string(),
        _ => values.iter().map(u32::to_string).collect::<Vec<_>>().join(","),
    }
}

/// A yes/no parameter: `1` or `true`, `0` or `false`; anything else is named, and counts as no.
fn flag(value: Option<&str>, param: &'static str, notices: &mut Vec<Notice>) -> bool {
    match value {
        None | Some("0" | "false") => false,
        Some("1" | "true") => true,
        Some(other) => {
            notices.push(unknown(param, other, &FLAG_KEYS));
            false
        }
    }
}

fn unknown(param: &'static str, value: &str, allowed: &[&'static str]) -> Notice {
    Notice { param, problem: Problem::Unknown { value: shorten(value), allowed: allowed.to_vec() } }
}

fn list_notice(param: &'static str, e: ListError) -> Notice {
    Notice { param, problem: Problem::Field(FieldError::List(e)) }
}

fn shorten(text: &str) -> String {
    const MAX_CHARS: usize = 24;
    let mut s: String = text.chars().take(MAX_CHARS).collect();
    if text.chars().count() > MAX_CHARS {
        s.push('…');
    }
    s
}

/// Splits `a=1&b=2` into decoded pairs. `+` is a space, `%XX` a byte; malformed escapes stay as typed.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

/// Encodes what would break a query value (`& = + % #`, spaces, quotes, controls such as the
/// newlines of a URL list, and non-ASCII), and leaves `/ : ? { } , .` readable.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-_.~/:?{},;!*()@$[]".contains(&b);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi * 16 + lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::strategy::StrategyKind;

    #[test]
    fn reads_a_hand_written_link() {
        let d = decode("?lat=300,800,1200,500&proc=20&mode=bounded&limit=2&autorun=1&utm_source=x");
        assert!(d.notices.is_empty(), "{:?}", d.notices);
        assert!(d.autorun);
        let v = d.config.validate().unwrap();
        assert_eq!(v.scenario.latencies(), vec![300, 800, 1200, 500]);
        assert_eq!(v.scenario.processing(), vec![20; 4]);
        assert_eq!(v.mode, Mode::Single(StrategyKind::Bounded));
        assert_eq!(v.limit, 2);
    }

    #[test]
    fn bad_values_are_named_and_the_rest_applies() {
        let d = decode("lat=abc&mode=bounded&limit=0");
        let params: Vec<&str> = d.notices.iter().map(|n| n.param).collect();
        assert_eq!(params, vec!["lat", "limit"]);
        assert_eq!(d.config.mode, Mode::Single(StrategyKind::Bounded));
        assert!(d.config.validate().is_ok(), "falls back to something runnable");
    }

    #[test]
    fn too_many_requests_and_wrong_proc_length() {
        let many = vec!["1"; 10_001].join(",");
        let d = decode(&format!("lat={many}"));
        assert_eq!(d.notices[0].problem, Problem::Field(FieldError::List(ListError::TooMany { count: 10_001, max: 10_000 })));
        let d = decode("lat=1,2,3&proc=1,2");
        assert_eq!(d.notices[0].problem, Problem::Field(FieldError::List(ListError::WrongLength { expected: 3, found: 2 })));
    }

    #[test]
    fn presets_are_written_by_name() {
        let d = decode("preset=random&n=8&seed=7&mode=concurrent");
        assert_eq!(d.config.validate().unwrap().scenario.latencies(), Preset::Random.latencies(8, 7));
        assert_eq!(encode(&d.config, &d.presentation), "preset=random&n=8&seed=7&mode=concurrent");
        assert_eq!(encode(&LabConfig::default(), &Presentation::default()), "preset=note&mode=compare&limit=6");
    }

    #[test]
    fn presentation_round_trips_and_bad_values_are_named() {
        let d = decode("embed=1&theme=dark&panels=waterfall,results&lang=ru");
        assert!(d.notices.is_empty());
        assert!(d.presentation.embed);
        assert_eq!(d.presentation.theme, Theme::Dark);
        assert_eq!(d.presentation.lang, Some(Lang::Ru));
        assert_eq!(
            encode(&d.config, &d.presentation),
            "preset=note&mode=compare&limit=6&embed=1&theme=dark&panels=waterfall,results&lang=ru"
        );
        let d = decode("theme=neon&panels=waterfall,timeline&embed=yes&lang=fr&guess=2");
        let params: Vec<&str> = d.notices.iter().map(|n| n.param).collect();
        assert_eq!(params, vec!["embed", "theme", "panels", "lang", "guess"]);
        assert_eq!(d.presentation, Presentation::default());
        // An embed names only the panels it changes from an embed's own; guess=1 poses the question.
        let d = decode("embed=1&guess=1");
        assert_eq!(d.presentation.panels, Panels::EMBED);
        assert!(d.presentation.ask_guess);
        assert_eq!(encode(&d.config, &d.presentation), "preset=note&mode=compare&limit=6&embed=1&guess=1");
        let d = decode("embed=1&panels=totals,growth");
        assert_eq!(encode(&d.config, &d.presentation), "preset=note&mode=compare&limit=6&embed=1&panels=totals,growth");
    }

    /// Links made today, and what they must keep meaning: (link, latencies, mode, predicted
    /// totals per strategy of the mode). Add rows; never change one.
    const OLD_LINKS: &[(&str, &[u32], &str, &[f64])] = &[
        ("preset=note&mode=compare&limit=6", &[300, 800], "compare", &[1100.0, 1100.0, 800.0, 800.0]),
        ("lat=300,800,1200,500&mode=bounded&limit=2", &[300, 800, 1200, 500], "bounded", &[1500.0]),
        ("preset=staggered&n=3&proc=10&mode=concurrent", &[100, 800, 1500], "concurrent", &[1510.0]),
        ("preset=random&n=3&seed=42&mode=sequential", &[480, 480, 970], "sequential", &[1930.0]),
    ];

    #[test]
    fn old_links_keep_their_meaning() {
        use crate::model::predict;
        for (link, latencies, mode, totals) in OLD_LINKS {
            let d = decode(link);
            assert!(d.notices.is_empty(), "{link}: {:?}", d.notices);
            let v = d.config.validate().unwrap();
            assert_eq!(v.scenario.latencies(), latencies.to_vec(), "{link}");
            assert_eq!(v.mode.key(), *mode, "{link}");
            let predicted: Vec<f64> = v.strategies().iter().map(|&s| predict(&v.scenario, s).total).collect();
            assert_eq!(predicted, totals.to_vec(), "{link}");
        }
        // The seeded random preset is part of the format: its lists must never change.
        assert_eq!(Preset::Random.latencies(3, 42), RANDOM_42_3.to_vec());
    }

    const RANDOM_42_3: [u32; 3] = [480, 480, 970];

    #[test]
    fn real_sources_in_the_link_and_no_autorun() {
        let d = decode("src=real&url=https%3A%2F%2Fhttpbin.org%2Fdelay%2F%7Bs%7D&timeout=3000&autorun=1");
        assert!(d.notices.is_empty(), "{:?}", d.notices);
        assert_eq!(d.config.source, SourceKind::Real);
        assert_eq!(d.config.target, "https://httpbin.org/delay/{s}");
        assert!(!d.autorun, "a link never sends real requests by itself");
        assert!(d.autorun_held);
        assert_eq!(
            encode(&d.config, &d.presentation),
            "preset=note&mode=compare&limit=6&src=real&url=https://httpbin.org/delay/{s}&timeout=3000"
        );
        let d = decode("src=real&urls=http%3A%2F%2Fa%2F1%0Ahttp%3A%2F%2Fa%2F2%3Fx%3D1%26y%3D2");
        assert_eq!(d.config.target_list, "http://a/1\nhttp://a/2?x=1&y=2");
        assert_eq!(decode(&encode(&d.config, &d.presentation)).config.target_list, d.config.target_list);
        let d = decode("src=ftp&url=javascript:alert(1)&urls=data:x&timeout=-5");
        let params: Vec<&str> = d.notices.iter().map(|n| n.param).collect();
        assert_eq!(params, vec!["src", "url", "urls", "timeout"]);
        assert_eq!(d.config.source, SourceKind::Simulated);
    }

    #[test]
    fn processing_is_written_as_one_value_when_all_are_equal() {
        assert_eq!(compact(&[20, 20, 20]), "20");
        assert_eq!(compact(&[20, 30, 20]), "20,30,20");
        assert_eq!(compact(&[20]), "20");
        assert_eq!(compact(&[]), "");
        let d = decode("lat=1,2,3&proc=5");
        assert!(encode(&d.config, &d.presentation).contains("&proc=5&"));
        let d = decode("lat=1,2,3&proc=5,6,5");
        assert!(encode(&d.config, &d.presentation).contains("&proc=5,6,5&"));
    }

    #[test]
    fn a_bad_value_is_echoed_short() {
        let d = decode("preset=zzz");
        assert_eq!(d.notices[0].problem, Problem::Unknown { value: "zzz".into(), allowed: Preset::ALL.map(Preset::key).to_vec() });
        let exactly = "y".repeat(24);
        let d = decode(&format!("theme={exactly}"));
        assert_eq!(
            d.notices[0].problem,
            Problem::Unknown { value: exactly.clone(), allowed: Theme::KEYS.to_vec() },
            "24 characters: whole"
        );
        let long = "x".repeat(30);
        let d = decode(&format!("theme={long}"));
        assert_eq!(d.notices[0].problem, Problem::Unknown { value: format!("{}…", "x".repeat(24)), allowed: Theme::KEYS.to_vec() });
    }

    #[test]
    fn a_url_list_alone_defines_the_requests() {
        let d = decode("src=real&urls=./a%0A./b%0A./c%0A./d&mode=concurrent");
        assert!(d.notices.is_empty(), "{:?}", d.notices);
        assert_eq!(d.config.validate().unwrap().scenario.len(), 4);
        let d = decode("src=real&urls=./a%0A./b%0A./c%0A./d&lat=100,200");
        assert!(d.config.validate().is_err(), "a list and lat of different lengths: the clear message");
    }

    #[test]
    fn typed_fields_cannot_inject_parameters() {
        let mut config = LabConfig { source: SourceKind::Real, timeout: "3000&embed=1".into(), ..LabConfig::default() };
        config.target = "https://a.example/x?y=1&embed=1#z".into();
        let link = encode(&config, &Presentation::default());
        assert!(!link.contains("timeout"), "an invalid timeout is left out: {link}");
        let d = decode(&link);
        assert!(!d.presentation.embed, "{link}");
        assert_eq!(d.config.target, config.target, "the URL travels whole, escaped: {link}");
        config.timeout = " 2500 ".into();
        config.target = "javascript:alert(1)".into();
        let link = encode(&config, &Presentation::default());
        assert!(link.contains("timeout=2500") && !link.contains("url="), "{link}");
        let d = decode("lat=1,2,,3");
        assert_eq!(d.notices[0].problem, Problem::Field(FieldError::List(ListError::EmptyItem { item: 3 })));
    }

    #[test]
    fn percent_decoding_is_total() {
        assert_eq!(percent_decode("300%2C800"), "300,800");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
        assert_eq!(decode("lat=300%2C800").config.latencies, "300, 800");
    }

    #[test]
    fn the_address_carries_the_panels_program_only_as_base64url_that_fits() {
        let link = "lat=300,800&mode=compare&py=eJx_-9";
        assert_eq!(decode(link).program(), Some("eJx_-9"));
        for bad in ["py=x%26embed%3D1", "py=a+b", "py=", "py=%C3%A9"] {
            assert_eq!(decode(bad).program(), None, "{bad}");
        }
        assert_eq!(decode("py=x%26embed%3D1").py.as_deref(), Some("x&embed=1"), "the panel still reads it, to say it cannot");
        assert_eq!(decode("py=").py, None);
        let long = "A".repeat(crate::model::python::link::MAX_LINK_CHARS);
        assert_eq!(decode(&format!("py={long}")).program(), Some(long.as_str()), "the longest the panel writes");
        assert_eq!(decode(&format!("py={long}A")).program(), None, "one more is refused");
        let d = decode(link);
        let query = encode(&d.config, &d.presentation);
        assert_eq!(address(&d.config, &d.presentation, d.program()), format!("{query}&py=eJx_-9"));
        assert_eq!(address(&d.config, &d.presentation, None), query, "no program, no py=");
        assert_eq!(address(&d.config, &d.presentation, Some("x&embed=1")), query, "a parameter cannot be injected");
        assert!(decode(link).notices.is_empty(), "py= is no notice: the panel says what it makes of it");
    }
}
