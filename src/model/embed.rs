//! The embed snippets a "Copy embed code" button gives: an `<iframe>` that sizes itself with a
//! few lines of parent-side JavaScript, and a no-JavaScript one with a fixed height.

use super::axis::{race_row_height, row_height, MAX_DRAWN_ROWS, MAX_RACE_ROWS};
use super::presentation::Panels;
use super::sequence::{MAX_ARROWS, REST_BAND};
use super::Strategy;

/// The message an embedded lab posts to its parent whenever its height changes.
pub const RESIZE_MESSAGE_TYPE: &str = "sync-vs-async:resize";
/// The message the host page sends an embedded lab: `{type, theme: "light" | "dark"}`.
pub const THEME_MESSAGE_TYPE: &str = "sync-vs-async:theme";
/// The lab's answer to it, once applied.
pub const THEME_APPLIED_MESSAGE_TYPE: &str = "sync-vs-async:theme-applied";

/// A first estimate of the embed's height, before the page has measured it in a frame of the
/// author's column width (`runtime::embed_probe`): the auto-height snippet starts at it. The
/// embed's form is one line with Edit, so the panels stack full width.
pub fn fixed_height(panels: Panels, requests: usize, strategies: &[Strategy]) -> u32 {
    const PAGE_PADDING: u32 = 16;
    const TOOLBAR: u32 = 50;
    const GAP: u32 = 12;
    let s = strategies.len() as u32;
    let line = if panels.controls { GAP + 40 } else { 0 };
    let totals = if panels.totals { GAP + 70 + 34 * s } else { 0 };
    let race_rows = requests.min(MAX_RACE_ROWS);
    let race = if panels.race && s > 1 { GAP + 64 + s * (26 + (race_rows as f64 * race_row_height(race_rows)) as u32) } else { 0 };
    // The rows the waterfall draws: every request, or an even sample past MAX_DRAWN_ROWS.
    let drawn = requests.min(MAX_DRAWN_ROWS);
    let waterfall = if panels.waterfall { GAP + 210 + (drawn as f64 * row_height(drawn)) as u32 } else { 0 };
    let results = if panels.results { GAP + 215 + 85 * s } else { 0 };
    let growth = if panels.growth { GAP + 420 } else { 0 };
    // The step table is as long as the longest strategy's: one by one, four steps a request.
    let step_rows = strategies
        .iter()
        .map(|st| match st {
            Strategy::Blocking | Strategy::Sequential | Strategy::Bounded(1) if requests <= 3 => 4 * requests as u32,
            Strategy::Blocking | Strategy::Sequential | Strategy::Bounded(1) => 9,
            _ => 4,
        })
        .max()
        .unwrap_or(4);
    TOOLBAR + line + totals + race + waterfall + results + growth + explain_height(panels, requests, step_rows, 44) + PAGE_PADDING
}

/// The explanation panels, stacked one above the other (as they are in an 800 px frame).
fn explain_height(panels: Panels, requests: usize, step_rows: u32, step_row: u32) -> u32 {
    const GAP: u32 = 12;
    let n = requests as u32;
    let mut h = 0;
    if panels.explains() {
        h += GAP + 80; // the section, its heading and source line
    }
    if panels.sequence {
        // Past MAX_ARROWS requests a band in it sums up the rest, and a line under it says so.
        let (arrows, summed) = (n.min(MAX_ARROWS as u32), n > MAX_ARROWS as u32);
        h += GAP + 124 + (220 + 14 * arrows).min(560) + if summed { REST_BAND as u32 + 40 } else { 0 };
    }
    if panels.steps {
        h += GAP + 90 + step_row * step_rows;
    }
    if panels.eventloop {
        h += GAP + 350;
    }
    if panels.code {
        h += GAP + 360;
    }
    h
}

/// The embed's loader, `embed.js` (static/embed.js), beside the page at `base` (its address
/// without query: a folder or a file in it).
pub fn loader_src(base: &str) -> String {
    let folder = match base.rfind('/') {
        Some(at) => &base[..=at],
        None => "",
    };
    format!("{folder}{LOADER_FILE}")
}

/// The loader's file name, beside the page.
pub const LOADER_FILE: &str = "embed.js";

/// `<iframe>` plus the loader served beside the lab (`loader_src`): it applies the heights the
/// lab posts and tells each lab the host's theme, again whenever the host changes it. The
/// script has no text of its own, so a host that escapes a script's text (Quartz) keeps it
/// working, and it is safe to run more than once (sites that re-insert scripts on navigation):
/// the second run adds nothing.
pub fn snippet_auto_height(src: &str, title: &str, initial_height: u32, loader: &str) -> String {
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" style=\"width:100%;border:0\" height=\"{initial_height}\" loading=\"lazy\"></iframe>\n\
         <script src=\"{loader}\" async></script>",
        src = escape_attr(src),
        title = escape_attr(title),
        loader = escape_attr(loader),
    )
}

/// The phone's column the fixed-height code is measured in too: a 390 px phone less a notes
/// site's margins.
pub const PHONE_COLUMN: u32 = 360;
/// A notes site's margins around its column on a phone, px (the viewport less the column).
pub const PHONE_MARGINS: u32 = 32;

/// The fixed height's taller variant on phones: measured at `column` px, `height` px tall.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OnPhones {
    /// The column the main height was measured for, px.
    pub column: u32,
    /// The embed's height (with its margin) in a phone's column, px.
    pub height: u32,
}

