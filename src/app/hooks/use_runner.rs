//! Starts and cancels runs. The only place the app talks to the runtime.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures::future::AbortHandle;
use yew::prelude::*;

use crate::app::state::{Action, AppState};
use crate::model::config::ValidConfig;
use crate::model::Trace;
use crate::runtime::runner::{abort_pair, run};
use crate::runtime::{RunEnd, Transport};

/// Callbacks to start a run of every strategy of a valid configuration, and to cancel it.
#[derive(Clone, PartialEq)]
pub struct Runner {
    pub start: Callback<ValidConfig>,
    pub cancel: Callback<()>,
}

#[hook]
pub fn use_runner(dispatch: UseReducerDispatcher<AppState>) -> Runner {
    let abort: Rc<RefCell<Option<AbortHandle>>> = use_mut_ref(|| None);
    // Set from Run to the end of the last strategy; Run is refused meanwhile.
    let running: Rc<Cell<bool>> = (*use_memo((), |_| Rc::new(Cell::new(false)))).clone();
    let next_id = use_mut_ref(|| 0_u32);
    // Made once: the same callbacks every render, so what takes them need not redraw.
    (*use_memo(dispatch, move |dispatch| runner(dispatch.clone(), abort, running, next_id))).clone()
}

fn runner(
    dispatch: UseReducerDispatcher<AppState>,
    abort: Rc<RefCell<Option<AbortHandle>>>,
    running: Rc<Cell<bool>>,
    next_id: Rc<RefCell<u32>>,
) -> Runner {
    let start = {
        let abort = abort.clone();
        let running = running.clone();
        Callback::from(move |valid: ValidConfig| {
            if running.get() {
                return; // refused: one run at a time
            }
            running.set(true);
            let run_id = {
                let mut id = next_id.borrow_mut();
                *id += 1;
                *id
            };
            let strategies = valid.strategies();
            let valid_needs_emulator = valid.real.as_ref().is_some_and(|r| r.needs_emulator);
            let scenario = Rc::new(valid.scenario.clone());
            let transport = match &valid.real {
                Some(targets) => Transport::real(targets, run_id),
                None => Transport::Simulated,
            };
            dispatch.dispatch(Action::Begin { run_id, valid });
            let dispatch = dispatch.clone();
            let abort = abort.clone();
            let running = running.clone();
            let needs_emulator = valid_needs_emulator;
            wasm_bindgen_futures::spawn_local(async move {
                if needs_emulator && !crate::runtime::emulator::ensure().await {
                    dispatch.dispatch(Action::EmulatorUnavailable { run_id });
                }
                let mut end = RunEnd::Completed;
                for (index, strategy) in strategies.into_iter().enumerate() {
                    let (handle, registration) = abort_pair();
                    *abort.borrow_mut() = Some(handle);
                    dispatch.dispatch(Action::StrategyStarted { run_id, index });
                    let trace = Rc::new(RefCell::new(Trace::new(strategy, scenario.len())));
                    let on_frame = {
                        let dispatch = dispatch.clone();
                        let trace = trace.clone();
                        move |elapsed: f64| {
                            let trace = trace.borrow().clone();
                            dispatch.dispatch(Action::Progress { run_id, index, trace, elapsed });
                        }
                    };
                    end = run(scenario.clone(), strategy, transport.clone(), trace.clone(), registration, on_frame).await;
                    let finished = trace.borrow().clone();
                    dispatch.dispatch(Action::StrategyEnded { run_id, index, trace: finished });
                    if end == RunEnd::Cancelled {
                        break;
                    }
                }
                abort.borrow_mut().take();
                running.set(false);
                dispatch.dispatch(Action::Finished { run_id, end });
            });
        })
    };
    let cancel = Callback::from(move |()| {
        if let Some(handle) = abort.borrow().as_ref() {
            handle.abort();
        }
    });
    Runner { start, cancel }
}
