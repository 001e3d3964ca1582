//! Plays the replay: while playing, one `Advance` per painted frame, by the frame's wall time
//! times the speed.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::model::lab::{Action, AppState, ReplayAction};
use crate::runtime::clock;
use crate::runtime::frames::FrameMonitor;

#[hook]
pub fn use_replay_player(dispatch: UseReducerDispatcher<AppState>, playing: bool, speed: f64, total: f64) {
    use_effect_with((playing, speed.to_bits(), total.to_bits()), move |_| {
        let monitor = playing.then(|| {
            let last = Rc::new(Cell::new(clock::now()));
            FrameMonitor::start(move || {
                let now = clock::now();
                let dt = (now - last.replace(now)) * speed;
                dispatch.dispatch(Action::Replay(ReplayAction::Advance { dt, total }));
            })
        });
        move || {
            if let Some(monitor) = monitor {
                monitor.stop();
            }
        }
    });
}
