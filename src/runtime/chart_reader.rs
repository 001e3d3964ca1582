//! Answers a picture menu's button (`press`): reads the chart it sits in as the page draws it into
//! a `model::picture::Picture`, and turns that into a file — SVG, PNG at twice the size, or a PNG
//! on the clipboard — or, for "Pictures for the note", asks the page for the note's two diagrams
//! and takes both. Says what came of it in the menu, in the page's language. Only the pictures'
//! module (`src/pictures.rs`, loaded on first use) calls this: the lab's first load carries none
//! of it.
//!
//! What is read: every box with a background or a border (bars, swatches, lanes), every line of
//! words (real text, with its font, size, weight and colour), and each SVG the chart holds, its
//! computed styles written onto its elements so that it looks the same on its own. Not read: what
//! a reader does not see (hidden, `display: none`, visually hidden text) and what is marked
//! `data-picture-skip` (the picture menu itself, and the page's instructions: a picture's reader
//! cannot click). An element marked `data-picture-plain` (a control) gives its words, not its box.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleDeclaration, DomRect, Element, Node};

use wasm_bindgen_futures::JsFuture;

use crate::model::picture::{
    crop_top, file_name, first_color, visible_color, Picture, PictureFailure, PictureFormat, Shape, NOTE_PICTURES,
};
use crate::model::presentation::Lang;
use crate::model::seams;
use crate::text::{fill, text, Text};

#[wasm_bindgen(inline_js = "
export function png(svg, width, height) {
  return new Promise((ok, fail) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      canvas.getContext('2d').drawImage(img, 0, 0, width, height);
      canvas.toBlob((blob) => (blob ? ok(blob) : fail(new Error('the canvas gave no PNG'))), 'image/png');
    };
    img.onerror = () => fail(new Error('the SVG did not draw'));
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
  });
}
export function svg_blob(svg) { return new Blob([svg], { type: 'image/svg+xml' }); }
export function save(blob, name) {
  const a = document.createElement('a');
  a.download = name;
  a.href = URL.createObjectURL(blob);
  a.dataset.pictureFile = name;
  a.picture = blob; // the file itself, for a reader of the page (the tests: a blob: address is no connect-src)
  a.hidden = true;
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 60000);
}
export function copy(blob) { return navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]); }
export function browser_name() {
  const ua = navigator.userAgent;
  for (const [name, pattern] of [['Firefox', /Firefox\\/(\\d+)/], ['Edge', /Edg\\/(\\d+)/], ['Chromium', /Chrom(?:e|ium)\\/(\\d+)/], ['Safari', /Version\\/(\\d+)[^ ]* Safari/], ['WebKit', /AppleWebKit\\/(\\d+)/]]) {
    const m = ua.match(pattern);
    if (m) return name + ' ' + m[1];
  }
  return '';
}
export function ask(name) { dispatchEvent(new Event(name)); }
export function frame() { return new Promise((ok) => requestAnimationFrame(() => ok())); }
")]
extern "C" {
    fn png(svg: &str, width: u32, height: u32) -> js_sys::Promise;
    fn svg_blob(svg: &str) -> JsValue;
    fn save(blob: &JsValue, name: &str);
    fn copy(blob: &JsValue) -> js_sys::Promise;
    /// The browser and its major version, as a picture names where it was measured: "Chromium 156".
    fn browser_name() -> String;
    fn ask(event: &str);
    fn frame() -> js_sys::Promise;
}

/// Answers a picture menu's `button`: takes its chart away as the button's format and says what
/// came of it in the menu, in the page's language.
pub async fn press(button: &Element) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let lang = document.document_element().and_then(|h| h.get_attribute("lang")).unwrap_or_default();
    let t = text(Lang::from_key(&lang).unwrap_or(Lang::En));
    let Some(menu) = button.closest(".picture-menu").ok().flatten() else { return };
    let Some(out) = menu.query_selector("[data-picture-said]").ok().flatten() else { return };
    out.set_text_content(Some(""));
    let _ = out.remove_attribute("data-file");
    match made(&document, button, &menu, t).await {
        Ok(Taken::Copied) => out.set_text_content(Some(t.picture.copied)),
        Ok(Taken::Saved(files)) => {
            out.set_text_content(Some(&fill(t.picture.saved, &[&files.join(", ")])));
            let _ = out.set_attribute("data-file", &files.join(" "));
        }
        Err(why) => out.set_text_content(Some(&t.picture.failure(&why))),
    }
}

