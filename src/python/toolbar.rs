//! The panel's toolbar: the preset chooser, Run and Cancel.

use yew::prelude::*;

use crate::model::python::presets::PyPreset;
use crate::text::python::PyText;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub t: &'static PyText,
    /// The preset the program is, while unchanged.
    pub preset: Option<PyPreset>,
    pub busy: bool,
    pub on_preset: Callback<PyPreset>,
    pub on_run: Callback<()>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let t = props.t;
    let on_preset = props.on_preset.clone();
    let on_change = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Some(preset) = PyPreset::from_key(&select.value()) {
            on_preset.emit(preset);
        }
    });
    html! {
        <div class="py-toolbar">
            <label>
                { t.preset_label }
                <select data-testid="py-preset" onchange={on_change}>
                    if props.preset.is_none() {
                        <option value="" selected=true>{ t.custom_program }</option>
                    }
                    { for PyPreset::ALL.into_iter().map(|p| html! {
                        <option value={p.key()} selected={props.preset == Some(p)}>{ t.title(p) }</option>
                    }) }
                </select>
            </label>
            <button type="button" class="primary" data-testid="py-run" onclick={props.on_run.reform(|_| ())} disabled={props.busy}>{ t.run }</button>
            <button type="button" data-testid="py-cancel" onclick={props.on_cancel.reform(|_| ())} disabled={!props.busy}>{ t.cancel }</button>
        </div>
    }
}
