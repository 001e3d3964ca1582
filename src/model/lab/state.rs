//! The lab page's one state and its one `Action` enum (the reducer is `reduce.rs`).

use std::rc::Rc;

use crate::model::config::ValidConfig;
use crate::model::growth::{GrowthAxis, SweepRun};
use crate::model::plan::Plan;
use crate::model::presentation::{Lang, Presentation, Theme};
use crate::model::source::{SourceKind, TargetPreset};
use crate::model::strategy::StrategyKind;
use crate::model::trace::Outcome;
use crate::model::url_state::{Decoded, Notice};
use crate::model::{predict, FieldErrors, LabConfig, Mode, Preset, Scenario, Schedule, Strategy, Trace};

/// The form checked: a runnable configuration, or what is wrong with each field.
pub type Validation = Result<ValidConfig, FieldErrors>;

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Shared: cloning the state (every frame of a run) must not copy 10,000 typed latencies.
    pub config: Rc<LabConfig>,
    /// The form checked, once per change of it (`check_form`), not once per frame of a run.
    pub validation: Rc<Validation>,
    /// The form as a comparison: runnable even where the chosen strategy alone is refused.
    pub compare_validation: Rc<Option<ValidConfig>>,
    /// What the charts show before a run: the form, or while it is wrong the last form that was
    /// valid (drawn dimmed).
    pub shown_validation: Rc<Validation>,
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
    /// The Python panel's program as the links the page makes carry it (`py=`), if it has one.
    pub program: Option<Rc<str>>,
    /// The link asked to run at once, but for real requests: held until Run is pressed.
    pub autorun_held: bool,
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
    /// Each run's time in the background, where the tab was there during it: drawn apart.
    pub hidden: Vec<Option<f64>>,
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

impl EmbedSize {
    /// The height measured for the embed at `src` in a column `width` px wide, if it was.
    pub fn height_at(&self, src: &str, width: u32) -> Option<u32> {
        self.measured.iter().find(|(s, w, _)| s == src && *w == width).map(|&(_, _, h)| h)
    }
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

#[derive(Clone, Debug, PartialEq)]
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

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Edit(Edit),
    DismissNotices,
    Begin {
        run_id: u32,
        valid: ValidConfig,
        strategies: Vec<Strategy>,
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
        /// How long the tab was in the background during the point's run (`Trace::hidden_ms`).
        hidden_ms: Option<f64>,
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
    /// The Python panel's program changed (`py=`): `None` for none (a preset as it is).
    Program(Option<Rc<str>>),
}

impl AppState {
    pub fn from_link(decoded: &Decoded, narrow: bool) -> AppState {
        let mut state = AppState {
            validation: Rc::new(Err(FieldErrors::default())),
            compare_validation: Rc::new(None),
            shown_validation: Rc::new(Err(FieldErrors::default())),
            autorun_held: decoded.autorun_held,
            guesses: Guesses { open: decoded.presentation.ask_guess, ..Guesses::default() },
            form_open: !decoded.presentation.embed && !narrow,
            growth_axis: GrowthAxis::N,
            sweep: None,
            confirm: None,
            host_theme: None,
            embed_size: EmbedSize::default(),
            program: decoded.program().map(Rc::from),
            config: Rc::new(decoded.config.clone()),
            presentation: decoded.presentation,
            share: Share::Nothing,
            notices: decoded.notices.clone(),
            run: RunState::Idle,
            session: None,
            replay: Replay::default(),
        };
        state.check_form();
        state
    }

    /// Checks the form as it now is (see `validation`).
    pub(super) fn check_form(&mut self) {
        let validation = self.config.validate();
        let mut compare = (*self.config).clone();
        compare.mode = Mode::Compare;
        self.compare_validation = Rc::new(compare.validate().ok());
        self.validation = Rc::new(validation);
        if self.validation.is_ok() || self.shown_validation.is_err() {
            self.shown_validation = self.validation.clone();
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
    pub(super) fn new(run_id: u32, valid: ValidConfig, strategies: Vec<Strategy>) -> Session {
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
