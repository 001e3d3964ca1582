//! The results table as data: per strategy, measured beside predicted, the formula, the
//! speed-up against sequential and the longest frame gap.

use super::formula::{formula, Formula};
use super::predict::{predict, Schedule};
use super::source::RequestOutcome;
use super::trace::{agrees, Outcome, Trace};
use super::{Scenario, Strategy};

#[derive(Clone, Debug, PartialEq)]
pub struct SummaryRow {
    pub strategy: Strategy,
    pub predicted: f64,
    pub formula: Formula,
    /// Set once the strategy's run completed.
    pub measured: Option<f64>,
    pub cancelled: bool,
    pub max_frame_gap: Option<f64>,
    /// The costliest frame the lab drew during the run (see `Trace::max_draw`).
    pub max_draw: Option<f64>,
    /// Sequential's total over this one's: measured over measured when both ran, else predicted.
    pub speedup: f64,
    pub speedup_measured: bool,
    pub agrees: Option<bool>,
    /// Real runs: requests that did not succeed. Such a run is no timing to compare: no
    /// speed-up, no agreement, no bar in the totals chart or the race.
    pub failures: Option<Failures>,
    /// How long the tab was in the background during the run (`Trace::hidden_ms`): no timing
    /// to compare either, and no verdict on the page's frames.
    pub hidden_ms: Option<f64>,
}

impl SummaryRow {
    /// Its bar shows the prediction, faint: the strategy has not run (or its run was cancelled).
    pub fn shows_prediction(&self) -> bool {
        self.measured.is_none() && self.failures.is_none()
    }
}

/// How many of a run's requests failed, and how the first of them did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Failures {
    pub failed: usize,
    pub of: usize,
    pub first: RequestOutcome,
    pub status: Option<u16>,
}

impl Failures {
    pub fn of_trace(trace: &Trace) -> Option<Failures> {
        let is_failed = |r: &&super::trace::RequestTrace| r.outcome.is_some_and(|o| o != RequestOutcome::Ok);
        let first = trace.requests.iter().find(is_failed)?;
        let failed = trace.requests.iter().filter(is_failed).count();
        Some(Failures { failed, of: trace.requests.len(), first: first.outcome?, status: first.status })
    }
}

/// A frame gap this long or longer is a frozen page, not a slow frame: the results say so in
/// words and the totals chart hatches the bar.
pub const FROZEN_GAP_MS: f64 = 200.0;
/// A drawn frame this costly is worth saying: the frame gaps include it (WebKit painting on the
/// CPU took 100–140 ms a frame; Chromium takes a few).
pub const SLOW_DRAW_MS: f64 = 50.0;

/// Whether a run froze the page: its longest gap, less the lab's own costliest frame (which
/// is the browser drawing the lab, whatever the strategy), is `FROZEN_GAP_MS` or more.
pub fn froze(gap: f64, draw: Option<f64>) -> bool {
    gap - draw.unwrap_or(0.0).max(0.0) >= FROZEN_GAP_MS
}

impl SummaryRow {
    /// The measured total, where it is a timing to compare (every request succeeded).
    pub fn comparable(&self) -> Option<f64> {
        self.measured.filter(|_| self.failures.is_none() && self.hidden_ms.is_none())
    }

    /// How long the page went without painting, when that was long enough to call it frozen.
    pub fn frozen_ms(&self) -> Option<f64> {
        self.max_frame_gap.filter(|&g| self.hidden_ms.is_none() && froze(g, self.max_draw))
    }
}

/// The span a chart of these totals must cover: every measured total and every prediction.
pub fn span(rows: &[SummaryRow]) -> f64 {
    rows.iter().flat_map(|r| [Some(r.predicted), r.comparable()]).flatten().fold(1.0, f64::max)
}

