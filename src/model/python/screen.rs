//! What the Python panel shows, derived from its state (`panel::PyState`) and the lab's names a
//! program runs with, as `model::lab::screen` is for the lab: the status line, the progress bar,
//! the "given" line, the lanes and the moment they are shown at, the prediction beside the total.
//! The panel's component only draws it; its words are `text::python`'s.

use std::rc::Rc;

use super::link::LinkError;
use super::panel::{Load, ProgramRun, PyState};
use super::presets::GIVEN_NAMES;
use super::protocol::Failure;
use super::timeline::{lanes, Lane};

/// The lab's names a program runs with (`presets::GIVEN_NAMES`).
#[derive(Clone, Debug, PartialEq)]
pub struct Given {
    pub latencies: Rc<[u32]>,
    pub limit: u32,
    pub urls: Rc<[String]>,
    /// The client's work per answer (`process(response)`).
    pub processing_ms: u32,
}

/// The status line, in words by `text::python`.
#[derive(Clone, Debug, PartialEq)]
pub enum PyStatus {
    /// Not loaded: the first run downloads Python.
    NotLoaded,
    /// Downloading: bytes so far.
    Loading(f64),
    Ready,
    Running,
    Done,
    Error,
    Cancelled,
    /// Stopped at the time limit of this many ms.
    TimeLimit(u32),
    Failed(Failure),
}

#[derive(Clone, Debug, PartialEq)]
pub struct PyScreen {
    pub status: PyStatus,
    /// The progress bar while a run waits for Python: bytes so far.
    pub loading: Option<f64>,
    /// `LATENCIES = [300, 800] · LIMIT = 2 · …`: what the program is given, the lists cut at six.
    pub given: String,
    pub lanes: Rc<Vec<Lane>>,
    /// The lanes' time axis: the run's total, or the latest moment a lane reaches.
    pub span_ms: f64,
    /// Where the event loop is shown (the replay's cursor): the moment moved to, or the end.
    pub at_ms: f64,
    /// The lanes' cursor: `at_ms`, but none while the program runs.
    pub cursor: Option<f64>,
    /// The moment panel and the step table: a finished run with lanes.
    pub explained: bool,
    /// The model's total for a preset as it is, beside the measured one; none beside a run made
    /// while the tab was in the background, which is named instead (`hidden_ms`).
    pub predicted_ms: Option<f64>,
    pub hidden_ms: Option<f64>,
    /// The program's error line to mark in the editor.
    pub error_line: Option<u32>,
    /// No worker may start here (a sandboxed embed): offer the full page.
    pub no_worker: bool,
    /// What is wrong with the program's link: the one it came in, else the one it makes.
    pub link_error: Option<LinkError>,
}

impl PyScreen {
    pub fn of(state: &PyState, given: &Given, time_limit_ms: u32) -> PyScreen {
        let now_ms = state.trace.tasks.iter().flat_map(|task| task.turns.iter().map(|t| t.1)).fold(0.0, f64::max);
        let drawn = lanes(&state.trace, state.total.unwrap_or(now_ms));
        let span_ms = drawn.iter().map(|l| l.end_ms).fold(state.total.unwrap_or(0.0), f64::max);
        PyScreen {
            status: status(state, time_limit_ms),
            loading: match (&state.run, state.load) {
                (ProgramRun::Running, Load::Loading(bytes)) => Some(bytes),
                (ProgramRun::Running, Load::NotLoaded) => Some(0.0),
                _ => None,
            },
            given: given_line(given),
            explained: !drawn.is_empty() && !state.busy(),
            lanes: Rc::new(drawn),
            span_ms,
            at_ms: state.at.unwrap_or(span_ms),
            cursor: (!state.busy()).then_some(state.at.unwrap_or(span_ms)),
            predicted_ms: state.preset.filter(|_| state.hidden_ms.is_none()).map(|p| p.predicted_ms(&given.latencies, given.limit)),
            hidden_ms: state.hidden_ms,
            error_line: state.error.as_ref().map(|e| e.line).filter(|l| *l > 0),
            no_worker: state.run == ProgramRun::Failed(Failure::NoWorkerHere),
            link_error: state.read_error.clone().or_else(|| state.link_error.clone()),
        }
    }
}

