//! The program's editor: a textarea with line numbers beside it. Tab indents (four spaces) and
//! Shift+Tab dedents the line; Esc, then Tab, leaves the editor as a keyboard user expects. The
//! line of the program's error is marked in the numbers.

use yew::prelude::*;

use web_sys::HtmlTextAreaElement;

use crate::model::python::editing::indent;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub code: std::rc::Rc<str>,
    pub label: &'static str,
    pub hint: &'static str,
    pub error_line: Option<u32>,
    pub on_edit: Callback<String>,
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let leaving = use_mut_ref(|| false);
    let lines = props.code.split('\n').count().max(1);
    let on_input = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            on_edit.emit(area.value());
        })
    };
    let on_keydown = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            if key == "Escape" {
                *leaving.borrow_mut() = true;
                return;
            }
            if key != "Tab" || std::mem::replace(&mut *leaving.borrow_mut(), false) || e.ctrl_key() || e.alt_key() || e.meta_key() {
                return;
            }
            e.prevent_default();
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let (start, end) = (area.selection_start().ok().flatten().unwrap_or(0), area.selection_end().ok().flatten().unwrap_or(0));
            let (value, caret) = indent(&area.value(), start, end, e.shift_key());
            area.set_value(&value);
            let _ = area.set_selection_range(caret, caret);
            on_edit.emit(value);
        })
    };
    html! {
        <div class="py-editor">
            <div class="py-gutter" aria-hidden="true">
                { for (1..=lines as u32).map(|n| html! {
                    <span class={classes!((props.error_line == Some(n)).then_some("py-error-line"))}>{ n }</span>
                }) }
            </div>
            <textarea
                data-testid="py-code"
                aria-label={props.label}
                aria-describedby="py-editor-hint"
                spellcheck="false"
                autocapitalize="off"
                autocomplete="off"
                wrap="off"
                rows={(lines + 1).to_string()}
                value={props.code.to_string()}
                oninput={on_input}
                onkeydown={on_keydown}
            />
            <p id="py-editor-hint" class="hint">{ props.hint }</p>
        </div>
    }
}