pub fn rows(scenario: &Scenario, strategies: &[Strategy], schedules: &[&Schedule], traces: &[Option<&Trace>]) -> Vec<SummaryRow> {
    // A total only from a run that completed (a cancelled one is no measurement of the whole).
    let measured_of = |t: Option<&Trace>| t.filter(|t| t.outcome == Outcome::Completed).and_then(|t| t.total);
    // Only a run whose requests all succeeded is a timing to compare.
    let comparable_of = |t: Option<&Trace>| measured_of(t.filter(|t| Failures::of_trace(t).is_none() && t.hidden_ms.is_none()));
    // The baseline: a measured one-after-another run if the session has one.
    let measured_baseline = strategies
        .iter()
        .zip(traces)
        .filter(|(s, _)| matches!(s, Strategy::Sequential | Strategy::Blocking))
        .find_map(|(_, t)| comparable_of(*t));
    let predicted_baseline = predict(scenario, Strategy::Sequential).total;
    strategies
        .iter()
        .enumerate()
        .map(|(i, &strategy)| {
            let schedule = schedules[i];
            let trace = traces.get(i).copied().flatten();
            let measured = measured_of(trace);
            let failures = trace.and_then(Failures::of_trace);
            let hidden_ms = trace.and_then(|t| t.hidden_ms);
            let comparable = measured.filter(|_| failures.is_none() && hidden_ms.is_none());
            let (speedup, speedup_measured) = match (measured_baseline, comparable) {
                (Some(base), Some(m)) if m > 0.0 => (base / m, true),
                _ => (ratio(predicted_baseline, schedule.total), false),
            };
            SummaryRow {
                strategy,
                predicted: schedule.total,
                formula: formula(scenario, strategy, schedule),
                measured,
                cancelled: trace.is_some_and(|t| t.outcome == Outcome::Cancelled),
                max_frame_gap: trace.and_then(|t| t.max_frame_gap),
                max_draw: trace.and_then(|t| t.max_draw),
                speedup,
                speedup_measured,
                agrees: comparable.map(|m| agrees(m, schedule.total)),
                failures,
                hidden_ms,
            }
        })
        .collect()
}

