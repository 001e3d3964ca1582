//! What the panels show this frame: derived from the state by the model (`model::lab::screen`,
//! `View`) and memoised, so that a frame of a run rebuilds only what changed.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::explain::Explanation;
use crate::model::guess::GuessResult;
use crate::model::lab::screen::{self, Growth};
use crate::model::lab::AppState;
use crate::model::view::View;
use crate::model::{Scenario, Strategy};
use crate::text::Text;

pub struct Shown {
    /// The form's scenario while the form is valid (the folded form's one line).
    pub form_scenario: Rc<Option<Rc<Scenario>>>,
    /// The last session, or before any run the prediction for the form (the last valid one,
    /// dimmed, while the form is wrong).
    pub view: Rc<Option<View>>,
    /// The shown strategy's index in the view, and the strategy.
    pub index: usize,
    pub strategy: Option<Strategy>,
    /// The explanation of the shown run, and its total.
    pub explanation: Option<Rc<Explanation>>,
    pub total: f64,
    /// The replay's moment, in ms from the run's start.
    pub moment: f64,
    pub growth: Rc<Option<Growth>>,
    /// What a press of Run (and of Compare) takes, by the model, written beside the buttons.
    pub eta: Option<AttrValue>,
    /// The totals in words for screen readers, once a run has ended.
    pub summary: String,
    pub guess_results: Vec<GuessResult>,
}

#[hook]
pub fn use_shown(state: &UseReducerHandle<AppState>, t: &'static Text) -> Shown {
    let validation = state.validation.clone();
    let eta = use_memo((validation.clone(), state.compare_validation.clone(), t.lang), move |(validation, compare, _)| {
        t.eta_line(validation.as_ref().as_ref().ok(), compare.as_ref().as_ref()).map(AttrValue::from)
    });
    let form_scenario = use_memo(validation.clone(), |v| v.as_ref().as_ref().ok().map(|v| Rc::new(v.scenario.clone())));
    let view = use_memo((state.session.clone(), state.shown_validation.clone()), |(session, shown)| screen::view(session, shown));
    let index = state.shown().unwrap_or(0);
    // The explanation: keyed on the shown run only once it has completed, so a run in progress
    // does not rebuild it every frame.
    let explanation = use_memo((state.session.as_ref().map(|s| s.run_id), state.shown_completed(), validation, index), {
        let view = view.clone();
        move |(_, _, _, index)| (*view).as_ref().map(|v| Rc::new(v.explanation(*index)))
    });
    let explanation: Option<Rc<Explanation>> = (*explanation).clone();
    let total = explanation.as_ref().map(|e| e.total).unwrap_or(0.0);
    let growth = use_memo(
        (state.shown_validation.clone(), state.config.preset, state.config.seed, state.growth_axis),
        |(shown, preset, seed, axis)| screen::growth(shown, *preset, *seed, *axis),
    );
    let summary = match (*view).as_ref() {
        Some(v) if !state.is_running() && state.session.is_some() => t.run_summaries(&v.rows),
        _ => String::new(),
    };
    Shown {
        form_scenario,
        strategy: (*view).as_ref().map(|v| v.strategies[index.min(v.strategies.len() - 1)]),
        guess_results: state.guess_results((*view).as_ref()),
        view,
        index,
        explanation,
        total,
        moment: state.moment(total),
        growth,
        eta: (*eta).clone(),
        summary,
    }
}
