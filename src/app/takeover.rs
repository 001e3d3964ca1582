//! Taking over the prerendered first screen.
//!
//! The release's `index.html` carries the lab's first screen as static HTML, rendered at build
//! time by these same components (`scripts/post-build.mjs`); the page's inline picker shows the
//! variant for the reader's language and layout and marks the root `data-prerendered`. In it the
//! elements carry `data-pre` (their `data-testid`, which only the live app has, but for Run and
//! Compare) and the picker notes a press of Run or Compare as the root's `data-queued`.
//!
//! On start the app reads what the reader did to that screen — values typed or chosen, the
//! focused field, a pressed Run or Compare — empties the root and renders; then, once the live
//! page is there, does the same to it: each changed field gets its value and an `input` and
//! `change` event (so the form's own handlers see it), focus returns, and the press happens.
//! Nothing typed before the lab was ready is lost.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// What the reader did to the prerendered screen.
#[derive(Default)]
pub struct Carried {
    fields: Vec<Field>,
    /// The focused field: its hook and its place among the fields with that hook.
    focus: Option<(String, usize)>,
    /// "run" or "compare", pressed before the app was ready.
    queued: Option<String>,
}

struct Field {
    hook: String,
    /// Its place among the elements with that hook.
    index: usize,
    value: Value,
}

enum Value {
    Text(String),
    /// A radio or checkbox the reader changed: its value and whether it is now checked.
    Checked(String, bool),
}

/// Reads what the reader did to the prerendered screen in `root` and empties it; `None` where the
/// root holds no prerendered screen.
pub fn take(root: &Element) -> Option<Carried> {
    root.get_attribute("data-prerendered")?;
    let mut carried = Carried { queued: root.get_attribute("data-queued"), ..Carried::default() };
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
            carried.fields.push(Field { hook, index, value });
        }
    }
    root.set_inner_html("");
    let _ = root.remove_attribute("data-prerendered");
    let _ = root.remove_attribute("data-queued");
    Some(carried)
}

impl Carried {
    /// Applies what was carried to the live page under `root`: fields, then focus; the press
    /// follows once the page has settled, as a link's autorun does (`frames::page_settled`): the
    /// form's edits have rendered by then (the buttons' handlers hold the edited form), and the
    /// rest of the page's first drawing does not land inside the run's measurement.
    pub fn apply(self, root: Element) {
        for field in &self.fields {
            let live = elements(&root, &format!("[data-testid=\"{}\"]", field.hook));
            match &field.value {
                Value::Text(text) => {
                    if let Some(element) = live.get(field.index) {
                        set_value(element, text);
                        fire(element, "input");
                        fire(element, "change");
                    }
                }
                Value::Checked(value, checked) => {
                    let input = live.iter().filter_map(|e| e.dyn_ref::<HtmlInputElement>()).find(|i| i.value() == *value);
                    if let Some(input) = input.filter(|i| i.checked() != *checked) {
                        input.click();
                    }
                }
            }
        }
        if let Some((hook, index)) = &self.focus {
            if let Some(element) = elements(&root, &format!("[data-testid=\"{hook}\"]")).get(*index) {
                if let Some(element) = element.dyn_ref::<HtmlElement>() {
                    let _ = element.focus();
                }
            }
        }
        if let Some(hook) = self.queued.filter(|h| h == "run" || h == "compare") {
            wasm_bindgen_futures::spawn_local(async move {
                crate::runtime::frames::page_settled().await;
                let button = root.query_selector(&format!("[data-testid=\"{hook}\"]")).ok().flatten();
                if let Some(button) = button.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
                    button.click();
                }
            });
        }
    }
}

/// A field's value where the reader changed it from what the page was built with.
fn changed(element: &Element) -> Option<Value> {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        return match input.type_().as_str() {
            "radio" | "checkbox" => (input.checked() != input.default_checked()).then(|| Value::Checked(input.value(), input.checked())),
            _ => (input.value() != input.default_value()).then(|| Value::Text(input.value())),
        };
    }
    if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
        return (Ok(area.value()) != area.default_value()).then(|| Value::Text(area.value()));
    }
    if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
        let built = select.query_selector("option[selected]").ok().flatten().and_then(|o| o.get_attribute("value"));
        return (built.as_deref() != Some(select.value().as_str())).then(|| Value::Text(select.value()));
    }
    None
}

fn set_value(element: &Element, text: &str) {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        input.set_value(text);
    } else if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(text);
    } else if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
        select.set_value(text);
    }
}

fn fire(element: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = web_sys::Event::new_with_event_init_dict(kind, &init) {
        let _ = element.dispatch_event(&event);
    }
}

/// The elements under `root` that match `selector`, in document order.
fn elements(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
}
