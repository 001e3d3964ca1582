//! Loads the Python panel's own module (`python-panel.js` and its wasm, built beside the lab's
//! by Trunk) only when a reader opens the panel, and mounts it into an element. The lab's first
//! load carries only this loader.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(
    inline_js = "export async function open_panel(url, host, init) { const m = await import(url); await m.default(); return m.mount(host, init); }
export function update_panel(panel, init) { panel.update(init); }"
)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn open_panel(url: &str, host: &web_sys::Element, init: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn update_panel(panel: &JsValue, init: &JsValue) -> Result<(), JsValue>;
}

/// The module's address: beside the page, from any sub-path.
fn module_url() -> String {
    let base = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    web_sys::Url::new_with_base("python-panel.js", &base).map(|u| u.href()).unwrap_or_else(|_| "./python-panel.js".into())
}

/// Loads the module and mounts the panel; the handle is for `update`.
pub async fn open(host: &web_sys::Element, init: &JsValue) -> Result<JsValue, String> {
    let promise = open_panel(&module_url(), host, init).map_err(describe)?;
    JsFuture::from(promise).await.map_err(describe)
}

pub fn update(panel: &JsValue, init: &JsValue) {
    let _ = update_panel(panel, init);
}

fn describe(error: JsValue) -> String {
    error
        .as_string()
        .or_else(|| js_sys::Reflect::get(&error, &JsValue::from_str("message")).ok().and_then(|m| m.as_string()))
        .unwrap_or_else(|| "unknown error".into())
}
