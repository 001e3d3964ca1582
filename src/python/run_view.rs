//! What a run of the program shows, below the editor: the status line (and, where no worker may
//! start, the way to the full page), the progress bar, the error, the total beside the
//! prediction, the lanes with the event loop at a moment and the steps, and the output.

use std::rc::Rc;

use yew::prelude::*;

use super::lanes::Lanes;
use super::moment_view::MomentView;
use super::steps::Steps;
use crate::model::number::fixed;
use crate::model::python::moment::changes;
use crate::model::python::panel::PyState;
use crate::model::python::screen::PyScreen;
use crate::model::python::UNPACKED_BYTES;
use crate::text::python::PyText;

#[derive(Properties, PartialEq)]
pub struct RunViewProps {
    pub t: &'static PyText,
    pub state: Rc<PyState>,
    pub screen: Rc<PyScreen>,
    /// The lab's full page, which carries the program (as of the last change of the address).
    pub full_page: Rc<str>,
    /// A press of the full page's link: its href is brought up to date first.
    pub on_full_page: Callback<web_sys::HtmlAnchorElement>,
    pub on_at: Callback<f64>,
}

#[component]
pub fn RunView(props: &RunViewProps) -> Html {
    let (t, state, screen) = (props.t, &props.state, &props.screen);
    let on_full_page = props.on_full_page.reform(|e: MouseEvent| e.target_unchecked_into::<web_sys::HtmlAnchorElement>());
    html! {
        <>
            <p data-testid="py-status" data-state={state.state_key()} data-load-ms={state.load_ms.map(|ms| fixed(ms, 1))} data-runs={state.runs.to_string()} role="status" class="py-status">{ t.status(&screen.status) }</p>
            if screen.no_worker {
                <p><a class="open-full" href={props.full_page.to_string()} target="_blank" rel="noopener" data-testid="py-open-full-page" onclick={on_full_page}>{ t.status.open_full_page }</a></p>
            }
            if let Some(bytes) = screen.loading {
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
                    if let Some(predicted) = screen.predicted_ms { { " · " }{ t.predicted(predicted) } }
                </p>
            }
            if let Some(ms) = screen.hidden_ms {
                <p data-testid="py-hidden-run" data-hidden-ms={fixed(ms, 1)} class="hidden-run" role="note">{ t.hidden_run(ms) }</p>
            }
            if !screen.lanes.is_empty() {
                <Lanes t={t} lanes={screen.lanes.clone()} span_ms={screen.span_ms} cursor={screen.cursor} />
            }
            if screen.explained {
                <MomentView t={t} lanes={screen.lanes.clone()} at_ms={screen.at_ms} span_ms={screen.span_ms} on_at={props.on_at.clone()} />
                <Steps t={t} lanes={screen.lanes.clone()} changes={Rc::new(changes(&screen.lanes))} at_ms={screen.at_ms} on_at={props.on_at.clone()} />
            }
            if state.trace.truncated { <p class="hint">{ t.truncated }</p> }
            <section class="py-output" aria-labelledby="py-output-heading">
                <h3 id="py-output-heading">{ t.output_heading }</h3>
                <pre data-testid="py-output" tabindex="0" aria-labelledby="py-output-heading">
                    if state.output.is_empty() { <span class="hint">{ t.no_output }</span> }
                    { for state.output.iter().map(|(line, err)| html! { <span class={classes!(err.then_some("err"))}>{ line }{ "\n" }</span> }) }
                </pre>
            </section>
        </>
    }
}