/// The picture (or the note's two) that `button` of `menu` asks for.
async fn made(document: &web_sys::Document, button: &Element, menu: &Element, t: &Text) -> Result<Taken, PictureFailure> {
    let figure = menu.closest("[data-picture]").ok().flatten().ok_or(PictureFailure::NoChart)?;
    // The scenario the charts show, and whether it was measured (on the lab's root).
    let lab = document.query_selector("[data-picture-line]").map_err(failure)?;
    let line = lab.as_ref().and_then(|l| l.get_attribute("data-picture-line")).unwrap_or_default();
    let measured = lab.is_some_and(|l| l.has_attribute("data-picture-measured"));
    let browser = browser_name();
    let subtitle = t.picture_subtitle(&line, (measured && !browser.is_empty()).then_some(browser.as_str()));
    let format = button.get_attribute("data-picture-format").and_then(|f| PictureFormat::from_key(&f)).ok_or(PictureFailure::NoChart)?;
    if format == PictureFormat::Note {
        return note_pictures(document, t.lang.key(), &subtitle).await.map(Taken::Saved);
    }
    let chart = figure.get_attribute("data-picture").unwrap_or_default();
    let title = menu.get_attribute("data-picture-title").unwrap_or_default();
    take(&figure, &chart, format, t.lang.key(), &title, &subtitle).await.map_err(failure)
}

/// What the browser threw: its own words where it said some (an encoder, the clipboard); the
/// lab's own checks (an element not where the page draws it) are `NoChart`.
fn failure(thrown: JsValue) -> PictureFailure {
    match thrown.dyn_ref::<js_sys::Error>() {
        Some(error) => PictureFailure::Browser(error.message().into()),
        None => PictureFailure::NoChart,
    }
}

/// Asks the page to draw the note's two diagrams out of sight, takes both as PNG once they are
/// there (a few frames at most), and says they were taken, so that the page lets them go.
async fn note_pictures(document: &web_sys::Document, lang: &str, subtitle: &str) -> Result<Vec<String>, PictureFailure> {
    ask(seams::NOTE_PICTURES);
    let mut files = Vec::new();
    let result = async {
        for name in NOTE_PICTURES {
            let selector = format!(".note-pictures [data-note-picture={name}] [data-picture]");
            let mut figure = None;
            for _ in 0..60 {
                figure = document.query_selector(&selector).map_err(failure)?;
                if figure.is_some() {
                    break;
                }
                JsFuture::from(frame()).await.map_err(failure)?;
            }
            let figure = figure.ok_or(PictureFailure::NotDrawn)?;
            let title = figure
                .query_selector(".picture-menu")
                .ok()
                .flatten()
                .and_then(|m| m.get_attribute("data-picture-title"))
                .unwrap_or_default();
            if let Taken::Saved(saved) = take(&figure, name, PictureFormat::Png, lang, &title, subtitle).await.map_err(failure)? {
                files.extend(saved);
            }
        }
        Ok::<(), PictureFailure>(())
    }
    .await;
    ask(seams::NOTE_PICTURES_TAKEN);
    result.map(|()| files)
}

/// What came of taking a picture away: the files saved, or the image on the clipboard.
enum Taken {
    Saved(Vec<String>),
    Copied,
}

/// Takes `figure` away as `format` (not `Note`: that is two of them, `note_pictures`).
async fn take(figure: &Element, chart: &str, format: PictureFormat, lang: &str, title: &str, subtitle: &str) -> Result<Taken, JsValue> {
    let picture = read(figure, lang, title, subtitle)?;
    let svg = picture.to_svg();
    let (width, height) = picture.png_size();
    let name = file_name(chart, lang, format);
    match format {
        PictureFormat::Svg => {
            save(&svg_blob(&svg), &name);
            Ok(Taken::Saved(vec![name]))
        }
        PictureFormat::Copy => {
            let blob = JsFuture::from(png(&svg, width, height)).await?;
            JsFuture::from(copy(&blob)).await?;
            Ok(Taken::Copied)
        }
        PictureFormat::Png | PictureFormat::Note => {
            let blob = JsFuture::from(png(&svg, width, height)).await?;
            save(&blob, &name);
            Ok(Taken::Saved(vec![name]))
        }
    }
}

