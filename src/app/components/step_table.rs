//! The note's numbered steps for the shown run; the step of the current moment is marked.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::explain::Step;
use crate::text::Text;

#[derive(Properties, PartialEq)]
pub struct StepTableProps {
    pub t: &'static Text,
    pub steps: Rc<Vec<Step>>,
    pub current: usize,
    pub on_pick: Callback<usize>,
}

#[component]
pub fn StepTable(props: &StepTableProps) -> Html {
    let t = props.t;
    html! {
        <section class="steps" aria-labelledby="steps-heading" data-testid="steps" data-current-step={props.current.to_string()}>
            <h3 id="steps-heading">{ t.explain.steps_heading }</h3>
            <table>
                <thead><tr>
                    <th scope="col" class="num">{ t.explain.col_step }</th>
                    <th scope="col">{ t.explain.col_what }</th>
                    <th scope="col" class="num">{ t.explain.col_when }</th>
                </tr></thead>
                <tbody>
                { for props.steps.iter().enumerate().map(|(i, step)| {
                    let current = i == props.current;
                    let on_pick = props.on_pick.clone();
                    html! {
                        <tr data-testid="step" data-index={i.to_string()} data-at-ms={crate::model::number::fixed(step.at, 1)}
                            class={classes!(current.then_some("current"))}
                            aria-current={current.then_some("step")}
                            onclick={Callback::from(move |_| on_pick.emit(i))}>
                            <td class="num">{ i + 1 }</td>
                            <td>{ t.step(&step.kind) }</td>
                            <td class="num">{ t.ms(step.at) }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </section>
    }
}
