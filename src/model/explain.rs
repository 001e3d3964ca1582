//! Why the run took as long as it did, derived from its timings (a measured trace or the
//! prediction): the note's numbered steps, and what the one thread and the event loop were
//! doing at any moment. Pure functions of the timings, so replay can go forwards and backwards.

use super::predict::Timing;
use super::Strategy;

/// The timings a run is explained from, with each request's processing time.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    pub strategy: Strategy,
    pub timings: Vec<Timing>,
    pub processing: Vec<f64>,
    pub total: f64,
}

/// One numbered row of the step table, in the note's voice.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// When the step begins (ms from the run's start); the step lasts until the next one begins.
    pub at: f64,
    pub kind: StepKind,
}

/// What a step says. Requests count from 1, as in the note ("2ой HTTP запрос").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// The client sends request `n`.
    Send { n: usize },
    /// The program waits for request `n`'s response and is blocked.
    WaitBlocked { n: usize },
    /// The program awaits request `n`'s response; the event loop is free.
    WaitAwait { n: usize },
    /// The server sends request `n`'s response.
    Respond { n: usize },
    /// The client processes request `n`'s response.
    Process { n: usize },
    /// Requests `from..=to` go through the same four steps, one after another.
    Repeat { from: usize, to: usize, blocking: bool },
    /// The program waits and meanwhile sends requests `from..=to` (concurrent).
    WaitAndSend { from: usize, to: usize },
    /// The client sends the first `k` requests (bounded).
    SendFirst { k: usize },
    /// While waiting, each freed slot takes the next request, up to request `last` (bounded).
    Refill { k: usize, last: usize },
    /// The server sends the responses.
    RespondAll,
    /// The client processes the responses.
    ProcessAll,
}

/// What the one thread does at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Thread {
    NotStarted,
    /// Waiting for request `i`'s response itself: nothing else can run (blocking).
    Blocked {
        i: usize,
    },
    /// Running request `i`'s processing.
    Processing {
        i: usize,
    },
    /// Idle in the event loop, waiting for timers or the network.
    Idle,
    Finished,
}

/// The event loop at a moment: the thread, the tasks waiting on I/O, the responses queued
/// for the thread, and how many requests are done or not yet sent (indexes from 0).
#[derive(Clone, Debug, PartialEq)]
pub struct LoopState {
    pub thread: Thread,
    pub waiting: Vec<usize>,
    pub ready: Vec<usize>,
    pub done: usize,
    pub not_sent: usize,
}

/// The line of code a moment is on: what the one thread is executing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeRole {
    Send,
    Wait,
    Process,
    Done,
}

/// Longer lists are grouped so that the table stays readable.
const FULL_UP_TO: usize = 3;

impl Explanation {
    pub fn new(strategy: Strategy, timings: Vec<Timing>, processing: Vec<f64>) -> Explanation {
        let total = timings.iter().map(|t| t.end).fold(0.0, f64::max);
        Explanation { strategy, timings, processing, total }
    }

    fn n(&self) -> usize {
        self.timings.len()
    }

    fn process_start(&self, i: usize) -> f64 {
        (self.timings[i].end - self.processing.get(i).copied().unwrap_or(0.0)).max(self.timings[i].response)
    }

    fn one_by_one(&self, i: usize, blocking: bool) -> [Step; 4] {
        let t = self.timings[i];
        let n = i + 1;
        [
            Step { at: t.start, kind: StepKind::Send { n } },
            Step { at: t.start, kind: if blocking { StepKind::WaitBlocked { n } } else { StepKind::WaitAwait { n } } },
            Step { at: t.response, kind: StepKind::Respond { n } },
            Step { at: self.process_start(i), kind: StepKind::Process { n } },
        ]
    }

    /// The numbered steps. For two requests, blocking gives the note's eight and concurrent its four.
    pub fn steps(&self) -> Vec<Step> {
        let n = self.n();
        if n == 0 {
            return Vec::new();
        }
        let sequential = |blocking: bool| {
            if n <= FULL_UP_TO {
                (0..n).flat_map(|i| self.one_by_one(i, blocking)).collect()
            } else {
                let mut steps: Vec<Step> = self.one_by_one(0, blocking).to_vec();
                steps.push(Step { at: self.timings[1].start, kind: StepKind::Repeat { from: 2, to: n - 1, blocking } });
                steps.extend(self.one_by_one(n - 1, blocking));
                steps
            }
        };
        let first_response = self.timings.iter().map(|t| t.response).fold(f64::INFINITY, f64::min);
        let last_response = self.timings.iter().map(|t| t.response).fold(0.0, f64::max);
        match self.strategy {
            Strategy::Blocking => sequential(true),
            Strategy::Sequential | Strategy::Bounded(1) => sequential(false),
            Strategy::Concurrent => self.all_at_once(first_response, last_response),
            Strategy::Bounded(k) if k as usize >= n => self.all_at_once(first_response, last_response),
            Strategy::Bounded(k) => {
                let k = k as usize;
                vec![
                    Step { at: 0.0, kind: StepKind::SendFirst { k } },
                    Step { at: 0.0, kind: StepKind::Refill { k, last: n } },
                    Step { at: first_response, kind: StepKind::RespondAll },
                    Step { at: last_response, kind: StepKind::ProcessAll },
                ]
            }
        }
    }

