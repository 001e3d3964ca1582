//! Runs a scenario for real: each request is a task that waits its latency on a browser
//! timer (or, for blocking, on the thread itself) and then processes its response with a
//! busy wait of its processing time. Times go into a shared `Trace` as they happen.

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::{AbortHandle, Abortable};
use futures::stream::{self, StreamExt};

use super::clock;
use super::frames::{self, FrameMonitor};
use super::real;
use super::timers;
use super::visibility::HiddenWatch;
use crate::model::scenario::Request;
use crate::model::source::{RequestOutcome, Transport};
use crate::model::trace::Outcome;
use crate::model::{Scenario, Strategy, Trace};

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
    transport: Transport,
    trace: Rc<RefCell<Trace>>,
    abort: futures::future::AbortRegistration,
    on_frame: impl Fn(f64) + 'static,
) -> Outcome {
    *trace.borrow_mut() = Trace::new(strategy, scenario.len());
    if matches!(transport, Transport::Real { .. }) {
        real::reset_resource_timing();
    }
    // Let the page paint its "running" state before a run that may freeze it, and learn what that
    // painting cost: a page just started has drawn no run yet, and its first drawn frame made a
    // request 47–66 ms late in WebKit (a frame there costs 100–250 ms).
    let painted = frames::paint().await;
    // A tab in the background slows timers: such a run is named, never judged (`Trace::hidden_ms`).
    let hidden = HiddenWatch::start();
    let t0 = clock::now();
    // A frame's drawing must not make a request late: a frame whose drawing, at what drawn frames
    // have measurably cost, would reach a deadline skips its update (`model::pacing`).
    let monitor = FrameMonitor::paced(t0, painted, timers::quiet_for, move || on_frame(clock::now() - t0));
    let record = Recorder { trace: trace.clone(), t0 };
    let work = execute(scenario, strategy, transport.clone(), record);
    let end = match Abortable::new(work, abort).await {
        Ok(()) => Outcome::Completed,
        Err(_aborted) => Outcome::Cancelled,
    };
    let total = clock::now() - t0;
    let frames = monitor.stop();
    let hidden_ms = hidden.stop();
    let mut trace = trace.borrow_mut();
    trace.hidden_ms = hidden_ms;
    trace.max_frame_gap = Some(frames.max_gap);
    trace.max_draw = Some(frames.costliest_draw);
    if let Transport::Real { urls, .. } = &transport {
        // Where the browser tells: each request's phases, and how long it queued for a connection.
        let timings: Vec<_> = urls.iter().map(|url| real::timing_of(url, t0)).collect();
        for (r, timing) in trace.requests.iter_mut().zip(&timings) {
            r.queued = timing.as_ref().map(|(_, queued)| *queued);
            if end == Outcome::Cancelled && r.start.is_some() && r.end.is_none() {
                r.outcome = Some(RequestOutcome::Cancelled);
            }
        }
        trace.phases = timings.into_iter().map(|t| t.map(|(phases, _)| phases)).collect();
    }
    if end == Outcome::Completed {
        trace.total = Some(total);
    }
    trace.outcome = end;
    end
}

/// A handle to cancel a run, and the registration `run` takes.
pub fn abort_pair() -> (AbortHandle, futures::future::AbortRegistration) {
    AbortHandle::new_pair()
}

/// Writes the moments of each request into the shared trace, in ms from the run's start.
#[derive(Clone)]
struct Recorder {
    trace: Rc<RefCell<Trace>>,
    t0: f64,
}

impl Recorder {
    fn mark(&self, i: usize, moment: Moment) {
        frames::note_work();
        let t = clock::now() - self.t0;
        let mut trace = self.trace.borrow_mut();
        let r = &mut trace.requests[i];
        match moment {
            Moment::Start => r.start = Some(t),
            Moment::Response => r.response = Some(t),
            Moment::End => r.end = Some(t),
        }
    }

