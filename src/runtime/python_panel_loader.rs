//! Loads the Python panel's own module (`python-panel.js` and its wasm, built beside the lab's by
//! Trunk) only when a reader opens the panel, and mounts it into the lab's host element. The lab's
//! first load carries only this: a few lines of JavaScript and the five calls below.
//!
//! The panel reads the lab's scenario, language and its own program (`py=`) from the page's
//! address, which the lab alone writes (`hooks::use_url_sync`); `link_changed` tells it the
//! address changed. The panel's program comes back the other way (`program`, `on_program`), for
//! the address and the links the lab hands out. While the module loads, and if it fails, the words come from the host's
//! `data-opening` / `data-failed` (the lab's text) into the note after it; the lab's button
//! hides once the host has the panel or is opening (`.python-host[data-state] ~ button`). The
//! panel's stylesheet (`python/panel.css`) comes with it.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "export function python_panel(host, pressed) {
  if (host.dataset.state || !(pressed || new URLSearchParams(location.search).has('py'))) return;
  const note = host.nextElementSibling;
  host.dataset.state = 'opening';
  note.textContent = host.dataset.opening;
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = new URL('python/panel.css', document.baseURI).href;
  document.head.append(css);
  import(new URL('python-panel.js', document.baseURI).href)
    .then(async (m) => { await m.default(); m.mount(host); host.dataset.state = 'open'; note.textContent = ''; })
    .catch((e) => { delete host.dataset.state; note.textContent = host.dataset.failed.replace('{}', e && e.message || e); });
}
export function link_changed() { dispatchEvent(new Event('sync-vs-async:link')); }
export function program() { return document.querySelector('.python-host')?.dataset.py; }
let told;
export function on_program(f) { if (!told) addEventListener('sync-vs-async:program', () => told()); told = f; }
export function open_program(code) {
  const host = document.querySelector('.python-host');
  if (!host) return;
  host.dataset.program = code;
  host.dataset.opened = (+host.dataset.opened || 0) + 1;
  python_panel(host, true);
  dispatchEvent(new Event('sync-vs-async:open'));
  host.parentElement.scrollIntoView({ behavior: 'smooth' });
}")]
extern "C" {
    fn python_panel(host: &web_sys::Element, pressed: bool);
    #[wasm_bindgen(js_name = link_changed)]
    fn link_changed_js();
    #[wasm_bindgen(js_name = open_program)]
    fn open_program_js(code: &str);
    #[wasm_bindgen(js_name = program)]
    fn program_js() -> Option<String>;
    #[wasm_bindgen(js_name = on_program)]
    fn on_program_js(f: &Closure<dyn FnMut()>);
}

/// The program the panel last handed over (`data-py` on its host; "" for none or a preset as it
/// is), or `None` before it has: the page's link still says. Only what `url_state::carried_program`
/// takes is passed on.
pub fn program() -> Option<String> {
    program_js().map(|py| crate::model::url_state::carried_program(&py).unwrap_or_default().to_string())
}

/// Calls `f` whenever the panel's program changes, for the page's life (the last `f` given; give
/// one: each is kept for good).
pub fn on_program(f: impl FnMut() + 'static) {
    let f = Closure::<dyn FnMut()>::new(f);
    on_program_js(&f);
    f.forget();
}

/// Opens the panel on a press, or without one when the page's link carries a program.
pub fn open(host: &web_sys::Element, pressed: bool) {
    python_panel(host, pressed);
}

/// "Open in Python": the program goes to the panel (`data-program` on its host), which opens.
pub fn open_program(code: &str) {
    open_program_js(code);
}

/// The page's address changed (the lab wrote its state).
pub fn link_changed() {
    link_changed_js();
}
