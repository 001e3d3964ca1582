//! The lab's section for the Python panel: its heading, the host element the panel's own module
//! mounts into (`hooks::use_python_host`), the note it opens with, and the button that opens it.

use yew::prelude::*;

use crate::text::Text;

#[derive(Properties, PartialEq)]
pub struct PythonSectionProps {
    pub t: &'static Text,
    /// The host the panel mounts into.
    pub host: NodeRef,
    /// The full page's link, for a panel that cannot run here (a sandboxed embed).
    pub full_page: AttrValue,
    pub on_open: Callback<MouseEvent>,
}

#[component]
pub fn PythonSection(props: &PythonSectionProps) -> Html {
    let t = props.t;
    html! {
        <section class="python" aria-labelledby="python-heading" data-testid="python">
            <h2 id="python-heading">{ t.explain.python_heading }</h2>
            <p class="python-lead">{ t.explain.python_lead }</p>
            <div class="python-host" ref={props.host.clone()} data-full-page={props.full_page.clone()} />
            <p class="python-note" role="status" />
            <button type="button" data-testid="python-open" onclick={props.on_open.clone()}>{ t.explain.python_open }</button>
        </section>
    }
}
