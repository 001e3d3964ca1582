//! Pictures for the note (issue 24): every chart downloads as SVG and as PNG; the SVG is XML
//! holding the chart's measured totals as text, in the page's language and theme; the PNG is
//! the SVG at twice its size. In all three engines (the core set).

use std::time::Duration;

use e2e::{open_lab, Browser};
use serde_json::{json, Value};
use sync_vs_async::text::RU;

/// Keeps each picture the page saves (its name and its blob's address) instead of letting the
/// browser download it: the test reads the file itself.
const CATCH: &str = "window.pictures = [];
document.addEventListener('click', (e) => {
  const a = e.target.closest && e.target.closest('a[data-picture-file]');
  if (a) { e.preventDefault(); window.pictures.push({ name: a.download, blob: a.picture }); }
}, true);
return null;";

/// The last picture kept: an SVG's text and whether it parses as SVG, or a PNG's pixel size.
const READ_TAKEN: &str = "return (async () => {
const blob = window.pictures.at(-1).blob;
if (blob.type === 'image/svg+xml') {
  const text = await blob.text();
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  return { type: blob.type, text, xml: !doc.querySelector('parsererror') && doc.documentElement.localName === 'svg' };
}
const img = await createImageBitmap(blob);
return { type: blob.type, width: img.width, height: img.height };
})();";

const CHARTS: [&str; 5] = ["totals", "race", "waterfall", "sequence", "growth"];

/// The lab at `query`, its pictures caught, after `press` (run or compare) has ended.
async fn ran(query: &str, width: u32, height: u32, press: &str) -> (Browser, e2e::StaticServer) {
    let (b, server) = open_lab(query, width, height).await;
    b.js(CATCH).await;
    b.click(press).await;
    b.wait_for_state(&["done"], Duration::from_secs(30)).await;
    (b, server)
}

/// Presses `format` in `chart`'s menu and waits for what the menu says of it (and, with
/// `gone`, for a condition after it): the menu's words.
async fn press(b: &Browser, chart: &str, format: &str, gone: &str) -> String {
    let menu = format!("[data-picture={chart}] .picture-menu");
    b.js(&format!(
        "const m = document.querySelector('{menu}'); m.open = true; m.scrollIntoView({{block: 'center'}}); \
         m.querySelector('[data-picture-said]').textContent = ''; m.querySelector('[data-picture-format={format}]').click(); return null;"
    ))
    .await;
    let said = format!("document.querySelector('{menu} [data-picture-said]').textContent");
    b.wait_until(&format!("{said} !== '' {gone}"), Duration::from_secs(30), &format!("the {chart} picture as {format}")).await;
    b.js(&format!("return {said};")).await.as_str().unwrap_or_default().to_string()
}

/// Takes `chart` away as `format` through its menu; the file's name and its content (the SVG's
/// text, or the PNG's pixel size and type).
async fn take(b: &Browser, chart: &str, format: &str) -> (String, Value) {
    let said = press(b, chart, format, "").await;
    let taken = b.js("const p = window.pictures.at(-1); return p ? { name: p.name } : null;").await;
    assert!(!taken.is_null() && taken["name"].as_str().unwrap_or("").ends_with(format), "{chart} {format}: {said}");
    let content = b.js(READ_TAKEN).await;
    (taken["name"].as_str().unwrap_or_default().to_string(), content)
}

/// The width and height an SVG says it has.
fn svg_size(svg: &str) -> (f64, f64) {
    let attr = |name: &str| {
        let at = svg.find(&format!(" {name}=\"")).expect("the size") + name.len() + 3;
        svg[at..at + svg[at..].find('"').unwrap()].parse::<f64>().expect("a number")
    };
    (attr("width"), attr("height"))
}

/// The picture's background: the first full-size rectangle's fill, as (r, g, b).
fn background(svg: &str) -> (u32, u32, u32) {
    let needle = "<rect width=\"100%\" height=\"100%\" fill=\"rgb(";
    let at = svg.find(needle).expect("a background") + needle.len();
    let rgb: Vec<u32> = svg[at..at + svg[at..].find(')').unwrap()].split(',').map(|v| v.trim().parse().unwrap()).collect();
    (rgb[0], rgb[1], rgb[2])
}

