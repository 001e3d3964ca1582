//! The lab's state is the model's (`model::lab`): here Yew's reducer hook is given it.

use std::rc::Rc;

use yew::Reducible;

use crate::model::lab::{Action, AppState};

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        self.after(action)
    }
}
