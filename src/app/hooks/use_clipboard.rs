//! Copying text: the async clipboard where the page may use it, else the text is handed back
//! to be shown in a selected field (sandboxed frames, insecure pages, denied permission).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::model::lab::{Action, AppState, Share, ShareKind};

#[hook]
pub fn use_clipboard(dispatch: UseReducerDispatcher<AppState>) -> Callback<(ShareKind, String)> {
    use_callback(dispatch, |(kind, text): (ShareKind, String), dispatch| {
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let copied = match clipboard() {
                Some(clipboard) => JsFuture::from(clipboard.write_text(&text)).await.is_ok(),
                None => false,
            };
            dispatch.dispatch(Action::Shared(if copied { Share::Copied(kind) } else { Share::CopyByHand(kind, text) }));
        });
    })
}

/// `navigator.clipboard`, where it exists: calling into an undefined one would throw.
fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    value.dyn_into().ok()
}
