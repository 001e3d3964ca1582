//! The event loop at one moment of a Python run, from its lanes: which task holds the thread
//! (running or blocking it), which are ready and wait for it, which await something (what, at
//! which line), which are done. The moments worth stepping through are the segments' edges; the
//! run step by step is every change of every task, in time order (`changes`).

use super::timeline::{Lane, SegmentKind};
use super::trace::{Awaited, TaskEnd};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Moment {
    pub at_ms: f64,
    /// The lane holding the thread, and whether it blocks it.
    pub on_thread: Option<(usize, bool)>,
    pub ready: Vec<usize>,
    /// Lanes awaiting, with what and the program's line.
    pub awaiting: Vec<(usize, Option<Awaited>, u32)>,
    pub done: Vec<usize>,
}

/// The state of every lane at `at_ms`: a segment counts from its start up to (not including) its
/// end, so at an edge the moment shows what begins there.
pub fn moment(lanes: &[Lane], at_ms: f64) -> Moment {
    let mut m = Moment { at_ms, ..Moment::default() };
    for (i, lane) in lanes.iter().enumerate() {
        if at_ms >= lane.end_ms && lane.end.is_some() {
            m.done.push(i);
            continue;
        }
        // A step the clock saw no time in (start = end) counts at its instant.
        let Some(segment) =
            lane.segments.iter().find(|s| s.start_ms <= at_ms && (at_ms < s.end_ms || (s.start_ms == s.end_ms && s.start_ms == at_ms)))
        else {
            continue;
        };
        match segment.kind {
            SegmentKind::Running => m.on_thread = Some((i, false)),
            SegmentKind::Blocked => m.on_thread = Some((i, true)),
            SegmentKind::Ready => m.ready.push(i),
            SegmentKind::Awaiting => m.awaiting.push((i, segment.awaited.clone(), segment.line)),
        }
    }
    m
}

/// Every edge of every segment, sorted, once: where step back and step forward stop.
pub fn edges(lanes: &[Lane]) -> Vec<f64> {
    let mut edges: Vec<f64> = lanes.iter().flat_map(|l| l.segments.iter().flat_map(|s| [s.start_ms, s.end_ms])).collect();
    edges.sort_by(f64::total_cmp);
    edges.dedup_by(|a, b| (*a - *b).abs() < 0.05);
    edges
}

/// The edge before (`forward` false) or after `at_ms`, if there is one.
pub fn step(edges: &[f64], at_ms: f64, forward: bool) -> Option<f64> {
    if forward {
        edges.iter().copied().find(|e| *e > at_ms + 0.05)
    } else {
        edges.iter().rev().copied().find(|e| *e < at_ms - 0.05)
    }
}

/// What one task does from a moment on: a segment of its lane begins, or the task ends.
#[derive(Clone, Debug, PartialEq)]
pub enum ChangeKind {
    Begins(SegmentKind),
    Ends(TaskEnd),
}

/// One change of one task, for the run's step-by-step table.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub at_ms: f64,
    pub lane: usize,
    pub kind: ChangeKind,
    /// What an awaiting segment waits on, and the program's line (0: none).
    pub awaited: Option<Awaited>,
    pub line: u32,
}

impl ChangeKind {
    /// The `data-kind` of a `py-step`: a segment's kind, or how the task ended.
    pub fn key(&self) -> &'static str {
        match self {
            ChangeKind::Begins(kind) => kind.key(),
            ChangeKind::Ends(TaskEnd::Done) => "done",
            ChangeKind::Ends(TaskEnd::Cancelled) => "cancelled",
            ChangeKind::Ends(TaskEnd::Failed) => "failed",
        }
    }
}

/// Every change of every lane, in time order: each segment's beginning, then the task's end. At
/// one instant a lane's own changes keep their order, and lanes the order they were made in.
pub fn changes(lanes: &[Lane]) -> Vec<Change> {
    let mut out: Vec<Change> = lanes
        .iter()
        .enumerate()
        .flat_map(|(lane, l)| {
            let begins = l.segments.iter().map(move |s| Change {
                at_ms: s.start_ms,
                lane,
                kind: ChangeKind::Begins(s.kind),
                awaited: s.awaited.clone(),
                line: s.line,
            });
            let ends = l.end.map(|end| Change { at_ms: l.end_ms, lane, kind: ChangeKind::Ends(end), awaited: None, line: 0 });
            begins.chain(ends)
        })
        .collect();
    // Stable: equal times keep the order above.
    out.sort_by(|a, b| a.at_ms.total_cmp(&b.at_ms));
    out
}

