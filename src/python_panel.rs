//! The Python panel's module: Trunk builds it beside the lab (`data-type="worker"`, so the page
//! does not load it) and the lab imports it when a reader opens the panel
//! (`runtime::python_panel`). Its only exports are these two.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    use sync_vs_async::python::{mount as mount_panel, PanelInit, PythonPanel};

    #[wasm_bindgen]
    pub struct Panel(yew::AppHandle<PythonPanel>);

    #[wasm_bindgen]
    impl Panel {
        /// New words, scenario or program from the lab.
        pub fn update(&mut self, init: JsValue) {
            self.0.update(PanelInit::from_js(&init));
        }
    }

    #[wasm_bindgen]
    pub fn mount(host: web_sys::Element, init: JsValue) -> Panel {
        Panel(mount_panel(host, &init))
    }
}

fn main() {}
