//! Carries out the run driver's commands (`model::run_driver`): the driver decides what runs
//! next, whether a press may start a job and what is stale; this hook only reports to the page,
//! runs one strategy at a time on the runtime and feeds each answer back to the driver.

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::AbortHandle;
use yew::prelude::*;

use crate::model::config::ValidConfig;
use crate::model::lab::AppState;
use crate::model::run_driver::{Command, Driver, Order, SweepPlan};
use crate::model::{Strategy, Trace};
use crate::runtime::runner::{abort_pair, run};

/// Callbacks to start a run of the given strategies of a valid configuration, to measure a
/// growth curve (a sweep of runs), and to cancel either.
#[derive(Clone, PartialEq)]
pub struct Runner {
    pub start: Callback<(ValidConfig, Vec<Strategy>)>,
    /// The same for a link's autorun: once the page has loaded and painted, so that the page's
    /// own start-up work (layout, first paint, fonts) does not land inside the measurement.
    pub start_when_settled: Callback<(ValidConfig, Vec<Strategy>)>,
    pub sweep: Callback<SweepPlan>,
    pub cancel: Callback<()>,
}

/// The driver, the handle that aborts the step running now, and the page to report to.
struct Shell {
    driver: RefCell<Driver>,
    abort: RefCell<Option<AbortHandle>>,
    dispatch: UseReducerDispatcher<AppState>,
}

#[hook]
pub fn use_runner(dispatch: UseReducerDispatcher<AppState>) -> Runner {
    // Made once: the same callbacks every render, so what takes them need not redraw.
    (*use_memo(dispatch, |dispatch| {
        let shell = Rc::new(Shell { driver: RefCell::default(), abort: RefCell::default(), dispatch: dispatch.clone() });
        runner(shell)
    }))
    .clone()
}

fn runner(shell: Rc<Shell>) -> Runner {
    let start = {
        let shell = shell.clone();
        Callback::from(move |(valid, strategies)| {
            let commands = shell.driver.borrow_mut().start(valid, strategies);
            obey(&shell, commands);
        })
    };
    let sweep = {
        let shell = shell.clone();
        Callback::from(move |plan| {
            let commands = shell.driver.borrow_mut().sweep(plan);
            obey(&shell, commands);
        })
    };
    let cancel = Callback::from(move |()| {
        let commands = shell.driver.borrow_mut().cancel();
        obey(&shell, commands);
    });
    let start_when_settled = {
        let start = start.clone();
        Callback::from(move |run: (ValidConfig, Vec<Strategy>)| {
            let start = start.clone();
            wasm_bindgen_futures::spawn_local(async move {
                crate::runtime::frames::page_settled().await;
                start.emit(run);
            });
        })
    };
    Runner { start, start_when_settled, sweep, cancel }
}

/// Carries out `commands` in order; what the runtime answers goes back to the driver, and its
/// commands are carried out in turn. The driver is never borrowed while a command runs.
fn obey(shell: &Rc<Shell>, commands: Vec<Command>) {
    for command in commands {
        match command {
            Command::Report(action) => shell.dispatch.dispatch(action),
            Command::EnsureEmulator { job } => {
                let shell = shell.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let ready = crate::runtime::emulator::ensure().await;
                    let next = shell.driver.borrow_mut().emulator(job, ready);
                    obey(&shell, next);
                });
            }
            Command::Run(order) => run_step(shell, order),
            Command::Abort => {
                if let Some(handle) = shell.abort.borrow().as_ref() {
                    handle.abort();
                }
            }
        }
    }
}

fn run_step(shell: &Rc<Shell>, order: Order) {
    let (handle, registration) = abort_pair();
    *shell.abort.borrow_mut() = Some(handle);
    let trace = Rc::new(RefCell::new(Trace::new(order.strategy, order.scenario.len())));
    let shell = shell.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let Order { job, step, scenario, strategy, transport, frames } = order;
        let on_frame = {
            let (shell, trace) = (shell.clone(), trace.clone());
            move |elapsed: f64| {
                if frames {
                    let now = trace.borrow().clone();
                    let next = shell.driver.borrow_mut().frame(job, step, now, elapsed);
                    obey(&shell, next);
                }
            }
        };
        run(scenario, strategy, transport, trace.clone(), registration, on_frame).await;
        shell.abort.borrow_mut().take();
        let finished = trace.borrow().clone();
        let next = shell.driver.borrow_mut().ended(job, step, finished);
        obey(&shell, next);
    });
}
