//! What the person chose in the form, as typed, and how it becomes a runnable scenario.
//!
//! Fields are kept as text so that a half-typed or wrong value stays on screen with its
//! message next to it; `validate` turns the whole form into a scenario or a list of errors.

use super::preset::{self, Preset};
use super::scenario::{limits, parse_list, parse_number, ListError, Request, Scenario};
use super::source::{self, SourceKind, TargetError, TargetPreset, MAX_REAL_REQUESTS, MAX_TIMEOUT_MS};
use super::strategy::{Mode, Strategy, StrategyKind};

/// The longest the lab keeps the page's one thread busy in a run, ms. Blocking waits and
/// processing hold the thread: 10,000 blocking requests of a second would freeze the tab for
/// hours, and it could not even be cancelled.
pub const MAX_FROZEN_MS: u64 = 30_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabConfig {
    pub preset: Preset,
    pub seed: u64,
    pub count: String,
    pub latencies: String,
    pub processing: String,
    pub mode: Mode,
    pub limit: String,
    /// Simulated on timers, or real `fetch()` calls.
    pub source: SourceKind,
    /// Real targets: a URL template (`{i}`, `{ms}`, `{s}`), or a list with one URL a line.
    pub target: String,
    pub target_list: String,
    /// Per-request timeout for real requests, ms; empty for none.
    pub timeout: String,
}

/// A message per field; `None` where the field is fine.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors {
    pub count: Option<FieldError>,
    /// The strategy chosen cannot run this scenario (blocking would freeze the page too long).
    pub mode: Option<FieldError>,
    pub latencies: Option<FieldError>,
    pub processing: Option<FieldError>,
    pub limit: Option<FieldError>,
    pub targets: Option<TargetError>,
    pub timeout: Option<FieldError>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    List(ListError),
    BelowMinimum {
        min: u32,
    },
    /// A blocking run would hold the thread this long, over `MAX_FROZEN_MS`.
    Freezes {
        ms: u64,
    },
    /// Processing alone would hold the thread this long, over `MAX_FROZEN_MS`.
    TooBusy {
        ms: u64,
    },
    /// Blocking over real requests that are not bounded in time (see `BlockingReal`).
    BlockingReal(BlockingReal),
}

/// Why blocking cannot run over these real targets. A blocking request is a synchronous
/// XMLHttpRequest: in a window it can neither time out nor be cancelled, so a slow server would
/// freeze the page for as long as it likes; and it does not go through the service worker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockingReal {
    /// A target on another site (an absolute address): its time is not the lab's to bound.
    Unbounded,
    /// The latency emulator: the synchronous request would miss the service worker and time a
    /// missing file instead (measured: 13 ms for 1,600 ms predicted).
    Emulated,
}

/// Why a comparison leaves blocking out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeftOut {
    /// It would freeze the page this long, over `MAX_FROZEN_MS`.
    Freezes {
        ms: u64,
    },
    Real(BlockingReal),
}

/// A form that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidConfig {
    pub scenario: Scenario,
    pub mode: Mode,
    pub limit: u32,
    /// Set for real runs: one URL per request, and the per-request timeout.
    pub real: Option<RealTargets>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RealTargets {
    pub urls: Vec<String>,
    pub timeout_ms: Option<u32>,
    /// The latency emulator (a service worker) must be running first.
    pub needs_emulator: bool,
    /// Why blocking cannot run over these targets; `None` where it can (the page's own files).
    pub blocking: Option<BlockingReal>,
}

/// Whether a blocking (synchronous) request to each of `urls` is bounded in time.
fn blocking_real(urls: &[String]) -> Option<BlockingReal> {
    if urls.iter().any(|u| source::is_emulated(u)) {
        Some(BlockingReal::Emulated)
    } else if urls.iter().any(|u| !source::is_relative(u)) {
        Some(BlockingReal::Unbounded)
    } else {
        None
    }
}

pub const DEFAULT_SEED: u64 = 42;
pub const DEFAULT_LIMIT: u32 = 6;

