//! The waterfall: a row per request on one time axis; the measured bar (waiting, then
//! processing) over the predicted one (outlined), growing while the run goes on.

use std::rc::Rc;

use crate::app::components::picture_menu::picture_menu;
use yew::prelude::*;

use crate::model::axis::{row_height, sample_rows, TickPlace, TimeAxis, MAX_DRAWN_ROWS};
use crate::model::number::{fixed, percent_of, short};
use crate::model::source::{PhaseKind, RequestOutcome};
use crate::model::trace::RequestTrace;
use crate::model::{Scenario, Schedule, Timing, Trace};
use crate::text::Text;

#[derive(Properties, PartialEq)]
pub struct WaterfallProps {
    pub t: &'static Text,
    pub scenario: Rc<Scenario>,
    pub schedule: Rc<Schedule>,
    pub trace: Option<Rc<Trace>>,
    /// Ms since the run started, for bars still waiting.
    pub elapsed: f64,
    /// The span the axis must cover (shared by every strategy of a session).
    pub span_ms: f64,
    pub caption: AttrValue,
    /// The replay's moment, drawn as a line; clicking the chart moves it.
    #[prop_or_default]
    pub cursor: Option<f64>,
    #[prop_or_default]
    pub on_scrub: Option<Callback<f64>>,
    /// Real runs: each request's URL, for its bar's description.
    #[prop_or_default]
    pub urls: Option<Rc<Vec<String>>>,
    /// Sentences under the chart (outcome counts, the queueing note).
    #[prop_or_default]
    pub notes: Vec<(String, String)>,
}

const AXIS_HEIGHT: f64 = 24.0;

fn attr_ms(ms: Option<f64>) -> Option<AttrValue> {
    ms.map(|v| AttrValue::from(fixed(v, 1)))
}

