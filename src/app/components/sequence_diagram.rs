//! The note's client–server picture, generated from the run: time flows down, an arrow per
//! request and per response, and the client's waiting drawn as blocked or as awaiting.

use std::rc::Rc;

use crate::app::components::picture_menu::picture_menu;
use yew::prelude::*;

use crate::model::explain::Explanation;
use crate::model::number::{fixed, short};
use crate::model::sequence::{Place, SequenceShape, REST_BAND};
use crate::model::Strategy;
use crate::text::Text;

#[derive(Properties, PartialEq)]
pub struct SequenceDiagramProps {
    pub t: &'static Text,
    pub explanation: Rc<Explanation>,
    pub moment: f64,
}

const TOP: f64 = 34.0;
const BOTTOM: f64 = 14.0;
const CLIENT_X: f64 = 22.0; // % of the width
const SERVER_X: f64 = 78.0;
/// Up to this many requests, each request arrow has its number beside it.
const MAX_LABELLED: usize = 12;
/// The least vertical distance between two labelled arrows: one line of their 10 px labels.
const LABEL_GAP: f64 = 12.0;

#[component]
pub fn SequenceDiagram(props: &SequenceDiagramProps) -> Html {
    let t = props.t;
    let e = &props.explanation;
    let n = e.timings.len();
    // Past MAX_ARROWS requests, the first ones on their own time scale and the rest summed up.
    let shape = SequenceShape::of(&e.timings, e.total);
    let drawn_h = (220.0 + 14.0 * shape.drawn as f64).min(560.0);
    let height = drawn_h + if shape.rest.is_some() { REST_BAND } else { 0.0 };
    let y = |ms: f64| match shape.place(ms) {
        Place::Drawn(f) => TOP + f * (drawn_h - TOP - BOTTOM),
        Place::Rest => height - 8.0,
    };
    let pct = |x: f64| format!("{}%", short(x));
    let blocking = e.strategy == Strategy::Blocking;
    let wait_class = if blocking { "seq-blocked" } else { "seq-awaiting" };

    let client_spans = (0..shape.drawn).map(|i| {
        let timing = &e.timings[i];
        let processing = e.processing.get(i).copied().unwrap_or(0.0);
        let proc_start = (timing.end - processing).max(timing.response);
        html! {
            <>
                <rect class={wait_class} x={pct(CLIENT_X - 2.5)} width="5%" y={short(y(timing.start))}
                    height={short((y(timing.response) - y(timing.start)).max(0.5))} />
                if timing.end > proc_start {
                    <rect class={classes!("seq-proc", (y(timing.end) - y(proc_start) >= 4.0).then_some("outlined"))} x={pct(CLIENT_X - 2.5)} width="5%" y={short(y(proc_start))}
                        height={short((y(timing.end) - y(proc_start)).max(1.0))} />
                }
                <rect class="seq-server-work" x={pct(SERVER_X - 1.0)} width="2%" y={short(y(timing.start))}
                    height={short((y(timing.response) - y(timing.start)).max(0.5))} />
            </>
        }
    });
    // Requests sent at the same moment would draw one arrow over another: keep them a few
    // pixels apart so each can be seen (the lanes still show the true times), a line of text
    // apart where each arrow has its label.
    let labelled = n <= MAX_LABELLED;
    let gap = if labelled { LABEL_GAP } else { 6.0 };
    let mut last_sent = f64::NEG_INFINITY;
    let sent_y: Vec<f64> = e
        .timings
        .iter()
        .take(shape.drawn)
        .map(|timing| {
            last_sent = y(timing.start).max(last_sent + gap);
            last_sent
        })
        .collect();
    let arrows = e.timings.iter().enumerate().take(shape.drawn).map(|(i, timing)| {
        let (sent, answered) = (sent_y[i], y(timing.response));
        let label_y = sent + 10.0;
        html! {
            <g class="seq-pair" data-index={i.to_string()}>
                <line class="seq-request" x1={pct(CLIENT_X + 2.5)} x2={pct(SERVER_X - 1.0)}
                    y1={short(sent)} y2={short(sent + 4.0)} marker-end="url(#seq-arrow)" />
                <line class="seq-response" x1={pct(SERVER_X - 1.0)} x2={pct(CLIENT_X + 2.5)}
                    y1={short(answered)} y2={short(answered + 4.0)} marker-end="url(#seq-arrow)" />
                if labelled {
                    <text class="seq-label" x={pct(SERVER_X - 4.0)} y={short(label_y)} text-anchor="end">
                        { format!("#{}", i + 1) }
                    </text>
                }
            </g>
        }
    });
    let cursor = y(props.moment);
    // Say what is summed up, under the diagram and in it.
    let note = shape.rest.map(|rest| t.sequence_note(shape.drawn, rest.requests));
    let rest = shape.rest.map(|rest| {
        html! {
            <g class="seq-rest" data-testid="sequence-rest" data-requests={rest.requests.to_string()}>
                <line class="seq-break" x1="2%" x2="98%" y1={short(drawn_h - 4.0)} y2={short(drawn_h - 4.0)} />
                <text class="seq-rest-label" x="50%" y={short(drawn_h + 14.0)} text-anchor="middle">
                    { t.sequence_rest(rest.requests, rest.total_ms) }
                </text>
            </g>
        }
    });
    html! {
        <figure class="sequence" data-testid="sequence-diagram" data-moment-ms={fixed(props.moment, 1)} data-picture="sequence">
            <figcaption data-picture-heading="">{ t.explain.sequence_heading }</figcaption>
            { picture_menu(t, "sequence", format!("{} · {}", t.explain.sequence_heading, t.strategy_short(props.explanation.strategy)).into(), true) }
            <svg width="100%" height={short(height)} role="img" aria-label={t.explain.sequence_heading}>
                <defs>
                    <marker id="seq-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" class="seq-arrowhead" />
                    </marker>
                </defs>
                <text class="seq-lane-label" x={pct(CLIENT_X)} y="16" text-anchor="middle">{ t.explain.lane_client }</text>
                <text class="seq-lane-label" x={pct(SERVER_X)} y="16" text-anchor="middle">{ t.explain.lane_server }</text>
                <line class="seq-lane" x1={pct(CLIENT_X)} x2={pct(CLIENT_X)} y1={short(TOP)} y2={short(height - BOTTOM)} />
                <line class="seq-lane" x1={pct(SERVER_X)} x2={pct(SERVER_X)} y1={short(TOP)} y2={short(height - BOTTOM)} />
                { for client_spans }
                { for arrows }
                { for rest }
                <line class="seq-cursor" data-testid="sequence-cursor" x1="2%" x2="98%"
                    y1={short(cursor)} y2={short(cursor)} />
                <text class="seq-cursor-label" x="98%" y={short(cursor - 4.0)} text-anchor="end">{ t.total(props.moment) }</text>
            </svg>
            <ul class="legend">
                <li><span class={classes!("swatch", if blocking { "blocked" } else { "awaiting" })}></span>
                    { if blocking { t.explain.legend_blocked } else { t.explain.legend_awaiting } }</li>
                <li><span class="swatch proc"></span>{ t.waterfall.legend_processing }</li>
            </ul>
            if let Some(note) = note {
                <p class="wf-note" data-testid="sequence-note">{ note }</p>
            }
        </figure>
    }
}
