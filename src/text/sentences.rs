//! Sentences built from the word tables: names by enum, the results' and the status' lines,
//! formulas in words, notices and errors, the steps of the note, pictures' lines.

use crate::model::code::CodeLang;
use crate::model::config::{BlockingReal, FieldError, LeftOut, ValidConfig, MAX_FROZEN_MS};
use crate::model::explain::{StepKind, Thread};
use crate::model::formula::{Formula, Term};
use crate::model::guess::GuessResult;
use crate::model::lab::screen::RunNote;
use crate::model::plan::Plan;
use crate::model::presentation::Lang;
use crate::model::scenario::ListError;
use crate::model::source::{PhaseKind, RequestOutcome, TargetError};
use crate::model::strategy::{Strategy, StrategyKind};
use crate::model::summary::Failures;
use crate::model::url_state::{Notice, Problem};
use crate::model::Preset;
use crate::model::Scenario;

use super::{fill, Case, PictureText, Text};

/// How many values a formula writes out; past it, how many there are.
const FORMULA_SHOWN: usize = 6;

impl Text {
    /// Where a verdict would be: the tab was in the background this long during the run.
    pub fn hidden_run(&self, ms: f64) -> String {
        fill(self.results.hidden_run, &[&self.duration(ms)])
    }

    pub fn preset_name(&self, preset: Preset) -> &'static str {
        self.form.presets[preset.index()]
    }

    pub fn strategy_name(&self, kind: StrategyKind) -> &'static str {
        self.form.strategy_names[kind.index()]
    }

    pub fn strategy_blurb(&self, kind: StrategyKind) -> &'static str {
        self.form.strategy_blurbs[kind.index()]
    }

    pub fn strategy_short(&self, strategy: Strategy) -> String {
        match strategy {
            Strategy::Bounded(k) => fill(self.form.strategy_shorts[3], &[&k.to_string()]),
            other => self.form.strategy_shorts[other.kind().index()].to_string(),
        }
    }

    pub fn language_name(&self, lang: Lang) -> &'static str {
        self.page.language_names[lang.index()]
    }

    /// The scenario as one line: "2 requests: 300 ms, 800 ms · processing 0 ms".
    pub fn scenario_line(&self, scenario: &Scenario) -> String {
        const SHOWN: usize = 4;
        let latencies = scenario.latencies();
        let mut list: Vec<String> = latencies.iter().take(SHOWN).map(|&l| self.ms(f64::from(l))).collect();
        if latencies.len() > SHOWN {
            list.push("…".into());
        }
        let processing = scenario.processing();
        let proc = if processing.iter().all(|&p| p == processing[0]) {
            self.ms(f64::from(processing[0]))
        } else {
            processing.iter().take(SHOWN).map(|p| p.to_string()).collect::<Vec<_>>().join(", ")
                + if processing.len() > SHOWN { ", …" } else { "" }
        };
        fill(self.glance.scenario_line, &[&self.requests(scenario.len()), &list.join(", "), &proc])
    }

    /// How far a guess was from the measurement, in words.
    pub fn guess_off(&self, g: &GuessResult) -> String {
        if g.spot_on() {
            return self.guess.spot_on.into();
        }
        let pct = self.int(g.off_percent());
        let by = self.total(g.off_ms().abs());
        if g.off_ms() > 0.0 {
            fill(self.guess.high, &[&by, &pct])
        } else {
            fill(self.guess.low, &[&by, &pct])
        }
    }

    pub fn guess_result(&self, g: &GuessResult) -> String {
        fill(
            self.guess.result,
            &[
                &self.strategy_short(g.strategy),
                &self.total(g.guess),
                &self.total(g.measured),
                &self.total(g.predicted),
                &self.guess_off(g),
            ],
        )
    }

    /// "Run sends 12 requests to api.example.com, 2 requests to this page’s own files."
    pub fn real_hosts(&self, hosts: &[(Option<String>, usize)]) -> String {
        let list = hosts
            .iter()
            .map(|(host, n)| format!("{} → {}", self.requests(*n), host.as_deref().unwrap_or(self.real.own_site)))
            .collect::<Vec<_>>()
            .join(", ");
        fill(self.real.real_hosts, &[&list])
    }

    /// "3 of 3 failed: HTTP 404" — a run that is no timing to compare.
    pub fn failures(&self, f: &Failures) -> String {
        let why = match f.status {
            Some(status) => format!("HTTP {status}"),
            None => self.outcome_name(f.first).to_string(),
        };
        fill(self.real.failed_run, &[&self.int(f.failed as f64), &self.int(f.of as f64), &why])
    }

    /// Names of strategies in a sentence: "Concurrent, Bounded, k = 6".
    pub fn strategy_list(&self, strategies: &[Strategy]) -> String {
        strategies.iter().map(|&s| self.strategy_short(s)).collect::<Vec<_>>().join(", ")
    }

    /// A sentence of how long the page would be frozen and the most the lab allows.
    fn frozen(&self, template: &str, ms: u64) -> String {
        fill(template, &[&self.long_duration(ms), &self.long_duration(MAX_FROZEN_MS)])
    }

    /// Under the results: why blocking is left out of a comparison.
    pub fn blocking_left_out_note(&self, why: LeftOut) -> String {
        match why {
            LeftOut::Freezes { ms } => self.frozen(self.errors.blocking_left_out, ms),
            LeftOut::Real(real) => format!("{}{}", self.errors.blocking_left_out_because, lower_first(self.blocking_real(real))),
        }
    }

    pub fn blocking_real(&self, why: BlockingReal) -> &'static str {
        match why {
            BlockingReal::Unbounded => self.errors.err_blocking_unbounded,
            BlockingReal::Emulated => self.errors.err_blocking_emulated,
        }
    }

    pub fn speedup(&self, ratio: f64) -> String {
        if ratio.is_finite() {
            format!("×{}", self.decimal(ratio, 2))
        } else {
            "×∞".into()
        }
    }

    /// Under the results where the browser drew the lab slowly (`SLOW_DRAW_MS`).
    pub fn slow_drawing(&self, draw_ms: f64) -> String {
        fill(self.results.slow_drawing, &[&self.ms(draw_ms)])
    }

    /// The longest frame gap, in words: "froze the page for …" where `frozen`.
    pub fn frame_gap(&self, strategy: Strategy, gap_ms: f64, frozen: bool) -> String {
        if frozen {
            fill(self.results.frozen_for, &[&self.duration(gap_ms)])
        } else if strategy.yields_to_event_loop() {
            fill(self.results.smooth, &[&self.ms(gap_ms)])
        } else {
            self.ms(gap_ms)
        }
    }

    pub fn status_running(&self, strategy: Strategy, index: usize, of: usize) -> String {
        let name = self.strategy_short(strategy);
        if of > 1 {
            fill(self.status.status_running_of, &[&name, &(index + 1).to_string(), &of.to_string()])
        } else {
            fill(self.status.status_running, &[&name])
        }
    }

    pub fn progress(&self, finished: usize, total: usize, elapsed_ms: f64) -> String {
        fill(
            self.status.status_progress,
            &[&self.int(finished as f64), &self.count(total, &self.counted.requests, Case::Genitive), &self.ms(elapsed_ms)],
        )
    }

    pub fn request_row(&self, index: usize, latency_ms: u32, processing_ms: u32) -> String {
        if processing_ms > 0 {
            format!("#{} · {} + {}", index + 1, self.int(f64::from(latency_ms)), self.int(f64::from(processing_ms)))
        } else {
            format!("#{} · {}", index + 1, self.ms(f64::from(latency_ms)))
        }
    }

    pub fn bar_title(&self, index: usize, start: f64, response: Option<f64>, end: Option<f64>, predicted_end: f64) -> String {
        let mut s = fill(self.waterfall.bar_sent, &[&(index + 1).to_string(), &self.ms(start)]);
        if let Some(r) = response {
            s.push_str(&fill(self.waterfall.bar_response, &[&self.ms(r)]));
        }
        if let Some(e) = end {
            s.push_str(&fill(self.waterfall.bar_done, &[&self.ms(e)]));
        }
        s.push_str(&fill(self.waterfall.bar_predicted, &[&self.ms(predicted_end)]));
        s
    }

    /// The model's total in words, as a screen reader says it: "the sum of 300 and 800", "the
    /// longest of 300 and 800"; past `FORMULA_SHOWN` values, as "7 values"; with processing or
    /// slots, the formula itself.
    pub fn formula_in_words(&self, formula: &Formula) -> String {
        match formula {
            Formula::Sum { terms, .. } if terms.iter().all(|t| t.processing_ms == 0) => fill(
                self.results.formula_words_sum,
                &[&self.values_listed(&terms.iter().map(|t| t.latency_ms).collect::<Vec<_>>(), Case::Genitive)],
            ),
            Formula::Max { latencies, queue_ms, .. } if *queue_ms <= 0.0 => {
                fill(self.results.formula_words_longest, &[&self.values_listed(latencies, Case::Genitive)])
            }
            other => self.formula(other),
        }
    }

    /// "300, 800 and 500"; past `FORMULA_SHOWN` values, how many, in `case`.
    fn values_listed(&self, values: &[u32], case: Case) -> String {
        let words: Vec<String> = values.iter().map(|&v| self.int(f64::from(v))).collect();
        match words.split_last() {
            _ if words.len() > FORMULA_SHOWN => self.count(words.len(), &self.counted.values, case),
            Some((last, rest)) if !rest.is_empty() => format!("{}{}{last}", rest.join(", "), self.results.list_and),
            _ => words.join(""),
        }
    }

    /// The formula made concrete, with the real numbers of the scenario.
    pub fn formula(&self, formula: &Formula) -> String {
        const SHOWN: usize = FORMULA_SHOWN;
        match formula {
            Formula::Sum { terms, total } => {
                let term = |t: &Term| {
                    if t.processing_ms > 0 {
                        format!("({} + {})", t.latency_ms, t.processing_ms)
                    } else {
                        t.latency_ms.to_string()
                    }
                };
                let body = if terms.len() <= SHOWN {
                    terms.iter().map(term).collect::<Vec<_>>().join(" + ")
                } else {
                    fill(
                        self.results.formula_many,
                        &[
                            &terms[..3].iter().map(term).collect::<Vec<_>>().join(" + "),
                            &term(&terms[terms.len() - 1]),
                            &self.requests(terms.len()),
                        ],
                    )
                };
                format!("{body} = {}", self.ms(*total))
            }
            Formula::Max { latencies, queue_ms, total, longest } => {
                let body = if latencies.len() <= SHOWN {
                    latencies.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
                } else {
                    self.count(latencies.len(), &self.counted.values, Case::Nominative)
                };
                if *queue_ms > 0.0 {
                    fill(self.results.formula_queue, &[&body, &self.ms(f64::from(*longest)), &self.ms(*queue_ms), &self.ms(*total)])
                } else {
                    format!("max({body}) = {}", self.ms(*total))
                }
            }
            Formula::Slots { k, waves, total } => fill(self.results.formula_slots, &[&k.to_string(), &waves.to_string(), &self.ms(*total)]),
        }
    }

    pub fn list_error(&self, e: &ListError) -> String {
        match e {
            ListError::Empty => self.errors.err_empty.into(),
            ListError::EmptyItem { item } => fill(self.errors.err_empty_item, &[&item.to_string()]),
            ListError::NotANumber { item: 0, text } => fill(self.errors.err_not_a_number, &[text]),
            ListError::NotANumber { item, text } => fill(self.errors.err_item_not_a_number, &[&item.to_string(), text]),
            ListError::OutOfRange { item: 0, value, max } => {
                fill(self.errors.err_too_large, &[&self.int(*value as f64), &self.int(f64::from(*max))])
            }
            ListError::OutOfRange { item, value, max } => {
                fill(self.errors.err_item_too_large, &[&item.to_string(), &self.int(*value as f64), &self.int(f64::from(*max))])
            }
            ListError::TooMany { count, max } => {
                fill(self.errors.err_too_many, &[&self.count(*count, &self.counted.values, Case::Nominative), &self.requests(*max)])
            }
            ListError::WrongLength { expected, found } => fill(
                self.errors.err_wrong_length,
                &[&self.count(*found, &self.counted.values, Case::Nominative), &self.requests(*expected), &expected.to_string()],
            ),
        }
    }

    pub fn field_error(&self, e: &FieldError) -> String {
        match e {
            FieldError::List(e) => self.list_error(e),
            FieldError::BelowMinimum { min } => fill(self.errors.err_below_minimum, &[&min.to_string()]),
            FieldError::Freezes { ms } => self.frozen(self.errors.err_freezes, *ms),
            FieldError::TooBusy { ms } => self.frozen(self.errors.err_too_busy, *ms),
            FieldError::BlockingReal(why) => self.blocking_real(*why).into(),
        }
    }

    pub fn notice(&self, notice: &Notice) -> String {
        let what = match &notice.problem {
            Problem::Field(e) => self.field_error(e),
            Problem::Unknown { value, allowed } => fill(self.errors.notice_unknown, &[value, &allowed.join(", ")]),
            Problem::NotASeed { value } => fill(self.errors.notice_not_a_seed, &[value]),
            Problem::Target(e) => self.target_error(e),
        };
        fill(self.errors.notice, &[notice.param, &lower_first(&what)])
    }

    pub fn run_summary(&self, strategy: Strategy, measured: f64, predicted: f64, gap: Option<f64>) -> String {
        let mut s = fill(self.results.run_summary, &[&self.strategy_short(strategy), &self.ms(measured), &self.ms(predicted)]);
        if let Some(gap) = gap {
            s.push_str(&fill(self.results.run_summary_gap, &[&self.duration(gap)]));
        }
        s.push('.');
        s
    }

    /// Every measured row's summary, for screen readers once a run has ended.
    pub fn run_summaries(&self, rows: &[crate::model::summary::SummaryRow]) -> String {
        let said = rows.iter().filter_map(|r| r.measured.map(|m| self.run_summary(r.strategy, m, r.predicted, r.max_frame_gap)));
        said.collect::<Vec<_>>().join(" ")
    }

    /// What a press of Run (for a form that is runnable alone) and of Compare take, by the model,
    /// in one line beside the buttons; `None` where neither can run.
    pub fn eta_line(&self, run: Option<&ValidConfig>, compare: Option<&ValidConfig>) -> Option<String> {
        let length = |v: &ValidConfig| Plan::new(&v.scenario, v.strategies()).length_ms();
        let run = run.filter(|v| v.mode != crate::model::Mode::Compare).map(|v| fill(self.glance.eta_run, &[&self.total(length(v))]));
        let compare = compare.map(|v| fill(self.glance.eta_compare, &[&self.total(length(v))]));
        let line = [run, compare].into_iter().flatten().collect::<Vec<_>>().join(" · ");
        (!line.is_empty()).then_some(line)
    }

    /// The waterfall's caption: measured or predicted, and for which strategy.
    pub fn waterfall_caption(&self, measured: bool, strategy: Strategy) -> String {
        format!(
            "{} {}",
            if measured { self.waterfall.caption_measured } else { self.waterfall.caption_predicted },
            self.strategy_short(strategy)
        )
    }

    /// A note under a real run's waterfall: its test hook and its words.
    pub fn run_note(&self, note: &RunNote) -> (String, String) {
        let (hook, words) = match note {
            RunNote::OutcomeCounts(counts) => ("outcome-counts", self.outcome_counts(counts)),
            RunNote::Queued => ("queue-note", self.real.queue_note.to_string()),
            RunNote::EmulatorUnavailable => ("emulator-note", self.real.emulator_unavailable.to_string()),
            RunNote::AutorunHeld => ("autorun-held", self.real.real_autorun_held.to_string()),
        };
        (hook.to_string(), words)
    }
}

