//! "Why: step by step": the sequence diagram, the event loop with the replay's controls, the step
//! table and the code, all at one moment of the shown strategy's run (or its prediction).

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::code_panel::CodePanel;
use crate::app::components::event_loop::EventLoop;
use crate::app::components::sequence_diagram::SequenceDiagram;
use crate::app::components::step_table::StepTable;
use crate::model::explain::{Explanation, Step};
use crate::model::lab::screen::current_step;
use crate::model::lab::{Replay, ReplayAction};
use crate::model::presentation::Panels;
use crate::model::Strategy;
use crate::text::Text;

#[derive(Properties, PartialEq)]
pub struct ExplainSectionProps {
    pub t: &'static Text,
    pub explanation: Rc<Explanation>,
    pub strategy: Strategy,
    /// Explained from a completed measurement (else from the prediction).
    pub measured: bool,
    pub panels: Panels,
    /// The moment shown (`AppState::moment`).
    pub moment: f64,
    pub replay: Replay,
    /// The step stepped to (`AppState::stepped`), else the moment's own is shown.
    pub stepped: Option<usize>,
    pub on_replay: Callback<ReplayAction>,
    #[prop_or_default]
    pub on_open_in_python: Callback<String>,
}

#[component]
pub fn ExplainSection(props: &ExplainSectionProps) -> Html {
    let t = props.t;
    let e = &props.explanation;
    let (moment, total) = (props.moment, e.total);
    let steps: Rc<Vec<Step>> = (*use_memo(e.clone(), |e| Rc::new(e.steps()))).clone();
    let current_step = current_step(props.stepped, e.step_at(&steps, moment), steps.len());
    let seek = props.on_replay.reform(|(t, step): (f64, Option<usize>)| ReplayAction::Seek { t, step });
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
    let on_toggle = props.on_replay.reform(move |()| ReplayAction::Toggle { total });
    let on_speed = props.on_replay.reform(ReplayAction::Speed);
    let panels = props.panels;
    html! {
        <section class="explain" aria-labelledby="explain-heading" data-testid="explain">
            <h2 id="explain-heading">{ t.explain.explain_heading }</h2>
            <p class="explain-source">
                { if props.measured { t.explain.explain_from_trace } else { t.explain.explain_from_prediction } }
                { " " }<strong>{ t.strategy_short(props.strategy) }</strong>
            </p>
            <div class="explain-grid">
                if panels.sequence {
                    <SequenceDiagram t={t} explanation={e.clone()} moment={moment} />
                }
                if panels.eventloop {
                    <EventLoop t={t} state={e.state_at(moment)} moment={moment} total={total}
                        playing={props.replay.playing} speed={props.replay.speed}
                        on_back={on_back} on_forward={on_forward} on_toggle={on_toggle}
                        on_speed={on_speed} on_scrub={on_scrub} />
                }
                if panels.steps {
                    <StepTable t={t} steps={steps.clone()} current={current_step} on_pick={on_step_pick} />
                }
                if panels.code {
                    <CodePanel t={t} kind={props.strategy.kind()} role={e.code_role(moment)} python={panels.python}
                        on_open_in_python={props.on_open_in_python.clone()} />
                }
            </div>
        </section>
    }
}
