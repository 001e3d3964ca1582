//! The word tables: `Text` keeps the language, the number format, units and the counted nouns
//! itself and the rest by domain, one table each (`t.form.run`, `t.errors.err_empty`); `en.rs`
//! and `ru.rs` fill them.

use crate::model::code::CodeLang;
use crate::model::presentation::Lang;
use crate::model::source::{PhaseKind, RequestOutcome};
use crate::model::strategy::StrategyKind;
use crate::model::Preset;

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
    pub totals: TotalsText,
    pub race: RaceText,
    pub growth: GrowthText,
    pub guess: GuessText,
    pub confirm: ConfirmText,
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
    /// Where a verdict would be, for a run made while the tab was in the background: "{}" is how
    /// long it was there.
    pub hidden_run: &'static str,
    pub run_again: &'static str,
    /// A chart's label on such a run, after its measured total.
    pub hidden_short: &'static str,
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
    /// Under a sequence diagram of many requests: the first {} requests drawn on their own time
    /// scale, the other {} summed up; and in it, below them: {} more requests until {}.
    pub sequence_first_arrows: &'static str,
    pub sequence_rest: &'static str,
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
    /// One line for the scenario: how many, the latencies, processing.
    pub scenario_line: &'static str,
    pub edit_scenario: &'static str,
    pub close_scenario: &'static str,
    /// Under the buttons: what a press takes, by the model.
    pub eta_run: &'static str,
    pub eta_compare: &'static str,
    pub embed_width_label: &'static str,
    pub embed_measuring: &'static str,
    /// Fixed height: for the column width chosen.
    pub embed_fixed_hint_width: &'static str,
    pub embed_fixed_phones: &'static str,
}

/// The totals chart: one bar per strategy.
pub struct TotalsText {
    pub heading: &'static str,
    /// Written inside blocking's hatched bar.
    pub frozen: &'static str,
    /// The mark on a bar, and before a run its label.
    pub prediction: &'static str,
    /// The chart's note: what its bars say when a strategy has been measured, when one has not
    /// (only then: nothing faint, no word of it), and its marks.
    pub note_measured: &'static str,
    pub note_faint: &'static str,
    pub note: &'static str,
    /// A screen reader's line per bar: strategy, measured, predicted, speed-up.
    pub summary_measured: &'static str,
    pub summary_predicted: &'static str,
}

/// The race: every strategy on one time axis.
pub struct RaceText {
    pub heading: &'static str,
    /// A lane's label before its strategy has run.
    pub not_run: &'static str,
    pub running: &'static str,
    /// Said only while a lane shows a prediction, faint.
    pub note_faint: &'static str,
    /// How to choose a lane: the page's alone, never in a picture.
    pub note_select: &'static str,
}

/// How the total grows, and the sweep that measures it.
pub struct GrowthText {
    pub heading: &'static str,
    pub axis_n: &'static str,
    /// Bounded's k axis, with the scenario's N.
    pub axis_k: &'static str,
    pub to_k: &'static str,
    pub to_n: &'static str,
    pub note_n: &'static str,
    pub note_k: &'static str,
    pub measured_note: &'static str,
    pub measure_curve: &'static str,
    /// Beside the button: how long the sweep takes.
    pub measure_curve_eta: &'static str,
    pub sweep_progress: &'static str,
    pub sweep_done: &'static str,
    pub sweep_cancelled: &'static str,
    /// Under the chart: {} of the sweep's runs were made while the tab was in the background.
    pub sweep_hidden: &'static str,
    /// A screen reader's line per strategy: at N (or k) = first and last.
    pub summary: &'static str,
}

/// Guess first: the fields and how far off each guess was.
pub struct GuessText {
    pub toggle: &'static str,
    pub prompt: &'static str,
    pub heading: &'static str,
    /// Strategy, guessed, measured, predicted, how far off.
    pub result: &'static str,
    pub high: &'static str,
    pub low: &'static str,
    pub spot_on: &'static str,
}

/// The question before a run over a minute.
pub struct ConfirmText {
    pub long: &'static str,
    pub run: &'static str,
    /// The quick strategies' names and their time together.
    pub quick: &'static str,
    pub back: &'static str,
}

/// Texts are compared by language: props that carry one re-render when the language changes.
impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.lang == other.lang
    }
}
