//! What the page shows, derived from the state: which strategy runs and how far, the moment the
//! explanation shows, the growth chart's measured points, the notes under the waterfall. The app
//! only turns these into components; what is costly to derive (the view, the explanation, the
//! growth curve) it memoises, from functions here too.

use std::rc::Rc;

use super::state::{AppState, RunState, SweepState, Validation};
use crate::model::config::ValidConfig;
use crate::model::embed::{fixed_height, loader_src, snippet_auto_height, snippet_fixed_height, OnPhones, PHONE_COLUMN};
use crate::model::growth::{self, GrowthAxis, Series, SweepRun, Workload};
use crate::model::guess::{self, GuessResult};
use crate::model::presentation::{Panels, Presentation};
use crate::model::source::RequestOutcome;
use crate::model::trace::Outcome;
use crate::model::url_state::address;
use crate::model::view::View;
use crate::model::{Mode, Preset, Scenario, Strategy, Trace};

/// Answers slower than this in a real run waited for a connection: the waterfall says why.
pub const QUEUED_NOTE_MS: f64 = 50.0;

/// A point a sweep measured: its line's strategy, x, and the measured total.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasuredPoint {
    pub strategy: Strategy,
    pub x: usize,
    pub total: f64,
    /// Measured while the tab was in the background (ms there): drawn apart, never judged.
    pub hidden_ms: Option<f64>,
}

/// From this column width up, a column is a notes site's, and the fixed code is measured on a
/// phone too.
const PHONE_FROM: u32 = 600;

/// Where a sweep is: runs finished and in all, and whether it still runs or was cancelled.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SweepStatus {
    None,
    Running { done: usize, of: usize },
    Done { done: usize },
    Cancelled { done: usize, of: usize },
}

/// A note under a real run's waterfall, in the order they are shown.
#[derive(Clone, Debug, PartialEq)]
pub enum RunNote {
    /// How the shown run's requests ended.
    OutcomeCounts(Vec<(RequestOutcome, usize)>),
    /// Some requests waited for a connection (a browser opens six per host).
    Queued,
    /// The latency emulator was asked for and could not start here.
    EmulatorUnavailable,
    /// The link asked to run real requests at once: they wait for a press of Run.
    AutorunHeld,
}

/// The growth chart's lines, the runs a sweep of them would make, and their scenario.
pub type Growth = (Rc<Vec<Series>>, Rc<Vec<SweepRun>>, Rc<Scenario>);

/// Which of Run, Compare and Cancel may be pressed now: decided here once, for the buttons in
/// the form and on their own, and for the press itself (`app::hooks::use_lab_actions`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Presses {
    pub run: bool,
    /// Where Run cannot, Compare may still: blocking alone refused is left out of a comparison.
    pub compare: bool,
    pub cancel: bool,
}

impl AppState {
    /// What the run buttons may do now.
    pub fn presses(&self) -> Presses {
        let idle = !self.is_running();
        Presses { run: idle && self.validation.is_ok(), compare: idle && self.compare_validation.is_some(), cancel: !idle }
    }

    /// The guesses set beside the session's measurements: none before a run or with the guess
    /// panel closed by the link.
    pub fn guess_results(&self, view: Option<&View>) -> Vec<GuessResult> {
        match (&self.session, view) {
            (Some(_), Some(v)) if self.presentation.panels.guess => guess::results(&self.guesses.values(), &v.rows),
            _ => Vec::new(),
        }
    }

    /// The valid form, if it is.
    pub fn valid(&self) -> Option<&ValidConfig> {
        self.validation.as_ref().as_ref().ok()
    }

    /// The charts show the last valid form while this one is wrong: dimmed.
    pub fn dimmed(&self) -> bool {
        self.validation.is_err() && self.shown_validation.is_ok()
    }

    /// The running strategy's index and ms since it started.
    pub fn running_now(&self) -> Option<(usize, f64)> {
        match (&self.run, &self.session) {
            (RunState::Running { index }, Some(s)) => Some((*index, s.elapsed)),
            _ => None,
        }
    }