/// A chart's picture: `figure` read relative to its own box.
fn read(figure: &Element, lang: &str, title: &str, subtitle: &str) -> Result<Picture, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let origin = figure.get_bounding_client_rect();
    let mut shapes = Vec::new();
    walk(&window, figure, &origin, &mut shapes, true)?;
    // The chart's own heading is the picture's title: what is above its bottom is left out.
    let top = match figure.query_selector("[data-picture-heading]")? {
        Some(heading) => (heading.get_bounding_client_rect().bottom() - origin.top()).max(0.0),
        None => 0.0,
    };
    let shapes = crop_top(shapes, top);
    let style = window.get_computed_style(figure)?.ok_or("no style")?;
    Ok(Picture {
        width: origin.width(),
        height: origin.height() - top,
        background: background_of(&window, figure)?,
        ink: style.get_property_value("color")?,
        lang: lang.into(),
        title: title.into(),
        subtitle: subtitle.into(),
        shapes,
    })
}

/// The first opaque background from `element` up: the page's theme behind the chart.
fn background_of(window: &web_sys::Window, element: &Element) -> Result<String, JsValue> {
    let mut at = Some(element.clone());
    while let Some(e) = at {
        let color = window.get_computed_style(&e)?.ok_or("no style")?.get_property_value("background-color")?;
        if visible_color(&color) {
            return Ok(color);
        }
        at = e.parent_element();
    }
    Ok("rgb(255, 255, 255)".into())
}

fn px(style: &CssStyleDeclaration, name: &str) -> f64 {
    style.get_property_value(name).ok().and_then(|v| v.trim_end_matches("px").trim().parse().ok()).unwrap_or(0.0)
}

fn walk(window: &web_sys::Window, element: &Element, origin: &DomRect, out: &mut Vec<Shape>, root: bool) -> Result<(), JsValue> {
    if element.has_attribute("data-picture-skip") || element.has_attribute("data-picture-heading") || element.has_attribute("hidden") {
        return Ok(());
    }
    let style = window.get_computed_style(element)?.ok_or("no style")?;
    if style.get_property_value("display")? == "none" || style.get_property_value("visibility")? == "hidden" {
        return Ok(());
    }
    let r = element.get_bounding_client_rect();
    // Visually hidden text (for screen readers) is one pixel, clipped.
    if r.width() <= 1.0 && r.height() <= 1.0 && style.get_property_value("position")? == "absolute" {
        return Ok(());
    }
    let (x, y) = (r.left() - origin.left(), r.top() - origin.top());
    if element.namespace_uri().as_deref() == Some("http://www.w3.org/2000/svg") {
        if element.tag_name() == "svg" {
            out.push(Shape::Svg { x, y, w: r.width(), h: r.height(), markup: svg_markup(window, element)? });
        }
        return Ok(());
    }
    let opacity: f64 = style.get_property_value("opacity")?.parse().unwrap_or(1.0);
    // A control the page draws (a lane's name is a button) is words in a picture: no box.
    if !root && !element.has_attribute("data-picture-plain") {
        boxes(&style, x, y, r.width(), r.height(), opacity, out)?;
    }
    let children = element.child_nodes();
    for i in 0..children.length() {
        let Some(node) = children.get(i) else { continue };
        if node.node_type() == Node::TEXT_NODE {
            words(&node, &style, origin, out)?;
        } else if let Some(child) = node.dyn_ref::<Element>() {
            walk(window, child, origin, out, false)?;
        }
    }
    Ok(())
}

/// The element's background (its colour, or a gradient's first colour) and each side of its border.
fn boxes(style: &CssStyleDeclaration, x: f64, y: f64, w: f64, h: f64, opacity: f64, out: &mut Vec<Shape>) -> Result<(), JsValue> {
    let radius = px(style, "border-top-left-radius");
    let mut fill = style.get_property_value("background-color")?;
    if !visible_color(&fill) {
        let image = style.get_property_value("background-image")?;
        fill = first_color(&image).unwrap_or_default();
    }
    if visible_color(&fill) && w > 0.0 && h > 0.0 {
        out.push(Shape::Rect { x, y, w, h, fill, radius, opacity });
    }
    for (side, sx, sy, sw, sh) in [
        ("top", x, y, w, px(style, "border-top-width")),
        ("bottom", x, y + h - px(style, "border-bottom-width"), w, px(style, "border-bottom-width")),
        ("left", x, y, px(style, "border-left-width"), h),
        ("right", x + w - px(style, "border-right-width"), y, px(style, "border-right-width"), h),
    ] {
        let color = style.get_property_value(&format!("border-{side}-color"))?;
        let line = style.get_property_value(&format!("border-{side}-style"))?;
        if sw > 0.0 && sh > 0.0 && line != "none" && visible_color(&color) {
            out.push(Shape::Rect { x: sx, y: sy, w: sw, h: sh, fill: color, radius: 0.0, opacity });
        }
    }
    Ok(())
}

