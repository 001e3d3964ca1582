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
pub mod plan;
pub mod predict;
pub mod presentation;
pub mod preset;
pub mod python;
pub mod scenario;
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
