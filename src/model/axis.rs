//! A time axis with round ticks: 0, 200, 400 … ms, whatever the span.

/// The axis end and the tick step, chosen from 1, 2, 5 × 10ⁿ so that there are at most
/// `max_ticks` intervals. The end is the next round tick, unless the span overshoots the
/// last round tick by a hair (a run 10 ms past its 1500 ms prediction), where the axis
/// ends at the span itself rather than wasting a whole interval.
pub fn ticks(span_ms: f64, max_ticks: usize) -> (f64, f64) {
    let span = if span_ms.is_finite() && span_ms > 0.0 { span_ms } else { 1.0 };
    let max_ticks = max_ticks.max(1) as f64;
    let raw = span / max_ticks;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(10.0 * magnitude);
    let below = (span / step).floor() * step;
    let end = if below > 0.0 && span - below <= 0.05 * step * max_ticks { span } else { (span / step).ceil() * step };
    (end, step)
}

/// The unit a time axis or a total reads best in: ms for short spans, then s, min, h.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeUnit {
    Ms,
    S,
    Min,
    H,
}

impl TimeUnit {
    /// The unit for an axis that ends at `end_ms`: its labels stay short ("2 s", not "2,000 ms";
    /// "2 h", not "7,200,000").
    pub fn for_span(end_ms: f64) -> TimeUnit {
        match end_ms {
            e if e < 2_000.0 => TimeUnit::Ms,
            e if e < 120_000.0 => TimeUnit::S,
            e if e < 7_200_000.0 => TimeUnit::Min,
            _ => TimeUnit::H,
        }
    }

    /// Milliseconds in one of this unit.
    pub fn ms(self) -> f64 {
        match self {
            TimeUnit::Ms => 1.0,
            TimeUnit::S => 1_000.0,
            TimeUnit::Min => 60_000.0,
            TimeUnit::H => 3_600_000.0,
        }
    }
}

/// Ticks for a time axis in the unit it reads best in: round numbers *of that unit*
/// (0, 20, 40 min rather than 0, 1,000,000, 2,000,000 ms). Returns the end and step in ms.
pub fn time_ticks(span_ms: f64, max_ticks: usize) -> (f64, f64, TimeUnit) {
    let (end, _) = ticks(span_ms, max_ticks);
    let unit = TimeUnit::for_span(end);
    let (end, step) = ticks(span_ms / unit.ms(), max_ticks);
    (end * unit.ms(), step * unit.ms(), unit)
}

/// Where a tick's label hangs: from the axis's start, centred, or back from its end (so the first
/// and last labels stay inside the chart).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickPlace {
    First,
    Middle,
    Last,
}

/// A time axis drawn: its end, the unit its labels count in, and each tick (ms, where its label
/// hangs). Every chart of a run draws its ticks from this one.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeAxis {
    pub end: f64,
    pub unit: TimeUnit,
    pub ticks: Vec<(f64, TickPlace)>,
}

impl TimeAxis {
    pub fn new(span_ms: f64, max_ticks: usize) -> TimeAxis {
        let (end, step, unit) = time_ticks(span_ms, max_ticks);
        let count = (end / step + 1e-9).floor() as usize;
        let ticks = (0..=count)
            .map(|k| {
                let ms = step * k as f64;
                let place = match k {
                    0 => TickPlace::First,
                    _ if ms >= 0.95 * end => TickPlace::Last,
                    _ => TickPlace::Middle,
                };
                (ms, place)
            })
            .collect();
        TimeAxis { end, unit, ticks }
    }

    /// The ticks' times, ms.
    pub fn times(&self) -> Vec<f64> {
        self.ticks.iter().map(|(ms, _)| *ms).collect()
    }
}

/// Rows a chart draws at most. Past that a row per request is neither visible nor cheap (each
/// is a dozen DOM writes; at 10,000 requests the first frame would draw for 100 ms): charts draw
/// an even sample and say so.
pub const MAX_DRAWN_ROWS: usize = 100;

