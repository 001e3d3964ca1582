//! What was wrong with the link, named parameter by parameter.

use yew::prelude::*;

use crate::model::url_state::Notice;
use crate::text::Text;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub t: &'static Text,
    pub notices: Vec<Notice>,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    let t = props.t;
    html! {
        <section class="notices" data-testid="notice" role="alert">
            <h2>{ t.errors.notices_heading }</h2>
            <ul>
                { for props.notices.iter().map(|n| html! {
                    <li data-param={n.param}>{ t.notice(n) }</li>
                }) }
            </ul>
            <button type="button" class="secondary" onclick={props.on_dismiss.reform(|_| ())}>{ t.errors.dismiss }</button>
        </section>
    }
}
