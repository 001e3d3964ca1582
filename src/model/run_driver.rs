//! The run driver, sans-IO (quinn-proto's `Connection`): it is told what happened — a press of
//! Run or Compare, "Measure the curve", a painted frame, a strategy's run that ended, the latency
//! emulator's answer, a cancel — and answers with what the runtime must do next and what the
//! page must be told. It alone decides whether a run may start (one job at a time), sequences a
//! Compare's strategies and a sweep's points, and drops whatever arrives from a job or a step that
//! is no longer current. The shell (`app::hooks::use_runner`) carries out its commands and feeds
//! their answers back; it keeps no state of its own about runs.
//!
//! A job's steps run one at a time; an `Order` names its job and step, so a pool of workers (the
//! threads issue) can answer several orders of one job without a new protocol.

use std::rc::Rc;

use crate::model::config::ValidConfig;
use crate::model::growth::{GrowthAxis, SweepRun};
use crate::model::lab::Action;
use crate::model::source::Transport;
use crate::model::trace::Outcome;
use crate::model::{Scenario, Strategy, Trace};

/// One strategy over one scenario: what the runtime runs, and answers with `Driver::ended`.
#[derive(Clone, Debug, PartialEq)]
pub struct Order {
    pub job: u32,
    pub step: usize,
    pub scenario: Rc<Scenario>,
    pub strategy: Strategy,
    pub transport: Transport,
    /// Report each painted frame (`Driver::frame`): a sweep draws its points, not its requests.
    pub frames: bool,
}

/// What the runtime must do next, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Tell the page: one of the reducer's actions.
    Report(Action),
    /// Make sure the latency emulator (a service worker) is in place; answer `Driver::emulator`.
    EnsureEmulator { job: u32 },
    /// Run one strategy.
    Run(Order),
    /// Stop the step that runs now; its run still answers `Driver::ended` (cancelled).
    Abort,
}

/// The runs of a sweep, which axis they are drawn on, and the scenario they stand for.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepPlan {
    pub axis: GrowthAxis,
    pub runs: Rc<Vec<SweepRun>>,
    pub scenario: Rc<Scenario>,
}

#[derive(Clone, Debug, PartialEq)]
enum Work {
    /// A press of Run (one strategy) or Compare (several, in order).
    Strategies { scenario: Rc<Scenario>, strategies: Vec<Strategy>, transport: Transport },
    /// A sweep's points, each a simulated run.
    Sweep { runs: Rc<Vec<SweepRun>> },
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Stage {
    /// Waiting for the latency emulator before the first step.
    Emulator,
    /// This step runs; `cancelled` once Abort was sent for it.
    Step { step: usize, cancelled: bool },
}

#[derive(Clone, Debug, PartialEq)]
struct Job {
    id: u32,
    work: Work,
    stage: Stage,
}

/// The one state of runs in the shell: the job going on, if any, and the last id given.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Driver {
    last_id: u32,
    job: Option<Job>,
}

impl Driver {
    /// A run or a sweep is going on: a press now is refused.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// Run `strategies` of `valid` in order (refused while a job goes on, or for none).
    pub fn start(&mut self, valid: ValidConfig, strategies: Vec<Strategy>) -> Vec<Command> {
        if self.is_busy() || strategies.is_empty() {
            return Vec::new();
        }
        let id = self.next_id();
        let needs_emulator = valid.real.as_ref().is_some_and(|r| r.needs_emulator);
        let work = Work::Strategies {
            scenario: Rc::new(valid.scenario.clone()),
            strategies: strategies.clone(),
            transport: Transport::for_run(valid.real.as_ref(), id),
        };
        let mut commands = vec![Command::Report(Action::Begin { run_id: id, valid, strategies })];
        let mut job = Job { id, work, stage: Stage::Emulator };
        if needs_emulator {
            commands.push(Command::EnsureEmulator { job: id });
        } else {
            commands.extend(job.step(0));
        }
        self.job = Some(job);
        commands
    }

