//! Accessibility (issue 16): axe-core, the standard engine (pinned from npm by scripts/setup.sh,
//! `$AXE`), run in the page in every state a reader meets, both languages; and what a screen
//! reader is given for a comparison: the totals in words. Chromium only: the script goes in through
//! DevTools, which the page's Content-Security-Policy does not govern.

use std::time::Duration;

use e2e::{axe_violations, dist_dir, open_lab, Browser, StaticServer};

async fn assert_clean(b: &Browser, state: &str) {
    let found = axe_violations(b).await;
    assert!(found.is_empty(), "{state}: {} axe-core violations:\n{}", found.len(), found.join("\n"));
}

#[tokio::test]
async fn every_state_has_no_axe_violation() {
    // One browser a width, going from state to state as a reader's tab would.
    let server = StaticServer::start(dist_dir(), "/");
    let mut browsers: Vec<(u32, Browser)> = Vec::new();
    // The bare page, both languages, wide and phone; then after a Compare; then the Python panel,
    // open (its editor, presets, status), in both languages. Python itself is not loaded here: a
    // test that loads Pyodide leaves the machine's memory busy for minutes; the panel after a run
    // (lanes, the moment) is axe-checked in tests/python.rs.
    for (query, width, then, state) in [
        ("", 1280, Then::Nothing, "the bare page"),
        ("lang=ru", 1280, Then::Nothing, "the bare page in Russian"),
        ("", 390, Then::Nothing, "the page at 390 px"),
        ("lang=ru", 390, Then::Nothing, "the page at 390 px in Russian"),
        ("embed=1&theme=dark", 720, Then::Nothing, "the dark embed"),
        ("embed=1&theme=dark&lang=ru", 390, Then::Nothing, "the dark embed at 390 px in Russian"),
        ("src=real", 1280, Then::Nothing, "the real-request form"),
        ("preset=note&mode=compare&autorun=1", 1280, Then::Done, "after Compare"),
        ("preset=staggered&n=8&mode=compare&limit=3&lang=ru&autorun=1", 1280, Then::Done, "the Russian staggered comparison"),
        (
            "preset=note&mode=compare&embed=1&theme=dark&panels=totals,race,growth&autorun=1",
            720,
            Then::Done,
            "the dark embed's race, totals and growth after Compare",
        ),
        ("preset=note&mode=compare&autorun=1", 390, Then::Done, "after Compare at 390 px"),
        ("", 1280, Then::OpenPython, "the Python panel"),
        ("lang=ru", 390, Then::OpenPython, "the Python panel at 390 px in Russian"),
    ] {
        if !browsers.iter().any(|(w, _)| *w == width) {
            browsers.push((width, Browser::start(width, 900).await));
        }
        let b = &browsers.iter().find(|(w, _)| *w == width).expect("the width's browser").1;
        b.goto(&server.url(query)).await;
        b.wait_for_app().await;
        match then {
            Then::Nothing => {}
            Then::Done => b.wait_for_state(&["done"], Duration::from_secs(30)).await,
            Then::OpenPython => {
                b.click("python-open").await;
                b.wait_until("document.querySelector('[data-testid=py-run]')", Duration::from_secs(20), "the Python panel").await;
            }
        }
        assert_clean(b, state).await;
    }
    for (_, b) in browsers {
        b.close().await;
    }
}

/// What a state of `every_state_has_no_axe_violation` waits for before axe looks.
#[derive(Clone, Copy)]
enum Then {
    Nothing,
    /// The link's autorun has run.
    Done,
    /// The reader has opened the Python panel.
    OpenPython,
}

#[tokio::test]
async fn a_screen_reader_hears_the_totals_in_words() {
    let (b, _server) = open_lab("preset=note&mode=compare&autorun=1", 1280, 900).await;
    b.wait_for_state(&["done"], Duration::from_secs(30)).await;
    b.cdp("Accessibility.enable", serde_json::json!({})).await;
    let tree = b.cdp("Accessibility.getFullAXTree", serde_json::json!({})).await;
    let names: Vec<String> = tree["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|n| !n["ignored"].as_bool().unwrap_or(false))
        .filter_map(|n| n["name"]["value"].as_str())
        .map(str::to_string)
        .collect();
    let spoken = names.join("\n");
    // The totals chart and the race each say every strategy's measured total beside its prediction.
    for strategy in ["Blocking", "Sequential", "Concurrent", "Bounded"] {
        assert!(spoken.contains(strategy), "the accessibility tree names {strategy}:\n{spoken}");
    }
    // And why, as the note says it: one after another the sum, all at once the longest.
    for why in ["the sum of 300 and 800", "the longest of 300 and 800"] {
        assert!(spoken.contains(why), "the accessibility tree says {why:?}:\n{spoken}");
    }
    let rows = b.results().await;
    for r in &rows {
        let ms = sync_vs_async::text::text(sync_vs_async::model::presentation::Lang::En).ms(r.total);
        assert!(spoken.contains(&ms), "{}'s measured {ms} is read out:\n{spoken}", r.strategy);
    }
    b.close().await;
}
