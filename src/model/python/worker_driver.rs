//! The Python worker's lifecycle, sans-IO (as `model::run_driver` is for the lab's runs): told
//! what happened — Run pressed, a worker started or could not, a message from a worker, the
//! program handed over or not, the time limit reached, Cancel — it answers with what the shell
//! must do (start a fresh worker, hand over the program, set or clear the time limit) and what
//! the panel's reducer is told. Each worker has a generation: whatever an ended worker or an
//! earlier limit still says is dropped here. `R` is the program with its names, which the driver
//! only keeps until Python is ready.

use super::panel::PyAction;
use super::protocol::{Failure, WorkerMessage};

#[derive(Clone, Debug, PartialEq)]
pub enum WorkerCommand<R> {
    /// Tell the panel (its reducer).
    Report(PyAction),
    /// End the worker there is, if any, and start one of this generation loading Python; answer
    /// `started`, and pass on its messages with `message`.
    Start {
        generation: u32,
    },
    /// Set the program's time limit (an earlier one is replaced); answer `time_up`.
    SetLimit {
        generation: u32,
        ms: u32,
    },
    ClearLimit,
    /// Hand the program to the worker; answer `not_sent` if it could not be.
    Send(R),
}

#[derive(Clone, Debug, PartialEq)]
pub struct WorkerDriver<R> {
    generation: u32,
    /// A worker of `generation` was started and has not failed to.
    started: bool,
    /// It said Python is ready.
    ready: bool,
    /// Run pressed before Python was ready: the program and its time limit, sent on Ready.
    pending: Option<(R, u32)>,
}

impl<R> Default for WorkerDriver<R> {
    fn default() -> Self {
        WorkerDriver { generation: 0, started: false, ready: false, pending: None }
    }
}

impl<R> WorkerDriver<R> {
    /// Run pressed: a fresh run begins; Python is started if it is not, and the program runs once
    /// it is ready, for `limit_ms` at most.
    pub fn run(&mut self, program: R, limit_ms: u32) -> Vec<WorkerCommand<R>> {
        let mut commands = vec![WorkerCommand::Report(PyAction::Begin)];
        if !self.started {
            commands.extend(self.start());
        }
        if self.ready {
            commands.extend(self.send(program, limit_ms));
        } else {
            self.pending = Some((program, limit_ms));
        }
        commands
    }

    /// The shell's answer to `Start`: the worker is loading, or it could not start at all.
    pub fn started(&mut self, generation: u32, result: Result<(), Failure>) -> Vec<WorkerCommand<R>> {
        if generation != self.generation {
            return Vec::new();
        }
        match result {
            Ok(()) => vec![WorkerCommand::Report(PyAction::WorkerStarted)],
            Err(why) => {
                self.started = false;
                self.pending = None;
                vec![WorkerCommand::Report(PyAction::Failed(why))]
            }
        }
    }

    /// A message from the worker of `generation`.
    pub fn message(&mut self, generation: u32, message: WorkerMessage) -> Vec<WorkerCommand<R>> {
        if generation != self.generation || !self.started {
            return Vec::new();
        }
        match message {
            WorkerMessage::Ready(_) => {
                self.ready = true;
                let mut commands = vec![WorkerCommand::Report(PyAction::Message(message))];
                if let Some((program, limit_ms)) = self.pending.take() {
                    commands.extend(self.send(program, limit_ms));
                }
                commands
            }
            WorkerMessage::Done(_) | WorkerMessage::Failed(_) => {
                vec![WorkerCommand::ClearLimit, WorkerCommand::Report(PyAction::Message(message))]
            }
            _ => vec![WorkerCommand::Report(PyAction::Message(message))],
        }
    }

    /// The program could not be handed over.
    pub fn not_sent(&mut self, why: Failure) -> Vec<WorkerCommand<R>> {
        vec![WorkerCommand::ClearLimit, WorkerCommand::Report(PyAction::Failed(why))]
    }

    /// The time limit of `generation`'s run is reached: the worker is ended and a fresh one loads.
    pub fn time_up(&mut self, generation: u32) -> Vec<WorkerCommand<R>> {
        if generation != self.generation {
            return Vec::new();
        }
        let mut commands = self.start();
        commands.push(WorkerCommand::Report(PyAction::TimeLimit));
        commands
    }

    /// Cancel: the worker is ended (its messages stop) and a fresh one loads for the next run.
    pub fn cancel(&mut self) -> Vec<WorkerCommand<R>> {
        let mut commands = self.start();
        commands.push(WorkerCommand::Report(PyAction::Cancelled));
        commands
    }

    /// A fresh worker of a new generation; the old one's run, limit and pending program are gone.
    fn start(&mut self) -> Vec<WorkerCommand<R>> {
        self.generation += 1;
        self.started = true;
        self.ready = false;
        self.pending = None;
        vec![WorkerCommand::ClearLimit, WorkerCommand::Start { generation: self.generation }]
    }

