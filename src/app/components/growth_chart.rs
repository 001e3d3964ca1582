//! How the total grows: the model's total against N (one line per strategy) or bounded's total
//! against k, with the points a sweep measured drawn over the lines.
//!
//! The lines live in a stretched SVG (its strokes do not stretch); labels are HTML placed by
//! percent, so text keeps its size at any width.

use std::rc::Rc;

use crate::app::components::picture_menu::picture_menu;
use yew::prelude::*;

use crate::model::axis::{ticks, TimeAxis};
use crate::model::growth::{plot_xy, spread_labels, GrowthAxis, Series, PLOT_H, PLOT_W};
use crate::model::number::{fixed, short};
use crate::model::Strategy;
use crate::text::{fill, Text};

pub use crate::model::lab::screen::{MeasuredPoint, SweepStatus};

#[derive(Properties, PartialEq)]
pub struct GrowthChartProps {
    pub t: &'static Text,
    pub axis: GrowthAxis,
    pub series: Rc<Vec<Series>>,
    /// The scenario's own N (a marked point on each line; the k axis names it).
    pub n: usize,
    pub measured: Vec<MeasuredPoint>,
    pub status: SweepStatus,
    /// What a sweep on this axis would run: how many runs, and how long by the model.
    pub sweep_runs: usize,
    pub sweep_ms: f64,
    /// Another run or sweep is going on.
    pub busy: bool,
    pub on_axis: Callback<GrowthAxis>,
    pub on_measure: Callback<()>,
    pub on_cancel: Callback<()>,
}

const LABEL_GAP_PX: f64 = 15.0;

#[component]
pub fn GrowthChart(props: &GrowthChartProps) -> Html {
    let t = props.t;
    let x_max = props.series.iter().flat_map(|s| s.points.last()).map(|p| p.x).max().unwrap_or(1);
    let (x_end, x_step) = ticks(x_max as f64, 5);
    let x_step = x_step.max(1.0).round();
    let y_span = crate::model::growth::y_span(&props.series, props.measured.iter().map(|m| m.total));
    let y_axis = TimeAxis::new(y_span, 4);
    let (y_end, unit) = (y_axis.end, y_axis.unit);
    let xy = |x: f64, total: f64| plot_xy(x, total, x_end, y_end);
    let pct_x = |x: f64| format!("{}%", fixed(100.0 * xy(x, 0.0).0 / PLOT_W, 2));
    let pct_y = |v: f64| format!("{}%", fixed(100.0 * xy(0.0, v).1 / PLOT_H, 2));
    let x_ticks: Vec<f64> = (0..=((x_end / x_step) + 1e-9).floor() as usize).map(|k| k as f64 * x_step).collect();
    let y_ticks = y_axis.times();

    // End labels: lines that end at the same total share one label.
    let mut ends: Vec<(f64, Vec<Strategy>)> = Vec::new();
    for s in props.series.iter() {
        let Some(last) = s.points.last() else { continue };
        match ends.iter_mut().find(|(v, _)| *v == last.predicted) {
            Some((_, names)) => names.push(s.strategy),
            None => ends.push((last.predicted, vec![s.strategy])),
        }
    }
    let end_ys: Vec<f64> = ends.iter().map(|(v, _)| xy(0.0, *v).1).collect();
    let label_ys = spread_labels(&end_ys, LABEL_GAP_PX, PLOT_H);
    let series_name = |s: Strategy| match (props.axis, s) {
        (GrowthAxis::K, Strategy::Bounded(_)) => t.bounded_any_k.to_string(),
        _ => t.strategy_short(s),
    };
    let summary = props
        .series
        .iter()
        .filter_map(|s| {
            let (first, last) = (s.points.first()?, s.points.last()?);
            let x_name = if props.axis == GrowthAxis::N { "N" } else { "k" };
            Some(fill(
                t.growth.summary,
                &[
                    &series_name(s.strategy),
                    &t.total(first.predicted),
                    x_name,
                    &first.x.to_string(),
                    &t.total(last.predicted),
                    x_name,
                    &last.x.to_string(),
                ],
            ))
        })
        .collect::<Vec<_>>()
        .join(" ");
    let status = match props.status {
        SweepStatus::None => None,
        SweepStatus::Running { done, of } => Some(t.sweep_progress(done, of)),
        SweepStatus::Done { done } => Some(t.sweep_done(done)),
        SweepStatus::Cancelled { done, of } => Some(t.sweep_cancelled(done, of)),
    };
    let sweeping = matches!(props.status, SweepStatus::Running { .. });
    let hidden = props.measured.iter().filter(|m| m.hidden_ms.is_some()).count();
    let (other_axis, toggle_label) = match props.axis {
        GrowthAxis::N => (GrowthAxis::K, t.growth.to_k),
        GrowthAxis::K => (GrowthAxis::N, t.growth.to_n),
    };
    html! {
        <section class="growth" aria-labelledby="growth-heading" data-picture="growth">
            <div class="growth-head" data-picture-heading="">
                <h2 id="growth-heading">{ t.growth.heading }</h2>
                { picture_menu(t, "growth", t.growth.heading.into(), false) }
                <button type="button" class="secondary" data-testid="growth-axis" data-picture-skip="" disabled={sweeping}
                    onclick={props.on_axis.reform(move |_| other_axis)}>{ toggle_label }</button>
            </div>
            <figure class="growth-figure" data-testid="growth-chart" data-axis={props.axis.key()}>
                <p class="visually-hidden">{ summary }</p>
                <div class="growth-plot" aria-hidden="true">
                    <div class="growth-y">
                        { for y_ticks.iter().map(|&v| html! { <span style={format!("top:{}", pct_y(v))}>{ t.tick(v, unit) }</span> }) }
                    </div>
                    <div class="growth-area">
                        <svg class="growth-svg" viewBox={format!("0 0 {} {}", short(PLOT_W), short(PLOT_H))} preserveAspectRatio="none" width="100%" height={short(PLOT_H)}>
                            { Html::from_html_unchecked(AttrValue::from(plot_markup(props, &y_ticks, &xy))) }
                        </svg>
                        <div class="growth-x">
                            { for x_ticks.iter().map(|&x| html! { <span style={format!("left:{}", pct_x(x))}>{ fixed(x, 0) }</span> }) }
                        </div>
                    </div>
                    <div class="growth-labels">
                        { for ends.iter().zip(&label_ys).map(|((_, names), y)| html! {
                            <span class={classes!("growth-label", names[0].kind().key())} style={format!("top:{}%", fixed(100.0 * y / PLOT_H, 2))}>
                                { names.iter().map(|&s| series_name(s)).collect::<Vec<_>>().join(", ") }
                            </span>
                        }) }
                    </div>
                </div>
                <figcaption class="growth-caption">
                    { match props.axis {
                        GrowthAxis::N => t.growth.axis_n.to_string(),
                        GrowthAxis::K => fill(t.growth.axis_k, &[&props.n.to_string()]),
                    } }
                </figcaption>
            </figure>
            <p class="chart-note">
                { if props.axis == GrowthAxis::N { t.growth.note_n } else { t.growth.note_k } }
                if !props.measured.is_empty() { { " " }{ t.growth.measured_note } }
            </p>
            if hidden > 0 {
                <p class="hidden-run" data-testid="sweep-hidden" data-runs={hidden.to_string()} role="note">{ t.sweep_hidden(hidden) }</p>
            }
            <div class="growth-actions" data-picture-skip="">
                if sweeping {
                    <progress data-testid="sweep-progress" max={props.sweep_runs.max(1).to_string()}
                        value={match props.status { SweepStatus::Running { done, .. } => done.to_string(), _ => "0".into() }}></progress>
                    <button type="button" class="secondary" data-testid="sweep-cancel" onclick={props.on_cancel.reform(|_| ())}>{ t.form.cancel }</button>
                } else {
                    <button type="button" data-testid="measure-curve" disabled={props.busy || props.sweep_runs == 0}
                        onclick={props.on_measure.reform(|_| ())}>{ t.growth.measure_curve }</button>
                    <span class="eta">{ fill(t.growth.measure_curve_eta, &[&t.runs(props.sweep_runs), &t.total(props.sweep_ms)]) }</span>
                }
                if let Some(s) = status { <span class="sweep-status" data-testid="sweep-status" role="status">{ s }</span> }
            </div>
        </section>
    }
}

