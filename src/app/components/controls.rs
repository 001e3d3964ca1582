//! The scenario form: preset, count, latencies, processing, strategy, k; Run, Compare, Cancel.

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::app::components::run_buttons::RunButtons;
use crate::model::config::{FieldError, FieldErrors};
use crate::model::lab::screen::Presses;
use crate::model::lab::Edit;
use crate::model::preset::next_seed;
use crate::model::source::{SourceKind, TargetPreset};
use crate::model::{LabConfig, Mode, Preset};
use crate::text::Text;

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub t: &'static Text,
    pub config: std::rc::Rc<LabConfig>,
    pub errors: FieldErrors,
    pub running: bool,
    /// Which run buttons may be pressed (`AppState::presses`).
    pub presses: Presses,
    /// A comparison would leave blocking out (it would freeze the page): Compare says so.
    #[prop_or_default]
    pub compare_left_out: bool,
    pub on_edit: Callback<Edit>,
    pub on_run: Callback<()>,
    pub on_compare: Callback<()>,
    pub on_cancel: Callback<()>,
    /// What the run buttons say beside them (see `RunButtons`).
    #[prop_or_default]
    pub eta: Option<AttrValue>,
    #[prop_or_default]
    pub guess_open: Option<bool>,
    #[prop_or_default]
    pub on_guess: Callback<()>,
}

