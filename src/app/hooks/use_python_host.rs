//! The lab's side of the Python panel (`runtime::python_panel_loader`): its host element, opened when
//! shown with a program in the link or on a press; the panel's program (`py=`) into the state, for
//! the links the page makes; and "Open in Python" from the code panel.

use yew::prelude::*;

use crate::model::lab::{Action, AppState};
use crate::runtime::python_panel_loader::{self, Opening};
use crate::text::Text;

/// The host to mount the panel in, and the presses that open it.
pub struct PythonHost {
    pub host: NodeRef,
    pub open: Callback<MouseEvent>,
    /// Opens the panel with a program (the code panel's "Open in Python").
    pub open_program: Callback<String>,
}

#[hook]
pub fn use_python_host(dispatch: UseReducerDispatcher<AppState>, shown: bool, t: &'static Text) -> PythonHost {
    let host = use_node_ref();
    let words = Opening { opening: t.explain.python_opening, failed: t.explain.python_failed };
    {
        let host = host.clone();
        use_effect_with(shown, move |shown| {
            if let (true, Some(host)) = (*shown, host.cast::<web_sys::Element>()) {
                python_panel_loader::open(&host, false, words);
            }
        });
    }
    // Once for the page's life: the listener is never dropped.
    use_effect_with((), move |()| {
        let take = move || {
            if let Some(program) = python_panel_loader::program() {
                dispatch.dispatch(Action::Program(program));
            }
        };
        take();
        python_panel_loader::on_program(take);
    });
    let open = {
        let host = host.clone();
        use_callback(words, move |_: MouseEvent, words| {
            if let Some(host) = host.cast::<web_sys::Element>() {
                python_panel_loader::open(&host, true, *words);
            }
        })
    };
    let open_program = use_callback(words, |code: String, words| python_panel_loader::open_program(&code, *words));
    PythonHost { host, open, open_program }
}
