//! Carries out the Python worker's driver (`model::python::worker_driver`): the driver decides
//! when a worker starts or is replaced, when the program is handed over and what is stale; this
//! hook starts and ends the runtime's `PythonWorker`, hands it the program, keeps the time limit's
//! alarm and feeds every answer back.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use yew::prelude::*;

use crate::model::python::panel::{PyAction, PyState};
use crate::model::python::worker_driver::{WorkerCommand, WorkerDriver};
use crate::runtime::python_worker::{Given, PythonWorker};
use crate::runtime::timers::{alarm, Alarm};
use crate::runtime::visibility::HiddenWatch;
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

pub struct PythonControls {
    pub run: Callback<RunRequest>,
    pub cancel: Callback<()>,
}

/// The driver, and what it has the shell hold: the worker, the time limit's alarm and, over the
/// same span (the program's run: `SetLimit` to `ClearLimit`), the watch on the tab's visibility.
struct Shell {
    driver: RefCell<WorkerDriver<RunRequest>>,
    worker: RefCell<Option<PythonWorker>>,
    limit: RefCell<Option<Alarm>>,
    hidden: RefCell<Option<HiddenWatch>>,
    dispatch: UseReducerDispatcher<PyState>,
}

#[hook]
pub fn use_python(dispatch: UseReducerDispatcher<PyState>) -> PythonControls {
    let shell = use_memo((), move |_| {
        Rc::new(Shell {
            driver: RefCell::default(),
            worker: RefCell::default(),
            limit: RefCell::default(),
            hidden: RefCell::default(),
            dispatch,
        })
    });
    let run = {
        let shell = (*shell).clone();
        Callback::from(move |request: RunRequest| {
            let limit_ms = request.time_limit_ms;
            let commands = shell.driver.borrow_mut().run(request, limit_ms);
            obey(&shell, commands);
        })
    };
    let shell = (*shell).clone();
    let cancel = Callback::from(move |()| {
        let commands = shell.driver.borrow_mut().cancel();
        obey(&shell, commands);
    });
    PythonControls { run, cancel }
}

/// Carries out `commands` in order, the driver never borrowed while one runs.
fn obey(shell: &Rc<Shell>, commands: Vec<WorkerCommand<RunRequest>>) {
    for command in commands {
        match command {
            WorkerCommand::Report(action) => shell.dispatch.dispatch(action),
            WorkerCommand::Start { generation } => {
                shell.worker.borrow_mut().take(); // Drop terminates it: its messages stop.
                let weak: Weak<Shell> = Rc::downgrade(shell);
                let started = PythonWorker::start(move |message| {
                    if let Some(shell) = weak.upgrade() {
                        let next = shell.driver.borrow_mut().message(generation, message);
                        obey(&shell, next);
                    }
                });
                let result = started.map(|worker| *shell.worker.borrow_mut() = Some(worker));
                let next = shell.driver.borrow_mut().started(generation, result);
                obey(shell, next);
            }
            WorkerCommand::SetLimit { generation, ms } => {
                *shell.hidden.borrow_mut() = Some(HiddenWatch::start());
                let weak = Rc::downgrade(shell);
                *shell.limit.borrow_mut() = Some(alarm(ms, move || {
                    if let Some(shell) = weak.upgrade() {
                        let next = shell.driver.borrow_mut().time_up(generation);
                        obey(&shell, next);
                    }
                }));
            }
            WorkerCommand::ClearLimit => {
                drop(shell.limit.borrow_mut().take());
                // Said before the run's end is reported: the result never shows unjudged first.
                let hidden = shell.hidden.borrow_mut().take().and_then(HiddenWatch::stop);
                if let Some(ms) = hidden {
                    shell.dispatch.dispatch(PyAction::Hidden(ms));
                }
            }
            WorkerCommand::Send(request) => {
                let sent = match shell.worker.borrow().as_ref() {
                    Some(worker) => {
                        let given = Given {
                            latencies: &request.latencies,
                            limit: request.limit,
                            urls: &request.urls,
                            processing_ms: request.processing_ms,
                        };
                        worker.run(&request.source, &given, &request.words.entries())
                    }
                    None => Ok(()),
                };
                if let Err(why) = sent {
                    let next = shell.driver.borrow_mut().not_sent(why);
                    obey(shell, next);
                }
            }
        }
    }
}
