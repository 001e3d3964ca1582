//! The reducer, natively: every concern, and every stale message dropped without a copy.

use std::rc::Rc;

use super::*;
use crate::model::growth::{GrowthAxis, SweepRun};
use crate::model::presentation::{Lang, Theme};
use crate::model::strategy::StrategyKind;
use crate::model::trace::Outcome;
use crate::model::url_state::decode;
use crate::model::{Mode, Trace};

fn state(query: &str) -> Rc<AppState> {
    Rc::new(AppState::from_link(&decode(query), false))
}

/// The state after each action in turn.
fn after(state: Rc<AppState>, actions: impl IntoIterator<Item = Action>) -> Rc<AppState> {
    actions.into_iter().fold(state, AppState::after)
}

fn begin(run_id: u32, s: &AppState) -> Action {
    let valid = s.config.validate().expect("a valid form");
    Action::Begin { run_id, strategies: valid.strategies(), valid }
}

/// A trace of `strategy` over `n` requests, finished at `total`.
fn trace(s: &AppState, index: usize, total: f64) -> Trace {
    let session = s.session.as_ref().expect("a session");
    let mut trace = Trace::new(session.strategies[index], session.scenario.len());
    trace.total = Some(total);
    trace
}

/// The action changes nothing, and the state is not even copied.
fn assert_ignored(s: &Rc<AppState>, action: Action) {
    let next = s.clone().after(action.clone());
    assert!(Rc::ptr_eq(s, &next), "{action:?} changed the state");
}

#[test]
fn an_edit_changes_the_form_and_forgets_what_was_shared_or_asked() {
    let s = after(state(""), [Action::Shared(Share::Copied(ShareKind::Link))]);
    let s = after(s, [Action::Edit(Edit::Latencies("100, 200, 300".into()))]);
    assert_eq!(s.config.latencies, "100, 200, 300");
    assert_eq!(s.share, Share::Nothing);
    let s = after(s, [Action::Edit(Edit::Mode(Mode::Compare)), Action::Edit(Edit::Limit("2".into()))]);
    assert_eq!((s.config.mode, s.config.limit.as_str()), (Mode::Compare, "2"));
}

#[test]
fn the_charts_show_the_last_valid_form_dimmed_while_the_form_is_wrong() {
    let s = after(state("lat=300,800"), [Action::Edit(Edit::Latencies("100, 200".into()))]);
    let shown = |s: &AppState| s.shown_validation.as_ref().as_ref().map(|v| v.scenario.latencies()).ok();
    assert_eq!(shown(&s), Some(vec![100, 200]), "a valid edit is shown at once");
    assert!(!s.dimmed());
    let s = after(s, [Action::Edit(Edit::Latencies("100, x".into()))]);
    assert!(s.validation.is_err());
    assert_eq!(shown(&s), Some(vec![100, 200]), "the last valid form stays");
    assert!(s.dimmed(), "dimmed while the form is wrong");
    let s = after(s, [Action::Edit(Edit::Latencies("700".into()))]);
    assert_eq!(shown(&s), Some(vec![700]));
    assert!(!s.dimmed());
}

#[test]
fn a_new_run_starts_its_replay_over_at_the_speed_chosen() {
    let s = state("mode=sequential");
    let s = after(s, [Action::Replay(ReplayAction::Speed(4.0)), Action::Replay(ReplayAction::Seek { t: 120.0, step: Some(2) })]);
    let s = after(s.clone(), [begin(1, &s)]);
    assert_eq!(s.replay, Replay { speed: 4.0, ..Replay::default() });
}

#[test]
fn a_seek_while_playing_pauses_there() {
    let s = after(state(""), [Action::Replay(ReplayAction::Toggle { total: 1000.0 })]);
    assert!(s.replay.playing);
    let s = after(s, [Action::Replay(ReplayAction::Seek { t: 250.0, step: None })]);
    assert_eq!((s.replay.t, s.replay.playing), (250.0, false));
}