impl Text {
    /// "2nd" / "2-й", "3rd" / "3-й" (the note writes "2ой"; the lab's rows write it as print does).
    pub fn ordinal(&self, n: usize) -> String {
        match self.lang {
            Lang::En => {
                let suffix = match (n % 10, n % 100) {
                    (_, 11..=13) => "th",
                    (1, _) => "st",
                    (2, _) => "nd",
                    (3, _) => "rd",
                    _ => "th",
                };
                format!("{n}{suffix}")
            }
            Lang::Ru => format!("{n}-й"),
        }
    }

    /// One row of the step table, in the note's voice.
    pub fn step(&self, kind: &StepKind) -> String {
        match *kind {
            StepKind::Send { n: 1 } => self.explain.step_send_first.into(),
            StepKind::Send { n } => fill(self.explain.step_send_nth, &[&self.ordinal(n)]),
            StepKind::WaitBlocked { .. } => self.explain.step_wait_blocked.into(),
            StepKind::WaitAwait { .. } => self.explain.step_wait_await.into(),
            StepKind::Respond { .. } => self.explain.step_respond.into(),
            StepKind::Process { .. } => self.explain.step_process.into(),
            StepKind::Repeat { from, to, blocking } => fill(
                if blocking { self.explain.step_repeat_blocked } else { self.explain.step_repeat_await },
                &[&from.to_string(), &to.to_string()],
            ),
            StepKind::WaitAndSend { from, to } if from == to => fill(self.explain.step_wait_and_send_one, &[&self.ordinal(to)]),
            StepKind::WaitAndSend { from, to } => fill(self.explain.step_wait_and_send_many, &[&from.to_string(), &to.to_string()]),
            StepKind::SendFirst { k } => fill(self.explain.step_send_first_k, &[&self.requests(k)]),
            StepKind::Refill { last, .. } => fill(self.explain.step_refill, &[&self.requests(last)]),
            StepKind::RespondAll => self.explain.step_respond_all.into(),
            StepKind::ProcessAll => self.explain.step_process_all.into(),
        }
    }

