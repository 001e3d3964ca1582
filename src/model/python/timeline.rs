//! A Python run as lanes, one per task, on one time axis: when each task runs on the thread,
//! blocks it, awaits something, or is ready and waits for the thread.
//!
//! The rules, from what the runner recorded (`trace`):
//! - created → first step: **ready** (a new task waits for the loop to start it);
//! - a step: **running**; the blocking calls recorded inside it (`time.sleep`, a synchronous
//!   request) are **blocked**, and a whole step whose own work (blocking calls aside) exceeds
//!   `LONG_STEP_MS` — the browser's long task — is **blocked** too: CPU work in a coroutine holds
//!   the thread as `time.sleep` does;
//! - after a step: **awaiting** until what it awaited finished (a sleep: until it was due), then
//!   **ready** until its next step: the thread was busy with someone else.

use super::trace::{Awaited, PyTask, PyTrace, TaskEnd};

/// A step whose own work is longer than this blocks the thread (the Long Tasks API's 50 ms).
pub const LONG_STEP_MS: f64 = 50.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentKind {
    Running,
    Awaiting,
    Ready,
    Blocked,
}

impl SegmentKind {
    /// The `data-kind` of a `py-segment`.
    pub fn key(self) -> &'static str {
        match self {
            SegmentKind::Running => "running",
            SegmentKind::Awaiting => "awaiting",
            SegmentKind::Ready => "ready",
            SegmentKind::Blocked => "blocked",
        }
    }

    /// Whether the task holds the thread in this segment.
    pub fn on_thread(self) -> bool {
        matches!(self, SegmentKind::Running | SegmentKind::Blocked)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub kind: SegmentKind,
    pub start_ms: f64,
    pub end_ms: f64,
    /// What an awaiting segment waits on.
    pub awaited: Option<Awaited>,
    /// The program's line it awaits at (0: none).
    pub line: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub name: String,
    pub start_ms: f64,
    pub end_ms: f64,
    pub end: Option<TaskEnd>,
    pub segments: Vec<Segment>,
}

impl Lane {
    /// Milliseconds this task held the thread.
    pub fn on_thread_ms(&self) -> f64 {
        self.segments.iter().filter(|s| s.kind.on_thread()).map(|s| s.end_ms - s.start_ms).sum()
    }
}

/// The lanes of a run, in the order its tasks were made; `now_ms` closes a task still going.
pub fn lanes(trace: &PyTrace, now_ms: f64) -> Vec<Lane> {
    trace.tasks.iter().map(|task| lane(task, now_ms)).collect()
}

/// A segment, if it lasts; a step on the thread is kept even when the clock saw no time pass (a
/// browser without cross-origin isolation may count in whole milliseconds): it happened.
fn push(segments: &mut Vec<Segment>, kind: SegmentKind, start_ms: f64, end_ms: f64) {
    if end_ms > start_ms || (kind == SegmentKind::Running && end_ms == start_ms) {
        segments.push(Segment { kind, start_ms, end_ms, awaited: None, line: 0 });
    }
}

fn lane(task: &PyTask, now_ms: f64) -> Lane {
    let mut turns = task.turns.clone();
    turns.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut waits = task.waits.clone();
    waits.sort_by(|a, b| a.from_ms.total_cmp(&b.from_ms));
    let mut segments = Vec::new();
    let first = turns.first().map_or(now_ms, |t| t.0);
    push(&mut segments, SegmentKind::Ready, task.created_ms, first);
    for (i, &(start, end)) in turns.iter().enumerate() {
        step(&mut segments, start, end, &task.blocks);
        let next = turns.get(i + 1).map(|t| t.0);
        let wait = waits.iter().find(|w| (w.from_ms - end).abs() < 0.5 || (w.from_ms >= end && next.is_none_or(|n| w.from_ms < n)));
        match (wait, next) {
            (Some(w), Some(next)) => {
                let woke = w.due_ms.map_or(w.done_ms, |due| due.min(w.done_ms)).clamp(end, next);
                if woke > end {
                    segments.push(Segment {
                        kind: SegmentKind::Awaiting,
                        start_ms: end,
                        end_ms: woke,
                        awaited: Some(w.what.clone()),
                        line: w.line,
                    });
                }
                push(&mut segments, SegmentKind::Ready, woke, next);
            }
            (None, Some(next)) => push(&mut segments, SegmentKind::Ready, end, next),
            (_, None) if task.end.is_none() => {
                // Still waiting when the trace was read: what for is known when it resumes.
                push(&mut segments, SegmentKind::Awaiting, end, now_ms);
            }
            (_, None) => {}
        }
    }
    let last = segments.last().map_or(task.created_ms, |s| s.end_ms);
    let end_ms = task.end.map_or(last.max(now_ms), |e| e.0);
    Lane { name: task.name.clone(), start_ms: task.created_ms, end_ms, end: task.end.map(|e| e.1), segments }
}

/// One step: running, with the blocking calls inside it blocked — or all of it blocked when its
/// own work is a long task.
fn step(segments: &mut Vec<Segment>, start: f64, end: f64, blocks: &[(f64, f64)]) {
    let inside: Vec<(f64, f64)> =
        blocks.iter().filter(|b| b.0 >= start - 0.01 && b.1 <= end + 0.01).map(|b| (b.0.max(start), b.1.min(end))).collect();
    let blocked: f64 = inside.iter().map(|b| b.1 - b.0).sum();
    if end - start - blocked > LONG_STEP_MS {
        push(segments, SegmentKind::Blocked, start, end);
        return;
    }
    let mut at = start;
    for (b_start, b_end) in inside.iter().copied() {
        if b_start > at {
            push(segments, SegmentKind::Running, at, b_start);
        }
        push(segments, SegmentKind::Blocked, b_start.max(at), b_end);
        at = at.max(b_end);
    }
    if at < end || inside.is_empty() {
        push(segments, SegmentKind::Running, at, end);
    }
}

