//! What a press of Run or Compare will do, before it is done: which strategies, and how long
//! the model says they take together. Past a minute the page asks first, and offers the
//! strategies that are quick on their own.

use super::predict::predict;
use super::scenario::Scenario;
use super::strategy::Strategy;

/// A run predicted to take longer than this is confirmed first, ms.
pub const ASK_OVER_MS: f64 = 60_000.0;

/// The strategies of a run, one after another, and the model's total for all of them.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub strategies: Vec<Strategy>,
    /// Each strategy's predicted total, in the same order.
    pub predicted: Vec<f64>,
}

impl Plan {
    pub fn new(scenario: &Scenario, strategies: Vec<Strategy>) -> Plan {
        let predicted = strategies.iter().map(|&s| predict(scenario, s).total).collect();
        Plan { strategies, predicted }
    }

    /// How long the whole run takes, by the model.
    pub fn length_ms(&self) -> f64 {
        self.predicted.iter().sum()
    }

    /// Whether to ask before starting it.
    pub fn needs_asking(&self) -> bool {
        self.length_ms() > ASK_OVER_MS
    }

    /// The strategies that take at most `ASK_OVER_MS` each, in order: the run a hurried reader
    /// can have instead. Empty when none is quick.
    pub fn quick(&self) -> Vec<Strategy> {
        self.strategies.iter().zip(&self.predicted).filter(|(_, &ms)| ms <= ASK_OVER_MS).map(|(&s, _)| s).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::preset::Preset;
    use crate::model::strategy::Mode;

    #[test]
    fn the_notes_example_is_quick() {
        let s = Scenario::from_latencies(&[300, 800]).unwrap();
        let plan = Plan::new(&s, Mode::Compare.strategies(6));
        assert_eq!(plan.length_ms(), 1100.0 + 1100.0 + 800.0 + 800.0);
        assert!(!plan.needs_asking());
    }

    #[test]
    fn ten_thousand_random_requests_ask_first_and_offer_concurrent() {
        let s = Scenario::from_latencies(&Preset::Random.latencies(10_000, 42)).unwrap();
        let plan = Plan::new(&s, vec![Strategy::Sequential, Strategy::Concurrent, Strategy::Bounded(6)]);
        assert!(plan.needs_asking());
        assert!(plan.length_ms() > 2.0 * 3_600_000.0, "{}", plan.length_ms());
        assert_eq!(plan.quick(), vec![Strategy::Concurrent]);
        // Just over a minute in all, with every strategy quick on its own.
        let s = Scenario::from_latencies(&[31_000]).unwrap();
        let plan = Plan::new(&s, vec![Strategy::Sequential, Strategy::Concurrent]);
        assert!(plan.needs_asking());
        assert_eq!(plan.quick(), plan.strategies);
    }
}
