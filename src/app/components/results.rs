//! Measured vs predicted, one row per strategy; a row's button shows its waterfall.

use yew::prelude::*;

use crate::model::number::fixed;
use crate::model::summary::{SummaryRow, SLOW_DRAW_MS};
use crate::text::Text;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub t: &'static Text,
    pub rows: Vec<SummaryRow>,
    pub shown: Option<usize>,
    pub on_select: Callback<usize>,
    /// Whether the rows are for the scenario now in the form.
    pub stale_note: Option<AttrValue>,
    /// Run the session's press again (offered beside a run the tab's background disturbed).
    pub on_run_again: Callback<()>,
}

#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let t = props.t;
    html! {
        <section class="results" aria-labelledby="results-heading">
            <h2 id="results-heading">{ t.results.results_heading }</h2>
            if let Some(note) = &props.stale_note { <p class="stale">{ note.clone() }</p> }
            <div class="table-scroll">
            <table>
                <thead><tr>
                    <th scope="col">{ t.results.col_strategy }</th>
                    <th scope="col" class="num">{ t.results.col_measured }</th>
                    <th scope="col" class="num">{ t.results.col_predicted }</th>
                    <th scope="col">{ t.results.col_formula }</th>
                    <th scope="col" class="num">{ t.results.col_speedup }</th>
                    <th scope="col">{ t.results.col_frame_gap }</th>
                </tr></thead>
                <tbody>
                { for props.rows.iter().enumerate().map(|(i, row)| {
                    let on_select = props.on_select.clone();
                    let shown = props.shown == Some(i);
                    let testid = if row.measured.is_some() { "result" } else { "prediction" };
                    let measured = match (row.measured, row.cancelled) {
                        (Some(m), _) => html! {
                            <>
                                { t.total(m) }
                                if let Some(f) = &row.failures {
                                    <span class="failed-run" data-testid="failed-run">{ t.failures(f) }</span>
                                }
                                if let Some(hidden) = row.hidden_ms {
                                    <span class="hidden-run" data-testid="hidden-run" data-hidden-ms={fixed(hidden, 1)}>
                                        { t.hidden_run(hidden) }
                                        <button type="button" class="secondary" data-testid="run-again"
                                            onclick={props.on_run_again.reform(|_| ())}>{ t.results.run_again }</button>
                                    </span>
                                }
                                if let Some(ok) = row.agrees {
                                    <span class={classes!("agree", (!ok).then_some("off"))}
                                        title={if ok { t.results.within_tolerance } else { t.results.off_prediction }}
                                        aria-label={if ok { t.results.within_tolerance } else { t.results.off_prediction }}>
                                        { if ok { "✓" } else { "≠" } }
                                    </span>
                                }
                            </>
                        },
                        (None, true) => html! { <span class="muted">{ t.results.cancelled_cell }</span> },
                        (None, false) => html! { <span class="muted">{ t.results.not_run_yet }</span> },
                    };
                    html! {
                        <tr class={classes!(shown.then_some("shown"))} data-testid={testid}
                            data-strategy={row.strategy.kind().key()}
                            data-total-ms={row.measured.map(|m| fixed(m, 1))}
                            data-predicted-ms={fixed(row.predicted, 1)}
                            data-max-frame-gap-ms={row.max_frame_gap.map(|g| fixed(g, 1))}
                            data-max-draw-ms={row.max_draw.map(|d| fixed(d, 1))}>
                            <th scope="row">
                                <button type="button" class="row-select" aria-pressed={shown.to_string()}
                                    onclick={Callback::from(move |_| on_select.emit(i))}>
                                    { t.strategy_short(row.strategy) }
                                </button>
                            </th>
                            <td class="num" data-label={t.results.col_measured}>{ measured }</td>
                            <td class="num" data-label={t.results.col_predicted}>{ t.total(row.predicted) }</td>
                            <td class="formula" data-label={t.results.col_formula}>{ t.formula(&row.formula) }</td>
                            <td class="num" data-label={t.results.col_speedup}>
                                if row.failures.is_some() || row.hidden_ms.is_some() {
                                    { "—" }
                                } else {
                                    { t.speedup(row.speedup) }
                                    if !row.speedup_measured { <span class="muted">{ "*" }</span> }
                                }
                            </td>
                            <td class={classes!("gap", row.frozen_ms().is_some().then_some("frozen"))}
                                data-label={t.results.col_frame_gap}>
                                { row.max_frame_gap.filter(|_| row.hidden_ms.is_none())
                                    .map(|g| t.frame_gap(row.strategy, g, row.frozen_ms().is_some())).unwrap_or_else(|| "—".into()) }
                            </td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            </div>
            <p class="footnote">{ t.results.speedup_meaning }</p>
            if props.rows.iter().any(|r| !r.speedup_measured && r.failures.is_none() && r.hidden_ms.is_none()) {
                <p class="footnote">{ "* " }{ t.results.speedup_predicted_note }</p>
            }
            if let Some(draw) = slowest_draw(&props.rows) {
                <p class="footnote" data-testid="slow-drawing" data-max-draw-ms={fixed(draw, 1)}>{ t.slow_drawing(draw) }</p>
            }
        </section>
    }
}

/// The costliest frame drawn in these runs, where it was slow enough to say.
fn slowest_draw(rows: &[SummaryRow]) -> Option<f64> {
    rows.iter().filter_map(|r| r.max_draw).reduce(f64::max).filter(|&d| d >= SLOW_DRAW_MS)
}
