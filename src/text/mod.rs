//! Every word the page shows, in one place, in English (`EN`) and Russian (`RU`).
//!
//! A language is plain data: strings, and templates where `{}` marks a value (filled in order).
//! The methods below build sentences from them, so grammar that differs between languages
//! (plural forms, number formatting) lives here once, not in every component.

mod en;
#[cfg(test)]
mod parity;
pub mod python;
mod ru;

pub use en::EN;
pub use ru::RU;

use crate::model::axis::TimeUnit;
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

/// The words for a language.
pub fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::En => &EN,
        Lang::Ru => &RU,
    }
}

pub struct Text {
    pub lang: Lang,
    /// Between groups of three digits, and before decimals.
    pub thousands: char,
    pub decimal: char,
    pub unit_ms: &'static str,
    pub unit_s: &'static str,
    pub unit_min: &'static str,
    pub unit_h: &'static str,
    pub counted: Counted,
    /// Bounded without its k: the line of the k axis.
    pub bounded_any_k: &'static str,
    pub page: PageText,
    pub form: FormText,
    pub waterfall: WaterfallText,
    pub results: ResultsText,
    pub status: StatusText,
    pub errors: ErrorText,
    pub share: ShareText,
    pub explain: ExplainText,
    pub real: RealText,
    pub glance: GlanceText,
    pub picture: PictureText,
}

/// Taking a chart away as a picture: the menu on each chart, what it says after, the line under a picture's title.
pub struct PictureText {
    pub menu: &'static str,
    pub svg: &'static str,
    pub png: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    /// The sequence diagram's menu: both of the note's diagrams at once, as PNG.
    pub note: &'static str,
    /// "{}": the file's name.
    pub saved: &'static str,
    /// "{}": why, in the browser's words.
    pub failed: &'static str,
    /// Why, where the page drew no diagrams for "Pictures for the note" (no valid scenario).
    pub not_drawn: &'static str,
    /// Why, where the button is in no chart's menu as the page draws it.
    pub no_chart: &'static str,
    /// Under a picture's title: the scenario, and the browser it was measured in.
    pub measured_in: &'static str,
    pub predicted: &'static str,
}

