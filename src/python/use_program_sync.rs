//! The panel's program and the page around it: "Open in Python" replaces the program, a switch of
//! the lab's language translates a preset as it is, and every change of the program is handed to
//! the lab for its links (`host::hand_over`), which says whether it fit.

use std::rc::Rc;

use yew::prelude::*;

use super::host;
use crate::model::presentation::Lang;
use crate::model::python::panel::{PyAction, PyState};
use crate::model::python::presets::PyPreset;
use crate::text::python::{preset_of, py_text};

#[hook]
pub fn use_program_sync(state: &UseReducerHandle<PyState>, lang: Lang, open: Option<(u32, Rc<str>)>, host: web_sys::Element) {
    let t = py_text(lang);
    {
        let dispatch = state.dispatcher();
        use_effect_with(open, move |open| {
            if let Some((_, code)) = open {
                dispatch.dispatch(PyAction::Edit(code.to_string(), preset_of(code)));
            }
        });
    }
    {
        let (dispatch, preset, code) = (state.dispatcher(), state.preset, state.code.clone());
        use_effect_with(lang, move |_| {
            if let Some(preset) = preset.filter(|p| *t.program(*p) != *code) {
                dispatch.dispatch(PyAction::Preset(preset, t.program(preset)));
            }
        });
    }
    // The first preset as it is needs no `py=`; another preset as it is travels in English (it
    // opens in the reader's language).
    let dispatch = state.dispatcher();
    use_effect_with((state.code.clone(), state.preset), move |(code, preset)| {
        let program = match preset {
            Some(PyPreset::Gather) => None,
            Some(preset) => Some(preset.program()),
            None => Some(&**code),
        };
        dispatch.dispatch(PyAction::LinkWritten(host::hand_over(&host, program)));
    });
}