#[test]
fn a_run_fills_its_session_and_ends() {
    let s = state("mode=compare");
    let s = after(s.clone(), [begin(1, &s)]);
    assert!(s.is_running());
    assert_eq!(s.run, RunState::Running { index: 0 });
    let ended = trace(&s, 0, 1100.0);
    let s = after(s, [Action::StrategyStarted { run_id: 1, index: 0 }, Action::StrategyEnded { run_id: 1, index: 0, trace: ended }]);
    let session = s.session.as_ref().expect("a session");
    assert_eq!(session.traces[0].as_ref().and_then(|t| t.total), Some(1100.0));
    assert_eq!(session.elapsed, 1100.0);
    let s = after(s, [Action::StrategyStarted { run_id: 1, index: 1 }]);
    assert_eq!((s.run.clone(), s.session.as_ref().map(|x| x.elapsed)), (RunState::Running { index: 1 }, Some(0.0)));
    assert_eq!(s.shown(), Some(1), "the waterfall follows the running strategy");
    let s = after(s, [Action::Finished { run_id: 1, end: Outcome::Completed }]);
    assert_eq!(s.run, RunState::Ended(Outcome::Completed));
    assert!(!s.is_running());
    assert_eq!(s.shown(), Some(0), "after the run: the last strategy measured");
}

#[test]
fn a_second_run_is_refused_while_one_runs() {
    let s = state("");
    let s = after(s.clone(), [begin(1, &s)]);
    assert_ignored(&s, begin(2, &s));
    let sweep = Action::SweepBegin {
        run_id: 2,
        axis: GrowthAxis::N,
        runs: Rc::new(Vec::new()),
        scenario: s.session.as_ref().expect("a session").scenario.clone(),
    };
    assert_ignored(&s, sweep);
}

#[test]
fn a_begin_with_no_strategies_is_refused() {
    let s = state("");
    let valid = s.config.validate().expect("valid");
    assert_ignored(&s, Action::Begin { run_id: 1, valid, strategies: Vec::new() });
}

#[test]
fn messages_from_a_run_that_is_not_the_current_one_are_dropped() {
    let s = state("mode=compare");
    let s = after(s.clone(), [begin(1, &s)]);
    let s = after(s, [Action::Finished { run_id: 1, end: Outcome::Cancelled }]);
    let s = after(s.clone(), [begin(2, &s)]);
    let old = trace(&s, 0, 5.0);
    for stale in [
        Action::StrategyStarted { run_id: 1, index: 2 },
        Action::Progress { run_id: 1, index: 0, trace: old.clone(), elapsed: 3.0 },
        Action::StrategyEnded { run_id: 1, index: 0, trace: old.clone() },
        Action::Finished { run_id: 1, end: Outcome::Completed },
        Action::EmulatorUnavailable { run_id: 1 },
        // The current run, but no strategy of it.
        Action::Progress { run_id: 2, index: 9, trace: old.clone(), elapsed: 3.0 },
        Action::StrategyEnded { run_id: 2, index: 4, trace: old.clone() },
        Action::Select(4),
    ] {
        assert_ignored(&s, stale);
    }
    assert_eq!(s.run, RunState::Running { index: 0 });
}

#[test]
fn before_any_run_there_is_nothing_to_select_or_mark() {
    let s = state("");
    assert_ignored(&s, Action::Select(0));
    assert_ignored(&s, Action::EmulatorUnavailable { run_id: 0 });
    assert_eq!(s.shown(), None);
}

#[test]
fn selecting_a_strategy_shows_it_from_its_end_at_the_same_speed() {
    let s = state("mode=compare");
    let s = after(
        s.clone(),
        [begin(1, &s), Action::Replay(ReplayAction::Speed(2.0)), Action::Replay(ReplayAction::Seek { t: 40.0, step: Some(1) })],
    );
    let s = after(s, [Action::Select(2)]);
    assert_eq!(s.shown(), Some(2));
    assert_eq!(s.replay, Replay { speed: 2.0, ..Replay::default() });
}

