//! The scenario as one line with an Edit button: how an embed (and a phone) shows the form
//! until the reader wants it.

use yew::prelude::*;

use crate::model::Scenario;
use crate::text::Text;

#[derive(Properties, PartialEq)]
pub struct ScenarioLineProps {
    pub t: &'static Text,
    /// The form's scenario when it is valid.
    pub scenario: Option<std::rc::Rc<Scenario>>,
    pub open: bool,
    pub on_toggle: Callback<()>,
}

#[component]
pub fn ScenarioLine(props: &ScenarioLineProps) -> Html {
    let t = props.t;
    let line = props.scenario.as_ref().map(|s| t.scenario_line(s)).unwrap_or_default();
    html! {
        <div class="scenario-line">
            <span class="scenario-text" data-testid="scenario-line" title={line.clone()}>{ line }</span>
            <button type="button" class="secondary" data-testid="edit-scenario" aria-expanded={props.open.to_string()}
                aria-controls="controls" onclick={props.on_toggle.reform(|_| ())}>
                { if props.open { t.glance.close_scenario } else { t.glance.edit_scenario } }
            </button>
        </div>
    }
}