/// The plot's grid, lines and points as SVG markup: numbers and fixed class names only (nothing
/// typed by a person), written as one string rather than a `html!` node per point — a third of
/// the code, and one DOM write.
fn plot_markup(props: &GrowthChartProps, y_ticks: &[f64], xy: &dyn Fn(f64, f64) -> (f64, f64)) -> String {
    let mut out = String::new();
    let stroke = "vector-effect=\"non-scaling-stroke\"";
    for &v in y_ticks {
        let y = short(xy(0.0, v).1);
        out += &format!("<line class=\"growth-grid\" x1=\"0\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\" {stroke}/>", short(PLOT_W));
    }
    for s in props.series.iter() {
        let kind = s.strategy.kind().key();
        let points = s.points.iter().map(|p| {
            let (x, y) = xy(p.x as f64, p.predicted);
            format!("{},{}", short(x), short(y))
        });
        out += &format!(
            "<g class=\"growth-series {kind}\" data-testid=\"growth-series\" data-strategy=\"{kind}\"><polyline points=\"{}\" {stroke}/>",
            points.collect::<Vec<_>>().join(" ")
        );
        let mine: Vec<&MeasuredPoint> = props.measured.iter().filter(|m| m.strategy.kind() == s.strategy.kind()).collect();
        let axis = props.axis.key();
        for p in &s.points {
            let (x, y) = xy(p.x as f64, p.predicted);
            let (x, y) = (short(x), short(y));
            let own = if props.axis == GrowthAxis::N && p.x == props.n { " own" } else { "" };
            let measured = mine
                .iter()
                .find(|m| m.x == p.x)
                .map(|m| {
                    let hidden = m.hidden_ms.map(|h| format!(" data-hidden-ms=\"{}\"", fixed(h, 1))).unwrap_or_default();
                    format!(" data-measured-ms=\"{}\"{hidden}", fixed(m.total, 1))
                })
                .unwrap_or_default();
            out += &format!(
                "<line class=\"growth-point{own}\" data-testid=\"growth-point\" data-{axis}=\"{}\" data-predicted-ms=\"{}\"{measured} x1=\"{x}\" x2=\"{x}\" y1=\"{y}\" y2=\"{y}\" {stroke}/>",
                p.x,
                fixed(p.predicted, 1)
            );
        }
        for m in &mine {
            let (x, y) = xy(m.x as f64, m.total);
            let (x, y) = (short(x), short(y));
            // Measured in the background: drawn faint, apart from what was measured in view.
            let hidden = if m.hidden_ms.is_some() { " hidden" } else { "" };
            out += &format!("<line class=\"growth-measured{hidden}\" x1=\"{x}\" x2=\"{x}\" y1=\"{y}\" y2=\"{y}\" {stroke}/>");
        }
        out += "</g>";
    }
    out
}
