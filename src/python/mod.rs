//! The Python panel: a Yew app of its own, in its own module (`src/python_panel.rs`, built by
//! Trunk beside the lab's), which the lab loads and mounts only when a reader opens "Run it in
//! Python" (`runtime::python_panel`). The lab's first load carries none of it.
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
mod steps;
mod use_python;

use std::rc::Rc;

use yew::prelude::*;

use crate::model::number::fixed;
use crate::model::presentation::Lang;
use crate::model::python::moment::changes;
use crate::model::python::panel::{self as state, ProgramRun, PyAction, PyState};
use crate::model::python::presets::{PyPreset, GIVEN_NAMES};
use crate::model::python::protocol::Failure;
use crate::model::python::timeline::lanes;
use crate::model::python::{link, DOWNLOAD_BYTES, UNPACKED_BYTES};
use crate::text::python::{preset_of, py_text};
use editor::Editor;
use lanes::Lanes;
use moment_view::MomentView;
use steps::Steps;
use use_python::{use_python, RunRequest};

pub use host::mount;

/// What the panel takes from the lab: all of it read from the page's address, which the lab keeps
/// up to date, so the lab's own module needs no code to hand it over.
#[derive(Properties, PartialEq, Clone)]
pub struct PanelInit {
    pub lang: Lang,
    pub latencies: Rc<[u32]>,
    pub limit: u32,
    pub urls: Rc<[String]>,
    /// The client's work per answer (`process(response)`): the first request's processing.
    pub processing_ms: u32,
    /// The link's `py=`, as it came.
    pub link: Option<Rc<str>>,
    /// Counts the lab's changes of the address: each is news, even where the scenario is the same.
    pub seq: u32,
    /// A program the lab opened here ("Open in Python"), numbered so that opening it again counts.
    pub open: Option<(u32, Rc<str>)>,
    /// How long one program may run, ms (`model::python::panel::time_limit_ms`).
    pub time_limit_ms: u32,
    /// The lab's element the panel lives in.
    pub host: web_sys::Element,
}

fn python_list<T: std::fmt::Display>(items: &[T], quote: bool) -> String {
    let shown: Vec<String> = items.iter().take(6).map(|v| if quote { format!("\"{v}\"") } else { v.to_string() }).collect();
    let more = if items.len() > 6 { ", …" } else { "" };
    format!("[{}{more}]", shown.join(", "))
}

