//! Accessibility (issue 16): axe-core, the standard engine (pinned from npm by scripts/setup.sh,
//! `$AXE`), run in the page in every state a reader meets, both languages; and what a screen
//! reader is given for a comparison: the totals in words. Chromium only: the script goes in through
//! DevTools, which the page's Content-Security-Policy does not govern.

use std::time::Duration;

use e2e::{axe_violations, open_lab, Browser};

async fn assert_clean(b: &Browser, state: &str) {
    let found = axe_violations(b).await;
    assert!(found.is_empty(), "{state}: {} axe-core violations:\n{}", found.len(), found.join("\n"));
}

#[tokio::test]
async fn every_state_has_no_axe_violation() {
    // The bare page, both languages, wide and phone; then after a Compare.
    for (query, width, state) in [
        ("", 1280, "the bare page"),
        ("lang=ru", 1280, "the bare page in Russian"),
        ("", 390, "the page at 390 px"),
        ("lang=ru", 390, "the page at 390 px in Russian"),
        ("embed=1&theme=dark", 720, "the dark embed"),
        ("embed=1&theme=dark&lang=ru", 390, "the dark embed at 390 px in Russian"),
        ("src=real", 1280, "the real-request form"),
    ] {
        let (b, _server) = open_lab(query, width, 900).await;
        assert_clean(&b, state).await;
        b.close().await;
    }
    for (query, width, state) in [
        ("preset=note&mode=compare&autorun=1", 1280, "after Compare"),
        ("preset=staggered&n=8&mode=compare&limit=3&lang=ru&autorun=1", 1280, "the Russian staggered comparison"),
        (
            "preset=note&mode=compare&embed=1&theme=dark&panels=totals,race,growth&autorun=1",
            720,
            "the dark embed's race, totals and growth after Compare",
        ),
        ("preset=note&mode=compare&autorun=1", 390, "after Compare at 390 px"),
    ] {
        let (b, _server) = open_lab(query, width, 900).await;
        b.wait_for_state(&["done"], Duration::from_secs(30)).await;
        assert_clean(&b, state).await;
        b.close().await;
    }
    // The Python panel, open (its editor, presets, status), in both languages. Python itself is
    // not loaded here: a test that loads Pyodide leaves the machine's memory busy for minutes, and
    // the lab's tightest timing tests (tests/lab.rs) come after this file; the panel after a run
    // (lanes, the moment) is axe-checked in tests/python.rs.
    for (query, width, state) in [("", 1280, "the Python panel"), ("lang=ru", 390, "the Python panel at 390 px in Russian")] {
        let (b, _server) = open_lab(query, width, 900).await;
        b.click("python-open").await;
        b.wait_until("document.querySelector('[data-testid=py-run]')", Duration::from_secs(20), "the Python panel").await;
        assert_clean(&b, state).await;
        b.close().await;
    }
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