#[component]
pub fn Waterfall(props: &WaterfallProps) -> Html {
    let t = props.t;
    let n = props.scenario.len();
    // Past a few hundred rows a bar per request is neither visible nor cheap: draw an even sample.
    let drawn = sample_rows(n, MAX_DRAWN_ROWS);
    let row_h = row_height(drawn.len());
    let labelled = row_h >= 20.0;
    let time_axis = TimeAxis::new(props.span_ms, 6);
    let (end, unit) = (time_axis.end, time_axis.unit);
    let height = AXIS_HEIGHT + row_h * drawn.len() as f64 + 4.0;
    let bar_h = (row_h * 0.6).max(2.0);
    let bar_y = |i: usize| AXIS_HEIGHT + row_h * i as f64 + (row_h - bar_h) / 2.0;
    let trace = props.trace.as_deref();

    let axis = time_axis.ticks.iter().map(|&(ms, place)| {
        let anchor = match place {
            TickPlace::First => "start",
            TickPlace::Middle => "middle",
            TickPlace::Last => "end",
        };
        html! {
            <g class="wf-tick">
                <line x1={percent_of(ms, end)} x2={percent_of(ms, end)} y1={short(AXIS_HEIGHT)} y2={short(height)} />
                <text x={percent_of(ms, end)} y="14" text-anchor={anchor}>{ t.tick(ms, unit) }</text>
            </g>
        }
    });

    // One component per drawn row: Yew redraws only the rows whose request changed. Bars still
    // waiting reach the axis's end and are cut at "now" by one shared clip, so a frame of a run
    // moves one rectangle, not one per request.
    let rows = drawn.iter().enumerate().map(|(row, &i)| {
        let request = trace.and_then(|tr| tr.requests.get(i)).copied().filter(|r| r.start.is_some());
        html! {
            <Row key={i} t={t} index={i} y={bar_y(row)} bar_h={bar_h} end={end} labelled={labelled}
                predicted={props.schedule.timings[i]} request={request}
                phases={trace.and_then(|tr| tr.phases.get(i)).cloned().flatten()}
                url={props.urls.as_ref().and_then(|u| u.get(i)).map(|u| AttrValue::from(u.clone()))} />
        }
    });
    let now_clip = html! {
        <defs>
            <clipPath id={NOW_CLIP}>
                <rect data-testid="now-clip" x="0" y="0" height={short(height)} width={percent_of(props.elapsed, end)} />
            </clipPath>
        </defs>
    };

    let predicted_total = props.schedule.total;
    let measured_total = trace.and_then(|tr| tr.total);
    let labels = labelled.then(|| {
        html! {
            <div class="wf-labels" aria-hidden="true" style={format!("padding-top:{}px", short(AXIS_HEIGHT))}>
                { for drawn.iter().map(|&i| {
                    let r = props.scenario.requests()[i];
                    html! { <div class="wf-label" style={format!("height:{}px", short(row_h))}>{ t.request_row(i, r.latency_ms, r.processing_ms) }</div> }
                }) }
            </div>
        }
    });

    let onclick = props.on_scrub.clone().map(|scrub| {
        Callback::from(move |e: MouseEvent| {
            let Some(svg) = e.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) else { return };
            let rect = svg.get_bounding_client_rect();
            if rect.width() > 0.0 {
                scrub.emit(((f64::from(e.client_x()) - rect.left()) / rect.width()).clamp(0.0, 1.0) * end);
            }
        })
    });
    let cursor = props.cursor.map(|ms| {
        html! {
            <line class="wf-cursor" data-testid="waterfall-cursor" data-moment-ms={fixed(ms, 1)}
                x1={percent_of(ms, end)} x2={percent_of(ms, end)} y1="0" y2={short(height)} />
        }
    });
    html! {
        <figure class="waterfall" data-testid="waterfall" data-picture="waterfall">
            <figcaption class="wf-caption" data-picture-heading="">{ props.caption.clone() }</figcaption>
            { picture_menu(t, "waterfall", props.caption.clone(), false) }
            <div class="wf-body">
                { for labels }
                <svg class={classes!("wf-chart", onclick.is_some().then_some("scrubbable"))} width="100%" height={short(height)}
                    role="img" aria-label={props.caption.clone()} onclick={onclick}>
                    { now_clip }
                    { for axis }
                    { for rows }
                    <line class="wf-total predicted" data-testid="predicted-total" x1={percent_of(predicted_total, end)} x2={percent_of(predicted_total, end)}
                        y1={short(AXIS_HEIGHT)} y2={short(height)} />
                    if let Some(total) = measured_total {
                        <line class="wf-total measured" data-testid="measured-total" x1={percent_of(total, end)} x2={percent_of(total, end)}
                            y1={short(AXIS_HEIGHT)} y2={short(height)} />
                    }
                    { for cursor }
                </svg>
            </div>
            <ul class="legend">
                if trace.is_some_and(|tr| tr.phases.iter().any(Option::is_some)) {
                    { for PhaseKind::ALL.iter().map(|k| html! {
                        <li><span class={classes!("swatch", "phase", k.key())}></span>{ t.phase_name(*k) }</li>
                    }) }
                }
                <li><span class="swatch wait"></span>{ t.waterfall.legend_waiting }</li>
                <li><span class="swatch proc"></span>{ t.waterfall.legend_processing }</li>
                <li><span class="swatch ghost"></span>{ t.waterfall.legend_predicted_end }</li>
                <li><span class="swatch line-measured"></span>{ t.waterfall.legend_measured_total }</li>
                <li><span class="swatch line-predicted"></span>{ t.waterfall.legend_predicted_total }</li>
            </ul>
            if drawn.len() < n {
                <p class="wf-note" data-testid="sampled-note">
                    { t.sampled_rows(drawn.len(), n) }
                </p>
            }
            { for props.notes.iter().map(|(testid, text)| html! {
                <p class="wf-note" data-testid={testid.clone()}>{ text.clone() }</p>
            }) }
        </figure>
    }
}

/// The id of the clip that cuts waiting bars at "now" (one waterfall per page).
const NOW_CLIP: &str = "wf-now";

#[derive(Properties, PartialEq)]
struct RowProps {
    t: &'static Text,
    index: usize,
    y: f64,
    bar_h: f64,
    /// The axis's end, ms.
    end: f64,
    labelled: bool,
    predicted: Timing,
    /// The request as measured so far; `None` until it starts.
    request: Option<RequestTrace>,
    phases: Option<Vec<(PhaseKind, f64, f64)>>,
    url: Option<AttrValue>,
}

