//! Components rendered into a real DOM: the waterfall draws one bar per started request
//! with its times as hooks, and the results table marks measured rows.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use sync_vs_async::app::components::waterfall::{Waterfall, WaterfallProps};
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
    TimeoutFuture::new(20).await;

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