    /// The limit first: a program that cannot be handed over clears it again (`not_sent`).
    fn send(&self, program: R, limit_ms: u32) -> Vec<WorkerCommand<R>> {
        vec![WorkerCommand::SetLimit { generation: self.generation, ms: limit_ms }, WorkerCommand::Send(program)]
    }
}

#[cfg(test)]
mod tests {
    use super::WorkerCommand::*;
    use super::*;

    type Driver = WorkerDriver<&'static str>;

    fn ready() -> WorkerMessage {
        WorkerMessage::Ready(2200.0)
    }

    /// A driver whose first worker has loaded Python.
    fn loaded() -> Driver {
        let mut d = Driver::default();
        d.run("first", 30_000);
        d.started(1, Ok(()));
        d.message(1, ready());
        d.message(1, WorkerMessage::Done(Some(1.0)));
        d
    }

    #[test]
    fn the_first_run_starts_python_and_runs_once_it_is_ready() {
        let mut d = Driver::default();
        assert_eq!(d.run("print(1)", 30_000), [Report(PyAction::Begin), ClearLimit, Start { generation: 1 }]);
        assert_eq!(d.started(1, Ok(())), [Report(PyAction::WorkerStarted)]);
        assert_eq!(d.message(1, WorkerMessage::Progress(1e6)), [Report(PyAction::Message(WorkerMessage::Progress(1e6)))]);
        assert_eq!(d.message(1, ready()), [Report(PyAction::Message(ready())), SetLimit { generation: 1, ms: 30_000 }, Send("print(1)")]);
        assert_eq!(
            d.message(1, WorkerMessage::Done(Some(800.0))),
            [ClearLimit, Report(PyAction::Message(WorkerMessage::Done(Some(800.0))))]
        );
    }

    #[test]
    fn a_run_once_python_is_ready_is_sent_at_once_on_the_same_worker() {
        let mut d = loaded();
        assert_eq!(d.run("second", 2_000), [Report(PyAction::Begin), SetLimit { generation: 1, ms: 2_000 }, Send("second")]);
        let failed = WorkerMessage::Failed(Failure::Python("crashed".into()));
        assert_eq!(d.message(1, failed.clone()), [ClearLimit, Report(PyAction::Message(failed))]);
    }

    #[test]
    fn a_second_press_before_python_is_ready_runs_only_the_last_program() {
        let mut d = Driver::default();
        d.run("one", 30_000);
        assert_eq!(d.run("two", 30_000), [Report(PyAction::Begin)], "the worker already loads");
        d.started(1, Ok(()));
        let sent: Vec<_> = d.message(1, ready()).into_iter().filter(|c| matches!(c, Send(_))).collect();
        assert_eq!(sent, [Send("two")]);
    }

    #[test]
    fn cancel_and_the_time_limit_end_the_worker_and_start_a_fresh_one() {
        let mut d = loaded();
        d.run("loop", 2_000);
        assert_eq!(d.time_up(1), [ClearLimit, Start { generation: 2 }, Report(PyAction::TimeLimit)]);
        assert_eq!(d.message(1, WorkerMessage::Output("late".into(), false)), [], "the ended worker's words are dropped");
        assert_eq!(d.time_up(1), [], "an earlier limit is dropped");
        assert_eq!(d.run("again", 2_000), [Report(PyAction::Begin)], "waits for the fresh worker's Python");
        assert_eq!(d.cancel(), [ClearLimit, Start { generation: 3 }, Report(PyAction::Cancelled)]);
        d.started(3, Ok(()));
        assert_eq!(d.message(3, ready()), [Report(PyAction::Message(ready()))], "the cancelled program is not sent");
        assert_eq!(d.started(2, Ok(())), [], "a replaced worker's start is dropped");
    }

    #[test]
    fn a_worker_that_cannot_start_fails_the_run_and_the_next_run_tries_again() {
        let mut d = Driver::default();
        d.run("x", 30_000);
        assert_eq!(d.started(1, Err(Failure::NoWorkerHere)), [Report(PyAction::Failed(Failure::NoWorkerHere))]);
        assert_eq!(d.message(1, ready()), [], "no worker of that generation is running");
        assert_eq!(d.run("y", 30_000), [Report(PyAction::Begin), ClearLimit, Start { generation: 2 }]);
    }

    #[test]
    fn a_program_that_cannot_be_handed_over_fails_and_clears_its_limit() {
        let mut d = loaded();
        assert_eq!(
            d.not_sent(Failure::Python("DataCloneError".into())),
            [ClearLimit, Report(PyAction::Failed(Failure::Python("DataCloneError".into())))]
        );
        assert_eq!(d.not_sent(Failure::Unexplained), [ClearLimit, Report(PyAction::Failed(Failure::Unexplained))]);
    }
}
