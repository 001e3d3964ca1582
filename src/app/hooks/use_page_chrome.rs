//! What the page does outside its own element: theme and language on `<html>`, the window's
//! title and a shared link's preview tags in the page's language, and in embed mode the height it posts to the parent page whenever it changes.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::embed::RESIZE_MESSAGE_TYPE;
use crate::model::presentation::{Presentation, Theme};
use crate::text::Text;

/// index.html's link-preview tags that carry the title, and the description.
const PREVIEW_TITLES: &str = r#"meta[property="og:title"],meta[name="twitter:title"]"#;
const PREVIEW_DESCRIPTIONS: &str = r#"meta[name="description"],meta[property="og:description"],meta[name="twitter:description"]"#;

#[hook]
pub fn use_page_chrome(presentation: &Presentation, theme: Theme, t: &'static Text) {
    // The moment the lab first became usable, for the benchmark's time to interactive.
    use_effect_with((), |_| {
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark("lab-interactive");
        }
    });
    use_effect_with(t.lang, move |_| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(t.page.title);
            if let Some(html) = document.document_element() {
                let _ = html.set_attribute("lang", t.lang.key());
            }
            // As the picker of the prerendered page sets them (scripts/prerender.mjs).
            let tags = [(PREVIEW_TITLES, t.page.title), (PREVIEW_DESCRIPTIONS, t.page.description)];
            for (selector, content) in tags {
                if let Ok(metas) = document.query_selector_all(selector) {
                    for i in 0..metas.length() {
                        if let Some(meta) = metas.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                            let _ = meta.set_attribute("content", content);
                        }
                    }
                }
            }
        }
    });
    use_effect_with((theme, presentation.embed), |&(theme, embed)| {
        if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            match theme {
                Theme::Auto => {
                    let _ = html.remove_attribute("data-theme");
                }
                theme => {
                    let _ = html.set_attribute("data-theme", theme.key());
                }
            }
            let _ = html.class_list().toggle_with_force("embed", embed);
            // In a host's frame: the host's background shows through (static/style.css).
            let framed = web_sys::window().and_then(|w| w.top().ok().flatten().map(|top| top != w)).unwrap_or(false);
            let _ = html.class_list().toggle_with_force("framed", framed);
        }
    });
    use_effect_with(presentation.embed, |&embed| {
        let observer = if embed { observe_height() } else { None };
        move || {
            if let Some((observer, _callback)) = observer {
                observer.disconnect();
            }
        }
    });
}

/// Posts `{type, height}` to the parent now and on every change of the body's height.
/// The observer and the closure it calls, kept alive together until the effect is cleaned up.
type HeightObserver = (web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

fn observe_height() -> Option<HeightObserver> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    let body = window.document()?.body()?;
    let measured = body.clone();
    let mut last = -1.0_f64;
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        let height = measured.get_bounding_client_rect().height().ceil();
        if height == last {
            return;
        }
        last = height;
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &RESIZE_MESSAGE_TYPE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // The height is no secret: any parent may have it.
        let _ = parent.post_message(&message, "*");
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&body);
    Some((observer, callback))
}
