//! The embed snippets a "Copy embed code" button gives: an `<iframe>` that sizes itself with a
//! few lines of parent-side JavaScript, and a no-JavaScript one with a fixed height.

use super::presentation::Panels;

/// The message an embedded lab posts to its parent whenever its height changes.
pub const RESIZE_MESSAGE_TYPE: &str = "sync-vs-async:resize";

/// A height that fits the chosen panels without scrolling, for the no-JavaScript snippet.
/// Measured from the embed at 800 px wide; generous rather than tight.
pub fn fixed_height(panels: Panels, requests: usize, strategies: usize) -> u32 {
    let rows = requests.min(120) as u32;
    let row = if requests <= 30 { 26 } else if requests <= 120 { 10 } else { 4 };
    let mut h = 90; // status line, run buttons, "open full page"
    if panels.controls {
        h += 620;
    }
    if panels.waterfall {
        h += 150 + rows * row;
    }
    if panels.results {
        h += 130 + 60 * strategies as u32;
    }
    h
}

/// `<iframe>` plus the parent-side listener that applies the heights the lab posts.
pub fn snippet_auto_height(src: &str, title: &str, initial_height: u32) -> String {
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" style=\"width:100%;border:0\" height=\"{initial_height}\" loading=\"lazy\"></iframe>\n\
         <script>\n\
         addEventListener(\"message\", function (e) {{\n\
         \x20 if (!e.data || e.data.type !== \"{RESIZE_MESSAGE_TYPE}\") return;\n\
         \x20 document.querySelectorAll(\"iframe\").forEach(function (f) {{\n\
         \x20   if (f.contentWindow === e.source) f.style.height = Math.ceil(e.data.height) + \"px\";\n\
         \x20 }});\n\
         }});\n\
         </script>",
        src = escape_attr(src),
        title = escape_attr(title),
    )
}

/// The same `<iframe>` at a fixed height, for pages that allow no script.
pub fn snippet_fixed_height(src: &str, title: &str, height: u32) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" style=\"width:100%;border:0\" height=\"{height}\" loading=\"lazy\"></iframe>",
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
        let s = snippet_auto_height("https://example.org/lab/?lat=1,2&embed=1", "Lab \"x\"", 700);
        assert!(s.starts_with("<iframe src=\"https://example.org/lab/?lat=1,2&amp;embed=1\" title=\"Lab &quot;x&quot;\""));
        assert!(s.contains("e.data.type !== \"sync-vs-async:resize\""));
        assert!(s.contains("f.contentWindow === e.source"));
        let f = snippet_fixed_height("https://example.org/lab/?embed=1", "Lab", 640);
        assert!(f.contains("height=\"640\"") && !f.contains("<script"));
    }

    #[test]
    fn fixed_height_grows_with_panels_and_rows() {
        let all = Panels::default();
        let waterfall_only = Panels { controls: false, waterfall: true, results: false };
        assert!(fixed_height(all, 2, 4) > fixed_height(waterfall_only, 2, 4));
        assert!(fixed_height(waterfall_only, 20, 1) > fixed_height(waterfall_only, 2, 1));
        assert!(fixed_height(waterfall_only, 10_000, 1) < 1500, "thin rows past 120 requests");
    }
}
