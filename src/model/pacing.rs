//! When a frame of a live run may draw.
//!
//! Drawing takes the one thread: style, layout and painting run after the frame's callback, and a
//! timer that falls due meanwhile fires late by what is left of them. Chromium draws one of the
//! lab's frames in a few milliseconds; WebKit, painting on the CPU, took 70–300 ms a frame (issue
//! "every engine"), and a request due then came in 90–115 ms late. So the lab measures what its
//! drawn frames cost, and a frame draws only if the next timer is due after that cost (with a
//! margin) — or if the view has waited long enough: a run whose timers are always due soon
//! (10,000 requests) still shows its progress, every ten frames' cost at least.
//!
//! A drawn frame's cost is how much later than a frame period the next frame came, counted only
//! when the run did no work of its own in between: then the delay was the browser drawing the
//! lab, however and whenever it paints (WebKit paints after the first task that follows a frame).

/// The smallest drawing budget: what a frame may take where drawing is cheap.
pub const MIN_BUDGET_MS: f64 = 8.0;
/// The shortest time the view may go without drawing while timers are due.
pub const MIN_HOLD_MS: f64 = 50.0;
/// The longest, in frame costs: a draw forced by the wait may make one request late by a frame's
/// cost, so where frames are slow the view waits longer (WebKit here, ~200 ms a frame: 2 s; a
/// seven-request run with processing came in 60 ms late when it waited only three frames' cost).
const HOLD_COSTS: f64 = 10.0;
/// How much of the costliest recent frame each drawn frame keeps: a slow frame is remembered for a
/// few frames, not forever. (WebKit's frames of one run varied 130–270 ms: the estimate must not
/// forget the slow ones at once.)
const DECAY: f64 = 0.9;
/// The drawing budget, in recent costs: twice, for a frame may cost twice another of the same run.
const BUDGET_COSTS: f64 = 2.0;
/// A frame period until a shorter one is seen (60 Hz).
const PERIOD_MS: f64 = 1000.0 / 60.0;