    /// A real request's answer; a failure ends the request where it failed.
    fn answer(&self, i: usize, answer: &real::Answer) {
        frames::note_work();
        let t = clock::now() - self.t0;
        let mut trace = self.trace.borrow_mut();
        let r = &mut trace.requests[i];
        r.outcome = Some(answer.outcome);
        r.status = answer.status;
        r.size = answer.size;
        if r.response.is_none() {
            r.response = Some(t);
        }
    }
}

async fn execute(scenario: Rc<Scenario>, strategy: Strategy, transport: Transport, record: Recorder) {
    let task = |i: usize| {
        let request = scenario.requests()[i];
        let record = record.clone();
        let transport = transport.clone();
        async move { one_request(i, request, &transport, &record).await }
    };
    match strategy {
        Strategy::Blocking => {
            for (i, request) in scenario.requests().iter().enumerate() {
                record.mark(i, Moment::Start);
                match &transport {
                    Transport::Simulated => clock::busy_wait(f64::from(request.latency_ms)),
                    Transport::Real { urls, .. } => {
                        let answer = real::blocking_get(&urls[i]);
                        record.answer(i, &answer);
                    }
                }
                record.mark(i, Moment::Response);
                clock::busy_wait(f64::from(request.processing_ms));
                record.mark(i, Moment::End);
            }
        }
        Strategy::Sequential => {
            for i in 0..scenario.len() {
                task(i).await;
            }
        }
        Strategy::Concurrent => {
            sliced(scenario.len()).for_each_concurrent(None, task).await;
        }
        Strategy::Bounded(k) => {
            // Pulls requests in list order and keeps at most k tasks (wait + processing) in flight.
            sliced(scenario.len()).for_each_concurrent(Some(k.max(1) as usize), task).await;
        }
    }
}

/// How many requests start in one task.
const START_SLICE: usize = 1000;

/// The indices `0..n` in order, `START_SLICE` at a time: after each slice the stream waits one
/// trip through the event loop, so starting 10,000 requests at once is ten tasks of a few ms, not
/// one of 70 (the browser's input and timers get their turn between). Each request's recorded
/// start says when it really began. Until the last slice is out, frames do not draw (a drawing
/// between slices would only delay the rest).
fn sliced(n: usize) -> impl futures::Stream<Item = usize> {
    let starting = (n > START_SLICE).then(|| timers::expect(0.0));
    stream::unfold((0, starting), move |(next, mut starting)| async move {
        if next >= n {
            return None;
        }
        if next > 0 && next % START_SLICE == 0 {
            timers::yield_to_loop().await;
        }
        if next + 1 == n {
            starting.take();
        }
        Some((next, (next + 1, starting)))
    })
}

async fn one_request(i: usize, request: Request, transport: &Transport, record: &Recorder) {
    record.mark(i, Moment::Start);
    match transport {
        Transport::Simulated => {
            wait(request.latency_ms).await;
            record.mark(i, Moment::Response);
        }
        Transport::Real { urls, timeout_ms } => {
            let expected = timers::expect(f64::from(request.latency_ms));
            let answer = real::fetch(&urls[i], *timeout_ms, || record.mark(i, Moment::Response)).await;
            drop(expected);
            record.answer(i, &answer);
            if !matches!(answer.outcome, RequestOutcome::Ok | RequestOutcome::HttpError) {
                // A failed request has no response to process.
                record.mark(i, Moment::End);
                return;
            }
        }
    }
    clock::busy_wait(f64::from(request.processing_ms));
    record.mark(i, Moment::End);
}

/// Waits on the shared browser timer (see `timers`), exact to the deadline. Zero needs no timer:
/// a resolved promise keeps it asynchronous without the 4 ms clamp browsers put on deeply
/// nested zero timeouts.
async fn wait(ms: u32) {
    if ms == 0 {
        let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL)).await;
        return;
    }
    timers::sleep(f64::from(ms)).await;
}
