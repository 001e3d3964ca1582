//! Components rendered into a real DOM: the waterfall draws one bar per started request with its
//! times as hooks; the results table, the totals chart and the race mark measured rows apart from
//! predicted ones.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use sync_vs_async::app::components::race::{Race, RaceProps};
use sync_vs_async::app::components::results::{Results, ResultsProps};
use sync_vs_async::app::components::totals_chart::{TotalsChart, TotalsChartProps};
use sync_vs_async::app::components::waterfall::{Waterfall, WaterfallProps};
use sync_vs_async::model::summary;
use sync_vs_async::model::trace::Outcome;
use sync_vs_async::model::trace::RequestTrace;
use sync_vs_async::model::{predict, Scenario, Strategy, Trace};
use sync_vs_async::text::EN;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

#[wasm_bindgen_test]
async fn waterfall_draws_started_requests_with_their_times() {
    let scenario = Rc::new(Scenario::from_latencies(&[300, 800, 500]).unwrap());
    let schedule = Rc::new(predict(&scenario, Strategy::Concurrent));
    let mut trace = Trace::new(Strategy::Concurrent, 3);
    trace.requests[0] = RequestTrace { start: Some(0.0), response: Some(301.5), end: Some(301.5), ..Default::default() };
    trace.requests[1] = RequestTrace { start: Some(0.2), ..Default::default() };
    let root = mount();
    let props = WaterfallProps {
        t: &EN,
        scenario,
        schedule,
        trace: Some(Rc::new(trace)),
        elapsed: 420.0,
        span_ms: 800.0,
        caption: "test".into(),
        cursor: Some(400.0),
        on_scrub: None,
        urls: None,
        notes: Vec::new(),
    };
    yew::Renderer::<Waterfall>::with_root_and_props(root.clone(), props).render();
    rendered(&root, "[data-testid=bar]").await;

    let bars = root.query_selector_all("[data-testid=bar]").unwrap();
    assert_eq!(bars.length(), 2, "the third request has not started");
    let first: web_sys::Element = bars.item(0).unwrap().dyn_into().unwrap();
    assert_eq!(first.get_attribute("data-index").as_deref(), Some("0"));
    assert_eq!(first.get_attribute("data-response-ms").as_deref(), Some("301.5"));
    let second: web_sys::Element = bars.item(1).unwrap().dyn_into().unwrap();
    assert_eq!(second.get_attribute("data-end-ms"), None, "still in flight");
    let in_flight = second.query_selector(".in-flight").unwrap().expect("an in-flight bar");
    // It reaches the axis's end from its start (0.2 ms of 800), and is cut at "now", 420 ms, by
    // the one clip every waiting bar shares.
    assert_eq!(in_flight.get_attribute("x").as_deref(), Some("0.025%"));
    assert_eq!(in_flight.get_attribute("width").as_deref(), Some("99.975%"));
    assert_eq!(in_flight.get_attribute("clip-path").as_deref(), Some("url(#wf-now)"));
    let clip = root.query_selector("#wf-now [data-testid=now-clip]").unwrap().expect("the clip at now");
    assert_eq!(clip.get_attribute("width").as_deref(), Some("52.500%"));
    // As a pointer finds it: the bar is there before "now" and not after (the clip cuts hits too).
    let chart = root.query_selector("svg.wf-chart").unwrap().unwrap().get_bounding_client_rect();
    let bar = in_flight.get_bounding_client_rect();
    let document = web_sys::window().unwrap().document().unwrap();
    let y = (bar.top() + bar.height() / 2.0) as f32;
    let hit = |fraction: f64| document.element_from_point((chart.left() + fraction * chart.width()) as f32, y);
    assert_eq!(hit(0.3).as_ref(), Some(&in_flight), "before now");
    assert_ne!(hit(0.8).as_ref(), Some(&in_flight), "after now");
    assert_eq!(root.query_selector_all("[data-testid=predicted-bar]").unwrap().length(), 3);
    let cursor = root.query_selector("[data-testid=waterfall-cursor]").unwrap().expect("the replay's moment");
    assert_eq!(cursor.get_attribute("x1").as_deref(), Some("50.000%"));
    assert_eq!(cursor.get_attribute("data-moment-ms").as_deref(), Some("400.0"));
}

use wasm_bindgen::JsCast;

/// Waits until Yew has drawn `selector` inside `root` (its scheduler renders asynchronously).
async fn rendered(root: &web_sys::Element, selector: &str) {
    for _ in 0..200 {
        if root.query_selector(selector).ok().flatten().is_some() {
            return;
        }
        TimeoutFuture::new(1).await;
    }
    panic!("{selector} was never drawn");
}

fn attr(e: &web_sys::Element, name: &str) -> Option<String> {
    e.get_attribute(name)
}

fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().dyn_into().unwrap()).collect()
}

/// The note's example: blocking and sequential measured (blocking froze the page), concurrent not yet.
/// A session as the app holds it: the scenario, strategies, predictions and traces.
type Session = (Rc<Scenario>, Vec<Strategy>, Vec<Rc<sync_vs_async::model::Schedule>>, Vec<Option<Rc<Trace>>>);

