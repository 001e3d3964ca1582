//! The Python panel's presets: short programs over the lab's scenario, each with the strategy of
//! the lab's model it is equivalent to, so the panel (and the tests) set the measured total beside
//! the model's prediction. Their one-line lessons are words: `text::python`.
//!
//! The programs read the names the lab gives every program (`GIVEN_NAMES`): `LATENCIES` (the
//! scenario's latencies in ms), `LIMIT` (its k), `URLS` (its real targets, or `lab:sleep/<ms>`
//! for simulated requests) and `PROCESSING_MS`.

use crate::model::predict::predict_requests;
use crate::model::scenario::Request;
use crate::model::strategy::Strategy;

/// The names every program gets from the lab, as the panel shows them above the editor (and
/// `process(response)`, which works PROCESSING_MS on the thread).
pub const GIVEN_NAMES: [&str; 4] = ["LATENCIES", "LIMIT", "URLS", "PROCESSING_MS"];
/// A simulated request of `ms` as a URL: the adapters (`static/python/lab_http.py`) sleep instead.
pub fn simulated_url(ms: u32) -> String {
    format!("lab:sleep/{ms}")
}
/// The processing each request gets in the CPU-bound preset.
pub const CPU_WORK_MS: u32 = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PyPreset {
    Sync,
    Gather,
    AwaitInLoop,
    CreateTask,
    Semaphore,
    SleepInAsync,
    CpuBound,
    ForgottenAwait,
    WaitFor,
    TaskGroup,
}

/// What the model predicts for a preset over a scenario.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Equivalent {
    /// A strategy of the lab, with `processing_ms` per request.
    Strategy(Strategy, u32),
    /// The shortest latency: a timeout there.
    Shortest,
    /// Nothing is awaited: about no time at all.
    Nothing,
}

impl PyPreset {
    pub const ALL: [PyPreset; 10] = [
        PyPreset::Sync,
        PyPreset::Gather,
        PyPreset::AwaitInLoop,
        PyPreset::CreateTask,
        PyPreset::Semaphore,
        PyPreset::SleepInAsync,
        PyPreset::CpuBound,
        PyPreset::ForgottenAwait,
        PyPreset::WaitFor,
        PyPreset::TaskGroup,
    ];

    /// Its place in `ALL` (an exhaustive match: a new variant must be given one), where the
    /// words keep its name.
    pub const fn index(self) -> usize {
        match self {
            PyPreset::Sync => 0,
            PyPreset::Gather => 1,
            PyPreset::AwaitInLoop => 2,
            PyPreset::CreateTask => 3,
            PyPreset::Semaphore => 4,
            PyPreset::SleepInAsync => 5,
            PyPreset::CpuBound => 6,
            PyPreset::ForgottenAwait => 7,
            PyPreset::WaitFor => 8,
            PyPreset::TaskGroup => 9,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            PyPreset::Sync => "sync",
            PyPreset::Gather => "gather",
            PyPreset::AwaitInLoop => "await-loop",
            PyPreset::CreateTask => "create-task",
            PyPreset::Semaphore => "semaphore",
            PyPreset::SleepInAsync => "time-sleep",
            PyPreset::CpuBound => "cpu",
            PyPreset::ForgottenAwait => "forgotten-await",
            PyPreset::WaitFor => "wait-for",
            PyPreset::TaskGroup => "task-group",
        }
    }

    pub fn from_key(key: &str) -> Option<PyPreset> {
        PyPreset::ALL.into_iter().find(|p| p.key() == key)
    }

    pub fn equivalent(self, limit: u32) -> Equivalent {
        match self {
            PyPreset::Sync | PyPreset::SleepInAsync => Equivalent::Strategy(Strategy::Blocking, 0),
            PyPreset::AwaitInLoop => Equivalent::Strategy(Strategy::Sequential, 0),
            PyPreset::Gather | PyPreset::CreateTask | PyPreset::TaskGroup => Equivalent::Strategy(Strategy::Concurrent, 0),
            PyPreset::Semaphore => Equivalent::Strategy(Strategy::Bounded(limit.max(1)), 0),
            PyPreset::CpuBound => Equivalent::Strategy(Strategy::Concurrent, CPU_WORK_MS),
            PyPreset::WaitFor => Equivalent::Shortest,
            PyPreset::ForgottenAwait => Equivalent::Nothing,
        }
    }

