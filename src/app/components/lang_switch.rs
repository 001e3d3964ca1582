//! English | Русский: the page's language, kept in the link.

use yew::prelude::*;

use crate::model::presentation::Lang;
use crate::text::Text;

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub t: &'static Text,
    pub current: Lang,
    pub on_change: Callback<Lang>,
}

#[component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let t = props.t;
    html! {
        <div class="lang-switch" role="group" aria-label={t.page.language_label} data-testid="lang">
            { for Lang::ALL.iter().map(|&lang| {
                let on_change = props.on_change.clone();
                html! {
                    <button type="button" lang={lang.key()} data-lang={lang.key()}
                        aria-pressed={(lang == props.current).to_string()}
                        onclick={Callback::from(move |_| on_change.emit(lang))}>
                        { t.language_name(lang) }
                    </button>
                }
            }) }
        </div>
    }
}
