//! The race: every strategy's waterfall stacked on one shared time axis, small multiples a
//! row per (sampled) request, each labelled with its strategy and total at the end of its run.
//! Strategies not run yet show their prediction faintly and fill in as they are measured.

use std::rc::Rc;

use crate::app::components::picture_menu::picture_menu;
use yew::prelude::*;

use crate::model::axis::{race_row_height, sample_rows, TickPlace, TimeAxis, MAX_RACE_ROWS};
use crate::model::number::{fixed, percent_of, short};
use crate::model::{Scenario, Schedule, Strategy, Trace};
use crate::text::Text;

#[derive(Properties, PartialEq)]
pub struct RaceProps {
    pub t: &'static Text,
    pub scenario: Rc<Scenario>,
    pub strategies: Vec<Strategy>,
    pub schedules: Vec<Rc<Schedule>>,
    pub traces: Vec<Option<Rc<Trace>>>,
    /// The strategy running now and ms since it started.
    pub running: Option<(usize, f64)>,
    /// The span every lane shares: the longest of predictions and measurements.
    pub span_ms: f64,
    /// The strategy the waterfall below shows.
    pub shown: Option<usize>,
    pub on_select: Callback<usize>,
}

#[component]
pub fn Race(props: &RaceProps) -> Html {
    let t = props.t;
    let time_axis = TimeAxis::new(props.span_ms, 5);
    let (end, unit, ticks) = (time_axis.end, time_axis.unit, time_axis.times());
    let drawn = sample_rows(props.scenario.len(), MAX_RACE_ROWS);
    let row_h = race_row_height(drawn.len());
    let bar_h = (row_h - 2.0).max(2.0);
    let height = row_h * drawn.len() as f64 + 2.0;
    let summary = props
        .strategies
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            let total = props.traces.get(i).cloned().flatten().and_then(|tr| tr.total);
            format!("{}: {}.", t.strategy_short(s), t.total(total.unwrap_or(props.schedules[i].total)))
        })
        .collect::<Vec<_>>()
        .join(" ");
    // Only while a lane shows a prediction does the note speak of faint ones.
    let faint = (0..props.strategies.len()).any(|i| !matches!(props.traces.get(i), Some(Some(_))));
    html! {
        <figure class="race" data-testid="race" data-picture="race">
            <figcaption class="race-caption" data-picture-heading="">{ t.race.heading }</figcaption>
            { picture_menu(t, "race", t.race.heading.into(), false) }
            <p class="visually-hidden">{ summary }</p>
            <div class="race-axis" aria-hidden="true">
                <span></span>
                <div class="race-ticks">
                    { for time_axis.ticks.iter().map(|&(ms, place)| html! {
                        <span class={classes!("race-tick", (place == TickPlace::First).then_some("first"), (place == TickPlace::Last).then_some("last"))}
                            style={format!("left:{}", percent_of(ms, end))}>{ t.tick(ms, unit) }</span>
                    }) }
                </div>
            </div>
            { for props.strategies.iter().enumerate().map(|(i, &strategy)| {
                let schedule = &props.schedules[i];
                let trace = props.traces.get(i).cloned().flatten();
                // A run whose requests failed is no timing to race: its lane says why instead.
                let failures = trace.as_deref().and_then(crate::model::summary::Failures::of_trace);
                // So is a run made while the tab was in the background: its lane says so.
                let hidden = trace.as_ref().filter(|tr| tr.hidden_ms.is_some()).and_then(|tr| tr.total);
                let measured = trace.as_ref().and_then(|tr| tr.total).filter(|_| failures.is_none() && hidden.is_none());
                let elapsed = props.running.filter(|(r, _)| *r == i).map(|(_, e)| e);
                let shown_total = measured.unwrap_or(schedule.total);
                let frac = shown_total / end;
                let label_style = if frac < 0.6 {
                    format!("left:calc({} + 4px)", percent_of(shown_total, end))
                } else {
                    format!("right:calc({} + 4px)", percent_of(end - shown_total, end))
                };
                let label = match (&failures, hidden, measured, elapsed) {
                    (Some(f), ..) => t.failures(f),
                    (None, Some(h), ..) => format!("{} · {}", t.total(h), t.results.hidden_short),
                    (None, None, Some(m), _) => t.total(m),
                    (None, None, None, Some(e)) => format!("{} {}", t.race.running, t.total(e)),
                    (None, None, None, None) => format!("{} {}", t.race.not_run, t.total(schedule.total)),
                };
                let on_select = props.on_select.clone();
                let chart = lane_markup(&LaneGeometry { end, ticks: &ticks, drawn: &drawn, row_h, bar_h, height }, schedule, trace.as_deref(), measured, elapsed);
                html! {
                    <div class={classes!("race-lane", measured.is_none().then_some("not-run"), elapsed.is_some().then_some("running"),
                            (props.shown == Some(i)).then_some("shown"))}
                        data-testid="race-lane" data-strategy={strategy.kind().key()}
                        data-total-ms={measured.map(|m| fixed(m, 1))} data-predicted-ms={fixed(schedule.total, 1)}>
                        <button type="button" class="race-name" data-picture-plain="" aria-pressed={(props.shown == Some(i)).to_string()}
                            onclick={Callback::from(move |_| on_select.emit(i))}>
                            { t.strategy_short(strategy) }
                            // Where lanes stack under their names (narrow), the total follows the name.
                            <span class="race-name-total">{ " · " }{ label.clone() }</span>
                        </button>
                        <div class="race-track">
                            <span class="race-total" style={label_style}>{ label }</span>
                            <svg class="race-chart" width="100%" height={short(height)} aria-hidden="true">
                                { Html::from_html_unchecked(AttrValue::from(chart)) }
                            </svg>
                        </div>
                    </div>
                }
            }) }
            // The faint clause keeps its place when nothing is faint: a run never moves the height.
            <p class="chart-note">
                <span data-picture-skip="">{ t.race.note_select }</span>
                <span class={classes!((!faint).then_some("unsaid"))}>{ " " }{ t.race.note_faint }</span>
            </p>
        </figure>
    }
}

