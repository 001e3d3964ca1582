//! What a run measured: the runtime fills a trace, the views draw it.

use super::source::{PhaseKind, RequestOutcome};
use super::strategy::Strategy;

/// One request as measured; a time is `None` until that moment has happened.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RequestTrace {
    pub start: Option<f64>,
    pub response: Option<f64>,
    pub end: Option<f64>,
    /// Real requests only: what became of it, its HTTP status and body size, and how long it
    /// waited for a connection (where the browser tells).
    pub outcome: Option<RequestOutcome>,
    pub status: Option<u16>,
    pub size: Option<u64>,
    pub queued: Option<f64>,
}

/// Where a run is: going on, or how it ended — the one enum for that, for a strategy's trace, the
/// runtime's answer, the status line and a sweep. A blocking run cannot be cancelled: while it
/// runs, nothing else can.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Running,
    Completed,
    Cancelled,
}

/// A run of one strategy: per-request times in ms from the run's start.
#[derive(Clone, Debug, PartialEq)]
pub struct Trace {
    pub strategy: Strategy,
    pub requests: Vec<RequestTrace>,
    pub outcome: Outcome,
    /// Set when the run completed.
    pub total: Option<f64>,
    /// The longest time the page went without painting a frame during the run.
    pub max_frame_gap: Option<f64>,
    /// The costliest frame the lab drew during the run (`model::pacing`): the part of a gap that
    /// was the lab's own drawing in this browser.
    pub max_draw: Option<f64>,
    /// How long the tab was in the background (hidden, frozen or left) while the run went on,
    /// where it was at all: browsers slow or stop timers there, so such a run measured the
    /// browser, not the strategy. It keeps its trace, and is never judged.
    pub hidden_ms: Option<f64>,
    /// Real requests: each one's phases (Resource Timing), `None` where the server hid them.
    pub phases: Vec<Option<Vec<(PhaseKind, f64, f64)>>>,
}

impl Trace {
    pub fn new(strategy: Strategy, n: usize) -> Trace {
        Trace {
            strategy,
            requests: vec![RequestTrace::default(); n],
            outcome: Outcome::Running,
            total: None,
            max_frame_gap: None,
            max_draw: None,
            hidden_ms: None,
            phases: Vec::new(),
        }
    }

    /// How many requests ended each way (real runs).
    pub fn outcome_counts(&self) -> Vec<(RequestOutcome, usize)> {
        RequestOutcome::ALL
            .into_iter()
            .map(|o| (o, self.requests.iter().filter(|r| r.outcome == Some(o)).count()))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// How many requests have finished (processing included).
    pub fn finished(&self) -> usize {
        self.requests.iter().filter(|r| r.end.is_some()).count()
    }
}

/// The timer tolerance the lab promises: a measured total within 15 ms + 2 % of the prediction.
pub fn agrees(measured: f64, predicted: f64) -> bool {
    (measured - predicted).abs() <= 15.0 + 0.02 * predicted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerance_is_15_ms_plus_2_percent() {
        assert!(agrees(1114.0, 1100.0));
        assert!(agrees(1100.0 + 15.0 + 22.0, 1100.0));
        assert!(!agrees(1100.0 + 15.0 + 22.5, 1100.0));
        assert!(!agrees(80.0, 100.0));
    }
}