/// The coarsest clock a browser gives a page without cross-origin isolation (WebKit: whole ms).
pub const CLOCK_MS: f64 = 1.0;

#[cfg(test)]
mod tests {
    use super::*;
    use SegmentKind::*;

    /// Pairs of on-thread segments (lane, segment) that overlap in time by more than the clock can
    /// tell apart: on one thread there must be none, so the tests expect an empty list.
    fn thread_overlaps(lanes: &[Lane]) -> Vec<((usize, usize), (usize, usize))> {
        let mut on_thread: Vec<(f64, f64, usize, usize)> = lanes
            .iter()
            .enumerate()
            .flat_map(|(l, lane)| {
                lane.segments.iter().enumerate().filter(|(_, s)| s.kind.on_thread()).map(move |(i, s)| (s.start_ms, s.end_ms, l, i))
            })
            .collect();
        on_thread.sort_by(|a, b| a.0.total_cmp(&b.0));
        on_thread.windows(2).filter(|w| w[1].0 < w[0].1 - CLOCK_MS).map(|w| ((w[0].2, w[0].3), (w[1].2, w[1].3))).collect()
    }

    fn kinds(lane: &Lane) -> Vec<(SegmentKind, f64, f64)> {
        lane.segments.iter().map(|s| (s.kind, s.start_ms, s.end_ms)).collect()
    }

    #[test]
    fn a_sleeping_task_is_ready_then_runs_awaits_until_due_then_waits_for_the_thread() {
        // Task-2: made at 1, first step 2–3, sleeps 200 ms (due 203), the thread is busy until
        // 250 (its timer fired then), second step 250–251.
        let trace =
            PyTrace::parse("task\t2\tTask-2\t1\nturn\t2\t2\t3\nwait\t2\t3\t250\t203\tsleep\t4\nturn\t2\t250\t251\nend\t2\t251\tdone");
        let lanes = lanes(&trace, 300.0);
        assert_eq!(
            kinds(&lanes[0]),
            vec![(Ready, 1.0, 2.0), (Running, 2.0, 3.0), (Awaiting, 3.0, 203.0), (Ready, 203.0, 250.0), (Running, 250.0, 251.0)]
        );
        assert_eq!(lanes[0].segments[2].awaited, Some(Awaited::Sleep));
        assert_eq!(lanes[0].segments[2].line, 4);
        assert_eq!((lanes[0].start_ms, lanes[0].end_ms, lanes[0].end), (1.0, 251.0, Some(TaskEnd::Done)));
    }

    #[test]
    fn time_sleep_inside_a_step_blocks_and_cpu_work_over_a_long_task_blocks_it_all() {
        let trace = PyTrace::parse(
            "task\t1\tmain\t0\nblock\t1\t10\t110\tsleep\nturn\t1\t5\t112\nwait\t1\t112\t112\t-\tyield\t3\n\
             turn\t1\t112\t180\nend\t1\t180\tdone",
        );
        let lane = &lanes(&trace, 200.0)[0];
        assert_eq!(
            kinds(lane),
            vec![(Ready, 0.0, 5.0), (Running, 5.0, 10.0), (Blocked, 10.0, 110.0), (Running, 110.0, 112.0), (Blocked, 112.0, 180.0)]
        );
        assert_eq!(lane.on_thread_ms(), 175.0);
    }

    #[test]
    fn a_step_the_clock_saw_no_time_in_is_still_drawn() {
        let trace = PyTrace::parse("task\t2\tTask-2\t0\nturn\t2\t1\t1\nwait\t2\t1\t9\t9\tsleep\t3\nturn\t2\t9\t9\nend\t2\t9\tdone");
        assert_eq!(kinds(&lanes(&trace, 10.0)[0]), vec![(Ready, 0.0, 1.0), (Running, 1.0, 1.0), (Awaiting, 1.0, 9.0), (Running, 9.0, 9.0)]);
    }

    #[test]
    fn a_task_still_waiting_awaits_until_now() {
        let trace = PyTrace::parse("task\t3\tTask-3\t0\nturn\t3\t1\t2");
        let lane = &lanes(&trace, 40.0)[0];
        assert_eq!(kinds(lane), vec![(Ready, 0.0, 1.0), (Running, 1.0, 2.0), (Awaiting, 2.0, 40.0)]);
        assert_eq!(lane.end, None);
        assert_eq!(lane.end_ms, 40.0);
    }

    #[test]
    fn steps_of_different_tasks_never_share_the_thread_and_the_check_sees_it_when_they_do() {
        let fine = PyTrace::parse("task\t1\ta\t0\nturn\t1\t0\t5\ntask\t2\tb\t0\nturn\t2\t5\t9");
        assert!(thread_overlaps(&lanes(&fine, 10.0)).is_empty());
        // Within a millisecond is what a coarse clock cannot tell apart; a step inside another is a bug.
        let coarse = PyTrace::parse("task\t1\ta\t0\nturn\t1\t805\t806\ntask\t2\tb\t0\nturn\t2\t805\t805");
        assert!(thread_overlaps(&lanes(&coarse, 810.0)).is_empty());
        let broken = PyTrace::parse("task\t1\ta\t0\nturn\t1\t0\t5\ntask\t2\tb\t0\nturn\t2\t3\t9");
        assert_eq!(thread_overlaps(&lanes(&broken, 10.0)), vec![((0, 0), (1, 1))]);
    }
}
