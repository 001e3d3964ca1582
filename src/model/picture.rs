//! A chart as a picture to take away (issue 24): a self-contained SVG document — the chart's
//! boxes, lines and words as the page drew them (read by the picture module, `src/pictures.rs`),
//! its styles written on each shape, the page's theme as its background, real `<text>` (never
//! paths), a title and a line of scenario under it. The PNG is this SVG drawn at twice its size.
//! Pure: shapes in, markup out.

use crate::model::number::trimmed;

/// The note's two sequence diagrams, synchronous (blocking) and asynchronous (concurrent), as
/// "Pictures for the note" names them: the boxes they are drawn in, and their files.
pub const NOTE_PICTURES: [&str; 2] = ["sequence-synchronous", "sequence-asynchronous"];

/// What a picture menu's button makes (`data-picture-format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PictureFormat {
    Svg,
    /// At twice the chart's size (`PNG_SCALE`).
    Png,
    /// A PNG on the clipboard.
    Copy,
    /// The note's two diagrams, as PNG.
    Note,
}

impl PictureFormat {
    pub const ALL: [PictureFormat; 4] = [PictureFormat::Svg, PictureFormat::Png, PictureFormat::Copy, PictureFormat::Note];

    pub fn key(self) -> &'static str {
        match self {
            PictureFormat::Svg => "svg",
            PictureFormat::Png => "png",
            PictureFormat::Copy => "copy",
            PictureFormat::Note => "note",
        }
    }

    pub fn from_key(key: &str) -> Option<PictureFormat> {
        PictureFormat::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The file it is saved as: an SVG, else a PNG.
    pub fn extension(self) -> &'static str {
        match self {
            PictureFormat::Svg => "svg",
            PictureFormat::Png | PictureFormat::Copy | PictureFormat::Note => "png",
        }
    }
}

/// Why a picture could not be made, worded by `text` in the page's language.
#[derive(Clone, Debug, PartialEq)]
pub enum PictureFailure {
    /// The button is not in a chart's menu as the page draws it (or names no format).
    NoChart,
    /// "Pictures for the note": the page drew no diagrams (no valid scenario).
    NotDrawn,
    /// The browser refused (an encoder, the clipboard), in its own words.
    Browser(String),
}

/// How much larger a PNG is than the chart's CSS size.
pub const PNG_SCALE: f64 = 2.0;

/// Space around the chart, and what the title and the scenario line take above it (CSS px).
const MARGIN: f64 = 16.0;
const TITLE_SIZE: f64 = 17.0;
const SUBTITLE_SIZE: f64 = 12.0;
/// A subtitle line's height, and what a character of it takes at most (Cyrillic, on average).
const SUBTITLE_LINE: f64 = SUBTITLE_SIZE + 4.0;
const SUBTITLE_CHAR: f64 = SUBTITLE_SIZE * 0.6;

/// The fonts a picture names: the lab's own stack, then a named fallback every viewer has.
pub const FONTS: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";

/// One thing the chart draws, at its place in the chart (CSS px from the chart's top left).
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A box: a bar, a border's side, a lane's background.
    Rect { x: f64, y: f64, w: f64, h: f64, fill: String, radius: f64, opacity: f64 },
    /// A line of words; `y` is its baseline.
    Text { x: f64, y: f64, text: String, size: f64, weight: u16, fill: String, family: String, mono: bool },
    /// The chart's own SVG (a lane, a diagram), styles already on its elements, placed in a box.
    Svg { x: f64, y: f64, w: f64, h: f64, markup: String },
}

/// A chart ready to write: its size, the page's background and ink, its title and scenario line.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub width: f64,
    pub height: f64,
    pub background: String,
    pub ink: String,
    /// "en" or "ru": the document's `xml:lang`.
    pub lang: String,
    pub title: String,
    pub subtitle: String,
    pub shapes: Vec<Shape>,
}

impl Picture {
    /// The whole picture's size: the chart, the header above it and the margins.
    pub fn size(&self) -> (f64, f64) {
        ((self.width + 2.0 * MARGIN).ceil(), (self.height + self.header() + 2.0 * MARGIN).ceil())
    }

    /// What the title and the scenario's lines take above the chart.
    fn header(&self) -> f64 {
        TITLE_SIZE + 8.0 + self.subtitle_lines().len() as f64 * SUBTITLE_LINE + 10.0
    }

