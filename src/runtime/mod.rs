//! The runtime: the only code that reads the clock, sets timers or waits for frames.
//!
//! It executes a scenario with a strategy on the browser's event loop and records a `Trace`.
//! Architecture invariant: it knows nothing of Yew or of the page's layout.

pub mod chart_reader;
pub mod clock;
pub mod embed_probe;
pub mod emulator;
pub mod frames;
pub mod page;
pub mod pictures_loader;
pub mod python_panel_loader;
pub mod python_worker;
pub mod real;
pub mod runner;
pub mod timers;
pub mod visibility;

pub use runner::run;
