//! The one app state, the one `Action` enum, the one reducer.

use std::rc::Rc;

use yew::Reducible;

use crate::model::config::ValidConfig;
use crate::model::growth::{GrowthAxis, SweepRun};
use crate::model::plan::Plan;
use crate::model::presentation::{Lang, Presentation, Theme};
use crate::model::source::{SourceKind, TargetPreset};
use crate::model::strategy::StrategyKind;
use crate::model::trace::Outcome;
use crate::model::url_state::{Decoded, Notice};
use crate::model::{predict, LabConfig, Mode, Preset, Scenario, Schedule, Strategy, Trace};

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
    /// The reader's guesses, one field per strategy (never in a link), and whether they show.
    pub guesses: Guesses,
    /// The scenario form open (else one line with Edit): closed in an embed and on a phone.
    pub form_open: bool,
    /// The growth chart: against N or against k.
    pub growth_axis: GrowthAxis,
    /// The last "Measure the curve".
    pub sweep: Option<Sweep>,
    /// A run predicted to take over a minute, waiting for the reader's word.
    pub confirm: Option<Confirm>,
    /// The theme the page embedding the lab says it has (it overrides `auto` only).
    pub host_theme: Option<Theme>,
    /// Copy embed code: the column width the author chose, and the height measured there.
    pub embed_size: EmbedSize,
    /// The Python panel's program as the links the page makes carry it (`py=`; "" for none).
    pub program: Rc<str>,
}

/// One text per strategy kind (blocking, sequential, concurrent, bounded).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Guesses {
    pub open: bool,
    pub text: [String; 4],
}

impl Guesses {
    /// The guesses that parse, by strategy kind.
    pub fn values(&self) -> Vec<(StrategyKind, u32)> {
        StrategyKind::ALL
            .iter()
            .zip(&self.text)
            .filter_map(|(&kind, text)| crate::model::guess::parse(text).ok().flatten().map(|v| (kind, v)))
            .collect()
    }
}

/// A sweep: its runs, each one's measured total once run.
#[derive(Clone, Debug, PartialEq)]
pub struct Sweep {
    pub run_id: u32,
    pub axis: GrowthAxis,
    pub runs: Rc<Vec<SweepRun>>,
    pub measured: Vec<Option<f64>>,
    pub state: SweepState,
    /// The scenario it was measured for: a changed form makes it stale.
    pub scenario: Rc<Scenario>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SweepState {
    Running,
    /// Completed or cancelled.
    Ended(Outcome),
}

impl Sweep {
    pub fn finished(&self) -> usize {
        self.measured.iter().filter(|m| m.is_some()).count()
    }
}

/// A long run waiting to be confirmed: the form as it was, and the run's plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Confirm {
    pub valid: ValidConfig,
    pub plan: Plan,
}

/// The embed's column width for the fixed-height snippet, and what was measured there.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedSize {
    pub width: u32,
    /// The author opened the embed code: measure it.
    pub wanted: bool,
    /// (embed link, width, height) of the measurements made, the latest last.
    pub measured: Vec<(String, u32, u32)>,
}

/// Column widths offered for the fixed-height snippet: phones, common notes sites, wide pages.
pub const EMBED_WIDTHS: [u32; 5] = [360, 480, 700, 800, 1000];

