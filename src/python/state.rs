//! The Python panel's state: one struct, one action enum, one reducer (as the lab's `AppState`).

use std::rc::Rc;

use yew::prelude::*;

use crate::model::python::presets::PyPreset;
use crate::model::python::trace::PyTrace;
use crate::runtime::python_worker::WorkerMessage;

/// Python itself: not loaded, downloading, ready.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Load {
    NotLoaded,
    Loading(f64),
    Ready,
}

/// The last run of a program.
#[derive(Clone, Debug, PartialEq)]
pub enum RunState {
    Idle,
    /// Pressed; it starts when Python is ready.
    Running,
    Done,
    /// The program raised (its error is `PyState::error`).
    Error,
    Cancelled,
    TimeLimit,
    /// Python could not load or run at all.
    Failed(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct PyError {
    pub syntax: bool,
    pub line: u32,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PyState {
    pub code: Rc<str>,
    /// The preset the code came from, while it is unchanged.
    pub preset: Option<PyPreset>,
    pub load: Load,
    pub run: RunState,
    pub output: Rc<Vec<(String, bool)>>,
    pub error: Option<PyError>,
    pub trace: Rc<PyTrace>,
    pub total: Option<f64>,
    /// How long Python took to load, by the worker's count (the benchmark reads it).
    pub load_ms: Option<f64>,
}

impl PyState {
    pub fn new(code: Rc<str>, preset: Option<PyPreset>) -> PyState {
        PyState {
            code,
            preset,
            load: Load::NotLoaded,
            run: RunState::Idle,
            output: Rc::default(),
            error: None,
            trace: Rc::default(),
            total: None,
            load_ms: None,
        }
    }

    /// The `data-state` of `py-status`.
    pub fn state_key(&self) -> &'static str {
        match (&self.run, self.load) {
            (RunState::Running, Load::Ready) => "running",
            (RunState::Running, _) => "loading",
            (RunState::Done, _) => "done",
            (RunState::Error | RunState::TimeLimit | RunState::Failed(_), _) => "error",
            (RunState::Cancelled, _) => "cancelled",
            (RunState::Idle, Load::Loading(_)) => "loading",
            (RunState::Idle, Load::Ready) => "ready",
            (RunState::Idle, Load::NotLoaded) => "idle",
        }
    }

    pub fn busy(&self) -> bool {
        self.run == RunState::Running
    }
}

pub enum PyAction {
    /// The program typed, and the preset it is unchanged (`text::python::preset_of`).
    Edit(String, Option<PyPreset>),
    /// A preset chosen, with its program in the reader's language.
    Preset(PyPreset, String),
    /// Run pressed: a fresh run (output and lanes cleared).
    Begin,
    /// A new worker started (after a cancel, the time limit, or the first run).
    WorkerStarted,
    /// From the current worker (`use_python` drops a replaced worker's late ones).
    Message(WorkerMessage),
    Cancelled,
    TimeLimit,
    Failed(String),
}

impl Reducible for PyState {
    type Action = PyAction;

    fn reduce(self: Rc<Self>, action: PyAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            PyAction::Edit(code, preset) => {
                s.preset = preset;
                s.code = code.into();
                s.error = None;
            }
            PyAction::Preset(preset, code) => {
                s.code = code.into();
                s.preset = Some(preset);
                s.error = None;
            }
            PyAction::Begin => {
                s.run = RunState::Running;
                s.output = Rc::default();
                s.error = None;
                s.trace = Rc::default();
                s.total = None;
            }
            PyAction::WorkerStarted => s.load = Load::Loading(0.0),
            PyAction::Message(message) => match message {
                WorkerMessage::Progress(bytes) => s.load = Load::Loading(bytes),
                WorkerMessage::Ready(ms) => {
                    s.load = Load::Ready;
                    s.load_ms = Some(ms);
                }
                WorkerMessage::Output(line, err) => {
                    let mut output = (*s.output).clone();
                    output.push((line, err));
                    s.output = Rc::new(output);
                }
                WorkerMessage::Trace(text) => {
                    let mut trace = (*s.trace).clone();
                    trace.extend(&text);
                    s.trace = Rc::new(trace);
                }
                WorkerMessage::Error { syntax, line, text } => s.error = Some(PyError { syntax, line, text }),
                WorkerMessage::Done(total) => {
                    s.total = total;
                    if s.run == RunState::Running {
                        s.run = if s.error.is_some() { RunState::Error } else { RunState::Done };
                    }
                }
                WorkerMessage::Failed(why) => s.run = RunState::Failed(why),
                WorkerMessage::Unknown => return self,
            },
            PyAction::Cancelled => s.run = RunState::Cancelled,
            PyAction::TimeLimit => s.run = RunState::TimeLimit,
            PyAction::Failed(why) => s.run = RunState::Failed(why),
        }
        Rc::new(s)
    }
}
