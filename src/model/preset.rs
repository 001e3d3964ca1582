//! Ready-made latency lists. Random is reproducible: the same seed gives the same list.

use super::scenario::limits;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// The note's example: two requests, 300 ms and 800 ms.
    Note,
    Equal,
    Staggered,
    Outlier,
    Random,
    /// Typed by hand.
    Custom,
}

pub const NOTE_LATENCIES: [u32; 2] = [300, 800];
const EQUAL_MS: u32 = 500;
const FAST_MS: u32 = 200;
const SLOW_MS: u32 = 2000;
const STAGGER_FROM_MS: u32 = 100;
const STAGGER_TO_MS: u32 = 1500;
const RANDOM_MIN_MS: u64 = 50;
const RANDOM_MAX_MS: u64 = 1500;

impl Preset {
    pub const ALL: [Preset; 6] = [Preset::Note, Preset::Equal, Preset::Staggered, Preset::Outlier, Preset::Random, Preset::Custom];

    /// Its place in `ALL` (an exhaustive match: a new variant must be given one), where the
    /// words keep its name.
    pub const fn index(self) -> usize {
        match self {
            Preset::Note => 0,
            Preset::Equal => 1,
            Preset::Staggered => 2,
            Preset::Outlier => 3,
            Preset::Random => 4,
            Preset::Custom => 5,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Preset::Note => "note",
            Preset::Equal => "equal",
            Preset::Staggered => "staggered",
            Preset::Outlier => "outlier",
            Preset::Random => "random",
            Preset::Custom => "custom",
        }
    }

    pub fn from_key(key: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.key() == key)
    }

    /// The number of requests a preset starts with when chosen.
    pub fn default_count(self) -> usize {
        match self {
            Preset::Note => NOTE_LATENCIES.len(),
            Preset::Custom => NOTE_LATENCIES.len(),
            _ => 6,
        }
    }

    /// `n` latencies (clamped to 1..=MAX_REQUESTS). `Custom` has no rule of its own:
    /// it repeats the note's pair, the caller resizes a hand-typed list instead.
    pub fn latencies(self, n: usize, seed: u64) -> Vec<u32> {
        let n = n.clamp(1, limits::MAX_REQUESTS);
        match self {
            Preset::Note | Preset::Custom => (0..n).map(|i| NOTE_LATENCIES[i % NOTE_LATENCIES.len()]).collect(),
            Preset::Equal => vec![EQUAL_MS; n],
            Preset::Staggered => (0..n)
                .map(|i| {
                    if n == 1 {
                        return STAGGER_FROM_MS;
                    }
                    let span = u64::from(STAGGER_TO_MS - STAGGER_FROM_MS);
                    STAGGER_FROM_MS + (span * i as u64 / (n as u64 - 1)) as u32
                })
                .collect(),
            Preset::Outlier => (0..n).map(|i| if i == n / 2 { SLOW_MS } else { FAST_MS }).collect(),
            Preset::Random => {
                let mut state = seed;
                (0..n)
                    .map(|_| {
                        let r = splitmix64(&mut state);
                        // Whole tens of ms read better in a list.
                        let tens = (RANDOM_MAX_MS - RANDOM_MIN_MS) / 10 + 1;
                        (RANDOM_MIN_MS + (r % tens) * 10) as u32
                    })
                    .collect()
            }
        }
    }
}

/// Resizes a hand-typed list: cut it, or repeat its last value.
pub fn resize(latencies: &[u32], n: usize) -> Vec<u32> {
    let n = n.clamp(1, limits::MAX_REQUESTS);
    let fill = latencies.last().copied().unwrap_or(EQUAL_MS);
    (0..n).map(|i| latencies.get(i).copied().unwrap_or(fill)).collect()
}

/// The seed "New seed" moves to: another list, still a short number to read in a link.
pub fn next_seed(seed: u64) -> u64 {
    let mut state = seed;
    splitmix64(&mut state) % 1_000_000
}

/// A small, well-known generator (Steele, Lea, Flood 2014): the lists must be the same
/// everywhere a link is opened, so no platform randomness.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_is_the_notes_two_requests() {
        assert_eq!(Preset::Note.latencies(2, 0), vec![300, 800]);
    }

    #[test]
    fn random_is_reproducible_and_in_range() {
        let a = Preset::Random.latencies(50, 42);
        assert_eq!(a, Preset::Random.latencies(50, 42));
        assert_ne!(a, Preset::Random.latencies(50, 43));
        assert!(a.iter().all(|&ms| (50..=1500).contains(&ms) && ms % 10 == 0));
    }

    #[test]
    fn shapes() {
        assert_eq!(Preset::Equal.latencies(3, 0), vec![500, 500, 500]);
        assert_eq!(Preset::Staggered.latencies(3, 0), vec![100, 800, 1500]);
        assert_eq!(Preset::Staggered.latencies(1, 0), vec![100]);
        assert_eq!(Preset::Outlier.latencies(5, 0), vec![200, 200, 2000, 200, 200]);
        assert_eq!(Preset::Equal.latencies(50_000, 0).len(), limits::MAX_REQUESTS);
    }

    #[test]
    fn next_seed_moves_and_stays_short() {
        let s = next_seed(42);
        assert_ne!(s, 42);
        assert!(s < 1_000_000);
        assert_eq!(s, next_seed(42));
    }

    #[test]
    fn resize_cuts_or_repeats_the_last() {
        assert_eq!(resize(&[1, 2, 3], 2), vec![1, 2]);
        assert_eq!(resize(&[1, 2], 4), vec![1, 2, 2, 2]);
        assert_eq!(resize(&[], 2), vec![500, 500]);
    }
}
