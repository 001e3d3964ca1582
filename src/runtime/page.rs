//! What the page's address and the browser say about the reader: read here, by both apps (the
//! lab's `app::start` and the Python panel's `PanelInit::from_page`), so they cannot disagree.

use crate::model::presentation::Lang;
use crate::model::url_state::Decoded;

/// The query string of the page's address, or "" where there is none.
pub fn query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The page's address without query or fragment: what shared links start with. Read from
/// `href`, which (unlike `origin`) is real inside a sandboxed frame too.
pub fn base() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    href.split(['?', '#']).next().unwrap_or_default().to_string()
}

/// The reader's language by their browser (`navigator.languages`, most preferred first): what a
/// link without `lang=` is shown in (`Presentation::lang_or`).
pub fn browser_lang() -> Lang {
    let Some(window) = web_sys::window() else { return Lang::En };
    let languages = js_sys::Reflect::get(&window.navigator(), &"languages".into()).unwrap_or_default();
    let languages: Vec<String> = js_sys::Array::from(&languages).iter().filter_map(|l| l.as_string()).collect();
    Lang::from_browser(languages.iter().map(String::as_str))
}

/// The page's link, decoded by the lab's one decoder.
pub fn link() -> Decoded {
    crate::model::url_state::decode(&query())
}
