//! The lab's presses as callbacks that stay the same from frame to frame, so the form is not
//! redrawn while a run goes on: each dispatches one of the model's actions or asks the runner.
//! Every press of Run goes through `run_or_ask`: a run predicted to take over a minute is asked
//! about first.

use std::rc::Rc;

use yew::prelude::*;

use super::Runner;
use crate::app::takeover;
use crate::model::config::ValidConfig;
use crate::model::growth::GrowthAxis;
use crate::model::lab::{Action, AppState, Carried, Confirm, Edit, ReplayAction, Validation};
use crate::model::plan::Plan;
use crate::model::{Mode, Strategy};

/// Starts a run, or over a minute by the model asks first (the answer starts it).
pub fn run_or_ask(
    valid: ValidConfig,
    strategies: Vec<Strategy>,
    start: &Callback<(ValidConfig, Vec<Strategy>)>,
    dispatch: &UseReducerDispatcher<AppState>,
) {
    let plan = Plan::new(&valid.scenario, strategies);
    if plan.needs_asking() {
        dispatch.dispatch(Action::Ask(Some(Confirm { valid, plan })));
    } else {
        start.emit((valid, plan.strategies));
    }
}

pub struct LabActions {
    /// Any action, as it is.
    pub act: Callback<Action>,
    pub on_edit: Callback<Edit>,
    pub on_run: Callback<()>,
    /// Compare: the form's mode becomes Compare, and the comparison runs.
    pub on_compare: Callback<()>,
    pub on_guess_toggle: Callback<()>,
    pub on_form_toggle: Callback<()>,
    pub on_select: Callback<usize>,
    pub on_replay: Callback<ReplayAction>,
    pub on_embed_width: Callback<u32>,
    pub on_axis: Callback<GrowthAxis>,
}

#[hook]
pub fn use_lab_actions(
    dispatch: &UseReducerDispatcher<AppState>,
    runner: &Runner,
    validation: &Rc<Validation>,
    compare_validation: &Rc<Option<ValidConfig>>,
) -> LabActions {
    let request_run = use_callback((runner.start.clone(), dispatch.clone()), |(valid, strategies), (start, dispatch)| {
        run_or_ask(valid, strategies, start, dispatch)
    });
    let act = use_callback(dispatch.clone(), |action, dispatch| dispatch.dispatch(action));
    let on_edit = use_callback(act.clone(), |edit, act| act.emit(Action::Edit(edit)));
    let on_run = use_callback((request_run.clone(), validation.clone()), |(), (request_run, validation)| {
        if let Ok(valid) = validation.as_ref() {
            request_run.emit((valid.clone(), valid.strategies()));
        }
    });
    let on_compare = use_callback((request_run, act.clone(), compare_validation.clone()), |(), (request_run, act, compare)| {
        if let Some(valid) = compare.as_ref() {
            act.emit(Action::Edit(Edit::Mode(Mode::Compare)));
            request_run.emit((valid.clone(), valid.strategies()));
        }
    });
    let on_guess_toggle = use_callback(act.clone(), |(), act| act.emit(Action::ToggleGuesses));
    let on_form_toggle = use_callback(act.clone(), |(), act| act.emit(Action::ToggleForm));
    let on_select = use_callback(act.clone(), |i, act| act.emit(Action::Select(i)));
    let on_replay = use_callback(act.clone(), |r, act| act.emit(Action::Replay(r)));
    let on_embed_width = use_callback(act.clone(), |width: u32, act| act.emit(Action::EmbedWidth(width)));
    let on_axis = use_callback(act.clone(), |axis, act| act.emit(Action::GrowthAxis(axis)));
    LabActions { act, on_edit, on_run, on_compare, on_guess_toggle, on_form_toggle, on_select, on_replay, on_embed_width, on_axis }
}

/// A link with autorun=1, or a press of Run or Compare on the prerendered screen, starts its run
/// once the page is up and settled, if the form is runnable (the first state holds what was
/// typed); the focus the reader left on the prerendered screen is given back.
#[hook]
pub fn use_start_on_load(
    autorun: bool,
    carried: Option<Rc<Carried>>,
    runner: &Runner,
    dispatch: &UseReducerDispatcher<AppState>,
    validation: &Rc<Validation>,
) {
    let (start, dispatch, validation) = (runner.start_when_settled.clone(), dispatch.clone(), validation.clone());
    let pressed = autorun || carried.as_ref().is_some_and(|c| c.pressed.is_some());
    use_effect_with((), move |_| {
        if let Some(carried) = carried {
            takeover::focus(&carried);
        }
        if let (true, Ok(valid)) = (pressed, validation.as_ref()) {
            run_or_ask(valid.clone(), valid.strategies(), &start, &dispatch);
        }
    });
}
