//! The page: one reducer at the root, hooks that reach the runtime and the address bar,
//! and presentational components.

pub mod components;
pub mod hooks;
pub mod panic_banner;
pub mod state;

use std::rc::Rc;

use yew::prelude::*;

use crate::model::predict;
use crate::model::summary::{self, SummaryRow};
use crate::model::url_state::{decode, Decoded};
use crate::model::{Schedule, Trace};
use crate::text::{Text, EN};
use crate::model::embed::{fixed_height, snippet_auto_height, snippet_fixed_height};
use crate::model::presentation::{Panels, Presentation};
use crate::model::url_state::encode;
use components::controls::Controls;
use components::notices::Notices;
use components::results::Results;
use components::run_buttons::RunButtons;
use components::share::ShareBar;
use components::status::Status;
use components::waterfall::Waterfall;
use hooks::{current_query, link_with, use_clipboard, use_page_chrome, use_runner, use_url_sync};
use state::{Action, AppState, RunState, ShareKind};

pub fn start() {
    panic_banner::install(&EN);
    let decoded = decode(&current_query());
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("lab"));
    let props = AppProps { link: Rc::new(decoded) };
    match root {
        Some(root) => {
            yew::Renderer::<App>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<App>::with_props(props).render();
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The link the page was opened with, decoded.
    pub link: Rc<Decoded>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let t: &'static Text = &EN;
    let state = use_reducer(|| AppState::from_link(&props.link));
    let runner = use_runner(state.dispatcher());
    let copy = use_clipboard(state.dispatcher());
    use_url_sync(&state.config, &state.presentation);
    use_page_chrome(&state.presentation);
    let presentation = state.presentation;
    let panels = presentation.panels;

    let validation = state.config.validate();
    let errors = validation.clone().err().unwrap_or_default();

    // A link with autorun=1 starts its run once the page is up, if the link is runnable.
    {
        let start = runner.start.clone();
        let autorun = props.link.autorun;
        let valid = validation.clone().ok();
        use_effect_with((), move |_| {
            if let (true, Some(valid)) = (autorun, valid) {
                start.emit(valid);
            }
        });
    }

    let on_edit = {
        let dispatch = state.dispatcher();
        Callback::from(move |edit| dispatch.dispatch(Action::Edit(edit)))
    };
    let on_run = {
        let start = runner.start.clone();
        let valid = validation.clone().ok();
        Callback::from(move |()| {
            if let Some(valid) = valid.clone() {
                start.emit(valid);
            }
        })
    };
    let on_compare = {
        let start = runner.start.clone();
        let dispatch = state.dispatcher();
        let valid = validation.clone().ok();
        Callback::from(move |()| {
            if let Some(mut valid) = valid.clone() {
                dispatch.dispatch(Action::Edit(state::Edit::Mode(crate::model::Mode::Compare)));
                valid.mode = crate::model::Mode::Compare;
                start.emit(valid);
            }
        })
    };
    let on_select = {
        let dispatch = state.dispatcher();
        Callback::from(move |i| dispatch.dispatch(Action::Select(i)))
    };
    let on_dismiss = {
        let dispatch = state.dispatcher();
        Callback::from(move |()| dispatch.dispatch(Action::DismissNotices))
    };

    // The links this page hands out: the lab as a full page (what Copy link copies, from an
    // embed too: scenario, strategy and theme), and the lab embedded.
    let requests = validation.as_ref().map(|v| v.scenario.len()).unwrap_or(2);
    let strategies = validation.as_ref().map(|v| v.strategies().len()).unwrap_or(4);
    let full_page = link_with(&encode(&state.config, &Presentation { embed: false, panels: Panels::default(), ..presentation }));
    let embed_src = link_with(&encode(&state.config, &Presentation { embed: true, ..presentation }));
    let height = fixed_height(panels, requests, strategies);
    let snippet_auto = snippet_auto_height(&embed_src, t.embed_title, height);
    let snippet_fixed = snippet_fixed_height(&embed_src, t.embed_title, height);
    let on_copy = {
        let (full_page, snippet_auto) = (full_page.clone(), snippet_auto.clone());
        copy.reform(move |kind: ShareKind| {
            let text = match kind {
                ShareKind::Link => full_page.clone(),
                ShareKind::Embed => snippet_auto.clone(),
            };
            (kind, text)
        })
    };
    let invalid = validation.is_err();

    // What the panels show: the last session, or before any run the prediction for the form.
    let view = use_memo((state.session.clone(), validation.clone().ok()), |(session, valid)| {
        View::new(session.as_ref(), valid.as_ref())
    });
    let shown = state.shown().unwrap_or(0);
    let running = state.is_running();
    let current = match (&state.run, &state.session) {
        (RunState::Running { index }, Some(s)) => Some((s.strategies[*index], *index, s.strategies.len())),
        _ => None,
    };
    let progress = match (&state.run, &state.session) {
        (RunState::Running { index }, Some(s)) => {
            s.traces[*index].as_ref().map(|tr| (tr.finished(), tr.requests.len(), s.elapsed))
        }
        _ => None,
    };
    let stale_note = match (&state.session, validation.as_ref().ok()) {
        (Some(s), Some(v)) if *s.scenario != v.scenario => Some(AttrValue::from(t.stale_results)),
        _ => None,
    };
    let summary_text = state
        .session
        .as_ref()
        .filter(|_| !running)
        .map(|_| {
            (*view)
                .as_ref()
                .map(|v| v.rows.iter().filter_map(|r| r.measured.map(|m| t.run_summary(r.strategy, m, r.predicted, r.max_frame_gap))).collect::<Vec<_>>().join(" "))
                .unwrap_or_default()
        })
        .unwrap_or_default();

    let on_cancel = runner.cancel.reform(|_| ());
    html! {
        <>
        if !presentation.embed {
            <header class="page-header">
                <h1>{ t.title }</h1>
                <p class="tagline">{ t.tagline }</p>
                <p class="intro">{ t.intro }</p>
            </header>
        }
        <div class="lab">
            <Notices t={t} notices={state.notices.clone()} on_dismiss={on_dismiss} />
            <div class={classes!("lab-grid", (!panels.controls).then_some("no-controls"))}>
                if panels.controls {
                    <Controls t={t} config={state.config.clone()} errors={errors} running={running}
                        on_edit={on_edit} on_run={on_run.clone()} on_compare={on_compare.clone()} on_cancel={on_cancel.clone()} />
                }
                <div class="panels">
                    <div class="toolbar">
                        <Status t={t} run={state.run.clone()} current={current} progress={progress} />
                        if !panels.controls {
                            <RunButtons t={t} invalid={invalid} running={running}
                                on_run={on_run} on_compare={on_compare} on_cancel={on_cancel} />
                        }
                        <ShareBar t={t} share={state.share.clone()} embed={presentation.embed}
                            full_page={AttrValue::from(full_page)} snippet_auto={AttrValue::from(snippet_auto)}
                            snippet_fixed={AttrValue::from(snippet_fixed)} on_copy={on_copy} />
                    </div>
                    if let Some(v) = view.as_ref().as_ref().filter(|_| panels.waterfall) {
                        <Waterfall t={t} scenario={v.scenario.clone()} schedule={v.schedules[shown.min(v.schedules.len() - 1)].clone()}
                            trace={v.traces.get(shown).cloned().flatten()}
                            elapsed={state.session.as_ref().map(|s| s.elapsed).unwrap_or(0.0)}
                            span_ms={state.session.as_ref().map(|s| s.scale_ms()).unwrap_or(v.span_ms)}
                            caption={AttrValue::from(format!("{} {}",
                                if state.session.is_some() { t.caption_measured } else { t.caption_predicted },
                                t.strategy_short(v.strategies[shown.min(v.strategies.len() - 1)])))} />
                    }
                    if let Some(v) = view.as_ref().as_ref().filter(|_| panels.results) {
                        <Results t={t} rows={v.rows.clone()} shown={state.session.as_ref().map(|_| shown)} on_select={on_select}
                            stale_note={stale_note} />
                    }
                    <p class="visually-hidden" aria-live="polite" data-testid="summary">{ summary_text }</p>
                </div>
            </div>
        </div>
        if !presentation.embed {
            <footer class="page-footer"><p>{ t.footer }</p></footer>
        }
        </>
    }
}

/// The panels' data, derived from the session (or from the form before the first run).
#[derive(PartialEq)]
struct View {
    scenario: Rc<crate::model::Scenario>,
    strategies: Vec<crate::model::Strategy>,
    schedules: Vec<Rc<Schedule>>,
    traces: Vec<Option<Rc<Trace>>>,
    rows: Vec<SummaryRow>,
    span_ms: f64,
}

impl View {
    fn new(session: Option<&state::Session>, valid: Option<&crate::model::config::ValidConfig>) -> Option<View> {
        let (scenario, strategies, schedules, traces) = match (session, valid) {
            (Some(s), _) => (s.scenario.clone(), s.strategies.clone(), s.schedules.clone(), s.traces.clone()),
            (None, Some(v)) => {
                let strategies = v.strategies();
                let schedules: Vec<Rc<Schedule>> =
                    strategies.iter().map(|&st| Rc::new(predict(&v.scenario, st))).collect();
                let n = strategies.len();
                (Rc::new(v.scenario.clone()), strategies, schedules, vec![None; n])
            }
            (None, None) => return None,
        };
        let schedule_refs: Vec<&Schedule> = schedules.iter().map(|s| s.as_ref()).collect();
        let trace_refs: Vec<Option<&Trace>> = traces.iter().map(|t| t.as_deref()).collect();
        let rows = summary::rows(&scenario, &strategies, &schedule_refs, &trace_refs);
        let span_ms = schedules.iter().map(|s| s.total).fold(1.0, f64::max);
        Some(View { scenario, strategies, schedules, traces, rows, span_ms })
    }
}