impl Default for LabConfig {
    fn default() -> Self {
        let preset = Preset::Note;
        let n = preset.default_count();
        LabConfig {
            preset,
            seed: DEFAULT_SEED,
            count: n.to_string(),
            latencies: join(&preset.latencies(n, DEFAULT_SEED)),
            processing: "0".into(),
            mode: Mode::Compare,
            limit: DEFAULT_LIMIT.to_string(),
            source: SourceKind::Simulated,
            target: TargetPreset::Emulator.template().to_string(),
            target_list: String::new(),
            timeout: String::new(),
        }
    }
}

impl FieldErrors {
    pub fn is_empty(&self) -> bool {
        *self == FieldErrors::default()
    }

    /// Whether a comparison could still run: only the strategy's own error (blocking alone
    /// refused), which a comparison avoids by leaving blocking out.
    pub fn only_mode(&self) -> bool {
        FieldErrors { mode: None, ..self.clone() }.is_empty()
    }
}

impl ValidConfig {
    /// The strategies a run goes through: a comparison leaves blocking out when it would
    /// freeze the page too long (see `blocking_left_out`).
    pub fn strategies(&self) -> Vec<Strategy> {
        let left_out = self.blocking_left_out().is_some();
        self.mode.strategies(self.limit).into_iter().filter(|s| !(left_out && *s == Strategy::Blocking)).collect()
    }

    /// Why a comparison leaves blocking out: it would freeze the page over `MAX_FROZEN_MS`, or
    /// its real targets cannot be bounded in time.
    pub fn blocking_left_out(&self) -> Option<LeftOut> {
        if self.mode != Mode::Compare {
            return None;
        }
        self.blocking_cannot_run()
    }

    /// Why blocking cannot run this scenario, whatever the mode.
    fn blocking_cannot_run(&self) -> Option<LeftOut> {
        let real = self.real.as_ref().and_then(|r| r.blocking).map(LeftOut::Real);
        real.or_else(|| blocking_freezes(self.scenario.requests()).map(|ms| LeftOut::Freezes { ms }))
    }
}

/// Whether Compare, pressed now, would leave blocking out: the form is valid and blocking cannot
/// run it (it would freeze the page over `MAX_FROZEN_MS`, or its real targets are unbounded), or
/// blocking alone was refused for exactly that.
pub fn compare_leaves_out_blocking(validation: &Result<ValidConfig, FieldErrors>) -> bool {
    match validation {
        Ok(valid) => valid.blocking_cannot_run().is_some(),
        Err(errors) => errors.only_mode() && matches!(errors.mode, Some(FieldError::Freezes { .. } | FieldError::BlockingReal(_))),
    }
}

/// How long any run holds the thread processing responses, one after another.
fn processing_ms(requests: &[Request]) -> u64 {
    requests.iter().map(|r| u64::from(r.processing_ms)).sum()
}

/// How long a blocking run of `requests` would freeze the page, when that is over
/// `MAX_FROZEN_MS`: every latency and every processing time, in turn, on the one thread.
fn blocking_freezes(requests: &[Request]) -> Option<u64> {
    let frozen = processing_ms(requests) + requests.iter().map(|r| u64::from(r.latency_ms)).sum::<u64>();
    (frozen > MAX_FROZEN_MS).then_some(frozen)
}

impl LabConfig {
    /// Chooses a preset: its own number of requests and its latencies.
    pub fn choose_preset(&mut self, preset: Preset) {
        self.preset = preset;
        if preset != Preset::Custom {
            let n = preset.default_count();
            self.count = n.to_string();
            self.latencies = join(&preset.latencies(n, self.seed));
        }
    }

    /// Changes the number of requests: a preset makes that many, a hand-typed list is cut or extended.
    pub fn set_count(&mut self, text: String) {
        if let Ok(n) = parse_count(&text) {
            let n = n as usize;
            let latencies = match self.preset {
                Preset::Custom => {
                    let typed = parse_list(&self.latencies, limits::MAX_LATENCY_MS, usize::MAX).unwrap_or_default();
                    preset::resize(&typed, n)
                }
                preset => preset.latencies(n, self.seed),
            };
            self.latencies = join(&latencies);
        }
        self.count = text;
    }

