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

/// Rows drawn at most: a run of 10,000 requests has some 30,000 steps, and a table that long
/// would make every frame of the page slow. The replay controls move through all of them.
const MAX_ROWS: usize = 60;

#[component]
pub fn StepTable(props: &StepTableProps) -> Html {
    let t = props.t;
    let n = props.steps.len();
    let shown = crate::model::axis::window(n, props.current, MAX_ROWS);
    let note = (shown.len() < n).then(|| {
        crate::text::fill(t.steps_window, &[&t.int((shown.start + 1) as f64), &t.int(shown.end as f64), &t.int(n as f64)])
    });
    html! {
        <section class="steps" aria-labelledby="steps-heading" data-testid="steps" data-current-step={props.current.to_string()}>
            <h3 id="steps-heading">{ t.steps_heading }</h3>
            <table>
                <thead><tr>
                    <th scope="col" class="num">{ t.col_step }</th>
                    <th scope="col">{ t.col_what }</th>
                    <th scope="col" class="num">{ t.col_when }</th>
                </tr></thead>
                <tbody>
                { for props.steps[shown.clone()].iter().zip(shown.clone()).map(|(step, i)| {
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
            if let Some(note) = note {
                <p class="steps-note" data-testid="steps-window">{ note }</p>
            }
        </section>
    }
}
