//! The event loop at the current moment, and the replay controls that move the moment.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::model::explain::LoopState;
use crate::model::lab::SPEEDS;
use crate::model::number::fixed;
use crate::text::Text;

#[derive(Properties, PartialEq)]
pub struct EventLoopProps {
    pub t: &'static Text,
    pub state: LoopState,
    pub moment: f64,
    pub total: f64,
    pub playing: bool,
    pub speed: f64,
    pub on_back: Callback<()>,
    pub on_forward: Callback<()>,
    pub on_toggle: Callback<()>,
    pub on_speed: Callback<f64>,
    pub on_scrub: Callback<f64>,
}

/// More chips than this and the rest is counted, not drawn.
const CHIPS: usize = 24;

fn chips(t: &Text, ids: &[usize], class: &'static str) -> Html {
    if ids.is_empty() {
        return html! { <span class="muted">{ t.explain.loop_empty }</span> };
    }
    html! {
        <>
            { for ids.iter().take(CHIPS).map(|i| html! { <span class={classes!("chip", class)}>{ format!("#{}", i + 1) }</span> }) }
            if ids.len() > CHIPS { <span class="muted">{ format!("+{}", ids.len() - CHIPS) }</span> }
        </>
    }
}

#[component]
pub fn EventLoop(props: &EventLoopProps) -> Html {
    let t = props.t;
    let s = &props.state;
    let onkeydown = {
        let (back, forward, toggle) = (props.on_back.clone(), props.on_forward.clone(), props.on_toggle.clone());
        Callback::from(move |e: KeyboardEvent| {
            // Keys typed into the speed list or the slider keep their own meaning.
            let in_control = e.target_dyn_into::<HtmlSelectElement>().is_some() || e.target_dyn_into::<HtmlInputElement>().is_some();
            match e.key().as_str() {
                " " if !in_control => {
                    e.prevent_default();
                    toggle.emit(());
                }
                "ArrowLeft" if !in_control => {
                    e.prevent_default();
                    back.emit(());
                }
                "ArrowRight" if !in_control => {
                    e.prevent_default();
                    forward.emit(());
                }
                _ => {}
            }
        })
    };
    // Whole numbers both (the slider steps by 1 ms; a speed is its place in SPEEDS): no float
    // parser in the download.
    let on_scrub =
        props.on_scrub.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value().parse::<u32>().map_or(0.0, f64::from));
    let on_speed = props.on_speed.reform(|e: Event| {
        let index = e.target_unchecked_into::<HtmlSelectElement>().value().parse::<usize>().ok();
        index.and_then(|i| SPEEDS.get(i).copied()).unwrap_or(1.0)
    });
    html! {
        <section class="event-loop" tabindex="0" onkeydown={onkeydown} aria-labelledby="loop-heading"
            data-testid="event-loop" data-moment-ms={fixed(props.moment, 1)}>
            <h3 id="loop-heading">{ t.explain.loop_heading }</h3>
            <div class="replay">
                <button type="button" data-testid="replay-back" onclick={props.on_back.reform(|_| ())}
                    >{ "← " }{ t.explain.replay_back }</button>
                <button type="button" class="primary" data-testid="replay-play" onclick={props.on_toggle.reform(|_| ())}
                    aria-pressed={props.playing.to_string()}>
                    { if props.playing { t.explain.replay_pause } else { t.explain.replay_play } }
                </button>
                <button type="button" data-testid="replay-forward" onclick={props.on_forward.reform(|_| ())}
                    >{ t.explain.replay_forward }{ " →" }</button>
                <label class="speed">
                    <span>{ t.explain.replay_speed }</span>
                    <select data-testid="replay-speed" onchange={on_speed}>
                        { for SPEEDS.iter().enumerate().map(|(i, &v)| html! {
                            <option value={i.to_string()} selected={v == props.speed}>{ format!("{}×", t.decimal(v, if v < 1.0 { 2 } else { 0 })) }</option>
                        }) }
                    </select>
                </label>
            </div>
            <label class="scrub">
                <span>{ t.explain.replay_moment }{ ": " }<strong>{ t.total(props.moment) }</strong></span>
                <input type="range" min="0" max={fixed(props.total.max(1.0), 0)} step="1"
                    value={fixed(props.moment, 0)} oninput={on_scrub} data-testid="replay-scrub" />
            </label>
            <dl class="loop-state">
                <dt>{ t.explain.loop_thread }</dt>
                <dd class="thread" data-testid="thread-state">{ t.thread(s.thread) }</dd>
                <dt>{ t.explain.loop_waiting }</dt>
                <dd>{ chips(t, &s.waiting, "waiting") }</dd>
                <dt>{ t.explain.loop_ready }</dt>
                <dd>{ chips(t, &s.ready, "ready") }</dd>
                <dt>{ t.explain.loop_done }</dt>
                <dd>{ t.int(s.done as f64) }</dd>
                <dt>{ t.explain.loop_not_sent }</dt>
                <dd>{ t.int(s.not_sent as f64) }</dd>
            </dl>
            <p class="hint">{ t.explain.replay_keys }</p>
        </section>
    }
}