/// The change the moment `at_ms` shows: the last one at or before it (`None` before the first).
pub fn current(changes: &[Change], at_ms: f64) -> Option<usize> {
    changes.iter().rposition(|c| c.at_ms <= at_ms + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::python::timeline::lanes;
    use crate::model::python::trace::PyTrace;

    /// main gathers Task-2 (sleeps 100 ms, then 60 ms of CPU) and Task-3 (sleeps 120 ms, then
    /// waits for the thread until Task-2's CPU work ends).
    const RUN: &str = "task\t1\tmain\t0\nturn\t1\t1\t2\ntask\t2\tTask-2\t1.5\ntask\t3\tTask-3\t1.6\n\
        turn\t2\t2\t3\nturn\t3\t3\t4\nwait\t2\t3\t103\t103\tsleep\t5\nturn\t2\t103\t163\nend\t2\t163\tdone\n\
        wait\t3\t4\t163\t124\tsleep\t5\nturn\t3\t163\t164\nend\t3\t164\tdone\n\
        wait\t1\t2\t164\t-\tgather\t9\nturn\t1\t164.5\t165\nend\t1\t165\tdone";

    #[test]
    fn at_each_moment_one_task_holds_the_thread_and_the_others_wait_or_are_ready() {
        let l = lanes(&PyTrace::parse(RUN), 165.0);
        let at = |ms| moment(&l, ms);
        // 50 ms: nobody on the thread; both tasks sleep, main awaits the gather.
        let m = at(50.0);
        assert_eq!(m.on_thread, None);
        assert_eq!(m.awaiting.iter().map(|a| (a.0, a.2)).collect::<Vec<_>>(), vec![(0, 9), (1, 5), (2, 5)]);
        // 130 ms: Task-2's 60 ms of CPU blocks the thread; Task-3's sleep was due at 124: ready.
        let m = at(130.0);
        assert_eq!(m.on_thread, Some((1, true)));
        assert_eq!(m.ready, vec![2]);
        // 163.5 ms: Task-2 is done, Task-3 runs, main still awaits.
        let m = at(163.5);
        assert_eq!((m.on_thread, m.done.clone()), (Some((2, false)), vec![1]));
        assert_eq!(at(200.0).done, vec![0, 1, 2]);
    }

    #[test]
    fn the_run_step_by_step_is_every_change_in_time_order() {
        let l = lanes(&PyTrace::parse(RUN), 165.0);
        let c = changes(&l);
        let said: Vec<(f64, usize, &str)> = c.iter().map(|c| (c.at_ms, c.lane, c.kind.key())).collect();
        assert!(c.windows(2).all(|w| w[0].at_ms <= w[1].at_ms), "{said:?}");
        // Each segment begins once and each task ends once.
        let segments: usize = l.iter().map(|l| l.segments.len()).sum();
        assert_eq!(c.len(), segments + 3);
        assert_eq!(said.iter().filter(|s| s.2 == "done").map(|s| (s.0, s.1)).collect::<Vec<_>>(), vec![(163.0, 1), (164.0, 2), (165.0, 0)]);
        // Task-2 begins its 60 ms of CPU at 103, blocking; Task-3's sleep ends at 124: ready.
        assert!(said.contains(&(103.0, 1, "blocked")) && said.contains(&(124.0, 2, "ready")), "{said:?}");
        // What a task awaits, and where, comes with the change.
        let sleep = c.iter().find(|c| c.lane == 1 && c.kind == ChangeKind::Begins(SegmentKind::Awaiting)).unwrap();
        assert_eq!((sleep.awaited.clone(), sleep.line), (Some(Awaited::Sleep), 5));
        // The moment shows the last change at or before it.
        assert_eq!(current(&c, -1.0), None);
        assert_eq!(c[current(&c, 124.0).unwrap()].at_ms, 124.0);
        assert_eq!(c[current(&c, 130.0).unwrap()].at_ms, 124.0);
        assert_eq!(current(&c, 1000.0), Some(c.len() - 1));
    }

    #[test]
    fn stepping_goes_edge_to_edge_and_stops_at_the_ends() {
        let l = lanes(&PyTrace::parse(RUN), 165.0);
        let e = edges(&l);
        assert_eq!(e.first(), Some(&0.0));
        assert_eq!(e.last(), Some(&165.0));
        assert_eq!(step(&e, 103.0, true), Some(124.0));
        assert_eq!(step(&e, 124.0, false), Some(103.0));
        assert_eq!(step(&e, 165.0, true), None);
        assert_eq!(step(&e, 0.0, false), None);
    }
}
