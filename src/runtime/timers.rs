//! Many sleeping requests, one browser timer.
//!
//! A `setTimeout` per request costs a JS closure and a host timer each: 10,000 of them take tens
//! of milliseconds to start, one task, and every one of those milliseconds delays the requests
//! started last. Here every sleep is an entry in one heap ordered by deadline, and a single timer
//! is armed for the earliest. Timers fire a millisecond or so late, so the timer is armed
//! `EARLY_MS` before the deadline; each woken sleep then waits the rest exactly, so a
//! sequence of short waits does not add up their lateness.

use std::cell::{Cell, RefCell};
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::clock;

/// How long before a deadline the one timer is set to fire.
const EARLY_MS: f64 = 1.5;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(handle: &JsValue);
}

/// One sleeping future's shared state: woken once, or dropped before.
struct Entry {
    deadline: f64,
    order: u64,
    woken: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

struct ByDeadline(Rc<Entry>);

impl PartialEq for ByDeadline {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for ByDeadline {}
impl PartialOrd for ByDeadline {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for ByDeadline {
    /// Reversed: `BinaryHeap` is a max-heap and the earliest deadline (then the first
    /// registered) must come out first.
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.deadline.total_cmp(&self.0.deadline).then(other.0.order.cmp(&self.0.order))
    }
}

#[derive(Default)]
struct Scheduler {
    heap: BinaryHeap<ByDeadline>,
    next_order: u64,
    /// The armed timer: when it fires (clock ms) and its handle.
    armed: Option<(f64, JsValue)>,
    callback: Option<Closure<dyn FnMut()>>,
}

thread_local! {
    static SCHEDULER: RefCell<Scheduler> = RefCell::new(Scheduler::default());
}

/// Sleeps until `ms` after now; the future finishes at the deadline, not a timer's lateness after it.
pub fn sleep(ms: f64) -> Sleep {
    Sleep { deadline: clock::now() + ms.max(0.0), entry: None }
}

/// Ms until the earliest sleeping future must be woken, or a real request is expected to be
/// answered (`f64::INFINITY` when neither): what a frame may spend on drawing without making a
/// request late. Negative while an expected answer is overdue.
pub fn quiet_for() -> f64 {
    let now = clock::now();
    let sleeping = SCHEDULER.with(|s| s.borrow().heap.peek().map_or(f64::INFINITY, |e| e.0.deadline - EARLY_MS - now));
    let expected = EXPECTED.with(|e| e.borrow().iter().map(|&(_, at)| at).fold(f64::INFINITY, f64::min)) - now;
    sleeping.min(expected)
}

thread_local! {
    /// Real requests in flight and when the model expects each answer (clock ms).
    static EXPECTED: RefCell<Vec<(u64, f64)>> = const { RefCell::new(Vec::new()) };
    static NEXT_EXPECTED: Cell<u64> = const { Cell::new(0) };
}

/// A real request expected to be answered `ms` from now: until the guard drops, frames keep
/// their drawing clear of that moment as they do of a timer's (a response handled during a
/// frame's painting is measured late by what is left of it).
pub fn expect(ms: f64) -> Expected {
    let id = NEXT_EXPECTED.get();
    NEXT_EXPECTED.set(id + 1);
    EXPECTED.with(|e| e.borrow_mut().push((id, clock::now() + ms.max(0.0))));
    Expected { id }
}

pub struct Expected {
    id: u64,
}

impl Drop for Expected {
    fn drop(&mut self) {
        EXPECTED.with(|e| {
            let mut e = e.borrow_mut();
            if let Some(i) = e.iter().position(|&(id, _)| id == self.id) {
                e.swap_remove(i);
            }
        });
    }
}

/// Resolves after one trip through the event loop: a message to itself, so a task of its own (not
/// a microtask) and never clamped to 4 ms as nested zero timeouts are.
pub async fn yield_to_loop() {
    let Ok(channel) = web_sys::MessageChannel::new() else { return };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        channel.port1().set_onmessage(Some(&resolve));
        let _ = channel.port2().post_message(&JsValue::NULL);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    channel.port1().set_onmessage(None);
}

/// A future that finishes at its deadline. Dropping it forgets the deadline.
pub struct Sleep {
    deadline: f64,
    entry: Option<Rc<Entry>>,
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let now = clock::now();
        let woken = self.entry.as_ref().is_some_and(|e| e.woken.get());
        if woken || now >= self.deadline {
            // Woken early on purpose: wait the rest on the thread, exactly.
            clock::busy_wait(self.deadline - now);
            self.entry = None;
            return Poll::Ready(());
        }
        match &self.entry {
            Some(entry) => *entry.waker.borrow_mut() = Some(cx.waker().clone()),
            None => {
                let entry = SCHEDULER.with(|s| s.borrow_mut().add(self.deadline, cx.waker().clone()));
                self.entry = Some(entry);
            }
        }
        Poll::Pending
    }
}

impl Drop for Sleep {
    fn drop(&mut self) {
        if let Some(entry) = self.entry.take() {
            // Left in the heap: it is skipped when its time comes.
            entry.woken.set(true);
            entry.waker.borrow_mut().take();
        }
    }
}

impl Scheduler {
    fn add(&mut self, deadline: f64, waker: Waker) -> Rc<Entry> {
        let entry = Rc::new(Entry { deadline, order: self.next_order, woken: Cell::new(false), waker: RefCell::new(Some(waker)) });
        self.next_order += 1;
        self.heap.push(ByDeadline(entry.clone()));
        self.arm();
        entry
    }

