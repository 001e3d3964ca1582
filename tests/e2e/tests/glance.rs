//! See it at a glance: the totals chart and the race agree with the results table and the
//! model, the growth chart draws the model and a sweep measures it, guesses are set beside the
//! measurements, long runs ask first, and the embed fits in a note.

use std::time::Duration;

use e2e::{within_tolerance, Browser, StaticServer};
use serde_json::{json, Value};
use sync_vs_async::model::growth::Workload;
use sync_vs_async::model::predict::predict;
use sync_vs_async::model::{Preset, Scenario, Strategy};

/// (strategy, measured or NaN, predicted) for every element matching `selector`.
async fn marks(b: &Browser, selector: &str, measured_attr: &str) -> Vec<(String, f64, f64)> {
    let v = b
        .js(&format!(
            "return [...document.querySelectorAll('{selector}')].map(e => [e.dataset.strategy,
                parseFloat(e.dataset.{measured_attr} ?? 'NaN'), parseFloat(e.dataset.predictedMs)]);"
        ))
        .await;
    serde_json::from_value::<Vec<(String, Option<f64>, f64)>>(v)
        .expect("marks")
        .into_iter()
        .map(|(s, m, p)| (s, m.unwrap_or(f64::NAN), p))
        .collect()
}

#[tokio::test]
async fn a_sweep_can_be_cancelled_and_the_lab_runs_again() {
    let (b, _server) = e2e::open_lab("preset=equal&mode=compare", 1280, 1000).await;
    b.click("measure-curve").await;
    b.wait_until("document.querySelector('[data-testid=sweep-cancel]')", Duration::from_secs(5), "a sweep under way").await;
    let run_disabled = b.js("return document.querySelector('[data-testid=run]').disabled;").await;
    assert_eq!(run_disabled, json!(true), "one thing at a time");
    b.click("sweep-cancel").await;
    b.wait_until(
        "document.querySelector('[data-testid=sweep-status]').textContent.startsWith('Measuring cancelled')",
        Duration::from_secs(3),
        "cancelled",
    )
    .await;
    b.wait_until("!document.querySelector('[data-testid=run]').disabled", Duration::from_secs(2), "Run enabled").await;
    b.close().await;
}

#[tokio::test]
async fn guesses_are_set_beside_the_measurements_and_never_in_the_link() {
    let (b, _server) = e2e::open_lab("preset=note&mode=compare&guess=1", 1280, 1000).await;
    let focused = b.js("return document.activeElement && document.activeElement.dataset.testid;").await;
    assert_eq!(focused, json!("guess"), "a link with guess=1 opens on the question");
    let fields = b.js("return [...document.querySelectorAll('[data-testid=guess]')].map(f => f.dataset.strategy);").await;
    assert_eq!(fields, json!(["blocking", "sequential", "concurrent", "bounded"]));
    for (strategy, value) in [("sequential", "900"), ("concurrent", "800")] {
        b.js(&format!(
            "const f = document.querySelector('[data-testid=guess][data-strategy={strategy}]');
             Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(f, '{value}');
             f.dispatchEvent(new Event('input', {{bubbles: true}})); return 0;"
        ))
        .await;
    }
    b.click("compare").await;
    b.wait_for_state(&["done"], Duration::from_secs(20)).await;
    let results = b
        .js("return [...document.querySelectorAll('[data-testid=guess-result]')].map(r => [r.dataset.strategy, parseFloat(r.dataset.guessMs), parseFloat(r.dataset.measuredMs)]);")
        .await;
    let results: Vec<(String, f64, f64)> = serde_json::from_value(results).unwrap();
    let table = b.results().await;
    assert_eq!(results.len(), 2, "{results:?}");
    for (strategy, guess, measured) in &results {
        let row = table.iter().find(|r| &r.strategy == strategy).unwrap();
        assert_eq!(*measured, row.total);
        assert_eq!(*guess, if strategy == "sequential" { 900.0 } else { 800.0 });
    }
    let text = b.js("return document.querySelector('[data-testid=guess-result][data-strategy=sequential]').textContent;").await;
    assert!(text.as_str().unwrap().contains("too low"), "{text}");
    let search = b.js("return location.search;").await;
    assert!(!search.as_str().unwrap().contains("900"), "guesses stay out of the link: {search}");
    b.close().await;
}

#[tokio::test]
async fn a_long_run_says_how_long_and_asks_first() {
    let (b, _server) = e2e::open_lab("preset=random&n=10000&mode=compare", 1280, 1000).await;
    let eta = b.js("return document.querySelector('[data-testid=eta]').textContent;").await;
    assert!(eta.as_str().unwrap().contains("\u{a0}h "), "the Compare button's time before the click: {eta}");
    // The predicted totals are written in hours and minutes, not millions of ms.
    let long = b.js("return document.querySelector('[data-testid=total-bar][data-strategy=sequential] .total-label').textContent;").await;
    assert!(long.as_str().unwrap().contains("\u{a0}h"), "{long}");
    b.click("compare").await;
    b.wait_until("document.querySelector('[data-testid=long-run]')", Duration::from_secs(2), "the question").await;
    assert_eq!(b.status().await, "idle", "nothing runs before the answer");
    b.click("confirm-quick").await;
    b.wait_for_state(&["done"], Duration::from_secs(60)).await;
    let rows = b.results().await;
    assert_eq!(rows.iter().map(|r| r.strategy.as_str()).collect::<Vec<_>>(), ["concurrent"]);
    b.close().await;
}

