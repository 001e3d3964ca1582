//! Every task of a Python run as a lane on one time axis (as DevTools' waterfall): running on
//! the thread, awaiting (and what, at which line), ready and waiting for the thread, blocking it.
//! The words say the same for screen readers: a list of each lane's times.

use yew::prelude::*;

use crate::model::axis::time_ticks;
use crate::model::number::{fixed, percent_of};
use crate::model::python::timeline::{Lane, SegmentKind};
use crate::text::python::PyText;

/// Lanes drawn at most; the rest are counted.
pub const MAX_LANES: usize = 40;

#[derive(Properties, PartialEq)]
pub struct LanesProps {
    pub t: &'static PyText,
    pub lanes: std::rc::Rc<Vec<Lane>>,
    pub span_ms: f64,
    /// The moment the event loop below is shown at, drawn as a line across the lanes.
    pub cursor: Option<f64>,
}

#[component]
pub fn Lanes(props: &LanesProps) -> Html {
    let t = props.t;
    let (end, step, unit) = time_ticks(props.span_ms.max(1.0), 5);
    let ticks = (0..).map(|i| i as f64 * step).take_while(|v| *v <= end + 0.001);
    let sum =
        |lane: &Lane, kind: SegmentKind| -> f64 { lane.segments.iter().filter(|s| s.kind == kind).map(|s| s.end_ms - s.start_ms).sum() };
    html! {
        <figure class="py-lanes" aria-labelledby="py-lanes-heading">
            <h3 id="py-lanes-heading">{ t.lanes_heading }</h3>
            <ul class="legend">
                { for [SegmentKind::Running, SegmentKind::Awaiting, SegmentKind::Ready, SegmentKind::Blocked].into_iter().map(|k| html! {
                    <li><span class={classes!("swatch", "py", k.key())} />{ t.legend(k) }</li>
                }) }
            </ul>
            <div class="py-axis" aria-hidden="true">
                { for ticks.map(|v| html! { <span style={format!("left:{}", percent_of(v, end))}>{ t.base.tick(v, unit) }</span> }) }
            </div>
            <ol class="py-rows">
                { for props.lanes.iter().take(MAX_LANES).map(|lane| html! {
                    <li data-testid="py-task" data-name={lane.name.clone()} data-start-ms={fixed(lane.start_ms, 1)} data-end-ms={fixed(lane.end_ms, 1)}>
                        <span class="py-name" title={lane.name.clone()}>{ &lane.name }</span>
                        <span class="py-track" aria-hidden="true">
                            { for lane.segments.iter().map(|s| {
                                let what = s.awaited.as_ref().map(|a| t.awaited(a)).unwrap_or_default();
                                let line = if s.line > 0 { format!(" · {}", t.line(s.line)) } else { String::new() };
                                let title = format!("{} {}{} · {}–{}", t.legend(s.kind), what, line, t.base.total(s.start_ms), t.base.total(s.end_ms));
                                html! {
                                    <span data-testid="py-segment" data-kind={s.kind.key()} data-start-ms={fixed(s.start_ms, 1)} data-end-ms={fixed(s.end_ms, 1)}
                                        class={classes!("seg", s.kind.key())} title={title}
                                        style={format!("left:{};width:{}", percent_of(s.start_ms, end), percent_of(s.end_ms - s.start_ms, end))} />
                                }
                            }) }
                            if let Some(at) = props.cursor {
                                <span class="py-cursor" style={format!("left:{}", percent_of(at, end))} />
                            }
                        </span>
                        <span class="visually-hidden">
                            { t.lane_summary(&lane.name, lane.on_thread_ms(), sum(lane, SegmentKind::Blocked), sum(lane, SegmentKind::Awaiting), sum(lane, SegmentKind::Ready)) }
                        </span>
                    </li>
                }) }
            </ol>
            if props.lanes.len() > MAX_LANES {
                <p class="hint">{ t.lanes_more(MAX_LANES, props.lanes.len()) }</p>
            }
        </figure>
    }
}
