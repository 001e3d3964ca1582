//! The last line of defence: if Rust code ever panics, the page says so in words and offers
//! a reload, instead of silently going dead.

use wasm_bindgen::JsCast;

use crate::text::Text;

pub fn install(t: &'static Text) {
    yew::set_custom_panic_hook(Box::new(move |info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("sync-vs-async: {message}").into());
        show(t, &message);
    }));
}

/// The banner, with the panic's own message in `data-message` (for a bug report, and for the
/// tests, which stop waiting and say it).
fn show(t: &Text, message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.get_element_by_id("panic-banner").is_some() {
        return;
    }
    let Ok(banner) = document.create_element("div") else { return };
    banner.set_id("panic-banner");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("data-testid", "panic");
    let _ = banner.set_attribute("data-message", message);
    banner.set_class_name("panic-banner");
    let _ = banner.append_child(&document.create_text_node(t.errors.panic_banner));
    if let Ok(button) = document.create_element("button") {
        button.set_text_content(Some(t.errors.reload));
        // A listener, not an inline `onclick`: a strict Content-Security-Policy forbids inline code.
        let reload = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(|| {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
        let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
        // The page is past saving; the banner lives until the reload.
        reload.forget();
        let _ = banner.append_child(&button);
    }
    if let Some(body) = document.body() {
        let _ = body.insert_before(&banner, body.first_child().as_ref());
    }
    if let Ok(Some(status)) = document.query_selector("[data-testid=status]") {
        let _ = status.set_attribute("data-state", "error");
    }
    let _ = banner.dyn_ref::<web_sys::HtmlElement>().map(|b| b.focus());
}