    /// The running strategy, its place in the session and how many the session has.
    pub fn current(&self) -> Option<(Strategy, usize, usize)> {
        let (index, _) = self.running_now()?;
        let s = self.session.as_ref()?;
        Some((*s.strategies.get(index)?, index, s.strategies.len()))
    }

    /// The running strategy's requests finished and in all, and ms elapsed.
    pub fn progress(&self) -> Option<(usize, usize, f64)> {
        let (index, elapsed) = self.running_now()?;
        let trace = self.session.as_ref()?.traces.get(index)?.as_ref()?;
        Some((trace.finished(), trace.requests.len(), elapsed))
    }

    /// The trace of the strategy the waterfall shows, as far as it has been measured.
    pub fn shown_trace(&self) -> Option<Rc<Trace>> {
        self.session.as_ref()?.traces.get(self.shown()?).cloned().flatten()
    }

    /// The shown strategy's run has completed: the explanation is of what was measured.
    pub fn shown_completed(&self) -> Option<Rc<Trace>> {
        self.shown_trace().filter(|t| t.total.is_some())
    }

    /// The moment the explanation panels show, within a run of `total` ms: the running
    /// strategy's elapsed time while it runs, else the replay's.
    pub fn moment(&self, total: f64) -> f64 {
        match self.running_now() {
            Some((_, elapsed)) => elapsed.min(total),
            None => self.replay.t.min(total),
        }
    }

    /// The step the reader stepped to, if they did (a run going on shows the moment's own).
    pub fn stepped(&self) -> Option<usize> {
        self.replay.step.filter(|_| !self.is_running())
    }

    /// One time scale for every chart of the session (or before any run, the prediction's).
    pub fn span_ms(&self, predicted: f64) -> f64 {
        self.session.as_ref().map_or(predicted, |s| s.scale_ms())
    }

    /// The results were measured for another scenario than the form's.
    pub fn stale(&self) -> bool {
        matches!((&self.session, self.valid()), (Some(s), Some(v)) if *s.scenario != v.scenario)
    }

    /// The form is open (else one line with Edit, in an embed and on a phone).
    pub fn form_shown(&self, narrow: bool) -> bool {
        self.presentation.panels.controls && (self.form_open || !self.foldable(narrow))
    }

    /// The form folds to one line in an embed and on a phone; on a wide page it is always open.
    pub fn foldable(&self, narrow: bool) -> bool {
        self.presentation.embed || narrow
    }

    /// The panels an embed of this page shows: an embed's own (or the ones its link chose).
    pub fn embed_panels(&self) -> Panels {
        if self.presentation.embed {
            self.presentation.panels
        } else {
            Panels::EMBED
        }
    }

    /// The notes under the waterfall (see `RunNote`).
    pub fn run_notes(&self) -> Vec<RunNote> {
        let mut notes = Vec::new();
        if let Some(trace) = self.shown_trace().filter(|tr| tr.requests.iter().any(|r| r.outcome.is_some())) {
            notes.push(RunNote::OutcomeCounts(trace.outcome_counts()));
            if trace.requests.iter().any(|r| r.queued.is_some_and(|q| q > QUEUED_NOTE_MS)) {
                notes.push(RunNote::Queued);
            }
        }
        if self.session.as_ref().is_some_and(|s| s.emulator_unavailable) {
            notes.push(RunNote::EmulatorUnavailable);
        }
        if self.autorun_held && self.session.is_none() {
            notes.push(RunNote::AutorunHeld);
        }
        notes
    }

    /// Where the sweep of the shown axis is: a sweep's words belong to the axis it measured.
    pub fn sweep_status(&self) -> SweepStatus {
        match self.sweep.as_ref().filter(|s| s.axis == self.growth_axis) {
            None => SweepStatus::None,
            Some(s) => match s.state {
                SweepState::Running => SweepStatus::Running { done: s.finished(), of: s.runs.len() },
                SweepState::Ended(Outcome::Cancelled) => SweepStatus::Cancelled { done: s.finished(), of: s.runs.len() },
                SweepState::Ended(_) => SweepStatus::Done { done: s.finished() },
            },
        }
    }

