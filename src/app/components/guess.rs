//! "Guess first": a field per strategy beside Run, and after the run each guess beside what
//! was measured and predicted.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::guess::GuessResult;
use crate::model::number::fixed;
use crate::model::strategy::StrategyKind;
use crate::model::Strategy;
use crate::text::Text;

#[derive(Properties, PartialEq)]
pub struct GuessFieldsProps {
    pub t: &'static Text,
    /// The strategies the next run makes.
    pub strategies: Vec<Strategy>,
    /// The fields' text, by strategy kind.
    pub text: [String; 4],
    pub disabled: bool,
    /// Focus the first field once shown (a link that poses the question).
    #[prop_or_default]
    pub autofocus: bool,
    pub on_input: Callback<(StrategyKind, String)>,
}

#[component]
pub fn GuessFields(props: &GuessFieldsProps) -> Html {
    let t = props.t;
    let first = use_node_ref();
    {
        let first = first.clone();
        use_effect_with(props.autofocus, move |&autofocus| {
            if autofocus {
                if let Some(input) = first.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                }
            }
        });
    }
    html! {
        <fieldset class="guess-fields" disabled={props.disabled}>
            <legend>{ t.guess.prompt }</legend>
            { for props.strategies.iter().enumerate().map(|(i, &strategy)| {
                let kind = strategy.kind();
                let index = kind.index();
                let id = format!("guess-{}", kind.key());
                let on_input = props.on_input.reform(move |e: InputEvent| (kind, e.target_unchecked_into::<HtmlInputElement>().value()));
                let invalid = crate::model::guess::parse(&props.text[index]).is_err();
                html! {
                    <label class={classes!("guess-field", invalid.then_some("invalid"))} for={id.clone()}>
                        <span>{ t.strategy_short(strategy) }</span>
                        <input id={id} type="text" inputmode="numeric" data-testid="guess" data-strategy={kind.key()}
                            ref={if i == 0 { first.clone() } else { NodeRef::default() }}
                            value={props.text[index].clone()} oninput={on_input} aria-invalid={invalid.to_string()}
                            autocomplete="off" placeholder={t.unit_ms} />
                    </label>
                }
            }) }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct GuessResultsProps {
    pub t: &'static Text,
    pub results: Vec<GuessResult>,
}

#[component]
pub fn GuessResults(props: &GuessResultsProps) -> Html {
    let t = props.t;
    html! {
        <section class="guess-results" aria-labelledby="guess-heading">
            <h2 id="guess-heading">{ t.guess.heading }</h2>
            <ul>
                { for props.results.iter().map(|g| html! {
                    <li data-testid="guess-result" data-strategy={g.strategy.kind().key()}
                        data-guess-ms={fixed(g.guess, 1)} data-measured-ms={fixed(g.measured, 1)}
                        class={classes!(g.spot_on().then_some("spot-on"))}>
                        { t.guess_result(g) }
                    </li>
                }) }
            </ul>
        </section>
    }
}