#[tokio::test]
async fn the_embed_fits_in_a_note_in_both_languages_and_themes() {
    let lab = StaticServer::start(e2e::dist_dir(), "/");
    for (width, limit) in [(720, 700.0), (390, 900.0)] {
        let b = Browser::start(width, 1000).await;
        for lang in ["en", "ru"] {
            // No theme in the link: the embed follows its host's, light (the browser's) until told.
            let query = format!("preset=note&mode=compare&embed=1&lang={lang}");
            b.goto(&lab.url(&query)).await;
            b.wait_for_app().await;
            let shown = b.js("return ['scenario-line', 'run', 'compare', 'totals-chart', 'race', 'open-full-page'].map(id => !!document.querySelector(`[data-testid=${id}]`));").await;
            assert_eq!(shown, json!([true, true, true, true, true, true]), "{query} at {width}");
            b.click("compare").await;
            b.wait_for_state(&["done"], Duration::from_secs(20)).await;
            // Then dark, as a dark notes site's snippet says (the page is its own parent here),
            // with the comparison still on the page: one Compare measures both themes.
            for theme in ["light", "dark"] {
                if theme == "dark" {
                    b.js("window.postMessage({type: 'sync-vs-async:theme', theme: 'dark'}, '*'); return 0;").await;
                    b.wait_until("document.documentElement.dataset.theme === 'dark'", Duration::from_secs(5), "the dark theme").await;
                }
                let (height, overflow) = size(&b).await;
                assert!(height <= limit, "{lang}, {theme}, at {width} px: {height} px tall after Compare (at most {limit})");
                assert_eq!(overflow, 0.0, "{lang}, {theme}, at {width} px scrolls sideways");
            }
        }
        b.close().await;
    }
}