#[component]
pub fn PythonPanel(props: &PanelInit) -> Html {
    let t = py_text(props.lang);
    // The link's program that could not be read (until the next edit), and one too long to write.
    let read_error = use_state(|| None::<link::LinkError>);
    let link_error = use_state(|| None::<link::LinkError>);
    let state = {
        let link = props.link.clone();
        let link_error = read_error.setter();
        // A preset comes in the reader's language, whichever the link's was.
        use_reducer(move || match link.as_deref().map(link::decode) {
            Some(Ok(program)) => match preset_of(&program) {
                Some(preset) => PyState::new(t.program(preset).into(), Some(preset)),
                None => PyState::new(program.into(), None),
            },
            other => {
                if let Some(Err(e)) = other {
                    link_error.set(Some(e));
                }
                PyState::new(t.program(PyPreset::Gather).into(), Some(PyPreset::Gather))
            }
        })
    };
    let controls = use_python(state.dispatcher());
    // The moment the event loop is shown at (the replay's cursor): the run's end until moved.
    let at = use_state(|| None::<f64>);
    {
        let at = at.setter();
        use_effect_with(state.busy(), move |_| at.set(None));
    }

    // "Open in Python": each new program from the lab replaces the editor's.
    {
        let dispatch = state.dispatcher();
        use_effect_with(props.open.clone(), move |open| {
            if let Some((_, code)) = open {
                dispatch.dispatch(PyAction::Edit(code.to_string(), preset_of(code)));
            }
        });
    }
    // The reader switched the lab's language: a preset as it is follows.
    {
        let dispatch = state.dispatcher();
        let (preset, code) = (state.preset, state.code.clone());
        use_effect_with(props.lang, move |_| {
            if let Some(preset) = preset.filter(|p| *t.program(*p) != *code) {
                dispatch.dispatch(PyAction::Preset(preset, t.program(preset)));
            }
        });
    }
    // The program travels in the page's address: the panel's first preset as it is needs none,
    // another preset as it is travels in English (it opens in the reader's language).
    {
        let link_error = link_error.setter();
        let first = use_mut_ref(|| true);
        let read_error = read_error.setter();
        let host = props.host.clone();
        use_effect_with((state.code.clone(), state.preset), move |(code, preset)| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                read_error.set(None);
            }
            let program = match preset {
                Some(PyPreset::Gather) => None,
                Some(preset) => Some(preset.program()),
                None => Some(&**code),
            };
            link_error.set(host::hand_over(&host, program));
        });
    }

    let on_edit = {
        let dispatch = state.dispatcher();
        Callback::from(move |code: String| {
            let preset = preset_of(&code);
            dispatch.dispatch(PyAction::Edit(code, preset))
        })
    };
    let on_preset = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(preset) = PyPreset::from_key(&select.value()) {
                dispatch.dispatch(PyAction::Preset(preset, t.program(preset)));
            }
        })
    };
    let on_run = {
        let request = RunRequest {
            source: state.code.clone(),
            latencies: props.latencies.clone(),
            limit: props.limit,
            urls: props.urls.clone(),
            processing_ms: props.processing_ms,
            time_limit_ms: props.time_limit_ms,
            words: &t.runner,
        };
        let run = controls.run.clone();
        Callback::from(move |_: MouseEvent| run.emit(request.clone()))
    };
    let on_cancel = controls.cancel.reform(|_: MouseEvent| ());

    let now_ms = state.trace.tasks.iter().flat_map(|task| task.turns.iter().map(|t| t.1)).fold(0.0, f64::max);
    let drawn = Rc::new(lanes(&state.trace, state.total.unwrap_or(now_ms)));
    let span = drawn.iter().map(|l| l.end_ms).fold(state.total.unwrap_or(0.0), f64::max);
    let on_at = {
        let at = at.setter();
        Callback::from(move |ms: f64| at.set(Some(ms)))
    };
    let predicted = state.preset.map(|p| p.predicted_ms(&props.latencies, props.limit));
    let error_line = state.error.as_ref().map(|e| e.line).filter(|l| *l > 0);
    let status = match (&state.run, state.load) {
        (ProgramRun::Failed(why), _) => t.failed(why),
        (ProgramRun::TimeLimit, _) => t.time_limit(props.time_limit_ms),
        (ProgramRun::Cancelled, _) => t.status_cancelled.to_string(),
        (ProgramRun::Error, _) => t.status_error.to_string(),
        (ProgramRun::Done, _) => t.status_done.to_string(),
        (ProgramRun::Running, state::Load::Ready) => t.status_running.to_string(),
        (_, state::Load::Loading(bytes)) => t.loading(bytes, UNPACKED_BYTES),
        (_, state::Load::Ready) => t.status_ready.to_string(),
        _ => t.idle(DOWNLOAD_BYTES),
    };
    // Where no worker may start (a notes site's sandboxed embed), the way to where one may: the
    // lab's own full-page link, which carries the program (`data-full-page` on the host).
    let no_worker = state.run == ProgramRun::Failed(Failure::NoWorkerHere);
    let full_page = {
        let host = props.host.clone();
        move || host.get_attribute("data-full-page").unwrap_or_default()
    };
    let loading = match (&state.run, state.load) {
        (ProgramRun::Running, state::Load::Loading(bytes)) => Some(bytes),
        (ProgramRun::Running, state::Load::NotLoaded) => Some(0.0),
        _ => None,
    };
    let given = format!(
        "{} = {} · {} = {} · {} = {} · {} = {}",
        GIVEN_NAMES[0],
        python_list(&props.latencies, false),
        GIVEN_NAMES[1],
        props.limit,
        GIVEN_NAMES[2],
        python_list(&props.urls, true),
        GIVEN_NAMES[3],
        props.processing_ms
    );

    html! {
        <div class="py-panel" lang={props.lang.key()}>
            <div class="py-toolbar">
                <label>
                    { t.preset_label }
                    <select data-testid="py-preset" onchange={on_preset}>
                        if state.preset.is_none() {
                            <option value="" selected=true>{ t.custom_program }</option>
                        }
                        { for PyPreset::ALL.into_iter().map(|p| html! {
                            <option value={p.key()} selected={state.preset == Some(p)}>{ t.title(p) }</option>
                        }) }
                    </select>
                </label>
                <button type="button" class="primary" data-testid="py-run" onclick={on_run} disabled={state.busy()}>{ t.run }</button>
                <button type="button" data-testid="py-cancel" onclick={on_cancel} disabled={!state.busy()}>{ t.cancel }</button>
            </div>
            if let Some(preset) = state.preset {
                <p class="py-lesson">{ t.lesson(preset) }</p>
            }
            if let Some(error) = read_error.as_ref().or(link_error.as_ref()) {
                <p class="field-error" role="alert">{ t.link_error(error) }</p>
            }
            <p class="py-given"><span>{ t.given }</span>{" "}<code>{ given }</code></p>
            <Editor code={state.code.clone()} label={t.editor_label} hint={t.editor_hint} error_line={error_line} on_edit={on_edit} />
            <p data-testid="py-status" data-state={state.state_key()} data-load-ms={state.load_ms.map(|ms| fixed(ms, 1))} data-runs={state.runs.to_string()} role="status" class="py-status">{ status }</p>
            if no_worker {
                <p><a class="open-full" href={full_page()} target="_blank" rel="noopener" data-testid="py-open-full-page"
                    onclick={Callback::from(move |e: MouseEvent| {
                        // The lab's link as it is now: it follows the program a moment after each edit.
                        let link: web_sys::HtmlAnchorElement = e.target_unchecked_into();
                        link.set_href(&full_page());
                    })}>{ t.open_full_page }</a></p>
            }
            if let Some(bytes) = loading {
                <progress max={UNPACKED_BYTES.to_string()} value={bytes.to_string()} />
            }
            if let Some(error) = &state.error {
                <div data-testid="py-error" data-line={error.line.to_string()} class="py-error" role="alert">
                    if error.line > 0 { <p class="py-error-where">{ t.line(error.line) }</p> }
                    <pre tabindex="0">{ &error.text }</pre>
                </div>
            }
            if let Some(total) = state.total {
                <p data-testid="py-result" data-total-ms={fixed(total, 1)} class="py-result">
                    <strong>{ t.result(total) }</strong>
                    if let Some(predicted) = predicted { { " · " }{ t.predicted(predicted) } }
                </p>
            }
            if !drawn.is_empty() {
                <Lanes t={t} lanes={drawn.clone()} span_ms={span} cursor={(!state.busy()).then(|| at.unwrap_or(span))} />
            }
            if !drawn.is_empty() && !state.busy() {
                <MomentView t={t} lanes={drawn.clone()} at_ms={at.unwrap_or(span)} span_ms={span} on_at={on_at.clone()} />
                <Steps t={t} lanes={drawn.clone()} changes={Rc::new(changes(&drawn))} at_ms={at.unwrap_or(span)} on_at={on_at} />
            }
            if state.trace.truncated { <p class="hint">{ t.truncated }</p> }
            <section class="py-output" aria-labelledby="py-output-heading">
                <h3 id="py-output-heading">{ t.output_heading }</h3>
                <pre data-testid="py-output" tabindex="0" aria-labelledby="py-output-heading">
                    if state.output.is_empty() { <span class="hint">{ t.no_output }</span> }
                    { for state.output.iter().map(|(line, err)| html! { <span class={classes!(err.then_some("err"))}>{ line }{ "\n" }</span> }) }
                </pre>
            </section>
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
