//! The results table as data: per strategy, measured beside predicted, the formula, the
//! speed-up against sequential and the longest frame gap.

use super::formula::{formula, Formula};
use super::predict::{predict, Schedule};
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
    /// Sequential's total over this one's: measured over measured when both ran, else predicted.
    pub speedup: f64,
    pub speedup_measured: bool,
    pub agrees: Option<bool>,
}

/// A frame gap this long or longer is a frozen page, not a slow frame: the results say so in
/// words and the totals chart hatches the bar.
pub const FROZEN_GAP_MS: f64 = 200.0;

impl SummaryRow {
    /// How long the page went without painting, when that was long enough to call it frozen.
    pub fn frozen_ms(&self) -> Option<f64> {
        self.max_frame_gap.filter(|&g| g >= FROZEN_GAP_MS)
    }
}

/// The span a chart of these totals must cover: every measured total and every prediction.
pub fn span(rows: &[SummaryRow]) -> f64 {
    rows.iter().flat_map(|r| [Some(r.predicted), r.measured]).flatten().fold(1.0, f64::max)
}

pub fn rows(scenario: &Scenario, strategies: &[Strategy], schedules: &[&Schedule], traces: &[Option<&Trace>]) -> Vec<SummaryRow> {
    let measured_of = |t: Option<&Trace>| t.and_then(|t| t.total);
    // The baseline: a measured one-after-another run if the session has one.
    let measured_baseline = strategies
        .iter()
        .zip(traces)
        .filter(|(s, _)| matches!(s, Strategy::Sequential | Strategy::Blocking))
        .find_map(|(_, t)| measured_of(*t));
    let predicted_baseline = predict(scenario, Strategy::Sequential).total;
    strategies
        .iter()
        .enumerate()
        .map(|(i, &strategy)| {
            let schedule = schedules[i];
            let trace = traces.get(i).copied().flatten();
            let measured = measured_of(trace);
            let (speedup, speedup_measured) = match (measured_baseline, measured) {
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
                speedup,
                speedup_measured,
                agrees: measured.map(|m| agrees(m, schedule.total)),
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
    fn cancelled_runs_have_no_total() {
        let s = Scenario::from_latencies(&[100]).unwrap();
        let sched = predict(&s, Strategy::Concurrent);
        let mut t = Trace::new(Strategy::Concurrent, 1);
        t.outcome = Outcome::Cancelled;
        let r = rows(&s, &[Strategy::Concurrent], &[&sched], &[Some(&t)]);
        assert!(r[0].cancelled);
        assert_eq!(r[0].measured, None);
        assert_eq!(r[0].speedup, 1.0);
    }
}