    /// Hand-edited latencies: the preset becomes custom, the count follows the list.
    pub fn set_latencies(&mut self, text: String) {
        self.preset = Preset::Custom;
        if let Ok(list) = parse_list(&text, limits::MAX_LATENCY_MS, limits::MAX_REQUESTS) {
            self.count = list.len().to_string();
        }
        self.latencies = text;
    }

    /// A typed URL list: it defines the requests, so the number of requests follows it (the
    /// latencies then feed only the prediction and `{ms}`).
    pub fn set_target_list(&mut self, text: String) {
        self.follow_list_count(&text);
        self.target_list = text;
    }

    /// As many requests as `list` has URLs (when that is a number a real run allows).
    pub fn follow_list_count(&mut self, list: &str) {
        let n = source::list_lines(list).count();
        if (1..=MAX_REAL_REQUESTS).contains(&n) && parse_count(&self.count).ok() != Some(n as u32) {
            self.set_count(n.to_string());
        }
    }

    pub fn set_seed(&mut self, seed: u64) {
        self.seed = seed;
        if self.preset == Preset::Random {
            if let Ok(n) = parse_count(&self.count) {
                self.latencies = join(&Preset::Random.latencies(n as usize, seed));
            }
        }
    }

    // The error is the form's whole set of messages, one per field, made once per edit: large by
    // design, and boxing it would only move it.
    #[allow(clippy::result_large_err)]
    pub fn validate(&self) -> Result<ValidConfig, FieldErrors> {
        let mut errors = FieldErrors::default();
        let latencies = parse_list(&self.latencies, limits::MAX_LATENCY_MS, limits::MAX_REQUESTS)
            .map_err(|e| errors.latencies = Some(FieldError::List(e)))
            .ok();
        if let Err(e) = parse_count(&self.count) {
            errors.count = Some(e);
        }
        let processing = match &latencies {
            Some(lat) => per_request(&self.processing, lat.len()).map_err(|e| errors.processing = Some(FieldError::List(e))).ok(),
            None => None,
        };
        let requests: Option<Vec<Request>> = latencies
            .as_ref()
            .zip(processing.as_ref())
            .map(|(lat, proc)| lat.iter().zip(proc).map(|(&latency_ms, &processing_ms)| Request { latency_ms, processing_ms }).collect());
        if let Some(requests) = &requests {
            let busy = processing_ms(requests);
            if busy > MAX_FROZEN_MS {
                errors.processing = Some(FieldError::TooBusy { ms: busy });
            } else if let Some(ms) = blocking_freezes(requests).filter(|_| self.mode == Mode::Single(StrategyKind::Blocking)) {
                errors.mode = Some(FieldError::Freezes { ms });
            }
        }
        let limit = parse_limit(&self.limit);
        if self.mode.uses_limit() {
            if let Err(e) = &limit {
                errors.limit = Some(e.clone());
            }
        }
        let mut real = None;
        if self.source == SourceKind::Real {
            let timeout_ms = parse_timeout(&self.timeout).map_err(|e| errors.timeout = Some(e)).ok().flatten();
            if let Some(lat) = &latencies {
                let list = (!self.target_list.trim().is_empty()).then_some(self.target_list.as_str());
                match source::targets(Some(&self.target), list, lat) {
                    Ok(urls) => {
                        let needs_emulator = urls.iter().any(|u| source::is_emulated(u));
                        let blocking = blocking_real(&urls);
                        if let (Some(why), Mode::Single(StrategyKind::Blocking)) = (blocking, self.mode) {
                            errors.mode = Some(FieldError::BlockingReal(why));
                        }
                        real = Some(RealTargets { urls, timeout_ms, needs_emulator, blocking })
                    }
                    Err(e) => errors.targets = Some(e),
                }
            }
            if let Some(lat) = &latencies {
                if lat.len() > MAX_REAL_REQUESTS && errors.targets.is_none() {
                    errors.targets = Some(TargetError::TooMany { count: lat.len(), max: MAX_REAL_REQUESTS });
                }
            }
        }
        match requests {
            Some(requests) if errors.is_empty() => {
                let scenario = Scenario::new(requests).ok_or_else(FieldErrors::default)?;
                Ok(ValidConfig { scenario, mode: self.mode, limit: limit.unwrap_or(DEFAULT_LIMIT), real })
            }
            _ => Err(errors),
        }
    }
}

