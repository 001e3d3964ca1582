//! How the total grows: the model's total time against the number of requests N (one line per
//! strategy), or bounded's total against k, for the scenario in the form; and the points a
//! "Measure the curve" sweep runs for real.
//!
//! The N-th request follows the scenario's own rule: a preset's generator for N requests, or a
//! hand-typed list repeated. Processing repeats the same way.

use super::axis::sample_rows;
use super::predict::predict_requests;
use super::preset::Preset;
use super::scenario::{limits, Request, Scenario};
use super::strategy::Strategy;

/// What the growth chart's horizontal axis counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum GrowthAxis {
    /// The number of requests, N.
    #[default]
    N,
    /// Bounded's k, the requests in flight at once, for the scenario's N.
    K,
}

impl GrowthAxis {
    pub fn key(self) -> &'static str {
        match self {
            GrowthAxis::N => "n",
            GrowthAxis::K => "k",
        }
    }
}

/// The smallest N the chart reaches, whatever the scenario's own N.
pub const MIN_N_MAX: usize = 20;
/// Points drawn per line: every N while few, an even sample past that.
pub const MAX_POINTS: usize = 24;
/// Points a sweep measures per line (each is a real run).
pub const MAX_SWEEP_POINTS: usize = 8;

/// The rule that makes N requests for any N.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workload {
    latencies: LatencyRule,
    /// Processing per request, repeated: one value, or the scenario's list.
    processing: Vec<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum LatencyRule {
    Preset { preset: Preset, seed: u64 },
    Repeat(Vec<u32>),
}

impl Workload {
    /// The rule behind `scenario`: `preset`'s generator when the scenario is what it makes,
    /// else the scenario's latencies repeated.
    pub fn of(scenario: &Scenario, preset: Preset, seed: u64) -> Workload {
        let latencies = scenario.latencies();
        let rule = if preset != Preset::Custom && preset.latencies(latencies.len(), seed) == latencies {
            LatencyRule::Preset { preset, seed }
        } else {
            LatencyRule::Repeat(latencies)
        };
        let processing = scenario.processing();
        let processing = if processing.iter().all(|&p| p == processing[0]) { vec![processing[0]] } else { processing };
        Workload { latencies: rule, processing }
    }

    /// The first `n` requests (1..=MAX_REQUESTS).
    pub fn requests(&self, n: usize) -> Vec<Request> {
        let n = n.clamp(1, limits::MAX_REQUESTS);
        let latencies = match &self.latencies {
            LatencyRule::Preset { preset, seed } => preset.latencies(n, *seed),
            LatencyRule::Repeat(list) => (0..n).map(|i| list[i % list.len()]).collect(),
        };
        latencies
            .into_iter()
            .enumerate()
            .map(|(i, latency_ms)| Request { latency_ms, processing_ms: self.processing[i % self.processing.len()] })
            .collect()
    }

    pub fn scenario(&self, n: usize) -> Scenario {
        // Every value comes from a valid scenario, and n is clamped: always within the limits.
        Scenario::new(self.requests(n)).unwrap_or_else(|| Scenario::from_latencies(&[0]).expect("one request"))
    }
}

/// One point of a line: x is N (or k), and the model's total there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: usize,
    pub predicted: f64,
}

/// One line of the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub strategy: Strategy,
    pub points: Vec<Point>,
}

/// The values of x a line is drawn through: every one from 1 to `max` while few, else an even
/// sample of `MAX_POINTS` that keeps 1, `max`, `must` (the scenario's own N or k) and every x a
/// sweep measures, so each measured point has its line's point to sit on.
pub fn xs(max: usize, must: usize) -> Vec<usize> {
    let max = max.max(1);
    let mut xs: Vec<usize> = sample_rows(max, MAX_POINTS).into_iter().map(|i| i + 1).collect();
    xs.extend(sweep_xs(max));
    if (1..=max).contains(&must) {
        xs.push(must);
    }
    xs.sort_unstable();
    xs.dedup();
    xs
}

/// The x a sweep measures: at most `MAX_SWEEP_POINTS`, evenly spread, 1 and `max` among them.
fn sweep_xs(max: usize) -> Vec<usize> {
    sample_rows(max, MAX_SWEEP_POINTS).into_iter().map(|i| i + 1).collect()
}

