//! The program for the shown strategy in Python, Rust and JavaScript, with the line the one
//! thread is on at the current moment lit.

use yew::prelude::*;

use crate::model::code::{current_line, listing, runnable_python, CodeLang};
use crate::model::explain::CodeRole;
use crate::model::strategy::StrategyKind;
use crate::text::Text;

#[derive(Properties, PartialEq)]
pub struct CodePanelProps {
    pub t: &'static Text,
    pub kind: StrategyKind,
    pub role: CodeRole,
    /// The Python panel is on the page: the Python listing can open there, runnable.
    pub python: bool,
    /// "Open in Python": the strategy's program, whole, for the Python panel.
    #[prop_or_default]
    pub on_open_in_python: Callback<String>,
}

#[component]
pub fn CodePanel(props: &CodePanelProps) -> Html {
    let t = props.t;
    // Which tab is open is this panel's own business.
    let open = use_state(|| CodeLang::Python);
    html! {
        <section class="code-panel" aria-labelledby="code-heading">
            <h3 id="code-heading">{ t.explain.code_heading }</h3>
            <div class="tabs" role="tablist">
                { for CodeLang::ALL.iter().map(|&lang| {
                    let open_setter = open.clone();
                    html! {
                        <button type="button" role="tab" aria-selected={(*open == lang).to_string()}
                            data-code-tab={lang.key()} onclick={Callback::from(move |_| open_setter.set(lang))}>
                            { t.code_lang_name(lang) }
                        </button>
                    }
                }) }
            </div>
            { for CodeLang::ALL.iter().map(|&lang| {
                let current = current_line(props.kind, lang, props.role);
                html! {
                    <pre data-testid="code" data-lang={lang.key()} hidden={*open != lang} role="tabpanel"
                        tabindex="0" aria-label={t.code_lang_name(lang)}
                        data-current-line={current.map(|l| l.to_string())}><code>
                        { for listing(props.kind, lang).iter().enumerate().map(|(i, (line, _))| html! {
                            <span class={classes!("line", (Some(i) == current).then_some("current"))}>{ *line }{ "\n" }</span>
                        }) }
                    </code></pre>
                }
            }) }
            if props.python && *open == CodeLang::Python {
                <button type="button" class="open-in-python" data-testid="open-in-python" onclick={{
                    let kind = props.kind;
                    props.on_open_in_python.reform(move |_| runnable_python(kind))
                }}>{ t.explain.open_in_python }</button>
            }
        </section>
    }
}