/// Processing time: one value for every request, or one per request.
pub fn per_request(text: &str, n: usize) -> Result<Vec<u32>, ListError> {
    let list = parse_list(text, limits::MAX_PROCESSING_MS, limits::MAX_REQUESTS)?;
    match list.len() {
        1 => Ok(vec![list[0]; n]),
        len if len == n => Ok(list),
        found => Err(ListError::WrongLength { expected: n, found }),
    }
}

/// Empty means no timeout; else 1..=MAX_TIMEOUT_MS.
pub fn parse_timeout(text: &str) -> Result<Option<u32>, FieldError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    at_least_one(parse_number(text, MAX_TIMEOUT_MS)).map(Some)
}

pub fn parse_count(text: &str) -> Result<u32, FieldError> {
    at_least_one(parse_number(text, limits::MAX_REQUESTS as u32))
}

pub fn parse_limit(text: &str) -> Result<u32, FieldError> {
    at_least_one(parse_number(text, limits::MAX_CONCURRENCY))
}

fn at_least_one(parsed: Result<u32, ListError>) -> Result<u32, FieldError> {
    match parsed {
        Ok(0) => Err(FieldError::BelowMinimum { min: 1 }),
        Ok(n) => Ok(n),
        Err(e) => Err(FieldError::List(e)),
    }
}

