//! The Python panel's state, pure: one struct, one action enum, one reducer (as the lab's
//! `model::lab`). The panel's Yew app gives it to `use_reducer`; its worker hook feeds it the
//! worker's messages (`protocol::WorkerMessage`).

use std::rc::Rc;

use super::link::LinkError;
use super::presets::PyPreset;
use super::protocol::{Failure, WorkerMessage};
use super::trace::PyTrace;

/// How long one program may run, in ms: the lab's rule (`config::MAX_FROZEN_MS`, 30 s), or a
/// shorter limit a test gives the panel's host (`data-time-limit-ms`), so that it need not wait
/// the 30 s out. Never longer than the rule; anything unreadable is the rule.
pub fn time_limit_ms(given: Option<&str>) -> u32 {
    let rule = crate::model::config::MAX_FROZEN_MS as u32;
    given.and_then(|ms| ms.trim().parse::<u32>().ok()).filter(|ms| (1..=rule).contains(ms)).unwrap_or(rule)
}

/// Python itself: not loaded, downloading, ready.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Load {
    NotLoaded,
    Loading(f64),
    Ready,
}

/// The last run of a program.
#[derive(Clone, Debug, PartialEq)]
pub enum ProgramRun {
    Idle,
    /// Pressed; it starts when Python is ready.
    Running,
    Done,
    /// The program raised (its error is `PyState::error`).
    Error,
    Cancelled,
    TimeLimit,
    /// Python could not load or run at all.
    Failed(Failure),
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
    pub run: ProgramRun,
    pub output: Rc<Vec<(String, bool)>>,
    pub error: Option<PyError>,
    pub trace: Rc<PyTrace>,
    pub total: Option<f64>,
    /// How long Python took to load, by the worker's count (the benchmark reads it).
    pub load_ms: Option<f64>,
    /// How many runs have begun on this page (`py-status`'s `data-runs`: a test waits for its own
    /// run's end, not the one before).
    pub runs: u32,
    /// The moment the event loop is shown at (the replay's cursor); `None` is the run's end. A run
    /// that begins or ends puts it back there.
    pub at: Option<f64>,
    /// The link's program that could not be read: said until the program is edited.
    pub read_error: Option<LinkError>,
    /// The program as it is could not be written into a link (too long).
    pub link_error: Option<LinkError>,
    /// How long the tab was in the background during the run (`runtime::visibility`): such a
    /// run is named, never set beside the model.
    pub hidden_ms: Option<f64>,
}

impl PyState {
    pub fn new(code: Rc<str>, preset: Option<PyPreset>) -> PyState {
        PyState {
            code,
            preset,
            load: Load::NotLoaded,
            run: ProgramRun::Idle,
            output: Rc::default(),
            error: None,
            trace: Rc::default(),
            total: None,
            load_ms: None,
            runs: 0,
            at: None,
            read_error: None,
            link_error: None,
            hidden_ms: None,
        }
    }

    /// The panel's first state, from the link's `py=` as read (`link::decode`): its program (a
    /// preset as it is comes in the reader's language: `program`), or where there is none or it
    /// could not be read, the first preset, and why.
    pub fn first(
        read: Option<Result<String, LinkError>>,
        preset_of: impl Fn(&str) -> Option<PyPreset>,
        program: impl Fn(PyPreset) -> String,
    ) -> PyState {
        let first = || PyState::new(program(PyPreset::Gather).into(), Some(PyPreset::Gather));
        match read {
            Some(Ok(code)) => match preset_of(&code) {
                Some(preset) => PyState::new(program(preset).into(), Some(preset)),
                None => PyState::new(code.into(), None),
            },
            Some(Err(why)) => PyState { read_error: Some(why), ..first() },
            None => first(),
        }
    }

    /// The `data-state` of `py-status`.
    pub fn state_key(&self) -> &'static str {
        match (&self.run, self.load) {
            (ProgramRun::Running, Load::Ready) => "running",
            (ProgramRun::Running, _) => "loading",
            (ProgramRun::Done, _) => "done",
            (ProgramRun::Error | ProgramRun::TimeLimit | ProgramRun::Failed(_), _) => "error",
            (ProgramRun::Cancelled, _) => "cancelled",
            (ProgramRun::Idle, Load::Loading(_)) => "loading",
            (ProgramRun::Idle, Load::Ready) => "ready",
            (ProgramRun::Idle, Load::NotLoaded) => "idle",
        }
    }

    pub fn busy(&self) -> bool {
        self.run == ProgramRun::Running
    }
}

#[derive(Clone, Debug, PartialEq)]
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
    Failed(Failure),
    /// The event loop shown at this moment (ms from the run's start).
    Seek(f64),
    /// The program was handed to the lab for its link: written, or too long to (`LinkError`).
    LinkWritten(Option<LinkError>),
    /// The tab was in the background for so many ms during the run.
    Hidden(f64),
}

