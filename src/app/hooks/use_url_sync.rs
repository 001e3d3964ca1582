//! Keeps the address bar in step with the form (`history.replaceState`), so that the link
//! always reopens what is on screen.

use yew::prelude::*;

use crate::model::url_state::encode;
use crate::model::LabConfig;

#[hook]
pub fn use_url_sync(config: &LabConfig) {
    // The link the page was opened with stays as it was until the person changes something:
    // its notices refer to it, and reloading it must do what it did.
    let first = use_mut_ref(|| true);
    use_effect_with(config.clone(), move |config| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        let Some(window) = web_sys::window() else { return };
        let Ok(history) = window.history() else { return };
        let query = encode(config);
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("?{query}")));
    });
}

/// The query string of the page's address, or "" where there is none.
pub fn current_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}