    /// The model's total for this preset over `latencies` (ms) with `limit` as k.
    pub fn predicted_ms(self, latencies: &[u32], limit: u32) -> f64 {
        match self.equivalent(limit) {
            Equivalent::Strategy(strategy, processing_ms) => {
                let requests: Vec<Request> = latencies.iter().map(|&latency_ms| Request { latency_ms, processing_ms }).collect();
                predict_requests(&requests, strategy).total
            }
            Equivalent::Shortest => latencies.iter().min().copied().unwrap_or(0) as f64,
            Equivalent::Nothing => 0.0,
        }
    }

    pub fn program(self) -> &'static str {
        match self {
            PyPreset::Sync => SYNC,
            PyPreset::Gather => GATHER,
            PyPreset::AwaitInLoop => AWAIT_IN_LOOP,
            PyPreset::CreateTask => CREATE_TASK,
            PyPreset::Semaphore => SEMAPHORE,
            PyPreset::SleepInAsync => SLEEP_IN_ASYNC,
            PyPreset::CpuBound => CPU_BOUND,
            PyPreset::ForgottenAwait => FORGOTTEN_AWAIT,
            PyPreset::WaitFor => WAIT_FOR,
            PyPreset::TaskGroup => TASK_GROUP,
        }
    }
}

const SYNC: &str = r#"import time

def request(i, ms):
    time.sleep(ms / 1000)  # the program waits for the answer: nothing else runs
    print(f"request {i}: answered after {ms} ms")

start = time.perf_counter()
for i, ms in enumerate(LATENCIES, 1):
    request(i, ms)
print(f"total: {(time.perf_counter() - start) * 1000:.0f} ms")
"#;

const GATHER: &str = r#"import asyncio
import time

async def request(i, ms):
    await asyncio.sleep(ms / 1000)  # stands for a request of ms milliseconds
    print(f"request {i}: answered after {ms} ms")
    return ms

async def main():
    start = time.perf_counter()
    await asyncio.gather(*(request(i, ms) for i, ms in enumerate(LATENCIES, 1)))
    print(f"total: {(time.perf_counter() - start) * 1000:.0f} ms")

asyncio.run(main())
"#;

const AWAIT_IN_LOOP: &str = r#"import asyncio
import time

async def request(i, ms):
    await asyncio.sleep(ms / 1000)
    print(f"request {i}: answered after {ms} ms")

async def main():
    start = time.perf_counter()
    for i, ms in enumerate(LATENCIES, 1):
        await request(i, ms)  # the next request is sent only after this answer
    print(f"total: {(time.perf_counter() - start) * 1000:.0f} ms")

asyncio.run(main())
"#;

const CREATE_TASK: &str = r#"import asyncio
import time

async def request(i, ms):
    await asyncio.sleep(ms / 1000)
    print(f"request {i}: answered after {ms} ms")

async def main():
    start = time.perf_counter()
    tasks = [asyncio.create_task(request(i, ms)) for i, ms in enumerate(LATENCIES, 1)]
    for task in tasks:  # every task is already running: awaiting them in turn costs nothing
        await task
    print(f"total: {(time.perf_counter() - start) * 1000:.0f} ms")

asyncio.run(main())
"#;

const SEMAPHORE: &str = r#"import asyncio
import time

async def request(limit, i, ms):
    async with limit:  # at most LIMIT requests in flight
        await asyncio.sleep(ms / 1000)
        print(f"request {i}: answered after {ms} ms")

async def main():
    limit = asyncio.Semaphore(LIMIT)
    start = time.perf_counter()
    await asyncio.gather(*(request(limit, i, ms) for i, ms in enumerate(LATENCIES, 1)))
    print(f"total: {(time.perf_counter() - start) * 1000:.0f} ms")

asyncio.run(main())
"#;

const SLEEP_IN_ASYNC: &str = r#"import asyncio
import time

async def request(i, ms):
    time.sleep(ms / 1000)  # the mistake: blocks the one thread, no other task can run
    print(f"request {i}: answered after {ms} ms")