/// A waterfall row's height, px, by how many rows are drawn: labelled rows while they fit,
/// thin unlabelled ones after.
pub fn row_height(drawn: usize) -> f64 {
    match drawn {
        0..=30 => 26.0,
        31..=60 => 10.0,
        _ => 5.0,
    }
}

/// Rows a lane of the race draws at most: the race compares strategies, not requests.
pub const MAX_RACE_ROWS: usize = 12;

/// A race lane's row height, px, by how many rows it draws: lanes stay short side by side.
pub fn race_row_height(drawn: usize) -> f64 {
    match drawn {
        0..=3 => 9.0,
        4..=6 => 6.0,
        _ => 4.0,
    }
}

/// Which of `n` rows to draw when at most `max` fit: all of them, or `max` evenly spaced
/// (the first and the last always among them).
pub fn sample_rows(n: usize, max: usize) -> Vec<usize> {
    if n <= max {
        return (0..n).collect();
    }
    if max < 2 {
        return (0..max.min(n)).collect();
    }
    (0..max).map(|k| k * (n - 1) / (max - 1)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_axis_hangs_its_first_label_from_the_start_and_its_last_back_from_the_end() {
        let axis = TimeAxis::new(1100.0, 6);
        assert_eq!((axis.end, axis.unit), (1200.0, TimeUnit::Ms));
        assert_eq!(axis.times(), [0.0, 200.0, 400.0, 600.0, 800.0, 1000.0, 1200.0]);
        assert_eq!(axis.ticks[0].1, TickPlace::First);
        assert!(axis.ticks[1..6].iter().all(|(_, p)| *p == TickPlace::Middle));
        assert_eq!(axis.ticks[6].1, TickPlace::Last);
        // Past two hours the ticks count in hours, in ms.
        let long = TimeAxis::new(7_785_340.0, 5);
        assert_eq!(long.unit, TimeUnit::H);
        assert!(long.times().iter().all(|ms| ms % 3_600_000.0 == 0.0 || ms % 1_800_000.0 == 0.0), "{:?}", long.times());
        assert_eq!(long.ticks.last().map(|t| t.1), Some(TickPlace::Last));
    }

    #[test]
    fn sampled_rows_are_even_and_keep_both_ends() {
        assert_eq!(sample_rows(5, 200), vec![0, 1, 2, 3, 4]);
        let rows = sample_rows(10_000, 200);
        assert_eq!(rows.len(), 200);
        assert_eq!((rows[0], rows[199]), (0, 9_999));
        assert!(rows.windows(2).all(|w| w[1] > w[0]));
    }

    #[test]
    fn time_axes_count_in_the_unit_that_reads_best() {
        assert_eq!(time_ticks(1100.0, 6), (1200.0, 200.0, TimeUnit::Ms));
        assert_eq!(time_ticks(4800.0, 6), (5000.0, 1000.0, TimeUnit::S));
        // 2 h 10 min: ticks every 20 minutes, not every 2,000,000 ms.
        let (end, step, unit) = time_ticks(7_785_340.0, 6);
        assert_eq!(unit, TimeUnit::H);
        assert_eq!((end / 3_600_000.0, step / 3_600_000.0), (2.5, 0.5));
        let (_, step, unit) = time_ticks(600_000.0, 6);
        assert_eq!((unit, step), (TimeUnit::Min, 120_000.0));
    }

    #[test]
    fn round_steps() {
        assert_eq!(ticks(1100.0, 6), (1200.0, 200.0));
        assert_eq!(ticks(800.0, 6), (800.0, 200.0));
        assert_eq!(ticks(60_000.0, 6), (60_000.0, 10_000.0));
        assert_eq!(ticks(3.0, 6), (3.0, 0.5));
        assert_eq!(ticks(0.0, 6), (1.0, 0.2));
        assert_eq!(ticks(f64::NAN, 6), (1.0, 0.2));
        assert_eq!(ticks(1510.0, 6), (1510.0, 500.0));
    }
}
