//! Every strategy's total as one horizontal bar: measured (or, before its run, the prediction,
//! faint), the prediction marked on it, the speed-up against sequential at its end, and the
//! page frozen by blocking hatched. The picture a reader should take away.

use crate::app::components::picture_menu::picture_menu;
use yew::prelude::*;

use crate::model::number::fixed;
use crate::model::summary::{span, SummaryRow};
use crate::text::{fill, Text};

#[derive(Properties, PartialEq)]
pub struct TotalsChartProps {
    pub t: &'static Text,
    pub rows: Vec<SummaryRow>,
    /// The strategy running now, if any: its bar says so.
    #[prop_or_default]
    pub running: Option<usize>,
    pub on_select: Callback<usize>,
}

/// The share of the track the longest bar takes: the rest keeps its label on the same line.
const LONGEST: f64 = 0.62;

fn pct(ms: f64, end: f64) -> String {
    format!("{}%", fixed(100.0 * LONGEST * (ms / end).clamp(0.0, 1.0), 2))
}

#[component]
pub fn TotalsChart(props: &TotalsChartProps) -> Html {
    let t = props.t;
    let end = span(&props.rows);
    let summary = props
        .rows
        .iter()
        .map(|r| {
            let (name, predicted, why, speedup) =
                (t.strategy_short(r.strategy), t.total(r.predicted), t.formula_in_words(&r.formula), t.speedup(r.speedup));
            match r.comparable() {
                Some(m) => fill(t.totals.summary_measured, &[&name, &t.total(m), &predicted, &why, &speedup]),
                None => fill(t.totals.summary_predicted, &[&name, &predicted, &why, &speedup]),
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    // The note names what is drawn: measured bars, faint predictions, only where there are some.
    let measured_any = props.rows.iter().any(|r| r.comparable().is_some());
    let faint = props.rows.iter().any(SummaryRow::shows_prediction);
    html! {
        <section class="totals" data-testid="totals-chart" aria-labelledby="totals-heading" data-picture="totals">
            <h2 id="totals-heading" data-picture-heading="">{ t.totals.heading }</h2>
            { picture_menu(t, "totals", t.totals.heading.into(), false) }
            <p class="visually-hidden" data-testid="totals-summary">{ summary }</p>
            <ol class="totals-bars" aria-hidden="true">
                { for props.rows.iter().enumerate().map(|(i, row)| {
                    // A run whose requests failed is no timing: its bar stays the prediction.
                    let measured = row.comparable();
                    let shown = measured.unwrap_or(row.predicted);
                    let frozen = row.frozen_ms();
                    let running = props.running == Some(i);
                    // Before its run a bar is its prediction, faint, with the predicted speed-up.
                    let hidden = row.hidden_ms.and(row.measured);
                    let label = match (&row.failures, hidden, measured) {
                        (Some(f), _, _) => t.failures(f),
                        (None, Some(h), _) => format!("{} · {}", t.total(h), t.results.hidden_short),
                        (None, None, None) if running => format!("{} {}", t.race.running, t.total(row.predicted)),
                        _ => format!("{} · {}", t.total(shown), t.speedup(row.speedup)),
                    };
                    let on_select = props.on_select.clone();
                    html! {
                        <li class={classes!("total-row", measured.is_none().then_some("not-run"), running.then_some("running"), row.failures.is_some().then_some("failed"), hidden.is_some().then_some("hidden"))}
                            data-testid="total-bar" data-strategy={row.strategy.kind().key()}
                            data-measured-ms={measured.map(|m| fixed(m, 1))}
                            data-predicted-ms={fixed(row.predicted, 1)}
                            onclick={Callback::from(move |_| on_select.emit(i))}>
                            <span class="total-name">{ t.strategy_short(row.strategy) }</span>
                            <span class="total-track">
                                <span class={classes!("total-bar", row.strategy.kind().key(), frozen.is_some().then_some("frozen"))}
                                    style={format!("width:{}", pct(shown, end))}>
                                    if frozen.is_some() { <span class="total-frozen">{ t.totals.frozen }</span> }
                                </span>
                                <span class="total-predicted" title={t.totals.prediction}
                                    style={format!("left:{}", pct(row.predicted, end))}></span>
                                <span class="total-label" style={format!("left:calc({} + 6px)", pct(shown.max(row.predicted), end))}>{ label }</span>
                            </span>
                        </li>
                    }
                }) }
            </ol>
            // Each clause keeps its place when it does not apply (unsaid: laid out, not shown), so
            // that a run never moves the chart's height, nor an embed's.
            <p class="chart-note">
                { t.totals.note }
                <span class={classes!((!measured_any).then_some("unsaid"))}>{ " " }{ t.totals.note_measured }</span>
                <span class={classes!((!faint).then_some("unsaid"))}>{ " " }{ t.totals.note_faint }</span>
            </p>
        </section>
    }
}