async fn size(b: &Browser) -> (f64, f64) {
    let v: Value =
        b.js("return [document.body.getBoundingClientRect().height, document.documentElement.scrollWidth - window.innerWidth];").await;
    (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
}

#[tokio::test]
async fn on_a_phone_the_first_screen_shows_run_and_a_chart() {
    let (b, _server) = e2e::open_lab("preset=note&mode=compare", 360, 740).await;
    let (_, overflow) = size(&b).await;
    assert_eq!(overflow, 0.0, "no sideways scroll at 360 px");
    let above_fold = b
        .js("return ['run', 'totals-chart'].map(id => document.querySelector(`[data-testid=${id}]`).getBoundingClientRect().top < window.innerHeight);")
        .await;
    assert_eq!(above_fold, json!([true, true]), "Run and the totals on the first screen");
    // The form is one click away, and edits still reach the chart.
    b.click("edit-scenario").await;
    b.wait_until("document.querySelector('[data-testid=latencies]')", Duration::from_secs(2), "the form").await;
    b.set_field("latencies", "100, 200, 300").await;
    b.wait_until(
        "document.querySelectorAll('[data-testid=total-bar][data-predicted-ms=\"600.0\"]').length === 2",
        Duration::from_secs(2),
        "the new predictions",
    )
    .await;
    b.close().await;
}

/// The core set: run in Chromium, Firefox and WebKit (`LAB_ENGINE`, README "Browsers").
mod every_engine {
    use super::*;

    /// The tests that measure time (see the file's top-level `timing`): run alone, one at a time.
    mod timing {
        use super::*;

        #[tokio::test]
        async fn race_and_totals_show_the_tables_numbers_live_and_after_compare() {
            for query in ["preset=note&mode=compare", "preset=staggered&n=8&mode=compare"] {
                let (b, _server) = e2e::open_lab(query, 1280, 1000).await;
                // Before a run: the predictions, every lane and bar without a measurement.
                let before = marks(&b, "[data-testid=total-bar]", "measuredMs").await;
                assert_eq!(before.len(), 4, "{query}");
                assert!(before.iter().all(|(_, m, _)| m.is_nan()), "{query}: {before:?}");
                b.click("compare").await;
                // While Compare runs, strategies not yet run show their prediction and fill in as measured.
                b.wait_until(
                    "document.querySelector('[data-testid=status]').dataset.state === 'running'
                 && document.querySelector('[data-testid=race-lane][data-strategy=blocking]').dataset.totalMs
                 && !document.querySelector('[data-testid=race-lane][data-strategy=concurrent]').dataset.totalMs
                 && document.querySelector('[data-testid=race-lane][data-strategy=concurrent]').dataset.predictedMs",
                    Duration::from_secs(20),
                    "blocking measured while concurrent still shows its prediction",
                )
                .await;
                b.wait_for_state(&["done"], Duration::from_secs(60)).await;
                let table = b.results().await;
                e2e::assert_agrees(&table);
                let bars = marks(&b, "[data-testid=total-bar]", "measuredMs").await;
                let lanes = marks(&b, "[data-testid=race-lane]", "totalMs").await;
                assert_eq!(bars.len(), table.len(), "{query}");
                assert_eq!(lanes.len(), table.len(), "{query}");
                let v = b.js("return new URLSearchParams(location.search).toString();").await;
                let scenario = sync_vs_async::model::url_state::decode(v.as_str().unwrap()).config.validate().unwrap();
                for ((row, bar), lane) in table.iter().zip(&bars).zip(&lanes) {
                    assert_eq!((&bar.0, bar.1, bar.2), (&row.strategy, row.total, row.predicted), "{query}: totals chart");
                    assert_eq!((&lane.0, lane.1, lane.2), (&row.strategy, row.total, row.predicted), "{query}: race");
                    let strategy = scenario.strategies().into_iter().find(|s| s.kind().key() == row.strategy).unwrap();
                    assert_eq!(row.predicted, predict(&scenario.scenario, strategy).total, "{query}: the model's prediction");
                }
                // Blocking froze the page: its bar says so, hatched.
                let frozen =
                    b.js("return !!document.querySelector('[data-testid=total-bar][data-strategy=blocking] .total-bar.frozen');").await;
                assert_eq!(frozen, json!(true), "{query}");
                // A screen reader hears the totals in words.
                let summary = b.js("return document.querySelector('[data-testid=totals-summary]').textContent;").await;
                assert!(summary.as_str().unwrap().contains("Sequential: measured"), "{summary}");
                b.close().await;
            }
        }
    }
}

/// The tests that measure time against the model (a tolerance, a range, frame gaps). scripts/test
/// runs them alone, one at a time, after the functional tests: nothing else shares the machine.
mod timing {
    use super::*;

    #[tokio::test]
    async fn the_growth_chart_draws_the_model_and_a_sweep_measures_it() {
        let (b, _server) = e2e::open_lab("lat=40,90&mode=compare&limit=2", 1280, 1000).await;
        let points = b
        .js("return [...document.querySelectorAll('[data-testid=growth-series]')].flatMap(s =>
                [...s.querySelectorAll('[data-testid=growth-point]')].map(p => [s.dataset.strategy, parseInt(p.dataset.n), parseFloat(p.dataset.predictedMs)]));")
        .await;
        let points: Vec<(String, usize, f64)> = serde_json::from_value(points).unwrap();
        let workload = Workload::of(&Scenario::from_latencies(&[40, 90]).unwrap(), Preset::Custom, 42);
        let strategy = |key: &str| match key {
            "blocking" => Strategy::Blocking,
            "sequential" => Strategy::Sequential,
            "concurrent" => Strategy::Concurrent,
            _ => Strategy::Bounded(2),
        };
        assert_eq!(points.len(), 4 * 20, "four lines, N from 1 to 20");
        for (key, n, predicted) in &points {
            assert_eq!(*predicted, predict(&workload.scenario(*n), strategy(key)).total, "{key} at N = {n}");
        }
        b.click("measure-curve").await;
        b.wait_until("document.querySelector('[data-testid=sweep-progress]')", Duration::from_secs(5), "the sweep's progress").await;
        b.wait_until("document.querySelector('[data-testid=measure-curve]')", Duration::from_secs(60), "the sweep to end").await;
        let measured = b
        .js("return [...document.querySelectorAll('[data-testid=growth-point][data-measured-ms]')].map(p =>
                [p.closest('[data-testid=growth-series]').dataset.strategy, parseInt(p.dataset.n), parseFloat(p.dataset.measuredMs), parseFloat(p.dataset.predictedMs)]);")
        .await;
        let measured: Vec<(String, usize, f64, f64)> = serde_json::from_value(measured).unwrap();
        assert_eq!(measured.len(), 3 * 8, "eight points on each line but blocking's: {measured:?}");
        assert!(measured.iter().all(|m| m.0 != "blocking"));
        for (key, n, m, p) in &measured {
            assert!(within_tolerance(*m, *p), "{key} at N = {n}: measured {m}, predicted {p}");
        }
        let said = b.js("return document.querySelector('[data-testid=sweep-status]').textContent;").await;
        assert_eq!(said, json!("Measured 24 runs."));
        // Against k: bounded's total for this N, k from 1 to N.
        b.click("growth-axis").await;
        b.wait_until("document.querySelector('[data-testid=growth-chart]').dataset.axis === 'k'", Duration::from_secs(2), "the k axis")
            .await;
        let k = b.js("return [...document.querySelectorAll('[data-testid=growth-point]')].map(p => [parseInt(p.dataset.k), parseFloat(p.dataset.predictedMs)]);").await;
        let k: Vec<(usize, f64)> = serde_json::from_value(k).unwrap();
        assert_eq!(k, [(1, 130.0), (2, 90.0)]);
        b.close().await;
    }
}