impl PyState {
    /// The state after `action`; the same `Rc` for a message that says nothing known.
    pub fn after(self: Rc<Self>, action: PyAction) -> Rc<Self> {
        if action == PyAction::Message(WorkerMessage::Unknown) {
            return self;
        }
        match &action {
            PyAction::Seek(ms) if self.at == Some(*ms) => return self,
            PyAction::LinkWritten(why) if self.link_error == *why => return self,
            _ => {}
        }
        let was_busy = self.busy();
        let mut s = Rc::unwrap_or_clone(self);
        match action {
            PyAction::Edit(code, preset) => {
                s.preset = preset;
                s.code = code.into();
                s.error = None;
                s.read_error = None;
            }
            PyAction::Preset(preset, code) => {
                s.code = code.into();
                s.preset = Some(preset);
                s.error = None;
                s.read_error = None;
            }
            PyAction::Seek(ms) => s.at = Some(ms),
            PyAction::LinkWritten(why) => s.link_error = why,
            PyAction::Begin => {
                s.runs += 1;
                s.run = ProgramRun::Running;
                s.output = Rc::default();
                s.error = None;
                s.trace = Rc::default();
                s.total = None;
                s.hidden_ms = None;
            }
            PyAction::Hidden(ms) => s.hidden_ms = Some(ms),
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
                    if s.run == ProgramRun::Running {
                        s.run = if s.error.is_some() { ProgramRun::Error } else { ProgramRun::Done };
                    }
                }
                WorkerMessage::Failed(why) => s.run = ProgramRun::Failed(why),
                WorkerMessage::Unknown => {}
            },
            PyAction::Cancelled => s.run = ProgramRun::Cancelled,
            PyAction::TimeLimit => s.run = ProgramRun::TimeLimit,
            PyAction::Failed(why) => s.run = ProgramRun::Failed(why),
        }
        if s.busy() != was_busy {
            s.at = None;
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh() -> Rc<PyState> {
        Rc::new(PyState::new(Rc::from("print(1)"), None))
    }

    fn after(state: Rc<PyState>, actions: impl IntoIterator<Item = PyAction>) -> Rc<PyState> {
        actions.into_iter().fold(state, PyState::after)
    }

    #[test]
    fn a_run_waits_for_python_then_runs_and_is_done() {
        let s = after(fresh(), [PyAction::Begin, PyAction::WorkerStarted]);
        assert_eq!((s.state_key(), s.busy()), ("loading", true));
        let s = after(s, [PyAction::Message(WorkerMessage::Progress(1e6))]);
        assert_eq!(s.load, Load::Loading(1e6));
        let s = after(s, [PyAction::Message(WorkerMessage::Ready(2200.0))]);
        assert_eq!((s.state_key(), s.load_ms), ("running", Some(2200.0)));
        let s = after(
            s,
            [
                PyAction::Message(WorkerMessage::Output("1".into(), false)),
                PyAction::Message(WorkerMessage::Trace("task 1 main\n".into())),
                PyAction::Message(WorkerMessage::Done(Some(805.0))),
            ],
        );
        assert_eq!((s.state_key(), s.total, s.busy()), ("done", Some(805.0), false));
        assert_eq!(*s.output, vec![("1".to_string(), false)]);
        // The next run is counted as it begins, whatever the last one ended in.
        assert_eq!(s.runs, 1);
        let s = after(s, [PyAction::Begin]);
        assert_eq!((s.runs, s.state_key(), s.total), (2, "running", None));
    }

    #[test]
    fn a_program_that_raises_ends_in_error_with_its_line() {
        let error = WorkerMessage::Error { syntax: false, line: 3, text: "ValueError: boom".into() };
        let s = after(
            fresh(),
            [
                PyAction::Begin,
                PyAction::Message(WorkerMessage::Ready(1.0)),
                PyAction::Message(error),
                PyAction::Message(WorkerMessage::Done(None)),
            ],
        );
        assert_eq!((s.run.clone(), s.state_key()), (ProgramRun::Error, "error"));
        assert_eq!(s.error.as_ref().map(|e| (e.syntax, e.line)), Some((false, 3)));
        let s = after(s, [PyAction::Begin]);
        assert!(s.error.is_none() && s.output.is_empty() && s.total.is_none(), "a new run starts clean");
    }

    #[test]
    fn editing_clears_the_error_and_remembers_the_preset() {
        let s = after(fresh(), [PyAction::Message(WorkerMessage::Error { syntax: true, line: 1, text: "SyntaxError".into() })]);
        let s = after(s, [PyAction::Preset(PyPreset::ALL[0], "x".into())]);
        assert_eq!((s.preset, s.error.clone(), &*s.code), (Some(PyPreset::ALL[0]), None, "x"));
        let s = after(s, [PyAction::Edit("y".into(), None)]);
        assert_eq!((s.preset, &*s.code), (None, "y"));
    }

    #[test]
    fn cancel_the_time_limit_and_failures_end_a_run() {
        for (action, key) in [
            (PyAction::Cancelled, "cancelled"),
            (PyAction::TimeLimit, "error"),
            (PyAction::Failed(Failure::NoWorkerHere), "error"),
            (PyAction::Message(WorkerMessage::Failed(Failure::WorkerDidNotStart)), "error"),
        ] {
            let s = after(fresh(), [PyAction::Begin, action.clone()]);
            assert_eq!((s.state_key(), s.busy()), (key, false), "{action:?}");
        }
    }

    #[test]
    fn a_done_after_the_run_ended_changes_only_the_total() {
        let s = after(fresh(), [PyAction::Begin, PyAction::Cancelled, PyAction::Message(WorkerMessage::Done(Some(3.0)))]);
        assert_eq!(s.run, ProgramRun::Cancelled, "a cancelled run stays cancelled");
    }

    #[test]
    fn the_moment_shown_is_the_runs_end_until_moved_and_again_after_each_run() {
        let s = after(fresh(), [PyAction::Begin, PyAction::Message(WorkerMessage::Done(Some(800.0))), PyAction::Seek(300.0)]);
        assert_eq!(s.at, Some(300.0));
        assert!(Rc::ptr_eq(&s, &s.clone().after(PyAction::Seek(300.0))), "the same moment again is no change");
        let s = after(s, [PyAction::Begin]);
        assert_eq!(s.at, None, "a run that begins shows its end");
        let s = after(s, [PyAction::Seek(10.0), PyAction::Cancelled]);
        assert_eq!(s.at, None, "a run that ends shows its end");
        let s = after(s, [PyAction::Seek(20.0), PyAction::Edit("x".into(), None)]);
        assert_eq!(s.at, Some(20.0), "an edit leaves the moment");
    }

    #[test]
    fn the_first_state_comes_from_the_link_and_says_what_could_not_be_read() {
        let preset_of = |code: &str| (code == "gather-in-english").then_some(PyPreset::Gather);
        let program = |p: PyPreset| format!("{} in the reader's language", p.key());
        let own = PyState::first(Some(Ok("print(2)".into())), preset_of, program);
        assert_eq!((&*own.code, own.preset, own.read_error.clone()), ("print(2)", None, None));
        let preset = PyState::first(Some(Ok("gather-in-english".into())), preset_of, program);
        assert_eq!((preset.code.to_string(), preset.preset), (program(PyPreset::Gather), Some(PyPreset::Gather)));
        let none = PyState::first(None, preset_of, program);
        assert_eq!((none.preset, none.read_error), (Some(PyPreset::Gather), None));
        let bad = Rc::new(PyState::first(Some(Err(LinkError::NotBase64)), preset_of, program));
        assert_eq!((bad.preset, bad.read_error.clone()), (Some(PyPreset::Gather), Some(LinkError::NotBase64)));
        let s = after(bad.clone(), [PyAction::Begin, PyAction::Cancelled]);
        assert_eq!(s.read_error, Some(LinkError::NotBase64), "said until the program is edited");
        assert_eq!(after(bad.clone(), [PyAction::Edit("y".into(), None)]).read_error, None);
        assert_eq!(after(bad, [PyAction::Preset(PyPreset::Gather, "z".into())]).read_error, None);
    }

    #[test]
    fn a_program_too_long_for_a_link_is_said_until_one_fits() {
        let s = after(fresh(), [PyAction::LinkWritten(Some(LinkError::TooLong { chars: 9000 }))]);
        assert_eq!(s.link_error, Some(LinkError::TooLong { chars: 9000 }));
        assert!(Rc::ptr_eq(&s, &s.clone().after(PyAction::LinkWritten(Some(LinkError::TooLong { chars: 9000 })))));
        assert_eq!(after(s, [PyAction::LinkWritten(None)]).link_error, None);
    }

    #[test]
    fn an_unknown_message_changes_nothing() {
        let s = fresh();
        assert!(Rc::ptr_eq(&s, &s.clone().after(PyAction::Message(WorkerMessage::Unknown))));
    }

    #[test]
    fn before_any_run_the_state_says_whether_python_is_there() {
        assert_eq!(fresh().state_key(), "idle");
        assert_eq!(after(fresh(), [PyAction::WorkerStarted]).state_key(), "loading");
        assert_eq!(after(fresh(), [PyAction::WorkerStarted, PyAction::Message(WorkerMessage::Ready(1.0))]).state_key(), "ready");
    }

    #[test]
    fn a_program_runs_30_s_at_most_and_a_test_may_give_it_less() {
        assert_eq!(time_limit_ms(None), 30_000);
        assert_eq!(time_limit_ms(Some("2000")), 2_000);
        assert_eq!(time_limit_ms(Some(" 30000 ")), 30_000);
        for never in ["30001", "0", "-5", "2 s", "", "99999999999"] {
            assert_eq!(time_limit_ms(Some(never)), 30_000, "{never}");
        }
    }
}
