//! The embed in a notes site published with Quartz 4.5.2, the most used publisher of Obsidian
//! vaults: the note rendered by Quartz's own pipeline (tests/e2e/quartz/render.mjs, its pinned
//! npm packages installed by scripts/setup.sh), which escapes the text of a <script>, served
//! with Quartz's SPA navigation (micromorph). The lab's "Auto height" code is its frame and its
//! loader script: the frame is sized on a direct load and on an SPA arrival, one listener
//! stays after away and back, and Quartz's dark mode (`saved-theme` on <html>) is followed.

use std::time::Duration;

use e2e::quartz::quartz_site;
use e2e::{lab_server, Browser};
use serde_json::json;

/// Before any page's script: counts the `message` listeners added to the window and records
/// every uncaught error, across SPA navigations (the window stays).
const WATCH: &str = "window.added = 0; window.errors = [];
    const add = window.addEventListener;
    window.addEventListener = function (type, ...rest) { if (type === 'message') window.added++; return add.call(this, type, ...rest); };
    add.call(window, 'error', e => window.errors.push(String(e.message)));";

#[tokio::test]
async fn the_embed_works_in_a_quartz_site_on_a_direct_load_and_after_spa_navigation_and_follows_its_dark_mode() {
    let lab = lab_server();
    let b = Browser::start(1280, 1000).await;
    b.goto(&lab.url("preset=note&mode=compare")).await;
    b.wait_for_app().await;
    let snippet = b.js("return document.querySelector('[data-testid=embed-auto]').value;").await.as_str().unwrap().to_string();
    // The code as an author pastes it into a note, beside Obsidian's own syntax.
    let note = format!("# Асинхронность\n\nСначала — [[Потоки|потоки]] и #python.\n\n{snippet}\n\n[Другая заметка](other.html)\n");
    let other = "# Другая заметка\n\n[Назад](index.html)\n".to_string();
    let (site, dir) = quartz_site(&[("index", note), ("other", other)]);
    let page = std::fs::read_to_string(dir.path().join("public/index.html")).unwrap();
    assert!(page.contains("<script src=") && page.contains("embed.js"), "the loader survives Quartz: {page}");

    b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": WATCH })).await;
    b.goto(&site.url("index.html")).await;
    sized_after_compare(&b, "a direct load").await;
    // Away (SPA), and back (SPA): the frame is new, the script runs again, the window stays.
    click_link(&b, "other.html").await;
    b.wait_until("window.arrivals === 1 && !document.querySelector('iframe')", Duration::from_secs(10), "the other note").await;
    click_link(&b, "index.html").await;
    b.wait_until("window.arrivals === 2 && document.querySelector('iframe')", Duration::from_secs(10), "the note again").await;
    sized_after_compare(&b, "an SPA arrival").await;
    let seen = b.js("return [window.added, window.errors];").await;
    assert_eq!(seen, json!([1, []]), "one listener after away and back, and no page error");
    // Quartz's dark mode, as its toggle sets it.
    b.js("document.documentElement.setAttribute('saved-theme', 'dark'); return 0;").await;
    b.client.enter_frame(0).await.expect("into the lab");
    b.wait_until("document.documentElement.dataset.theme === 'dark'", Duration::from_secs(5), "Quartz's dark mode").await;
    b.client.enter_parent_frame().await.unwrap();
    b.js("document.documentElement.setAttribute('saved-theme', 'light'); return 0;").await;
    b.client.enter_frame(0).await.expect("into the lab");
    b.wait_until("document.documentElement.dataset.theme === 'light'", Duration::from_secs(5), "Quartz's light mode").await;
    b.client.enter_parent_frame().await.unwrap();
    b.close().await;
}

/// Compares in the note's lab frame; then the frame is as tall as its content, within 30 px.
async fn sized_after_compare(b: &Browser, when: &str) {
    b.wait_until("document.querySelector('iframe')", Duration::from_secs(10), "the lab's frame").await;
    b.client.enter_frame(0).await.expect("into the lab");
    b.wait_for_app().await;
    b.click("compare").await;
    b.wait_for_state(&["done"], Duration::from_secs(30)).await;
    b.wait_for_frame_sized(30.0, &format!("after Compare on {when}")).await;
}

/// Clicks the note's link to `href`, as a reader does: Quartz's router takes it.
async fn click_link(b: &Browser, href: &str) {
    let link =
        b.client.find(fantoccini::Locator::Css(&format!("a[href='{href}']"))).await.unwrap_or_else(|e| panic!("no link to {href}: {e}"));
    link.click().await.unwrap_or_else(|e| panic!("cannot click the link to {href}: {e}"));
}
