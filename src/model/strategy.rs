//! The four ways of making the requests, and the mode that runs them all.

/// How the requests are made. Each request is one task: send, wait its latency, process the response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Strategy {
    /// The thread itself waits: nothing else runs, the page does not repaint.
    Blocking,
    /// `for r in requests { r.await }`: one after another, each wait yields to the event loop.
    Sequential,
    /// All tasks start at once (`join_all`); responses are processed in arrival order.
    Concurrent,
    /// At most `k` tasks in flight; a task holds its slot until its processing ends.
    Bounded(u32),
}

/// What Run does: one strategy, or all four one after another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Single(StrategyKind),
    Compare,
}

/// A strategy without its parameter, as chosen in the form and written in the link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StrategyKind {
    Blocking,
    Sequential,
    Concurrent,
    Bounded,
}

impl StrategyKind {
    pub const ALL: [StrategyKind; 4] = [StrategyKind::Blocking, StrategyKind::Sequential, StrategyKind::Concurrent, StrategyKind::Bounded];

    /// The name used in links and test hooks.
    pub fn key(self) -> &'static str {
        match self {
            StrategyKind::Blocking => "blocking",
            StrategyKind::Sequential => "sequential",
            StrategyKind::Concurrent => "concurrent",
            StrategyKind::Bounded => "bounded",
        }
    }

    pub fn from_key(key: &str) -> Option<StrategyKind> {
        StrategyKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Its place in `ALL` (an exhaustive match: a new variant must be given one): where per-kind
    /// arrays (names, guesses) keep it.
    pub const fn index(self) -> usize {
        match self {
            StrategyKind::Blocking => 0,
            StrategyKind::Sequential => 1,
            StrategyKind::Concurrent => 2,
            StrategyKind::Bounded => 3,
        }
    }

    pub fn with_limit(self, k: u32) -> Strategy {
        match self {
            StrategyKind::Blocking => Strategy::Blocking,
            StrategyKind::Sequential => Strategy::Sequential,
            StrategyKind::Concurrent => Strategy::Concurrent,
            StrategyKind::Bounded => Strategy::Bounded(k),
        }
    }
}

impl Strategy {
    pub fn kind(self) -> StrategyKind {
        match self {
            Strategy::Blocking => StrategyKind::Blocking,
            Strategy::Sequential => StrategyKind::Sequential,
            Strategy::Concurrent => StrategyKind::Concurrent,
            Strategy::Bounded(_) => StrategyKind::Bounded,
        }
    }

    /// Whether the page can repaint while the strategy runs.
    pub fn yields_to_event_loop(self) -> bool {
        !matches!(self, Strategy::Blocking)
    }
}

impl Mode {
    /// Every mode, in the order the form offers them.
    pub const ALL: [Mode; 5] = [
        Mode::Single(StrategyKind::Blocking),
        Mode::Single(StrategyKind::Sequential),
        Mode::Single(StrategyKind::Concurrent),
        Mode::Single(StrategyKind::Bounded),
        Mode::Compare,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Mode::Single(kind) => kind.key(),
            Mode::Compare => "compare",
        }
    }

    pub fn from_key(key: &str) -> Option<Mode> {
        if key == "compare" {
            Some(Mode::Compare)
        } else {
            StrategyKind::from_key(key).map(Mode::Single)
        }
    }

    /// The strategies a run in this mode executes, in order.
    pub fn strategies(self, k: u32) -> Vec<Strategy> {
        match self {
            Mode::Single(kind) => vec![kind.with_limit(k)],
            Mode::Compare => StrategyKind::ALL.iter().map(|kind| kind.with_limit(k)).collect(),
        }
    }

    pub fn uses_limit(self) -> bool {
        matches!(self, Mode::Single(StrategyKind::Bounded) | Mode::Compare)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for mode in [Mode::Compare, Mode::Single(StrategyKind::Bounded), Mode::Single(StrategyKind::Blocking)] {
            assert_eq!(Mode::from_key(mode.key()), Some(mode));
        }
        assert_eq!(Mode::from_key("Concurrent"), None);
    }

    #[test]
    fn compare_runs_all_four_in_order() {
        assert_eq!(Mode::Compare.strategies(3), vec![Strategy::Blocking, Strategy::Sequential, Strategy::Concurrent, Strategy::Bounded(3)]);
    }
}
