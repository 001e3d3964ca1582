//! Measures the lab as an embed: loads it in an off-screen frame of a given column width and
//! reads the heights it posts (the same message the auto-height snippet listens to), until they
//! settle. Gives the fixed-height snippet the height the embed really has in that column.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::timers;
use crate::model::embed::RESIZE_MESSAGE_TYPE;

/// How long the heights must stay unchanged to count as settled, ms.
const SETTLED_MS: f64 = 700.0;
/// How long to wait for the frame at all, ms.
const GIVE_UP_MS: f64 = 15_000.0;

/// The embed at `src`, `width` px wide: its settled height in px, or `None` if it never posted one.
pub async fn measure(src: &str, width: u32) -> Option<u32> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let frame = document.create_element("iframe").ok()?;
    let _ = frame
        .set_attribute("style", &format!("position:absolute;left:-20000px;top:0;width:{width}px;height:200px;border:0;visibility:hidden"));
    let _ = frame.set_attribute("aria-hidden", "true");
    let _ = frame.set_attribute("tabindex", "-1");
    let _ = frame.set_attribute("src", src);
    document.body()?.append_child(&frame).ok()?;
    let frame_window = frame.dyn_ref::<web_sys::HtmlIFrameElement>().and_then(|f| f.content_window());

    // (height, ms of the last change)
    let latest: Rc<Cell<Option<(f64, f64)>>> = Rc::new(Cell::new(None));
    let listener = {
        let latest = latest.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let from_frame = match (&frame_window, e.source()) {
                (Some(w), Some(source)) => JsValue::from(w.clone()) == JsValue::from(source),
                _ => false,
            };
            let data = e.data();
            let kind = js_sys::Reflect::get(&data, &"type".into()).ok().and_then(|t| t.as_string());
            let height = js_sys::Reflect::get(&data, &"height".into()).ok().and_then(|h| h.as_f64());
            if let (true, Some(RESIZE_MESSAGE_TYPE), Some(h)) = (from_frame, kind.as_deref(), height) {
                // The tallest height seen: a frame measured mid-layout must never make the snippet short.
                let tallest = latest.get().map_or(h, |(old, _)| old.max(h));
                if h.is_finite() && h > 0.0 && latest.get().map(|(old, _)| old) != Some(tallest) {
                    latest.set(Some((tallest, super::clock::now())));
                }
            }
        })
    };
    let _ = window.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    let started = super::clock::now();
    let result = loop {
        timers::sleep(100.0).await;
        let now = super::clock::now();
        match latest.get() {
            Some((h, at)) if now - at >= SETTLED_MS => break Some(h.ceil() as u32),
            _ if now - started > GIVE_UP_MS => break latest.get().map(|(h, _)| h.ceil() as u32),
            _ => {}
        }
    };
    let _ = window.remove_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    frame.remove();
    result
}