    /// Makes sure the one timer fires `EARLY_MS` before the earliest deadline.
    fn arm(&mut self) {
        let Some(first) = self.heap.peek() else { return };
        let at = first.0.deadline - EARLY_MS;
        if self.armed.as_ref().is_some_and(|(armed_at, _)| *armed_at <= at) {
            return;
        }
        if let Some((_, handle)) = self.armed.take() {
            clear_timeout(&handle);
        }
        let callback = self.callback.get_or_insert_with(|| Closure::new(fire));
        // Browsers count whole milliseconds: a timer may fire up to one early, never sooner.
        let handle = set_timeout(callback.as_ref().unchecked_ref(), (at - clock::now()).floor().max(0.0));
        self.armed = Some((at, handle));
    }

    /// Takes every entry due within `EARLY_MS` (and the millisecond a timer may round off) of
    /// now, in deadline order. Re-arming for a fraction of a millisecond instead would cost 4:
    /// browsers clamp nested timeouts to that.
    fn due(&mut self) -> Vec<Rc<Entry>> {
        let horizon = clock::now() + EARLY_MS + 1.0;
        let mut due = Vec::new();
        while self.heap.peek().is_some_and(|e| e.0.deadline <= horizon) {
            if let Some(ByDeadline(entry)) = self.heap.pop() {
                if !entry.woken.replace(true) {
                    due.push(entry);
                }
            }
        }
        due
    }
}

/// The one timer's callback: wakes what is due (in deadline order: each then waits out its own
/// last fraction of a millisecond) and arms the timer for what is left.
fn fire() {
    let due = SCHEDULER.with(|s| {
        let mut s = s.borrow_mut();
        s.armed = None;
        let due = s.due();
        s.arm();
        due
    });
    for entry in due {
        if let Some(waker) = entry.waker.borrow_mut().take() {
            waker.wake();
        }
    }
}

/// Calls `f` once after `ms`, unless dropped first: a time limit, not a measurement, so a plain
/// browser timer of its own rather than an entry in the shared heap.
pub struct Alarm(#[allow(dead_code)] gloo_timers::callback::Timeout);

pub fn alarm(ms: u32, f: impl FnOnce() + 'static) -> Alarm {
    Alarm(gloo_timers::callback::Timeout::new(ms, f))
}