fn note_session() -> Session {
    let scenario = Rc::new(Scenario::from_latencies(&[300, 800]).unwrap());
    let strategies = vec![Strategy::Blocking, Strategy::Sequential, Strategy::Concurrent];
    let schedules: Vec<_> = strategies.iter().map(|&s| Rc::new(predict(&scenario, s))).collect();
    let measured = |strategy, total: f64, gap: f64| {
        let mut t = Trace::new(strategy, 2);
        t.requests[0] = RequestTrace { start: Some(0.0), response: Some(300.0), end: Some(300.0), ..Default::default() };
        t.requests[1] = RequestTrace { start: Some(300.0), response: Some(total), end: Some(total), ..Default::default() };
        t.total = Some(total);
        t.max_frame_gap = Some(gap);
        t.outcome = Outcome::Completed;
        Some(Rc::new(t))
    };
    let traces = vec![measured(Strategy::Blocking, 1102.0, 1102.0), measured(Strategy::Sequential, 1101.0, 17.0), None];
    (scenario, strategies, schedules, traces)
}

fn summary_rows() -> Vec<summary::SummaryRow> {
    let (scenario, strategies, schedules, traces) = note_session();
    let schedules: Vec<&sync_vs_async::model::Schedule> = schedules.iter().map(|s| s.as_ref()).collect();
    let traces: Vec<Option<&Trace>> = traces.iter().map(|t| t.as_deref()).collect();
    summary::rows(&scenario, &strategies, &schedules, &traces)
}

#[wasm_bindgen_test]
async fn results_table_marks_measured_rows() {
    let root = mount();
    let props = ResultsProps {
        t: &EN,
        rows: summary_rows(),
        shown: Some(1),
        on_select: Default::default(),
        stale_note: None,
        on_run_again: Default::default(),
    };
    yew::Renderer::<Results>::with_root_and_props(root.clone(), props).render();
    rendered(&root, "tr[data-strategy]").await;
    let rows = all(&root, "tr[data-strategy]");
    let ids: Vec<Option<String>> = rows.iter().map(|r| attr(r, "data-testid")).collect();
    assert_eq!(ids, [Some("result".into()), Some("result".into()), Some("prediction".into())]);
    assert_eq!(attr(&rows[1], "data-total-ms").as_deref(), Some("1101.0"));
    assert_eq!(attr(&rows[2], "data-total-ms"), None, "not run yet");
    assert_eq!(attr(&rows[2], "data-predicted-ms").as_deref(), Some("800.0"));
    assert!(rows[0].query_selector(".gap.frozen").unwrap().is_some(), "blocking froze the page");
    assert!(rows[1].class_list().contains("shown"));
}

#[wasm_bindgen_test]
async fn totals_chart_draws_measured_bars_hatches_the_frozen_one_and_says_it_in_words() {
    let root = mount();
    let props = TotalsChartProps { t: &EN, rows: summary_rows(), running: Some(2), on_select: Default::default() };
    yew::Renderer::<TotalsChart>::with_root_and_props(root.clone(), props).render();
    rendered(&root, "[data-testid=total-bar]").await;
    let bars = all(&root, "[data-testid=total-bar]");
    let measured: Vec<Option<String>> = bars.iter().map(|b| attr(b, "data-measured-ms")).collect();
    assert_eq!(measured, [Some("1102.0".into()), Some("1101.0".into()), None]);
    assert_eq!(attr(&bars[2], "data-predicted-ms").as_deref(), Some("800.0"));
    assert!(bars[0].query_selector(".total-bar.frozen").unwrap().is_some(), "blocking is hatched");
    assert!(bars[1].query_selector(".total-bar.frozen").unwrap().is_none());
    assert!(bars[2].class_list().contains("running") && bars[2].class_list().contains("not-run"));
    // The longest total spans the chart's longest bar; the others in proportion.
    let width = |b: &web_sys::Element| b.query_selector(".total-bar").unwrap().unwrap().get_attribute("style").unwrap();
    assert_eq!(width(&bars[0]), "width:62.00%");
    let summary = root.query_selector("[data-testid=totals-summary]").unwrap().unwrap().text_content().unwrap();
    assert!(summary.starts_with("Blocking: measured 1,102\u{a0}ms, predicted 1,100\u{a0}ms (the sum of 300 and 800), ×1.00."), "{summary}");
    assert!(summary.contains("Concurrent: predicted 800\u{a0}ms (the longest of 300 and 800)"), "{summary}");
}

#[wasm_bindgen_test]
async fn race_lanes_share_one_axis_and_fill_in_as_strategies_are_measured() {
    let (scenario, strategies, schedules, traces) = note_session();
    let root = mount();
    let props = RaceProps {
        t: &EN,
        scenario,
        strategies,
        schedules,
        traces,
        running: Some((2, 250.0)),
        span_ms: 1102.0,
        shown: None,
        on_select: Default::default(),
    };
    yew::Renderer::<Race>::with_root_and_props(root.clone(), props).render();
    rendered(&root, "[data-testid=race-lane]").await;
    let lanes = all(&root, "[data-testid=race-lane]");
    let totals: Vec<Option<String>> = lanes.iter().map(|l| attr(l, "data-total-ms")).collect();
    assert_eq!(totals, [Some("1102.0".into()), Some("1101.0".into()), None]);
    assert!(lanes[2].class_list().contains("running"));
    // Every lane draws its two requests' predictions, and the measured ones their bars.
    assert!(lanes.iter().all(|l| all(l, ".race-ghost").len() == 2));
    assert_eq!(all(&lanes[1], ".race-wait").len(), 2);
    assert_eq!(all(&lanes[2], ".race-wait").len(), 0, "concurrent has no requests measured yet");
    // One axis: a total of 550 ms would sit at the same place in every lane.
    let line = |l: &web_sys::Element| l.query_selector(".race-predicted-total").unwrap().unwrap().get_attribute("x1").unwrap();
    let (end, _, _) = sync_vs_async::model::axis::time_ticks(1102.0, 5);
    assert_eq!(line(&lanes[2]), format!("{}%", sync_vs_async::model::number::fixed(100.0 * 800.0 / end, 3)));
}