fn ratio(base: f64, value: f64) -> f64 {
    if value > 0.0 {
        base / value
    } else if base > 0.0 {
        f64::INFINITY
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gap_is_frozen_only_beyond_what_drawing_the_lab_took() {
        assert!(froze(1100.0, Some(5.0)), "blocking froze the page");
        assert!(froze(200.0, None));
        assert!(!froze(199.0, None));
        // WebKit on the CPU: sequential's 216 ms gap was a 140 ms frame of the lab's own.
        assert!(!froze(216.0, Some(140.0)));
        assert!(froze(1100.0, Some(140.0)));
        assert!(froze(250.0, Some(-1.0)), "a negative cost counts as none");
    }

    #[test]
    fn speedup_from_prediction_then_from_measurement() {
        let s = Scenario::from_latencies(&[300, 800]).unwrap();
        let strategies = [Strategy::Sequential, Strategy::Concurrent];
        let schedules: Vec<Schedule> = strategies.iter().map(|&st| predict(&s, st)).collect();
        let sched_refs: Vec<&Schedule> = schedules.iter().collect();
        let r = rows(&s, &strategies, &sched_refs, &[None, None]);
        assert_eq!(r[1].speedup, 1100.0 / 800.0);
        assert!(!r[1].speedup_measured);
        assert_eq!(r[1].measured, None);

        let mut seq = Trace::new(Strategy::Sequential, 2);
        seq.total = Some(1110.0);
        seq.outcome = Outcome::Completed;
        let mut conc = Trace::new(Strategy::Concurrent, 2);
        conc.total = Some(740.0);
        conc.outcome = Outcome::Completed;
        let r = rows(&s, &strategies, &sched_refs, &[Some(&seq), Some(&conc)]);
        assert_eq!(r[1].speedup, 1110.0 / 740.0);
        assert!(r[1].speedup_measured);
        assert_eq!(r[0].agrees, Some(true));
        assert_eq!(r[1].agrees, Some(false), "60 ms early is outside 15 ms + 2 %");
    }

    #[test]
    fn failed_runs_are_no_timing_to_compare() {
        use crate::model::trace::RequestTrace;
        let s = Scenario::from_latencies(&[300, 800]).unwrap();
        let strategies = [Strategy::Sequential, Strategy::Concurrent];
        let schedules: Vec<Schedule> = strategies.iter().map(|&st| predict(&s, st)).collect();
        let refs: Vec<&Schedule> = schedules.iter().collect();
        let failed = RequestTrace { outcome: Some(RequestOutcome::HttpError), status: Some(404), ..Default::default() };
        let mut seq = Trace::new(Strategy::Sequential, 2);
        seq.requests = vec![failed, failed];
        seq.total = Some(13.0);
        seq.outcome = Outcome::Completed;
        let mut conc = Trace::new(Strategy::Concurrent, 2);
        conc.total = Some(801.0);
        conc.outcome = Outcome::Completed;
        let r = rows(&s, &strategies, &refs, &[Some(&seq), Some(&conc)]);
        assert_eq!(r[0].failures, Some(Failures { failed: 2, of: 2, first: RequestOutcome::HttpError, status: Some(404) }));
        assert_eq!((r[0].measured, r[0].comparable(), r[0].agrees), (Some(13.0), None, None));
        // Concurrent's speed-up is not set against a run of 404s: it comes from the prediction.
        assert!(!r[1].speedup_measured);
        assert_eq!(r[1].speedup, 1100.0 / 800.0);
        assert_eq!(r[1].comparable(), Some(801.0));
    }

    #[test]
    fn a_run_made_while_the_tab_was_hidden_is_named_never_judged() {
        let s = Scenario::from_latencies(&[300, 800, 500]).unwrap();
        let strategies = [Strategy::Sequential, Strategy::Concurrent];
        let schedules: Vec<Schedule> = strategies.iter().map(|&st| predict(&s, st)).collect();
        let refs: Vec<&Schedule> = schedules.iter().collect();
        let done = |strategy, total: f64, gap: f64| {
            let mut t = Trace::new(strategy, 3);
            t.total = Some(total);
            t.outcome = Outcome::Completed;
            t.max_frame_gap = Some(gap);
            t
        };
        // Sequential in view; concurrent hidden for 2 s: its 1,237 ms and its 1.1 s without a
        // frame are the browser's, not concurrent's.
        let seq = done(Strategy::Sequential, 1604.0, 40.0);
        let mut conc = done(Strategy::Concurrent, 1237.0, 1100.0);
        conc.hidden_ms = Some(2000.0);
        let r = rows(&s, &strategies, &refs, &[Some(&seq), Some(&conc)]);
        assert_eq!(r[1].hidden_ms, Some(2000.0));
        assert_eq!((r[1].measured, r[1].comparable(), r[1].agrees), (Some(1237.0), None, None), "measured, kept, not judged");
        assert_eq!(r[1].frozen_ms(), None, "no page-frozen verdict");
        assert!(!r[1].speedup_measured, "no measured speed-up");
        // In view, the same gap is a verdict; a hidden baseline gives no measured speed-up.
        assert_eq!(
            rows(&s, &strategies, &refs, &[Some(&seq), Some(&done(Strategy::Concurrent, 801.0, 1100.0))])[1].frozen_ms(),
            Some(1100.0)
        );
        let mut hidden_seq = seq.clone();
        hidden_seq.hidden_ms = Some(5.0);
        let r = rows(&s, &strategies, &refs, &[Some(&hidden_seq), Some(&done(Strategy::Concurrent, 801.0, 30.0))]);
        assert!(!r[1].speedup_measured && r[1].agrees == Some(true), "the run in view is judged; its speed-up is predicted");
        assert_eq!(r[0].hidden_ms, Some(5.0));
        assert_eq!(r[0].agrees, None);
    }

    #[test]
    fn cancelled_runs_have_no_total() {
        let s = Scenario::from_latencies(&[100]).unwrap();
        let sched = predict(&s, Strategy::Concurrent);
        let mut t = Trace::new(Strategy::Concurrent, 1);
        t.outcome = Outcome::Cancelled;
        // Even with a time recorded before the cancel, a cancelled run has no total.
        t.total = Some(40.0);
        let r = rows(&s, &[Strategy::Concurrent], &[&sched], &[Some(&t)]);
        assert!(r[0].cancelled);
        assert_eq!(r[0].measured, None);
        assert_eq!(r[0].speedup, 1.0);
    }
}
