//! What the Python runner (`static/python/lab_runner.py`) recorded of a program's tasks, parsed
//! from its text lines. The format is the runner's docstring; a line that does not parse is
//! counted, never a panic.

/// How a task ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskEnd {
    Done,
    Cancelled,
    Failed,
}

/// What a task awaited after one of its steps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Awaited {
    /// `asyncio.sleep`: the lab's stand-in for a request.
    Sleep,
    /// Another task, by name.
    Task(String),
    /// `asyncio.gather`'s future.
    Gather,
    /// A lock's or semaphore's `acquire`.
    Acquire,
    /// An event's or queue's `wait`, `get`, `put`.
    Wait,
    /// A real request (`pyfetch` and the adapters).
    Fetch,
    /// A bare yield (`asyncio.sleep(0)`): ready again at once.
    Yield,
    /// Any other future.
    Future,
}

impl Awaited {
    fn parse(text: &str) -> Awaited {
        match text {
            "sleep" => Awaited::Sleep,
            "gather" => Awaited::Gather,
            "acquire" => Awaited::Acquire,
            "wait" | "get" | "put" => Awaited::Wait,
            "fetch" | "pyfetch" | "text" | "json" | "read" => Awaited::Fetch,
            "yield" => Awaited::Yield,
            other => match other.strip_prefix("task:") {
                Some(name) => Awaited::Task(name.to_string()),
                None => Awaited::Future,
            },
        }
    }
}

/// One wait after a step: from its end until what it awaited finished.
#[derive(Clone, Debug, PartialEq)]
pub struct Wait {
    pub from_ms: f64,
    /// When what it awaited finished (its callbacks were scheduled).
    pub done_ms: f64,
    /// When a sleep was due: the moment it could have woken, thread permitting.
    pub due_ms: Option<f64>,
    pub what: Awaited,
    /// The program's line the task awaits at (1-based; 0 when none of the program's frames).
    pub line: u32,
}

/// A task as recorded: its steps on the thread, the blocking calls inside them, its waits.
#[derive(Clone, Debug, PartialEq)]
pub struct PyTask {
    pub id: u32,
    pub name: String,
    pub created_ms: f64,
    pub turns: Vec<(f64, f64)>,
    pub blocks: Vec<(f64, f64)>,
    pub waits: Vec<Wait>,
    pub end: Option<(f64, TaskEnd)>,
}

/// Everything recorded of one run of a program.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PyTrace {
    pub tasks: Vec<PyTask>,
    /// The runner stopped recording (too many lines): the lanes are not the whole run.
    pub truncated: bool,
    /// Lines that did not parse (a runner bug, not the learner's): counted to be seen.
    pub bad_lines: usize,
}

impl PyTrace {
    /// Adds a chunk of the runner's lines (they arrive in chunks while the program runs).
    pub fn extend(&mut self, text: &str) {
        for line in text.lines().filter(|l| !l.is_empty()) {
            if line == "truncated" {
                self.truncated = true;
            } else if self.line(line).is_none() {
                self.bad_lines += 1;
            }
        }
    }

    pub fn parse(text: &str) -> PyTrace {
        let mut trace = PyTrace::default();
        trace.extend(text);
        trace
    }

    fn task_mut(&mut self, id: u32) -> Option<&mut PyTask> {
        self.tasks.iter_mut().rev().find(|t| t.id == id)
    }

    fn line(&mut self, line: &str) -> Option<()> {
        let fields: Vec<&str> = line.split('\t').collect();
        let id = fields.get(1)?.parse::<u32>().ok()?;
        let num = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).filter(|v| v.is_finite());
        match (fields[0], fields.len()) {
            ("task", 4) => {
                self.tasks.push(PyTask {
                    id,
                    name: fields[2].to_string(),
                    created_ms: num(3)?,
                    turns: Vec::new(),
                    blocks: Vec::new(),
                    waits: Vec::new(),
                    end: None,
                });
            }
            ("turn", 4) => {
                let (start, end) = (num(2)?, num(3)?);
                self.task_mut(id)?.turns.push((start, end.max(start)));
            }
            ("block", 5) => {
                let (start, end) = (num(2)?, num(3)?);
                self.task_mut(id)?.blocks.push((start, end.max(start)));
            }
            ("wait", 7) => {
                let wait = Wait {
                    from_ms: num(2)?,
                    done_ms: num(3)?,
                    due_ms: if fields[4] == "-" { None } else { Some(num(4)?) },
                    what: Awaited::parse(fields[5]),
                    line: fields[6].parse().ok()?,
                };
                self.task_mut(id)?.waits.push(wait);
            }
            ("end", 4) => {
                let how = match fields[3] {
                    "done" => TaskEnd::Done,
                    "cancelled" => TaskEnd::Cancelled,
                    "failed" => TaskEnd::Failed,
                    _ => return None,
                };
                self.task_mut(id)?.end = Some((num(2)?, how));
            }
            _ => return None,
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GATHER: &str = "task\t1\tmain\t0.263\nturn\t1\t1.389\t1.986\ntask\t2\tTask-2\t1.621\n\
        turn\t2\t2.200\t5.125\nwait\t2\t5.125\t306.241\t305.125\tsleep\t5\n\
        block\t2\t307.159\t357.366\tsleep\nturn\t2\t307.028\t357.803\nend\t2\t357.803\tdone\n\
        wait\t1\t1.986\t357.819\t-\tgather\t12\nturn\t1\t357.980\t358.200\nend\t1\t358.200\tdone";

    #[test]
    fn the_runners_lines_become_tasks_with_turns_blocks_and_waits() {
        let trace = PyTrace::parse(GATHER);
        assert_eq!(trace.bad_lines, 0);
        assert_eq!(trace.tasks.len(), 2);
        let main = &trace.tasks[0];
        assert_eq!((main.id, main.name.as_str()), (1, "main"));
        assert_eq!(main.turns, vec![(1.389, 1.986), (357.98, 358.2)]);
        assert_eq!(main.waits[0].what, Awaited::Gather);
        assert_eq!(main.waits[0].line, 12);
        assert_eq!(main.end, Some((358.2, TaskEnd::Done)));
        let job = &trace.tasks[1];
        assert_eq!(job.waits[0].due_ms, Some(305.125));
        assert_eq!(job.blocks, vec![(307.159, 357.366)]);
    }

    #[test]
    fn chunks_add_up_to_the_whole() {
        let mut trace = PyTrace::default();
        let (a, b) = GATHER.split_at(GATHER.find("block").unwrap());
        trace.extend(a);
        trace.extend(b);
        assert_eq!(trace, PyTrace::parse(GATHER));
    }

    #[test]
    fn malformed_lines_are_counted_never_a_panic() {
        let trace = PyTrace::parse(
            "task\t1\tmain\nturn\tx\t1\t2\nturn\t9\t1\t2\nwait\t1\t0\nend\t1\t5\tmaybe\n\
             turn\t1\tNaN\t2\n\t\t\nunknown\t1\t2\t3\ntruncated",
        );
        assert_eq!(trace.bad_lines, 8);
        assert!(trace.truncated);
        assert!(trace.tasks.is_empty());
    }

    #[test]
    fn a_tasks_awaited_names_another_task() {
        assert_eq!(Awaited::parse("task:Task-3"), Awaited::Task("Task-3".into()));
        assert_eq!(Awaited::parse("something"), Awaited::Future);
    }
}