/// A text node's words as lines: words whose boxes share a top are one line.
fn words(node: &Node, style: &CssStyleDeclaration, origin: &DomRect, out: &mut Vec<Shape>) -> Result<(), JsValue> {
    let text = node.text_content().unwrap_or_default();
    if text.trim().is_empty() {
        return Ok(());
    }
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let range = document.create_range()?;
    let size = px(style, "font-size");
    let weight: u16 = style.get_property_value("font-weight")?.parse().unwrap_or(400);
    let fill = style.get_property_value("color")?;
    let family = style.get_property_value("font-family")?;
    let mono = family.contains("mono") || family.contains("Mono");
    let mut line: Option<(f64, f64, f64, String)> = None; // (left, top, bottom, words)
    let flush = |line: Option<(f64, f64, f64, String)>, out: &mut Vec<Shape>| {
        if let Some((left, top, bottom, words)) = line.filter(|l| !l.3.trim().is_empty()) {
            let baseline = (top + bottom + size * 0.7) / 2.0;
            out.push(Shape::Text {
                x: left - origin.left(),
                y: baseline - origin.top(),
                text: words.trim().to_string(),
                size,
                weight,
                fill: fill.clone(),
                family: family.clone(),
                mono,
            });
        }
    };
    // Each word by its UTF-16 offsets, as ranges count.
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut start = 0;
    while start < units.len() {
        let mut end = start;
        while end < units.len() && !is_space(units[end]) {
            end += 1;
        }
        while end < units.len() && is_space(units[end]) {
            end += 1;
        }
        range.set_start(node, start as u32)?;
        range.set_end(node, end as u32)?;
        let word = String::from_utf16_lossy(&units[start..end]);
        let r = range.get_bounding_client_rect();
        start = end;
        if r.width() <= 0.0 && r.height() <= 0.0 {
            continue;
        }
        match &mut line {
            Some((_, top, _, words)) if (r.top() - *top).abs() < size * 0.5 => words.push_str(&word),
            _ => {
                flush(line.take(), out);
                line = Some((r.left(), r.top(), r.bottom(), word));
            }
        }
    }
    flush(line, out);
    Ok(())
}

fn is_space(unit: u16) -> bool {
    unit == u16::from(b' ') || unit == u16::from(b'\n') || unit == u16::from(b'\t')
}

/// What an SVG's elements look like, written on them: the picture carries no stylesheet.
const SVG_STYLES: [&str; 17] = [
    "paint-order",
    "stroke-linecap",
    "stroke-linejoin",
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-opacity",
    "opacity",
    "font-size",
    "font-weight",
    "font-family",
    "text-anchor",
    "dominant-baseline",
    "marker-end",
    "visibility",
];

/// The SVG's markup after `<svg`, its own size left for the picture to give: `… viewBox="…">…</svg>`.
fn svg_markup(window: &web_sys::Window, svg: &Element) -> Result<String, JsValue> {
    let copy: Element = svg.clone_node_with_deep(true)?.dyn_into()?;
    let originals = svg.query_selector_all("*")?;
    let copies = copy.query_selector_all("*")?;
    let mut gone = Vec::new();
    for i in 0..originals.length() {
        let (Some(o), Some(c)) = (originals.get(i), copies.get(i)) else { continue };
        let (Ok(o), Ok(c)) = (o.dyn_into::<Element>(), c.dyn_into::<Element>()) else { continue };
        let style = window.get_computed_style(&o)?.ok_or("no style")?;
        if style.get_property_value("display")? == "none" {
            gone.push(c);
            continue;
        }
        let written: Vec<String> = SVG_STYLES
            .iter()
            .filter_map(|name| style.get_property_value(name).ok().filter(|v| !v.is_empty()).map(|v| format!("{name}:{v}")))
            .collect();
        c.set_attribute("style", &written.join(";"))?;
        c.remove_attribute("class")?;
        // Geometry the stylesheet gives (a point's radius): an attribute, which every viewer reads.
        for name in ["r", "rx", "ry"] {
            let value = style.get_property_value(name)?;
            if !o.has_attribute(name) && !value.is_empty() && value != "auto" {
                c.set_attribute(name, value.trim_end_matches("px"))?;
            }
        }
    }
    for c in gone {
        c.remove();
    }
    for name in ["width", "height", "class", "style", "data-testid"] {
        copy.remove_attribute(name)?;
    }
    let markup = web_sys::XmlSerializer::new()?.serialize_to_string(&copy)?;
    Ok(markup.strip_prefix("<svg").unwrap_or(&markup).to_string())
}
