//! Run, Compare (all four, or the other three), Cancel: inside the form, or on their own when the form is hidden.

use yew::prelude::*;

use crate::model::lab::screen::Presses;
use crate::text::Text;

#[derive(Properties, PartialEq)]
pub struct RunButtonsProps {
    pub t: &'static Text,
    /// Which buttons may be pressed (`AppState::presses`).
    pub presses: Presses,
    /// A comparison would leave blocking out: the button says so.
    #[prop_or_default]
    pub compare_left_out: bool,
    /// Inside the form Run is its submit button, so Enter in a field clicks it.
    #[prop_or_default]
    pub submits: bool,
    pub on_run: Callback<()>,
    pub on_compare: Callback<()>,
    pub on_cancel: Callback<()>,
    /// How long a press takes, by the model ("Run: about 1.1 s · Compare: about 3.8 s").
    #[prop_or_default]
    pub eta: Option<AttrValue>,
    /// The guess fields: `None` where the guess panel is off, else whether they show.
    #[prop_or_default]
    pub guess_open: Option<bool>,
    #[prop_or_default]
    pub on_guess: Callback<()>,
}

#[component]
pub fn RunButtons(props: &RunButtonsProps) -> Html {
    let t = props.t;
    // Runs on click, never through form submission: a sandboxed frame without allow-forms
    // blocks submission (and its submit event) but still clicks the default button on Enter.
    let run_click = props.on_run.reform(|ev: MouseEvent| {
        ev.prevent_default();
    });
    html! {
        <div class="actions">
            <button type={if props.submits { "submit" } else { "button" }} class="primary" data-testid="run"
                disabled={!props.presses.run} onclick={run_click}>{ t.form.run }</button>
            <button type="button" data-testid="compare" disabled={!props.presses.compare}
                onclick={props.on_compare.reform(|_| ())}>
                { if props.compare_left_out { t.form.compare_without_blocking } else { t.form.compare } }</button>
            <button type="button" class="secondary" data-testid="cancel" disabled={!props.presses.cancel}
                onclick={props.on_cancel.reform(|_| ())}>{ t.form.cancel }</button>
            if let Some(open) = props.guess_open {
                <button type="button" class="secondary" data-testid="guess-toggle" aria-pressed={open.to_string()}
                    onclick={props.on_guess.reform(|_| ())}>{ t.guess.toggle }</button>
            }
            if let Some(eta) = &props.eta {
                <p class="eta" data-testid="eta">{ eta.clone() }</p>
            }
        </div>
    }
}