/// What every lane shares: the axis's end and ticks, the rows drawn and their size.
struct LaneGeometry<'a> {
    end: f64,
    ticks: &'a [f64],
    drawn: &'a [usize],
    row_h: f64,
    bar_h: f64,
    height: f64,
}

/// One lane's grid, predicted rows (faint), measured rows and totals as SVG markup: numbers and
/// fixed class names only, one string rather than a `html!` node per rectangle.
fn lane_markup(g: &LaneGeometry, schedule: &Schedule, trace: Option<&Trace>, measured: Option<f64>, elapsed: Option<f64>) -> String {
    let end = g.end;
    let h = short(g.height);
    let bh = short(g.bar_h);
    let mut out = String::new();
    let vline = |out: &mut String, class: &str, ms: f64| {
        let x = percent_of(ms, end);
        *out += &format!("<line class=\"{class}\" x1=\"{x}\" x2=\"{x}\" y1=\"0\" y2=\"{h}\"/>");
    };
    let rect = |out: &mut String, class: &str, from: f64, to: f64, y: &str| {
        *out += &format!(
            "<rect class=\"{class}\" x=\"{}\" y=\"{y}\" height=\"{bh}\" width=\"{}\"/>",
            percent_of(from, end),
            percent_of((to - from).max(0.0), end)
        );
    };
    for &ms in g.ticks {
        vline(&mut out, "race-grid", ms);
    }
    for (row, &r) in g.drawn.iter().enumerate() {
        let y = short(row as f64 * g.row_h + 1.0);
        let p = schedule.timings[r];
        rect(&mut out, "race-ghost", p.start, p.end, &y);
        let Some(q) = trace.and_then(|tr| tr.requests.get(r)).copied() else { continue };
        let (Some(start), Some(response)) = (q.start, q.response.or(elapsed)) else { continue };
        rect(&mut out, "race-wait", start, response, &y);
        let proc_end = q.end.or(q.response.and(elapsed)).unwrap_or(response);
        if proc_end > response {
            let class = if super::waterfall::outlined(proc_end - response, g.end) { "race-proc outlined" } else { "race-proc" };
            rect(&mut out, class, response, proc_end, &y);
        }
    }
    vline(&mut out, "race-predicted-total", schedule.total);
    if let Some(m) = measured {
        vline(&mut out, "race-measured-total", m);
    }
    out
}
