//! Taking over the prerendered first screen.
//!
//! The release's `index.html` carries the lab's first screen as static HTML, rendered at build
//! time by these same components (`scripts/post-build.mjs`); the page's inline picker shows the
//! variant for the reader's language and layout and marks the root `data-prerendered`. In it the
//! elements carry `data-pre` (their `data-testid`, which only the live app has, but for Run and
//! Compare) and the picker notes a press of Run or Compare as the root's `data-queued`.
//!
//! On start, before the app renders, `take` reads what the reader did to that screen — values
//! typed or chosen, the focused field, a pressed Run or Compare — as the model's `Carried`, and
//! empties the root. The app's first state is built with it (`AppState::first`): the live page's
//! first render holds what was typed, and the press runs that form. Only the focus is given back
//! to the live page's element (`focus`), once it is there.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use crate::model::lab::{Carried, CarriedField, CarriedValue, Press};

/// Reads what the reader did to the prerendered screen in `root` and empties it; `None` where the
/// root holds no prerendered screen.
pub fn take(root: &Element) -> Option<Carried> {
    root.get_attribute("data-prerendered")?;
    let pressed = root.get_attribute("data-queued").as_deref().and_then(Press::from_hook);
    let mut carried = Carried { pressed, ..Carried::default() };
    let focused = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    let mut seen: Vec<(String, usize)> = Vec::new();
    for element in elements(root, "[data-pre]") {
        let Some(hook) = element.get_attribute("data-pre") else { continue };
        let index = match seen.iter_mut().find(|(h, _)| *h == hook) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                seen.push((hook.clone(), 0));
                0
            }
        };
        if focused.as_ref() == Some(&element) {
            carried.focus = Some((hook.clone(), index));
        }
        if let Some(value) = changed(&element) {
            carried.fields.push(CarriedField { hook, strategy: element.get_attribute("data-strategy"), value });
        }
    }
    root.set_inner_html("");
    let _ = root.remove_attribute("data-prerendered");
    let _ = root.remove_attribute("data-queued");
    Some(carried)
}

/// Gives the focus back to the field the reader left it in, on the live page.
pub fn focus(carried: &Carried) {
    let Some((hook, index)) = &carried.focus else { return };
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    if let Some(element) = elements(&root, &format!("[data-testid=\"{hook}\"]")).get(*index).and_then(|e| e.dyn_ref::<HtmlElement>()) {
        let _ = element.focus();
    }
}

/// A field's value where the reader changed it from what the page was built with.
fn changed(element: &Element) -> Option<CarriedValue> {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        return match input.type_().as_str() {
            "radio" | "checkbox" => {
                (input.checked() != input.default_checked()).then(|| CarriedValue::Checked(input.value(), input.checked()))
            }
            _ => (input.value() != input.default_value()).then(|| CarriedValue::Text(input.value())),
        };
    }
    if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
        return (Ok(area.value()) != area.default_value()).then(|| CarriedValue::Text(area.value()));
    }
    if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
        let built = select.query_selector("option[selected]").ok().flatten().and_then(|o| o.get_attribute("value"));
        return (built.as_deref() != Some(select.value().as_str())).then(|| CarriedValue::Text(select.value()));
    }
    None
}

/// The elements under `root` that match `selector`, in document order.
fn elements(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
}
