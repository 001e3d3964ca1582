//! The explanation panels: every panel shows the same moment while stepping, scrubbing and
//! playing; the page reads in one language throughout.

use std::time::Duration;

use e2e::{Browser, StaticServer};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};

async fn open(query: &str) -> (Browser, StaticServer) {
    e2e::open_lab(query, 1400, 1000).await
}

/// The moment each panel shows, the current step, the thread's state and the lit code line.
async fn panels(b: &Browser) -> Value {
    b.js("const q = s => document.querySelector(s);
          const cur = q('[data-testid=step][aria-current=step]');
          return {
            loop: q('[data-testid=event-loop]').dataset.momentMs,
            sequence: q('[data-testid=sequence-diagram]').dataset.momentMs,
            waterfall: q('[data-testid=waterfall-cursor]').dataset.momentMs,
            step: cur ? parseInt(cur.dataset.index) : null,
            stepAt: cur ? cur.dataset.atMs : null,
            thread: q('[data-testid=thread-state]').textContent,
            python: q('[data-testid=code][data-lang=python]').dataset.currentLine ?? null,
            rust: q('[data-testid=code][data-lang=rust]').dataset.currentLine ?? null,
          };")
        .await
}

fn same_moment(p: &Value) -> String {
    let m = p["loop"].as_str().unwrap().to_string();
    assert_eq!(p["sequence"].as_str(), Some(m.as_str()), "sequence diagram vs event loop: {p}");
    assert_eq!(p["waterfall"].as_str(), Some(m.as_str()), "waterfall vs event loop: {p}");
    m
}

/// Ten thousand requests one after another (2 h 10 min by the model): the sequence diagram draws
/// the first forty on their own time scale and sums up the rest; no text in it has more than
/// four digits before its unit, in either language, wherever the moment is.
#[tokio::test]
async fn ten_thousand_requests_in_sequence_read_at_every_moment() {
    for lang in ["en", "ru"] {
        let (b, _server) = open(&format!("preset=random&n=10000&seed=5&mode=sequential&lang={lang}")).await;
        b.wait_until("document.querySelector('[data-testid=sequence-rest]')", Duration::from_secs(10), "the summed-up rest").await;
        let words = "return [...document.querySelector('[data-testid=sequence-diagram]').querySelectorAll('text, p, figcaption')].map(t => t.textContent);";
        for at in ["0", "0.5", "1"] {
            // The moment: at the start, half way (past the forty drawn), at the end.
            b.js(&format!(
                "const s = document.querySelector('[data-testid=replay-scrub]'); Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(s, String(Math.round(s.max * {at}))); s.dispatchEvent(new Event('input', {{bubbles: true}})); return 0;"
            ))
            .await;
            let texts: Vec<String> = serde_json::from_value(b.js(words).await).expect("the diagram's words");
            for text in &texts {
                let longest = text
                    .split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '\u{202f}' || c == '\u{a0}'))
                    .map(|run| run.chars().filter(char::is_ascii_digit).count())
                    .max()
                    .unwrap_or(0);
                assert!(longest <= 4, "{lang}, moment at {at}: {text:?} has a number of {longest} digits");
            }
            assert!(texts.iter().any(|t| t.contains("9,960") || t.contains("9\u{202f}960")), "{lang}: the rest is counted: {texts:?}");
        }
        let arrows = b.js("return document.querySelectorAll('[data-testid=sequence-diagram] .seq-pair').length;").await;
        assert_eq!(arrows, json!(40), "{lang}: forty arrows");
        b.close().await;
    }
}

