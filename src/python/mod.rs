//! The Python panel: a Yew app of its own, in its own module (`src/python_panel.rs`, built by
//! Trunk beside the lab's), which the lab loads and mounts only when a reader opens "Run it in
//! Python" (`runtime::python_panel_loader`). The lab's first load carries none of it.
//!
//! The lab hands it nothing but the page's address (`PanelInit::from_page`): the language, the
//! scenario's latencies, k, URLs and processing (the names a program reads) and the link's `py=`
//! program; "Open in Python" leaves a program on the host element. Python runs in a Web Worker
//! (`runtime::python_worker`, `use_python`); the program's link (`py=`) goes to the lab, which
//! writes the address.

mod editor;
mod host;
mod lanes;
mod moment_view;
mod run_view;
mod steps;
mod toolbar;
mod use_program_sync;
mod use_python;

use std::rc::Rc;

use yew::prelude::*;

use crate::model::presentation::Lang;
use crate::model::python::link;
use crate::model::python::panel::{PyAction, PyState};
use crate::model::python::screen::{Given, PyScreen};
use crate::text::python::{preset_of, py_text};
use editor::Editor;
use run_view::RunView;
use toolbar::Toolbar;
use use_program_sync::use_program_sync;
use use_python::{use_python, RunRequest};

pub use host::mount;

/// What the panel takes from the lab: all of it read from the page's address, which the lab keeps
/// up to date, so the lab's own module needs no code to hand it over.
#[derive(Properties, PartialEq, Clone)]
pub struct PanelInit {
    pub lang: Lang,
    /// The names a program reads: the scenario's latencies, k, URLs and the first request's
    /// processing.
    pub given: Given,
    /// The link's `py=`, as it came.
    pub link: Option<Rc<str>>,
    /// Counts the lab's changes of the address: each is news, even where the scenario is the same.
    pub seq: u32,
    /// A program the lab opened here ("Open in Python"), numbered so that opening it again counts.
    pub open: Option<(u32, Rc<str>)>,
    /// How long one program may run, ms (`model::python::panel::time_limit_ms`).
    pub time_limit_ms: u32,
    /// The lab's full page, which carries the program (`data-full-page` on the host).
    pub full_page: Rc<str>,
    /// The lab's element the panel lives in.
    pub host: web_sys::Element,
}

#[component]
pub fn PythonPanel(props: &PanelInit) -> Html {
    let t = py_text(props.lang);
    let state = {
        let read = props.link.as_deref().map(link::decode);
        use_reducer(move || PyState::first(read, preset_of, |p| t.program(p)))
    };
    let controls = use_python(state.dispatcher());
    use_program_sync(&state, props.lang, props.open.clone(), props.host.clone());
    let screen = Rc::new(PyScreen::of(&state, &props.given, props.time_limit_ms));

    let dispatch = state.dispatcher();
    let on_edit = use_callback(dispatch.clone(), |code: String, d| d.dispatch(PyAction::Edit(code.clone(), preset_of(&code))));
    let on_preset = use_callback((dispatch.clone(), props.lang), |p, (d, lang)| d.dispatch(PyAction::Preset(p, py_text(*lang).program(p))));
    let on_at = use_callback(dispatch, |ms, d| d.dispatch(PyAction::Seek(ms)));
    let on_run = {
        let request = RunRequest {
            source: state.code.clone(),
            latencies: props.given.latencies.clone(),
            limit: props.given.limit,
            urls: props.given.urls.clone(),
            processing_ms: props.given.processing_ms,
            time_limit_ms: props.time_limit_ms,
            words: &t.runner,
        };
        controls.run.reform(move |()| request.clone())
    };
    // The lab's link as it is now: it follows the program a moment after each edit.
    let on_full_page = use_callback(props.host.clone(), |link: web_sys::HtmlAnchorElement, host| {
        link.set_href(&host::full_page(host));
    });

    html! {
        <div class="py-panel" lang={props.lang.key()}>
            <Toolbar t={t} preset={state.preset} busy={state.busy()} on_preset={on_preset} on_run={on_run} on_cancel={controls.cancel.clone()} />
            if let Some(preset) = state.preset {
                <p class="py-lesson">{ t.lesson(preset) }</p>
            }
            if let Some(error) = &screen.link_error {
                <p class="field-error" role="alert">{ t.link_error(error) }</p>
            }
            <p class="py-given"><span>{ t.given }</span>{" "}<code>{ screen.given.clone() }</code></p>
            <Editor code={state.code.clone()} label={t.editor_label} hint={t.editor_hint} error_line={screen.error_line} on_edit={on_edit} />
            <RunView t={t} state={Rc::new((*state).clone())} screen={screen} full_page={props.full_page.clone()} on_full_page={on_full_page} on_at={on_at} />
            <p class="hint">{ t.worker_note }</p>
        </div>
    }
}

/// Yew's reducer hook is given the model's panel state.
impl Reducible for PyState {
    type Action = PyAction;

    fn reduce(self: Rc<Self>, action: PyAction) -> Rc<Self> {
        self.after(action)
    }
}
