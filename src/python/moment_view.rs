//! The event loop at a moment of the Python run, with step back and forward from one edge of a
//! segment to the next and a slider over the run (as the lab's replay): which task holds the
//! thread, which are ready, which await what, at which line. The lanes draw the moment as a line.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::number::fixed;
use crate::model::python::moment::{edges, moment, step};
use crate::model::python::timeline::Lane;
use crate::text::python::PyText;

#[derive(Properties, PartialEq)]
pub struct MomentProps {
    pub t: &'static PyText,
    pub lanes: Rc<Vec<Lane>>,
    pub at_ms: f64,
    pub span_ms: f64,
    pub on_at: Callback<f64>,
}

#[component]
pub fn MomentView(props: &MomentProps) -> Html {
    let t = props.t;
    let edges = Rc::new(edges(&props.lanes));
    let m = moment(&props.lanes, props.at_ms);
    let back = step(&edges, props.at_ms, false);
    let forward = step(&edges, props.at_ms, true);
    let go = |to: Option<f64>| {
        let on_at = props.on_at.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(to) = to {
                on_at.emit(to);
            }
        })
    };
    let on_scrub = {
        let on_at = props.on_at.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(ms) = input.value().parse::<f64>() {
                on_at.emit(ms);
            }
        })
    };
    html! {
        <section class="py-moment" data-testid="py-moment" data-at-ms={fixed(props.at_ms, 1)} aria-labelledby="py-moment-heading">
            <h3 id="py-moment-heading">{ t.moment.heading }</h3>
            <div class="py-moment-controls">
                <button type="button" data-testid="py-step-back" onclick={go(back)} disabled={back.is_none()}>{ t.moment.step_back }</button>
                <input type="range" data-testid="py-scrub" aria-label={t.moment.scrub} min="0" max={fixed(props.span_ms, 1)} step="0.1"
                    value={fixed(props.at_ms, 1)} oninput={on_scrub} />
                <button type="button" data-testid="py-step-forward" onclick={go(forward)} disabled={forward.is_none()}>{ t.moment.step_forward }</button>
            </div>
            <p aria-live="polite">
                { for t.moment(&m, &props.lanes).into_iter().map(|sentence| html! { <>{ sentence }{ " " }</> }) }
            </p>
        </section>
    }
}
