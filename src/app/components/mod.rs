//! Presentational components: each draws one thing on the screen from its props and emits
//! callbacks. Architecture invariant: none of them starts a timer, a request or a run.

pub mod code_panel;
pub mod controls;
pub mod event_loop;
pub mod lang_switch;
pub mod notices;
pub mod results;
pub mod run_buttons;
pub mod sequence_diagram;
pub mod share;
pub mod status;
pub mod step_table;
pub mod waterfall;
