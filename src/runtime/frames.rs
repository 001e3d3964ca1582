//! Responsiveness: the longest gap between animation frames while a run goes on.
//!
//! A page that blocks its thread paints no frames, so the gap covers the whole block;
//! a page that awaits keeps painting at about one frame per 16 ms.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::clock;
use crate::model::pacing::{self, Pacing};

struct State {
    last_frame: f64,
    max_gap: f64,
    request_id: Option<i32>,
    on_frame: Box<dyn Fn()>,
    /// For a paced monitor: which frames draw, and what drawn frames cost.
    pacing: Option<Paced>,
}

struct Paced {
    pacing: Pacing,
    quiet_for: fn() -> f64,
}

thread_local! {
    /// What a drawn frame cost at the end of the last paced run: where the next one starts.
    static LAST_DRAW_COST: Cell<f64> = const { Cell::new(0.0) };
    /// Whether the run did work of its own since the last frame (`note_work`).
    static WORKED: Cell<bool> = const { Cell::new(false) };
}

/// The run did work of its own (a request started, answered, processed): the time until the next
/// frame is not all drawing.
pub fn note_work() {
    WORKED.set(true);
}

/// The rAF closure, shared by the monitor and the callback that re-arms it each frame.
type FrameCallback = Rc<RefCell<Option<Closure<dyn FnMut(f64)>>>>;

/// Watches frames from `start` until `stop`; calls `on_frame` once per painted frame, which is
/// also where live views update (at most one render per frame).
pub struct FrameMonitor {
    state: Rc<RefCell<State>>,
    // Kept alive while the monitor runs; the callback re-registers itself each frame.
    callback: FrameCallback,
}

impl FrameMonitor {
    /// Calls `on_frame` every frame.
    pub fn start(on_frame: impl Fn() + 'static) -> FrameMonitor {
        FrameMonitor::with(clock::now(), on_frame, None)
    }

    /// Calls `on_frame` on the frames `model::pacing` lets draw, given `quiet_for` (ms until the
    /// next timer is due), learning what a drawn frame costs from when the next frame comes; it
    /// starts knowing `painted` (what the page's last painting cost, `paint`) or the last run's
    /// cost, whichever is more. Gaps count from `since` (the run's start), so a run that blocks
    /// from its first moment has a gap of at least its total.
    pub fn paced(since: f64, painted: f64, quiet_for: fn() -> f64, on_frame: impl Fn() + 'static) -> FrameMonitor {
        WORKED.set(false);
        let pacing = Pacing::knowing(LAST_DRAW_COST.get().max(painted));
        FrameMonitor::with(since, on_frame, Some(Paced { pacing, quiet_for }))
    }

    fn with(since: f64, on_frame: impl Fn() + 'static, pacing: Option<Paced>) -> FrameMonitor {
        let state =
            Rc::new(RefCell::new(State { last_frame: since, max_gap: 0.0, request_id: None, on_frame: Box::new(on_frame), pacing }));
        let callback: FrameCallback = Rc::new(RefCell::new(None));
        let weak_state = Rc::downgrade(&state);
        let weak_callback = Rc::downgrade(&callback);
        *callback.borrow_mut() = Some(Closure::new(move |_timestamp: f64| {
            let (Some(state), Some(callback)) = (weak_state.upgrade(), weak_callback.upgrade()) else {
                return;
            };
            let now = clock::now();
            let draws = {
                let mut s = state.borrow_mut();
                s.max_gap = s.max_gap.max(now - s.last_frame);
                s.last_frame = now;
                match s.pacing.as_mut() {
                    None => true,
                    Some(paced) => paced.pacing.frame(now, WORKED.replace(false), (paced.quiet_for)()),
                }
            };
            if draws {
                (state.borrow().on_frame)();
            }
            let id = callback.borrow().as_ref().and_then(request_frame);
            state.borrow_mut().request_id = id;
        }));
        let id = callback.borrow().as_ref().and_then(request_frame);
        state.borrow_mut().request_id = id;
        FrameMonitor { state, callback }
    }

    /// Stops watching: the longest gap, counting the time since the last frame, and (paced) the
    /// costliest drawn frame.
    pub fn stop(self) -> Frames {
        let now = clock::now();
        let mut s = self.state.borrow_mut();
        if let (Some(id), Some(window)) = (s.request_id.take(), web_sys::window()) {
            let _ = window.cancel_animation_frame(id);
        }
        s.max_gap = s.max_gap.max(now - s.last_frame);
        let mut costliest_draw = 0.0;
        if let Some(paced) = s.pacing.take() {
            costliest_draw = paced.pacing.costliest();
            LAST_DRAW_COST.set(paced.pacing.cost());
        }
        self.callback.borrow_mut().take();
        Frames { max_gap: s.max_gap, costliest_draw }
    }
}

/// What a monitor saw, in ms.
pub struct Frames {
    pub max_gap: f64,
    pub costliest_draw: f64,
}

fn request_frame(callback: &Closure<dyn FnMut(f64)>) -> Option<i32> {
    web_sys::window()?.request_animation_frame(callback.as_ref().unchecked_ref()).ok()
}

/// Resolves at the next animation frame: lets the page paint (say, "running…") before a
/// run that may freeze it. Resolves at once where there are no frames (no window).
pub async fn next_frame() {
    let Some(window) = web_sys::window() else { return };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if window.request_animation_frame(&resolve).is_err() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves once what the page shows now has been painted: the next frame, then a task of its own
/// after it (a frame's callbacks run before its paint; the task after).
pub async fn painted() {
    next_frame().await;
    super::timers::yield_to_loop().await;
}

/// Lets the page paint what it shows now, then says what that painting cost: how much later than a
/// frame period the next frame came (`model::pacing::paint_cost`; 0 where there are no frames).
pub async fn paint() -> f64 {
    next_frame().await;
    let painting = clock::now();
    next_frame().await;
    pacing::paint_cost(clock::now() - painting)
}

/// Resolves once the page has loaded (its `load` event) and painted two more frames: when a run
/// started now measures the run, not the page's own start-up.
pub async fn page_settled() {
    let Some(window) = web_sys::window() else { return };
    let loaded = window.document().is_some_and(|d| d.ready_state() == "complete");
    if !loaded {
        let promise = js_sys::Promise::new(&mut |resolve, _reject| {
            let options = web_sys::AddEventListenerOptions::new();
            options.set_once(true);
            if window.add_event_listener_with_callback_and_add_event_listener_options("load", &resolve, &options).is_err() {
                let _ = resolve.call0(&JsValue::NULL);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    next_frame().await;
    next_frame().await;
}
