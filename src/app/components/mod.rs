//! Presentational components: each draws one thing on the screen from its props and emits
//! callbacks. Architecture invariant: none of them starts a timer, a request or a run.

pub mod controls;
pub mod notices;
pub mod results;
pub mod run_buttons;
pub mod share;
pub mod status;
pub mod waterfall;