fn status(state: &PyState, time_limit_ms: u32) -> PyStatus {
    match (&state.run, state.load) {
        (ProgramRun::Failed(why), _) => PyStatus::Failed(why.clone()),
        (ProgramRun::TimeLimit, _) => PyStatus::TimeLimit(time_limit_ms),
        (ProgramRun::Cancelled, _) => PyStatus::Cancelled,
        (ProgramRun::Error, _) => PyStatus::Error,
        (ProgramRun::Done, _) => PyStatus::Done,
        (ProgramRun::Running, Load::Ready) => PyStatus::Running,
        (_, Load::Loading(bytes)) => PyStatus::Loading(bytes),
        (_, Load::Ready) => PyStatus::Ready,
        _ => PyStatus::NotLoaded,
    }
}

fn given_line(given: &Given) -> String {
    format!(
        "{} = {} · {} = {} · {} = {} · {} = {}",
        GIVEN_NAMES[0],
        python_list(&given.latencies, false),
        GIVEN_NAMES[1],
        given.limit,
        GIVEN_NAMES[2],
        python_list(&given.urls, true),
        GIVEN_NAMES[3],
        given.processing_ms
    )
}

/// A Python list literal of the first six items, `…` for the rest.
fn python_list<T: std::fmt::Display>(items: &[T], quote: bool) -> String {
    let shown: Vec<String> = items.iter().take(6).map(|v| if quote { format!("\"{v}\"") } else { v.to_string() }).collect();
    let more = if items.len() > 6 { ", …" } else { "" };
    format!("[{}{more}]", shown.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::python::panel::PyAction;
    use crate::model::python::presets::{simulated_url, PyPreset};
    use crate::model::python::protocol::WorkerMessage;

    fn given(latencies: &[u32]) -> Given {
        Given { latencies: latencies.into(), limit: 2, urls: latencies.iter().map(|&ms| simulated_url(ms)).collect(), processing_ms: 0 }
    }

    fn after(actions: impl IntoIterator<Item = PyAction>) -> Rc<PyState> {
        let first = Rc::new(PyState::new(Rc::from("print(1)"), Some(PyPreset::Gather)));
        actions.into_iter().fold(first, PyState::after)
    }

    #[test]
    fn the_given_line_shows_the_names_and_six_items_of_each_list() {
        assert_eq!(
            PyScreen::of(&after([]), &given(&[300, 800]), 30_000).given,
            "LATENCIES = [300, 800] · LIMIT = 2 · URLS = [\"lab:sleep/300\", \"lab:sleep/800\"] · PROCESSING_MS = 0"
        );
        let long = PyScreen::of(&after([]), &given(&[1, 2, 3, 4, 5, 6, 7]), 30_000).given;
        assert!(long.starts_with("LATENCIES = [1, 2, 3, 4, 5, 6, …] · "), "{long}");
        assert!(long.contains("\"lab:sleep/6\", …]"), "{long}");
        let six = PyScreen::of(&after([]), &given(&[1, 2, 3, 4, 5, 6]), 30_000).given;
        assert!(six.starts_with("LATENCIES = [1, 2, 3, 4, 5, 6] · "), "six are all shown: {six}");
    }

    #[test]
    fn the_status_and_the_progress_bar_follow_the_load_and_the_run() {
        let screen = |actions: Vec<PyAction>| PyScreen::of(&after(actions), &given(&[300]), 2_000);
        assert_eq!((screen(vec![]).status, screen(vec![]).loading), (PyStatus::NotLoaded, None));
        let pressed = screen(vec![PyAction::Begin]);
        assert_eq!((pressed.status, pressed.loading), (PyStatus::NotLoaded, Some(0.0)), "a bar from the press on");
        let loading = screen(vec![PyAction::Begin, PyAction::WorkerStarted, PyAction::Message(WorkerMessage::Progress(5e5))]);
        assert_eq!((loading.status, loading.loading), (PyStatus::Loading(5e5), Some(5e5)));
        let ready = vec![PyAction::Begin, PyAction::Message(WorkerMessage::Ready(1.0))];
        assert_eq!((screen(ready.clone()).status, screen(ready.clone()).loading), (PyStatus::Running, None));
        let loaded = screen(vec![PyAction::WorkerStarted, PyAction::Message(WorkerMessage::Ready(1.0))]);
        assert_eq!((loaded.status, loaded.loading), (PyStatus::Ready, None), "loaded ahead of any run");
        let idle_loading = screen(vec![PyAction::WorkerStarted, PyAction::Message(WorkerMessage::Progress(7.0))]);
        assert_eq!((idle_loading.status, idle_loading.loading), (PyStatus::Loading(7.0), None), "loading ahead, no run waits");
        for (end, status) in [
            (PyAction::Cancelled, PyStatus::Cancelled),
            (PyAction::TimeLimit, PyStatus::TimeLimit(2_000)),
            (PyAction::Failed(Failure::WorkerDidNotStart), PyStatus::Failed(Failure::WorkerDidNotStart)),
            (PyAction::Message(WorkerMessage::Done(Some(1.0))), PyStatus::Done),
        ] {
            let mut actions = ready.clone();
            actions.push(end.clone());
            assert_eq!(screen(actions).status, status, "{end:?}");
        }
        let mut raised = ready.clone();
        raised.extend([
            PyAction::Message(WorkerMessage::Error { syntax: false, line: 4, text: "E".into() }),
            PyAction::Message(WorkerMessage::Done(None)),
        ]);
        let raised = screen(raised);
        assert_eq!((raised.status, raised.error_line), (PyStatus::Error, Some(4)));
        let no_line = screen(vec![PyAction::Message(WorkerMessage::Error { syntax: true, line: 0, text: "E".into() })]);
        assert_eq!(no_line.error_line, None, "line 0 is no line");
        let sandboxed = screen(vec![PyAction::Begin, PyAction::Failed(Failure::NoWorkerHere)]);
        assert!(sandboxed.no_worker && !screen(ready).no_worker);
    }

    #[test]
    fn the_lanes_are_explained_once_the_run_ends_at_its_end_or_the_moment_moved_to() {
        let trace = "task\t1\tmain\t0.263\nturn\t1\t1.389\t1.986\nend\t1\t1.986\tdone\n";
        let running =
            after([PyAction::Begin, PyAction::Message(WorkerMessage::Ready(1.0)), PyAction::Message(WorkerMessage::Trace(trace.into()))]);
        let screen = PyScreen::of(&running, &given(&[300]), 30_000);
        assert!(!screen.explained && screen.cursor.is_none(), "no moment while it runs");
        let done = running.after(PyAction::Message(WorkerMessage::Done(Some(805.0))));
        let screen = PyScreen::of(&done, &given(&[300]), 30_000);
        assert_eq!(screen.span_ms, 805.0);
        assert_eq!((screen.at_ms, screen.cursor), (805.0, Some(805.0)));
        assert!(screen.explained && !screen.lanes.is_empty(), "a finished run with lanes is explained");
        let moved = PyScreen::of(&done.after(PyAction::Seek(200.0)), &given(&[300]), 30_000);
        assert_eq!(moved.at_ms, 200.0);
    }

    #[test]
    fn a_run_made_in_the_background_is_named_and_never_set_beside_the_model() {
        let s = Rc::new(PyState::new(PyPreset::Gather.program().into(), Some(PyPreset::Gather)));
        let s = s.after(PyAction::Begin).after(PyAction::Hidden(1_200.0));
        let screen = PyScreen::of(&s, &given(&[300, 800]), 30_000);
        assert_eq!((screen.predicted_ms, screen.hidden_ms), (None, Some(1_200.0)));
        let again = PyScreen::of(&s.after(PyAction::Begin), &given(&[300, 800]), 30_000);
        assert_eq!(again.hidden_ms, None, "the next run starts unjudged by the last");
        assert!(again.predicted_ms.is_some());
    }

    #[test]
    fn a_preset_as_it_is_has_a_prediction_and_a_link_error_is_said_from_either_side() {
        let s = after([]);
        assert!(PyScreen::of(&s, &given(&[300, 800]), 30_000).predicted_ms.is_some());
        let custom = s.clone().after(PyAction::Edit("x".into(), None));
        assert_eq!(PyScreen::of(&custom, &given(&[300]), 30_000).predicted_ms, None);
        let too_long = custom.after(PyAction::LinkWritten(Some(LinkError::TooLong { chars: 9000 })));
        assert_eq!(PyScreen::of(&too_long, &given(&[1]), 1).link_error, Some(LinkError::TooLong { chars: 9000 }));
        let read = PyState { read_error: Some(LinkError::NotText), ..(*too_long).clone() };
        assert_eq!(PyScreen::of(&read, &given(&[1]), 1).link_error, Some(LinkError::NotText), "the link it came in first");
    }
}
