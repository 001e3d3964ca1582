//! The one app state, the one `Action` enum, the one reducer.

use std::rc::Rc;

use yew::Reducible;

use crate::model::config::ValidConfig;
use crate::model::presentation::{Lang, Presentation};
use crate::model::source::{SourceKind, TargetPreset};
use crate::model::url_state::{Decoded, Notice};
use crate::model::{predict, LabConfig, Mode, Preset, Scenario, Schedule, Strategy, Trace};
use crate::runtime::RunEnd;

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Shared: cloning the state (every frame of a run) must not copy 10,000 typed latencies.
    pub config: Rc<LabConfig>,
    /// Full page or embed, theme, panels: from the link, kept in links the page makes.
    pub presentation: Presentation,
    /// What the last Copy button did.
    pub share: Share,
    /// What was wrong with the link the page was opened with.
    pub notices: Vec<Notice>,
    pub run: RunState,
    /// The last Run or Compare, with its results; `None` before the first.
    pub session: Option<Session>,
    /// The moment the explanation panels show.
    pub replay: Replay,
}

/// Replay of the shown run: a moment, the step chosen by stepping (else the moment's own),
/// whether it plays and how fast.
#[derive(Clone, Debug, PartialEq)]
pub struct Replay {
    /// Ms from the run's start; infinity means "the end", whatever the run's length.
    pub t: f64,
    pub step: Option<usize>,
    pub playing: bool,
    pub speed: f64,
}

impl Default for Replay {
    fn default() -> Self {
        Replay { t: f64::INFINITY, step: None, playing: false, speed: 1.0 }
    }
}

pub const SPEEDS: [f64; 5] = [0.25, 0.5, 1.0, 2.0, 4.0];

pub enum ReplayAction {
    /// Go to a moment (scrub), or to a step (step buttons: the step's own moment).
    Seek { t: f64, step: Option<usize> },
    Toggle { total: f64 },
    Speed(f64),
    /// A frame of playing: move on by `dt` ms of the run.
    Advance { dt: f64, total: f64 },
}

#[derive(Clone, Debug, PartialEq)]
pub enum RunState {
    Idle,
    Running { index: usize },
    Done,
    Cancelled,
}

/// One press of Run or Compare: the scenario as it was, each strategy's prediction and trace.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub run_id: u32,
    pub scenario: Rc<Scenario>,
    pub strategies: Vec<Strategy>,
    pub schedules: Vec<Rc<Schedule>>,
    pub traces: Vec<Option<Rc<Trace>>>,
    /// Ms since the running strategy started, as of the last painted frame.
    pub elapsed: f64,
    /// The strategy whose waterfall is shown; `None` follows the running or last one.
    pub selected: Option<usize>,
    /// Real runs: each request's URL as configured (shown as text, never as a link).
    pub urls: Option<Rc<Vec<String>>>,
    /// The latency emulator was asked for and could not start here.
    pub emulator_unavailable: bool,
}

/// The outcome of a Copy button: copied, or (no clipboard here) shown to copy by hand.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Share {
    #[default]
    Nothing,
    Copied(ShareKind),
    CopyByHand(ShareKind, String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareKind {
    Link,
    Embed,
}

/// A change to one field of the form.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Preset(Preset),
    Count(String),
    Latencies(String),
    Processing(String),
    Mode(Mode),
    Limit(String),
    Seed(u64),
    Source(SourceKind),
    TargetPreset(TargetPreset),
    Target(String),
    TargetList(String),
    Timeout(String),
}

pub enum Action {
    Edit(Edit),
    DismissNotices,
    Begin { run_id: u32, valid: ValidConfig },
    StrategyStarted { run_id: u32, index: usize },
    Progress { run_id: u32, index: usize, trace: Trace, elapsed: f64 },
    StrategyEnded { run_id: u32, index: usize, trace: Trace },
    Finished { run_id: u32, end: RunEnd },
    Select(usize),
    Shared(Share),
    SetLang(Lang),
    Replay(ReplayAction),
    EmulatorUnavailable { run_id: u32 },
}

impl AppState {
    pub fn from_link(decoded: &Decoded) -> AppState {
        AppState {
            config: Rc::new(decoded.config.clone()),
            presentation: decoded.presentation,
            share: Share::Nothing,
            notices: decoded.notices.clone(),
            run: RunState::Idle,
            session: None,
            replay: Replay::default(),
        }
    }

    pub fn is_running(&self) -> bool {
        matches!(self.run, RunState::Running { .. })
    }

