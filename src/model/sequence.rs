//! The sequence diagram's shape: which requests get their arrows and lanes, and the time scale
//! they are drawn on. Up to `MAX_ARROWS` requests the diagram is the whole run; past it, the
//! first ones on their own time scale (until the last of them ends), and the rest summed up
//! below them — how many, and when the run ends — so that 10,000 requests draw forty readable
//! arrows, not a tall blank column under them.

use super::predict::Timing;

/// More requests than this and only the first ones are drawn.
pub const MAX_ARROWS: usize = 40;
/// Below the drawn requests, when there are more: the band that sums them up, px.
pub const REST_BAND: f64 = 46.0;

#[derive(Clone, Debug, PartialEq)]
pub struct SequenceShape {
    /// The first `drawn` requests are drawn, arrows and lanes.
    pub drawn: usize,
    /// The time the drawing spans, from 0: the run's total when every request is drawn, else
    /// until the last drawn request ends.
    pub span_ms: f64,
    /// The requests after the drawn ones, summed up below them.
    pub rest: Option<Rest>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rest {
    pub requests: usize,
    /// When the whole run ends.
    pub total_ms: f64,
}

/// Where a moment of the run falls in the diagram.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Place {
    /// On the drawn time scale, as a fraction of its height (0 at the top).
    Drawn(f64),
    /// After the drawn requests: in the summary below them.
    Rest,
}

impl SequenceShape {
    pub fn of(timings: &[Timing], total_ms: f64) -> SequenceShape {
        let n = timings.len();
        if n <= MAX_ARROWS {
            return SequenceShape { drawn: n, span_ms: total_ms.max(1.0), rest: None };
        }
        let last_end = timings[..MAX_ARROWS].iter().map(|t| t.end).fold(0.0, f64::max);
        SequenceShape {
            drawn: MAX_ARROWS,
            span_ms: last_end.min(total_ms).max(1.0),
            rest: Some(Rest { requests: n - MAX_ARROWS, total_ms }),
        }
    }

    /// Where `ms` falls: on the drawn scale, or (past it, when requests are summed up) in the rest.
    pub fn place(&self, ms: f64) -> Place {
        match self.rest {
            Some(_) if ms > self.span_ms => Place::Rest,
            _ => Place::Drawn((ms / self.span_ms).clamp(0.0, 1.0)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_by_one(latencies: &[f64]) -> (Vec<Timing>, f64) {
        let mut at = 0.0;
        let timings = latencies
            .iter()
            .map(|&l| {
                let t = Timing { start: at, response: at + l, end: at + l };
                at += l;
                t
            })
            .collect();
        (timings, at)
    }

    #[test]
    fn up_to_forty_requests_the_diagram_is_the_whole_run() {
        let (timings, total) = one_by_one(&[300.0, 800.0]);
        let shape = SequenceShape::of(&timings, total);
        assert_eq!(shape, SequenceShape { drawn: 2, span_ms: 1100.0, rest: None });
        assert_eq!(shape.place(550.0), Place::Drawn(0.5));
        assert_eq!(shape.place(5000.0), Place::Drawn(1.0), "a moment past the end stays at the bottom");
        let (forty, total) = one_by_one(&[10.0; 40]);
        assert_eq!(SequenceShape::of(&forty, total).rest, None);
    }

    #[test]
    fn ten_thousand_requests_draw_the_first_forty_on_their_own_scale_and_sum_up_the_rest() {
        let (timings, total) = one_by_one(&vec![778.534; 10_000]);
        let shape = SequenceShape::of(&timings, total);
        assert_eq!(shape.drawn, 40);
        assert!((shape.span_ms - 40.0 * 778.534).abs() < 1e-6, "until the 40th ends: {}", shape.span_ms);
        assert_eq!(shape.rest, Some(Rest { requests: 9_960, total_ms: total }));
        assert_eq!(shape.place(shape.span_ms / 4.0), Place::Drawn(0.25));
        assert_eq!(shape.place(shape.span_ms + 1.0), Place::Rest);
        // All at once: the first forty end by the longest of them, the run by the longest of all.
        let concurrent: Vec<Timing> =
            (0..10_000).map(|i| Timing { start: 0.0, response: 100.0 + i as f64, end: 100.0 + i as f64 }).collect();
        let shape = SequenceShape::of(&concurrent, 10_099.0);
        assert_eq!((shape.drawn, shape.span_ms), (40, 139.0));
    }
}
