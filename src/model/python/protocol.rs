//! What the Python panel and its worker (`static/python/worker.mjs`) say to each other, typed.
//! The runtime (`runtime::python_worker`) turns the worker's messages into `WorkerMessage`s —
//! anything of another shape is `Unknown`, never a panic — and says why the worker failed as a
//! `Failure`, whose words are `text::python`'s.

/// What the worker says.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkerMessage {
    /// Bytes of Python downloaded so far.
    Progress(f64),
    /// Python is loaded, in this many ms.
    Ready(f64),
    /// A line of output; `true` for stderr (warnings).
    Output(String, bool),
    /// A chunk of the runner's trace lines.
    Trace(String),
    /// The program's error: `syntax` or `exception`, the line (0: none), the text.
    Error {
        syntax: bool,
        line: u32,
        text: String,
    },
    /// The program ended; its total in ms (None when it did not start: a syntax error).
    Done(Option<f64>),
    /// Python itself failed (could not load, or crashed).
    Failed(Failure),
    Unknown,
}

/// Why Python cannot run.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// The page may start no worker: a sandboxed frame (a notes site's embed).
    NoWorkerHere,
    /// The worker's script did not load, and the browser said no more.
    WorkerDidNotStart,
    /// Python or the browser said why, in its own words.
    Python(String),
    /// The browser refused and gave no reason.
    Unexplained,
}
