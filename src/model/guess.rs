//! The reader's guess before a run: one total per strategy, typed in ms, set beside what was
//! measured and what the model predicted. Guesses live in the page only, never in a link.

use super::scenario::{parse_number, ListError};
use super::strategy::{Strategy, StrategyKind};
use super::summary::SummaryRow;

/// The largest guess accepted: a day, in ms.
pub const MAX_GUESS_MS: u32 = 86_400_000;

/// A guess field: empty is no guess; otherwise a whole number of ms.
pub fn parse(text: &str) -> Result<Option<u32>, ListError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_number(text, MAX_GUESS_MS).map(Some)
}

/// One guess, after the run: what was guessed, measured and predicted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GuessResult {
    pub strategy: Strategy,
    pub guess: f64,
    pub measured: f64,
    pub predicted: f64,
}

impl GuessResult {
    /// How far the guess was from the measurement: positive when it was too high.
    pub fn off_ms(&self) -> f64 {
        self.guess - self.measured
    }

    /// The same, as a share of the measurement, in percent (0 when both are 0).
    pub fn off_percent(&self) -> f64 {
        if self.measured > 0.0 {
            100.0 * self.off_ms().abs() / self.measured
        } else if self.guess > 0.0 {
            100.0
        } else {
            0.0
        }
    }

    /// Within the lab's own timer tolerance of the measurement: as good as a guess gets.
    pub fn spot_on(&self) -> bool {
        super::trace::agrees(self.guess, self.measured)
    }
}

/// The guesses that have a measured run to compare with, in the rows' order.
pub fn results(guesses: &[(StrategyKind, u32)], rows: &[SummaryRow]) -> Vec<GuessResult> {
    rows.iter()
        .filter_map(|row| {
            let measured = row.comparable()?;
            let guess = guesses.iter().find(|(kind, _)| *kind == row.strategy.kind())?.1;
            Some(GuessResult { strategy: row.strategy, guess: f64::from(guess), measured, predicted: row.predicted })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::predict::predict;
    use crate::model::summary::rows;
    use crate::model::trace::{Outcome, Trace};
    use crate::model::Scenario;

    #[test]
    fn fields_parse_empty_as_no_guess_and_name_bad_ones() {
        assert_eq!(parse(""), Ok(None));
        assert_eq!(parse(" 900 "), Ok(Some(900)));
        assert!(matches!(parse("fast"), Err(ListError::NotANumber { .. })));
        assert!(matches!(parse("99999999999"), Err(ListError::OutOfRange { .. })));
    }

    #[test]
    fn a_guess_is_set_beside_its_measured_run_only() {
        let s = Scenario::from_latencies(&[300, 800]).unwrap();
        let strategies = [Strategy::Sequential, Strategy::Concurrent];
        let schedules: Vec<_> = strategies.iter().map(|&st| predict(&s, st)).collect();
        let mut seq = Trace::new(Strategy::Sequential, 2);
        seq.total = Some(1_102.0);
        seq.outcome = Outcome::Completed;
        let summary = rows(&s, &strategies, &[&schedules[0], &schedules[1]], &[Some(&seq), None]);
        let guesses = [(StrategyKind::Sequential, 800), (StrategyKind::Concurrent, 800)];
        let r = results(&guesses, &summary);
        assert_eq!(r.len(), 1, "concurrent has not run: nothing to compare with");
        assert_eq!((r[0].guess, r[0].measured, r[0].predicted), (800.0, 1_102.0, 1_100.0));
        assert_eq!(r[0].off_ms(), -302.0);
        assert!((r[0].off_percent() - 27.4).abs() < 0.1);
        assert!(!r[0].spot_on());
        let close = GuessResult { strategy: Strategy::Sequential, guess: 1_100.0, measured: 1_102.0, predicted: 1_100.0 };
        assert!(close.spot_on());
        let zero = GuessResult { strategy: Strategy::Concurrent, guess: 0.0, measured: 0.0, predicted: 0.0 };
        assert_eq!(zero.off_percent(), 0.0);
    }
}