/// One request's row: its predicted bar (outlined) and, once started, its measured bar.
#[component]
fn Row(props: &RowProps) -> Html {
    let (t, i, y, bar_h, end) = (props.t, props.index, props.y, props.bar_h, props.end);
    let predicted = props.predicted;
    let ghost = html! {
        <g key="predicted" class="wf-predicted" data-testid="predicted-bar" data-index={i.to_string()}>
            <rect x={percent_of(predicted.start, end)} y={short(y)} height={short(bar_h)}
                width={percent_of(predicted.end - predicted.start, end)} rx="2" />
            <line class="wf-predicted-end" x1={percent_of(predicted.end, end)} x2={percent_of(predicted.end, end)}
                y1={short(y - 3.0)} y2={short(y + bar_h + 3.0)} />
        </g>
    };
    let measured = props.request.and_then(|r| {
        let start = r.start?;
        let in_flight = r.response.is_none();
        let processing = match (r.response, r.end) {
            (Some(resp), Some(e)) if e > resp && r.outcome.is_none_or(|o| matches!(o, RequestOutcome::Ok | RequestOutcome::HttpError)) => Some((resp, e)),
            _ => None,
        };
        let phases = props.phases.as_ref().filter(|_| !in_flight);
        let mut title = t.bar_title(i, start, r.response, r.end, predicted.end);
        if let Some(outcome) = r.outcome {
            title.push_str(&format!(" — {}", t.outcome_name(outcome)));
            if let Some(status) = r.status {
                title.push_str(&crate::text::fill(t.real.bar_status, &[&status.to_string()]));
            }
            if let Some(size) = r.size {
                title.push_str(&crate::text::fill(t.real.bar_size, &[&t.int(size as f64)]));
            }
            if let Some(url) = &props.url {
                title.push_str(&format!("\n{url}"));
            }
            match phases {
                Some(list) => {
                    for (kind, from, to) in list {
                        title.push_str(&format!("\n{}: {}", t.phase_name(*kind), t.ms(to - from)));
                    }
                }
                None if !in_flight && outcome != RequestOutcome::Cancelled => {
                    title.push('\n');
                    title.push_str(t.real.timing_hidden);
                }
                None => {}
            }
            if outcome == RequestOutcome::NetworkError {
                title.push('\n');
                title.push_str(t.real.network_error_hint);
            }
        }
        let failed = r.outcome.filter(|o| !matches!(o, RequestOutcome::Ok));
        let wait = match phases {
            Some(list) => html! {
                <>{ for list.iter().map(|(kind, from, to)| html! {
                    <rect class={classes!("wf-phase", kind.key())} data-phase={kind.key()}
                        x={percent_of(*from, end)} y={short(y)} height={short(bar_h)} width={percent_of(to - from, end)} />
                }) }</>
            },
            // Waiting still: drawn to the axis's end, cut at "now" by the shared clip.
            None if in_flight => html! {
                <rect class={classes!("wf-wait", "in-flight", props.labelled.then_some("pulse"))} clip-path={format!("url(#{NOW_CLIP})")}
                    x={percent_of(start, end)} y={short(y)} height={short(bar_h)} width={percent_of((end - start).max(0.0), end)} />
            },
            None => html! {
                <rect class={classes!("wf-wait", r.outcome.is_some().then_some("timing-hidden"))}
                    x={percent_of(start, end)} y={short(y)} height={short(bar_h)}
                    width={percent_of((r.response.unwrap_or(start) - start).max(0.0), end)} />
            },
        };
        Some(html! {
            <g key="measured" class={classes!("wf-bar", failed.map(|o| o.key()), failed.is_some().then_some("failed"))} data-testid="bar" data-index={i.to_string()}
                data-start-ms={attr_ms(Some(start))} data-response-ms={attr_ms(r.response)} data-end-ms={attr_ms(r.end)}
                data-outcome={r.outcome.map(|o| o.key())}
                data-http-status={r.status.map(|s| s.to_string())}
                data-queued-ms={r.queued.map(|q| fixed(q, 1))}
                tabindex={props.labelled.then_some("0")}>
                <title>{ title }</title>
                { wait }
                if let Some((from, to)) = processing {
                    <rect class={classes!("wf-proc", outlined(to - from, end).then_some("outlined"))} x={percent_of(from, end)} y={short(y)} height={short(bar_h)}
                        width={percent_of(to - from, end)} />
                }
            </g>
        })
    });
    // Keyed: Yew pairs an unkeyed list's old and new nodes from the end, so a bar added after
    // the ghost would take the ghost's element over (a dozen attributes rewritten, its children
    // replaced) and a new ghost would be built: three times the DOM writes of adding the bar.
    html! { <>{ ghost }{ for measured }</> }
}

/// Processing wide enough (half a percent of the axis) for its dashed outline, which tells it from
/// waiting by pattern, not colour alone; a narrower one would be all outline.
pub fn outlined(ms: f64, axis_ms: f64) -> bool {
    axis_ms > 0.0 && ms / axis_ms >= 0.005
}
