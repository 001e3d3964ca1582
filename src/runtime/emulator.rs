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
    let options = web_sys::RegistrationOptions::new();
    options.set_scope("./");
    if JsFuture::from(container.register_with_options("./latency-sw.js", &options)).await.is_err() {
        return false;
    }
    // The worker claims the page when it activates; give it a moment.
    for _ in 0..60 {
        if container.controller().is_some() {
            return true;
        }
        TimeoutFuture::new(50).await;
    }
    false
}
