//! The lab's side of pictures: one click listener on the document that, the first time a picture
//! menu's button is pressed, loads the pictures' module (`pictures.js` and its wasm, built beside
//! the lab's by Trunk) and hands it the button (`runtime::chart_reader::press` does the rest). And the
//! two events of "Pictures for the note": the module asks the page to draw the note's diagrams,
//! and says when it has taken them. The lab's first load carries only these few lines.

use wasm_bindgen::prelude::*;

use crate::model::seams;

#[wasm_bindgen(inline_js = "let loaded;
export function listen_for_pictures(failed) {
  document.addEventListener('click', (e) => {
    const button = e.target.closest && e.target.closest('[data-picture-format]');
    if (!button) return;
    loaded ??= import(new URL('pictures.js', document.baseURI).href).then(async (m) => { await m.default(); return m; });
    loaded.then((m) => m.press(button)).catch((error) => {
      loaded = undefined;
      failed(button, String((error && error.message) || error));
    });
  });
}
export function can_copy_images() { return !!(navigator.clipboard && navigator.clipboard.write && window.ClipboardItem); }
export function on_note_pictures(drawn, taken, f) {
  addEventListener(drawn, () => f(true));
  addEventListener(taken, () => f(false));
}")]
extern "C" {
    /// Answers every picture menu's buttons, for the page's life; `failed(button, why)` where the
    /// pictures' module could not load.
    #[wasm_bindgen(js_name = listen_for_pictures)]
    fn listen_for_pictures_js(failed: &Closure<dyn FnMut(web_sys::Element, String)>);
    /// The clipboard takes images here (`navigator.clipboard.write` and `ClipboardItem`).
    pub fn can_copy_images() -> bool;
    #[wasm_bindgen(js_name = on_note_pictures)]
    fn on_note_pictures_js(drawn: &str, taken: &str, f: &Closure<dyn FnMut(bool)>);
}

/// Answers every picture menu's buttons, for the page's life. Where the pictures' module cannot
/// load, the menu says so in the lab's words (`failed`, `{}`: the browser's reason).
pub fn listen_for_pictures(failed: &'static str) {
    let failed = Closure::<dyn FnMut(web_sys::Element, String)>::new(move |button: web_sys::Element, why: String| {
        let said =
            button.closest(".picture-menu").ok().flatten().and_then(|menu| menu.query_selector("[data-picture-said]").ok().flatten());
        if let Some(said) = said {
            said.set_text_content(Some(&crate::text::fill(failed, &[&why])));
        }
    });
    listen_for_pictures_js(&failed);
    // For the page's life, as the listener it is given to.
    failed.forget();
}

/// Calls `f(true)` when the note's two diagrams should be drawn, `f(false)` when they were taken.
pub fn on_note_pictures(f: &Closure<dyn FnMut(bool)>) {
    on_note_pictures_js(seams::NOTE_PICTURES, seams::NOTE_PICTURES_TAKEN, f);
}
