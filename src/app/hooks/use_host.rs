//! The page around the lab: what it says to an embedded lab, and measuring the lab as an embed.
//!
//! An embed listens for `{type: "sync-vs-async:theme", theme: "light" | "dark"}` from its parent
//! (the snippet sends it from the host's colours) and answers `sync-vs-async:theme-applied`.
//! Anything else, or from anyone else, is ignored.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::embed::{THEME_APPLIED_MESSAGE_TYPE, THEME_MESSAGE_TYPE};
use crate::model::lab::{Action, AppState};
use crate::model::presentation::Theme;

#[hook]
pub fn use_host_theme(dispatch: UseReducerDispatcher<AppState>, embed: bool) {
    use_effect_with(embed, move |&embed| {
        let listener = embed.then(|| listen(dispatch)).flatten();
        move || {
            if let (Some(window), Some(listener)) = (web_sys::window(), listener) {
                let _ = window.remove_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
            }
        }
    });
}

fn listen(dispatch: UseReducerDispatcher<AppState>) -> Option<Closure<dyn FnMut(web_sys::MessageEvent)>> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    let listener = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let from_parent = e.source().is_some_and(|s| JsValue::from(s) == JsValue::from(parent.clone()));
        let data = e.data();
        let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok().and_then(|v| v.as_string());
        if !from_parent || field("type").as_deref() != Some(THEME_MESSAGE_TYPE) {
            return;
        }
        let Some(theme) = field("theme").as_deref().and_then(Theme::from_key).filter(|t| *t != Theme::Auto) else { return };
        dispatch.dispatch(Action::HostTheme(theme));
        let answer = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&answer, &"type".into(), &THEME_APPLIED_MESSAGE_TYPE.into());
        let _ = js_sys::Reflect::set(&answer, &"theme".into(), &theme.key().into());
        let _ = parent.post_message(&answer, "*");
    });
    window.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref()).ok()?;
    Some(listener)
}

/// Measures the embed at `src` in a column `width` px wide whenever asked (`want`) and not yet
/// measured for exactly that link and width.
#[hook]
pub fn use_embed_probe(dispatch: UseReducerDispatcher<AppState>, want: Option<(String, u32)>) {
    use_effect_with(want, move |want| {
        if let Some((src, width)) = want.clone() {
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(height) = crate::runtime::embed_probe::measure(&src, width).await {
                    dispatch.dispatch(Action::EmbedMeasured { src, width, height });
                }
            });
        }
    });
}