#[tokio::test]
async fn play_moves_the_moment_forward_and_stops_at_the_end() {
    let (b, _server) = open("lat=400,600&mode=concurrent&autorun=1").await;
    b.wait_for_state(&["done"], Duration::from_secs(15)).await;
    // From the end, play starts over.
    // A quarter of real speed: the 600 ms run replays over 2.4 s, slow enough to catch it midway
    // even on a busy machine.
    b.js("const s = document.querySelector('[data-testid=replay-speed]'); s.value = [...s.options].find(o => o.textContent.startsWith('0.25')).value; s.dispatchEvent(new Event('change', {bubbles: true})); return 0;").await;
    b.click("replay-play").await;
    b.wait_until(
        "document.querySelector('[data-testid=replay-play]').getAttribute('aria-pressed') === 'true'",
        Duration::from_secs(2),
        "play to start",
    )
    .await;
    let early: f64 = panels(&b).await["loop"].as_str().unwrap().parse().unwrap();
    assert!(early < 400.0, "play restarted from the beginning: {early}");
    b.wait_until(
        "document.querySelector('[data-testid=replay-play]').getAttribute('aria-pressed') === 'false'",
        Duration::from_secs(10),
        "play to stop at the end",
    )
    .await;
    let p = panels(&b).await;
    let end: f64 = same_moment(&p).parse().unwrap();
    assert!(end >= 590.0, "stopped at the end: {p}");
    assert_eq!(p["step"], json!(3));
    b.close().await;
}