/// A picture is for a reader without the page: no saved picture asks to click, tap or press
/// in either language; and a note says "faint"
/// only while something faint is drawn, in a picture and on the page.
#[tokio::test]
async fn a_saved_picture_carries_none_of_the_pages_instructions() {
    for lang in ["en", "ru"] {
        let (b, _server) = open_lab(&format!("preset=note&mode=compare&lang={lang}"), 1280, 1000).await;
        b.js(CATCH).await;
        // What the notes show: a clause that does not apply keeps its place, unseen.
        let notes = "return [...document.querySelectorAll('.chart-note')].map(n => { const c = n.cloneNode(true); c.querySelectorAll('.unsaid').forEach(u => u.remove()); return c.textContent; }).join(' ');";
        let before = b.js(notes).await.as_str().unwrap_or_default().to_lowercase();
        assert!(before.contains("faint") || before.contains("бледн"), "{lang}: before a run the faint predictions are named: {before}");
        b.click("compare").await;
        b.wait_for_state(&["done"], Duration::from_secs(30)).await;
        let after = b.js(notes).await.as_str().unwrap_or_default().to_lowercase();
        assert!(!after.contains("faint") && !after.contains("бледн"), "{lang}: nothing faint is drawn after Compare: {after}");
        for chart in CHARTS {
            let (_, svg) = take(&b, chart, "svg").await;
            let words: String = svg["text"]
                .as_str()
                .unwrap_or_default()
                .split('<')
                .filter_map(|tag| tag.split_once('>').map(|(_, text)| text))
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            for asks in ["click", "tap ", "press", "нажм", "коснит", "щёлкн", "щелкн", "faint", "бледн"] {
                assert!(!words.contains(asks), "{lang} {chart}: the picture says {asks:?}: {words}");
            }
            if let Ok(dir) = std::env::var("E2E_PICTURES_TO") {
                std::fs::write(format!("{dir}/{chart}-{lang}.svg"), svg["text"].as_str().unwrap_or_default()).unwrap();
            }
        }
        b.close().await;
    }
}

/// The core set: run in Chromium, Firefox and WebKit (`LAB_ENGINE`, README "Browsers").
mod every_engine {
    use super::*;

    #[tokio::test]
    async fn every_chart_downloads_as_svg_and_png_in_the_pages_language_with_its_totals_as_text() {
        let (b, _server) = ran("preset=note&mode=compare&lang=ru", 1280, 1000, "compare").await;
        let rows = b.results().await;
        for chart in CHARTS {
            let (name, svg) = take(&b, chart, "svg").await;
            assert_eq!(name, format!("sync-vs-async-{chart}-ru.svg"));
            assert_eq!(svg["type"], json!("image/svg+xml"), "{chart}");
            assert_eq!(svg["xml"], json!(true), "{chart}: the SVG parses as XML");
            let text = svg["text"].as_str().unwrap_or_default();
            assert!(text.contains("xml:lang=\"ru\"") && text.contains("измерено в "), "{chart}: a Russian picture, measured");
            assert!(!text.contains("<foreignObject") && text.contains("</text>"), "{chart}: its words are SVG text");
            if chart == "totals" {
                assert!(text.contains(RU.totals.heading), "the title");
                for row in &rows {
                    let total = RU.total(row.total);
                    assert!(text.contains(&format!(">{total} · ×")), "the measured total {total} as text");
                }
            }
            let (_, png) = take(&b, chart, "png").await;
            assert_eq!(png["type"], json!("image/png"), "{chart}");
            let (w, h) = svg_size(text);
            assert_eq!(
                (png["width"].as_f64(), png["height"].as_f64()),
                (Some(2.0 * w), Some(2.0 * h)),
                "{chart}: the PNG at twice the size"
            );
        }
        // Copy image: offered only where the clipboard takes images, and it says what came of it.
        let offered = b.js("return [document.documentElement.hasAttribute('data-copy-images'), !!(navigator.clipboard && navigator.clipboard.write && window.ClipboardItem)];").await;
        assert_eq!(offered[0], offered[1], "Copy image where the clipboard allows it");
        if offered[0] == json!(true) {
            // Copied, or (a headless browser may refuse the clipboard) the reason, in Russian.
            let refused = RU.picture.failed.split("{}").next().unwrap_or_default();
            let said = press(&b, "totals", "copy", "").await;
            assert!(said == RU.picture.copied || said.starts_with(refused), "{said}");
            eprintln!("Copy image said: {said}");
        }
        b.close().await;
    }

    /// "Pictures for the note": the note's two sequence diagrams at once, synchronous and
    /// asynchronous, as PNG — whichever strategy the page shows.
    #[tokio::test]
    async fn pictures_for_the_note_are_its_two_sequence_diagrams() {
        let (b, _server) = ran("preset=note&mode=sequential&lang=ru", 1280, 1000, "run").await;
        press(&b, "sequence", "note", "&& !document.querySelector('[data-testid=note-pictures]')").await;
        let taken = b
            .js("return Promise.all(window.pictures.map(async (p) => { const i = await createImageBitmap(p.blob); return [p.name, p.blob.type, i.width > 400 && i.height > 400]; }));")
            .await;
        assert_eq!(
            taken,
            json!([
                ["sync-vs-async-sequence-synchronous-ru.png", "image/png", true],
                ["sync-vs-async-sequence-asynchronous-ru.png", "image/png", true]
            ])
        );
        b.close().await;
    }

    #[tokio::test]
    async fn a_picture_of_the_dark_embed_is_dark() {
        let (b, _server) = ran("preset=note&mode=compare&embed=1&theme=dark&lang=ru", 720, 900, "compare").await;
        let (_, svg) = take(&b, "totals", "svg").await;
        let text = svg["text"].as_str().unwrap_or_default();
        let (r, g, bl) = background(text);
        assert!(r + g + bl < 3 * 80, "a dark background: rgb({r}, {g}, {bl})");
        assert!(text.contains("Общее время"), "in Russian");
        b.close().await;
    }
}
