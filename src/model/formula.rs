//! The arithmetic behind a prediction, made concrete: "300 + 800 = 1100 ms", "max(300, 800) = 800 ms".

use super::predict::Schedule;
use super::scenario::Scenario;
use super::strategy::Strategy;

/// One term of a sum: a request's latency and its processing time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    pub latency_ms: u32,
    pub processing_ms: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Formula {
    /// One after another: the sum of every request's latency and processing.
    Sum { terms: Vec<Term>, total: f64 },
    /// All at once: the longest latency, plus whatever the one thread's processing queue adds.
    Max { latencies: Vec<u32>, longest: u32, queue_ms: f64, total: f64 },
    /// k at a time: list scheduling on k slots.
    Slots { k: u32, waves: usize, total: f64 },
}

pub fn formula(scenario: &Scenario, strategy: Strategy, schedule: &Schedule) -> Formula {
    let requests = scenario.requests();
    let total = schedule.total;
    let sum = || Formula::Sum {
        terms: requests.iter().map(|r| Term { latency_ms: r.latency_ms, processing_ms: r.processing_ms }).collect(),
        total,
    };
    let max = || {
        let longest = requests.iter().map(|r| r.latency_ms).max().unwrap_or(0);
        Formula::Max { latencies: scenario.latencies(), longest, queue_ms: total - f64::from(longest), total }
    };
    match strategy {
        Strategy::Blocking | Strategy::Sequential => sum(),
        Strategy::Concurrent => max(),
        // The two ends of bounded are the two other formulas: say so in their words.
        Strategy::Bounded(1) => sum(),
        Strategy::Bounded(k) if k as usize >= requests.len() => max(),
        Strategy::Bounded(k) => Formula::Slots { k, waves: requests.len().div_ceil(k as usize), total },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::predict::predict;

    #[test]
    fn note_example_formulas() {
        let s = Scenario::from_latencies(&[300, 800]).unwrap();
        match formula(&s, Strategy::Sequential, &predict(&s, Strategy::Sequential)) {
            Formula::Sum { terms, total } => {
                assert_eq!(terms.iter().map(|t| t.latency_ms).collect::<Vec<_>>(), vec![300, 800]);
                assert_eq!(total, 1100.0);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            formula(&s, Strategy::Concurrent, &predict(&s, Strategy::Concurrent)),
            Formula::Max { latencies: vec![300, 800], longest: 800, queue_ms: 0.0, total: 800.0 }
        );
        assert!(matches!(formula(&s, Strategy::Bounded(5), &predict(&s, Strategy::Bounded(5))), Formula::Max { .. }));
    }

    #[test]
    fn bounded_counts_waves() {
        let s = Scenario::from_latencies(&[100; 7]).unwrap();
        let f = formula(&s, Strategy::Bounded(3), &predict(&s, Strategy::Bounded(3)));
        assert_eq!(f, Formula::Slots { k: 3, waves: 3, total: 300.0 });
    }
}