#[test]
fn a_sweep_takes_only_its_own_points() {
    let s = state("");
    let valid = s.config.validate().expect("valid");
    let runs = Rc::new(vec![
        SweepRun { strategy: valid.strategies()[0], x: 1, scenario: valid.scenario.clone(), predicted: 1.0 },
        SweepRun { strategy: valid.strategies()[0], x: 2, scenario: valid.scenario.clone(), predicted: 2.0 },
    ]);
    let scenario = Rc::new(valid.scenario.clone());
    let s = after(s, [Action::SweepBegin { run_id: 7, axis: GrowthAxis::K, runs, scenario }]);
    assert!(s.is_sweeping() && s.is_running());
    assert_eq!(s.growth_axis, GrowthAxis::K, "the chart shows the axis being measured");
    assert_ignored(&s, Action::SweepPoint { run_id: 6, index: 0, total: 1.0, hidden_ms: None });
    assert_ignored(&s, Action::SweepPoint { run_id: 7, index: 2, total: 1.0, hidden_ms: None });
    assert_ignored(&s, Action::SweepEnded { run_id: 6, end: Outcome::Completed });
    let s = after(s, [Action::SweepPoint { run_id: 7, index: 1, total: 812.0, hidden_ms: None }]);
    let sweep = s.sweep.as_ref().expect("a sweep");
    assert_eq!((sweep.measured.clone(), sweep.finished()), (vec![None, Some(812.0)], 1));
    let s = after(s, [Action::SweepEnded { run_id: 7, end: Outcome::Cancelled }]);
    assert_eq!(s.sweep.as_ref().map(|x| x.state), Some(SweepState::Ended(Outcome::Cancelled)));
    assert!(!s.is_running());
}

#[test]
fn without_a_sweep_its_messages_are_dropped() {
    let s = state("");
    assert_ignored(&s, Action::SweepPoint { run_id: 1, index: 0, total: 1.0, hidden_ms: None });
    assert_ignored(&s, Action::SweepEnded { run_id: 1, end: Outcome::Completed });
}

#[test]
fn the_replay_plays_from_the_start_at_the_end_and_stops_there() {
    let s = state("");
    assert_ignored(&s, Action::Replay(ReplayAction::Advance { dt: 10.0, total: 100.0 }));
    let s = after(s, [Action::Replay(ReplayAction::Toggle { total: 100.0 })]);
    assert_eq!((s.replay.t, s.replay.playing), (0.0, true), "from the end, play starts over");
    let s = after(s, [Action::Replay(ReplayAction::Advance { dt: 60.0, total: 100.0 })]);
    assert_eq!((s.replay.t, s.replay.playing), (60.0, true));
    let s = after(s, [Action::Replay(ReplayAction::Advance { dt: 60.0, total: 100.0 })]);
    assert_eq!((s.replay.t, s.replay.playing), (100.0, false), "it stops at the end");
    let s = after(s, [Action::Replay(ReplayAction::Seek { t: -5.0, step: Some(0) })]);
    assert_eq!((s.replay.t, s.replay.step, s.replay.playing), (0.0, Some(0), false));
    let s = after(s, [Action::Replay(ReplayAction::Toggle { total: 100.0 })]);
    assert_eq!((s.replay.t, s.replay.step, s.replay.playing), (0.0, None, true), "playing follows the moment, not a step");
    let s = after(s, [Action::Replay(ReplayAction::Toggle { total: 100.0 })]);
    assert!(!s.replay.playing);
}

#[test]
fn replay_speeds_stay_within_the_offered_ones() {
    let s = after(state(""), [Action::Replay(ReplayAction::Speed(100.0))]);
    assert_eq!(s.replay.speed, SPEEDS[SPEEDS.len() - 1]);
    let s = after(s, [Action::Replay(ReplayAction::Speed(0.0))]);
    assert_eq!(s.replay.speed, SPEEDS[0]);
}

