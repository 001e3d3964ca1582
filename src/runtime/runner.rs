//! Runs a scenario for real: each request is a task that waits its latency on a browser
//! timer (or, for blocking, on the thread itself) and then processes its response with a
//! busy wait of its processing time. Times go into a shared `Trace` as they happen.

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::{join_all, AbortHandle, Abortable};
use futures::stream::{self, StreamExt};
use gloo_timers::future::TimeoutFuture;

use super::clock;
use super::frames::{self, FrameMonitor};
use crate::model::scenario::Request;
use crate::model::trace::Outcome;
use crate::model::{Scenario, Strategy, Trace};

/// How a run ended. A blocking run cannot be cancelled: while it runs, nothing else can.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunEnd {
    Completed,
    Cancelled,
}

#[derive(Clone, Copy)]
enum Moment {
    Start,
    Response,
    End,
}

/// Runs `scenario` with `strategy`, writing into `trace` as requests progress, calling
/// `on_frame` with the ms elapsed once per painted frame, until done or until `abort` is triggered.
/// `trace` is reset first; on return it holds the total and the longest frame gap.
pub async fn run(
    scenario: Rc<Scenario>,
    strategy: Strategy,
    trace: Rc<RefCell<Trace>>,
    abort: futures::future::AbortRegistration,
    on_frame: impl Fn(f64) + 'static,
) -> RunEnd {
    *trace.borrow_mut() = Trace::new(strategy, scenario.len());
    // Let the page paint its "running" state before a run that may freeze it.
    frames::next_frame().await;
    let t0 = clock::now();
    let monitor = FrameMonitor::start(move || on_frame(clock::now() - t0));
    let record = {
        let trace = trace.clone();
        move |i: usize, moment: Moment| {
            let t = clock::now() - t0;
            let mut trace = trace.borrow_mut();
            let r = &mut trace.requests[i];
            match moment {
                Moment::Start => r.start = Some(t),
                Moment::Response => r.response = Some(t),
                Moment::End => r.end = Some(t),
            }
        }
    };
    let work = execute(scenario, strategy, record);
    let end = match Abortable::new(work, abort).await {
        Ok(()) => RunEnd::Completed,
        Err(_aborted) => RunEnd::Cancelled,
    };
    let total = clock::now() - t0;
    let gap = monitor.stop();
    let mut trace = trace.borrow_mut();
    trace.max_frame_gap = Some(gap);
    match end {
        RunEnd::Completed => {
            trace.total = Some(total);
            trace.outcome = Outcome::Completed;
        }
        RunEnd::Cancelled => trace.outcome = Outcome::Cancelled,
    }
    end
}

/// A handle to cancel a run, and the registration `run` takes.
pub fn abort_pair() -> (AbortHandle, futures::future::AbortRegistration) {
    AbortHandle::new_pair()
}

async fn execute(scenario: Rc<Scenario>, strategy: Strategy, record: impl Fn(usize, Moment) + Clone + 'static) {
    let task = |i: usize| {
        let request = scenario.requests()[i];
        let record = record.clone();
        async move { one_request(i, request, record).await }
    };
    match strategy {
        Strategy::Blocking => {
            for (i, request) in scenario.requests().iter().enumerate() {
                record(i, Moment::Start);
                clock::busy_wait(f64::from(request.latency_ms));
                record(i, Moment::Response);
                clock::busy_wait(f64::from(request.processing_ms));
                record(i, Moment::End);
            }
        }
        Strategy::Sequential => {
            for i in 0..scenario.len() {
                task(i).await;
            }
        }
        Strategy::Concurrent => {
            join_all((0..scenario.len()).map(task)).await;
        }
        Strategy::Bounded(k) => {
            // Pulls requests in list order and keeps at most k tasks (wait + processing) in flight.
            stream::iter(0..scenario.len()).for_each_concurrent(Some(k.max(1) as usize), task).await;
        }
    }
}

async fn one_request(i: usize, request: Request, record: impl Fn(usize, Moment)) {
    record(i, Moment::Start);
    wait(request.latency_ms).await;
    record(i, Moment::Response);
    clock::busy_wait(f64::from(request.processing_ms));
    record(i, Moment::End);
}

/// Waits on a browser timer. Zero needs no timer: a resolved promise keeps it asynchronous
/// without the 4 ms clamp browsers put on deeply nested zero timeouts.
async fn wait(ms: u32) {
    if ms == 0 {
        let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL)).await;
    } else {
        TimeoutFuture::new(ms).await;
    }
}
