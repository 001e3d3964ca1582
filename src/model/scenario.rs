//! A scenario: the ordered requests to make, and the limits every input is checked against.

/// Allowed ranges. Every input (form field or link parameter) is checked against these.
pub mod limits {
    pub const MAX_REQUESTS: usize = 10_000;
    pub const MAX_LATENCY_MS: u32 = 60_000;
    pub const MAX_PROCESSING_MS: u32 = 10_000;
    pub const MAX_CONCURRENCY: u32 = 1000;
}

/// One request: how long the server takes to answer, and how long the client then
/// works on the answer on the page's one thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Request {
    pub latency_ms: u32,
    pub processing_ms: u32,
}

/// An ordered, validated list of requests (1..=MAX_REQUESTS of them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    requests: Vec<Request>,
}

/// Why a list of numbers was refused. `item` counts from 1, as a person does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListError {
    Empty,
    /// Nothing between two commas (or semicolons): `1,2,,3` names item 3.
    EmptyItem {
        item: usize,
    },
    NotANumber {
        item: usize,
        text: String,
    },
    OutOfRange {
        item: usize,
        value: u64,
        max: u32,
    },
    TooMany {
        count: usize,
        max: usize,
    },
    /// A per-request list whose length differs from the number of requests.
    WrongLength {
        expected: usize,
        found: usize,
    },
}

impl Scenario {
    /// Builds a scenario; `None` when the count is outside 1..=MAX_REQUESTS or a value is out of range.
    pub fn new(requests: Vec<Request>) -> Option<Scenario> {
        let ok = !requests.is_empty()
            && requests.len() <= limits::MAX_REQUESTS
            && requests.iter().all(|r| r.latency_ms <= limits::MAX_LATENCY_MS && r.processing_ms <= limits::MAX_PROCESSING_MS);
        ok.then_some(Scenario { requests })
    }

    /// Latencies with no processing time.
    pub fn from_latencies(latencies: &[u32]) -> Option<Scenario> {
        Scenario::new(latencies.iter().map(|&latency_ms| Request { latency_ms, processing_ms: 0 }).collect())
    }

    pub fn requests(&self) -> &[Request] {
        &self.requests
    }

    pub fn len(&self) -> usize {
        self.requests.len()
    }

    pub fn is_empty(&self) -> bool {
        self.requests.is_empty()
    }

    pub fn latencies(&self) -> Vec<u32> {
        self.requests.iter().map(|r| r.latency_ms).collect()
    }

    pub fn processing(&self) -> Vec<u32> {
        self.requests.iter().map(|r| r.processing_ms).collect()
    }

    pub fn has_processing(&self) -> bool {
        self.requests.iter().any(|r| r.processing_ms > 0)
    }
}

/// Parses "300, 800,1200" (commas, spaces or semicolons between items) into numbers
/// in `0..=max`, at most `max_items` of them.
pub fn parse_list(text: &str, max: u32, max_items: usize) -> Result<Vec<u32>, ListError> {
    if text.trim().is_empty() {
        return Err(ListError::Empty);
    }
    // Commas and semicolons separate items, and so does white space; an empty place between
    // two separators is an item that was forgotten, not nothing.
    let mut items: Vec<&str> = Vec::new();
    for part in text.split([',', ';']) {
        let before = part.split_whitespace().count();
        if before == 0 {
            return Err(ListError::EmptyItem { item: items.len() + 1 });
        }
        items.extend(part.split_whitespace());
    }
    if items.len() > max_items {
        return Err(ListError::TooMany { count: items.len(), max: max_items });
    }
    items.iter().enumerate().map(|(i, item)| parse_number(item, max).map_err(|e| e.at_item(i + 1))).collect()
}

/// Parses one whole number in `0..=max`; the error's `item` is 0 (a single field).
pub fn parse_number(text: &str, max: u32) -> Result<u32, ListError> {
    let text = text.trim();
    let digits_only = !text.is_empty() && text.len() <= 12 && text.bytes().all(|b| b.is_ascii_digit());
    if !digits_only {
        if text.is_empty() {
            return Err(ListError::Empty);
        }
        return Err(ListError::NotANumber { item: 0, text: shorten(text) });
    }
    let value: u64 = text.parse().map_err(|_| ListError::NotANumber { item: 0, text: shorten(text) })?;
    if value > u64::from(max) {
        return Err(ListError::OutOfRange { item: 0, value, max });
    }
    Ok(value as u32)
}

impl ListError {
    fn at_item(self, item: usize) -> ListError {
        match self {
            ListError::NotANumber { text, .. } => ListError::NotANumber { item, text },
            ListError::OutOfRange { value, max, .. } => ListError::OutOfRange { item, value, max },
            other => other,
        }
    }
}

/// Echoing user input back in a message: keep it short.
fn shorten(text: &str) -> String {
    const MAX_CHARS: usize = 24;
    if text.chars().count() <= MAX_CHARS {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(MAX_CHARS).collect();
        s.push('…');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lists_with_any_separator() {
        assert_eq!(parse_list("300, 800;1200  5", 60_000, 10), Ok(vec![300, 800, 1200, 5]));
    }

    #[test]
    fn names_the_bad_item() {
        assert_eq!(parse_list("300,abc", 60_000, 10), Err(ListError::NotANumber { item: 2, text: "abc".into() }));
        assert_eq!(parse_list("70000", 60_000, 10), Err(ListError::OutOfRange { item: 1, value: 70_000, max: 60_000 }));
        assert_eq!(parse_list(" ", 60_000, 10), Err(ListError::Empty));
        assert_eq!(parse_list("1,2,,3", 60_000, 10), Err(ListError::EmptyItem { item: 3 }));
        assert_eq!(parse_list("1,2,", 60_000, 10), Err(ListError::EmptyItem { item: 3 }));
        assert_eq!(parse_list(" , 5", 60_000, 10), Err(ListError::EmptyItem { item: 1 }));
        assert_eq!(parse_list("1 2, 3;4", 60_000, 10), Ok(vec![1, 2, 3, 4]));
        assert_eq!(parse_list("1,2,3", 60_000, 2), Err(ListError::TooMany { count: 3, max: 2 }));
    }

    #[test]
    fn refuses_signs_fractions_and_huge_numbers() {
        for bad in ["-1", "1.5", "+3", "99999999999999999999999", "1e3"] {
            assert!(parse_number(bad, 60_000).is_err(), "{bad}");
        }
    }

    #[test]
    fn scenario_enforces_limits() {
        assert!(Scenario::from_latencies(&[]).is_none());
        assert!(Scenario::from_latencies(&[60_001]).is_none());
        assert!(Scenario::from_latencies(&vec![1; limits::MAX_REQUESTS + 1]).is_none());
        assert!(Scenario::from_latencies(&vec![60_000; limits::MAX_REQUESTS]).is_some());
    }
}
