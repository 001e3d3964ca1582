//! One line saying what the lab is doing now.

use yew::prelude::*;

use crate::model::lab::RunState;
use crate::model::trace::Outcome;
use crate::model::Strategy;
use crate::text::Text;

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    pub t: &'static Text,
    pub run: RunState,
    /// The running strategy, its place in the session and how many the session has.
    pub current: Option<(Strategy, usize, usize)>,
    /// Requests finished / all, and ms elapsed, of the running strategy.
    pub progress: Option<(usize, usize, f64)>,
    /// Rendered at build time into the page's prerendered first screen (`scripts/post-build.mjs`):
    /// says "starting…", and carries the words the page's picker shows once Run is pressed there.
    #[prop_or_default]
    pub starting: bool,
    /// The whole page has rendered: only then does the line carry its test hook (see
    /// `hooks::use_first_screen_first`).
    #[prop_or(true)]
    pub live: bool,
}

#[component]
pub fn Status(props: &StatusProps) -> Html {
    let t = props.t;
    let (state, text) = match (&props.run, props.current) {
        _ if props.starting => ("starting", t.status.status_starting.to_string()),
        (RunState::Running { .. }, Some((strategy, index, of))) => {
            let mut s = t.status_running(strategy, index, of);
            if strategy == Strategy::Blocking {
                s = format!("{s} {}", t.status.blocking_warning);
            } else if let Some((done, all, elapsed)) = props.progress {
                s = format!("{s} {}", t.progress(done, all, elapsed));
            }
            ("running", s)
        }
        (RunState::Running { .. }, None) => ("running", t.status.status_idle.to_string()),
        (RunState::Idle, _) => ("idle", t.status.status_idle.to_string()),
        (RunState::Ended(Outcome::Cancelled), _) => ("cancelled", t.status.status_cancelled.to_string()),
        (RunState::Ended(_), _) => ("done", t.status.status_done.to_string()),
    };
    html! {
        <p class={classes!("status", state)} data-testid={props.live.then_some("status")} data-state={state} role="status"
            data-queued-text={props.starting.then_some(t.status.status_starting_queued)}>
            <span class="status-dot" aria-hidden="true"></span><span class="status-text">{ text }</span>
        </p>
    }
}