/// A noun as it follows a number, in the forms for one, few (Russian 2–4, 22–24…) and many
/// (`plural_form`): in the nominative ("3 requests", "3 запроса") and in the genitive, as after
/// "of" ("of 21 requests", "из 21 запроса").
pub struct Noun {
    pub nominative: [&'static str; 3],
    pub genitive: [&'static str; 3],
}

/// The case a counted noun takes: the genitive after "of" / "из", the nominative elsewhere.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Case {
    Nominative,
    Genitive,
}

/// The nouns the lab counts: requests, runs (a sweep's), values (of a formula or a field), URLs.
pub struct Counted {
    pub requests: Noun,
    pub runs: Noun,
    pub values: Noun,
    /// Real targets' addresses.
    pub urls: Noun,
}

/// The page around the lab: its title, tagline, introduction, footer and language switch.
pub struct PageText {
    /// The window's title, and a shared link's preview title.
    pub title: &'static str,
    /// A shared link's preview text (the page's `description` and Open Graph tags).
    pub description: &'static str,
    pub tagline: &'static str,
    pub intro: &'static str,
    pub footer: &'static str,
    pub language_label: &'static str,
    pub language_names: [&'static str; Lang::ALL.len()],
}

/// The scenario form: presets, counts, latencies, processing, the strategies and the buttons.
pub struct FormText {
    pub controls_heading: &'static str,
    pub preset_label: &'static str,
    pub presets: [&'static str; Preset::ALL.len()],
    pub count_label: &'static str,
    pub seed_label: &'static str,
    pub new_seed: &'static str,
    pub latencies_label: &'static str,
    pub latencies_hint: &'static str,
    pub processing_label: &'static str,
    pub processing_hint: &'static str,
    pub strategy_label: &'static str,
    pub strategy_names: [&'static str; StrategyKind::ALL.len()],
    pub strategy_blurbs: [&'static str; StrategyKind::ALL.len()],
    /// Blocking, sequential, concurrent; then bounded as a template for k.
    pub strategy_shorts: [&'static str; 4],
    pub limit_label: &'static str,
    pub limit_hint: &'static str,
    pub run: &'static str,
    pub compare: &'static str,
    pub cancel: &'static str,
    pub compare_option: &'static str,
    /// Compare's button and option when a comparison leaves blocking out (it would freeze the page).
    pub compare_without_blocking: &'static str,
    pub compare_option_without_blocking: &'static str,
}

/// The waterfall: its legend, captions and what a bar says.
pub struct WaterfallText {
    pub legend_waiting: &'static str,
    pub legend_processing: &'static str,
    pub legend_predicted_end: &'static str,
    pub legend_measured_total: &'static str,
    pub legend_predicted_total: &'static str,
    pub caption_predicted: &'static str,
    pub caption_measured: &'static str,
    pub bar_sent: &'static str,
    pub bar_response: &'static str,
    pub bar_done: &'static str,
    pub bar_predicted: &'static str,
}

/// The results table, the model's formulas and the totals in words.
pub struct ResultsText {
    pub results_heading: &'static str,
    pub col_strategy: &'static str,
    pub col_measured: &'static str,
    pub col_predicted: &'static str,
    pub col_formula: &'static str,
    pub col_speedup: &'static str,
    pub col_frame_gap: &'static str,
    pub not_run_yet: &'static str,
    pub cancelled_cell: &'static str,
    pub within_tolerance: &'static str,
    pub off_prediction: &'static str,
    pub speedup_meaning: &'static str,
    pub speedup_predicted_note: &'static str,
    pub stale_results: &'static str,
    pub frozen_for: &'static str,
    pub smooth: &'static str,
    pub slow_drawing: &'static str,
    pub formula_many: &'static str,
    /// The model's total in words, for screen readers: "the sum of 300 and 800", "the longest of …".
    pub formula_words_sum: &'static str,
    pub formula_words_longest: &'static str,
    /// The last separator of a list: " and ".
    pub list_and: &'static str,
    pub formula_queue: &'static str,
    pub formula_slots: &'static str,
    pub run_summary: &'static str,
    pub run_summary_gap: &'static str,
}

/// The status line.
pub struct StatusText {
    /// The prerendered first screen, before the app has taken it over (and after Run was pressed there).
    pub status_starting: &'static str,
    pub status_starting_queued: &'static str,
    pub status_idle: &'static str,
    pub status_done: &'static str,
    pub status_cancelled: &'static str,
    pub status_running: &'static str,
    pub status_running_of: &'static str,
    pub status_progress: &'static str,
    pub blocking_warning: &'static str,
}

/// What the link's notices and the form's errors say; the panic banner.
pub struct ErrorText {
    pub notices_heading: &'static str,
    pub notice: &'static str,
    pub notice_unknown: &'static str,
    pub notice_not_a_seed: &'static str,
    pub err_empty: &'static str,
    /// Item {}: nothing between two commas.
    pub err_empty_item: &'static str,
    pub err_not_a_number: &'static str,
    pub err_item_not_a_number: &'static str,
    pub err_too_large: &'static str,
    pub err_item_too_large: &'static str,
    pub err_too_many: &'static str,
    pub err_wrong_length: &'static str,
    pub err_below_minimum: &'static str,
    /// How long it would freeze the page; the most the lab allows.
    pub err_freezes: &'static str,
    pub err_too_busy: &'static str,
    /// Under the results: blocking left out of a comparison, and for how long it would freeze.
    pub blocking_left_out: &'static str,
    /// Blocking refused over real targets it cannot bound: another site, or the emulator.
    pub err_blocking_unbounded: &'static str,
    pub err_blocking_emulated: &'static str,
    /// "Blocking is left out of this comparison: " before one of the two above.
    pub blocking_left_out_because: &'static str,
    pub dismiss: &'static str,
    pub panic_banner: &'static str,
    pub reload: &'static str,
}

/// Sharing: the link, the embed code and its heights.
pub struct ShareText {
    pub copy_link: &'static str,
    pub copy_embed: &'static str,
    pub link_copied: &'static str,
    pub embed_copied: &'static str,
    pub copy_link_by_hand: &'static str,
    pub copy_embed_by_hand: &'static str,
    pub open_full_page: &'static str,
    pub embed_title: &'static str,
    pub embed_code_heading: &'static str,
    pub embed_auto_hint: &'static str,
    pub embed_fixed_hint: &'static str,
}

/// "Why: step by step": the steps, the event loop, the replay, the sequence diagram, the code and the Python section.
pub struct ExplainText {
    pub explain_heading: &'static str,
    pub explain_from_trace: &'static str,
    pub explain_from_prediction: &'static str,
    pub steps_heading: &'static str,
    pub col_step: &'static str,
    pub col_what: &'static str,
    pub col_when: &'static str,
    pub step_send_first: &'static str,
    pub step_send_nth: &'static str,
    pub step_wait_blocked: &'static str,
    pub step_wait_await: &'static str,
    pub step_respond: &'static str,
    pub step_process: &'static str,
    pub step_repeat_blocked: &'static str,
    pub step_repeat_await: &'static str,
    pub step_wait_and_send_one: &'static str,
    pub step_wait_and_send_many: &'static str,
    pub step_send_first_k: &'static str,
    pub step_refill: &'static str,
    pub step_respond_all: &'static str,
    pub step_process_all: &'static str,
    pub loop_heading: &'static str,
    pub loop_thread: &'static str,
    pub thread_not_started: &'static str,
    pub thread_blocked: &'static str,
    pub thread_processing: &'static str,
    pub thread_idle: &'static str,
    pub thread_finished: &'static str,
    pub loop_waiting: &'static str,
    pub loop_ready: &'static str,
    pub loop_done: &'static str,
    pub loop_not_sent: &'static str,
    pub loop_empty: &'static str,
    pub replay_back: &'static str,
    pub replay_forward: &'static str,
    pub replay_play: &'static str,
    pub replay_pause: &'static str,
    pub replay_speed: &'static str,
    pub replay_moment: &'static str,
    pub replay_keys: &'static str,
    pub sequence_heading: &'static str,
    pub lane_client: &'static str,
    pub lane_server: &'static str,
    pub legend_blocked: &'static str,
    pub legend_awaiting: &'static str,
    pub code_heading: &'static str,
    pub python_heading: &'static str,
    pub open_in_python: &'static str,
    pub python_lead: &'static str,
    pub python_open: &'static str,
    pub python_opening: &'static str,
    /// "{}": why the panel's module did not load.
    pub python_failed: &'static str,
    pub code_lang_names: [&'static str; CodeLang::ALL.len()],
}

/// Real requests: targets, outcomes, phases, the connection queue, the notes under a real run.
pub struct RealText {
    pub source_label: &'static str,
    pub source_names: [&'static str; 2],
    pub targets_label: &'static str,
    pub target_presets: [&'static str; 4],
    pub target_hint: &'static str,
    pub target_list_label: &'static str,
    pub timeout_label: &'static str,
    pub timeout_hint: &'static str,
    pub real_note: &'static str,
    pub real_autorun_held: &'static str,
    pub err_target_empty: &'static str,
    pub err_target_scheme: &'static str,
    pub err_target_count: &'static str,
    pub err_target_too_many: &'static str,
    pub outcome_names: [&'static str; RequestOutcome::ALL.len()],
    /// How many requests ended so: "2 HTTP errors", "2 ошибки HTTP".
    pub outcome_counted: [Noun; RequestOutcome::ALL.len()],
    pub phase_names: [&'static str; PhaseKind::ALL.len()],
    pub sampled_rows: &'static str,
    /// Under the sequence diagram: arrows for the first {} of {} requests (and lanes sampled to {}).
    pub sequence_first_arrows: &'static str,
    pub sequence_sampled: &'static str,
    pub timing_hidden: &'static str,
    pub queue_note: &'static str,
    pub network_error_hint: &'static str,
    pub bar_status: &'static str,
    pub bar_size: &'static str,
    pub emulator_unavailable: &'static str,
    /// Under the URL list: it sets the number of requests.
    pub target_list_hint: &'static str,
    /// Before a real run: "Run sends {requests} to {hosts}."
    pub real_hosts: &'static str,
    /// The page's own site, among the hosts.
    pub own_site: &'static str,
    /// Beside a dimmed chart while the form is wrong.
    pub invalid_form_note: &'static str,
    /// A run with failed requests: "{failed} of {all} failed: {why}".
    pub failed_run: &'static str,
}

/// The charts at a glance (totals, race, growth and its sweep), the guesses, the folded form's line, what a press takes and the question before a long run; the embed's width.
pub struct GlanceText {
    pub totals_heading: &'static str,
    /// Written inside blocking's hatched bar.
    pub totals_frozen: &'static str,
    /// The mark on a bar, and before a run its label.
    pub totals_prediction: &'static str,
    pub totals_note: &'static str,
    /// A screen reader's line per bar: strategy, measured, predicted, speed-up.
    pub totals_summary_measured: &'static str,
    pub totals_summary_predicted: &'static str,
    pub race_heading: &'static str,
    /// A lane's label before its strategy has run.
    pub race_not_run: &'static str,
    pub race_running: &'static str,
    pub race_note: &'static str,
    pub growth_heading: &'static str,
    pub growth_axis_n: &'static str,
    /// Bounded's k axis, with the scenario's N.
    pub growth_axis_k: &'static str,
    pub growth_to_k: &'static str,
    pub growth_to_n: &'static str,
    pub growth_note_n: &'static str,
    pub growth_note_k: &'static str,
    pub growth_measured_note: &'static str,
    pub measure_curve: &'static str,
    /// Beside the button: how long the sweep takes.
    pub measure_curve_eta: &'static str,
    pub sweep_progress: &'static str,
    pub sweep_done: &'static str,
    pub sweep_cancelled: &'static str,
    /// A screen reader's line per strategy: at N (or k) = first and last.
    pub growth_summary: &'static str,
    pub guess_toggle: &'static str,
    pub guess_prompt: &'static str,
    pub guess_heading: &'static str,
    /// Strategy, guessed, measured, predicted, how far off.
    pub guess_result: &'static str,
    pub guess_high: &'static str,
    pub guess_low: &'static str,
    pub guess_spot_on: &'static str,
    /// One line for the scenario: how many, the latencies, processing.
    pub scenario_line: &'static str,
    pub edit_scenario: &'static str,
    pub close_scenario: &'static str,
    /// Under the buttons: what a press takes, by the model.
    pub eta_run: &'static str,
    pub eta_compare: &'static str,
    pub confirm_long: &'static str,
    pub confirm_run: &'static str,
    /// The quick strategies' names and their time together.
    pub confirm_quick: &'static str,
    pub confirm_back: &'static str,
    pub embed_width_label: &'static str,
    pub embed_measuring: &'static str,
    /// Fixed height: for the column width chosen.
    pub embed_fixed_hint_width: &'static str,
}

/// Texts are compared by language: props that carry one re-render when the language changes.
impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.lang == other.lang
    }
}

/// Fills `{}` in `template` with `values`, in order.
pub fn fill(template: &str, values: &[&str]) -> String {
    // Natively, in tests, a template and its values must agree (in the browser a missing value is
    // written as nothing: words never stop the page).
    #[cfg(test)]
    assert_eq!(template.matches("{}").count(), values.len(), "fill({template:?}) with {values:?}");
    write(template, values)
}

/// `fill` without the tests' check: a missing value is written as nothing.
fn write(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut values = values.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        out.push_str(values.next().copied().unwrap_or(""));
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

/// How many values a formula writes out; past it, how many there are.
const FORMULA_SHOWN: usize = 6;

impl Text {
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

    /// A number and its noun, agreeing: "1 request", "3 запроса", "5 запросов", "из 21 запроса".
    /// Every count the lab writes goes through here.
    pub fn count(&self, n: usize, noun: &Noun, case: Case) -> String {
        let forms = match case {
            Case::Nominative => &noun.nominative,
            Case::Genitive => &noun.genitive,
        };
        format!("{} {}", self.int(n as f64), forms[plural_form(self.lang, n).index()])
    }

    /// "1 request", "3 requests", "3 запроса", "5 запросов".
    pub fn requests(&self, n: usize) -> String {
        self.count(n, &self.counted.requests, Case::Nominative)
    }

    /// "1 run", "24 runs", "24 запуска".
    pub fn runs(&self, n: usize) -> String {
        self.count(n, &self.counted.runs, Case::Nominative)
    }

    /// A whole number with thousands grouped: "12,345" / "12 345".
    pub fn int(&self, value: f64) -> String {
        group_thousands(value.round() as i64, self.thousands)
    }

    /// "1,100 ms" / "1 100 мс".
    pub fn ms(&self, ms: f64) -> String {
        format!("{}\u{a0}{}", self.int(ms), self.unit_ms)
    }

    /// A decimal with `places` digits in the language's style: "2.8" / "2,8".
    pub fn decimal(&self, value: f64, places: usize) -> String {
        crate::model::number::fixed(value, places).replace('.', &self.decimal.to_string())
    }

    /// A longer span in the unit a person uses: "16 ms", "2.8 s".
    pub fn duration(&self, ms: f64) -> String {
        if ms < 1000.0 {
            self.ms(ms)
        } else {
            format!("{}\u{a0}{}", self.decimal(ms / 1000.0, 1), self.unit_s)
        }
    }

    /// A span a person reads at a glance, to the second: "30 s", "2 min 5 s", "2 h 46 min".
    pub fn long_duration(&self, ms: u64) -> String {
        let s = ms.div_ceil(1000);
        let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
        let part = |n: u64, unit: &str| format!("{n}\u{a0}{unit}");
        match (h, m, s) {
            (0, 0, s) => part(s, self.unit_s),
            (0, m, 0) => part(m, self.unit_min),
            (0, m, s) => format!("{} {}", part(m, self.unit_min), part(s, self.unit_s)),
            (h, 0, _) => part(h, self.unit_h),
            (h, m, _) => format!("{} {}", part(h, self.unit_h), part(m, self.unit_min)),
        }
    }

    /// A total in the unit that reads best: "1,100 ms", "12.3 s", "2 h 10 min".
    pub fn total(&self, ms: f64) -> String {
        if ms < 10_000.0 {
            self.ms(ms)
        } else if ms < 120_000.0 {
            format!("{}\u{a0}{}", self.decimal(ms / 1000.0, 1), self.unit_s)
        } else if ms < 3_600_000.0 {
            self.long_duration(ms as u64)
        } else {
            // Past an hour, seconds are noise: to the nearest minute.
            self.long_duration(((ms / 60_000.0).round() * 60_000.0) as u64)
        }
    }

    /// An axis label in the axis's unit: "0", "400 ms", "1.5 s", "20 min", "2 h".
    pub fn tick(&self, ms: f64, unit: TimeUnit) -> String {
        if ms == 0.0 {
            return "0".into();
        }
        let name = match unit {
            TimeUnit::Ms => return self.ms(ms),
            TimeUnit::S => self.unit_s,
            TimeUnit::Min => self.unit_min,
            TimeUnit::H => self.unit_h,
        };
        let value = crate::model::number::trimmed(ms / unit.ms(), 2).replace('.', &self.decimal.to_string());
        format!("{value}\u{a0}{name}")
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
            return self.glance.guess_spot_on.into();
        }
        let pct = self.int(g.off_percent());
        let by = self.total(g.off_ms().abs());
        if g.off_ms() > 0.0 {
            fill(self.glance.guess_high, &[&by, &pct])
        } else {
            fill(self.glance.guess_low, &[&by, &pct])
        }
    }

    pub fn guess_result(&self, g: &GuessResult) -> String {
        fill(
            self.glance.guess_result,
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
    pub fn sequence_note(&self, arrows: usize, of: usize, lanes: Option<usize>) -> String {
        let (first, all) = (self.int(arrows as f64), self.count(of, &self.counted.requests, Case::Genitive));
        match lanes {
            Some(lanes) => fill(self.real.sequence_sampled, &[&first, &all, &self.int(lanes as f64)]),
            None => fill(self.real.sequence_first_arrows, &[&first, &all]),
        }
    }

    pub fn sweep_progress(&self, done: usize, of: usize) -> String {
        fill(self.glance.sweep_progress, &[&self.int(done as f64), &self.count(of, &self.counted.runs, Case::Genitive)])
    }

    pub fn sweep_done(&self, done: usize) -> String {
        fill(self.glance.sweep_done, &[&self.runs(done)])
    }

    pub fn sweep_cancelled(&self, done: usize, of: usize) -> String {
        fill(self.glance.sweep_cancelled, &[&self.int(done as f64), &self.count(of, &self.counted.runs, Case::Genitive)])
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

/// A plural form: a `Noun` keeps its forms in this order (English has no "few": it repeats its
/// plural there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralForm {
    One,
    Few,
    Many,
}

impl PluralForm {
    /// Its place in a `Noun`'s forms.
    pub fn index(self) -> usize {
        match self {
            PluralForm::One => 0,
            PluralForm::Few => 1,
            PluralForm::Many => 2,
        }
    }
}

/// Which of a language's plural forms goes with `n`.
pub fn plural_form(lang: Lang, n: usize) -> PluralForm {
    match lang {
        Lang::En if n == 1 => PluralForm::One,
        Lang::En => PluralForm::Many,
        Lang::Ru => {
            let (units, tens) = (n % 10, n % 100);
            if units == 1 && tens != 11 {
                PluralForm::One
            } else if (2..=4).contains(&units) && !(12..=14).contains(&tens) {
                PluralForm::Few
            } else {
                PluralForm::Many
            }
        }
    }
}

/// "Must be at least 1." after a colon reads "must be at least 1."
fn lower_first(s: &str) -> String {
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

fn group_thousands(value: i64, separator: char) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    if value < 0 {
        out.insert(0, '−');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::formula::formula;
    use crate::model::predict::predict;

    #[test]
    fn the_notes_formulas_in_words() {
        let s = Scenario::from_latencies(&[300, 800]).unwrap();
        let f = |t: &Text, st| t.formula(&formula(&s, st, &predict(&s, st)));
        assert_eq!(f(&EN, Strategy::Sequential), "300 + 800 = 1,100\u{a0}ms");
        assert_eq!(f(&EN, Strategy::Concurrent), "max(300, 800) = 800\u{a0}ms");
        assert_eq!(f(&RU, Strategy::Sequential), "300 + 800 = 1\u{202f}100\u{a0}мс");
    }

    #[test]
    fn the_totals_say_why_in_words() {
        let words = |t: &Text, latencies: &[u32], proc: u32, st| {
            let s =
                Scenario::new(latencies.iter().map(|&l| crate::model::Request { latency_ms: l, processing_ms: proc }).collect()).unwrap();
            t.formula_in_words(&formula(&s, st, &predict(&s, st)))
        };
        assert_eq!(words(&EN, &[300, 800], 0, Strategy::Sequential), "the sum of 300 and 800");
        assert_eq!(words(&EN, &[300, 800], 0, Strategy::Concurrent), "the longest of 300 and 800");
        assert_eq!(words(&EN, &[300, 800, 500], 0, Strategy::Blocking), "the sum of 300, 800 and 500");
        assert_eq!(words(&RU, &[300, 800], 0, Strategy::Sequential), "сумма 300 и 800");
        assert_eq!(words(&RU, &[300, 800, 500], 0, Strategy::Concurrent), "самая долгая из 300, 800 и 500");
        assert_eq!(words(&EN, &[1200], 0, Strategy::Sequential), "the sum of 1,200");
        assert_eq!(words(&EN, &[10; 7], 0, Strategy::Sequential), "the sum of 7 values");
        // With processing, or k at a time, the formula itself says it.
        assert_eq!(words(&EN, &[300, 800], 50, Strategy::Sequential), "(300 + 50) + (800 + 50) = 1,200\u{a0}ms");
        assert!(words(&EN, &[300, 800, 500], 0, Strategy::Bounded(2)).contains("slots"));
    }

    #[test]
    fn numbers_in_each_language() {
        assert_eq!(EN.ms(1100.4), "1,100\u{a0}ms");
        assert_eq!(EN.int(1234567.0), "1,234,567");
        assert_eq!(EN.duration(2840.0), "2.8\u{a0}s");
        assert_eq!(RU.duration(2840.0), "2,8\u{a0}с");
        assert_eq!(RU.speedup(1.375), "×1,38");
        assert_eq!(EN.int(-5.0), "−5");
    }

    /// The Russian rule, written out by hand for 0–125 and 1,001: one (1, 21, 101, but not 11,
    /// 111), few (2–4, 22–24, but not 12–14), many (0, 5–20, 25–30, …).
    #[test]
    fn russian_plurals_0_to_125_and_1001() {
        let expected = |n: usize| match (n % 10, n % 100) {
            (_, 11..=14) => PluralForm::Many,
            (1, _) => PluralForm::One,
            (2..=4, _) => PluralForm::Few,
            _ => PluralForm::Many,
        };
        for n in (0..=125).chain([1001, 1011, 1022]) {
            assert_eq!(plural_form(Lang::Ru, n), expected(n), "{n}");
            assert_eq!(plural_form(Lang::En, n), if n == 1 { PluralForm::One } else { PluralForm::Many }, "{n}");
        }
        let forms: Vec<String> = [0, 1, 2, 5, 11, 12, 14, 21, 22, 25, 111, 112, 121, 1001].iter().map(|&n| RU.requests(n)).collect();
        assert_eq!(
            forms,
            [
                "0 запросов",
                "1 запрос",
                "2 запроса",
                "5 запросов",
                "11 запросов",
                "12 запросов",
                "14 запросов",
                "21 запрос",
                "22 запроса",
                "25 запросов",
                "111 запросов",
                "112 запросов",
                "121 запрос",
                "1\u{202f}001 запрос",
            ]
        );
        // After "из" / "of": the genitive.
        let of = |n| RU.count(n, &RU.counted.requests, Case::Genitive);
        assert_eq!(
            [of(1), of(2), of(5), of(21), of(41), of(1001)],
            ["1 запроса", "2 запросов", "5 запросов", "21 запроса", "41 запроса", "1\u{202f}001 запроса"]
        );
        assert_eq!(EN.requests(1), "1 request");
        assert_eq!(EN.requests(3), "3 requests");
        assert_eq!(EN.count(1001, &EN.counted.requests, Case::Genitive), "1,001 requests");
    }

    /// Every count the lab writes agrees with its number: outcomes, formulas, sampled rows, sweeps.
    #[test]
    fn counts_agree_in_every_sentence() {
        use RequestOutcome::*;
        let counts = [(Ok, 8), (HttpError, 2), (NetworkError, 5), (Timeout, 3), (Cancelled, 1)];
        assert_eq!(RU.outcome_counts(&counts), "8 успешных · 2 ошибки HTTP · 5 сетевых ошибок (часто CORS) · 3 тайм-аута · 1 отменённый");
        assert_eq!(EN.outcome_counts(&counts), "8 succeeded · 2 HTTP errors · 5 network errors (often CORS) · 3 timed out · 1 cancelled");
        assert_eq!(RU.outcome_counts(&[(HttpError, 21), (Timeout, 1)]), "21 ошибка HTTP · 1 тайм-аут");
        assert!(RU.sampled_rows(100, 41).starts_with("Показано 100 из 41 запроса,"));
        assert!(RU.sequence_note(40, 21, None).contains("первых 40 из 21 запроса;"));
        assert!(RU.sequence_note(40, 10_000, Some(100)).contains("из 10\u{202f}000 запросов; полосы показывают 100 из них"));
        assert_eq!(RU.sweep_cancelled(3, 21), "Измерение отменено после 3 из 21 запуска.");
        assert_eq!(RU.sweep_done(24), "Измерено 24 запуска.");
        assert_eq!(EN.sweep_done(24), "Measured 24 runs.");
        assert_eq!(RU.progress(3, 41, 500.0), "завершено 3 из 41 запроса · 500\u{a0}мс");
        let of = |latencies: &[u32], st| {
            let s = Scenario::from_latencies(latencies).unwrap();
            formula(&s, st, &predict(&s, st))
        };
        let sum7 = of(&[10; 7], Strategy::Sequential);
        assert_eq!(RU.formula_in_words(&sum7), "сумма 7 значений");
        let max21 = of(&[10; 21], Strategy::Concurrent);
        assert_eq!(RU.formula_in_words(&max21), "самая долгая из 21 значения");
        assert_eq!(RU.formula(&max21), "max(21 значение) = 10\u{a0}мс");
        let wrong_length = |found| ListError::WrongLength { expected: 3, found };
        assert!(RU.list_error(&wrong_length(2)).starts_with("2 значения, а у вас 3 запроса:"));
        assert!(EN.list_error(&wrong_length(1)).starts_with("1 value for 3 requests:"));
        assert_eq!(RU.list_error(&ListError::TooMany { count: 101, max: 100 }), "101 значение — больше предела: не больше 100 запросов.");
    }

    #[test]
    fn notices_name_the_parameter() {
        let d = crate::model::url_state::decode("limit=0");
        assert_eq!(EN.notice(&d.notices[0]), "Link parameter “limit”: must be at least 1. The default is used instead.");
        assert_eq!(RU.notice(&d.notices[0]), "Параметр ссылки «limit»: должно быть не меньше 1. Взято значение по умолчанию.");
    }

    #[test]
    fn browser_language() {
        assert_eq!(Lang::from_browser(["ru-RU", "en"]), Lang::Ru);
        assert_eq!(Lang::from_browser(["de-DE", "en-US"]), Lang::En);
        assert_eq!(Lang::from_browser(["uk", "ru"]), Lang::Ru);
        assert_eq!(Lang::from_browser([]), Lang::En);
    }

    /// The note's step tables (../shared/seed), row for row as the note writes them, typeset as
    /// the lab writes Russian: "HTTP-запрос", "ждёт", "2-й" (and the note's typo "отправляеть" mended).
    #[test]
    fn the_notes_step_tables_in_the_notes_words_typeset() {
        use crate::model::explain::Explanation;
        use crate::model::predict;
        let s = Scenario::from_latencies(&[300, 800]).unwrap();
        let table = |t: &Text, st| {
            let e = Explanation::new(st, predict(&s, st).timings, vec![0.0, 0.0]);
            e.steps().iter().map(|step| t.step(&step.kind)).collect::<Vec<_>>()
        };
        let typeset = |rows: &[&str]| {
            let typeset = |row: &str| {
                row.replace("HTTP запрос", "HTTP-запрос").replace("ждет", "ждёт").replace("2ой", "2-й").replace("отправляеть", "отправляет")
            };
            rows.iter().map(|r| typeset(r)).collect::<Vec<_>>()
        };
        let synchronous = [
            "Клиент отправляет HTTP запрос к серверу.",
            "Программа ждет ответа от сервера, выполнение программы блокируется.",
            "Сервер отправляет ответ клиенту.",
            "Клиент обрабатывает ответ.",
            "Клиент отправляеть 2ой HTTP запрос к серверу.",
            "Программа ждет ответа от сервера, выполнение программы блокируется.",
            "Сервер отправляет ответ клиенту.",
            "Клиент обрабатывает ответ.",
        ];
        let asynchronous = [
            "Клиент отправляет HTTP запрос к серверу.",
            "Программа ждет ответа от сервера и отправляет 2ой HTTP запрос к серверу.",
            "Сервер отправляет ответы клиенту.",
            "Клиент обрабатывает ответы.",
        ];
        assert_eq!(table(&RU, Strategy::Blocking), typeset(&synchronous));
        assert_eq!(table(&RU, Strategy::Concurrent), typeset(&asynchronous));
        assert_eq!(table(&RU, Strategy::Concurrent)[1], "Программа ждёт ответа от сервера и отправляет 2-й HTTP-запрос к серверу.");
        assert_eq!(
            table(&EN, Strategy::Concurrent)[1],
            "The program waits for the server’s response and sends the 2nd HTTP request to the server."
        );
    }

    #[test]
    fn ordinals() {
        let en: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22].iter().map(|&n| EN.ordinal(n)).collect();
        assert_eq!(en, ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd"]);
        assert_eq!(RU.ordinal(2), "2-й");
        assert_eq!(RU.ordinal(5), "5-й");
    }

    #[test]
    fn lower_first_knows_both_alphabets() {
        assert_eq!(lower_first("Must be"), "must be");
        assert_eq!(lower_first("Должно"), "должно");
        assert_eq!(lower_first("Ёлка"), "ёлка");
        assert_eq!(lower_first("Яма"), "яма");
        assert_eq!(lower_first("already"), "already");
        assert_eq!(lower_first(""), "");
    }

    #[test]
    fn long_durations_read_at_a_glance() {
        assert_eq!(EN.long_duration(30_000), "30\u{a0}s");
        assert_eq!(EN.long_duration(125_000), "2\u{a0}min 5\u{a0}s");
        assert_eq!(EN.long_duration(120_000), "2\u{a0}min");
        assert_eq!(EN.long_duration(10_000_000), "2\u{a0}h 46\u{a0}min");
        assert_eq!(RU.long_duration(3_600_000), "1\u{a0}ч");
        assert_eq!(RU.long_duration(30_001), "31\u{a0}с");
    }

    #[test]
    fn totals_and_ticks_in_the_unit_that_reads_best() {
        assert_eq!(EN.total(1100.0), "1,100\u{a0}ms");
        assert_eq!(EN.total(12_340.0), "12.3\u{a0}s");
        assert_eq!(EN.total(7_785_340.0), "2\u{a0}h 10\u{a0}min");
        assert_eq!(RU.total(12_340.0), "12,3\u{a0}с");
        assert_eq!(EN.tick(0.0, TimeUnit::H), "0");
        assert_eq!(EN.tick(400.0, TimeUnit::Ms), "400\u{a0}ms");
        assert_eq!(EN.tick(1500.0, TimeUnit::S), "1.5\u{a0}s");
        assert_eq!(RU.tick(1500.0, TimeUnit::S), "1,5\u{a0}с");
        assert_eq!(EN.tick(5_400_000.0, TimeUnit::H), "1.5\u{a0}h");
    }

    #[test]
    fn the_scenario_in_one_line() {
        let s = Scenario::from_latencies(&[300, 800]).unwrap();
        assert_eq!(EN.scenario_line(&s), "2 requests: 300\u{a0}ms, 800\u{a0}ms · processing 0\u{a0}ms");
        assert_eq!(RU.scenario_line(&s), "2 запроса: 300\u{a0}мс, 800\u{a0}мс · обработка 0\u{a0}мс");
        let many = Scenario::from_latencies(&[1, 2, 3, 4, 5, 6]).unwrap();
        assert!(EN.scenario_line(&many).starts_with("6 requests: 1\u{a0}ms, 2\u{a0}ms, 3\u{a0}ms, 4\u{a0}ms, …"));
    }

    #[test]
    fn a_guess_in_words() {
        let g = GuessResult { strategy: Strategy::Sequential, guess: 800.0, measured: 1102.0, predicted: 1100.0 };
        assert_eq!(EN.guess_off(&g), "302\u{a0}ms too low (27\u{a0}%)");
        assert_eq!(RU.guess_off(&GuessResult { guess: 1500.0, ..g }), "на 398\u{a0}мс больше (36\u{a0}%)");
        assert_eq!(EN.guess_off(&GuessResult { guess: 1100.0, ..g }), "spot on");
    }

    #[test]
    fn in_the_browser_a_missing_value_is_written_as_nothing() {
        assert_eq!(write("{} of {}", &["1"]), "1 of ");
        assert_eq!(write("none", &["x"]), "none");
        assert_eq!(fill("{} of {}", &["1", "2"]), "1 of 2");
    }

    #[test]
    #[should_panic(expected = "fill(\"{} of {}\")")]
    fn in_tests_a_missing_value_fails() {
        fill("{} of {}", &["1"]);
    }
}