#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let t = props.t;
    let c = &props.config;
    let e = &props.errors;
    let edit = |make: fn(String) -> Edit| {
        let on_edit = props.on_edit.clone();
        Callback::from(move |ev: InputEvent| on_edit.emit(make(input_value(&ev))))
    };
    let on_preset = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |ev: Event| {
            let value = ev.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(p) = Preset::from_key(&value) {
                on_edit.emit(Edit::Preset(p));
            }
        })
    };
    let on_seed = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |ev: InputEvent| {
            if let Ok(seed) = input_value(&ev).trim().parse::<u64>() {
                on_edit.emit(Edit::Seed(seed));
            }
        })
    };
    let on_new_seed = {
        let on_edit = props.on_edit.clone();
        let seed = c.seed;
        Callback::from(move |_| on_edit.emit(Edit::Seed(next_seed(seed))))
    };
    // Run happens in the Run button's click (see RunButtons); the form never navigates.
    let on_submit = Callback::from(|ev: SubmitEvent| ev.prevent_default());
    let modes = Mode::ALL.into_iter();

    html! {
        <form class="controls" id="controls" onsubmit={on_submit} novalidate=true aria-labelledby="controls-heading">
            <h2 id="controls-heading">{ t.form.controls_heading }</h2>
            <div class="field">
                <label for="preset">{ t.form.preset_label }</label>
                <select id="preset" data-testid="preset" onchange={on_preset} disabled={props.running}>
                    { for Preset::ALL.iter().map(|&p| html! {
                        <option value={p.key()} selected={p == c.preset}>{ t.preset_name(p) }</option>
                    }) }
                </select>
            </div>
            <div class="field-row">
                { field(t, "count", t.form.count_label, None, &e.count, html! {
                    <input id="count" data-testid="count" type="text" inputmode="numeric" value={c.count.clone()}
                        oninput={edit(Edit::Count)} disabled={props.running}
                        aria-invalid={e.count.is_some().to_string()} aria-describedby="count-error" />
                }) }
                if c.preset == Preset::Random {
                    <div class="field">
                        <label for="seed">{ t.form.seed_label }</label>
                        <div class="inline">
                            <input id="seed" data-testid="seed" type="text" inputmode="numeric" value={c.seed.to_string()}
                                oninput={on_seed} disabled={props.running} />
                            <button type="button" class="secondary" onclick={on_new_seed} disabled={props.running}>{ t.form.new_seed }</button>
                        </div>
                    </div>
                }
            </div>
            { field(t, "latencies", t.form.latencies_label, Some(t.form.latencies_hint), &e.latencies, html! {
                <textarea id="latencies" data-testid="latencies" rows="2" value={c.latencies.clone()}
                    oninput={edit_latencies(&props.on_edit)} disabled={props.running} spellcheck="false"
                    aria-invalid={e.latencies.is_some().to_string()} aria-describedby="latencies-hint latencies-error" />
            }) }
            { field(t, "processing", t.form.processing_label, Some(t.form.processing_hint), &e.processing, html! {
                <input id="processing" data-testid="processing" type="text" value={c.processing.clone()}
                    oninput={edit(Edit::Processing)} disabled={props.running}
                    aria-invalid={e.processing.is_some().to_string()} aria-describedby="processing-hint processing-error" />
            }) }
            <fieldset class="source" disabled={props.running}>
                <legend>{ t.real.source_label }</legend>
                { for [SourceKind::Simulated, SourceKind::Real].into_iter().enumerate().map(|(i, source)| {
                    let on_edit = props.on_edit.clone();
                    html! {
                        <label class="source-option">
                            <input type="radio" name="source" value={source.key()} data-testid="source"
                                checked={c.source == source} onchange={Callback::from(move |_| on_edit.emit(Edit::Source(source)))} />
                            { t.real.source_names[i] }
                        </label>
                    }
                }) }
            </fieldset>
            if c.source == SourceKind::Real {
                { real_targets(props) }
            }
            <fieldset class="strategies" disabled={props.running}>
                <legend>{ t.form.strategy_label }</legend>
                { for modes.map(|mode| {
                    let on_edit = props.on_edit.clone();
                    let id = format!("mode-{}", mode.key());
                    let (name, blurb) = match mode {
                        Mode::Single(k) => (t.strategy_name(k), Some(t.strategy_blurb(k))),
                        Mode::Compare if props.compare_left_out => (t.form.compare_option_without_blocking, None),
                        Mode::Compare => (t.form.compare_option, None),
                    };
                    html! {
                        <label class={classes!("strategy", (mode == c.mode).then_some("checked"))} for={id.clone()}>
                            <input type="radio" name="mode" id={id} value={mode.key()} data-testid="mode"
                                checked={mode == c.mode} onchange={Callback::from(move |_| on_edit.emit(Edit::Mode(mode)))} />
                            <span class="strategy-name">{ name }</span>
                            if let Some(b) = blurb { <span class="strategy-blurb">{ b }</span> }
                        </label>
                    }
                }) }
                <p class="field-error" id="mode-error" data-testid="field-error" data-field="mode"
                    hidden={e.mode.is_none()} aria-live="polite">
                    { e.mode.as_ref().map(|e| t.field_error(e)).unwrap_or_default() }
                </p>
            </fieldset>
            if c.mode.uses_limit() {
                { field(t, "limit", t.form.limit_label, Some(t.form.limit_hint), &e.limit, html! {
                    <input id="limit" data-testid="limit" type="text" inputmode="numeric" value={c.limit.clone()}
                        oninput={edit(Edit::Limit)} disabled={props.running}
                        aria-invalid={e.limit.is_some().to_string()} aria-describedby="limit-hint limit-error" />
                }) }
            }
            <RunButtons t={t} presses={props.presses} compare_left_out={props.compare_left_out}
                submits=true eta={props.eta.clone()} guess_open={props.guess_open} on_guess={props.on_guess.clone()}
                on_run={props.on_run.clone()} on_compare={props.on_compare.clone()} on_cancel={props.on_cancel.clone()} />
        </form>
    }
}

