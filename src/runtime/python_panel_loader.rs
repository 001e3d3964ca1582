//! Loads the Python panel's own module (`python-panel.js` and its wasm, built beside the lab's by
//! Trunk) only when a reader opens the panel, and mounts it into the lab's host element. The lab's
//! first load carries only this: a few lines of JavaScript and the five calls below.
//!
//! The panel reads the lab's scenario, language and its own program (`py=`) from the page's
//! address, which the lab alone writes (`hooks::use_url_sync`); `link_changed` tells it the
//! address changed. The panel's program comes back the other way (`program`, `on_program`), for
//! the address and the links the lab hands out. While the module loads, and if it fails, the lab's
//! words (`Opening`) go into the note after the host; the lab's button hides once the host has the panel or is opening (`.python-host[data-state] ~ button`). The
//! panel's stylesheet (`python/panel.css`) comes with it.

use wasm_bindgen::prelude::*;

use crate::model::seams;

#[wasm_bindgen(inline_js = "export function python_panel(host, pressed, opening) {
  if (host.dataset.state || !(pressed || new URLSearchParams(location.search).has('py'))) return null;
  const note = host.nextElementSibling;
  host.dataset.state = 'opening';
  note.textContent = opening;
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = new URL('python/panel.css', document.baseURI).href;
  document.head.append(css);
  return import(new URL('python-panel.js', document.baseURI).href)
    .then(async (m) => { await m.default(); m.mount(host); host.dataset.state = 'open'; note.textContent = ''; return null; })
    .catch((e) => { delete host.dataset.state; return String((e && e.message) || e); });
}
export function fire(name) { dispatchEvent(new Event(name)); }
export function program() { return document.querySelector('.python-host')?.dataset.py; }
let told;
export function on_program(name, f) { if (!told) addEventListener(name, () => told()); told = f; }
export function leave_program(code) {
  const host = document.querySelector('.python-host');
  if (!host) return null;
  host.dataset.program = code;
  host.dataset.opened = (+host.dataset.opened || 0) + 1;
  return host;
}
export function show(host) { host.parentElement.scrollIntoView({ behavior: 'smooth' }); }")]
extern "C" {
    /// Starts loading the panel's module, where it is not open or opening and is asked for: a
    /// promise of why it failed (`null` once mounted); `None` where nothing started.
    fn python_panel(host: &web_sys::Element, pressed: bool, opening: &str) -> Option<js_sys::Promise>;
    fn fire(name: &str);
    #[wasm_bindgen(js_name = program)]
    fn program_js() -> Option<String>;
    #[wasm_bindgen(js_name = on_program)]
    fn on_program_js(name: &str, f: &Closure<dyn FnMut()>);
    fn leave_program(code: &str) -> Option<web_sys::Element>;
    fn show(host: &web_sys::Element);
}

/// The program the panel last handed over (`data-py` on its host), where it has: `Some(None)` for
/// none (a preset as it is), `None` before it has handed one over (the page's link still says).
/// Only what `url_state::carried_program` takes is passed on.
pub fn program() -> Option<Option<std::rc::Rc<str>>> {
    program_js().map(|py| crate::model::url_state::carried_program(&py).map(std::rc::Rc::from))
}

/// Calls `f` whenever the panel's program changes, for the page's life (the last `f` given; give
/// one: each is kept for good).
pub fn on_program(f: impl FnMut() + 'static) {
    let f = Closure::<dyn FnMut()>::new(f);
    on_program_js(seams::PROGRAM_CHANGED, &f);
    f.forget();
}

/// The lab's words while the panel's module loads, and if it fails (`{}`: the browser's reason).
#[derive(Clone, Copy, PartialEq)]
pub struct Opening {
    pub opening: &'static str,
    pub failed: &'static str,
}

/// Opens the panel on a press, or without one when the page's link carries a program.
/// Where the module cannot load, the note after the host says why, in the lab's words.
pub fn open(host: &web_sys::Element, pressed: bool, words: Opening) {
    let Some(loading) = python_panel(host, pressed, words.opening) else { return };
    let note = host.next_element_sibling();
    wasm_bindgen_futures::spawn_local(async move {
        let why = wasm_bindgen_futures::JsFuture::from(loading).await.ok().and_then(|why| why.as_string());
        if let (Some(why), Some(note)) = (why, note) {
            note.set_text_content(Some(&crate::text::fill(words.failed, &[&why])));
        }
    });
}

/// "Open in Python": the program goes to the panel (`data-program` on its host), which opens.
pub fn open_program(code: &str, words: Opening) {
    let Some(host) = leave_program(code) else { return };
    open(&host, true, words);
    fire(seams::PROGRAM_OPENED);
    show(&host);
}

/// The page's address changed (the lab wrote its state).
pub fn link_changed() {
    fire(seams::LINK_CHANGED);
}