/// How far the N axis reaches: at least `MIN_N_MAX`, and the scenario's N when it has more.
pub fn n_max(n: usize) -> usize {
    n.max(MIN_N_MAX)
}

/// How far the k axis reaches: k beyond N changes nothing (every request already in flight).
pub fn k_max(n: usize) -> usize {
    n.max(2)
}

/// Total time against N, one line per strategy.
pub fn by_n(workload: &Workload, strategies: &[Strategy], n: usize) -> Vec<Series> {
    let xs = xs(n_max(n), n);
    strategies
        .iter()
        .map(|&strategy| Series {
            strategy,
            points: xs.iter().map(|&x| Point { x, predicted: predict_requests(&workload.requests(x), strategy).total }).collect(),
        })
        .collect()
}

/// Bounded's total against k, for the scenario's N.
pub fn by_k(workload: &Workload, n: usize) -> Series {
    let requests = workload.requests(n);
    let xs = xs(k_max(n), 0);
    Series {
        strategy: Strategy::Bounded(0),
        points: xs.iter().map(|&k| Point { x: k, predicted: predict_requests(&requests, Strategy::Bounded(k as u32)).total }).collect(),
    }
}

/// One run of a sweep: a strategy on the first `n` requests of the workload, drawn at `x`.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepRun {
    pub strategy: Strategy,
    pub x: usize,
    pub scenario: Scenario,
    pub predicted: f64,
}

/// The runs "Measure the curve" makes: at most `MAX_SWEEP_POINTS` values of x per line (the
/// first and last among them), for the strategies that keep the page responsive (blocking
/// would freeze it for every point), in the order they are drawn.
pub fn sweep(workload: &Workload, axis: GrowthAxis, strategies: &[Strategy], n: usize) -> Vec<SweepRun> {
    let mut runs = Vec::new();
    match axis {
        GrowthAxis::N => {
            let max = n_max(n);
            let xs = sweep_xs(max);
            for &strategy in strategies.iter().filter(|s| s.yields_to_event_loop()) {
                for &x in &xs {
                    let scenario = workload.scenario(x);
                    let predicted = predict_requests(scenario.requests(), strategy).total;
                    runs.push(SweepRun { strategy, x, scenario, predicted });
                }
            }
        }
        GrowthAxis::K => {
            let scenario = workload.scenario(n);
            let xs = sweep_xs(k_max(n));
            for &k in &xs {
                let strategy = Strategy::Bounded(k as u32);
                let predicted = predict_requests(scenario.requests(), strategy).total;
                runs.push(SweepRun { strategy, x: k, scenario: scenario.clone(), predicted });
            }
        }
    }
    runs
}

/// How long a sweep takes, by the model: its runs one after another.
pub fn sweep_ms(runs: &[SweepRun]) -> f64 {
    runs.iter().map(|r| r.predicted).sum()
}

/// The chart's vertical extent: the largest total among the lines (and measured points).
pub fn y_span(series: &[Series], measured: impl IntoIterator<Item = f64>) -> f64 {
    series.iter().flat_map(|s| s.points.iter().map(|p| p.predicted)).chain(measured).fold(1.0, f64::max)
}

/// The plot's width and height in its own units (the SVG stretches them to the page).
pub const PLOT_W: f64 = 1000.0;
pub const PLOT_H: f64 = 240.0;

/// Where x (N or k) and a total sit in the plot, x from 0 at the left edge to `x_end`, and
/// totals from 0 at the bottom to `y_end` at the top.
pub fn plot_xy(x: f64, total: f64, x_end: f64, y_end: f64) -> (f64, f64) {
    let fx = if x_end > 0.0 { (x / x_end).clamp(0.0, 1.0) } else { 0.0 };
    let fy = if y_end > 0.0 { (total / y_end).clamp(0.0, 1.0) } else { 0.0 };
    (fx * PLOT_W, (1.0 - fy) * PLOT_H)
}

