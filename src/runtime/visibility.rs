//! How long the tab was in the background while a run went on: hidden (another tab in front, the
//! window minimised, a phone on another app), frozen, or left for the back/forward cache. Browsers
//! slow or stop timers there, so such a run measured the browser, not the strategy
//! (`Trace::hidden_ms`). Told by the page's own events; nothing is asked of the browser while the
//! tab stays in view.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::clock;

/// An event listener kept until the watch ends: where, for which event, and the closure.
type Listener = (web_sys::EventTarget, &'static str, Closure<dyn FnMut()>);

/// Watches from `start` to `stop`; dropping it removes its listeners.
pub struct HiddenWatch {
    state: Rc<State>,
    listeners: Vec<Listener>,
}

#[derive(Default)]
struct State {
    /// Since when the tab has been in the background (clock ms), while it is.
    since: Cell<Option<f64>>,
    total: Cell<f64>,
    seen: Cell<bool>,
}

impl State {
    fn away(&self) {
        self.seen.set(true);
        if self.since.get().is_none() {
            self.since.set(Some(clock::now()));
        }
    }

    fn back(&self) {
        if let Some(since) = self.since.take() {
            self.total.set(self.total.get() + (clock::now() - since).max(0.0));
        }
    }
}

impl HiddenWatch {
    pub fn start() -> HiddenWatch {
        let state = Rc::new(State::default());
        let mut listeners = Vec::new();
        let Some(window) = web_sys::window() else { return HiddenWatch { state, listeners } };
        let document = window.document();
        if document.as_ref().is_some_and(|d| d.hidden()) {
            state.away();
        }
        if let Some(document) = document {
            let (s, d) = (state.clone(), document.clone());
            listen(&mut listeners, document.clone().into(), "visibilitychange", move || if d.hidden() { s.away() } else { s.back() });
            let s = state.clone();
            listen(&mut listeners, document.clone().into(), "freeze", move || s.away());
            let s = state.clone();
            listen(&mut listeners, document.into(), "resume", move || s.back());
        }
        let s = state.clone();
        listen(&mut listeners, window.clone().into(), "pagehide", move || s.away());
        let s = state.clone();
        listen(&mut listeners, window.into(), "pageshow", move || s.back());
        HiddenWatch { state, listeners }
    }

    /// The time in the background, where the tab was there at all during the watch.
    pub fn stop(self) -> Option<f64> {
        self.state.back();
        self.state.seen.get().then(|| self.state.total.get())
    }
}

impl Drop for HiddenWatch {
    fn drop(&mut self) {
        for (target, event, listener) in &self.listeners {
            let _ = target.remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        }
    }
}

fn listen(listeners: &mut Vec<Listener>, target: web_sys::EventTarget, event: &'static str, f: impl FnMut() + 'static) {
    let listener = Closure::<dyn FnMut()>::new(f);
    if target.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref()).is_ok() {
        listeners.push((target, event, listener));
    }
}