    /// The scenario line, broken at its " · " where the chart is too narrow for it whole.
    pub fn subtitle_lines(&self) -> Vec<String> {
        let fits = ((self.width / SUBTITLE_CHAR) as usize).max(24);
        let mut lines: Vec<String> = Vec::new();
        for part in self.subtitle.split(" · ") {
            match lines.last_mut() {
                Some(line) if line.chars().count() + 3 + part.chars().count() <= fits => {
                    line.push_str(" · ");
                    line.push_str(part);
                }
                _ => lines.push(part.to_string()),
            }
        }
        lines
    }

    /// The PNG's size in pixels: twice the picture's CSS size.
    pub fn png_size(&self) -> (u32, u32) {
        let (w, h) = self.size();
        ((w * PNG_SCALE) as u32, (h * PNG_SCALE) as u32)
    }

    /// The SVG document.
    pub fn to_svg(&self) -> String {
        let (w, h) = self.size();
        let (w, h) = (n(w), n(h));
        let mut out = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
             xml:lang=\"{}\" font-family=\"{}\">\n<title>{}</title>\n<desc>{}</desc>\n",
            escape(&self.lang),
            escape(FONTS),
            escape(&self.title),
            escape(&self.subtitle)
        );
        out += &format!("<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n", escape(&self.background));
        let ink = escape(&self.ink);
        out += &format!(
            "<text x=\"{m}\" y=\"{}\" font-size=\"{TITLE_SIZE}\" font-weight=\"700\" fill=\"{ink}\">{}</text>\n",
            n(MARGIN + TITLE_SIZE),
            escape(&self.title),
            m = n(MARGIN)
        );
        for (i, line) in self.subtitle_lines().iter().enumerate() {
            out += &format!(
                "<text x=\"{m}\" y=\"{}\" font-size=\"{SUBTITLE_SIZE}\" fill=\"{ink}\" fill-opacity=\"0.75\">{}</text>\n",
                n(MARGIN + TITLE_SIZE + 8.0 + SUBTITLE_SIZE + i as f64 * SUBTITLE_LINE),
                escape(line),
                m = n(MARGIN)
            );
        }
        out += &format!("<g transform=\"translate({} {})\">\n", n(MARGIN), n(MARGIN + self.header()));
        for shape in &self.shapes {
            out += &shape_markup(shape);
            out.push('\n');
        }
        out += "</g>\n</svg>\n";
        out
    }
}

fn shape_markup(shape: &Shape) -> String {
    match shape {
        Shape::Rect { x, y, w, h, fill, radius, opacity } => {
            let mut s = format!("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"", n(*x), n(*y), n(*w), n(*h), escape(fill));
            if *radius > 0.0 {
                s += &format!(" rx=\"{}\"", n(*radius));
            }
            if *opacity < 1.0 {
                s += &format!(" opacity=\"{}\"", n(*opacity));
            }
            s + "/>"
        }
        Shape::Text { x, y, text, size, weight, fill, family, mono } => {
            let family = if *mono { format!("{family}, 'DejaVu Sans Mono', monospace") } else { format!("{family}, {FONTS}") };
            format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"{weight}\" fill=\"{}\" font-family=\"{}\" xml:space=\"preserve\">{}</text>",
                n(*x),
                n(*y),
                n(*size),
                escape(fill),
                escape(&family),
                escape(text)
            )
        }
        Shape::Svg { x, y, w, h, markup } => {
            format!("<g transform=\"translate({} {})\"><svg width=\"{}\" height=\"{}\"{markup}</g>", n(*x), n(*y), n(*w), n(*h))
        }
    }
}

/// A number for an attribute: two decimals at most, no trailing zeros.
fn n(v: f64) -> String {
    if v.is_finite() {
        trimmed(v, 2)
    } else {
        "0".into()
    }
}

/// The shapes below `top`, moved up by it: a chart with what lies above `top` (its heading, the
/// picture's title) left out. A box is left out only when it ends above `top`, words when their
/// baseline is above it.
pub fn crop_top(shapes: Vec<Shape>, top: f64) -> Vec<Shape> {
    shapes
        .into_iter()
        .filter(|shape| match shape {
            Shape::Rect { y, h, .. } => y + h > top,
            Shape::Text { y, .. } => *y > top,
            Shape::Svg { .. } => true,
        })
        .map(|mut shape| {
            let (Shape::Rect { y, .. } | Shape::Text { y, .. } | Shape::Svg { y, .. }) = &mut shape;
            *y -= top;
            shape
        })
        .collect()
}