    /// The index of the strategy the waterfall shows.
    pub fn shown(&self) -> Option<usize> {
        let session = self.session.as_ref()?;
        if let Some(i) = session.selected {
            return Some(i);
        }
        match self.run {
            RunState::Running { index } => Some(index),
            _ => session.traces.iter().rposition(Option::is_some).or(Some(0)),
        }
    }
}

impl Session {
    fn new(run_id: u32, valid: ValidConfig) -> Session {
        let strategies = valid.strategies();
        let schedules = strategies.iter().map(|&s| Rc::new(predict(&valid.scenario, s))).collect();
        Session {
            urls: valid.real.as_ref().map(|r| Rc::new(r.urls.clone())),
            emulator_unavailable: false,
            run_id,
            traces: vec![None; strategies.len()],
            scenario: Rc::new(valid.scenario),
            strategies,
            schedules,
            elapsed: 0.0,
            selected: None,
        }
    }

    /// One time scale for every strategy of the session, so their waterfalls compare by eye.
    pub fn scale_ms(&self) -> f64 {
        let predicted = self.schedules.iter().map(|s| s.total).fold(0.0, f64::max);
        let measured = self
            .traces
            .iter()
            .flatten()
            .map(|t| t.total.unwrap_or(0.0).max(t.requests.iter().filter_map(|r| r.end).fold(0.0, f64::max)))
            .fold(0.0, f64::max);
        predicted.max(measured).max(self.elapsed).max(1.0)
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let current = |run_id: u32| self.session.as_ref().is_some_and(|s| s.run_id == run_id);
        match action {
            Action::Edit(edit) => {
                next.share = Share::Nothing;
                let c = Rc::make_mut(&mut next.config);
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
                    Edit::TargetList(t) => c.target_list = t,
                    Edit::Timeout(t) => c.timeout = t,
                }
            }
            Action::DismissNotices => next.notices.clear(),
            Action::Begin { run_id, valid } => {
                // A second run never interleaves with the first: refused while one is running.
                if self.is_running() {
                    return self;
                }
                next.session = Some(Session::new(run_id, valid));
                next.run = RunState::Running { index: 0 };
                next.replay = Replay { speed: self.replay.speed, ..Replay::default() };
            }
            Action::StrategyStarted { run_id, index } if current(run_id) => {
                next.run = RunState::Running { index };
                if let Some(s) = next.session.as_mut() {
                    s.elapsed = 0.0;
                }
            }
            Action::Progress { run_id, index, trace, elapsed } if current(run_id) => {
                if let Some(s) = next.session.as_mut() {
                    if let Some(slot) = s.traces.get_mut(index) {
                        *slot = Some(Rc::new(trace));
                        s.elapsed = elapsed;
                    }
                }
            }
            Action::StrategyEnded { run_id, index, trace } if current(run_id) => {
                if let Some(s) = next.session.as_mut() {
                    if let Some(slot) = s.traces.get_mut(index) {
                        s.elapsed = trace.total.unwrap_or(s.elapsed);
                        *slot = Some(Rc::new(trace));
                    }
                }
            }
            Action::Finished { run_id, end } if current(run_id) => {
                next.run = match end {
                    RunEnd::Completed => RunState::Done,
                    RunEnd::Cancelled => RunState::Cancelled,
                };
            }
            Action::Select(index) => {
                if let Some(s) = next.session.as_mut() {
                    if index < s.strategies.len() {
                        s.selected = Some(index);
                        next.replay = Replay { speed: self.replay.speed, ..Replay::default() };
                    }
                }
            }
            Action::Shared(share) => next.share = share,
            Action::EmulatorUnavailable { run_id } if current(run_id) => {
                if let Some(s) = next.session.as_mut() {
                    s.emulator_unavailable = true;
                }
            }
            Action::SetLang(lang) => next.presentation.lang = Some(lang),
            Action::Replay(action) => {
                let r = &mut next.replay;
                match action {
                    ReplayAction::Seek { t, step } => {
                        r.t = t.max(0.0);
                        r.step = step;
                        r.playing = false;
                    }
                    ReplayAction::Toggle { total } => {
                        if r.playing {
                            r.playing = false;
                        } else {
                            if r.t >= total {
                                r.t = 0.0;
                            }
                            r.step = None;
                            r.playing = true;
                        }
                    }
                    ReplayAction::Speed(speed) => r.speed = speed.clamp(SPEEDS[0], SPEEDS[SPEEDS.len() - 1]),
                    ReplayAction::Advance { dt, total } => {
                        if !r.playing {
                            return self;
                        }
                        r.t = (r.t + dt).min(total);
                        r.step = None;
                        r.playing = r.t < total;
                    }
                }
            }
            // Stale messages from a run that is no longer the current one.
            _ => return self,
        }
        Rc::new(next)
    }
}
