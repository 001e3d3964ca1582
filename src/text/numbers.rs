//! Numbers as each language writes them: thousands grouped («1 102», "1,102"), the decimal
//! sign, durations in the unit that reads best, ticks. Integer arithmetic only (`model::number`):
//! Rust's float printing is slow in wasm and large.

use crate::model::axis::TimeUnit;

use super::Text;

impl Text {
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
}

pub(super) fn group_thousands(value: i64, separator: char) -> String {
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
