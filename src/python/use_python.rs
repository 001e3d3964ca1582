//! The one place the Python panel starts, feeds and ends its worker (the runtime's
//! `PythonWorker`): Run starts Python if it is not loaded and runs the program once it is ready;
//! Cancel and the 30 s limit terminate the worker and start a fresh one loading.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::model::python::panel::{PyAction, PyState};
use crate::model::python::protocol::{Failure, WorkerMessage};
use crate::runtime::python_worker::{Given, PythonWorker};
use crate::text::python::RunnerWords;

/// A program and the lab's names it runs with.
#[derive(Clone, PartialEq)]
pub struct RunRequest {
    pub source: Rc<str>,
    pub latencies: Rc<[u32]>,
    pub limit: u32,
    pub urls: Rc<[String]>,
    pub processing_ms: u32,
    /// How long it may run before the worker is ended, ms.
    pub time_limit_ms: u32,
    /// The lab's own messages from Python, in the reader's language.
    pub words: &'static RunnerWords,
}

#[derive(Default)]
struct Worker {
    worker: Option<PythonWorker>,
    ready: bool,
    pending: Option<RunRequest>,
    limit: Option<Timeout>,
    generation: u32,
}

pub struct PythonControls {
    pub run: Callback<RunRequest>,
    pub cancel: Callback<()>,
}

fn send(cell: &Rc<RefCell<Worker>>, dispatch: &UseReducerDispatcher<PyState>, request: RunRequest) {
    let mut w = cell.borrow_mut();
    let Some(worker) = w.worker.as_ref() else { return };
    let given = Given { latencies: &request.latencies, limit: request.limit, urls: &request.urls, processing_ms: request.processing_ms };
    if let Err(why) = worker.run(&request.source, &given, &request.words.entries()) {
        dispatch.dispatch(PyAction::Failed(Failure::Python(why)));
        return;
    }
    // The lab's rule: no program runs past 30 s (a test may give less); the worker is ended, and a
    // fresh one loads.
    let (weak, d) = (Rc::downgrade(cell), dispatch.clone());
    w.limit = Some(Timeout::new(request.time_limit_ms, move || {
        if let Some(cell) = weak.upgrade() {
            restart(&cell, &d);
            d.dispatch(PyAction::TimeLimit);
        }
    }));
}

fn start(cell: &Rc<RefCell<Worker>>, dispatch: &UseReducerDispatcher<PyState>) {
    let generation = {
        let mut w = cell.borrow_mut();
        w.generation += 1;
        w.ready = false;
        w.generation
    };
    let (weak, d): (Weak<RefCell<Worker>>, _) = (Rc::downgrade(cell), dispatch.clone());
    let started = PythonWorker::start(move |message| {
        let Some(cell) = weak.upgrade() else { return };
        if cell.borrow().generation != generation {
            return;
        }
        match &message {
            WorkerMessage::Ready(_) => {
                cell.borrow_mut().ready = true;
                let pending = cell.borrow_mut().pending.take();
                d.dispatch(PyAction::Message(message));
                if let Some(request) = pending {
                    send(&cell, &d, request);
                }
                return;
            }
            WorkerMessage::Done(_) | WorkerMessage::Failed(_) => cell.borrow_mut().limit = None,
            _ => {}
        }
        d.dispatch(PyAction::Message(message));
    });
    match started {
        Ok(worker) => {
            cell.borrow_mut().worker = Some(worker);
            dispatch.dispatch(PyAction::WorkerStarted);
        }
        Err(why) => dispatch.dispatch(PyAction::Failed(why)),
    }
}

/// Ends the worker (its messages stop) and starts a fresh one loading for the next run.
fn restart(cell: &Rc<RefCell<Worker>>, dispatch: &UseReducerDispatcher<PyState>) {
    {
        let mut w = cell.borrow_mut();
        w.worker = None; // Drop terminates it.
        w.pending = None;
        w.limit = None;
    }
    start(cell, dispatch);
}

#[hook]
pub fn use_python(dispatch: UseReducerDispatcher<PyState>) -> PythonControls {
    let cell = use_mut_ref(Worker::default);
    let run = {
        let (cell, dispatch) = (cell.clone(), dispatch.clone());
        Callback::from(move |request: RunRequest| {
            dispatch.dispatch(PyAction::Begin);
            if cell.borrow().worker.is_none() {
                start(&cell, &dispatch);
            }
            if cell.borrow().ready {
                send(&cell, &dispatch, request);
            } else {
                cell.borrow_mut().pending = Some(request);
            }
        })
    };
    let cancel = Callback::from(move |()| {
        restart(&cell, &dispatch);
        dispatch.dispatch(PyAction::Cancelled);
    });
    PythonControls { run, cancel }
}
