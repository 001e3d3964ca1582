//! The page: one reducer at the root, hooks that reach the runtime and the address bar,
//! and presentational components.

pub mod components;
pub mod hooks;
pub mod panic_banner;
pub mod state;
pub mod takeover;

use std::rc::Rc;

use yew::prelude::*;

use crate::model::config::{compare_leaves_out_blocking, ValidConfig};
use crate::model::lab::{Action, AppState, Carried, ReplayAction};
use crate::model::presentation::{Lang, NARROW_PX};
use crate::model::run_driver::SweepPlan;
use crate::model::url_state::Decoded;
use crate::runtime;
use crate::text::{text, Text};
use components::controls::Controls;
use components::explain_section::ExplainSection;
use components::growth_chart::GrowthChart;
use components::guess::{GuessFields, GuessResults};
use components::lang_switch::LangSwitch;
use components::long_run::LongRun;
use components::note_pictures::note_pictures;
use components::notices::Notices;
use components::python_section::PythonSection;
use components::race::Race;
use components::results::Results;
use components::run_buttons::RunButtons;
use components::scenario_line::ScenarioLine;
use components::share::ShareBar;
use components::status::Status;
use components::totals_chart::TotalsChart;
use components::waterfall::Waterfall;
use hooks::{
    use_first_screen_first, use_host_theme, use_lab_actions, use_page_chrome, use_pictures, use_python_host, use_replay_player, use_runner,
    use_share, use_shown, use_start_on_load, use_url_sync, LabActions, Share, Shown,
};