/// Text and attribute values made safe for XML: the five escapes, and no control characters
/// (XML 1.0 allows none but tab, newline and carriage return).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out += "&amp;",
            '<' => out += "&lt;",
            '>' => out += "&gt;",
            '"' => out += "&quot;",
            '\'' => out += "&apos;",
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A colour that paints: not `transparent`, not `rgba(…, 0)` (nor `… / 0)`); `rgb(230, 159, 0)` does.
pub fn visible_color(color: &str) -> bool {
    if color.is_empty() || color == "transparent" {
        return false;
    }
    let alpha = match (color.strip_prefix("rgba("), color.rfind(" / ")) {
        (Some(inner), _) => inner.trim_end_matches(')').rsplit(',').next(),
        (None, Some(at)) => Some(color[at + 3..].trim_end_matches(')')),
        (None, None) => None,
    };
    alpha.and_then(|a| a.trim().parse::<f64>().ok()).is_none_or(|a| a > 0.0)
}

/// The first colour that paints among those a gradient names (`rgb(…)`, `rgba(…)`).
pub fn first_color(image: &str) -> Option<String> {
    let mut rest = image;
    while let Some(at) = rest.find("rgb") {
        let end = rest[at..].find(')')?;
        let color = &rest[at..=at + end];
        if visible_color(color) {
            return Some(color.to_string());
        }
        rest = &rest[at + end..];
    }
    None
}