/// How lists are written back into fields and links.
pub fn join(values: &[u32]) -> String {
    values.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_the_notes_example_compared() {
        let valid = LabConfig::default().validate().unwrap();
        assert_eq!(valid.scenario.latencies(), vec![300, 800]);
        assert_eq!(valid.mode, Mode::Compare);
    }

    #[test]
    fn the_page_is_never_frozen_for_more_than_max_frozen_ms() {
        let mut c = LabConfig::default();
        c.set_latencies(vec!["1000"; 10_000].join(","));
        // Compared: blocking would take 10,000 s; it is left out and the rest still run.
        let valid = c.validate().unwrap();
        assert_eq!(valid.blocking_left_out(), Some(LeftOut::Freezes { ms: 10_000_000 }));
        assert_eq!(valid.strategies().len(), 3);
        assert!(!valid.strategies().contains(&Strategy::Blocking));
        // Blocking alone: refused, on the strategy field.
        c.mode = Mode::Single(StrategyKind::Blocking);
        assert_eq!(c.validate().unwrap_err().mode, Some(FieldError::Freezes { ms: 10_000_000 }));
        // Concurrent: fine; but not with 10 s of processing each, which holds the thread too.
        c.mode = Mode::Single(StrategyKind::Concurrent);
        assert!(c.validate().is_ok());
        c.processing = "10000".into();
        assert_eq!(c.validate().unwrap_err().processing, Some(FieldError::TooBusy { ms: 100_000_000 }));
        // Whatever the chosen strategy, Compare would leave blocking out; not with short latencies.
        for mode in [Mode::Single(StrategyKind::Blocking), Mode::Single(StrategyKind::Sequential), Mode::Compare] {
            c.processing = "0".into();
            c.mode = mode;
            assert!(compare_leaves_out_blocking(&c.validate()), "{mode:?}");
        }
        c.processing = "10000".into();
        assert!(!compare_leaves_out_blocking(&c.validate()), "processing refused: Compare cannot run at all");
        assert!(!compare_leaves_out_blocking(&LabConfig::default().validate()));
        // At the limit exactly, blocking still runs.
        let mut c = LabConfig::default();
        c.set_latencies("20000, 10000".into());
        c.mode = Mode::Single(StrategyKind::Blocking);
        assert!(c.validate().is_ok());
        c.set_latencies("20000, 10001".into());
        assert!(c.validate().is_err());
    }

    #[test]
    fn count_regenerates_a_preset_and_resizes_a_custom_list() {
        let mut c = LabConfig::default();
        c.choose_preset(Preset::Equal);
        c.set_count("3".into());
        assert_eq!(c.latencies, "500, 500, 500");
        c.set_latencies("100, 200".into());
        assert_eq!(c.preset, Preset::Custom);
        assert_eq!(c.count, "2");
        c.set_count("4".into());
        assert_eq!(c.latencies, "100, 200, 200, 200");
    }

    #[test]
    fn a_bad_count_keeps_the_list_and_names_the_field() {
        let mut c = LabConfig::default();
        c.set_count("0".into());
        assert_eq!(c.latencies, "300, 800");
        let errors = c.validate().unwrap_err();
        assert_eq!(errors.count, Some(FieldError::BelowMinimum { min: 1 }));
        assert_eq!(errors.latencies, None);
    }

    #[test]
    fn processing_one_value_or_one_per_request() {
        let mut c = LabConfig { processing: "50".into(), ..LabConfig::default() };
        assert_eq!(c.validate().unwrap().scenario.processing(), vec![50, 50]);
        c.processing = "10, 20".into();
        assert_eq!(c.validate().unwrap().scenario.processing(), vec![10, 20]);
        c.processing = "10, 20, 30".into();
        assert_eq!(c.validate().unwrap_err().processing, Some(FieldError::List(ListError::WrongLength { expected: 2, found: 3 })));
    }

    #[test]
    fn real_runs_need_safe_targets_and_at_most_100_requests() {
        let mut c = LabConfig { source: SourceKind::Real, ..LabConfig::default() };
        let v = c.validate().unwrap();
        assert_eq!(v.real.unwrap().urls, vec!["./delay/300?request=1", "./delay/800?request=2"]);
        c.target = "javascript:alert({i})".into();
        assert!(matches!(c.validate().unwrap_err().targets, Some(TargetError::Scheme { .. })));
        c.target = TargetPreset::Httpbin.template().into();
        c.timeout = "0".into();
        assert_eq!(c.validate().unwrap_err().timeout, Some(FieldError::BelowMinimum { min: 1 }));
        c.timeout = "2500".into();
        assert_eq!(c.validate().unwrap().real.unwrap().timeout_ms, Some(2500));
        c.set_count("101".into());
        assert_eq!(c.validate().unwrap_err().targets, Some(TargetError::TooMany { count: 101, max: 100 }));
        c.source = SourceKind::Simulated;
        assert!(c.validate().is_ok(), "simulated runs go up to 1000");
    }

    #[test]
    fn blocking_runs_only_over_real_targets_bounded_in_time() {
        let real = |target: &str, mode: Mode| LabConfig { source: SourceKind::Real, target: target.into(), mode, ..LabConfig::default() };
        let blocking = Mode::Single(StrategyKind::Blocking);
        // The page's own files: a synchronous request there is bounded; blocking runs.
        let own = real("./?request={i}", blocking).validate().unwrap();
        assert_eq!(own.real.as_ref().unwrap().blocking, None);
        assert_eq!(own.strategies(), vec![Strategy::Blocking]);
        // Another site: a server that never answers would freeze the page for good.
        let e = real("http://127.0.0.1:9/hang", blocking).validate().unwrap_err();
        assert_eq!(e.mode, Some(FieldError::BlockingReal(BlockingReal::Unbounded)));
        assert!(e.only_mode() && compare_leaves_out_blocking(&Err(e)));
        // The emulator: the synchronous request would miss the service worker.
        let e = real("./delay/{ms}", blocking).validate().unwrap_err();
        assert_eq!(e.mode, Some(FieldError::BlockingReal(BlockingReal::Emulated)));
        // A comparison leaves blocking out, and says why.
        let compare = real("./delay/{ms}", Mode::Compare).validate().unwrap();
        assert_eq!(compare.blocking_left_out(), Some(LeftOut::Real(BlockingReal::Emulated)));
        assert_eq!(compare.strategies(), vec![Strategy::Sequential, Strategy::Concurrent, Strategy::Bounded(6)]);
        assert!(compare_leaves_out_blocking(&Ok(compare)));
        let list = LabConfig { target_list: "./a\nhttps://b.example/x".into(), ..real("./x", Mode::Compare) };
        assert_eq!(list.validate().unwrap().blocking_left_out(), Some(LeftOut::Real(BlockingReal::Unbounded)));
    }

    #[test]
    fn a_url_list_sets_the_number_of_requests() {
        let mut c = LabConfig { source: SourceKind::Real, ..LabConfig::default() };
        c.set_target_list("./a\n./b\n\n./c\n./d".into());
        let v = c.validate().unwrap();
        assert_eq!(v.scenario.len(), 4);
        assert_eq!(v.real.unwrap().urls, vec!["./a", "./b", "./c", "./d"]);
        // Typed latencies of another length still get the clear message.
        c.set_latencies("100, 200".into());
        assert_eq!(c.validate().unwrap_err().targets, Some(TargetError::WrongCount { expected: 2, found: 4 }));
        // An emptied list leaves the requests as they are.
        c.set_target_list(String::new());
        assert_eq!((c.count.as_str(), c.validate().unwrap().scenario.len()), ("2", 2));
    }

    #[test]
    fn a_new_seed_makes_a_new_random_list_and_leaves_other_presets_alone() {
        let mut c = LabConfig::default();
        c.choose_preset(Preset::Random);
        let before = c.latencies.clone();
        c.set_seed(7);
        assert_eq!(c.seed, 7);
        assert_eq!(c.latencies, join(&Preset::Random.latencies(6, 7)));
        assert_ne!(c.latencies, before);
        c.choose_preset(Preset::Equal);
        c.set_seed(8);
        assert_eq!(c.latencies, join(&Preset::Equal.latencies(6, 8)), "equal latencies have no seed");
    }

    #[test]
    fn only_the_strategys_own_error_lets_a_comparison_run() {
        let mode_only = FieldErrors { mode: Some(FieldError::Freezes { ms: 40_000 }), ..FieldErrors::default() };
        assert!(mode_only.only_mode());
        assert!(compare_leaves_out_blocking(&Err(mode_only.clone())));
        let both = FieldErrors { limit: Some(FieldError::BelowMinimum { min: 1 }), ..mode_only };
        assert!(!both.only_mode());
        assert!(!compare_leaves_out_blocking(&Err(both)), "another field is wrong: Compare cannot run at all");
        let not_freezing = FieldErrors { latencies: Some(FieldError::List(ListError::Empty)), ..FieldErrors::default() };
        assert!(!not_freezing.only_mode());
        assert!(FieldErrors::default().only_mode());
    }

    #[test]
    fn the_limits_themselves_are_allowed() {
        // Processing of exactly 30 s in all: the most the lab allows, allowed.
        let mut c =
            LabConfig { processing: "10000, 10000, 10000".into(), mode: Mode::Single(StrategyKind::Concurrent), ..LabConfig::default() };
        c.set_latencies("1, 1, 1".into());
        assert!(c.validate().is_ok(), "{:?}", c.validate().err());
        c.set_latencies("1, 1, 1, 1".into());
        c.processing = "10000, 10000, 10000, 1".into();
        assert_eq!(c.validate().unwrap_err().processing, Some(FieldError::TooBusy { ms: 30_001 }));
        // Exactly 100 real requests: allowed.
        let mut c = LabConfig { source: SourceKind::Real, mode: Mode::Single(StrategyKind::Concurrent), ..LabConfig::default() };
        c.set_count("100".into());
        assert_eq!(c.validate().unwrap().scenario.len(), 100);
    }

    #[test]
    fn limit_only_matters_where_it_is_used() {
        let mut c = LabConfig { limit: "0".into(), ..LabConfig::default() };
        assert!(c.validate().is_err());
        c.mode = Mode::Single(StrategyKind::Sequential);
        assert!(c.validate().is_ok());
    }
}
