//! The pictures' module: Trunk builds it beside the lab (`data-type="worker"`, so the page does
//! not load it) and the lab imports it when a reader first takes a chart away
//! (`runtime::pictures_loader`). Its one export answers a picture menu's button (`runtime::chart_reader`):
//! reads the chart, writes it as SVG (`model::picture`) and hands it over — a download of the SVG,
//! of a PNG at twice the size, or a PNG on the clipboard.

#[cfg(target_arch = "wasm32")]
mod export {
    use wasm_bindgen::prelude::*;

    /// Answers a picture menu's button (`runtime::chart_reader::press`).
    #[wasm_bindgen]
    pub async fn press(button: web_sys::Element) {
        sync_vs_async::runtime::chart_reader::press(&button).await
    }
}

fn main() {}
