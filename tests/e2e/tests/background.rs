//! A run made while the tab was in the background (issue 30): browsers slow timers there, so such
//! a run measured the browser, not the strategy. It keeps its trace and is named, never judged:
//! no ✓ or ≠, no measured speed-up, no "page frozen", but one line saying what happened, with Run
//! again. Chromium as a reader has it (`Browser::start_backgroundable`) hides the lab's tab for
//! real when another tab comes to the front. Chromium only: the other engines' drivers cannot
//! bring a tab behind another headlessly. A Python run made in the background is in python.rs.

use std::time::Duration;

use e2e::{Browser, StaticServer};
use serde_json::Value;

/// Each row: its strategy, whether it was measured in the background (and how long), whether it
/// has a verdict, and its words.
const ROWS: &str = "return [...document.querySelectorAll('[data-testid=result]')].map((r) => {
    const h = r.querySelector('[data-testid=hidden-run]');
    return [r.dataset.strategy, h ? +h.dataset.hiddenMs : null, !!r.querySelector('.agree'), r.textContent];
});";

async fn open(query: &str) -> (Browser, StaticServer) {
    e2e::open_lab_backgroundable(query, 1280, 1000).await
}

fn rows(value: Value) -> Vec<(String, Option<f64>, bool, String)> {
    value
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            (
                r[0].as_str().unwrap_or_default().into(),
                r[1].as_f64(),
                r[2].as_bool() == Some(true),
                r[3].as_str().unwrap_or_default().into(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_run_made_in_the_background_is_named_never_judged_and_run_again_in_view_is_judged() {
    for (lang, named, frozen) in [("en", "the tab was in the background for", "frozen"), ("ru", "вкладка была в фоне", "замерла")]
    {
        // The run (3 s) outlasts the 2 s the tab spends behind another.
        let (b, _server) = open(&format!("lat=300,3000,500&mode=concurrent&lang={lang}")).await;
        b.click("run").await;
        b.hide_for(Duration::from_secs(2)).await;
        b.wait_for_state(&["done"], Duration::from_secs(30)).await;
        let seen = rows(b.js(ROWS).await);
        assert_eq!(seen.len(), 1, "{lang}: {seen:?}");
        let (strategy, hidden, verdict, words) = &seen[0];
        assert_eq!(strategy, "concurrent");
        assert!(hidden.is_some_and(|ms| ms >= 1000.0), "{lang}: hidden for {hidden:?}");
        assert!(!verdict, "{lang}: no ✓ or ≠ for a run in the background: {words}");
        assert!(words.contains(named), "{lang}: {words}");
        assert!(!words.contains(frozen), "{lang}: no page-frozen verdict: {words}");
        // Run again, in view: a verdict, and no word of the background.
        b.click("run-again").await;
        b.wait_until(
            "document.querySelector('[data-testid=status]').dataset.state === 'done' && !document.querySelector('[data-testid=hidden-run]')",
            Duration::from_secs(30),
            "the run again, in view",
        )
        .await;
        let seen = rows(b.js(ROWS).await);
        assert_eq!((seen[0].1, seen[0].2), (None, true), "{lang}: in view, judged: {seen:?}");
        b.close().await;
    }
}

#[tokio::test]
async fn a_compare_judges_only_what_ran_in_view() {
    let (b, _server) = open("lat=300,800&mode=compare").await;
    b.click("compare").await;
    // Blocking (1.1 s) runs in view; the tab goes to the background as the next strategy runs.
    b.wait_until("document.querySelectorAll('[data-testid=result]').length >= 1", Duration::from_secs(20), "blocking measured").await;
    b.hide_for(Duration::from_secs(2)).await;
    b.wait_for_state(&["done"], Duration::from_secs(60)).await;
    let seen = rows(b.js(ROWS).await);
    assert_eq!(seen.len(), 4, "{seen:?}");
    assert_eq!((seen[0].0.as_str(), seen[0].1, seen[0].2), ("blocking", None, true), "blocking ran in view: {seen:?}");
    for (strategy, hidden, verdict, words) in &seen {
        assert_ne!(hidden.is_some(), *verdict, "{strategy}: named or judged, never both: {words}");
    }
    assert!(seen.iter().any(|r| r.1.is_some()), "a strategy ran in the background: {seen:?}");
    assert!(seen[1..].iter().any(|r| r.2), "a strategy after the tab came back ran in view: {seen:?}");
    b.close().await;
}

#[tokio::test]
async fn a_run_that_stays_in_view_is_never_warned_about() {
    let (b, _server) = open("lat=300,800,500&mode=compare").await;
    b.click("compare").await;
    b.wait_for_state(&["done"], Duration::from_secs(60)).await;
    let seen = rows(b.js(ROWS).await);
    assert_eq!(seen.len(), 4);
    assert!(seen.iter().all(|r| r.1.is_none()), "no run in view is named as in the background: {seen:?}");
    b.close().await;
}

/// A sweep goes on while the tab is in the background and marks the points measured there:
/// faint, counted under the chart; the points measured in view keep their place.
#[tokio::test]
async fn a_sweeps_points_measured_in_the_background_are_marked_and_the_rest_kept() {
    // Its 24 runs take ~5 s in view; the tab goes behind another for 2 s of them.
    let (b, _server) = open("lat=60,120&mode=compare&limit=2").await;
    b.click("measure-curve").await;
    b.wait_until("document.querySelector('[data-testid=sweep-progress]')", Duration::from_secs(5), "the sweep's progress").await;
    b.wait_until(
        "document.querySelectorAll('[data-testid=growth-point][data-measured-ms]').length >= 2",
        Duration::from_secs(20),
        "two points in view",
    )
    .await;
    b.hide_for(Duration::from_secs(2)).await;
    b.wait_until("document.querySelector('[data-testid=measure-curve]')", Duration::from_secs(120), "the sweep to end").await;
    let points = b
        .js("return [...document.querySelectorAll('[data-testid=growth-point][data-measured-ms]')].map(p => p.dataset.hiddenMs ? +p.dataset.hiddenMs : null);")
        .await;
    let points: Vec<Option<f64>> = serde_json::from_value(points).expect("points");
    let hidden = points.iter().filter(|p| p.is_some()).count();
    assert_eq!(points.len(), 24, "every point measured: {points:?}");
    assert!(hidden >= 1 && hidden < points.len(), "some points, not all, in the background: {points:?}");
    let said =
        b.js("const n = document.querySelector('[data-testid=sweep-hidden]'); return n ? [+n.dataset.runs, n.textContent] : null;").await;
    assert_eq!(said[0].as_u64(), Some(hidden as u64), "{said}");
    assert!(said[1].as_str().unwrap_or_default().contains("the tab was in the background"), "{said}");
    b.close().await;
}
