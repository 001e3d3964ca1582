//! Numbers written out for attributes and sentences, with integer arithmetic only.
//!
//! `format!("{:.3}", x)` reaches for Rust's exact float printing (a bignum fallback): some
//! microseconds a number in wasm, and a waterfall writes a dozen numbers per bar, per frame.
//! It also costs ~10 KB of the download. Times here are milliseconds well under 10^12.

/// `value` with exactly `places` decimals (at most 6), rounded half away from zero:
/// `fixed(52.4754, 3)` is "52.475". Not finite: "0".
pub fn fixed(value: f64, places: usize) -> String {
    let places = places.min(6);
    if !value.is_finite() {
        return "0".to_string();
    }
    let scale = 10_u64.pow(places as u32);
    let scaled = (value.abs() * scale as f64).round() as u64;
    // Zero (and -0.0, and what rounds to it) takes no sign.
    let sign = if value.is_sign_negative() && scaled != 0 { "-" } else { "" };
    if places == 0 {
        return format!("{sign}{scaled}");
    }
    format!("{sign}{}.{:0places$}", scaled / scale, scaled % scale)
}

/// Where `ms` falls on an axis that ends at `end`, as a CSS percentage clamped to the axis:
/// `percent_of(25.0, 200.0)` is "12.500%". The charts position their marks with it.
pub fn percent_of(ms: f64, end: f64) -> String {
    format!("{}%", fixed((100.0 * ms / end).clamp(0.0, 100.0), 3))
}

/// `value` to at most `places` decimals, without trailing zeros: `trimmed(1.5, 3)` is "1.5".
pub fn trimmed(value: f64, places: usize) -> String {
    let text = fixed(value, places);
    match text.find('.') {
        Some(_) => text.trim_end_matches('0').trim_end_matches('.').to_string(),
        None => text,
    }
}

/// `value` to two decimals, without trailing zeros: 24 → "24", 24.5 → "24.5" (SVG lengths).
pub fn short(value: f64) -> String {
    trimmed(value, 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_of_the_axis_is_a_clamped_css_percentage() {
        assert_eq!(percent_of(25.0, 200.0), "12.500%");
        assert_eq!(percent_of(-5.0, 200.0), "0.000%");
        assert_eq!(percent_of(500.0, 200.0), "100.000%");
    }

    #[test]
    fn fixed_writes_what_format_writes() {
        assert_eq!(fixed(52.4754, 3), "52.475");
        assert_eq!(fixed(50.0, 3), "50.000");
        assert_eq!(fixed(301.5, 1), "301.5");
        assert_eq!(fixed(0.04, 1), "0.0");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(-2.25, 1), "-2.3");
        assert_eq!(fixed(1099.96, 1), "1100.0");
        assert_eq!(fixed(7.0, 0), "7");
        assert_eq!(fixed(f64::NAN, 2), "0");
        for (v, places) in [(0.1234, 2), (123456.789, 1), (99.9999, 3), (0.0, 1), (1e9 + 0.26, 1)] {
            assert_eq!(fixed(v, places), format!("{v:.places$}"), "{v} to {places}");
        }
    }

    #[test]
    fn short_drops_trailing_zeros() {
        assert_eq!(short(24.0), "24");
        assert_eq!(short(24.5), "24.5");
        assert_eq!(short(3.333), "3.33");
        assert_eq!(short(-1.0), "-1");
        assert_eq!(short(0.001), "0");
    }
}
