//! The latency emulator: registers the service worker shipped in `static/latency-sw.js` and
//! waits until it controls the page, so that `fetch("./delay/300")` answers after 300 ms.

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_futures::JsFuture;

/// Whether the emulator is ready. Fails where service workers are unavailable (a sandboxed
/// frame, an insecure address) or the worker does not take control within a few seconds.
pub async fn ensure() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let navigator = window.navigator();
    let has_sw = js_sys::Reflect::get(&navigator, &"serviceWorker".into()).is_ok_and(|v| !v.is_undefined());
    if !has_sw {
        return false;
    }
    let container = navigator.service_worker();
    if container.controller().is_some() {
        return true;
    }
    // Listen before registering: the worker claims the page when it activates, and says so.
    let changed = js_sys::Promise::new(&mut |resolve, _reject| container.set_oncontrollerchange(Some(&resolve)));
    let options = web_sys::RegistrationOptions::new();
    options.set_scope("./");
    if JsFuture::from(container.register_with_options("./latency-sw.js", &options)).await.is_err() {
        container.set_oncontrollerchange(None);
        return false;
    }
    if container.controller().is_none() {
        // At most a few seconds: a worker that never takes control leaves the emulator unavailable.
        futures::future::select(JsFuture::from(changed), TimeoutFuture::new(CONTROL_WITHIN_MS)).await;
    }
    container.set_oncontrollerchange(None);
    container.controller().is_some()
}

/// How long the worker may take to control the page, ms.
const CONTROL_WITHIN_MS: u32 = 3_000;