    fn all_at_once(&self, first_response: f64, last_response: f64) -> Vec<Step> {
        let n = self.n();
        let mut steps = vec![Step { at: self.timings[0].start, kind: StepKind::Send { n: 1 } }];
        if n > 1 {
            steps.push(Step { at: self.timings[n - 1].start, kind: StepKind::WaitAndSend { from: 2, to: n } });
        } else {
            steps.push(Step { at: self.timings[0].start, kind: StepKind::WaitAwait { n: 1 } });
        }
        steps.push(Step { at: first_response, kind: StepKind::RespondAll });
        steps.push(Step { at: last_response, kind: StepKind::ProcessAll });
        steps
    }

    /// The step a moment belongs to: the last one that has begun (ties: the later step).
    pub fn step_at(&self, steps: &[Step], t: f64) -> usize {
        steps.iter().rposition(|s| s.at <= t + 1e-9).unwrap_or(0)
    }

    /// The event loop at `t`.
    pub fn state_at(&self, t: f64) -> LoopState {
        let n = self.n();
        let mut waiting = Vec::new();
        let mut ready = Vec::new();
        let mut done = 0;
        let mut not_sent = 0;
        let mut thread = if t < 0.0 {
            Thread::NotStarted
        } else if t >= self.total {
            Thread::Finished
        } else {
            Thread::Idle
        };
        for i in 0..n {
            let timing = self.timings[i];
            let process_start = self.process_start(i);
            if t < timing.start {
                not_sent += 1;
            } else if t < timing.response {
                waiting.push(i);
                if self.strategy == Strategy::Blocking {
                    thread = Thread::Blocked { i };
                }
            } else if t < process_start {
                ready.push(i);
            } else if t < timing.end {
                thread = Thread::Processing { i };
            } else {
                done += 1;
            }
        }
        // Responses arrive in order of time: the queue shows them that way.
        ready.sort_by(|&a, &b| self.timings[a].response.total_cmp(&self.timings[b].response));
        LoopState { thread, waiting, ready, done, not_sent }
    }

