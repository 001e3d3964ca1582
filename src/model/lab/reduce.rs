//! The reducer, one function per concern: the form, runs, sweeps, the replay, the page around.
//!
//! Each concern decides first whether an action changes anything (a message from a run that is no
//! longer the current one, a Begin while one runs, the same program again) and hands back the very
//! same `Rc` if not: the state is copied only for a change, and the page does not redraw for none.

use std::rc::Rc;

use super::state::{Action, AppState, Edit, EmbedSize, Replay, ReplayAction, RunState, Session, Share, Sweep, SweepState, SPEEDS};

/// At most this many embed heights are remembered (one per link and width measured).
const MEASURED_KEPT: usize = 8;

impl AppState {
    /// The state after `action`.
    pub fn after(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(edit) => change(self, |s| s.edit(edit)),
            Action::DismissNotices => change(self, |s| s.notices.clear()),
            Action::Guess { kind, text } => change(self, |s| s.guesses.text[kind.index()] = text),
            Action::ToggleGuesses => change(self, |s| s.guesses.open = !s.guesses.open),
            Action::ToggleForm => change(self, |s| s.form_open = !s.form_open),
            Action::Ask(confirm) => change(self, |s| s.confirm = confirm),
            Action::Begin { .. }
            | Action::StrategyStarted { .. }
            | Action::Progress { .. }
            | Action::StrategyEnded { .. }
            | Action::Finished { .. }
            | Action::EmulatorUnavailable { .. }
            | Action::Select(_) => self.run_action(action),
            Action::GrowthAxis(_) | Action::SweepBegin { .. } | Action::SweepPoint { .. } | Action::SweepEnded { .. } => {
                self.sweep_action(action)
            }
            Action::Replay(replay) => self.replay_action(replay),
            Action::SetLang(lang) => change(self, |s| s.presentation.lang = Some(lang)),
            Action::Shared(share) => change(self, |s| s.share = share),
            Action::HostTheme(theme) => change(self, |s| s.host_theme = Some(theme)),
            Action::EmbedWidth(width) => change(self, |s| {
                s.embed_size.width = width;
                s.embed_size.wanted = true;
            }),
            Action::EmbedMeasured { src, width, height } => change(self, |s| s.embed_size.measured(src, width, height)),
            Action::Program(program) if program == self.program => self,
            Action::Program(program) => change(self, |s| s.program = program),
        }
    }

    /// A field of the form changed: what was shared or asked about no longer stands for it.
    fn edit(&mut self, edit: Edit) {
        self.share = Share::Nothing;
        self.confirm = None;
        let c = Rc::make_mut(&mut self.config);
        match edit {
            Edit::Preset(p) => c.choose_preset(p),
            Edit::Count(t) => c.set_count(t),
            Edit::Latencies(t) => c.set_latencies(t),
            Edit::Processing(t) => c.processing = t,
            Edit::Mode(m) => c.mode = m,
            Edit::Limit(t) => c.limit = t,
            Edit::Seed(s) => c.set_seed(s),
            Edit::Source(source) => c.source = source,
            Edit::TargetPreset(p) => {
                c.target = p.template().to_string();
                c.target_list.clear();
            }
            Edit::Target(t) => c.target = t,
            Edit::TargetList(t) => c.set_target_list(t),
            Edit::Timeout(t) => c.timeout = t,
        }
        self.check_form();
    }

    /// Runs: a press begins a session; the runner's messages fill it while its `run_id` is current.
    fn run_action(self: Rc<Self>, action: Action) -> Rc<Self> {
        let current = |run_id: u32| self.session.as_ref().is_some_and(|s| s.run_id == run_id);
        match action {
            // A second run never interleaves with the first: refused while one is running.
            Action::Begin { strategies, .. } if self.is_running() || strategies.is_empty() => self,
            Action::Begin { run_id, valid, strategies } => change(self, |s| {
                s.confirm = None;
                s.session = Some(Session::new(run_id, valid, strategies));
                s.run = RunState::Running { index: 0 };
                s.replay = Replay { speed: s.replay.speed, ..Replay::default() };
            }),
            Action::StrategyStarted { run_id, index } if current(run_id) => change(self, |s| {
                s.run = RunState::Running { index };
                if let Some(session) = s.session.as_mut() {
                    session.elapsed = 0.0;
                }
            }),
            Action::Progress { run_id, index, trace, elapsed } if current(run_id) && self.has_strategy(index) => change(self, |s| {
                if let Some(session) = s.session.as_mut() {
                    session.traces[index] = Some(Rc::new(trace));
                    session.elapsed = elapsed;
                }
            }),
            Action::StrategyEnded { run_id, index, trace } if current(run_id) && self.has_strategy(index) => change(self, |s| {
                if let Some(session) = s.session.as_mut() {
                    session.elapsed = trace.total.unwrap_or(session.elapsed);
                    session.traces[index] = Some(Rc::new(trace));
                }
            }),
            Action::Finished { run_id, end } if current(run_id) => change(self, |s| s.run = RunState::Ended(end)),
            Action::EmulatorUnavailable { run_id } if current(run_id) => change(self, |s| {
                if let Some(session) = s.session.as_mut() {
                    session.emulator_unavailable = true;
                }
            }),
            Action::Select(index) if self.has_strategy(index) => change(self, |s| {
                if let Some(session) = s.session.as_mut() {
                    session.selected = Some(index);
                }
                s.replay = Replay { speed: s.replay.speed, ..Replay::default() };
            }),
            // Stale: from a run that is no longer the current one, or for no strategy of it.
            _ => self,
        }
    }

    fn has_strategy(&self, index: usize) -> bool {
        self.session.as_ref().is_some_and(|s| index < s.strategies.len())
    }

    /// The growth chart's axis, and a sweep's points while its `run_id` is the sweep's.
    fn sweep_action(self: Rc<Self>, action: Action) -> Rc<Self> {
        let current = |run_id: u32| self.sweep.as_ref().filter(|s| s.run_id == run_id);
        match action {
            Action::GrowthAxis(axis) => change(self, |s| s.growth_axis = axis),
            Action::SweepBegin { .. } if self.is_running() => self,
            Action::SweepBegin { run_id, axis, runs, scenario } => change(self, |s| {
                s.sweep = Some(Sweep {
                    run_id,
                    axis,
                    measured: vec![None; runs.len()],
                    hidden: vec![None; runs.len()],
                    runs,
                    state: SweepState::Running,
                    scenario,
                });
                s.growth_axis = axis;
            }),
            Action::SweepPoint { run_id, index, total, hidden_ms } if current(run_id).is_some_and(|s| index < s.measured.len()) => {
                change(self, |s| {
                    if let Some(sweep) = s.sweep.as_mut() {
                        sweep.measured[index] = Some(total);
                        sweep.hidden[index] = hidden_ms;
                    }
                })
            }
            Action::SweepEnded { run_id, end } if current(run_id).is_some() => change(self, |s| {
                if let Some(sweep) = s.sweep.as_mut() {
                    sweep.state = SweepState::Ended(end);
                }
            }),
            _ => self,
        }
    }

    /// The replay's moment: seek, play and pause, speed, and a frame of playing.
    fn replay_action(self: Rc<Self>, action: ReplayAction) -> Rc<Self> {
        match action {
            // A frame that arrives after a pause moves nothing.
            ReplayAction::Advance { .. } if !self.replay.playing => self,
            ReplayAction::Advance { dt, total } => change(self, |s| {
                let r = &mut s.replay;
                r.t = (r.t + dt).min(total);
                r.step = None;
                r.playing = r.t < total;
            }),
            ReplayAction::Seek { t, step } => change(self, |s| s.replay = Replay { t: t.max(0.0), step, playing: false, ..s.replay }),
            ReplayAction::Speed(speed) => change(self, |s| s.replay.speed = speed.clamp(SPEEDS[0], SPEEDS[SPEEDS.len() - 1])),
            ReplayAction::Toggle { total } => change(self, |s| {
                let r = &mut s.replay;
                if r.playing {
                    r.playing = false;
                } else {
                    if r.t >= total {
                        r.t = 0.0;
                    }
                    r.step = None;
                    r.playing = true;
                }
            }),
        }
    }
}

impl EmbedSize {
    /// Probes may finish out of order: each link and width keeps its own height, the latest last.
    fn measured(&mut self, src: String, width: u32, height: u32) {
        self.measured.retain(|(s, w, _)| !(*s == src && *w == width));
        self.measured.push((src, width, height));
        if self.measured.len() > MEASURED_KEPT {
            self.measured.remove(0);
        }
    }
}

/// The state with `f` applied: a copy only now, once the action is known to change something.
fn change(state: Rc<AppState>, f: impl FnOnce(&mut AppState)) -> Rc<AppState> {
    let mut next = Rc::unwrap_or_clone(state);
    f(&mut next);
    Rc::new(next)
}
