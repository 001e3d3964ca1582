//! Presentational components: each draws one thing on the screen from its props and emits
//! callbacks. Architecture invariant: none of them starts a timer, a request or a run, nor names
//! the runtime or the window (`tests/architecture.rs`).

pub mod code_panel;
pub mod controls;
pub mod event_loop;
pub mod explain_section;
pub mod growth_chart;
pub mod guess;
pub mod lang_switch;
pub mod long_run;
pub mod note_pictures;
pub mod notices;
pub mod picture_menu;
pub mod python_section;
pub mod race;
pub mod results;
pub mod run_buttons;
pub mod scenario_line;
pub mod sequence_diagram;
pub mod share;
pub mod status;
pub mod step_table;
pub mod totals_chart;
pub mod waterfall;
