//! What the panels show, derived from a run (or, before any, from the form's prediction): the
//! scenario, each strategy's prediction and trace, the results rows, the axis span, and the
//! explanation of a strategy. Pure: the app memoises it per change of the session or the form.

use std::rc::Rc;

use super::config::ValidConfig;
use super::explain::Explanation;
use super::summary::{self, SummaryRow};
use super::{predict, Scenario, Schedule, Strategy, Timing, Trace};

#[derive(Debug, PartialEq)]
pub struct View {
    pub scenario: Rc<Scenario>,
    pub strategies: Vec<Strategy>,
    pub schedules: Vec<Rc<Schedule>>,
    pub traces: Vec<Option<Rc<Trace>>>,
    pub rows: Vec<SummaryRow>,
    /// The longest prediction: the span every chart of the view shares before a run.
    pub span_ms: f64,
}

impl View {
    /// A run's view: its strategies' predictions and what they measured so far.
    pub fn measured(
        scenario: Rc<Scenario>,
        strategies: Vec<Strategy>,
        schedules: Vec<Rc<Schedule>>,
        traces: Vec<Option<Rc<Trace>>>,
    ) -> View {
        let schedule_refs: Vec<&Schedule> = schedules.iter().map(|s| s.as_ref()).collect();
        let trace_refs: Vec<Option<&Trace>> = traces.iter().map(|t| t.as_deref()).collect();
        let rows = summary::rows(&scenario, &strategies, &schedule_refs, &trace_refs);
        let span_ms = schedules.iter().map(|s| s.total).fold(1.0, f64::max);
        View { scenario, strategies, schedules, traces, rows, span_ms }
    }

    /// Before any run: the form's strategies, predicted.
    pub fn predicted(valid: &ValidConfig) -> View {
        let strategies = valid.strategies();
        let schedules: Vec<Rc<Schedule>> = strategies.iter().map(|&st| Rc::new(predict(&valid.scenario, st))).collect();
        let n = strategies.len();
        View::measured(Rc::new(valid.scenario.clone()), strategies, schedules, vec![None; n])
    }

    /// The explanation of strategy `i`: its completed run, else its prediction.
    pub fn explanation(&self, i: usize) -> Explanation {
        let i = i.min(self.strategies.len().saturating_sub(1));
        let processing: Vec<f64> = self.scenario.processing().into_iter().map(f64::from).collect();
        let measured = self.traces.get(i).cloned().flatten().filter(|t| t.total.is_some()).map(|t| {
            t.requests
                .iter()
                .map(|r| Timing { start: r.start.unwrap_or(0.0), response: r.response.unwrap_or(0.0), end: r.end.unwrap_or(0.0) })
                .collect::<Vec<_>>()
        });
        let timings = measured.unwrap_or_else(|| self.schedules[i].timings.clone());
        Explanation::new(self.strategies[i], timings, processing)
    }

    /// The note's two sequence diagrams for this scenario: its synchronous requests (blocking, one
    /// after another) and its asynchronous ones (concurrent) — each as measured where that
    /// strategy ran to the end, else as the model predicts it.
    pub fn note_explanations(&self) -> [Explanation; 2] {
        [Strategy::Blocking, Strategy::Concurrent].map(|st| match self.strategies.iter().position(|&s| s == st) {
            Some(i) => self.explanation(i),
            None => {
                let processing: Vec<f64> = self.scenario.processing().into_iter().map(f64::from).collect();
                Explanation::new(st, predict(&self.scenario, st).timings, processing)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::config::LabConfig;
    use crate::model::trace::{Outcome, RequestTrace};

    #[test]
    fn the_notes_two_diagrams_are_blocking_and_concurrent_measured_or_predicted() {
        let config =
            LabConfig { mode: crate::model::Mode::Single(crate::model::strategy::StrategyKind::Sequential), ..LabConfig::default() };
        let v = View::predicted(&config.validate().unwrap());
        assert_eq!(v.strategies, [Strategy::Sequential], "a view of one strategy, neither of the note's");
        let [sync, concurrent] = v.note_explanations();
        assert_eq!((sync.strategy, sync.total), (Strategy::Blocking, 1100.0));
        assert_eq!((concurrent.strategy, concurrent.total), (Strategy::Concurrent, 800.0));
        let all = View::predicted(&LabConfig::default().validate().unwrap());
        assert_eq!(all.note_explanations()[1].total, all.explanation(2).total, "from the view where it has the strategy");
    }

    #[test]
    fn before_a_run_the_view_is_the_forms_prediction() {
        let v = View::predicted(&LabConfig::default().validate().unwrap());
        assert_eq!(v.strategies.len(), 4);
        assert_eq!(v.rows.iter().map(|r| r.predicted).collect::<Vec<_>>(), vec![1100.0, 1100.0, 800.0, 800.0]);
        assert!(v.rows.iter().all(|r| r.measured.is_none()));
        assert_eq!(v.span_ms, 1100.0);
        assert_eq!(v.explanation(2).total, 800.0, "concurrent, explained from its prediction");
        assert_eq!(v.explanation(99).total, 800.0, "an index past the end is the last strategy");
    }

    #[test]
    fn a_completed_run_is_explained_from_what_it_measured() {
        let scenario = Rc::new(Scenario::from_latencies(&[300, 800]).unwrap());
        let strategies = vec![Strategy::Sequential, Strategy::Concurrent];
        let schedules: Vec<_> = strategies.iter().map(|&s| Rc::new(predict(&scenario, s))).collect();
        let mut done = Trace::new(Strategy::Sequential, 2);
        done.requests = vec![
            RequestTrace { start: Some(0.0), response: Some(302.0), end: Some(302.0), ..Default::default() },
            RequestTrace { start: Some(302.0), response: Some(1104.0), end: Some(1104.0), ..Default::default() },
        ];
        done.total = Some(1104.0);
        done.outcome = Outcome::Completed;
        let mut half = Trace::new(Strategy::Concurrent, 2);
        half.requests[0] = RequestTrace { start: Some(0.0), response: Some(301.0), end: Some(301.0), ..Default::default() };
        let v = View::measured(scenario, strategies, schedules, vec![Some(Rc::new(done)), Some(Rc::new(half))]);
        assert_eq!(v.rows[0].measured, Some(1104.0));
        assert_eq!(v.explanation(0).total, 1104.0, "sequential: from its measured run");
        assert_eq!(v.explanation(1).total, 800.0, "concurrent, still running: from its prediction");
    }
}
