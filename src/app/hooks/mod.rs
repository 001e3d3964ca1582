//! Hooks: where components meet the runtime and the address bar.

mod use_runner;
mod use_url_sync;

pub use use_runner::{use_runner, Runner};
pub use use_url_sync::{current_query, use_url_sync};
