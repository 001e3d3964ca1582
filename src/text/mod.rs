//! Every word the page shows, in one place. `EN` is the only language so far; a second one is a
//! second `Text` value beside it (issue 4), so nothing outside this folder holds a sentence.
//!
//! Plain strings are fields; sentences built from values are methods.

mod en;

pub use en::EN;

use crate::model::config::FieldError;
use crate::model::formula::{Formula, Term};
use crate::model::scenario::ListError;
use crate::model::strategy::{Strategy, StrategyKind};
use crate::model::url_state::{Notice, Problem};
use crate::model::Preset;

pub struct Text {
    pub lang: &'static str,
    pub title: &'static str,
    pub tagline: &'static str,
    pub intro: &'static str,
    pub footer: &'static str,

    pub controls_heading: &'static str,
    pub preset_label: &'static str,
    pub count_label: &'static str,
    pub seed_label: &'static str,
    pub new_seed: &'static str,
    pub latencies_label: &'static str,
    pub latencies_hint: &'static str,
    pub processing_label: &'static str,
    pub processing_hint: &'static str,
    pub strategy_label: &'static str,
    pub limit_label: &'static str,
    pub limit_hint: &'static str,
    pub run: &'static str,
    pub compare: &'static str,
    pub cancel: &'static str,
    pub compare_option: &'static str,

    pub waterfall_heading: &'static str,
    pub waterfall_empty: &'static str,
    pub legend_waiting: &'static str,
    pub legend_processing: &'static str,
    pub legend_in_flight: &'static str,
    pub legend_predicted_end: &'static str,
    pub legend_measured_total: &'static str,
    pub legend_predicted_total: &'static str,
    pub caption_predicted: &'static str,
    pub caption_measured: &'static str,
    pub request_label: &'static str,

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
    pub speedup_predicted_note: &'static str,
    pub stale_results: &'static str,

    pub status_idle: &'static str,
    pub status_done: &'static str,
    pub status_cancelled: &'static str,
    pub blocking_warning: &'static str,
    pub notices_heading: &'static str,
    pub dismiss: &'static str,
    pub panic_banner: &'static str,
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
    pub reload: &'static str,
}

/// Texts are compared by language: props that carry one re-render when the language changes.
impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.lang == other.lang
    }
}

