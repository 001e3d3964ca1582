//! The lab page's state, pure: one `AppState`, one `Action` enum and the reducer (`reduce.rs`,
//! split by concern), the first state a link and a prerendered screen make (`carried.rs`), and
//! what the page shows, derived from the state (`screen.rs`). The Yew app (`crate::app`) only
//! wires it to the browser: `impl Reducible` there calls `AppState::after`.

pub mod carried;
mod reduce;
pub mod screen;
mod state;

#[cfg(test)]
mod tests;

use std::rc::Rc;

pub use carried::{Carried, CarriedField, CarriedValue, Press};
pub use state::*;

use crate::model::url_state::Decoded;

impl AppState {
    /// The page's first state: the link's, with what the reader did to the prerendered screen
    /// applied as the lab's own actions.
    pub fn first(link: &Decoded, narrow: bool, carried: &Carried) -> Rc<AppState> {
        carried.actions().into_iter().fold(Rc::new(AppState::from_link(link, narrow)), AppState::after)
    }
}