async def main():
    start = time.perf_counter()
    await asyncio.gather(*(request(i, ms) for i, ms in enumerate(LATENCIES, 1)))
    print(f"total: {(time.perf_counter() - start) * 1000:.0f} ms")

asyncio.run(main())
"#;

const CPU_BOUND: &str = r#"import asyncio
import time

def work(ms):
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:  # CPU work: holds the thread, awaits nothing
        pass

async def request(i, ms):
    await asyncio.sleep(ms / 1000)
    work(100)  # 100 ms of processing the answer
    print(f"request {i}: processed")

async def main():
    start = time.perf_counter()
    await asyncio.gather(*(request(i, ms) for i, ms in enumerate(LATENCIES, 1)))
    print(f"total: {(time.perf_counter() - start) * 1000:.0f} ms")

asyncio.run(main())
"#;

const FORGOTTEN_AWAIT: &str = r#"import asyncio
import time

async def request(i, ms):
    await asyncio.sleep(ms / 1000)
    print(f"request {i}: answered after {ms} ms")

async def main():
    start = time.perf_counter()
    request(1, LATENCIES[0])  # forgot await: the coroutine is made and never runs
    print(f"total: {(time.perf_counter() - start) * 1000:.0f} ms")

asyncio.run(main())
"#;

const WAIT_FOR: &str = r#"import asyncio
import time

async def request(i, ms):
    await asyncio.sleep(ms / 1000)
    return ms

async def main():
    start = time.perf_counter()
    timeout = min(LATENCIES) / 1000
    try:
        await asyncio.wait_for(request(1, max(LATENCIES)), timeout)
    except TimeoutError:
        print(f"gave up after {timeout * 1000:.0f} ms")
    print(f"total: {(time.perf_counter() - start) * 1000:.0f} ms")

asyncio.run(main())
"#;

const TASK_GROUP: &str = r#"import asyncio
import time

async def request(i, ms):
    await asyncio.sleep(ms / 1000)
    print(f"request {i}: answered after {ms} ms")

async def main():
    start = time.perf_counter()
    async with asyncio.TaskGroup() as group:  # waits for every task made in it
        for i, ms in enumerate(LATENCIES, 1):
            group.create_task(request(i, ms))
    print(f"total: {(time.perf_counter() - start) * 1000:.0f} ms")

asyncio.run(main())
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_has_a_key_that_finds_it() {
        for preset in PyPreset::ALL {
            assert_eq!(PyPreset::from_key(preset.key()), Some(preset));
            assert!(preset.program().ends_with('\n'));
        }
        assert_eq!(PyPreset::from_key("nope"), None);
    }

    #[test]
    fn predictions_are_the_notes_sum_and_longest() {
        let lat = [300, 800, 500];
        assert_eq!(PyPreset::Sync.predicted_ms(&lat, 2), 1600.0);
        assert_eq!(PyPreset::SleepInAsync.predicted_ms(&lat, 2), 1600.0);
        assert_eq!(PyPreset::AwaitInLoop.predicted_ms(&lat, 2), 1600.0);
        assert_eq!(PyPreset::Gather.predicted_ms(&lat, 2), 800.0);
        assert_eq!(PyPreset::TaskGroup.predicted_ms(&lat, 2), 800.0);
        // k = 2: 300 and 800 start, 500 starts at 300 and ends at 800.
        assert_eq!(PyPreset::Semaphore.predicted_ms(&[300, 800, 500, 200], 2), 1000.0);
        assert_eq!(PyPreset::WaitFor.predicted_ms(&lat, 2), 300.0);
        assert_eq!(PyPreset::ForgottenAwait.predicted_ms(&lat, 2), 0.0);
        // 300 → 300–400, 500 → 500–600, 800 → 800–900: the processing queue is empty each time.
        assert_eq!(PyPreset::CpuBound.predicted_ms(&lat, 2), 900.0);
        assert_eq!(PyPreset::CpuBound.predicted_ms(&[200, 200, 250], 2), 500.0);
    }

    #[test]
    fn the_programs_read_the_names_the_lab_gives() {
        for preset in PyPreset::ALL {
            assert!(preset.program().contains("LATENCIES"), "{preset:?}");
        }
        assert!(PyPreset::Semaphore.program().contains("Semaphore(LIMIT)"));
    }
}