impl Text {
    pub fn preset_name(&self, preset: Preset) -> &'static str {
        match preset {
            Preset::Note => "The note’s example (2 requests)",
            Preset::Equal => "Equal latencies",
            Preset::Staggered => "Staggered",
            Preset::Outlier => "One slow outlier",
            Preset::Random => "Random (seeded)",
            Preset::Custom => "Custom",
        }
    }

    pub fn strategy_name(&self, kind: StrategyKind) -> &'static str {
        match kind {
            StrategyKind::Blocking => "Blocking",
            StrategyKind::Sequential => "Sequential (await in a loop)",
            StrategyKind::Concurrent => "Concurrent (join_all)",
            StrategyKind::Bounded => "Bounded (k at a time)",
        }
    }

    pub fn strategy_short(&self, strategy: Strategy) -> String {
        match strategy {
            Strategy::Blocking => "Blocking".into(),
            Strategy::Sequential => "Sequential".into(),
            Strategy::Concurrent => "Concurrent".into(),
            Strategy::Bounded(k) => format!("Bounded, k = {k}"),
        }
    }

    pub fn strategy_blurb(&self, kind: StrategyKind) -> &'static str {
        match kind {
            StrategyKind::Blocking => "The thread itself waits. Nothing else runs; the page freezes.",
            StrategyKind::Sequential => "One after another, but each wait yields to the event loop.",
            StrategyKind::Concurrent => "All start at once; responses are handled as they arrive.",
            StrategyKind::Bounded => "At most k in flight, like a browser’s 6 connections per host.",
        }
    }

    /// "1,100 ms"
    pub fn ms(&self, ms: f64) -> String {
        format!("{} ms", self.int(ms))
    }

    /// A whole number with thousands separated: "12,345".
    pub fn int(&self, value: f64) -> String {
        group_thousands(value.round() as i64, ',')
    }

    /// A longer span in the unit a person uses: "16 ms", "2.8 s".
    pub fn duration(&self, ms: f64) -> String {
        if ms < 1000.0 {
            self.ms(ms)
        } else {
            format!("{:.1} s", ms / 1000.0)
        }
    }

    pub fn speedup(&self, ratio: f64) -> String {
        format!("×{ratio:.2}")
    }

    pub fn frame_gap(&self, strategy: Strategy, gap_ms: f64) -> String {
        if gap_ms >= 200.0 {
            format!("page frozen for {}", self.duration(gap_ms))
        } else if strategy.yields_to_event_loop() {
            format!("{} (smooth)", self.ms(gap_ms))
        } else {
            self.ms(gap_ms)
        }
    }

    pub fn status_running(&self, strategy: Strategy, index: usize, of: usize) -> String {
        if of > 1 {
            format!("Running {} ({} of {})…", self.strategy_short(strategy), index + 1, of)
        } else {
            format!("Running {}…", self.strategy_short(strategy))
        }
    }

    pub fn status_error(&self, message: &str) -> String {
        format!("Error: {message}")
    }

    pub fn progress(&self, finished: usize, total: usize, elapsed_ms: f64) -> String {
        format!("{finished} of {total} requests finished · {}", self.ms(elapsed_ms))
    }

    pub fn request_row(&self, index: usize, latency_ms: u32, processing_ms: u32) -> String {
        if processing_ms > 0 {
            format!("#{} · {} + {}", index + 1, self.int(f64::from(latency_ms)), self.int(f64::from(processing_ms)))
        } else {
            format!("#{} · {}", index + 1, self.ms(f64::from(latency_ms)))
        }
    }

    pub fn bar_title(&self, index: usize, start: f64, response: Option<f64>, end: Option<f64>, predicted_end: f64) -> String {
        let mut s = format!("Request {}: sent at {}", index + 1, self.ms(start));
        if let Some(r) = response {
            s.push_str(&format!(", response at {}", self.ms(r)));
        }
        if let Some(e) = end {
            s.push_str(&format!(", done at {}", self.ms(e)));
        }
        s.push_str(&format!(" (predicted {})", self.ms(predicted_end)));
        s
    }

    /// The formula made concrete, with the real numbers of the scenario.
    pub fn formula(&self, formula: &Formula) -> String {
        const SHOWN: usize = 6;
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
                    format!(
                        "{} + … + {} ({} requests)",
                        terms[..3].iter().map(term).collect::<Vec<_>>().join(" + "),
                        term(&terms[terms.len() - 1]),
                        terms.len()
                    )
                };
                format!("{body} = {}", self.ms(*total))
            }
            Formula::Max { latencies, queue_ms, total, longest } => {
                let body = if latencies.len() <= SHOWN {
                    latencies.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
                } else {
                    format!("{} of them", latencies.len())
                };
                if *queue_ms > 0.0 {
                    format!(
                        "max({body}) = {} + {} of processing queued on the one thread = {}",
                        longest,
                        self.int(*queue_ms),
                        self.ms(*total)
                    )
                } else {
                    format!("max({body}) = {}", self.ms(*total))
                }
            }
            Formula::Slots { k, waves, total } => {
                format!("{k} slots, {waves} waves, each next request starting as a slot frees = {}", self.ms(*total))
            }
        }
    }

    pub fn list_error(&self, e: &ListError) -> String {
        match e {
            ListError::Empty => "Enter at least one number.".into(),
            ListError::NotANumber { item: 0, text } => format!("“{text}” is not a whole number of ms."),
            ListError::NotANumber { item, text } => format!("Item {item}: “{text}” is not a whole number."),
            ListError::OutOfRange { item: 0, value, max } => {
                format!("{} is too large: at most {}.", self.int(*value as f64), self.int(f64::from(*max)))
            }
            ListError::OutOfRange { item, value, max } => format!(
                "Item {item}: {} is too large: at most {}.",
                self.int(*value as f64),
                self.int(f64::from(*max))
            ),
            ListError::TooMany { count, max } => {
                format!("{} values: at most {} requests.", self.int(*count as f64), self.int(*max as f64))
            }
            ListError::WrongLength { expected, found } => format!(
                "{found} values for {expected} requests: give one value for all, or exactly {expected}."
            ),
        }
    }

    pub fn field_error(&self, e: &FieldError) -> String {
        match e {
            FieldError::List(e) => self.list_error(e),
            FieldError::BelowMinimum { min } => format!("Must be at least {min}."),
        }
    }

    pub fn notice(&self, notice: &Notice) -> String {
        let what = match &notice.problem {
            Problem::Field(e) => self.field_error(e),
            Problem::Unknown { value, allowed } => {
                format!("“{value}” is not allowed; use one of: {}.", allowed.join(", "))
            }
            Problem::NotASeed { value } => format!("“{value}” is not a whole number from 0 up."),
        };
        format!("Link parameter “{}”: {} The default is used instead.", notice.param, lower_first(&what))
    }

    pub fn run_summary(&self, strategy: Strategy, measured: f64, predicted: f64, gap: Option<f64>) -> String {
        let mut s = format!(
            "{}: measured {}, predicted {}",
            self.strategy_short(strategy),
            self.ms(measured),
            self.ms(predicted)
        );
        if let Some(gap) = gap {
            s.push_str(&format!("; longest frame gap {}", self.duration(gap)));
        }
        s.push('.');
        s
    }
}

/// "Must be at least 1." after a colon reads "must be at least 1."
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => c.to_lowercase().chain(chars).collect(),
        _ => s.to_string(),
    }
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
    use crate::model::Scenario;

    #[test]
    fn the_notes_formulas_in_words() {
        let s = Scenario::from_latencies(&[300, 800]).unwrap();
        let f = |st| EN.formula(&formula(&s, st, &predict(&s, st)));
        assert_eq!(f(Strategy::Sequential), "300 + 800 = 1,100 ms");
        assert_eq!(f(Strategy::Concurrent), "max(300, 800) = 800 ms");
    }

    #[test]
    fn numbers() {
        assert_eq!(EN.ms(1100.4), "1,100 ms");
        assert_eq!(EN.int(1234567.0), "1,234,567");
        assert_eq!(EN.duration(2840.0), "2.8 s");
        assert_eq!(EN.int(-5.0), "−5");
    }

    #[test]
    fn notices_name_the_parameter() {
        let d = crate::model::url_state::decode("limit=0");
        assert_eq!(EN.notice(&d.notices[0]), "Link parameter “limit”: must be at least 1. The default is used instead.");
    }
}