    /// Measure a sweep's points in order (refused while a job goes on, or for none).
    pub fn sweep(&mut self, plan: SweepPlan) -> Vec<Command> {
        if self.is_busy() || plan.runs.is_empty() {
            return Vec::new();
        }
        let id = self.next_id();
        let mut job = Job { id, work: Work::Sweep { runs: plan.runs.clone() }, stage: Stage::Emulator };
        let mut commands =
            vec![Command::Report(Action::SweepBegin { run_id: id, axis: plan.axis, runs: plan.runs, scenario: plan.scenario })];
        commands.extend(job.step(0));
        self.job = Some(job);
        commands
    }

    /// The latency emulator's answer: the first step runs either way (a real request that needs
    /// it then fails, and the page says why).
    pub fn emulator(&mut self, job: u32, ready: bool) -> Vec<Command> {
        let Some(current) = self.job.as_mut().filter(|j| j.id == job && j.stage == Stage::Emulator) else {
            return Vec::new();
        };
        let mut commands = Vec::new();
        if !ready {
            commands.push(Command::Report(Action::EmulatorUnavailable { run_id: job }));
        }
        commands.extend(current.step(0));
        commands
    }

    /// A painted frame of a step: the page draws the trace so far (a sweep's frames draw nothing).
    pub fn frame(&mut self, job: u32, step: usize, trace: Trace, elapsed: f64) -> Vec<Command> {
        match self.job.as_ref() {
            Some(Job { id, work: Work::Strategies { .. }, stage: Stage::Step { step: now, .. } }) if *id == job && *now == step => {
                vec![Command::Report(Action::Progress { run_id: job, index: step, trace, elapsed })]
            }
            _ => Vec::new(),
        }
    }

    /// A step's run ended (completed, or cancelled by Abort): the next step, or the job's end.
    pub fn ended(&mut self, job: u32, step: usize, trace: Trace) -> Vec<Command> {
        let Some(current) = self.job.as_mut() else { return Vec::new() };
        let Stage::Step { step: now, cancelled } = current.stage else { return Vec::new() };
        if current.id != job || now != step {
            return Vec::new();
        }
        // Cancel pressed as a step completed on its own still ends the job: the press is kept.
        let cancelled = cancelled || trace.outcome == Outcome::Cancelled;
        let end = if cancelled { Outcome::Cancelled } else { Outcome::Completed };
        let steps = current.steps();
        let mut commands = Vec::new();
        match &current.work {
            Work::Strategies { .. } => commands.push(Command::Report(Action::StrategyEnded { run_id: job, index: step, trace })),
            Work::Sweep { .. } => {
                if let (false, Some(total)) = (cancelled, trace.total) {
                    commands.push(Command::Report(Action::SweepPoint { run_id: job, index: step, total, hidden_ms: trace.hidden_ms }));
                }
            }
        }
        if !cancelled && step + 1 < steps {
            commands.extend(current.step(step + 1));
            return commands;
        }
        commands.push(current.finished(end));
        self.job = None;
        commands
    }

    /// Cancel the job going on: its running step is aborted (and answers `ended`); a job still
    /// waiting for the emulator ends at once.
    pub fn cancel(&mut self) -> Vec<Command> {
        let Some(current) = self.job.as_mut() else { return Vec::new() };
        match current.stage {
            Stage::Emulator => {
                let end = current.finished(Outcome::Cancelled);
                self.job = None;
                vec![end]
            }
            Stage::Step { cancelled: true, .. } => Vec::new(),
            Stage::Step { step, cancelled: false } => {
                current.stage = Stage::Step { step, cancelled: true };
                vec![Command::Abort]
            }
        }
    }

    fn next_id(&mut self) -> u32 {
        self.last_id += 1;
        self.last_id
    }
}

impl Job {
    fn steps(&self) -> usize {
        match &self.work {
            Work::Strategies { strategies, .. } => strategies.len(),
            Work::Sweep { runs } => runs.len(),
        }
    }

    /// Step `step` begins: what the page is told, and the order to run it.
    fn step(&mut self, step: usize) -> Vec<Command> {
        self.stage = Stage::Step { step, cancelled: false };
        let job = self.id;
        match &self.work {
            Work::Strategies { scenario, strategies, transport } => vec![
                Command::Report(Action::StrategyStarted { run_id: job, index: step }),
                Command::Run(Order {
                    job,
                    step,
                    scenario: scenario.clone(),
                    strategy: strategies[step],
                    transport: transport.clone(),
                    frames: true,
                }),
            ],
            Work::Sweep { runs } => {
                let point = &runs[step];
                let scenario = Rc::new(point.scenario.clone());
                vec![Command::Run(Order { job, step, scenario, strategy: point.strategy, transport: Transport::Simulated, frames: false })]
            }
        }
    }