/// Real requests: where they go, and how long each may take.
fn real_targets(props: &ControlsProps) -> Html {
    let t = props.t;
    let c = &props.config;
    let e = &props.errors;
    let chosen = if c.target_list.trim().is_empty() { TargetPreset::of_template(c.target.trim()) } else { None };
    let on_preset = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |ev: Event| {
            let value = ev.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(p) = value.parse::<usize>().ok().and_then(|i| TargetPreset::ALL.get(i)) {
                on_edit.emit(Edit::TargetPreset(*p));
            }
        })
    };
    let on_target = props.on_edit.reform(|ev: InputEvent| Edit::Target(input_value(&ev)));
    let on_list = props.on_edit.reform(|ev: InputEvent| Edit::TargetList(ev.target_unchecked_into::<HtmlTextAreaElement>().value()));
    let on_timeout = props.on_edit.reform(|ev: InputEvent| Edit::Timeout(input_value(&ev)));
    let target_error = e.targets.as_ref().map(|err| t.target_error(err));
    html! {
        <div class="real-targets">
            <div class="field">
                <label for="target-preset">{ t.real.targets_label }</label>
                <select id="target-preset" data-testid="target-preset" onchange={on_preset} disabled={props.running}>
                    { for TargetPreset::ALL.iter().enumerate().map(|(i, p)| html! {
                        <option value={i.to_string()} selected={chosen == Some(*p)}>{ t.real.target_presets[i] }</option>
                    }) }
                    <option value="custom" selected={chosen.is_none()}>{ t.real.target_presets[3] }</option>
                </select>
            </div>
            <div class={classes!("field", target_error.is_some().then_some("invalid"))}>
                <input id="target" data-testid="target" type="text" value={c.target.clone()} oninput={on_target}
                    disabled={props.running} spellcheck="false" aria-label={t.real.targets_label}
                    aria-describedby="target-hint target-error" />
                <p class="hint" id="target-hint">{ t.real.target_hint }</p>
                <label for="target-list" class="sub-label">{ t.real.target_list_label }</label>
                <textarea id="target-list" data-testid="target-list" rows="2" value={c.target_list.clone()} oninput={on_list}
                    disabled={props.running} spellcheck="false" aria-describedby="target-list-hint" />
                <p class="hint" id="target-list-hint">{ t.real.target_list_hint }</p>
                <p class="field-error" id="target-error" data-testid="field-error" data-field="targets"
                    hidden={target_error.is_none()} aria-live="polite">{ target_error.unwrap_or_default() }</p>
            </div>
            { field(t, "timeout", t.real.timeout_label, Some(t.real.timeout_hint), &e.timeout, html! {
                <input id="timeout" data-testid="timeout" type="text" inputmode="numeric" value={c.timeout.clone()}
                    oninput={on_timeout} disabled={props.running}
                    aria-invalid={e.timeout.is_some().to_string()} aria-describedby="timeout-hint timeout-error" />
            }) }
            <p class="hint real-note">{ t.real.real_note }</p>
        </div>
    }
}

/// A labelled field with its hint and, when wrong, its message right under it.
fn field(t: &Text, id: &str, label: &str, hint: Option<&str>, error: &Option<FieldError>, input: Html) -> Html {
    html! {
        <div class={classes!("field", error.is_some().then_some("invalid"))}>
            <label for={id.to_string()}>{ label.to_string() }</label>
            { input }
            if let Some(h) = hint { <p class="hint" id={format!("{id}-hint")}>{ h.to_string() }</p> }
            <p class="field-error" id={format!("{id}-error")} data-testid="field-error" data-field={id.to_string()}
                hidden={error.is_none()} aria-live="polite">
                { error.as_ref().map(|e| t.field_error(e)).unwrap_or_default() }
            </p>
        </div>
    }
}

fn input_value(ev: &InputEvent) -> String {
    ev.target_unchecked_into::<HtmlInputElement>().value()
}

fn edit_latencies(on_edit: &Callback<Edit>) -> Callback<InputEvent> {
    let on_edit = on_edit.clone();
    Callback::from(move |ev: InputEvent| on_edit.emit(Edit::Latencies(ev.target_unchecked_into::<HtmlTextAreaElement>().value())))
}
