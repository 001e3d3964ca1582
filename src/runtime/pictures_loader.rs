//! The lab's side of pictures: one click listener on the document that, the first time a picture
//! menu's button is pressed, loads the pictures' module (`pictures.js` and its wasm, built beside
//! the lab's by Trunk) and hands it the button (`runtime::chart_reader::press` does the rest). And the
//! two events of "Pictures for the note": the module asks the page to draw the note's diagrams,
//! and says when it has taken them. The lab's first load carries only these few lines.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "let loaded;
export function listen_for_pictures() {
  document.addEventListener('click', (e) => {
    const button = e.target.closest && e.target.closest('[data-picture-format]');
    if (!button) return;
    loaded ??= import(new URL('pictures.js', document.baseURI).href).then(async (m) => { await m.default(); return m; });
    loaded.then((m) => m.press(button)).catch((error) => {
      loaded = undefined;
      const said = button.closest('.picture-menu').querySelector('[data-picture-said]');
      said.textContent = said.dataset.failed.replace('{}', (error && error.message) || error);
    });
  });
}
export function can_copy_images() { return !!(navigator.clipboard && navigator.clipboard.write && window.ClipboardItem); }
export function on_note_pictures(f) {
  addEventListener('sync-vs-async:note-pictures', () => f(true));
  addEventListener('sync-vs-async:note-pictures-taken', () => f(false));
}")]
extern "C" {
    /// Answers every picture menu's buttons, for the page's life.
    pub fn listen_for_pictures();
    /// The clipboard takes images here (`navigator.clipboard.write` and `ClipboardItem`).
    pub fn can_copy_images() -> bool;
    /// Calls `f(true)` when the note's two diagrams should be drawn, `f(false)` when they were taken.
    pub fn on_note_pictures(f: &Closure<dyn FnMut(bool)>);
}