#[test]
fn embed_heights_are_kept_per_link_and_width_the_latest_last() {
    let mut s = after(state(""), [Action::EmbedWidth(480)]);
    assert_eq!((s.embed_size.width, s.embed_size.wanted), (480, true));
    for i in 0..10 {
        s = after(s, [Action::EmbedMeasured { src: format!("link{i}"), width: 480, height: 100 + i }]);
    }
    s = after(s, [Action::EmbedMeasured { src: "link9".into(), width: 480, height: 999 }]);
    let measured = &s.embed_size.measured;
    assert_eq!(measured.len(), 8);
    assert_eq!(measured.last(), Some(&("link9".to_string(), 480, 999)), "a new height replaces the old one for its link and width");
    assert!(!measured.iter().any(|(src, _, _)| src == "link0" || src == "link1"), "the oldest are forgotten");
    assert_eq!(measured.iter().filter(|(src, width, _)| src == "link9" && *width == 480).count(), 1, "one height a link and width");
    s = after(s, [Action::EmbedMeasured { src: "link9".into(), width: 700, height: 500 }]);
    let heights: Vec<(u32, u32)> = s.embed_size.measured.iter().filter(|(src, _, _)| src == "link9").map(|(_, w, h)| (*w, *h)).collect();
    assert_eq!(heights, vec![(480, 999), (700, 500)], "another width is another height");
}

#[test]
fn the_same_program_again_changes_nothing() {
    let s = after(state(""), [Action::Program(Some(Rc::from("eJw")))]);
    assert_eq!(s.program.as_deref(), Some("eJw"));
    assert_ignored(&s, Action::Program(Some(Rc::from("eJw"))));
}

#[test]
fn the_links_program_is_the_state_s_from_the_start_so_handing_it_over_rewrites_nothing() {
    let s = state("lat=300,800&py=eJw");
    assert_eq!(s.program.as_deref(), Some("eJw"));
    assert_ignored(&s, Action::Program(Some(Rc::from("eJw"))));
    assert_eq!(state("py=x%26embed%3D1").program, None, "what links may not carry is not taken");
}

#[test]
fn the_page_around_the_lab() {
    let s =
        after(state("theme=auto"), [Action::HostTheme(Theme::Dark), Action::SetLang(Lang::Ru), Action::ToggleForm, Action::ToggleGuesses]);
    assert_eq!(s.theme(), Theme::Dark, "an auto theme takes the host's");
    assert_eq!(after(state("theme=light"), [Action::HostTheme(Theme::Dark)]).theme(), Theme::Light, "a link's theme wins");
    assert_eq!(s.presentation.lang, Some(Lang::Ru));
    assert!(!s.form_open && s.guesses.open);
    let s = after(
        s,
        [
            Action::Guess { kind: StrategyKind::Concurrent, text: "800".into() },
            Action::Guess { kind: StrategyKind::Blocking, text: "x".into() },
        ],
    );
    assert_eq!(s.guesses.values(), vec![(StrategyKind::Concurrent, 800)], "only guesses that parse count");
}

#[test]
fn an_embed_and_a_phone_open_with_the_form_folded() {
    assert!(state("").form_open);
    assert!(!state("embed=1").form_open);
    assert!(!AppState::from_link(&decode(""), true).form_open);
    assert!(state("guess=1").guesses.open);
}

#[test]
fn run_compare_and_cancel_may_be_pressed_as_the_form_and_the_run_allow() {
    let presses = |s: &AppState| (s.presses().run, s.presses().compare, s.presses().cancel);
    let s = state("lat=300,800&mode=concurrent");
    assert_eq!(presses(&s), (true, true, false));
    let running = after(s.clone(), [begin(1, &s)]);
    assert_eq!(presses(&running), (false, false, true), "one run at a time; Cancel while it runs");
    let wrong = after(s.clone(), [Action::Edit(Edit::Latencies("100, x".into()))]);
    assert_eq!(presses(&wrong), (false, false, false), "a wrong field: neither runs");
    // Blocking alone refused for freezing the page: a comparison leaves it out and runs.
    let frozen = state(&format!("lat={}&mode=blocking", vec!["1000"; 40].join(",")));
    assert!(frozen.validation.is_err());
    assert_eq!(presses(&frozen), (false, true, false));
}
