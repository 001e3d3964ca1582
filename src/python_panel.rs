//! The Python panel's module: Trunk builds it beside the lab (`data-type="worker"`, so the page
//! does not load it) and the lab imports it when a reader opens the panel
//! (`runtime::python_panel_loader`). Its one export mounts the panel.

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount(host: web_sys::Element) {
    sync_vs_async::python::mount(host);
}

fn main() {}