impl Default for EmbedSize {
    fn default() -> Self {
        EmbedSize { width: 700, wanted: false, measured: Vec::new() }
    }
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
    Seek {
        t: f64,
        step: Option<usize>,
    },
    Toggle {
        total: f64,
    },
    Speed(f64),
    /// A frame of playing: move on by `dt` ms of the run.
    Advance {
        dt: f64,
        total: f64,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum RunState {
    Idle,
    Running {
        index: usize,
    },
    /// Completed or cancelled.
    Ended(Outcome),
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
    Begin {
        run_id: u32,
        valid: ValidConfig,
        strategies: Vec<crate::model::Strategy>,
    },
    StrategyStarted {
        run_id: u32,
        index: usize,
    },
    Progress {
        run_id: u32,
        index: usize,
        trace: Trace,
        elapsed: f64,
    },
    StrategyEnded {
        run_id: u32,
        index: usize,
        trace: Trace,
    },
    Finished {
        run_id: u32,
        end: Outcome,
    },
    Select(usize),
    Shared(Share),
    SetLang(Lang),
    Replay(ReplayAction),
    EmulatorUnavailable {
        run_id: u32,
    },
    Guess {
        kind: StrategyKind,
        text: String,
    },
    ToggleGuesses,
    ToggleForm,
    GrowthAxis(GrowthAxis),
    SweepBegin {
        run_id: u32,
        axis: GrowthAxis,
        runs: Rc<Vec<SweepRun>>,
        scenario: Rc<Scenario>,
    },
    SweepPoint {
        run_id: u32,
        index: usize,
        total: f64,
    },
    SweepEnded {
        run_id: u32,
        end: Outcome,
    },
    /// Ask before a long run (`Some`), or forget the question (`None`).
    Ask(Option<Confirm>),
    HostTheme(Theme),
    EmbedWidth(u32),
    EmbedMeasured {
        src: String,
        width: u32,
        height: u32,
    },
    /// The Python panel's program changed (`py=`).
    Program(Rc<str>),
}

impl AppState {
    pub fn from_link(decoded: &Decoded, narrow: bool) -> AppState {
        AppState {
            guesses: Guesses { open: decoded.presentation.ask_guess, ..Guesses::default() },
            form_open: !decoded.presentation.embed && !narrow,
            growth_axis: GrowthAxis::N,
            sweep: None,
            confirm: None,
            host_theme: None,
            embed_size: EmbedSize::default(),
            program: Rc::from(""),
            config: Rc::new(decoded.config.clone()),
            presentation: decoded.presentation,
            share: Share::Nothing,
            notices: decoded.notices.clone(),
            run: RunState::Idle,
            session: None,
            replay: Replay::default(),
        }
    }

    /// A run or a sweep is going on: nothing else may start.
    pub fn is_running(&self) -> bool {
        matches!(self.run, RunState::Running { .. }) || self.is_sweeping()
    }

    pub fn is_sweeping(&self) -> bool {
        self.sweep.as_ref().is_some_and(|s| s.state == SweepState::Running)
    }

    /// The theme shown: the link's, or where the link leaves it to the reader, the host page's.
    pub fn theme(&self) -> Theme {
        match (self.presentation.theme, self.host_theme) {
            (Theme::Auto, Some(host)) => host,
            (theme, _) => theme,
        }
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
    fn new(run_id: u32, valid: ValidConfig, strategies: Vec<Strategy>) -> Session {
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
                next.confirm = None;
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
                    Edit::TargetList(t) => c.set_target_list(t),
                    Edit::Timeout(t) => c.timeout = t,
                }
            }
            Action::DismissNotices => next.notices.clear(),
            Action::Begin { run_id, valid, strategies } => {
                // A second run never interleaves with the first: refused while one is running.
                if self.is_running() || strategies.is_empty() {
                    return self;
                }
                next.confirm = None;
                next.session = Some(Session::new(run_id, valid, strategies));
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
                next.run = RunState::Ended(end);
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
            Action::Guess { kind, text } => next.guesses.text[kind.index()] = text,
            Action::ToggleGuesses => next.guesses.open = !next.guesses.open,
            Action::ToggleForm => next.form_open = !next.form_open,
            Action::GrowthAxis(axis) => next.growth_axis = axis,
            Action::SweepBegin { run_id, axis, runs, scenario } => {
                if self.is_running() {
                    return self;
                }
                next.sweep = Some(Sweep { run_id, axis, measured: vec![None; runs.len()], runs, state: SweepState::Running, scenario });
                next.growth_axis = axis;
            }
            Action::SweepPoint { run_id, index, total } => match next.sweep.as_mut() {
                Some(s) if s.run_id == run_id && index < s.measured.len() => s.measured[index] = Some(total),
                _ => return self,
            },
            Action::SweepEnded { run_id, end } => match next.sweep.as_mut() {
                Some(s) if s.run_id == run_id => {
                    s.state = SweepState::Ended(end);
                }
                _ => return self,
            },
            Action::Ask(confirm) => next.confirm = confirm,
            Action::HostTheme(theme) => next.host_theme = Some(theme),
            Action::EmbedWidth(width) => {
                next.embed_size.width = width;
                next.embed_size.wanted = true;
            }
            Action::EmbedMeasured { src, width, height } => {
                // Probes may finish out of order: keep each link and width's own height.
                let measured = &mut next.embed_size.measured;
                measured.retain(|(s, w, _)| !(*s == src && *w == width));
                measured.push((src, width, height));
                if measured.len() > 8 {
                    measured.remove(0);
                }
            }
            Action::Program(program) if program == self.program => return self,
            Action::Program(program) => next.program = program,
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
