//! What the reader did to the prerendered first screen before the lab was ready, as actions.
//!
//! The shell (`app::takeover`) reads the prerendered fields the reader changed, the focused one and
//! a press of Run or Compare; here they become the lab's own actions, which the first state is
//! built with. So the live page's first render already holds what was typed, and the press runs
//! that form: no event is replayed into the live page, and nothing typed can be lost to a render
//! that has yet to happen.

use super::state::{Action, Edit, EMBED_WIDTHS};
use crate::model::source::{SourceKind, TargetPreset};
use crate::model::strategy::StrategyKind;
use crate::model::{Mode, Preset};

/// A field the reader changed on the prerendered screen.
#[derive(Clone, Debug, PartialEq)]
pub struct CarriedField {
    /// Its `data-testid` (on the prerendered screen, `data-pre`).
    pub hook: String,
    /// Its `data-strategy`, where it has one (a guess field).
    pub strategy: Option<String>,
    pub value: CarriedValue,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CarriedValue {
    /// A text field's or a select's value.
    Text(String),
    /// A radio or checkbox the reader changed: its value and whether it is now checked.
    Checked(String, bool),
}

/// A press of Run or Compare on the prerendered screen (the picker's `data-queued`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Press {
    Run,
    Compare,
}

impl Press {
    pub fn from_hook(hook: &str) -> Option<Press> {
        match hook {
            "run" => Some(Press::Run),
            "compare" => Some(Press::Compare),
            _ => None,
        }
    }
}

/// Everything the reader did before the lab was ready.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Carried {
    pub fields: Vec<CarriedField>,
    /// The focused field: its hook and its place among the elements with that hook.
    pub focus: Option<(String, usize)>,
    pub pressed: Option<Press>,
}

impl Carried {
    /// The actions that make the lab's first state what the reader left on the screen, in the
    /// order it was read (document order). A press of Compare chooses the comparison, as the
    /// button does; the press itself is `pressed`, made once the page has settled.
    pub fn actions(&self) -> Vec<Action> {
        let mut actions: Vec<Action> = self.fields.iter().filter_map(CarriedField::action).collect();
        if self.pressed == Some(Press::Compare) {
            actions.push(Action::Edit(Edit::Mode(Mode::Compare)));
        }
        actions
    }
}

