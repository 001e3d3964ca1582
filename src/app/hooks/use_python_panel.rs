//! Opens the Python panel: loads its own module (`runtime::python_panel`) on the first press,
//! mounts it into the host element, and hands it the lab's language and scenario whenever they
//! change. A link with `py=` opens it at once (the program shows; nothing runs without a click).

use std::rc::Rc;

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::runtime::python_panel;

/// What the lab hands the panel (`python::PanelInit` reads it).
#[derive(Clone, PartialEq)]
pub struct PanelInit {
    pub lang: &'static str,
    pub latencies: String,
    pub limit: u32,
    pub urls: String,
}

#[derive(Clone, PartialEq)]
pub enum PanelState {
    Closed,
    Opening,
    Open,
    Failed(Rc<str>),
}

fn to_js(init: &PanelInit, py: Option<&str>) -> JsValue {
    let object = Object::new();
    let fields = [
        ("lang", JsValue::from_str(init.lang)),
        ("latencies", JsValue::from_str(&init.latencies)),
        ("limit", JsValue::from(init.limit)),
        ("urls", JsValue::from_str(&init.urls)),
        ("py", py.map_or(JsValue::UNDEFINED, JsValue::from_str)),
    ];
    for (name, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(name), &value);
    }
    object.into()
}

/// The link's `py=` parameter, as the page was opened.
fn link_program() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get("py")
}

#[hook]
pub fn use_python_panel(host: NodeRef, shown: bool, init: PanelInit) -> (PanelState, Callback<()>) {
    let state = use_state(|| PanelState::Closed);
    let panel = use_mut_ref(|| None::<JsValue>);
    let latest = use_mut_ref(|| init.clone());
    *latest.borrow_mut() = init.clone();
    let open = {
        let (state, panel, latest) = (state.clone(), panel.clone(), latest);
        Callback::from(move |()| {
            if *state != PanelState::Closed && !matches!(*state, PanelState::Failed(_)) {
                return;
            }
            let Some(element) = host.cast::<web_sys::Element>() else { return };
            state.set(PanelState::Opening);
            let (state, panel, latest) = (state.clone(), panel.clone(), latest.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let init = to_js(&latest.borrow(), link_program().as_deref());
                match python_panel::open(&element, &init).await {
                    Ok(handle) => {
                        *panel.borrow_mut() = Some(handle);
                        state.set(PanelState::Open);
                    }
                    Err(why) => state.set(PanelState::Failed(why.into())),
                }
            });
        })
    };
    {
        let open = open.clone();
        // Once the panel's section is on the page (the whole page renders a frame after the first screen).
        use_effect_with(shown, move |shown| {
            if *shown && link_program().is_some() {
                open.emit(());
            }
        });
    }
    use_effect_with(init, move |init| {
        if let Some(handle) = panel.borrow().as_ref() {
            python_panel::update(handle, &to_js(init, None));
        }
    });
    ((*state).clone(), open)
}