    fn finished(&self, end: Outcome) -> Command {
        match self.work {
            Work::Strategies { .. } => Command::Report(Action::Finished { run_id: self.id, end }),
            Work::Sweep { .. } => Command::Report(Action::SweepEnded { run_id: self.id, end }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::growth::{sweep, Workload};
    use crate::model::url_state::decode;

    fn valid(query: &str) -> ValidConfig {
        decode(query).config.validate().expect("a valid form")
    }

    /// The orders among `commands`, as (job, step, strategy).
    fn orders(commands: &[Command]) -> Vec<(u32, usize, Strategy)> {
        commands.iter().filter_map(|c| if let Command::Run(o) = c { Some((o.job, o.step, o.strategy)) } else { None }).collect()
    }

    fn reports(commands: &[Command]) -> Vec<&Action> {
        commands.iter().filter_map(|c| if let Command::Report(a) = c { Some(a) } else { None }).collect()
    }

    fn done(strategy: Strategy, total: f64) -> Trace {
        let mut t = Trace::new(strategy, 2);
        t.outcome = Outcome::Completed;
        t.total = Some(total);
        t
    }

    fn aborted(strategy: Strategy) -> Trace {
        let mut t = Trace::new(strategy, 2);
        t.outcome = Outcome::Cancelled;
        t
    }

    fn compare() -> (Driver, Vec<Strategy>) {
        let v = valid("lat=300,800&mode=compare");
        let strategies = v.strategies();
        let mut d = Driver::default();
        let first = d.start(v, strategies.clone());
        assert_eq!(orders(&first), [(1, 0, Strategy::Blocking)]);
        (d, strategies)
    }

    #[test]
    fn a_compare_runs_its_strategies_one_after_another_and_then_finishes() {
        let (mut d, strategies) = compare();
        assert_eq!(strategies.len(), 4);
        for (step, &strategy) in strategies.iter().enumerate() {
            assert!(d.is_busy());
            let next = d.ended(1, step, done(strategy, 800.0));
            assert_eq!(reports(&next)[0], &Action::StrategyEnded { run_id: 1, index: step, trace: done(strategy, 800.0) });
            if step + 1 < strategies.len() {
                assert_eq!(reports(&next)[1], &Action::StrategyStarted { run_id: 1, index: step + 1 });
                assert_eq!(orders(&next), [(1, step + 1, strategies[step + 1])]);
            } else {
                assert_eq!(orders(&next), []);
                assert_eq!(reports(&next)[1], &Action::Finished { run_id: 1, end: Outcome::Completed });
            }
        }
        assert!(!d.is_busy());
    }

    #[test]
    fn a_single_run_begins_starts_and_orders_its_one_strategy_with_frames() {
        let v = valid("lat=300,800&mode=concurrent");
        let mut d = Driver::default();
        let commands = d.start(v.clone(), v.strategies());
        let Command::Run(order) = &commands[2] else { panic!("{commands:?}") };
        assert_eq!(commands[0], Command::Report(Action::Begin { run_id: 1, valid: v.clone(), strategies: vec![Strategy::Concurrent] }));
        assert_eq!(commands[1], Command::Report(Action::StrategyStarted { run_id: 1, index: 0 }));
        assert_eq!((order.strategy, order.frames, &order.transport), (Strategy::Concurrent, true, &Transport::Simulated));
        assert_eq!(order.scenario.latencies(), [300, 800]);
        let progress = d.frame(1, 0, Trace::new(Strategy::Concurrent, 2), 120.0);
        assert_eq!(
            progress,
            [Command::Report(Action::Progress { run_id: 1, index: 0, trace: Trace::new(Strategy::Concurrent, 2), elapsed: 120.0 })]
        );
        let end = d.ended(1, 0, done(Strategy::Concurrent, 801.0));
        assert_eq!(reports(&end)[1], &Action::Finished { run_id: 1, end: Outcome::Completed });
        // The next press is a new job with a new id.
        assert_eq!(orders(&d.start(v.clone(), v.strategies())), [(2, 0, Strategy::Concurrent)]);
    }

    #[test]
    fn one_job_at_a_time_and_none_for_nothing() {
        let (mut d, strategies) = compare();
        assert_eq!(d.start(valid("lat=100"), vec![Strategy::Sequential]), []);
        let one = Rc::new(valid("lat=100").scenario);
        let plan = SweepPlan { axis: GrowthAxis::N, runs: Rc::new(Vec::new()), scenario: one };
        assert_eq!(d.sweep(plan.clone()), [], "refused while a run goes on");
        let mut idle = Driver::default();
        assert_eq!(idle.start(valid("lat=100"), Vec::new()), [], "no strategies, no job");
        assert_eq!(idle.sweep(plan), [], "no points, no job");
        assert!(!idle.is_busy());
        assert!(d.is_busy() && !strategies.is_empty());
    }

    #[test]
    fn cancel_at_every_step_aborts_that_step_and_ends_the_job_cancelled() {
        for at in 0..4 {
            let (mut d, strategies) = compare();
            for (step, &strategy) in strategies.iter().enumerate().take(at) {
                d.ended(1, step, done(strategy, 100.0));
            }
            assert_eq!(d.cancel(), [Command::Abort]);
            assert_eq!(d.cancel(), [], "a second press sends nothing more");
            let end = d.ended(1, at, aborted(strategies[at]));
            assert_eq!(orders(&end), [], "nothing after the cancelled step (step {at})");
            assert_eq!(
                reports(&end),
                [
                    &Action::StrategyEnded { run_id: 1, index: at, trace: aborted(strategies[at]) },
                    &Action::Finished { run_id: 1, end: Outcome::Cancelled }
                ]
            );
            assert!(!d.is_busy());
            assert_eq!(d.cancel(), [], "nothing to cancel");
        }
    }

    #[test]
    fn a_cancel_that_meets_a_step_completing_on_its_own_still_stops_the_compare() {
        let (mut d, _) = compare();
        assert_eq!(d.cancel(), [Command::Abort]);
        // The step had completed before the abort reached it.
        let end = d.ended(1, 0, done(Strategy::Blocking, 1100.0));
        assert_eq!(orders(&end), []);
        assert_eq!(reports(&end).last(), Some(&&Action::Finished { run_id: 1, end: Outcome::Cancelled }));
    }

    #[test]
    fn stale_answers_are_dropped() {
        let (mut d, strategies) = compare();
        assert_eq!(d.ended(7, 0, done(strategies[0], 1.0)), [], "another job's");
        assert_eq!(d.ended(1, 2, done(strategies[2], 1.0)), [], "a step that does not run");
        assert_eq!(d.frame(1, 1, Trace::new(strategies[1], 2), 5.0), [], "a frame of a step that does not run");
        assert_eq!(d.emulator(1, true), [], "the emulator was not asked for");
        d.ended(1, 0, done(strategies[0], 1.0));
        assert_eq!(d.ended(1, 0, done(strategies[0], 1.0)), [], "a step that ended already");
        assert_eq!(orders(&d.ended(1, 1, done(strategies[1], 1.0))), [(1, 2, strategies[2])]);
        let mut idle = Driver::default();
        assert_eq!(idle.ended(1, 0, done(strategies[0], 1.0)), [], "no job at all");
        assert_eq!(idle.frame(1, 0, Trace::new(strategies[0], 2), 1.0), []);
    }

    #[test]
    fn a_compare_that_leaves_blocking_out_never_orders_it() {
        let v = valid(&format!("lat={}&mode=compare", vec!["1000"; 40].join(",")));
        assert!(v.blocking_left_out().is_some());
        let mut d = Driver::default();
        let mut next = d.start(v.clone(), v.strategies());
        let mut ran = Vec::new();
        while let Some((job, step, strategy)) = orders(&next).first().copied() {
            ran.push(strategy);
            next = d.ended(job, step, done(strategy, 1.0));
        }
        assert_eq!(ran, [Strategy::Sequential, Strategy::Concurrent, Strategy::Bounded(6)]);
    }

    #[test]
    fn a_real_run_waits_for_the_emulator_and_says_when_it_could_not_start() {
        let v = valid("src=real&url=./delay/{ms}&lat=300,800&mode=concurrent");
        assert!(v.real.as_ref().is_some_and(|r| r.needs_emulator));
        for ready in [true, false] {
            let mut d = Driver::default();
            let first = d.start(v.clone(), v.strategies());
            assert_eq!(first[1], Command::EnsureEmulator { job: 1 });
            assert_eq!(orders(&first), [], "nothing runs before the emulator answers");
            assert_eq!(d.frame(1, 0, Trace::new(Strategy::Concurrent, 2), 1.0), []);
            let next = d.emulator(1, ready);
            assert_eq!(reports(&next).contains(&&Action::EmulatorUnavailable { run_id: 1 }), !ready);
            let Some(Command::Run(order)) = next.last() else { panic!("{next:?}") };
            let Transport::Real { urls, .. } = &order.transport else { panic!("{order:?}") };
            assert_eq!(urls.as_slice(), ["./delay/300?_sva=1.1", "./delay/800?_sva=1.2"], "unique per run and request");
            assert_eq!(d.emulator(1, ready), [], "answered once");
        }
    }

    #[test]
    fn a_cancel_while_the_emulator_starts_ends_the_run_at_once() {
        let v = valid("src=real&url=./delay/{ms}&lat=300,800&mode=concurrent");
        let mut d = Driver::default();
        d.start(v.clone(), v.strategies());
        assert_eq!(d.cancel(), [Command::Report(Action::Finished { run_id: 1, end: Outcome::Cancelled })]);
        assert!(!d.is_busy());
        assert_eq!(d.emulator(1, true), [], "its answer comes too late");
    }

    fn sweep_plan() -> SweepPlan {
        let v = valid("lat=300,800,500");
        let workload = Workload::of(&v.scenario, crate::model::Preset::Custom, 0);
        let runs = sweep(&workload, GrowthAxis::N, &[Strategy::Sequential, Strategy::Concurrent], v.scenario.len());
        SweepPlan { axis: GrowthAxis::N, runs: Rc::new(runs), scenario: Rc::new(v.scenario) }
    }

    #[test]
    fn a_sweep_measures_its_points_in_order_without_frames() {
        let plan = sweep_plan();
        let mut d = Driver::default();
        let first = d.sweep(plan.clone());
        assert_eq!(
            first[0],
            Command::Report(Action::SweepBegin {
                run_id: 1,
                axis: GrowthAxis::N,
                runs: plan.runs.clone(),
                scenario: plan.scenario.clone()
            })
        );
        let mut next = first;
        for (step, point) in plan.runs.iter().enumerate() {
            let Some(Command::Run(order)) = next.last() else { panic!("{next:?}") };
            assert_eq!((order.step, order.strategy, order.frames), (step, point.strategy, false));
            assert_eq!(*order.scenario, point.scenario);
            assert_eq!(order.transport, Transport::Simulated);
            assert_eq!(d.frame(1, step, Trace::new(point.strategy, 1), 1.0), [], "a sweep draws no frames");
            next = d.ended(1, step, done(point.strategy, 10.0 + step as f64));
            assert_eq!(reports(&next)[0], &Action::SweepPoint { run_id: 1, index: step, total: 10.0 + step as f64, hidden_ms: None });
        }
        assert_eq!(reports(&next)[1], &Action::SweepEnded { run_id: 1, end: Outcome::Completed });
        assert!(!d.is_busy());
    }

    #[test]
    fn a_sweep_cancelled_mid_way_keeps_its_points_and_ends_cancelled() {
        let plan = sweep_plan();
        assert!(plan.runs.len() > 3);
        let mut d = Driver::default();
        d.sweep(plan.clone());
        d.ended(1, 0, done(plan.runs[0].strategy, 10.0));
        d.ended(1, 1, done(plan.runs[1].strategy, 11.0));
        assert_eq!(d.cancel(), [Command::Abort]);
        let end = d.ended(1, 2, aborted(plan.runs[2].strategy));
        assert_eq!(end, [Command::Report(Action::SweepEnded { run_id: 1, end: Outcome::Cancelled })], "no point for the cancelled run");
        assert!(!d.is_busy());
        // The next job, a Run, may start now.
        assert_eq!(orders(&d.start(valid("lat=1"), vec![Strategy::Sequential])), [(2, 0, Strategy::Sequential)]);
    }
}