impl CarriedField {
    /// The action this change makes on the live page, or `None` for a field the live page would
    /// not act on (an unknown hook, a value no option has, a radio unchecked by another's check).
    pub fn action(&self) -> Option<Action> {
        let edit = |e: Edit| Some(Action::Edit(e));
        match (&self.value, self.hook.as_str()) {
            (CarriedValue::Text(t), "preset") => edit(Edit::Preset(Preset::from_key(t)?)),
            (CarriedValue::Text(t), "count") => edit(Edit::Count(t.clone())),
            (CarriedValue::Text(t), "seed") => edit(Edit::Seed(t.trim().parse().ok()?)),
            (CarriedValue::Text(t), "latencies") => edit(Edit::Latencies(t.clone())),
            (CarriedValue::Text(t), "processing") => edit(Edit::Processing(t.clone())),
            (CarriedValue::Text(t), "limit") => edit(Edit::Limit(t.clone())),
            (CarriedValue::Text(t), "target-preset") => edit(Edit::TargetPreset(*TargetPreset::ALL.get(t.parse::<usize>().ok()?)?)),
            (CarriedValue::Text(t), "target") => edit(Edit::Target(t.clone())),
            (CarriedValue::Text(t), "target-list") => edit(Edit::TargetList(t.clone())),
            (CarriedValue::Text(t), "timeout") => edit(Edit::Timeout(t.clone())),
            (CarriedValue::Text(t), "guess") => {
                Some(Action::Guess { kind: StrategyKind::from_key(self.strategy.as_deref()?)?, text: t.clone() })
            }
            (CarriedValue::Text(t), "embed-width") => Some(t.parse().ok().filter(|w| EMBED_WIDTHS.contains(w)).map(Action::EmbedWidth)?),
            (CarriedValue::Checked(v, true), "mode") => edit(Edit::Mode(Mode::from_key(v)?)),
            (CarriedValue::Checked(v, true), "source") => edit(Edit::Source(SourceKind::from_key(v)?)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::model::lab::AppState;
    use crate::model::url_state::decode;

    fn text(hook: &str, value: &str) -> CarriedField {
        CarriedField { hook: hook.into(), strategy: None, value: CarriedValue::Text(value.into()) }
    }

    fn first_state(query: &str, carried: &Carried) -> Rc<AppState> {
        AppState::first(&decode(query), false, carried)
    }

    #[test]
    fn typed_latencies_are_the_first_states_form_and_a_queued_compare_compares_them() {
        let carried = Carried { fields: vec![text("latencies", "200, 400")], focus: None, pressed: Some(Press::Compare) };
        let state = first_state("", &carried);
        assert_eq!(state.config.latencies, "200, 400");
        assert_eq!(state.config.mode, Mode::Compare);
        let valid = state.config.validate().expect("the typed form is valid");
        let totals: Vec<f64> = valid.strategies().iter().map(|&s| crate::model::predict(&valid.scenario, s).total).collect();
        assert_eq!(totals, vec![600.0, 600.0, 400.0, 400.0]);
    }

    #[test]
    fn a_queued_run_keeps_the_chosen_strategy() {
        let carried = Carried {
            fields: vec![CarriedField { hook: "mode".into(), strategy: None, value: CarriedValue::Checked("sequential".into(), true) }],
            focus: None,
            pressed: Some(Press::Run),
        };
        assert_eq!(first_state("", &carried).config.mode, Mode::from_key("sequential").expect("a mode"));
    }

    #[test]
    fn every_field_of_the_first_screen_becomes_its_edit() {
        let cases: Vec<(CarriedField, Action)> = vec![
            (text("preset", "equal"), Action::Edit(Edit::Preset(Preset::from_key("equal").expect("a preset")))),
            (text("count", "7"), Action::Edit(Edit::Count("7".into()))),
            (text("seed", " 42 "), Action::Edit(Edit::Seed(42))),
            (text("latencies", "1, 2"), Action::Edit(Edit::Latencies("1, 2".into()))),
            (text("processing", "5"), Action::Edit(Edit::Processing("5".into()))),
            (text("limit", "3"), Action::Edit(Edit::Limit("3".into()))),
            (text("target-preset", "1"), Action::Edit(Edit::TargetPreset(TargetPreset::ALL[1]))),
            (text("target", "./x"), Action::Edit(Edit::Target("./x".into()))),
            (text("target-list", "a\nb"), Action::Edit(Edit::TargetList("a\nb".into()))),
            (text("timeout", "900"), Action::Edit(Edit::Timeout("900".into()))),
            (text("embed-width", "480"), Action::EmbedWidth(480)),
            (
                CarriedField { hook: "guess".into(), strategy: Some("concurrent".into()), value: CarriedValue::Text("800".into()) },
                Action::Guess { kind: StrategyKind::from_key("concurrent").expect("a kind"), text: "800".into() },
            ),
            (
                CarriedField { hook: "source".into(), strategy: None, value: CarriedValue::Checked("real".into(), true) },
                Action::Edit(Edit::Source(SourceKind::Real)),
            ),
        ];
        for (field, action) in cases {
            assert_eq!(field.action(), Some(action), "{field:?}");
        }
    }

    #[test]
    fn what_the_live_page_would_not_act_on_is_dropped() {
        for field in [
            text("preset", "no-such-preset"),
            text("seed", "minus one"),
            text("target-preset", "custom"),
            text("embed-width", "481"),
            text("status", "done"),
            CarriedField { hook: "guess".into(), strategy: None, value: CarriedValue::Text("800".into()) },
            CarriedField { hook: "mode".into(), strategy: None, value: CarriedValue::Checked("blocking".into(), false) },
            CarriedField { hook: "mode".into(), strategy: None, value: CarriedValue::Checked("nonsense".into(), true) },
        ] {
            assert_eq!(field.action(), None, "{field:?}");
        }
    }

    #[test]
    fn only_run_and_compare_are_presses() {
        assert_eq!(Press::from_hook("run"), Some(Press::Run));
        assert_eq!(Press::from_hook("compare"), Some(Press::Compare));
        for other in ["", "Run", "cancel", "status"] {
            assert_eq!(Press::from_hook(other), None, "{other}");
        }
    }

    #[test]
    fn nothing_carried_is_the_links_own_first_state() {
        let decoded = decode("lat=300,900&mode=concurrent");
        assert_eq!(*AppState::first(&decoded, true, &Carried::default()), AppState::from_link(&decoded, true));
    }
}
