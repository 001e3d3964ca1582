//! The page: one reducer at the root, hooks that reach the runtime and the address bar,
//! and presentational components.

pub mod components;
pub mod hooks;
pub mod panic_banner;
pub mod state;
pub mod takeover;

use std::rc::Rc;

use yew::prelude::*;

use crate::model::config::ValidConfig;
use crate::model::embed::{fixed_height, snippet_auto_height, snippet_fixed_height};
use crate::model::explain::Explanation;
use crate::model::growth::{self, GrowthAxis, Workload};
use crate::model::lab::{Action, AppState, Carried, Confirm, ReplayAction, RunState, ShareKind, SweepState};
use crate::model::plan::Plan;
use crate::model::presentation::Lang;
use crate::model::presentation::{Panels, Presentation};
use crate::model::url_state::encode;
use crate::model::url_state::{decode, Decoded};
use crate::model::view::View;
use crate::model::Strategy;
use crate::text::fill;
use crate::text::{text, Text};
use components::code_panel::CodePanel;
use components::controls::Controls;
use components::event_loop::EventLoop;
use components::growth_chart::{GrowthChart, MeasuredPoint, SweepStatus};
use components::guess::{GuessFields, GuessResults};
use components::lang_switch::LangSwitch;
use components::long_run::LongRun;
use components::notices::Notices;
use components::race::Race;
use components::results::Results;
use components::run_buttons::RunButtons;
use components::scenario_line::ScenarioLine;
use components::sequence_diagram::SequenceDiagram;
use components::share::ShareBar;
use components::status::Status;
use components::step_table::StepTable;
use components::totals_chart::TotalsChart;
use components::waterfall::Waterfall;
use hooks::{
    current_query, link_with, use_clipboard, use_embed_probe, use_first_screen_first, use_host_theme, use_page_chrome, use_replay_player,
    use_runner, use_url_sync, SweepPlan,
};

pub fn start() {
    let decoded = decode(&current_query());
    let browser_lang = Lang::from_browser(browser_languages().iter().map(String::as_str));
    panic_banner::install(text(decoded.presentation.lang.unwrap_or(browser_lang)));
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("lab"));
    // A phone's first screen shows Run and a chart: the long form starts folded to one line.
    let narrow = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).is_some_and(|w| w < NARROW_PX);
    // At build time (`scripts/post-build.mjs`) the page is rendered once to prerender it: the
    // status then says "starting…".
    let starting = root.as_ref().is_some_and(|r| r.has_attribute("data-prerender"));
    let carried = root.as_ref().and_then(takeover::take).map(Rc::new);
    let props = AppProps { link: Rc::new(decoded), browser_lang, narrow, starting, carried };
    match root {
        Some(root) => yew::Renderer::<App>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<App>::with_props(props).render(),
    };
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The link the page was opened with, decoded.
    pub link: Rc<Decoded>,
    /// The first language of the reader's browser that the lab speaks.
    pub browser_lang: Lang,
    /// The window was phone-narrow when the page opened.
    #[prop_or_default]
    pub narrow: bool,
    /// Rendered at build time to be prerendered (see `takeover`).
    #[prop_or_default]
    pub starting: bool,
    /// What the reader did to the prerendered first screen: the first state is built with it.
    #[prop_or_default]
    pub carried: Option<Rc<Carried>>,
}

/// Narrower than this, the page opens with the form folded to one line.
const NARROW_PX: f64 = 700.0;

/// Starts a run, or over a minute by the model asks first (the answer starts it).
fn run_or_ask(
    valid: ValidConfig,
    strategies: Vec<Strategy>,
    start: &Callback<(ValidConfig, Vec<Strategy>)>,
    dispatch: &UseReducerDispatcher<AppState>,
) {
    let plan = Plan::new(&valid.scenario, strategies);
    if plan.needs_asking() {
        dispatch.dispatch(Action::Ask(Some(Confirm { valid, plan })));
    } else {
        start.emit((valid, plan.strategies));
    }
}

