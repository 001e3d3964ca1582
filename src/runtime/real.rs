//! Real requests: `fetch()` with an `AbortController` per request (for timeouts and Cancel),
//! a synchronous `XMLHttpRequest` for blocking, and the browser's Resource Timing afterwards.

use std::cell::Cell;
use std::rc::Rc;

use futures::future::{select, Either};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::clock;
use crate::model::source::{phases, RequestOutcome, ResourceMarks};

/// What one real request came to.
pub struct Answer {
    pub outcome: RequestOutcome,
    pub status: Option<u16>,
    pub size: Option<u64>,
}

/// Aborts its request when dropped before `disarm`: a cancelled run leaves nothing open.
struct AbortOnDrop {
    controller: web_sys::AbortController,
    armed: bool,
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if self.armed {
            self.controller.abort();
        }
    }
}

/// `fetch(url)`, body read to the end; `on_headers` is called when the response's headers arrive.
pub async fn fetch(url: &str, timeout_ms: Option<u32>, on_headers: impl FnOnce()) -> Answer {
    let failed = |outcome| Answer { outcome, status: None, size: None };
    let Some(window) = web_sys::window() else { return failed(RequestOutcome::NetworkError) };
    let Ok(controller) = web_sys::AbortController::new() else { return failed(RequestOutcome::NetworkError) };
    let mut guard = AbortOnDrop { controller: controller.clone(), armed: true };
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_signal(Some(&controller.signal()));
    init.set_cache(web_sys::RequestCache::NoStore);
    let deadline = timeout_ms.map(|ms| clock::now() + f64::from(ms));
    let timed_out = Rc::new(Cell::new(false));

    let response = window.fetch_with_str_and_init(url, &init);
    let response = match with_deadline(JsFuture::from(response), deadline, &controller, &timed_out).await {
        Ok(r) => r,
        Err(e) => {
            guard.armed = false;
            return failed(rejection(&e, timed_out.get()));
        }
    };
    on_headers();
    let Ok(response) = response.dyn_into::<web_sys::Response>() else {
        guard.armed = false;
        return failed(RequestOutcome::NetworkError);
    };
    let status = response.status();
    let body = match response.array_buffer() {
        Ok(promise) => with_deadline(JsFuture::from(promise), deadline, &controller, &timed_out).await,
        Err(e) => Err(e),
    };
    guard.armed = false;
    match body {
        Ok(buffer) => {
            let size = js_sys::ArrayBuffer::from(buffer).byte_length() as u64;
            let outcome = if response.ok() { RequestOutcome::Ok } else { RequestOutcome::HttpError };
            Answer { outcome, status: Some(status), size: Some(size) }
        }
        Err(e) => Answer { outcome: rejection(&e, timed_out.get()), status: Some(status), size: None },
    }
}

/// Awaits `future` until the deadline, aborting the request through `controller` at the deadline.
async fn with_deadline(
    future: JsFuture,
    deadline: Option<f64>,
    controller: &web_sys::AbortController,
    timed_out: &Rc<Cell<bool>>,
) -> Result<JsValue, JsValue> {
    let Some(deadline) = deadline else { return future.await };
    let left = (deadline - clock::now()).max(0.0).ceil() as u32;
    match select(future, TimeoutFuture::new(left)).await {
        Either::Left((result, _)) => result,
        Either::Right(((), future)) => {
            timed_out.set(true);
            controller.abort();
            future.await
        }
    }
}

/// A rejected fetch: aborted by our timeout, aborted by Cancel, or refused (network or CORS).
fn rejection(error: &JsValue, timed_out: bool) -> RequestOutcome {
    let aborted = error.dyn_ref::<web_sys::DomException>().is_some_and(|e| e.name() == "AbortError");
    match (aborted, timed_out) {
        (true, true) => RequestOutcome::Timeout,
        (true, false) => RequestOutcome::Cancelled,
        _ => RequestOutcome::NetworkError,
    }
}

/// A synchronous `XMLHttpRequest`: the thread waits for the answer, the page freezes. The
/// platform allows neither a timeout nor a non-text response type here.
pub fn blocking_get(url: &str) -> Answer {
    let failed = |outcome| Answer { outcome, status: None, size: None };
    let Ok(xhr) = web_sys::XmlHttpRequest::new() else { return failed(RequestOutcome::NetworkError) };
    if xhr.open_with_async("GET", url, false).is_err() {
        return failed(RequestOutcome::NetworkError);
    }
    if xhr.send().is_err() {
        return failed(RequestOutcome::NetworkError);
    }
    let status = xhr.status().unwrap_or(0);
    if status == 0 {
        return failed(RequestOutcome::NetworkError);
    }
    let size = xhr.response_text().ok().flatten().map(|t| t.len() as u64);
    let outcome = if (200..300).contains(&status) { RequestOutcome::Ok } else { RequestOutcome::HttpError };
    Answer { outcome, status: Some(status), size }
}

/// Starts a run's Resource Timing afresh: room for every request, none left from before.
pub fn reset_resource_timing() {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        p.clear_resource_timings();
        p.set_resource_timing_buffer_size(1000);
    }
}

/// The phases of the request to `url` (relative to the run's start `t0`) and its time queued,
/// from the browser's Resource Timing; `None` where there is no entry or the server hid it.
pub fn timing_of(url: &str, t0: f64) -> Option<(crate::model::source::Phases, f64)> {
    let window = web_sys::window()?;
    let absolute = web_sys::Url::new_with_base(url, &window.location().href().ok()?).ok()?.href();
    let entries = window.performance()?.get_entries_by_name(&absolute);
    let entry: web_sys::PerformanceResourceTiming = entries.get(entries.length().checked_sub(1)?).dyn_into().ok()?;
    let marks = ResourceMarks {
        start: entry.start_time(),
        domain_lookup_start: entry.domain_lookup_start(),
        domain_lookup_end: entry.domain_lookup_end(),
        connect_start: entry.connect_start(),
        connect_end: entry.connect_end(),
        request_start: entry.request_start(),
        response_start: entry.response_start(),
        response_end: entry.response_end(),
    };
    phases(&marks, t0)
}
