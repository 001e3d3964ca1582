//! Keeps the address bar in step with the form, how it is shown and the Python panel's program
//! (`history.replaceState` of `url_state::address`), so that the link always reopens what is on
//! screen. This is the address bar's one writer: the panel hands its program to the lab
//! (`Action::Program`) and never writes the address itself.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::presentation::Presentation;
use crate::model::url_state::address;
use crate::model::LabConfig;

#[hook]
pub fn use_url_sync(config: &Rc<LabConfig>, presentation: &Presentation, program: &Option<Rc<str>>) {
    // The link the page was opened with stays as it was until the person changes something:
    // its notices refer to it, and reloading it must do what it did.
    let first = use_mut_ref(|| true);
    use_effect_with((config.clone(), *presentation, program.clone()), move |(config, presentation, program)| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        let Some(window) = web_sys::window() else { return };
        let Ok(history) = window.history() else { return };
        let query = address(config, presentation, program.as_deref());
        // Refused in a sandboxed frame (opaque origin): the links the page builds still carry it.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("?{query}")));
        // The Python panel reads the scenario from the link.
        crate::runtime::python_panel_loader::link_changed();
    });
}
