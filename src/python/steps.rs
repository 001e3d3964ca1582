//! The Python run step by step (as the lab's step table): every change of every task in time
//! order — a task runs, awaits what at which line, is ready, blocks the thread, ends. The row of
//! the moment shown is marked; a row's time moves the moment there, so the table, the lanes'
//! line and the event loop in words always show one moment.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::number::fixed;
use crate::model::python::moment::{current, Change};
use crate::model::python::timeline::Lane;
use crate::text::python::PyText;

/// Rows drawn at most, around the moment shown: a run of a thousand tasks makes thousands.
pub const MAX_ROWS: usize = 200;

#[derive(Properties, PartialEq)]
pub struct StepsProps {
    pub t: &'static PyText,
    pub lanes: Rc<Vec<Lane>>,
    pub changes: Rc<Vec<Change>>,
    pub at_ms: f64,
    pub on_at: Callback<f64>,
}

#[component]
pub fn Steps(props: &StepsProps) -> Html {
    let t = props.t;
    let now = current(&props.changes, props.at_ms);
    let first = now.unwrap_or(0).saturating_sub(MAX_ROWS / 2).min(props.changes.len().saturating_sub(MAX_ROWS));
    let shown = &props.changes[first..(first + MAX_ROWS).min(props.changes.len())];
    // Keep the marked row in view inside the table's own scroll (never the page's).
    let scroller = use_node_ref();
    {
        let scroller = scroller.clone();
        use_effect_with(now, move |_| {
            let Some(box_) = scroller.cast::<web_sys::HtmlElement>() else { return };
            let Ok(Some(row)) = box_.query_selector("[aria-current]") else { return };
            let Ok(row) = row.dyn_into::<web_sys::HtmlElement>() else { return };
            let (top, height) = (row.offset_top(), row.offset_height());
            if top < box_.scroll_top() || top + height > box_.scroll_top() + box_.client_height() {
                box_.set_scroll_top(top - box_.client_height() / 2);
            }
        });
    }
    html! {
        <section class="steps py-steps" aria-labelledby="py-steps-heading">
            <h3 id="py-steps-heading">{ t.steps.heading }</h3>
            <div class="py-steps-scroll" ref={scroller} tabindex="0">
                <table data-testid="py-steps">
                    <thead><tr>
                        <th scope="col" class="num">{ t.steps.columns[0] }</th>
                        <th scope="col">{ t.steps.columns[1] }</th>
                        <th scope="col">{ t.steps.columns[2] }</th>
                    </tr></thead>
                    <tbody>
                        { for shown.iter().enumerate().map(|(i, change)| {
                            let marked = now == Some(first + i);
                            let name = props.lanes.get(change.lane).map_or("?", |l| l.name.as_str());
                            let to = change.at_ms;
                            let on_at = props.on_at.reform(move |_: MouseEvent| to);
                            html! {
                                <tr data-testid="py-step" data-at-ms={fixed(change.at_ms, 1)} data-task={name.to_string()} data-kind={change.kind.key()}
                                    class={classes!(marked.then_some("current"))} aria-current={marked.then_some("step")}>
                                    <td class="num"><button type="button" onclick={on_at}>{ t.base.total(change.at_ms) }</button></td>
                                    <td>{ name }</td>
                                    <td>{ t.change(change) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            if props.changes.len() > MAX_ROWS {
                <p class="hint">{ t.steps_window(first + 1, first + shown.len(), props.changes.len()) }</p>
            }
        </section>
    }
}