    /// What the one thread is doing, in words.
    pub fn thread(&self, thread: Thread) -> String {
        match thread {
            Thread::NotStarted => self.explain.thread_not_started.into(),
            Thread::Blocked { i } => fill(self.explain.thread_blocked, &[&(i + 1).to_string()]),
            Thread::Processing { i } => fill(self.explain.thread_processing, &[&(i + 1).to_string()]),
            Thread::Idle => self.explain.thread_idle.into(),
            Thread::Finished => self.explain.thread_finished.into(),
        }
    }

    pub fn target_error(&self, e: &TargetError) -> String {
        match e {
            TargetError::Empty => self.real.err_target_empty.into(),
            TargetError::Scheme { scheme } => fill(self.real.err_target_scheme, &[scheme]),
            TargetError::WrongCount { expected, found } => {
                fill(self.real.err_target_count, &[&self.count(*found, &self.counted.urls, Case::Nominative), &self.requests(*expected)])
            }
            TargetError::TooMany { count, max } => fill(self.real.err_target_too_many, &[&self.requests(*count), &max.to_string()]),
        }
    }

    pub fn outcome_name(&self, o: RequestOutcome) -> &'static str {
        self.real.outcome_names[o.index()]
    }

    pub fn phase_name(&self, p: PhaseKind) -> &'static str {
        self.real.phase_names[p.index()]
    }

    /// The line under a picture's title: "2 requests: 300 ms, 800 ms · measured in Chromium 156".
    pub fn picture_subtitle(&self, scenario_line: &str, measured_in: Option<&str>) -> String {
        match measured_in {
            Some(browser) => fill(self.picture.measured_in, &[scenario_line, browser]),
            None => fill(self.picture.predicted, &[scenario_line]),
        }
    }

    /// "8 succeeded · 2 HTTP errors · 1 timed out", "2 ошибки HTTP · 5 сетевых ошибок".
    pub fn outcome_counts(&self, counts: &[(RequestOutcome, usize)]) -> String {
        let counted = |(o, n): &(RequestOutcome, usize)| self.count(*n, &self.real.outcome_counted[o.index()], Case::Nominative);
        counts.iter().map(counted).collect::<Vec<_>>().join(" · ")
    }

    /// Under a waterfall of many requests: how many rows of how many are drawn.
    pub fn sampled_rows(&self, drawn: usize, of: usize) -> String {
        fill(self.real.sampled_rows, &[&self.int(drawn as f64), &self.count(of, &self.counted.requests, Case::Genitive)])
    }

    /// Under a sequence diagram of many requests: arrows for the first `arrows`, and the lanes
    /// sampled to `lanes` where they are fewer than all.
    /// Under a sequence diagram that draws the first `drawn` requests and sums up `rest`.
    pub fn sequence_note(&self, drawn: usize, rest: usize) -> String {
        fill(self.real.sequence_first_arrows, &[&self.count(drawn, &self.counted.requests, Case::Genitive), &self.int(rest as f64)])
    }

    /// In the diagram, below its drawn requests: how many come after them, and when the run ends.
    pub fn sequence_rest(&self, rest: usize, total_ms: f64) -> String {
        fill(self.real.sequence_rest, &[&self.count(rest, &self.counted.requests, Case::Nominative), &self.total(total_ms)])
    }

    pub fn sweep_progress(&self, done: usize, of: usize) -> String {
        fill(self.growth.sweep_progress, &[&self.int(done as f64), &self.count(of, &self.counted.runs, Case::Genitive)])
    }

    /// How many of a sweep's runs were made while the tab was in the background.
    pub fn sweep_hidden(&self, hidden: usize) -> String {
        fill(self.growth.sweep_hidden, &[&self.count(hidden, &self.counted.runs, Case::Genitive)])
    }

    pub fn sweep_done(&self, done: usize) -> String {
        fill(self.growth.sweep_done, &[&self.runs(done)])
    }

    pub fn sweep_cancelled(&self, done: usize, of: usize) -> String {
        fill(self.growth.sweep_cancelled, &[&self.int(done as f64), &self.count(of, &self.counted.runs, Case::Genitive)])
    }

    pub fn code_lang_name(&self, lang: CodeLang) -> &'static str {
        self.explain.code_lang_names[lang.index()]
    }
}

impl PictureText {
    /// "The picture could not be made: …", the reason in the page's language (or the browser's
    /// own words, where it refused).
    pub fn failure(&self, why: &crate::model::picture::PictureFailure) -> String {
        use crate::model::picture::PictureFailure;
        let why = match why {
            PictureFailure::NoChart => self.no_chart,
            PictureFailure::NotDrawn => self.not_drawn,
            PictureFailure::Browser(words) => words,
        };
        fill(self.failed, &[why])
    }
}

/// "Must be at least 1." after a colon reads "must be at least 1."
pub(super) fn lower_first(s: &str) -> String {
    // By hand for the two alphabets the lab writes: Unicode's case tables weigh kilobytes.
    let mut chars = s.chars();
    let lower = match chars.next() {
        Some(c @ 'A'..='Z') => c.to_ascii_lowercase(),
        Some(c @ 'А'..='Я') => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        Some('Ё') => 'ё',
        _ => return s.to_string(),
    };
    std::iter::once(lower).chain(chars).collect()
}