/// What a painting cost, from `interval_ms`, the time from the frame that painted to the next one:
/// how much longer than a frame period it was.
pub fn paint_cost(interval_ms: f64) -> f64 {
    (interval_ms - PERIOD_MS).max(0.0)
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pacing {
    /// The recent cost of a drawn frame, ms (decaying maximum).
    cost_ms: f64,
    /// When the view began to hold back (clock ms), if it does.
    holding_since: Option<f64>,
    /// The costliest drawn frame so far, ms.
    costliest_ms: f64,
    /// When the last frame that drew began.
    drawn_at: Option<f64>,
    /// The shortest time between two frames seen, `PERIOD_MS` until a shorter one is.
    period_ms: f64,
}

impl Default for Pacing {
    fn default() -> Pacing {
        Pacing { cost_ms: 0.0, holding_since: None, costliest_ms: 0.0, drawn_at: None, period_ms: PERIOD_MS }
    }
}

impl Pacing {
    pub fn new() -> Pacing {
        Pacing::default()
    }

    /// Starts from what frames cost in an earlier run (a comparison's second strategy need not
    /// learn it again).
    pub fn knowing(cost_ms: f64) -> Pacing {
        Pacing { cost_ms: if cost_ms.is_finite() { cost_ms.max(0.0) } else { 0.0 }, ..Pacing::default() }
    }

    /// What a drawn frame is expected to take, with a margin.
    pub fn budget(&self) -> f64 {
        (self.cost_ms * BUDGET_COSTS + 2.0).max(MIN_BUDGET_MS)
    }

    /// How long the view may hold back for timers due soon.
    pub fn max_hold(&self) -> f64 {
        (self.cost_ms * HOLD_COSTS).max(MIN_HOLD_MS)
    }

    /// A frame begins at `now`; `worked` says whether the run did work of its own (a request
    /// started, answered or processed) since the last frame; the next timer is due in
    /// `quiet_for` ms. Learns what the last drawn frame cost, and says whether this one draws.
    pub fn frame(&mut self, now: f64, worked: bool, quiet_for: f64) -> bool {
        if let Some(drawn_at) = self.drawn_at.take() {
            let interval = now - drawn_at;
            if interval > 0.0 {
                self.period_ms = self.period_ms.min(interval);
            }
            if !worked {
                self.drawn((interval - self.period_ms).max(0.0));
            }
        }
        let draws = self.should_draw(now, quiet_for);
        if draws {
            self.drawn_at = Some(now);
        }
        draws
    }

    /// Whether the frame at `now` draws, when the next timer is due in `quiet_for` ms.
    pub fn should_draw(&mut self, now: f64, quiet_for: f64) -> bool {
        if quiet_for >= self.budget() {
            self.holding_since = None;
            return true;
        }
        let since = *self.holding_since.get_or_insert(now);
        if now - since >= self.max_hold() {
            self.holding_since = None;
            return true;
        }
        false
    }

    /// A drawn frame cost `ms` more than a frame period.
    pub fn drawn(&mut self, ms: f64) {
        if ms.is_finite() && ms >= 0.0 {
            self.cost_ms = ms.max(self.cost_ms * DECAY);
            self.costliest_ms = self.costliest_ms.max(ms);
        }
    }

    pub fn cost(&self) -> f64 {
        self.cost_ms
    }

    /// The costliest drawn frame so far, ms: part of the longest frame gap that was the lab's own
    /// drawing, not the strategy's doing.
    pub fn costliest(&self) -> f64 {
        self.costliest_ms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cheap_frames_draw_unless_a_timer_is_due_within_the_minimum_budget() {
        let mut p = Pacing::new();
        p.drawn(3.0);
        assert_eq!(p.budget(), MIN_BUDGET_MS);
        assert!(p.should_draw(0.0, 9.0));
        assert!(!p.should_draw(16.0, 7.0));
    }

    #[test]
    fn a_costly_frame_holds_back_while_a_timer_is_due_within_its_cost() {
        let mut p = Pacing::new();
        p.drawn(100.0);
        assert_eq!(p.budget(), 202.0);
        assert!(!p.should_draw(0.0, 120.0), "a 100 ms frame would make the timer due in 120 ms late");
        assert!(!p.should_draw(16.0, 190.0), "nor one that cost twice as much, the timer due in 190");
        assert!(p.should_draw(32.0, 210.0));
    }

    #[test]
    fn the_view_holds_back_at_most_a_while_then_draws_anyway() {
        let mut p = Pacing::new();
        p.drawn(4.0);
        // Timers always due soon: frames hold back for MIN_HOLD_MS, then one draws.
        let drawn: Vec<bool> = (0..8).map(|i| p.should_draw(f64::from(i) * 16.0, 1.0)).collect();
        assert_eq!(drawn, [false, false, false, false, true, false, false, false]);
        let mut slow = Pacing::new();
        slow.drawn(100.0);
        assert_eq!(slow.max_hold(), 1000.0);
        assert!(!slow.should_draw(0.0, 1.0));
        assert!(!slow.should_draw(999.0, 1.0));
        assert!(slow.should_draw(1000.0, 1.0));
    }

    #[test]
    fn a_drawn_frame_costs_what_it_delayed_the_next_frame_when_the_run_did_nothing_meanwhile() {
        let mut p = Pacing::new();
        // Cheap frames, 16 ms apart: nothing learnt but the period.
        for i in 0..4 {
            assert!(p.frame(f64::from(i) * 16.0, false, f64::INFINITY));
        }
        assert_eq!(p.cost(), 0.0);
        // A drawn frame delays the next by 120 ms: it cost 120.
        assert!(p.frame(64.0, false, f64::INFINITY));
        assert!(p.frame(200.0, false, f64::INFINITY));
        assert_eq!(p.cost(), 120.0);
        assert_eq!(p.costliest(), 120.0);
        // A 300 ms delay while requests were processed is the run's, not the drawing's.
        assert!(p.frame(500.0, true, f64::INFINITY));
        assert_eq!(p.costliest(), 120.0);
        // Each quick frame after a drawn one lowers the cost (108, then 97.2); a timer due within
        // 2 × 97.2 + 2 ms holds the frame back, and a held frame teaches nothing.
        assert!(p.frame(516.0, false, f64::INFINITY));
        assert_eq!(p.cost(), 108.0);
        assert!(!p.frame(532.0, false, 190.0));
        assert!(!p.frame(548.0, false, 180.0));
        assert!((p.cost() - 97.2).abs() < 1e-9);
        assert_eq!(p.costliest(), 120.0);
    }

    #[test]
    fn a_run_starts_knowing_the_last_runs_cost_but_not_its_costliest_frame() {
        let p = Pacing::knowing(120.0);
        assert_eq!(p.budget(), 242.0);
        assert_eq!(p.costliest(), 0.0);
        assert_eq!(Pacing::knowing(f64::NAN), Pacing::new());
    }

    #[test]
    fn a_painting_costs_what_it_delayed_the_next_frame_beyond_a_period() {
        assert_eq!(paint_cost(PERIOD_MS), 0.0);
        assert_eq!(paint_cost(8.0), 0.0, "a faster screen's frame cost nothing");
        assert!((paint_cost(216.0) - (216.0 - PERIOD_MS)).abs() < 1e-9);
        assert_eq!(paint_cost(f64::NAN), 0.0);
    }

    #[test]
    fn a_slow_frame_is_remembered_for_a_few_frames_then_forgotten() {
        let mut p = Pacing::new();
        p.drawn(200.0);
        p.drawn(5.0);
        assert_eq!(p.cost(), 180.0);
        for _ in 0..40 {
            p.drawn(5.0);
        }
        assert!(p.cost() < 10.0, "cost {}", p.cost());
        p.drawn(f64::NAN);
        p.drawn(-1.0);
        assert!(p.cost() < 10.0);
        assert_eq!(p.costliest(), 200.0);
    }
}