/// A picture's file name: the chart and the language, "race-ru.svg".
pub fn file_name(chart: &str, lang: &str, format: PictureFormat) -> String {
    let extension = format.extension();
    let safe = |s: &str| s.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect::<String>();
    format!("sync-vs-async-{}-{}.{}", safe(chart), safe(lang), safe(extension))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picture() -> Picture {
        Picture {
            width: 400.0,
            height: 120.0,
            background: "rgb(255, 255, 255)".into(),
            ink: "rgb(20, 20, 20)".into(),
            lang: "ru".into(),
            title: "Общее время: все способы рядом".into(),
            subtitle: "2 запроса: 300 мс, 800 мс · измерено в Chromium 156".into(),
            shapes: vec![
                Shape::Rect { x: 10.0, y: 4.0, w: 200.5, h: 16.0, fill: "rgb(0, 102, 170)".into(), radius: 2.0, opacity: 1.0 },
                Shape::Text {
                    x: 215.0,
                    y: 16.0,
                    text: "1\u{202f}102 мс <×1,00> & \"ok\"".into(),
                    size: 13.0,
                    weight: 400,
                    fill: "rgb(20, 20, 20)".into(),
                    family: "system-ui".into(),
                    mono: false,
                },
                Shape::Svg {
                    x: 0.0,
                    y: 40.0,
                    w: 400.0,
                    h: 30.0,
                    markup: " viewBox=\"0 0 100 30\"><rect width=\"50\" height=\"30\"/></svg>".into(),
                },
            ],
        }
    }

    #[test]
    fn a_picture_is_one_svg_with_its_words_as_text() {
        let svg = picture().to_svg();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("<title>Общее время: все способы рядом</title>"));
        assert!(svg.contains(">2 запроса: 300 мс, 800 мс · измерено в Chromium 156</text>"));
        // The measured total is text, escaped, not a path.
        assert!(svg.contains(">1\u{202f}102 мс &lt;×1,00&gt; &amp; &quot;ok&quot;</text>"));
        assert!(!svg.contains("<path"));
        assert!(svg.contains("xml:lang=\"ru\""));
        assert!(svg.contains("<rect width=\"100%\" height=\"100%\" fill=\"rgb(255, 255, 255)\"/>"));
        assert!(svg.contains("<rect x=\"10\" y=\"4\" width=\"200.5\" height=\"16\" fill=\"rgb(0, 102, 170)\" rx=\"2\"/>"));
        assert!(svg.contains("<svg width=\"400\" height=\"30\" viewBox=\"0 0 100 30\"><rect width=\"50\" height=\"30\"/></svg>"));
        // Balanced: every element opened is closed.
        let opened = svg.matches("<svg").count() + svg.matches("<g ").count() + svg.matches("<text").count();
        let closed = svg.matches("</svg>").count() + svg.matches("</g>").count() + svg.matches("</text>").count();
        assert_eq!(opened, closed);
    }

    #[test]
    fn the_png_is_twice_the_pictures_css_size() {
        let p = picture();
        let header = TITLE_SIZE + 8.0 + SUBTITLE_LINE + 10.0;
        assert_eq!(p.size(), (432.0, (120.0 + header + 32.0).ceil()));
        assert_eq!(p.png_size(), (864, ((120.0 + header + 32.0).ceil() * 2.0) as u32));
    }

    #[test]
    fn a_narrow_chart_breaks_its_scenario_line_at_its_dots() {
        let mut p = picture();
        p.subtitle = "6 запросов: 100 мс, 380 мс, 660 мс, 940 мс, … · обработка 20 мс · измерено в Chromium 156".into();
        p.width = 700.0;
        assert_eq!(p.subtitle_lines().len(), 1, "700 px holds it whole");
        let (_, short) = p.size();
        p.width = 300.0;
        assert_eq!(p.subtitle_lines(), ["6 запросов: 100 мс, 380 мс, 660 мс, 940 мс, …", "обработка 20 мс · измерено в Chromium 156"]);
        let svg = p.to_svg();
        assert!(svg.contains(">обработка 20 мс · измерено в Chromium 156</text>"));
        assert_eq!(p.size().1, short + SUBTITLE_LINE, "a second line makes the picture taller by one line");
    }

    #[test]
    fn a_colour_paints_unless_it_is_transparent() {
        assert!(visible_color("rgb(230, 159, 0)"), "blue 0 is a colour");
        assert!(visible_color("rgba(0, 114, 178, 0.35)"));
        assert!(!visible_color("rgba(0, 0, 0, 0)"));
        assert!(!visible_color("transparent") && !visible_color(""));
        assert!(!visible_color("color(srgb 1 0 0 / 0)") && visible_color("color(srgb 1 0 0 / 0.5)"));
        let stripes = "repeating-linear-gradient(45deg, rgba(0, 0, 0, 0) 0px, rgb(179, 38, 30) 4px)";
        assert_eq!(first_color(stripes).as_deref(), Some("rgb(179, 38, 30)"));
        assert_eq!(first_color("none"), None);
    }

    #[test]
    fn cropping_leaves_out_what_lies_above_and_moves_the_rest_up() {
        let shapes = picture().shapes;
        // The bar (4–20) ends above 30, the words' baseline (16) is above it; the SVG (at 40) stays.
        let cropped = crop_top(shapes.clone(), 30.0);
        assert_eq!(cropped.len(), 1);
        assert!(matches!(cropped[0], Shape::Svg { y, .. } if y == 10.0));
        // Cut through the bar (ends at 20 > 10): it stays, moved up; the words (baseline 16) stay.
        let cropped = crop_top(shapes, 10.0);
        assert_eq!(cropped.len(), 3);
        assert!(matches!(cropped[0], Shape::Rect { y, .. } if y == -6.0));
        assert!(matches!(cropped[1], Shape::Text { y, .. } if y == 6.0));
    }

    #[test]
    fn escaping_leaves_nothing_xml_cannot_hold() {
        assert_eq!(escape("a<b>&'\"\u{1}\u{7}\tc"), "a&lt;b&gt;&amp;&apos;&quot;\tc");
        assert_eq!(n(f64::NAN), "0");
        assert_eq!(n(12.3456), "12.35");
        assert_eq!(file_name("race", "ru", PictureFormat::Svg), "sync-vs-async-race-ru.svg");
        assert_eq!(file_name("sequence-synchronous", "en", PictureFormat::Note), "sync-vs-async-sequence-synchronous-en.png");
        for format in PictureFormat::ALL {
            assert_eq!(PictureFormat::from_key(format.key()), Some(format));
        }
        assert_eq!(PictureFormat::from_key("gif"), None);
        assert_eq!(file_name("../x", "e n", PictureFormat::Png), "sync-vs-async-x-en.png");
    }
}