pub fn start() {
    let decoded = runtime::page::link();
    let browser_lang = runtime::page::browser_lang();
    panic_banner::install(text(decoded.presentation.lang_or(browser_lang)));
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("lab"));
    // A phone's first screen shows Run and a chart: the long form starts folded to one line.
    let narrow = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).is_some_and(|w| w < f64::from(NARROW_PX));
    // At build time (`scripts/post-build.mjs`) the page is rendered in each of its variants to prerender them: the
    // status then says "starting…".
    let starting = root.as_ref().is_some_and(|r| r.has_attribute("data-prerender"));
    let carried = root.as_ref().and_then(takeover::take).map(Rc::new);
    // Prerendered at build time, links start with no address: the build's loopback server is no
    // reader's (the live page writes them whole at the takeover), and the build is reproducible.
    let base = if starting { Rc::from("") } else { runtime::page::base().into() };
    let props = AppProps { link: Rc::new(decoded), base, browser_lang, narrow, starting, carried };
    match root {
        Some(root) => yew::Renderer::<App>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<App>::with_props(props).render(),
    };
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The link the page was opened with, decoded.
    pub link: Rc<Decoded>,
    /// The page's address without query (`runtime::page::base`): what the links it hands out start with.
    #[prop_or_default]
    pub base: Rc<str>,
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

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(|| {
        let carried = props.carried.as_deref().cloned().unwrap_or_default();
        Rc::unwrap_or_clone(AppState::first(&props.link, props.narrow, &carried))
    });
    let dispatch = state.dispatcher();
    let lang = state.presentation.lang_or(props.browser_lang);
    let t: &'static Text = text(lang);
    let runner = use_runner(dispatch.clone());
    use_url_sync(&state.config, &state.presentation, &state.program);
    use_page_chrome(&state.presentation, state.theme(), t);
    let whole = use_first_screen_first(state.presentation.embed || props.starting);
    use_host_theme(dispatch.clone(), state.presentation.embed);
    let (presentation, panels, running) = (state.presentation, state.presentation.panels, state.is_running());
    let python = use_python_host(dispatch.clone(), panels.python && whole, t);
    let (validation, compare_validation) = (state.validation.clone(), state.compare_validation.clone());
    let LabActions { act, on_edit, on_run, on_compare, on_guess_toggle, on_form_toggle, on_select, on_replay, on_embed_width, on_axis } =
        use_lab_actions(&dispatch, &runner, &validation, &compare_validation);
    use_start_on_load(props.link.autorun, props.carried.clone(), &runner, &dispatch, &validation);
    let Share { links, measuring, on_copy } = use_share(&state, &props.base, t);
    let Shown {
        form_scenario,
        view,
        index: shown,
        strategy: shown_strategy,
        explanation,
        total,
        moment,
        growth,
        eta,
        summary,
        guess_results,
    } = use_shown(&state, t);
    use_replay_player(dispatch.clone(), state.replay.playing, state.replay.speed, total);
    // A picture's line under its title: the scenario the charts show (written once per scenario,
    // not every frame of a run: an `Rc<Scenario>` compares by pointer first), and whether it was measured.
    let shown_scenario = (*view).as_ref().map(|v| v.scenario.clone());
    let pictured = use_memo((shown_scenario, t.lang), move |(scenario, _)| scenario.as_ref().map(|s| AttrValue::from(t.scenario_line(s))));
    let measured = (*view).as_ref().is_some_and(|v| v.traces.iter().any(Option::is_some));
    let drawing_note_pictures = use_pictures(t);
    let on_scrub = on_replay.reform(|t: f64| ReplayAction::Seek { t, step: None });
    let on_measure = use_callback((runner.sweep.clone(), growth.clone(), state.growth_axis), |(), (start, growth, axis)| {
        if let Some((_, runs, scenario)) = growth.as_ref() {
            start.emit(SweepPlan { axis: *axis, runs: runs.clone(), scenario: scenario.clone() });
        }
    });
    let on_cancel = runner.cancel.clone();
    let valid = state.valid();
    let presses = state.presses();
    let errors = validation.as_ref().clone().err().unwrap_or_default();
    let guess_open = panels.guess.then_some(state.guesses.open);
    let (form_shown, strategies) = (state.form_shown(props.narrow), valid.map(ValidConfig::strategies).unwrap_or_default());
    let compare_left_out = compare_leaves_out_blocking(&validation);
    let span = |predicted: f64| state.span_ms(predicted);
    let v = (*view).as_ref();

    html! {
        <>
        if !presentation.embed {
            <header class="page-header">
                <h1>{ t.page.title }</h1>
                <p class="tagline">{ t.page.tagline }</p>
                <p class="intro">{ t.page.intro }</p>
            </header>
        }
        <main class="lab" data-picture-line={(*pictured).clone()} data-picture-measured={measured.then_some("")}>
            if presentation.embed {
                <h1 class="visually-hidden">{ t.page.title }</h1>
            }
            <Notices t={t} notices={state.notices.clone()} on_dismiss={act.reform(|()| Action::DismissNotices)} />
            if panels.controls && state.foldable(props.narrow) {
                <ScenarioLine t={t} scenario={(*form_scenario).clone()} open={state.form_open} on_toggle={on_form_toggle} />
            }
            <div class={classes!("lab-grid", (!form_shown).then_some("no-controls"))}>
                if form_shown {
                    <Controls t={t} config={state.config.clone()} errors={errors.clone()} running={running} presses={presses} compare_left_out={compare_left_out}
                        on_edit={on_edit} on_run={on_run.clone()} on_compare={on_compare.clone()} on_cancel={on_cancel.clone()}
                        eta={eta.clone()} guess_open={guess_open} on_guess={on_guess_toggle.clone()} />
                }
                <div class={classes!("panels", state.dimmed().then_some("dimmed"))}>
                    <div class="toolbar">
                        <Status t={t} run={state.run.clone()} current={state.current()} progress={state.progress()} starting={props.starting} live={whole} />
                        if !form_shown {
                            <RunButtons t={t} presses={presses} compare_left_out={compare_left_out}
                                on_run={on_run.clone()} on_compare={on_compare.clone()} on_cancel={on_cancel.clone()}
                                eta={eta} guess_open={guess_open} on_guess={on_guess_toggle} />
                        }
                        <LangSwitch t={t} current={lang} on_change={act.reform(Action::SetLang)} />
                        <ShareBar t={t} share={state.share.clone()} embed={presentation.embed}
                            full_page={AttrValue::from(links.full_page.clone())} snippet_auto={AttrValue::from(links.snippet_auto.clone())}
                            snippet_fixed={AttrValue::from(links.snippet_fixed.clone())} on_copy={on_copy}
                            embed_width={state.embed_size.width} on_embed_width={on_embed_width} measuring={measuring} on_phones={links.on_phones} />
                    </div>
                    if state.dimmed() {
                        <p class="invalid-note" data-testid="invalid-note" role="status">{ t.real.invalid_form_note }</p>
                    }
                    // Before a real run: where its requests will go, and how many.
                    if let Some(real) = valid.and_then(|v| v.real.as_ref()).filter(|_| state.session.is_none()) {
                        <p class="real-hosts" data-testid="real-hosts">{ t.real_hosts(&crate::model::source::hosts(&real.urls)) }</p>
                    }
                    if guess_open == Some(true) && !strategies.is_empty() {
                        <GuessFields t={t} strategies={strategies.clone()} text={state.guesses.text.clone()} disabled={running}
                            autofocus={presentation.ask_guess} on_input={act.reform(|(kind, text)| Action::Guess { kind, text })} />
                    }
                    if let Some(confirm) = &state.confirm {
                        <LongRun t={t} plan={confirm.plan.clone()} on_back={act.reform(|()| Action::Ask(None))}
                            on_run={runner.start.reform({ let valid = confirm.valid.clone(); move |strategies| (valid.clone(), strategies) })} />
                    }
                    if let Some(v) = v.filter(|_| panels.totals) {
                        <TotalsChart t={t} rows={v.rows.clone()} running={state.running_now().map(|(i, _)| i)} on_select={on_select.clone()} />
                    }
                    if !guess_results.is_empty() {
                        <GuessResults t={t} results={guess_results} />
                    }
                    if let Some(v) = v.filter(|v| panels.race && v.strategies.len() > 1) {
                        <Race t={t} scenario={v.scenario.clone()} strategies={v.strategies.clone()} schedules={v.schedules.clone()}
                            traces={v.traces.clone()} running={state.running_now()} span_ms={span(v.span_ms)}
                            shown={state.session.as_ref().map(|_| shown)} on_select={on_select.clone()} />
                    }
                    // A race of one strategy is its waterfall: an embed shows that instead.
                    if let (Some(v), Some(strategy)) = (v.filter(|v| panels.waterfall || (panels.race && v.strategies.len() == 1)), shown_strategy) {
                        <Waterfall t={t} scenario={v.scenario.clone()} schedule={v.schedules[shown.min(v.schedules.len() - 1)].clone()}
                            trace={v.traces.get(shown).cloned().flatten()}
                            elapsed={state.session.as_ref().map(|s| s.elapsed).unwrap_or(0.0)} span_ms={span(v.span_ms)}
                            caption={t.waterfall_caption(state.session.is_some(), strategy)}
                            cursor={panels.explains().then_some(moment)}
                            on_scrub={panels.explains().then(|| on_scrub.clone())}
                            urls={state.session.as_ref().and_then(|s| s.urls.clone())}
                            notes={state.run_notes().iter().map(|n| t.run_note(n)).collect::<Vec<_>>()} />
                    }
                    if let Some(v) = v.filter(|_| panels.results && whole) {
                        <Results t={t} rows={v.rows.clone()} shown={state.session.as_ref().map(|_| shown)} on_select={on_select}
                            stale_note={state.stale().then_some(AttrValue::from(t.results.stale_results))}
                            on_run_again={if state.session.as_ref().is_some_and(|s| s.strategies.len() > 1) { on_compare.clone() } else { on_run.clone() }} />
                    }
                    if let Some((series, runs, scenario)) = growth.as_ref().as_ref().filter(|_| panels.growth && whole) {
                        <GrowthChart t={t} axis={state.growth_axis} series={series.clone()} n={scenario.len()} measured={state.measured_points()}
                            status={state.sweep_status()} sweep_runs={runs.len()} sweep_ms={crate::model::growth::sweep_ms(runs)} busy={running}
                            on_axis={on_axis} on_measure={on_measure} on_cancel={on_cancel} />
                    }
                    if let Some(why) = valid.filter(|_| whole).and_then(ValidConfig::blocking_left_out) {
                        <p class="wf-note" data-testid="blocking-left-out">{ t.blocking_left_out_note(why) }</p>
                    }
                    if let (Some(e), Some(strategy), true) = (explanation.clone(), shown_strategy, panels.explains() && whole) {
                        <ExplainSection t={t} explanation={e} strategy={strategy} measured={state.shown_completed().is_some()}
                            panels={panels} moment={moment} replay={state.replay.clone()} stepped={state.stepped()}
                            on_replay={on_replay} on_open_in_python={python.open_program} />
                    }
                    if panels.python && whole {
                        <PythonSection t={t} host={python.host} full_page={AttrValue::from(links.full_page.clone())} on_open={python.open} />
                    }
                    if whole {
                        <p class="visually-hidden" aria-live="polite" data-testid="summary">{ summary }</p>
                    }
                </div>
            </div>
            if drawing_note_pictures {
                if let Some(v) = (*view).as_ref() {
                    { note_pictures(t, v.note_explanations()) }
                }
            }
        </main>
        if !presentation.embed && whole {
            <footer class="page-footer"><p>{ t.page.footer }</p></footer>
        }
        </>
    }
}