/// The same `<iframe>` at a fixed height, for pages that allow no script. With `phones`, its
/// style grows it on a narrow screen, with no script: from `height` in a window of the measured
/// column (and margins) or wider, straight up to the phone's height in a phone's window (CSS
/// `max()` of the height and a line in `100vw`); a host that drops the style keeps `height`.
pub fn snippet_fixed_height(src: &str, title: &str, height: u32, phones: Option<OnPhones>) -> String {
    let style = match phones.filter(|p| p.height > height && p.column > PHONE_COLUMN) {
        Some(p) => {
            // Per px of window narrower than the column's: the height to add, in thousandths.
            // (Written by `number::fixed`, integers only: `{}` of an f64 would bring the float
            // formatter into the first load.)
            let per_px = ((p.height - height) as f64 / (p.column - PHONE_COLUMN) as f64 * 1000.0).ceil() / 1000.0;
            let wide = p.column + PHONE_MARGINS;
            let per_px = super::number::fixed(per_px, 3);
            format!("width:100%;border:0;height:max({height}px, calc({height}px + ({wide}px - 100vw) * {per_px}))")
        }
        None => "width:100%;border:0".to_string(),
    };
    format!(
        "<iframe src=\"{}\" title=\"{}\" style=\"{style}\" height=\"{height}\" loading=\"lazy\"></iframe>",
        escape_attr(src),
        escape_attr(title)
    )
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_escape_the_link_and_carry_the_message_type() {
        let s = snippet_auto_height("https://example.org/lab/?lat=1,2&embed=1", "Lab \"x\"", 700, "https://example.org/lab/embed.js");
        assert!(s.starts_with("<iframe src=\"https://example.org/lab/?lat=1,2&amp;embed=1\" title=\"Lab &quot;x&quot;\""));
        assert!(s.ends_with("<script src=\"https://example.org/lab/embed.js\" async></script>"), "{s}");
        // Nothing a host would escape in a script's text: it has none.
        let script = s.split("<script").nth(1).unwrap();
        assert!(script.ends_with("async></script>") && !script.contains('&'), "{script}");
        let f = snippet_fixed_height("https://example.org/lab/?embed=1", "Lab", 640, None);
        assert!(f.contains("height=\"640\"") && !f.contains("<script"));
    }

    #[test]
    fn the_fixed_height_grows_on_phones_with_no_script() {
        let f = snippet_fixed_height("https://example.org/lab/?embed=1", "Lab", 690, Some(OnPhones { column: 700, height: 950 }));
        // 260 px more over 340 px of column: 0.765 px a px, from a 732 px window down.
        assert!(f.contains("style=\"width:100%;border:0;height:max(690px, calc(690px + (732px - 100vw) * 0.765))\""), "{f}");
        assert!(f.contains("height=\"690\""), "the height where the style is dropped");
        // (At 392 px, a 360 px column: 690 + 340 × 0.765 = 950.1 px, the phone's height.)
        let no_taller = snippet_fixed_height("x", "Lab", 690, Some(OnPhones { column: 700, height: 600 }));
        assert!(no_taller.contains("style=\"width:100%;border:0\""), "{no_taller}");
    }

    #[test]
    fn the_loader_is_beside_the_page() {
        assert_eq!(loader_src("https://example.org/notes/lab/"), "https://example.org/notes/lab/embed.js");
        assert_eq!(loader_src("https://example.org/notes/lab/index.html"), "https://example.org/notes/lab/embed.js");
        assert_eq!(loader_src("http://127.0.0.1:8080/"), "http://127.0.0.1:8080/embed.js");
    }

    /// The loader (static/embed.js) speaks the lab's messages, adds its listener once however
    /// often it runs, and follows each host's own theme marker.
    #[test]
    fn the_loader_speaks_the_labs_messages_and_reads_every_hosts_theme() {
        let loader = include_str!("../../static/embed.js");
        for said in [
            format!("e.data.type !== \"{RESIZE_MESSAGE_TYPE}\""),
            format!("type: \"{THEME_MESSAGE_TYPE}\""),
            "if (window.syncVsAsyncLab) return;".to_string(),
            "frame.contentWindow !== e.source".to_string(),
        ] {
            assert!(loader.contains(&said), "{said}");
        }
        for marker in ["\"saved-theme\"", "\"data-md-color-scheme\"", "\"data-theme\"", "\"theme-dark\"", "(prefers-color-scheme: dark)"] {
            assert!(loader.contains(marker), "the loader reads {marker}");
        }
    }

    #[test]
    fn fixed_height_grows_with_panels_and_rows() {
        let all = Panels::default();
        let waterfall_only = Panels::parse("waterfall").unwrap();
        let four = [Strategy::Blocking, Strategy::Sequential, Strategy::Concurrent, Strategy::Bounded(6)];
        let one = [Strategy::Concurrent];
        assert!(fixed_height(all, 2, &four) > fixed_height(waterfall_only, 2, &four));
        assert!(fixed_height(waterfall_only, 20, &one) > fixed_height(waterfall_only, 2, &one));
        let steps = Panels::parse("steps").unwrap();
        assert!(fixed_height(steps, 2, &[Strategy::Blocking]) > fixed_height(steps, 2, &one), "8 steps against 4");
        let thin = fixed_height(waterfall_only, 100, &one) - fixed_height(waterfall_only, 61, &one);
        assert_eq!(thin, (100 - 61) * 5, "5 px rows past 60 requests");
        assert_eq!(fixed_height(waterfall_only, 10_000, &one), fixed_height(waterfall_only, 100, &one), "a sample past 100");
        let race = Panels::parse("race").unwrap();
        assert!(fixed_height(race, 2, &four) > fixed_height(race, 2, &one), "a race of one is the waterfall: not drawn");
        assert_eq!(fixed_height(race, 500, &four), fixed_height(race, 12, &four), "lanes sample their rows");
    }
}
