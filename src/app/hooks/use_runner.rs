//! Starts and cancels runs. The only place the app talks to the runtime.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures::future::AbortHandle;
use yew::prelude::*;

use crate::model::config::ValidConfig;
use crate::model::growth::{GrowthAxis, SweepRun};
use crate::model::lab::{Action, AppState};
use crate::model::trace::Outcome;
use crate::model::{Scenario, Strategy, Trace};
use crate::runtime::runner::{abort_pair, run};
use crate::runtime::Transport;

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

/// The runs of a sweep, which axis they are drawn on, and the scenario they stand for.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepPlan {
    pub axis: GrowthAxis,
    pub runs: Rc<Vec<SweepRun>>,
    pub scenario: Rc<Scenario>,
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
        let next_id = next_id.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |(valid, strategies): (ValidConfig, Vec<Strategy>)| {
            if running.get() || strategies.is_empty() {
                return; // refused: one run at a time
            }
            running.set(true);
            let run_id = take_id(&next_id);
            let valid_needs_emulator = valid.real.as_ref().is_some_and(|r| r.needs_emulator);
            let scenario = Rc::new(valid.scenario.clone());
            let transport = match &valid.real {
                Some(targets) => Transport::real(targets, run_id),
                None => Transport::Simulated,
            };
            dispatch.dispatch(Action::Begin { run_id, valid, strategies: strategies.clone() });
            let dispatch = dispatch.clone();
            let abort = abort.clone();
            let running = running.clone();
            let needs_emulator = valid_needs_emulator;
            wasm_bindgen_futures::spawn_local(async move {
                if needs_emulator && !crate::runtime::emulator::ensure().await {
                    dispatch.dispatch(Action::EmulatorUnavailable { run_id });
                }
                let mut end = Outcome::Completed;
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
                    if end == Outcome::Cancelled {
                        break;
                    }
                }
                abort.borrow_mut().take();
                running.set(false);
                dispatch.dispatch(Action::Finished { run_id, end });
            });
        })
    };
    let sweep = {
        let abort = abort.clone();
        Callback::from(move |plan: SweepPlan| {
            if running.get() || plan.runs.is_empty() {
                return;
            }
            running.set(true);
            let run_id = take_id(&next_id);
            dispatch.dispatch(Action::SweepBegin { run_id, axis: plan.axis, runs: plan.runs.clone(), scenario: plan.scenario });
            let (dispatch, abort, running, runs) = (dispatch.clone(), abort.clone(), running.clone(), plan.runs);
            wasm_bindgen_futures::spawn_local(async move {
                let mut end = Outcome::Completed;
                for (index, point) in runs.iter().enumerate() {
                    let (handle, registration) = abort_pair();
                    *abort.borrow_mut() = Some(handle);
                    let trace = Rc::new(RefCell::new(Trace::new(point.strategy, point.scenario.len())));
                    let scenario = Rc::new(point.scenario.clone());
                    // A sweep draws its points, not its requests: no update per frame.
                    end = run(scenario, point.strategy, Transport::Simulated, trace.clone(), registration, |_| {}).await;
                    if end == Outcome::Cancelled {
                        break;
                    }
                    let total = trace.borrow().total;
                    if let Some(total) = total {
                        dispatch.dispatch(Action::SweepPoint { run_id, index, total });
                    }
                }
                abort.borrow_mut().take();
                running.set(false);
                dispatch.dispatch(Action::SweepEnded { run_id, end });
            });
        })
    };
    let cancel = Callback::from(move |()| {
        if let Some(handle) = abort.borrow().as_ref() {
            handle.abort();
        }
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

fn take_id(next_id: &RefCell<u32>) -> u32 {
    let mut id = next_id.borrow_mut();
    *id += 1;
    *id
}
