//! Keeps the address bar in step with the form (`history.replaceState`), so that the link
//! always reopens what is on screen.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::presentation::Presentation;
use crate::model::url_state::encode;
use crate::model::LabConfig;

#[hook]
pub fn use_url_sync(config: &Rc<LabConfig>, presentation: &Presentation) {
    // The link the page was opened with stays as it was until the person changes something:
    // its notices refer to it, and reloading it must do what it did.
    let first = use_mut_ref(|| true);
    use_effect_with((config.clone(), *presentation), move |(config, presentation)| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        let Some(window) = web_sys::window() else { return };
        let Ok(history) = window.history() else { return };
        let query = encode(config, presentation);
        // Refused in a sandboxed frame (opaque origin): the links the page builds still carry it.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("?{query}")));
        // The Python panel reads the scenario from the link, and writes its program (`py=`) back.
        crate::runtime::python_panel::link_changed();
    });
}

/// The query string of the page's address, or "" where there is none.
pub fn current_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The page's address without query or fragment: what shared links start with. Read from
/// `href`, which (unlike `origin`) is real inside a sandboxed frame too.
pub fn page_base() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    href.split(['?', '#']).next().unwrap_or_default().to_string()
}
