//! The panel's side of the page: what it reads from the lab (the address, by the lab's own
//! decoder, and the host element's `data-program`), the program it hands back (`data-py` and
//! `sync-vs-async:program`), and its mounting. The panel's one gateway to the page besides the
//! worker's (`use_python`); its components draw and emit callbacks.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use super::{PanelInit, PythonPanel};
use crate::model::preset::NOTE_LATENCIES;
use crate::model::python::link;
use crate::model::python::presets::simulated_url;
use crate::model::python::screen::Given;
use crate::model::seams;
use crate::runtime;

impl PanelInit {
    /// The lab's scenario, language and program from the page's address (the lab's own decoder);
    /// a form that does not validate leaves the note's example.
    pub fn from_page(seq: u32, host: &web_sys::Element) -> PanelInit {
        let decoded = runtime::page::link();
        let lang = decoded.presentation.lang_or(runtime::page::browser_lang());
        let valid = decoded.config.validate().ok();
        let note = || Rc::from(NOTE_LATENCIES.as_slice());
        let given = Given {
            latencies: valid.as_ref().map_or_else(note, |v| v.scenario.latencies().into()),
            limit: valid.as_ref().map_or(2, |v| v.limit),
            urls: match valid.as_ref() {
                Some(v) => match &v.real {
                    Some(real) => real.urls.clone().into(),
                    None => v.scenario.latencies().into_iter().map(simulated_url).collect(),
                },
                None => NOTE_LATENCIES.into_iter().map(simulated_url).collect(),
            },
            processing_ms: valid.as_ref().and_then(|v| v.scenario.processing().first().copied()).unwrap_or(0),
        };
        PanelInit {
            lang,
            given,
            link: decoded.py.map(Rc::from),
            seq,
            open: host.get_attribute("data-program").map(|code| {
                let opened = host.get_attribute("data-opened").and_then(|n| n.parse().ok()).unwrap_or(0);
                (opened, Rc::from(code))
            }),
            time_limit_ms: crate::model::python::panel::time_limit_ms(host.get_attribute("data-time-limit-ms").as_deref()),
            full_page: full_page(host).into(),
            host: host.clone(),
        }
    }
}

/// The lab's full page as it is now (`data-full-page` on the host): it carries the program.
pub(super) fn full_page(host: &web_sys::Element) -> String {
    host.get_attribute("data-full-page").unwrap_or_default()
}

/// Hands the program to the lab, which writes it into the page's address as `py=` (or takes it
/// out for a preset as it is) and into the links it makes: the program goes onto the host element
/// (`data-py`, read by `runtime::python_panel_loader::program`), and `seams::PROGRAM_CHANGED` says so. A
/// sandboxed frame may not change its address, and its "Open the full page" must still carry the
/// program to where Python can run.
pub(super) fn hand_over(host: &web_sys::Element, program: Option<&str>) -> Option<link::LinkError> {
    let (encoded, error) = match program.map(link::encode) {
        Some(Ok(encoded)) => (Some(encoded), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    let _ = host.set_attribute("data-py", encoded.as_deref().unwrap_or(""));
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(seams::PROGRAM_CHANGED)) {
        let _ = window.dispatch_event(&event);
    }
    error
}

#[component]
fn Nothing() -> Html {
    Html::default()
}

/// Two Yew apps from two wasm modules share one DOM: each marks its elements with a subtree id
/// (`__yew_subtree_id`), counted from 1 in each module, and the lab's app listens in the capture
/// phase on `#lab`, above the panel. With both at id 1 the lab took a click in the panel for one of
/// its own elements and ran one of its handlers (a press of Run in Python showed "Link copied").
/// The panel first uses up the ids the lab's single app could ever hold, so its own differ.
const IDS_THE_LAB_MAY_USE: usize = 8;

/// Mounts the panel into `host`, and follows the lab's changes of the address for the page's life.
pub fn mount(host: web_sys::Element) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        for _ in 0..IDS_THE_LAB_MAY_USE {
            if let Ok(spare) = document.create_element("div") {
                yew::Renderer::<Nothing>::with_root(spare).render().destroy();
            }
        }
    }
    let init = PanelInit::from_page(0, &host);
    let handle = Rc::new(std::cell::RefCell::new(yew::Renderer::<PythonPanel>::with_root_and_props(host.clone(), init).render()));
    let seq = std::cell::Cell::new(0);
    let listener = Closure::<dyn Fn()>::new(move || {
        seq.set(seq.get() + 1);
        handle.borrow_mut().update(PanelInit::from_page(seq.get(), &host));
    });
    if let Some(window) = web_sys::window() {
        for event in [seams::LINK_CHANGED, seams::PROGRAM_OPENED] {
            let _ = window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        }
    }
    // The panel stays for the page's life, and so does its listener.
    listener.forget();
}
