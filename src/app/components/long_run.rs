//! Before a run predicted to take over a minute: how long, run it all, only the quick
//! strategies, or back.

use yew::prelude::*;

use crate::model::plan::Plan;
use crate::model::Strategy;
use crate::text::{fill, Text};

#[derive(Properties, PartialEq)]
pub struct LongRunProps {
    pub t: &'static Text,
    pub plan: Plan,
    pub on_run: Callback<Vec<Strategy>>,
    pub on_back: Callback<()>,
}

#[component]
pub fn LongRun(props: &LongRunProps) -> Html {
    let t = props.t;
    let all = props.plan.strategies.clone();
    let quick = props.plan.quick();
    let quick_ms: f64 = props.plan.strategies.iter().zip(&props.plan.predicted).filter(|(s, _)| quick.contains(s)).map(|(_, ms)| ms).sum();
    let on_all = props.on_run.reform(move |_| all.clone());
    let quick_label = fill(t.confirm.quick, &[&t.strategy_list(&quick), &t.total(quick_ms)]);
    let on_quick = props.on_run.reform({
        let quick = quick.clone();
        move |_| quick.clone()
    });
    html! {
        <div class="long-run" role="alertdialog" aria-labelledby="long-run-text" data-testid="long-run">
            <p id="long-run-text">{ fill(t.confirm.long, &[&t.total(props.plan.length_ms())]) }</p>
            <div class="actions">
                if !quick.is_empty() && quick.len() < props.plan.strategies.len() {
                    <button type="button" class="primary" data-testid="confirm-quick" onclick={on_quick}>{ quick_label }</button>
                }
                <button type="button" data-testid="confirm-run" onclick={on_all}>{ t.confirm.run }</button>
                <button type="button" class="secondary" data-testid="confirm-back" onclick={props.on_back.reform(|_| ())}>{ t.confirm.back }</button>
            </div>
        </div>
    }
}