#[tokio::test]
async fn russian_throughout_and_english_throughout() {
    let (b, _server) = open("preset=staggered&n=4&mode=compare&limit=2&lang=ru&autorun=1").await;
    b.wait_for_state(&["done"], Duration::from_secs(30)).await;
    // Read as e2e::reading reads it (tests/russian.rs reads six more states).
    let (_, problems) = e2e::reading::read_russian(&b, "a staggered Compare, k = 2").await;
    assert!(problems.is_empty(), "{problems}");

    // The switch turns the same page English, and the link keeps it.
    b.client.find(Locator::Css("[data-testid=lang] [data-lang=en]")).await.unwrap().click().await.unwrap();
    b.wait_until("location.search.includes('lang=en')", Duration::from_secs(3), "the link to carry lang=en").await;
    let text = b
        .js("const clone = document.body.cloneNode(true);
             clone.querySelectorAll('pre, textarea, noscript, [data-testid=lang]').forEach(e => e.remove());
             return clone.textContent;")
        .await;
    let cyrillic: String = text.as_str().unwrap().chars().filter(|c| ('\u{400}'..='\u{4ff}').contains(c)).collect();
    assert!(cyrillic.is_empty(), "Russian left on the English page: {cyrillic}");
    assert_eq!(b.js("return document.documentElement.lang;").await, json!("en"));
    b.close().await;
}

#[tokio::test]
async fn the_notes_four_steps_in_russian_for_two_concurrent_requests() {
    // The note's table, typeset: "HTTP-запрос", "ждёт", "2-й" (text::tests has it row for row).
    let (b, _server) = open("preset=note&mode=concurrent&lang=ru&autorun=1").await;
    b.wait_for_state(&["done"], Duration::from_secs(15)).await;
    let rows = b.js("return [...document.querySelectorAll('[data-testid=step] td:nth-child(2)')].map(td => td.textContent);").await;
    assert_eq!(
        rows,
        json!([
            "Клиент отправляет HTTP-запрос к серверу.",
            "Программа ждёт ответа от сервера и отправляет 2-й HTTP-запрос к серверу.",
            "Сервер отправляет ответы клиенту.",
            "Клиент обрабатывает ответы.",
        ])
    );
    let langs = b.js("return [...document.querySelectorAll('[data-testid=code]')].map(c => c.dataset.lang);").await;
    assert_eq!(langs, json!(["python", "rust", "js"]));
    b.close().await;
}

#[tokio::test]
async fn the_sequence_diagrams_request_numbers_never_overlap() {
    // Twelve requests sent at the same moment: twelve labels, each on its own line.
    let (b, _server) = open("preset=equal&n=12&mode=concurrent").await;
    let boxes = b
        .js("return [...document.querySelectorAll('[data-testid=sequence-diagram] .seq-label')].map(t => { const r = t.getBBox(); return [r.y, r.y + r.height]; });")
        .await;
    let boxes: Vec<(f64, f64)> = serde_json::from_value(boxes).expect("label boxes");
    assert_eq!(boxes.len(), 12, "{boxes:?}");
    for pair in boxes.windows(2) {
        assert!(pair[1].0 >= pair[0].1 - 0.5, "labels overlap: {pair:?}");
    }
    b.close().await;
}

/// The core set: run in Chromium, Firefox and WebKit (`LAB_ENGINE`, README "Browsers").
mod every_engine {
    use super::*;

    #[tokio::test]
    async fn stepping_back_and_scrubbing_move_every_panel_to_the_same_moment() {
        let (b, _server) = open("preset=note&mode=blocking&autorun=1").await;
        b.wait_for_state(&["done"], Duration::from_secs(15)).await;
        let steps = b.js("return document.querySelectorAll('[data-testid=step]').length;").await;
        assert_eq!(steps, json!(8), "the note's eight steps");

        // At the end: the last step, the thread done, no code line lit.
        let end = panels(&b).await;
        same_moment(&end);
        assert_eq!(end["step"], json!(7));
        assert_eq!(end["python"], Value::Null);

        // Step back to step 6 (index 5): the 2nd request's blocked wait, from its send at ~300 ms.
        // Each press is waited for: WebKit answered the second before drawing the first.
        let at_step = |i: usize| format!("document.querySelector('[data-testid=step][aria-current=step]')?.dataset.index === '{i}'");
        b.click("replay-back").await;
        b.wait_until(&at_step(6), Duration::from_secs(5), "step 7 after one press").await;
        b.click("replay-back").await;
        b.wait_until(&at_step(5), Duration::from_secs(5), "step 6 after two presses").await;
        let p = panels(&b).await;
        let m = same_moment(&p);
        assert_eq!(p["step"], json!(5));
        assert_eq!(p["stepAt"].as_str(), Some(m.as_str()), "stepping lands on the step's own moment");
        assert!(p["thread"].as_str().unwrap().contains("request 2"), "{p}");
        assert_eq!(p["python"], json!("4"), "requests.get(url) is lit while blocked");
        assert_eq!(p["rust"], json!("2"), "busy_wait(latency) is lit while blocked");

        // And forward again.
        b.click("replay-forward").await;
        b.wait_until(&at_step(6), Duration::from_secs(5), "step 7 after a press forward").await;

        // Scrub to 150 ms with the slider: the first request's wait, step 2.
        b.set_field("replay-scrub", "150").await;
        // Each change is waited for (WebKit has answered a read before drawing the change).
        let at_moment = |ms: &str| format!("document.querySelector('[data-testid=event-loop]').dataset.momentMs === '{ms}'");
        b.wait_until(&at_moment("150.0"), Duration::from_secs(5), "the slider's moment").await;
        let p = panels(&b).await;
        assert_eq!(same_moment(&p), "150.0");
        assert_eq!(p["step"], json!(1));
        assert!(p["thread"].as_str().unwrap().contains("request 1"), "{p}");

        // Keyboard: the arrows step, from the event-loop panel.
        let panel = b.client.find(Locator::Css("[data-testid=event-loop]")).await.unwrap();
        panel.send_keys(&Key::Right).await.unwrap();
        b.wait_until(&at_step(2), Duration::from_secs(5), "step 3 after the right arrow").await;
        panel.send_keys(&Key::Left).await.unwrap();
        b.wait_until(&at_step(1), Duration::from_secs(5), "step 2 after the left arrow").await;
        panel.send_keys(&Key::Left).await.unwrap();
        b.wait_until(&at_step(0), Duration::from_secs(5), "step 1 after the left arrow twice").await;
        let before = panels(&b).await["loop"].clone();

        // Click on the waterfall near its right edge: the moment jumps there, in every panel.
        b.js("const svg = document.querySelector('.wf-chart'); const r = svg.getBoundingClientRect();
              svg.dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: r.left + r.width * 0.5, clientY: r.top + 5})); return 0;")
            .await;
        b.wait_until(&format!("!({})", at_moment(before.as_str().unwrap_or_default())), Duration::from_secs(5), "the clicked moment").await;
        let p = panels(&b).await;
        let m: f64 = same_moment(&p).parse().unwrap();
        assert!(m > 300.0 && m < 1100.0, "half-way along the axis: {m}");
        assert_eq!(p["step"], json!(5));
        b.close().await;
    }
}
