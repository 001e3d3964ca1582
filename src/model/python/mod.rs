//! Python programs run by CPython in the browser (Pyodide, in a Web Worker): what the runner
//! recorded (`trace`), the lanes drawn from it (`timeline`), a program in a link (`link`) and the
//! presets with the scenario each is equivalent to (`presets`).

/// Python's download, gzipped as hosts serve it (pyodide 314.0.7: the wasm, the standard library,
/// the loaders, the lock file), said before it starts; `tests/e2e/tests/python.rs` checks it
/// against the built files.
pub const DOWNLOAD_BYTES: f64 = 6_400_000.0;
/// What the progress bar counts to: the files Python fetches, as the browser unpacks them.
pub const UNPACKED_BYTES: f64 = 12_300_000.0;

pub mod editing;
pub mod link;
pub mod moment;
pub mod panel;
pub mod presets;
pub mod protocol;
pub mod screen;
pub mod timeline;
pub mod trace;
pub mod worker_driver;
