//! What theory says: the start, response and end of every request, from the scenario alone.
//!
//! One thread processes responses, so processing time is never overlapped: a response that
//! arrives while the thread is busy waits for it (the event loop's queue).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::scenario::{Request, Scenario};
use super::strategy::Strategy;

/// When one request started, got its response and finished processing it (ms from the run's start).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timing {
    pub start: f64,
    pub response: f64,
    pub end: f64,
}

/// The predicted timings of every request, in the scenario's order, and the total.
#[derive(Clone, Debug, PartialEq)]
pub struct Schedule {
    pub timings: Vec<Timing>,
    pub total: f64,
}

pub fn predict(scenario: &Scenario, strategy: Strategy) -> Schedule {
    predict_requests(scenario.requests(), strategy)
}

/// The same for any list of requests, of any length (benchmarks go past the form's limits).
pub fn predict_requests(requests: &[Request], strategy: Strategy) -> Schedule {
    let timings = match strategy {
        Strategy::Blocking | Strategy::Sequential => one_after_another(requests),
        Strategy::Concurrent => all_at_once(requests),
        Strategy::Bounded(k) => with_slots(requests, k.max(1) as usize),
    };
    let total = timings.iter().map(|t| t.end).fold(0.0, f64::max);
    Schedule { timings, total }
}

fn one_after_another(requests: &[Request]) -> Vec<Timing> {
    let mut now = 0.0;
    requests
        .iter()
        .map(|r| {
            let start = now;
            let response = start + f64::from(r.latency_ms);
            let end = response + f64::from(r.processing_ms);
            now = end;
            Timing { start, response, end }
        })
        .collect()
}

fn all_at_once(requests: &[Request]) -> Vec<Timing> {
    // Timers with equal deadlines fire in the order they were set, which is list order.
    let mut arrival: Vec<usize> = (0..requests.len()).collect();
    arrival.sort_by_key(|&i| (requests[i].latency_ms, i));
    let mut timings = vec![Timing { start: 0.0, response: 0.0, end: 0.0 }; requests.len()];
    let mut thread_free_at = 0.0_f64;
    for i in arrival {
        let response = f64::from(requests[i].latency_ms);
        let end = response.max(thread_free_at) + f64::from(requests[i].processing_ms);
        thread_free_at = end;
        timings[i] = Timing { start: 0.0, response, end };
    }
    timings
}

/// List scheduling: requests start in list order whenever one of `k` slots is free; a slot is
/// freed when its request's processing ends, and the next request starts at that moment.
fn with_slots(requests: &[Request], k: usize) -> Vec<Timing> {
    let mut timings = vec![Timing { start: 0.0, response: 0.0, end: 0.0 }; requests.len()];
    // Pending responses, earliest first; ties in the order their timers were set, which is list
    // order (requests start in list order). Times are whole milliseconds here, so u64 keys are exact.
    let mut pending: BinaryHeap<Reverse<(u64, usize)>> = BinaryHeap::new();
    let mut start = |i: usize, at: u64, pending: &mut BinaryHeap<Reverse<(u64, usize)>>| {
        timings[i].start = at as f64;
        pending.push(Reverse((at + u64::from(requests[i].latency_ms), i)));
    };
    let mut next = 0;
    while next < requests.len().min(k) {
        start(next, 0, &mut pending);
        next += 1;
    }
    let mut thread_free_at = 0_u64;
    let mut ends = vec![0_u64; requests.len()];
    let mut responses = vec![0_u64; requests.len()];
    while let Some(Reverse((response, i))) = pending.pop() {
        let end = response.max(thread_free_at) + u64::from(requests[i].processing_ms);
        thread_free_at = end;
        responses[i] = response;
        ends[i] = end;
        if next < requests.len() {
            start(next, end, &mut pending);
            next += 1;
        }
    }
    for (i, t) in timings.iter_mut().enumerate() {
        t.response = responses[i] as f64;
        t.end = ends[i] as f64;
    }
    timings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(pairs: &[(u32, u32)]) -> Scenario {
        Scenario::new(pairs.iter().map(|&(latency_ms, processing_ms)| Request { latency_ms, processing_ms }).collect()).unwrap()
    }

    fn ends(s: &Schedule) -> Vec<f64> {
        s.timings.iter().map(|t| t.end).collect()
    }

    #[test]
    fn the_notes_example_sum_versus_max() {
        let note = scenario(&[(300, 0), (800, 0)]);
        assert_eq!(predict(&note, Strategy::Sequential).total, 1100.0);
        assert_eq!(predict(&note, Strategy::Blocking).total, 1100.0);
        assert_eq!(predict(&note, Strategy::Concurrent).total, 800.0);
        assert_eq!(predict(&note, Strategy::Bounded(1)).total, 1100.0);
        assert_eq!(predict(&note, Strategy::Bounded(2)).total, 800.0);
    }

    #[test]
    fn sequential_starts_each_request_when_the_last_ends() {
        let s = predict(&scenario(&[(100, 10), (200, 20), (50, 0)]), Strategy::Sequential);
        let starts: Vec<f64> = s.timings.iter().map(|t| t.start).collect();
        assert_eq!(starts, vec![0.0, 110.0, 330.0]);
        assert_eq!(ends(&s), vec![110.0, 330.0, 380.0]);
        assert_eq!(s.total, 380.0);
    }

    #[test]
    fn concurrent_responses_queue_for_the_one_thread() {
        // Both arrive at 100; the second waits for the first's 50 ms of processing.
        let s = predict(&scenario(&[(100, 50), (100, 50), (300, 50)]), Strategy::Concurrent);
        assert_eq!(ends(&s), vec![150.0, 200.0, 350.0]);
        // A response arriving while the thread is busy waits.
        let s = predict(&scenario(&[(100, 300), (200, 10)]), Strategy::Concurrent);
        assert_eq!(ends(&s), vec![400.0, 410.0]);
        assert_eq!(s.timings[1].response, 200.0);
    }

    #[test]
    fn bounded_is_list_scheduling() {
        // k = 2: 400 and 100 start at 0; 100 ends at 100 and frees a slot for 300 (ends 400);
        // 400 ends at 400 and frees a slot for 200 (ends 600).
        let s = predict(&scenario(&[(400, 0), (100, 0), (300, 0), (200, 0)]), Strategy::Bounded(2));
        let starts: Vec<f64> = s.timings.iter().map(|t| t.start).collect();
        assert_eq!(starts, vec![0.0, 0.0, 100.0, 400.0]);
        assert_eq!(ends(&s), vec![400.0, 100.0, 400.0, 600.0]);
        assert_eq!(s.total, 600.0);
    }

    #[test]
    fn six_connections_make_waves() {
        let s = predict(&Scenario::from_latencies(&[500; 12]).unwrap(), Strategy::Bounded(6));
        assert_eq!(s.total, 1000.0);
        assert_eq!(s.timings[6].start, 500.0);
    }

    #[test]
    fn bounded_slot_is_held_through_processing() {
        let s = predict(&scenario(&[(100, 50), (100, 0)]), Strategy::Bounded(1));
        assert_eq!(s.timings[1].start, 150.0);
        assert_eq!(s.total, 250.0);
    }

    #[test]
    fn zero_latency_requests() {
        let s = predict(&Scenario::from_latencies(&[0, 0, 0]).unwrap(), Strategy::Concurrent);
        assert_eq!(s.total, 0.0);
    }
}
