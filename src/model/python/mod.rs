//! Python programs run by CPython in the browser (Pyodide, in a Web Worker): what the runner
//! recorded (`trace`), the lanes drawn from it (`timeline`), a program in a link (`link`) and the
//! presets with the scenario each is equivalent to (`presets`).

pub mod editing;
pub mod link;
pub mod presets;
pub mod timeline;
pub mod trace;