/// The form, validated (memoised per change of the form).
#[allow(clippy::result_large_err)] // see `LabConfig::validate`
fn validate(config: &Rc<crate::model::LabConfig>) -> Result<ValidConfig, crate::model::FieldErrors> {
    config.validate()
}

/// `navigator.languages`, most preferred first.
pub(crate) fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    let languages = js_sys::Reflect::get(&window.navigator(), &"languages".into()).unwrap_or_default();
    js_sys::Array::from(&languages).iter().filter_map(|l| l.as_string()).collect()
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(|| {
        let carried = props.carried.as_deref().cloned().unwrap_or_default();
        Rc::unwrap_or_clone(AppState::first(&props.link, props.narrow, &carried))
    });
    let lang = state.presentation.lang.unwrap_or(props.browser_lang);
    let t: &'static Text = text(lang);
    let runner = use_runner(state.dispatcher());
    let copy = use_clipboard(state.dispatcher());
    use_url_sync(&state.config, &state.presentation);
    use_page_chrome(&state.presentation, state.theme(), t);
    let whole = use_first_screen_first(state.presentation.embed || props.starting);
    use_host_theme(state.dispatcher(), state.presentation.embed);
    let presentation = state.presentation;
    let panels = presentation.panels;
    let python_host = use_node_ref();

    // Parsed once per change of the form, not once per frame of a run (10,000 latencies).
    let validation = use_memo(state.config.clone(), validate);
    let valid: Option<&ValidConfig> = validation.as_ref().as_ref().ok();
    let errors = validation.as_ref().clone().err().unwrap_or_default();
    // The Python panel: its own module, loaded on a press (or at once for a link with a program).
    // Its program travels in the links the page makes: the link's at first, then the panel's.
    {
        let host = python_host.clone();
        let dispatch = state.dispatcher();
        use_effect_with(panels.python && whole, move |shown| {
            if let (true, Some(host)) = (*shown, host.cast::<web_sys::Element>()) {
                crate::runtime::python_panel::open(&host, false);
            }
        });
        // Once for the page's life: the listener is never dropped.
        use_effect_with((), move |()| {
            let take = move || dispatch.dispatch(Action::Program(crate::runtime::python_panel::program().into()));
            take();
            crate::runtime::python_panel::on_program(take);
        });
    }
    let open_python = {
        let host = python_host.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(host) = host.cast::<web_sys::Element>() {
                crate::runtime::python_panel::open(&host, true);
            }
        })
    };

    // The form as a comparison: runnable even where the chosen strategy alone is refused.
    let compare_validation = use_memo(state.config.clone(), |config| {
        let mut config = (**config).clone();
        config.mode = crate::model::Mode::Compare;
        config.validate().ok()
    });

    // Every press goes through here: a run predicted to take over a minute is asked about first.
    let request_run =
        use_callback((runner.start.clone(), state.dispatcher()), |(valid, strategies): (ValidConfig, Vec<Strategy>), (start, dispatch)| {
            run_or_ask(valid, strategies, start, dispatch)
        });

    // A link with autorun=1, or a press of Run or Compare on the prerendered screen, starts its run
    // once the page is up and settled, if the form is runnable (the first state holds what was typed).
    {
        let (start, dispatch) = (runner.start_when_settled.clone(), state.dispatcher());
        let pressed = props.link.autorun || props.carried.as_ref().is_some_and(|c| c.pressed.is_some());
        let (validation, carried) = (validation.clone(), props.carried.clone());
        use_effect_with((), move |_| {
            if let Some(carried) = carried {
                takeover::focus(&carried);
            }
            if let (true, Ok(valid)) = (pressed, validation.as_ref()) {
                run_or_ask(valid.clone(), valid.strategies(), &start, &dispatch);
            }
        });
    }

    // Callbacks that stay the same from frame to frame, so the form is not redrawn while a run goes on.
    let on_edit = use_callback(state.dispatcher(), |edit, dispatch| dispatch.dispatch(Action::Edit(edit)));
    let on_run = use_callback((request_run.clone(), validation.clone()), |(), (request_run, validation)| {
        if let Ok(valid) = validation.as_ref() {
            request_run.emit((valid.clone(), valid.strategies()));
        }
    });
    let on_compare =
        use_callback((request_run.clone(), state.dispatcher(), compare_validation.clone()), |(), (request_run, dispatch, compare)| {
            if let Some(valid) = compare.as_ref() {
                dispatch.dispatch(Action::Edit(crate::model::lab::Edit::Mode(crate::model::Mode::Compare)));
                request_run.emit((valid.clone(), valid.strategies()));
            }
        });
    let on_guess_toggle = use_callback(state.dispatcher(), |(), dispatch| dispatch.dispatch(Action::ToggleGuesses));
    let on_form_toggle = use_callback(state.dispatcher(), |(), dispatch| dispatch.dispatch(Action::ToggleForm));
    // What a press of Run (and of Compare) takes, by the model, written beside the buttons.
    let eta = use_memo((validation.clone(), compare_validation.clone(), t.lang), move |(validation, compare, _)| {
        let length = |v: &ValidConfig| Plan::new(&v.scenario, v.strategies()).length_ms();
        let run = validation
            .as_ref()
            .as_ref()
            .ok()
            .filter(|v| v.mode != crate::model::Mode::Compare)
            .map(|v| fill(t.eta_run, &[&t.total(length(v))]));
        let compare = compare.as_ref().as_ref().map(|v| fill(t.eta_compare, &[&t.total(length(v))]));
        let line = [run, compare].into_iter().flatten().collect::<Vec<_>>().join(" · ");
        (!line.is_empty()).then(|| AttrValue::from(line))
    });
    let eta: Option<AttrValue> = (*eta).clone();
    // The same callback every frame: the charts that take it are skipped while their data holds.
    let on_select = use_callback(state.dispatcher(), |i, dispatch| dispatch.dispatch(Action::Select(i)));
    let on_lang = {
        let dispatch = state.dispatcher();
        Callback::from(move |lang| dispatch.dispatch(Action::SetLang(lang)))
    };
    let on_dismiss = {
        let dispatch = state.dispatcher();
        Callback::from(move |()| dispatch.dispatch(Action::DismissNotices))
    };

    // The links this page hands out: the lab as a full page (what Copy link copies, from an
    // embed too: scenario, strategy and theme), and the lab embedded.
    let requests = valid.map(|v| v.scenario.len()).unwrap_or(2);
    let strategies = valid.map(|v| v.strategies()).unwrap_or_default();
    let guess_strategies = strategies.clone();
    // Made once per change of what they depend on: a 10,000-request link is 50 KB of text.
    // The embed keeps an embed's panels (or the ones its own link chose); its height is measured
    // in a frame of the author's column width once they open the embed code (`use_embed_probe`).
    let embed_panels = if presentation.embed { presentation.panels } else { Panels::EMBED };
    let embed_size = state.embed_size.clone();
    // The Python panel's program (`py=`) travels in them too.
    let links = use_memo(
        (state.config.clone(), presentation, requests, strategies, t.embed_title, embed_size, state.program.clone()),
        move |(config, presentation, requests, strategies, title, size, program)| {
            let py = if program.is_empty() { String::new() } else { format!("&py={program}") };
            let full_page = link_with(&(encode(config, &Presentation { embed: false, panels: Panels::default(), ..*presentation }) + &py));
            let embed_py = if embed_panels.python { py.as_str() } else { "" };
            let embed_src = link_with(&(encode(config, &Presentation { embed: true, panels: embed_panels, ..*presentation }) + embed_py));
            let measured = size.measured.iter().find(|(src, width, _)| *src == embed_src && *width == size.width).map(|(_, _, h)| *h);
            let estimate = fixed_height(embed_panels, *requests, strategies);
            // Other engines' fonts run a little longer than the one it was measured in: a margin.
            let fixed = measured.map(|h| h + h / 50 + 16).unwrap_or(estimate);
            let snippet_auto = AttrValue::from(snippet_auto_height(&embed_src, title, measured.unwrap_or(estimate)));
            let snippet_fixed = AttrValue::from(snippet_fixed_height(&embed_src, title, fixed));
            (AttrValue::from(full_page), snippet_auto, snippet_fixed, embed_src, measured.is_some())
        },
    );
    let probe = (state.embed_size.wanted && !presentation.embed && !links.4).then(|| (links.3.clone(), state.embed_size.width));
    use_embed_probe(state.dispatcher(), probe.clone());
    let measuring = probe.is_some();
    let on_embed_width = use_callback(state.dispatcher(), |width: u32, dispatch| dispatch.dispatch(Action::EmbedWidth(width)));
    let (full_page, snippet_auto, snippet_fixed) = (links.0.clone(), links.1.clone(), links.2.clone());
    let on_copy = use_callback((copy, links.clone()), |kind: ShareKind, (copy, links)| {
        let text = match kind {
            ShareKind::Link => links.0.to_string(),
            ShareKind::Embed => links.1.to_string(),
        };
        copy.emit((kind, text));
    });
    let invalid = valid.is_none();
    let compare_invalid = !errors.only_mode();
    let compare_left_out = crate::model::config::compare_leaves_out_blocking(&validation);

    // What the panels show: the last session, or before any run the prediction for the form.
    // While the form is wrong, the charts keep the last scenario that was valid, dimmed.
    let last_valid = use_mut_ref(|| validation.clone());
    if validation.is_ok() {
        *last_valid.borrow_mut() = validation.clone();
    }
    let shown_validation = if validation.is_ok() { validation.clone() } else { last_valid.borrow().clone() };
    let dimmed = validation.is_err() && shown_validation.is_ok();
    // Before a real run: where its requests will go, and how many.
    let hosts_note = valid
        .and_then(|v| v.real.as_ref())
        .filter(|_| state.session.is_none())
        .map(|r| t.real_hosts(&crate::model::source::hosts(&r.urls)));
    // The form's scenario, shared: the one-line form must not copy 10,000 requests every frame.
    let form_scenario = use_memo(validation.clone(), |v| v.as_ref().as_ref().ok().map(|v| Rc::new(v.scenario.clone())));
    let view = use_memo((state.session.clone(), shown_validation.clone()), |(session, validation)| match (session, validation.as_ref()) {
        (Some(s), _) => Some(View::measured(s.scenario.clone(), s.strategies.clone(), s.schedules.clone(), s.traces.clone())),
        (None, Ok(v)) => Some(View::predicted(v)),
        (None, Err(_)) => None,
    });
    let shown = state.shown().unwrap_or(0);
    let running = state.is_running();
    let current = match (&state.run, &state.session) {
        (RunState::Running { index }, Some(s)) => Some((s.strategies[*index], *index, s.strategies.len())),
        _ => None,
    };
    let progress = match (&state.run, &state.session) {
        (RunState::Running { index }, Some(s)) => s.traces[*index].as_ref().map(|tr| (tr.finished(), tr.requests.len(), s.elapsed)),
        _ => None,
    };
    // The explanation panels: the shown strategy's completed run, else its prediction, at one moment.
    // Keyed on the shown run only once it has completed, so a run in progress does not rebuild it every frame.
    let completed = state.session.as_ref().and_then(|s| s.traces.get(shown).cloned().flatten()).filter(|t| t.total.is_some());
    let session_key = state.session.as_ref().map(|s| s.run_id);
    // Built from this render's `view` (memoised above), whenever the key changes.
    let explanation = use_memo((session_key, completed, validation.clone(), shown), {
        let view = view.clone();
        move |(_, _, _, shown)| (*view).as_ref().map(|v| Rc::new(v.explanation(*shown)))
    });
    let explanation: Option<Rc<Explanation>> = (*explanation).clone();
    let steps = use_memo(explanation.clone(), |e| Rc::new(e.as_ref().map(|e| e.steps()).unwrap_or_default()));
    let steps: Rc<Vec<crate::model::explain::Step>> = (*steps).clone();
    let total = explanation.as_ref().map(|e| e.total).unwrap_or(0.0);
    let moment = match (&state.run, &state.session) {
        (RunState::Running { .. }, Some(s)) => s.elapsed.min(total),
        _ => state.replay.t.min(total),
    };
    let current_step = state
        .replay
        .step
        .filter(|_| !running)
        .unwrap_or_else(|| explanation.as_ref().map(|e| e.step_at(&steps, moment)).unwrap_or(0))
        .min(steps.len().saturating_sub(1));
    use_replay_player(state.dispatcher(), state.replay.playing, state.replay.speed, total);
    let seek = {
        let dispatch = state.dispatcher();
        Callback::from(move |(t, step): (f64, Option<usize>)| dispatch.dispatch(Action::Replay(ReplayAction::Seek { t, step })))
    };
    let on_step_pick = {
        let (seek, steps) = (seek.clone(), steps.clone());
        Callback::from(move |i: usize| {
            if let Some(step) = steps.get(i) {
                seek.emit((step.at, Some(i)));
            }
        })
    };
    let on_forward = {
        let (pick, seek, last) = (on_step_pick.clone(), seek.clone(), steps.len().saturating_sub(1));
        Callback::from(move |()| if current_step < last { pick.emit(current_step + 1) } else { seek.emit((total, Some(last))) })
    };
    let on_back = on_step_pick.reform(move |()| current_step.saturating_sub(1));
    let on_scrub = seek.reform(|t: f64| (t, None));
    let on_toggle = {
        let dispatch = state.dispatcher();
        Callback::from(move |()| dispatch.dispatch(Action::Replay(ReplayAction::Toggle { total })))
    };
    let on_speed = {
        let dispatch = state.dispatcher();
        Callback::from(move |speed| dispatch.dispatch(Action::Replay(ReplayAction::Speed(speed))))
    };
    let shown_strategy = view.as_ref().as_ref().map(|v| v.strategies[shown.min(v.strategies.len() - 1)]);
    let measured_source = explanation.is_some()
        && state.session.as_ref().and_then(|s| s.traces.get(shown).cloned().flatten()).is_some_and(|t| t.total.is_some());

    // Under a real run's waterfall: how its requests ended, and why some waited.
    let real_notes: Vec<(AttrValue, AttrValue)> = {
        let mut notes = Vec::new();
        let shown_trace = state.session.as_ref().and_then(|s| s.traces.get(shown).cloned().flatten());
        if let Some(trace) = shown_trace.filter(|tr| tr.requests.iter().any(|r| r.outcome.is_some())) {
            notes.push(("outcome-counts".into(), t.outcome_counts(&trace.outcome_counts()).into()));
            if trace.requests.iter().any(|r| r.queued.is_some_and(|q| q > 50.0)) {
                notes.push(("queue-note".into(), t.queue_note.into()));
            }
        }
        if state.session.as_ref().is_some_and(|s| s.emulator_unavailable) {
            notes.push(("emulator-note".into(), t.emulator_unavailable.into()));
        }
        if props.link.autorun_held && state.session.is_none() {
            notes.push(("autorun-held".into(), t.real_autorun_held.into()));
        }
        notes
    };

    let stale_note = match (&state.session, valid) {
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
                .map(|v| {
                    v.rows
                        .iter()
                        .filter_map(|r| r.measured.map(|m| t.run_summary(r.strategy, m, r.predicted, r.max_frame_gap)))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default()
        })
        .unwrap_or_default();

    let on_cancel = runner.cancel.clone();

    // How the total grows, from the model, for the form's scenario; and what a sweep would run.
    let growth_axis = state.growth_axis;
    let growth =
        use_memo((shown_validation.clone(), state.config.preset, state.config.seed, growth_axis), |(validation, preset, seed, axis)| {
            let valid = validation.as_ref().as_ref().ok()?;
            let workload = Workload::of(&valid.scenario, *preset, *seed);
            let n = valid.scenario.len();
            let all = crate::model::Mode::Compare.strategies(valid.limit);
            let series = match axis {
                GrowthAxis::N => growth::by_n(&workload, &all, n),
                GrowthAxis::K => vec![growth::by_k(&workload, n)],
            };
            let runs = growth::sweep(&workload, *axis, &all, n);
            Some((Rc::new(series), Rc::new(runs), Rc::new(valid.scenario.clone())))
        });
    let sweep = state.sweep.as_ref();
    // A sweep's words belong to the axis it measured.
    let sweep_status = match sweep.filter(|s| s.axis == growth_axis) {
        None => SweepStatus::None,
        Some(s) => match s.state {
            SweepState::Running => SweepStatus::Running { done: s.finished(), of: s.runs.len() },
            SweepState::Ended(crate::model::trace::Outcome::Cancelled) => SweepStatus::Cancelled { done: s.finished(), of: s.runs.len() },
            SweepState::Ended(_) => SweepStatus::Done { done: s.finished() },
        },
    };
    // Measured points belong to the scenario and axis they were measured for.
    let measured_points: Vec<MeasuredPoint> = match (sweep, valid) {
        (Some(s), Some(v)) if s.axis == growth_axis && *s.scenario == v.scenario => s
            .runs
            .iter()
            .zip(&s.measured)
            .filter_map(|(run, m)| m.map(|total| MeasuredPoint { strategy: run.strategy, x: run.x, total }))
            .collect(),
        _ => Vec::new(),
    };
    let on_measure = use_callback((runner.sweep.clone(), growth.clone(), growth_axis), |(), (start, growth, axis)| {
        if let Some((_, runs, scenario)) = growth.as_ref() {
            start.emit(SweepPlan { axis: *axis, runs: runs.clone(), scenario: scenario.clone() });
        }
    });
    let on_axis = use_callback(state.dispatcher(), |axis, dispatch| dispatch.dispatch(Action::GrowthAxis(axis)));

    // The form folds to one line in an embed and on a phone; on a wide page it is always open.
    let foldable = presentation.embed || props.narrow;
    let form_shown = panels.controls && (state.form_open || !foldable);
    let guess_open = panels.guess.then_some(state.guesses.open);
    let guess_results = match (&state.session, view.as_ref()) {
        (Some(_), Some(v)) if panels.guess => crate::model::guess::results(&state.guesses.values(), &v.rows),
        _ => Vec::new(),
    };
    let running_now = match (&state.run, &state.session) {
        (RunState::Running { index }, Some(s)) => Some((*index, s.elapsed)),
        _ => None,
    };
    let on_confirmed = {
        let (start, confirm) = (runner.start.clone(), state.confirm.clone());
        Callback::from(move |strategies: Vec<Strategy>| {
            if let Some(c) = &confirm {
                start.emit((c.valid.clone(), strategies));
            }
        })
    };
    let on_confirm_back = {
        let dispatch = state.dispatcher();
        Callback::from(move |()| dispatch.dispatch(Action::Ask(None)))
    };
    let on_guess_input = {
        let dispatch = state.dispatcher();
        Callback::from(move |(kind, text)| dispatch.dispatch(Action::Guess { kind, text }))
    };

    html! {
        <>
        if !presentation.embed {
            <header class="page-header">
                <h1>{ t.title }</h1>
                <p class="tagline">{ t.tagline }</p>
                <p class="intro">{ t.intro }</p>
            </header>
        }
        <main class="lab">
            if presentation.embed {
                <h1 class="visually-hidden">{ t.title }</h1>
            }
            <Notices t={t} notices={state.notices.clone()} on_dismiss={on_dismiss} />
            if panels.controls && foldable {
                <ScenarioLine t={t} scenario={(*form_scenario).clone()} open={state.form_open} on_toggle={on_form_toggle} />
            }
            <div class={classes!("lab-grid", (!form_shown).then_some("no-controls"))}>
                if form_shown {
                    <Controls t={t} config={state.config.clone()} errors={errors} running={running} compare_left_out={compare_left_out}
                        on_edit={on_edit} on_run={on_run.clone()} on_compare={on_compare.clone()} on_cancel={on_cancel.clone()}
                        eta={eta.clone()} guess_open={guess_open} on_guess={on_guess_toggle.clone()} />
                }
                <div class={classes!("panels", dimmed.then_some("dimmed"))}>
                    <div class="toolbar">
                        <Status t={t} run={state.run.clone()} current={current} progress={progress} starting={props.starting} live={whole} />
                        if !form_shown {
                            <RunButtons t={t} invalid={invalid} compare_invalid={compare_invalid} compare_left_out={compare_left_out} running={running}
                                on_run={on_run} on_compare={on_compare} on_cancel={on_cancel.clone()}
                                eta={eta.clone()} guess_open={guess_open} on_guess={on_guess_toggle} />
                        }
                        <LangSwitch t={t} current={lang} on_change={on_lang} />
                        <ShareBar t={t} share={state.share.clone()} embed={presentation.embed}
                            full_page={full_page.clone()} snippet_auto={snippet_auto}
                            snippet_fixed={snippet_fixed} on_copy={on_copy}
                            embed_width={state.embed_size.width} on_embed_width={on_embed_width} measuring={measuring} />
                    </div>
                    if dimmed {
                        <p class="invalid-note" data-testid="invalid-note" role="status">{ t.invalid_form_note }</p>
                    }
                    if let Some(note) = hosts_note {
                        <p class="real-hosts" data-testid="real-hosts">{ note }</p>
                    }
                    if guess_open == Some(true) && !guess_strategies.is_empty() {
                        <GuessFields t={t} strategies={guess_strategies} text={state.guesses.text.clone()} disabled={running}
                            autofocus={presentation.ask_guess} on_input={on_guess_input} />
                    }
                    if let Some(confirm) = &state.confirm {
                        <LongRun t={t} plan={confirm.plan.clone()} on_run={on_confirmed} on_back={on_confirm_back} />
                    }
                    if let Some(v) = view.as_ref().as_ref().filter(|_| panels.totals) {
                        <TotalsChart t={t} rows={v.rows.clone()} running={running_now.map(|(i, _)| i)} on_select={on_select.clone()} />
                    }
                    if !guess_results.is_empty() {
                        <GuessResults t={t} results={guess_results} />
                    }
                    if let Some(v) = view.as_ref().as_ref().filter(|v| panels.race && v.strategies.len() > 1) {
                        <Race t={t} scenario={v.scenario.clone()} strategies={v.strategies.clone()} schedules={v.schedules.clone()}
                            traces={v.traces.clone()} running={running_now}
                            span_ms={state.session.as_ref().map(|s| s.scale_ms()).unwrap_or(v.span_ms)}
                            shown={state.session.as_ref().map(|_| shown)} on_select={on_select.clone()} />
                    }
                    // A race of one strategy is its waterfall: an embed shows that instead.
                    if let Some(v) = view.as_ref().as_ref().filter(|v| panels.waterfall || (panels.race && v.strategies.len() == 1)) {
                        <Waterfall t={t} scenario={v.scenario.clone()} schedule={v.schedules[shown.min(v.schedules.len() - 1)].clone()}
                            trace={v.traces.get(shown).cloned().flatten()}
                            elapsed={state.session.as_ref().map(|s| s.elapsed).unwrap_or(0.0)}
                            span_ms={state.session.as_ref().map(|s| s.scale_ms()).unwrap_or(v.span_ms)}
                            caption={AttrValue::from(format!("{} {}",
                                if state.session.is_some() { t.caption_measured } else { t.caption_predicted },
                                t.strategy_short(v.strategies[shown.min(v.strategies.len() - 1)])))}
                            cursor={panels.explains().then_some(moment)}
                            on_scrub={panels.explains().then(|| on_scrub.clone())}
                            urls={state.session.as_ref().and_then(|s| s.urls.clone())}
                            notes={real_notes.clone()} />
                    }
                    if let Some(v) = view.as_ref().as_ref().filter(|_| panels.results && whole) {
                        <Results t={t} rows={v.rows.clone()} shown={state.session.as_ref().map(|_| shown)} on_select={on_select}
                            stale_note={stale_note} />
                    }
                    if let Some((series, runs, scenario)) = growth.as_ref().as_ref().filter(|_| panels.growth && whole) {
                        <GrowthChart t={t} axis={growth_axis} series={series.clone()} n={scenario.len()} measured={measured_points}
                            status={sweep_status} sweep_runs={runs.len()} sweep_ms={growth::sweep_ms(runs)} busy={running}
                            on_axis={on_axis} on_measure={on_measure} on_cancel={on_cancel} />
                    }
                    if let Some(why) = valid.filter(|_| whole).and_then(ValidConfig::blocking_left_out) {
                        <p class="wf-note" data-testid="blocking-left-out">
                            { t.blocking_left_out_note(why) }
                        </p>
                    }
                    if let (Some(e), Some(strategy), true) = (explanation.clone(), shown_strategy, panels.explains() && whole) {
                        <section class="explain" aria-labelledby="explain-heading" data-testid="explain">
                            <h2 id="explain-heading">{ t.explain_heading }</h2>
                            <p class="explain-source">
                                { if measured_source { t.explain_from_trace } else { t.explain_from_prediction } }
                                { " " }<strong>{ t.strategy_short(strategy) }</strong>
                            </p>
                            <div class="explain-grid">
                                if panels.sequence {
                                    <SequenceDiagram t={t} explanation={e.clone()} moment={moment} />
                                }
                                if panels.eventloop {
                                    <EventLoop t={t} state={e.state_at(moment)} moment={moment} total={total}
                                        playing={state.replay.playing} speed={state.replay.speed}
                                        on_back={on_back} on_forward={on_forward} on_toggle={on_toggle}
                                        on_speed={on_speed} on_scrub={on_scrub.clone()} />
                                }
                                if panels.steps {
                                    <StepTable t={t} steps={steps.clone()} current={current_step} on_pick={on_step_pick} />
                                }
                                if panels.code {
                                    <CodePanel t={t} kind={strategy.kind()} role={e.code_role(moment)} python={panels.python} />
                                }
                            </div>
                        </section>
                    }
                    if panels.python && whole {
                        <section class="python" aria-labelledby="python-heading" data-testid="python">
                            <h2 id="python-heading">{ t.python_heading }</h2>
                            <p class="python-lead">{ t.python_lead }</p>
                            <div class="python-host" ref={python_host} data-opening={t.python_opening} data-failed={t.python_failed}
                                data-full-page={full_page.clone()} />
                            <p class="python-note" role="status" />
                            <button type="button" data-testid="python-open" onclick={open_python}>{ t.python_open }</button>
                        </section>
                    }
                    if whole {
                        <p class="visually-hidden" aria-live="polite" data-testid="summary">{ summary_text }</p>
                    }
                </div>
            </div>
        </main>
        if !presentation.embed && whole {
            <footer class="page-footer"><p>{ t.footer }</p></footer>
        }
        </>
    }
}