    /// Where the code is at `t`.
    pub fn code_role(&self, t: f64) -> CodeRole {
        let state = self.state_at(t);
        match state.thread {
            Thread::NotStarted => CodeRole::Send,
            Thread::Processing { .. } => CodeRole::Process,
            Thread::Finished => CodeRole::Done,
            Thread::Blocked { .. } | Thread::Idle => CodeRole::Wait,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{predict, Scenario};

    fn explain(latencies: &[u32], strategy: Strategy) -> Explanation {
        let s = Scenario::from_latencies(latencies).unwrap();
        Explanation::new(strategy, predict(&s, strategy).timings, vec![0.0; latencies.len()])
    }

    #[test]
    fn two_blocking_requests_are_the_notes_eight_steps() {
        let e = explain(&[300, 800], Strategy::Blocking);
        let kinds: Vec<StepKind> = e.steps().iter().map(|s| s.kind).collect();
        use StepKind::*;
        assert_eq!(
            kinds,
            vec![
                Send { n: 1 },
                WaitBlocked { n: 1 },
                Respond { n: 1 },
                Process { n: 1 },
                Send { n: 2 },
                WaitBlocked { n: 2 },
                Respond { n: 2 },
                Process { n: 2 },
            ]
        );
        let at: Vec<f64> = e.steps().iter().map(|s| s.at).collect();
        assert_eq!(at, vec![0.0, 0.0, 300.0, 300.0, 300.0, 300.0, 1100.0, 1100.0]);
    }

    #[test]
    fn two_concurrent_requests_are_the_notes_four_steps() {
        let e = explain(&[300, 800], Strategy::Concurrent);
        let kinds: Vec<StepKind> = e.steps().iter().map(|s| s.kind).collect();
        use StepKind::*;
        assert_eq!(kinds, vec![Send { n: 1 }, WaitAndSend { from: 2, to: 2 }, RespondAll, ProcessAll]);
        assert_eq!(e.step_at(&e.steps(), 500.0), 2);
        assert_eq!(e.step_at(&e.steps(), 800.0), 3);
    }

    #[test]
    fn long_lists_are_grouped() {
        let e = explain(&[100; 10], Strategy::Sequential);
        let steps = e.steps();
        assert_eq!(steps.len(), 9);
        assert_eq!(steps[4].kind, StepKind::Repeat { from: 2, to: 9, blocking: false });
        assert_eq!(steps[4].at, 100.0);
        assert_eq!(steps[5].kind, StepKind::Send { n: 10 });
        let e = explain(&[100; 10], Strategy::Bounded(3));
        assert_eq!(e.steps()[1].kind, StepKind::Refill { k: 3, last: 10 });
    }

    #[test]
    fn the_event_loop_at_each_moment() {
        let e = explain(&[300, 800], Strategy::Blocking);
        assert_eq!(e.state_at(100.0).thread, Thread::Blocked { i: 0 });
        assert_eq!(e.state_at(100.0).not_sent, 1);
        assert_eq!(e.state_at(500.0).thread, Thread::Blocked { i: 1 });
        assert_eq!(e.state_at(500.0).done, 1);
        assert_eq!(e.state_at(1100.0).thread, Thread::Finished);

        let e = explain(&[300, 800], Strategy::Concurrent);
        let s = e.state_at(100.0);
        assert_eq!((s.thread, s.waiting.clone()), (Thread::Idle, vec![0, 1]));
        assert_eq!(e.state_at(500.0).waiting, vec![1]);
        assert_eq!(e.state_at(500.0).done, 1);
    }

    #[test]
    fn queued_responses_wait_for_the_thread() {
        let s = Scenario::new(vec![
            crate::model::Request { latency_ms: 100, processing_ms: 300 },
            crate::model::Request { latency_ms: 200, processing_ms: 10 },
        ])
        .unwrap();
        let e = Explanation::new(Strategy::Concurrent, predict(&s, Strategy::Concurrent).timings, vec![300.0, 10.0]);
        let at = e.state_at(250.0);
        assert_eq!(at.thread, Thread::Processing { i: 0 });
        assert_eq!(at.ready, vec![1], "the second response waits in the queue");
        assert_eq!(e.state_at(405.0).thread, Thread::Processing { i: 1 });
        assert_eq!(e.code_role(250.0), CodeRole::Process);
        assert_eq!(e.code_role(50.0), CodeRole::Wait);
        assert_eq!(e.code_role(410.0), CodeRole::Done);
    }

    #[test]
    fn one_request_concurrently_is_sent_then_awaited_and_enough_slots_are_concurrent() {
        let one = Explanation::new(Strategy::Concurrent, vec![crate::model::Timing { start: 0.0, response: 100.0, end: 100.0 }], vec![0.0]);
        let kinds: Vec<StepKind> = one.steps().into_iter().map(|s| s.kind).collect();
        assert_eq!(kinds[..2], [StepKind::Send { n: 1 }, StepKind::WaitAwait { n: 1 }]);
        let s = Scenario::from_latencies(&[300, 800]).unwrap();
        let steps =
            |st| Explanation::new(st, predict(&s, st).timings, vec![0.0, 0.0]).steps().into_iter().map(|s| s.kind).collect::<Vec<_>>();
        assert_eq!(steps(Strategy::Bounded(6)), steps(Strategy::Concurrent), "k ≥ N: all at once");
        assert_ne!(steps(Strategy::Bounded(1)), steps(Strategy::Concurrent));
    }

    #[test]
    fn the_event_loop_at_the_exact_edges_of_a_request() {
        // One request: sent at 0, answered at 100, processed 100–150.
        let e = Explanation::new(Strategy::Concurrent, vec![crate::model::Timing { start: 0.0, response: 100.0, end: 150.0 }], vec![50.0]);
        assert_eq!(e.state_at(-1.0).thread, Thread::NotStarted);
        assert_eq!(e.state_at(0.0).waiting, vec![0], "sent at its start");
        assert_eq!(e.state_at(0.0).thread, Thread::Idle, "started: the thread is free while it waits");
        assert_eq!(e.state_at(99.9).waiting, vec![0]);
        assert_eq!(e.state_at(100.0).thread, Thread::Processing { i: 0 }, "processed from its response on");
        assert!(e.state_at(100.0).waiting.is_empty());
        assert_eq!(e.state_at(149.9).thread, Thread::Processing { i: 0 });
        assert_eq!(e.state_at(150.0).thread, Thread::Finished, "done at its end");
        assert_eq!(e.state_at(150.0).done, 1);
    }
}
