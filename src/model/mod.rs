//! The pure model: scenarios, strategies, predictions, the link format.
//!
//! Architecture invariant: nothing in here reads a clock, sets a timer or touches the
//! browser. Time comes in as arguments and goes out as numbers (milliseconds, `f64`),
//! so every rule is tested natively with `cargo test`.

pub mod axis;
pub mod code;
pub mod config;
pub mod embed;
pub mod explain;
pub mod formula;
pub mod growth;
pub mod guess;
pub mod lab;
pub mod number;
pub mod pacing;
pub mod picture;
pub mod plan;
pub mod predict;
pub mod presentation;
pub mod preset;
pub mod python;
pub mod run_driver;
pub mod scenario;
pub mod seams;
pub mod sequence;
pub mod source;
pub mod strategy;
pub mod summary;
pub mod trace;
pub mod url_state;
pub mod view;

pub use config::{FieldErrors, LabConfig};
pub use predict::{predict, predict_requests, Schedule, Timing};
pub use preset::Preset;
pub use scenario::{Request, Scenario};
pub use strategy::{Mode, Strategy};
pub use trace::{RequestTrace, Trace};

#[cfg(test)]
mod tests {
    use super::code::CodeLang;
    use super::presentation::Lang;
    use super::python::presets::PyPreset;
    use super::source::{PhaseKind, RequestOutcome};
    use super::strategy::StrategyKind;
    use super::Preset;

    /// The words keep a name per variant in an array in `ALL`'s order: each variant's index is its
    /// place there, so no lookup can miss or fall back to another's name.
    #[test]
    fn every_enum_with_names_is_indexed_by_its_place_in_all() {
        fn check<T: Copy + std::fmt::Debug>(all: &[T], index: fn(T) -> usize) {
            for (i, x) in all.iter().enumerate() {
                assert_eq!(index(*x), i, "{x:?}");
            }
        }
        check(&Preset::ALL, Preset::index);
        check(&Lang::ALL, Lang::index);
        check(&RequestOutcome::ALL, RequestOutcome::index);
        check(&PhaseKind::ALL, PhaseKind::index);
        check(&CodeLang::ALL, CodeLang::index);
        check(&PyPreset::ALL, PyPreset::index);
        check(&StrategyKind::ALL, StrategyKind::index);
    }
}