/// The lines' end labels, moved apart so none overlaps the next: `ys` are where the lines end
/// (px from the top, any order); each label gets a position at least `gap` from its
/// neighbours, as near its line as that allows, within `0..=height`.
pub fn spread_labels(ys: &[f64], gap: f64, height: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..ys.len()).collect();
    order.sort_by(|&a, &b| ys[a].total_cmp(&ys[b]).then(a.cmp(&b)));
    let mut placed = vec![0.0; ys.len()];
    let mut last = f64::NEG_INFINITY;
    for &i in &order {
        let y = ys[i].max(last + gap);
        placed[i] = y;
        last = y;
    }
    // Pushed past the bottom: shift the stack up, keeping the gaps.
    let overflow = order.last().map(|&i| placed[i] - height).unwrap_or(0.0);
    if overflow > 0.0 {
        let mut next = f64::INFINITY;
        for &i in order.iter().rev() {
            let y = (placed[i] - overflow).min(next - gap);
            placed[i] = y;
            next = y;
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::predict::predict;
    use crate::model::strategy::Mode;

    fn scenario(latencies: &[u32]) -> Scenario {
        Scenario::from_latencies(latencies).unwrap()
    }

    #[test]
    fn presets_make_their_own_n_th_request_and_typed_lists_repeat() {
        let note = Workload::of(&scenario(&[300, 800]), Preset::Note, 42);
        assert_eq!(note.scenario(5).latencies(), vec![300, 800, 300, 800, 300]);
        // Staggered spreads the same range over N requests: the generator, not a repeat.
        let staggered = Workload::of(&scenario(&Preset::Staggered.latencies(3, 0)), Preset::Staggered, 0);
        assert_eq!(staggered.scenario(5).latencies(), Preset::Staggered.latencies(5, 0));
        let typed = Workload::of(&scenario(&[10, 20, 30]), Preset::Custom, 0);
        assert_eq!(typed.scenario(7).latencies(), vec![10, 20, 30, 10, 20, 30, 10]);
        // A preset's list edited by hand is no longer the preset's.
        let edited = Workload::of(&scenario(&[300, 801]), Preset::Note, 42);
        assert_eq!(edited.scenario(3).latencies(), vec![300, 801, 300]);
        let with_proc =
            Scenario::new(vec![Request { latency_ms: 5, processing_ms: 1 }, Request { latency_ms: 6, processing_ms: 2 }]).unwrap();
        assert_eq!(Workload::of(&with_proc, Preset::Custom, 0).scenario(3).processing(), vec![1, 2, 1]);
    }

    #[test]
    fn the_lines_are_the_models_predictions_for_every_preset() {
        for preset in [Preset::Note, Preset::Equal, Preset::Staggered, Preset::Outlier, Preset::Random] {
            for n in [1, 2, 6, 25] {
                let s = scenario(&preset.latencies(n, 7));
                let workload = Workload::of(&s, preset, 7);
                let strategies = Mode::Compare.strategies(3);
                let series = by_n(&workload, &strategies, n);
                assert_eq!(series.len(), 4);
                for line in &series {
                    let xs: Vec<usize> = line.points.iter().map(|p| p.x).collect();
                    assert_eq!(xs.first(), Some(&1));
                    assert_eq!(xs.last(), Some(&n.max(MIN_N_MAX)));
                    for p in &line.points {
                        let expected = predict(&Scenario::from_latencies(&preset.latencies(p.x, 7)).unwrap(), line.strategy).total;
                        assert_eq!(p.predicted, expected, "{preset:?} {:?} at N = {}", line.strategy, p.x);
                    }
                    // At the scenario's own N the line passes through the scenario's prediction.
                    let own = line.points.iter().find(|p| p.x == n).expect("the scenario's N is a point");
                    assert_eq!(own.predicted, predict(&s, line.strategy).total);
                }
            }
        }
    }

    #[test]
    fn sequential_climbs_by_each_latency_concurrent_stays_at_the_longest_bounded_in_steps() {
        let w = Workload::of(&scenario(&[500]), Preset::Equal, 0);
        let series = by_n(&w, &[Strategy::Sequential, Strategy::Concurrent, Strategy::Bounded(4)], 1);
        let at = |s: &Series, x: usize| s.points.iter().find(|p| p.x == x).unwrap().predicted;
        assert_eq!(at(&series[0], 20), 10_000.0);
        assert_eq!(at(&series[1], 20), 500.0);
        assert_eq!((at(&series[2], 4), at(&series[2], 5), at(&series[2], 8), at(&series[2], 9)), (500.0, 1000.0, 1000.0, 1500.0));
    }

    #[test]
    fn bounded_against_k_falls_from_the_sum_to_the_longest() {
        let s = scenario(&[300, 800, 500, 200]);
        let line = by_k(&Workload::of(&s, Preset::Custom, 0), 4);
        let totals: Vec<(usize, f64)> = line.points.iter().map(|p| (p.x, p.predicted)).collect();
        assert_eq!(totals, vec![(1, 1800.0), (2, 1000.0), (3, 800.0), (4, 800.0)]);
    }

    #[test]
    fn many_requests_are_sampled_and_keep_their_own_n() {
        let xs = xs(10_000, 777);
        assert!(xs.len() <= MAX_POINTS + MAX_SWEEP_POINTS + 1);
        assert_eq!((xs[0], *xs.last().unwrap()), (1, 10_000));
        assert!(xs.contains(&777));
        assert!(xs.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(super::xs(5, 3), vec![1, 2, 3, 4, 5]);
    }

    #[test]
    fn every_point_a_sweep_measures_is_a_point_of_its_line() {
        let w = Workload::of(&scenario(&[300, 800]), Preset::Note, 42);
        for n in [2, 30, 777, 10_000] {
            let lines = by_n(&w, &[Strategy::Sequential], n);
            for run in sweep(&w, GrowthAxis::N, &[Strategy::Sequential], n) {
                assert!(lines[0].points.iter().any(|p| p.x == run.x), "N = {} of a sweep up to {n}", run.x);
            }
            let k_line = by_k(&w, n);
            for run in sweep(&w, GrowthAxis::K, &[], n) {
                assert!(k_line.points.iter().any(|p| p.x == run.x), "k = {} for N = {n}", run.x);
            }
        }
    }

    #[test]
    fn points_sit_in_the_plot_and_labels_never_overlap() {
        assert_eq!(plot_xy(0.0, 0.0, 20.0, 1000.0), (0.0, PLOT_H));
        assert_eq!(plot_xy(20.0, 1000.0, 20.0, 1000.0), (PLOT_W, 0.0));
        assert_eq!(plot_xy(10.0, 500.0, 20.0, 1000.0), (PLOT_W / 2.0, PLOT_H / 2.0));
        let placed = spread_labels(&[100.0, 100.0, 105.0, 20.0], 14.0, 240.0);
        let mut sorted = placed.clone();
        sorted.sort_by(f64::total_cmp);
        assert!(sorted.windows(2).all(|w| w[1] - w[0] >= 14.0 - 1e-9), "{placed:?}");
        assert_eq!(placed[3], 20.0, "a label with room stays by its line");
        let bottom = spread_labels(&[240.0, 240.0, 240.0], 14.0, 240.0);
        assert!(bottom.iter().all(|&y| y <= 240.0), "{bottom:?}");
    }

    #[test]
    fn a_sweep_leaves_blocking_out_and_measures_at_most_eight_points_a_line() {
        let s = scenario(&[300, 800]);
        let w = Workload::of(&s, Preset::Note, 42);
        let runs = sweep(&w, GrowthAxis::N, &Mode::Compare.strategies(6), 2);
        assert_eq!(runs.len(), 3 * MAX_SWEEP_POINTS);
        assert!(runs.iter().all(|r| r.strategy != Strategy::Blocking));
        assert!(runs.iter().all(|r| r.predicted == predict(&r.scenario, r.strategy).total && r.scenario.len() == r.x));
        assert_eq!((runs[0].x, runs[MAX_SWEEP_POINTS - 1].x), (1, 20));
        let by_k = sweep(&w, GrowthAxis::K, &Mode::Compare.strategies(6), 2);
        assert_eq!(by_k.iter().map(|r| r.strategy).collect::<Vec<_>>(), vec![Strategy::Bounded(1), Strategy::Bounded(2)]);
        assert_eq!(sweep_ms(&by_k), 1100.0 + 800.0);
    }
}