    /// The sweep's measured points: only for the scenario and axis they were measured for.
    pub fn measured_points(&self) -> Vec<MeasuredPoint> {
        match (self.sweep.as_ref(), self.valid()) {
            (Some(s), Some(v)) if s.axis == self.growth_axis && *s.scenario == v.scenario => s
                .runs
                .iter()
                .zip(s.measured.iter().zip(&s.hidden))
                .filter_map(|(run, (m, &hidden_ms))| m.map(|total| MeasuredPoint { strategy: run.strategy, x: run.x, total, hidden_ms }))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// The links the page hands out: the lab as a full page (what Copy link copies, from an embed
/// too), the lab embedded, and the two iframe snippets.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareLinks {
    pub full_page: String,
    pub embed_src: String,
    pub snippet_auto: String,
    pub snippet_fixed: String,
    /// The embed's height was measured at the chosen column width, and on a phone where the
    /// column is a notes site's (else estimated).
    pub measured: bool,
    /// The fixed code grows on phones (`model::embed::OnPhones`).
    pub on_phones: bool,
}

impl ShareLinks {
    /// The links for the form and presentation of `state`, under the page's address `base`
    /// (without query): scenario, strategy, theme and the Python panel's program (`py=`).
    pub fn of(state: &AppState, base: &str, embed_title: &str) -> ShareLinks {
        let presentation = state.presentation;
        let (requests, strategies) = state.valid().map_or((2, Vec::new()), |v| (v.scenario.len(), v.strategies()));
        let embed_panels = state.embed_panels();
        let link = |presentation: Presentation, py: Option<&str>| format!("{base}?{}", address(&state.config, &presentation, py));
        let full_page = link(Presentation { embed: false, panels: Panels::default(), ..presentation }, state.program.as_deref());
        let embed_src = link(
            Presentation { embed: true, panels: embed_panels, ..presentation },
            embed_panels.python.then_some(state.program.as_deref()).flatten(),
        );
        let size = &state.embed_size;
        let measured = size.height_at(&embed_src, size.width);
        // A notes column (600 px or wider) is measured on a phone too: the fixed code grows there.
        let on_phone = (size.width >= PHONE_FROM).then(|| size.height_at(&embed_src, PHONE_COLUMN));
        let estimate = fixed_height(embed_panels, requests, &strategies);
        // Other engines' fonts run a little longer than the one it was measured in: a margin.
        let margin = |h: u32| h + h / 50 + 16;
        let fixed = measured.map(margin).unwrap_or(estimate);
        let phones = on_phone.flatten().map(|h| OnPhones { column: size.width, height: margin(h) });
        ShareLinks {
            snippet_auto: snippet_auto_height(&embed_src, embed_title, measured.unwrap_or(estimate), &loader_src(base)),
            snippet_fixed: snippet_fixed_height(&embed_src, embed_title, fixed, phones),
            measured: measured.is_some() && on_phone.is_none_or(|h| h.is_some()),
            on_phones: phones.is_some(),
            full_page,
            embed_src,
        }
    }

    /// What the page should measure: the embed at the chosen width, once the author opened the
    /// embed code, until it is measured.
    pub fn probe(&self, state: &AppState) -> Option<(String, u32)> {
        let size = &state.embed_size;
        let column = if size.height_at(&self.embed_src, size.width).is_none() { size.width } else { PHONE_COLUMN };
        (size.wanted && !state.presentation.embed && !self.measured).then(|| (self.embed_src.clone(), column))
    }
}

/// The step shown: the one stepped to, else the moment's own, within the `steps` there are.
pub fn current_step(stepped: Option<usize>, step_at_moment: usize, steps: usize) -> usize {
    stepped.unwrap_or(step_at_moment).min(steps.saturating_sub(1))
}

/// What the panels show: the session, or before any run the prediction for the form (`None`
/// where no form was ever valid).
pub fn view(session: &Option<super::state::Session>, shown: &Validation) -> Option<View> {
    match (session, shown) {
        (Some(s), _) => Some(View::measured(s.scenario.clone(), s.strategies.clone(), s.schedules.clone(), s.traces.clone())),
        (None, Ok(v)) => Some(View::predicted(v)),
        (None, Err(_)) => None,
    }
}

/// How the total grows for a valid form, on `axis`, and the runs a sweep would make.
pub fn growth(shown: &Validation, preset: Preset, seed: u64, axis: GrowthAxis) -> Option<Growth> {
    let valid = shown.as_ref().ok()?;
    let workload = Workload::of(&valid.scenario, preset, seed);
    let n = valid.scenario.len();
    let all = Mode::Compare.strategies(valid.limit);
    let series = match axis {
        GrowthAxis::N => growth::by_n(&workload, &all, n),
        GrowthAxis::K => vec![growth::by_k(&workload, n)],
    };
    let runs = growth::sweep(&workload, axis, &all, n);
    Some((Rc::new(series), Rc::new(runs), Rc::new(valid.scenario.clone())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::lab::{Action, Edit};
    use crate::model::source::RequestOutcome;
    use crate::model::strategy::StrategyKind;
    use crate::model::url_state::decode;

    fn state(query: &str) -> Rc<AppState> {
        Rc::new(AppState::from_link(&decode(query), false))
    }

    fn begun(query: &str) -> Rc<AppState> {
        let s = state(query);
        let valid = s.valid().expect("valid").clone();
        s.after(Action::Begin { run_id: 1, strategies: valid.strategies(), valid })
    }

    #[test]
    fn guesses_are_set_beside_a_finished_runs_measurements_where_the_panel_is() {
        let guessed = |query: &str| {
            let s = state(query).after(Action::Guess { kind: StrategyKind::Concurrent, text: "800".into() });
            let before = view(&s.session, &s.shown_validation);
            assert_eq!(s.guess_results(before.as_ref()), Vec::new(), "{query}: nothing before a run");
            let valid = s.valid().expect("valid").clone();
            let s = s.after(Action::Begin { run_id: 1, strategies: valid.strategies(), valid });
            let mut trace = Trace::new(Strategy::Concurrent, 2);
            (trace.total, trace.outcome) = (Some(805.0), Outcome::Completed);
            let s = s.after(Action::Progress { run_id: 1, index: 0, trace, elapsed: 805.0 });
            let s = s.after(Action::Finished { run_id: 1, end: Outcome::Completed });
            let after = view(&s.session, &s.shown_validation);
            s.guess_results(after.as_ref())
        };
        let results = guessed("preset=note&mode=concurrent");
        assert_eq!(results.iter().map(|r| (r.strategy, r.guess, r.measured)).collect::<Vec<_>>(), [(Strategy::Concurrent, 800.0, 805.0)]);
        assert_eq!(guessed("preset=note&mode=concurrent&panels=totals"), Vec::new(), "no guess panel, no guesses shown");
    }

    #[test]
    fn a_wrong_form_keeps_the_last_valid_one_dimmed() {
        let s = state("lat=300,900");
        assert!(!s.dimmed());
        let wrong = s.clone().after(Action::Edit(Edit::Latencies("300, x".into())));
        assert!(wrong.valid().is_none() && wrong.dimmed());
        assert_eq!(wrong.shown_validation, s.validation, "the charts keep the last valid form");
        let never_valid = state("lat=20000,20000&mode=blocking");
        assert!(!never_valid.dimmed() && never_valid.shown_validation.is_err(), "nothing valid to show");
    }

    #[test]
    fn a_comparison_is_checked_beside_the_chosen_strategy() {
        let s = state("mode=sequential");
        assert_eq!(s.compare_validation.as_ref().as_ref().map(|v| v.mode), Some(Mode::Compare));
        let wrong = s.after(Action::Edit(Edit::Count("0".into())));
        assert!(wrong.compare_validation.is_none());
    }

    #[test]
    fn while_a_strategy_runs_the_page_follows_it() {
        let s = begun("mode=compare");
        assert_eq!(s.current(), Some((Strategy::Blocking, 0, 4)));
        let mut trace = Trace::new(Strategy::Blocking, 2);
        trace.requests[0].end = Some(300.0);
        let s = s.after(Action::Progress { run_id: 1, index: 0, trace, elapsed: 350.0 });
        assert_eq!(s.progress(), Some((1, 2, 350.0)));
        assert_eq!(s.moment(1100.0), 350.0, "the explanation follows the run");
        assert_eq!(s.moment(200.0), 200.0, "within its total");
        let s = s.after(Action::Replay(crate::model::lab::ReplayAction::Seek { t: 10.0, step: Some(3) }));
        assert_eq!(current_step(s.stepped(), 1, 8), 1, "no stepping while a run goes on");
    }

    #[test]
    fn after_a_run_the_replay_has_the_moment_and_the_step() {
        let s = begun("").after(Action::Finished { run_id: 1, end: Outcome::Completed });
        assert_eq!((s.current(), s.progress()), (None, None));
        assert_eq!(s.moment(800.0), 800.0, "from the end");
        let s = s.after(Action::Replay(crate::model::lab::ReplayAction::Seek { t: 10.0, step: Some(3) }));
        assert_eq!(s.moment(800.0), 10.0);
        assert_eq!(current_step(s.stepped(), 1, 8), 3);
        assert_eq!(current_step(s.stepped(), 1, 2), 1, "within the steps there are");
    }

    #[test]
    fn results_of_another_scenario_are_stale() {
        let s = begun("lat=300,800");
        assert!(!s.stale());
        assert!(s.after(Action::Edit(Edit::Latencies("300, 900".into()))).stale());
    }

    #[test]
    fn the_form_folds_in_an_embed_and_on_a_phone() {
        assert!(state("").form_shown(false));
        assert!(!AppState::from_link(&decode(""), true).form_shown(true));
        assert!(state("").form_shown(true) || !state("").foldable(true));
        assert!(!state("embed=1").form_shown(false));
        assert!(state("embed=1").after(Action::ToggleForm).form_shown(false));
        assert!(!state("panels=totals").form_shown(false), "an embed without the form never shows it");
    }

    #[test]
    fn notes_under_a_real_runs_waterfall() {
        let s = begun("src=real&n=2");
        assert!(s.run_notes().is_empty(), "nothing measured yet");
        let mut trace = Trace::new(s.session.as_ref().expect("a session").strategies[0], 2);
        trace.requests[0].outcome = Some(RequestOutcome::Ok);
        trace.requests[1].outcome = Some(RequestOutcome::Timeout);
        trace.requests[1].queued = Some(QUEUED_NOTE_MS + 1.0);
        let s = s.after(Action::Progress { run_id: 1, index: 0, trace, elapsed: 1.0 }).after(Action::EmulatorUnavailable { run_id: 1 });
        let notes = s.run_notes();
        assert!(
            matches!(&notes[0], RunNote::OutcomeCounts(c) if c.contains(&(RequestOutcome::Ok, 1)) && c.contains(&(RequestOutcome::Timeout, 1)))
        );
        assert_eq!(notes[1..], [RunNote::Queued, RunNote::EmulatorUnavailable]);
        let held = state("src=real&autorun=1");
        assert_eq!(held.run_notes(), vec![RunNote::AutorunHeld], "a real autorun waits for Run");
    }

    #[test]
    fn a_sweeps_points_belong_to_its_scenario_and_axis() {
        let s = state("lat=300,800");
        let (_, runs, scenario) = growth(&s.shown_validation, s.config.preset, s.config.seed, GrowthAxis::N).expect("a curve");
        let first = runs[0].clone();
        let s = s.after(Action::SweepBegin { run_id: 3, axis: GrowthAxis::N, runs: runs.clone(), scenario });
        assert_eq!(s.sweep_status(), SweepStatus::Running { done: 0, of: runs.len() });
        let s = s.after(Action::SweepPoint { run_id: 3, index: 0, total: 310.0, hidden_ms: None });
        assert_eq!(s.measured_points(), vec![MeasuredPoint { strategy: first.strategy, x: first.x, total: 310.0, hidden_ms: None }]);
        // A point measured while the tab was in the background keeps its total and says so.
        let second = runs[1].clone();
        let with_hidden = s.clone().after(Action::SweepPoint { run_id: 3, index: 1, total: 2_900.0, hidden_ms: Some(2_000.0) });
        assert_eq!(
            with_hidden.measured_points()[1],
            MeasuredPoint { strategy: second.strategy, x: second.x, total: 2_900.0, hidden_ms: Some(2_000.0) }
        );
        let other_axis = s.clone().after(Action::GrowthAxis(GrowthAxis::K));
        assert_eq!((other_axis.sweep_status(), other_axis.measured_points()), (SweepStatus::None, Vec::new()));
        let other_scenario = s.clone().after(Action::Edit(Edit::Latencies("300, 900".into())));
        assert!(other_scenario.measured_points().is_empty());
        let cancelled = s.after(Action::SweepEnded { run_id: 3, end: Outcome::Cancelled });
        assert_eq!(cancelled.sweep_status(), SweepStatus::Cancelled { done: 1, of: runs.len() });
    }

    #[test]
    fn share_links_carry_the_form_and_the_program() {
        let s = state("lat=300,900&theme=dark").after(Action::Program(Some(Rc::from("eJx"))));
        let links = ShareLinks::of(&s, "https://x.test/lab/", "Lab");
        assert!(links.full_page.starts_with("https://x.test/lab/?"), "{}", links.full_page);
        let full = decode(links.full_page.split_once('?').expect("a query").1);
        assert_eq!((full.config.latencies.as_str(), full.presentation.embed), ("300, 900", false));
        assert!(links.full_page.ends_with("&py=eJx"), "the program travels: {}", links.full_page);
        let embed = decode(links.embed_src.split_once('?').expect("a query").1);
        assert!(embed.presentation.embed && embed.presentation.theme == s.presentation.theme);
        assert!(!links.embed_src.contains("py="), "an embed without the Python panel carries no program");
        assert!(links.snippet_auto.contains(&links.embed_src.replace('&', "&amp;")) || links.snippet_auto.contains(&links.embed_src));
        assert!(!links.measured && links.probe(&s).is_none(), "nothing measured until the embed code is opened");
        let wanted = s.after(Action::EmbedWidth(480));
        let links = ShareLinks::of(&wanted, "https://x.test/lab/", "Lab");
        assert_eq!(links.probe(&wanted), Some((links.embed_src.clone(), 480)));
        let measured = wanted.clone().after(Action::EmbedMeasured { src: links.embed_src.clone(), width: 480, height: 500 });
        let after = ShareLinks::of(&measured, "https://x.test/lab/", "Lab");
        assert!(after.measured && after.probe(&measured).is_none());
        assert!(after.snippet_fixed.contains("height=\"526\""), "500 measured, and a margin: {}", after.snippet_fixed);
    }

    #[test]
    fn the_explanation_waits_for_the_shown_run_to_complete() {
        let s = begun("mode=sequential");
        assert!(s.shown_completed().is_none(), "nothing measured yet");
        let mut trace = Trace::new(Strategy::Sequential, 2);
        trace.requests[0].end = Some(300.0);
        let s = s.after(Action::Progress { run_id: 1, index: 0, trace: trace.clone(), elapsed: 310.0 });
        assert!(s.shown_trace().is_some() && s.shown_completed().is_none(), "a run in progress is no explanation yet");
        trace.total = Some(1100.0);
        let s = s.after(Action::StrategyEnded { run_id: 1, index: 0, trace });
        assert_eq!(s.shown_completed().and_then(|t| t.total), Some(1100.0));
    }

    #[test]
    fn every_chart_of_a_session_shares_one_time_scale() {
        assert_eq!(state("lat=300,800").span_ms(1100.0), 1100.0, "before a run: the prediction's");
        let s = begun("lat=300,800&mode=sequential");
        assert_eq!(s.span_ms(5.0), 1100.0, "a session's: its predicted total, whatever the chart's own");
        let s = s.after(Action::Progress { run_id: 1, index: 0, trace: Trace::new(Strategy::Sequential, 2), elapsed: 1500.0 });
        assert_eq!(s.span_ms(5.0), 1500.0, "a run past its prediction stretches the scale");
    }

    #[test]
    fn a_wide_page_never_folds_its_form() {
        assert!(!state("").foldable(false));
        assert!(state("").foldable(true) && state("embed=1").foldable(false));
    }

    #[test]
    fn the_queued_note_is_for_requests_queued_longer_than_its_threshold_and_a_held_autorun_only() {
        assert!(state("").run_notes().is_empty(), "no note without a cause");
        assert!(state("autorun=1").run_notes().is_empty(), "a simulated autorun is not held");
        let s = begun("src=real&n=1");
        let mut trace = Trace::new(s.session.as_ref().expect("a session").strategies[0], 1);
        trace.requests[0].outcome = Some(RequestOutcome::Ok);
        trace.requests[0].queued = Some(QUEUED_NOTE_MS);
        let s = s.after(Action::Progress { run_id: 1, index: 0, trace, elapsed: 1.0 });
        assert!(!s.run_notes().contains(&RunNote::Queued), "at the threshold, no note");
    }

    #[test]
    fn the_full_page_link_of_an_embed_is_the_whole_page() {
        let s = state("lat=300,900&embed=1&panels=totals");
        let links = ShareLinks::of(&s, "https://x.test/", "Lab");
        let full = decode(links.full_page.split_once('?').expect("a query").1);
        assert!(!full.presentation.embed, "{}", links.full_page);
        assert_eq!(full.presentation.panels, Panels::default(), "{}", links.full_page);
        let embed = decode(links.embed_src.split_once('?').expect("a query").1);
        assert_eq!(embed.presentation.panels, s.presentation.panels, "the embed keeps its own panels");
        let of_the_page = ShareLinks::of(&state(""), "https://x.test/", "Lab");
        let embed = decode(of_the_page.embed_src.split_once('?').expect("a query").1);
        assert_eq!(embed.presentation.panels, Panels::EMBED, "the whole page's embed shows an embed's panels");
    }

    #[test]
    fn a_height_measured_at_one_width_is_not_another_widths() {
        let s = state("").after(Action::EmbedWidth(480));
        let src = ShareLinks::of(&s, "", "Lab").embed_src;
        let s = s.after(Action::EmbedMeasured { src, width: 480, height: 500 });
        assert!(ShareLinks::of(&s, "", "Lab").measured);
        let wider = s.after(Action::EmbedWidth(700));
        let links = ShareLinks::of(&wider, "", "Lab");
        assert!(!links.measured, "700 px is measured anew");
        assert_eq!(links.probe(&wider), Some((links.embed_src.clone(), 700)));
        // A notes column is measured on a phone next, and the fixed code grows there.
        let at_700 = wider.after(Action::EmbedMeasured { src: links.embed_src.clone(), width: 700, height: 640 });
        let links = ShareLinks::of(&at_700, "", "Lab");
        assert!(!links.measured && !links.on_phones);
        assert_eq!(links.probe(&at_700), Some((links.embed_src.clone(), 360)));
        let both = at_700.after(Action::EmbedMeasured { src: links.embed_src.clone(), width: 360, height: 900 });
        let links = ShareLinks::of(&both, "", "Lab");
        assert!(links.measured && links.on_phones && links.probe(&both).is_none());
        assert!(links.snippet_fixed.contains("height=\"668\"") && links.snippet_fixed.contains("100vw"), "{}", links.snippet_fixed);
    }

    #[test]
    fn before_a_run_the_panels_show_the_prediction() {
        let s = state("mode=compare");
        let v = view(&s.session, &s.shown_validation).expect("a prediction");
        assert_eq!(v.strategies.len(), 4);
        assert!(v.traces.iter().all(Option::is_none));
        assert!(view(&None, &state("lat=20000,20000&mode=blocking").shown_validation).is_none());
    }
}
