//! sync-vs-async: an in-browser lab that runs requests blocking, sequentially, concurrently
//! and with bounded concurrency, measures them and sets each beside the model's prediction.
//!
//! `model` and `text` are plain Rust and build everywhere; `runtime` and `app` exist only
//! on wasm32, where the browser is. See ARCHITECTURE.md.

pub mod model;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod python;
#[cfg(target_arch = "wasm32")]
pub mod runtime;

/// Mounts the lab into the page's `<div id="lab">` (or the body).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    app::start();
}
