//! "Run it in Python": the lab's side of the Python panel. Before it is opened, a heading, a line
//! of what it is and what it downloads, and a button; the panel itself (its own module) mounts
//! into the element below (`hooks::use_python_panel`), which this component never redraws.

use yew::prelude::*;

use crate::app::hooks::PanelState;
use crate::text::{fill, Text};

#[derive(Properties, PartialEq)]
pub struct PythonEntryProps {
    pub t: &'static Text,
    pub state: PanelState,
    pub host: NodeRef,
    pub on_open: Callback<()>,
}

#[component]
pub fn PythonEntry(props: &PythonEntryProps) -> Html {
    let t = props.t;
    let on_open = props.on_open.reform(|_: MouseEvent| ());
    let open_button = html! { <button type="button" data-testid="python-open" onclick={on_open}>{ t.python_open }</button> };
    let before = match &props.state {
        PanelState::Closed => open_button,
        PanelState::Opening => html! { <p role="status">{ t.python_opening }</p> },
        PanelState::Failed(why) => html! { <><p class="field-error" role="alert">{ fill(t.python_failed, &[why]) }</p>{ open_button }</> },
        PanelState::Open => Html::default(),
    };
    html! {
        <section class="python" aria-labelledby="python-heading" data-testid="python">
            <h2 id="python-heading">{ t.python_heading }</h2>
            <p class="python-lead">{ t.python_lead }</p>
            { before }
            <div class="python-host" ref={props.host.clone()} />
        </section>
    }
}
