//! The runtime on a real browser event loop: measured totals agree with the model's
//! predictions, bounded really keeps k in flight, cancel stops a run, blocking freezes frames.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::{select, Either};
use gloo_timers::future::TimeoutFuture;
use sync_vs_async::model::source::Transport;
use sync_vs_async::model::trace::{agrees, Outcome};
use sync_vs_async::model::{predict, Preset, Request, Scenario, Strategy, Trace};
use sync_vs_async::runtime::run;
use sync_vs_async::runtime::runner::abort_pair;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn measure(scenario: &Scenario, strategy: Strategy) -> Trace {
    let trace = Rc::new(RefCell::new(Trace::new(strategy, scenario.len())));
    let (_handle, registration) = abort_pair();
    let end = run(Rc::new(scenario.clone()), strategy, Transport::Simulated, trace.clone(), registration, |_| {}).await;
    assert_eq!(end, Outcome::Completed);
    let t = trace.borrow().clone();
    t
}

fn with_processing(latencies: &[u32], processing_ms: u32) -> Scenario {
    Scenario::new(latencies.iter().map(|&latency_ms| Request { latency_ms, processing_ms }).collect()).unwrap()
}

#[wasm_bindgen_test]
async fn every_strategy_agrees_with_its_prediction() {
    let scenarios = [
        Scenario::from_latencies(&[300, 800]).unwrap(),
        // A random scenario, scaled down so the suite stays short.
        with_processing(&Preset::Random.latencies(6, 11).iter().map(|l| l / 4).collect::<Vec<_>>(), 20),
        with_processing(&[120, 40, 200, 80, 60], 0),
    ];
    for scenario in &scenarios {
        for strategy in [Strategy::Blocking, Strategy::Sequential, Strategy::Concurrent, Strategy::Bounded(2)] {
            let predicted = predict(scenario, strategy);
            let mut trace = measure(scenario, strategy).await;
            // A busy machine holds the whole page up: right after the suite's biggest compile,
            // three clean runs measured bounded 834–861 ms for 800 here (the disk's writeback,
            // Chromium's own start). A run that disagrees is measured once more, and that one
            // must agree: a lab that is late by itself is late twice.
            let fits = |t: &Trace| {
                t.total.is_some_and(|total| agrees(total, predicted.total))
                    && t.requests.iter().zip(&predicted.timings).all(|(r, p)| r.end.is_some_and(|end| agrees(end, p.end)))
            };
            if !fits(&trace) {
                console_log!(
                    "{strategy:?} on {:?}: measured {:?} for {}; measuring again",
                    scenario.latencies(),
                    trace.total,
                    predicted.total
                );
                trace = measure(scenario, strategy).await;
            }
            let total = trace.total.expect("a completed run has a total");
            assert!(
                agrees(total, predicted.total),
                "{strategy:?} on {:?}: measured {total}, predicted {}",
                scenario.latencies(),
                predicted.total
            );
            for (i, (r, p)) in trace.requests.iter().zip(&predicted.timings).enumerate() {
                let end = r.end.expect("every request finished");
                assert!(agrees(end, p.end), "{strategy:?} request {i}: ended at {end}, predicted {}", p.end);
            }
        }
    }
}

#[wasm_bindgen_test]
async fn bounded_really_keeps_k_in_flight_and_concurrent_all() {
    let scenario = Scenario::from_latencies(&[60; 9]).unwrap();
    assert_eq!(peak_in_flight(&measure(&scenario, Strategy::Bounded(3)).await), 3);
    assert_eq!(peak_in_flight(&measure(&scenario, Strategy::Concurrent).await), 9);
    assert_eq!(peak_in_flight(&measure(&scenario, Strategy::Sequential).await), 1);
}

#[wasm_bindgen_test]
async fn blocking_freezes_frames_for_the_whole_run_and_awaiting_does_not() {
    let scenario = Scenario::from_latencies(&[250, 250]).unwrap();
    let blocking = measure(&scenario, Strategy::Blocking).await;
    let gap = blocking.max_frame_gap.unwrap();
    assert!(gap >= blocking.total.unwrap() - 1.0, "gap {gap} vs run {:?}", blocking.total);
    let sequential = measure(&scenario, Strategy::Sequential).await;
    assert!(sequential.max_frame_gap.unwrap() < 100.0, "{:?}", sequential.max_frame_gap);
}

#[wasm_bindgen_test]
async fn cancel_stops_a_run_and_nothing_finishes_after() {
    let scenario = Scenario::from_latencies(&[400, 400, 400]).unwrap();
    let trace = Rc::new(RefCell::new(Trace::new(Strategy::Concurrent, 3)));
    let (handle, registration) = abort_pair();
    let running = Box::pin(run(Rc::new(scenario), Strategy::Concurrent, Transport::Simulated, trace.clone(), registration, |_| {}));
    let timeout = Box::pin(TimeoutFuture::new(100));
    let running = match select(running, timeout).await {
        Either::Left(_) => panic!("a 400 ms run ended within 100 ms"),
        Either::Right((_, running)) => running,
    };
    handle.abort();
    assert_eq!(running.await, Outcome::Cancelled);
    // Wait past when the requests would have answered: nothing more is recorded.
    TimeoutFuture::new(450).await;
    let t = trace.borrow();
    assert_eq!(t.outcome, Outcome::Cancelled);
    assert_eq!(t.total, None);
    assert!(t.requests.iter().all(|r| r.start.is_some() && r.response.is_none()), "{:?}", t.requests);
}

/// The one shared timer: sleeps registered in any order finish in deadline order, never before
/// their deadline (the timer is armed early; the rest is waited exactly) and within a few ms
/// after; one dropped before its time leaves its entry behind, and that must not hold up the rest.
#[wasm_bindgen_test]
async fn shared_timer_wakes_each_sleep_at_its_deadline_in_order() {
    use futures::future::join_all;
    use sync_vs_async::runtime::clock;
    use sync_vs_async::runtime::timers::sleep;

    let woken: Rc<RefCell<Vec<(u32, f64)>>> = Rc::new(RefCell::new(Vec::new()));
    let t0 = clock::now();
    let sleeps = [90_u32, 30, 60, 31, 5, 120].map(|ms| {
        let woken = woken.clone();
        async move {
            sleep(f64::from(ms)).await;
            woken.borrow_mut().push((ms, clock::now() - t0));
        }
    });
    // A sleep of 45 ms dropped after 20: the others still wake, it never does.
    let dropped = Box::pin({
        let woken = woken.clone();
        async move {
            sleep(45.0).await;
            woken.borrow_mut().push((45, clock::now() - t0));
        }
    });
    let all = join_all(sleeps);
    futures::pin_mut!(all);
    let early = select(all, select(dropped, TimeoutFuture::new(20))).await;
    let all = match early {
        Either::Right((Either::Right(((), dropped)), all)) => {
            drop(dropped);
            all
        }
        _ => panic!("nothing should finish in the first 20 ms"),
    };
    all.await;
    let woken = woken.borrow();
    let order: Vec<u32> = woken.iter().map(|(ms, _)| *ms).collect();
    assert_eq!(order, vec![5, 30, 31, 60, 90, 120], "deadline order");
    for (ms, at) in woken.iter() {
        assert!(*at >= f64::from(*ms), "{ms} ms finished early, at {at:.2}");
        assert!(*at < f64::from(*ms) + 15.0, "{ms} ms finished late, at {at:.2}");
    }
}

/// The most requests that were in flight (started, not yet finished) at any moment.
fn peak_in_flight(trace: &Trace) -> usize {
    let mut events: Vec<(f64, i32)> = Vec::with_capacity(trace.requests.len() * 2);
    for r in &trace.requests {
        if let Some(start) = r.start {
            events.push((start, 1));
            events.push((r.end.unwrap_or(f64::INFINITY), -1));
        }
    }
    // At equal times, a finish comes before a start: a slot freed and reused at once.
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut now = 0_i32;
    let mut peak = 0_i32;
    for (_, delta) in events {
        now += delta;
        peak = peak.max(now);
    }
    peak as usize
}
