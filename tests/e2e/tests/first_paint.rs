//! The prerendered first screen (scripts/prerender.mjs): the served page already holds the lab
//! before any script runs, and the app takes it over without losing what the reader did to it.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use e2e::{dist_dir, Browser, StaticServer};
use sync_vs_async::model::presentation::Lang;
use sync_vs_async::text::text;

/// The page as the server sends it, no browser involved.
fn fetch_page(server: &StaticServer) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    write!(stream, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").expect("request");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("response");
    response.split_once("\r\n\r\n").map(|(_, body)| body.to_string()).unwrap_or_default()
}

/// The plain HTML of the page's `#lab`, from its start tag to the first script after it.
fn lab_html(page: &str) -> &str {
    let start = page.find("<div id=lab").expect("a #lab element");
    let end = page[start..].find("<script").map_or(page.len(), |i| start + i);
    &page[start..end]
}

#[test]
fn the_served_page_holds_the_heading_and_run_before_any_script() {
    let server = StaticServer::start(dist_dir(), "/");
    let page = fetch_page(&server);
    let lab = lab_html(&page);
    let en = text(Lang::En);
    assert!(lab.contains(&format!("<h1>{}</h1>", en.page.title)), "the heading, as plain HTML in #lab");
    let run = lab.find("data-testid=\"run\"").expect("the Run button, as plain HTML in #lab");
    let button = &lab[lab[..run].rfind("<button").expect("Run is a <button>")..];
    let label = &button[..button.find("</button>").expect("the button ends")];
    assert!(label.ends_with(&format!(">{}", en.form.run)), "the button says {:?}: {label}", en.form.run);
    assert!(lab.contains("class=\"totals\""), "the prediction's totals chart is in the first screen");
    // Only the app's own page has the hooks tests wait on: nothing to click before it is there.
    assert!(!lab.contains("data-testid=\"status\""), "no live status hook before the app");
    // The other variants: Russian among them, inert until the picker chooses one.
    let ru = text(Lang::Ru);
    for key in ["en-wide", "en-embed", "ru-narrow", "ru-wide", "ru-embed"] {
        let at = page.find(&format!("<script type=text/html data-v={key}>")).unwrap_or_else(|| panic!("variant {key}"));
        let body = &page[at..at + page[at..].find("</script>").expect("the variant ends")];
        assert!(body.contains("data-testid=\"run\""), "{key} has Run");
        if key.starts_with("ru") {
            assert!(body.contains(ru.page.title), "{key} speaks Russian");
        }
    }
}

/// Opens `query` in a browser that does not wait for the page to load (the wasm is held back),
/// and waits for the prerendered screen as the picker left it: the page's own variant is there
/// while the parser has yet to reach the picker (WebKit was seen there, without the link's theme),
/// and the parse ends after the picker has run.
async fn open_held(query: &str, width: u32, height: u32) -> (Browser, StaticServer, std::sync::Arc<e2e::static_server::Gate>) {
    let (server, gate) = StaticServer::holding(dist_dir(), "/", ".wasm");
    let b = Browser::start_not_waiting(e2e::Engine::current(), width, height).await;
    b.goto(&server.url(query)).await;
    b.wait_until(
        "document.readyState !== 'loading' && document.querySelector('#lab[data-prerendered] .status.starting')",
        Duration::from_secs(20),
        "the prerendered screen",
    )
    .await;
    (b, server, gate)
}

pub mod every_engine {
    use super::*;
    use fantoccini::Locator;

    #[tokio::test]
    async fn what_is_typed_and_pressed_before_the_app_is_ready_is_kept() {
        let (b, _server, gate) = open_held("", 1280, 900).await;
        assert_eq!(b.js("return document.querySelectorAll('[data-testid=status]').length;").await, serde_json::json!(0));
        let field = b.client.find(Locator::Css("[data-pre=latencies]")).await.expect("the prerendered latencies");
        field.clear().await.expect("clear");
        field.send_keys("200, 400").await.expect("type");
        b.client.find(Locator::Css("[data-testid=compare]")).await.expect("Compare").click().await.expect("press");
        let words = b.js("return document.querySelector('#lab .status').textContent;").await;
        assert_eq!(words.as_str(), Some(text(Lang::En).status.status_starting_queued), "the page says the run waits for the lab");
        gate.open();
        b.wait_for_state(&["done"], Duration::from_secs(60)).await;
        let rows = b.results().await;
        assert_eq!(rows.len(), 4, "the pressed Compare ran all four");
        let predicted: Vec<f64> = rows.iter().map(|r| r.predicted).collect();
        // What is asserted is what ran, not how fast: the run starts while the page is still
        // arriving (the Python panel's code, fonts), and timing belongs to the runtime tests. A
        // clean CI run measured this sequential run at 761 ms for 600.
        assert_eq!(predicted, vec![600.0, 600.0, 400.0, 400.0], "with the typed latencies");
        let typed = b.js("return document.querySelector('[data-testid=latencies]').value;").await;
        assert_eq!(typed.as_str(), Some("200, 400"));
        assert_eq!(
            b.js("return document.querySelectorAll('#lab [data-pre]').length;").await,
            serde_json::json!(0),
            "nothing prerendered is left"
        );
        b.close().await;
    }

    /// The picker (scripts/prerender.mjs) chooses the variant before any of the app's code has
    /// arrived; what it chooses must be what the app then draws, or the page reflows at the
    /// takeover. Over a table of links, in one browser per width with the wasm held back for good:
    /// the language, the embed, the theme and the folded form, against the app's own decoder; and
    /// the window's title and the link-preview tags in that language, as the app then keeps them.
    #[tokio::test]
    async fn the_picker_decides_as_the_apps_decoder_does() {
        const QUERIES: [&str; 20] = [
            "",
            "embed=1",
            "embed=true",
            "embed=0",
            "embed=false",
            "embed=yes",
            "embed=%31",
            "embed=1&embed=0",
            "lang=ru",
            "lang=en",
            "lang=fr",
            "lang=RU",
            "lang=ru&lang=en",
            "theme=dark",
            "theme=light",
            "theme=auto",
            "theme=Dark",
            "theme=neon",
            "embed=true&theme=dark&lang=ru",
            "lang=ru&embed=1&theme=light",
        ];
        let (server, _gate) = StaticServer::holding(dist_dir(), "/", ".wasm");
        for width in [390, 1280] {
            let b = Browser::start_not_waiting(e2e::Engine::current(), width, 800).await;
            let languages = b.js("return navigator.languages || [];").await;
            let languages: Vec<String> = serde_json::from_value(languages).unwrap_or_default();
            let browser_lang = Lang::from_browser(languages.iter().map(String::as_str));
            for query in QUERIES {
                // The page stays loading (its wasm never comes), so the navigation is not waited
                // for: a mark on the old page's window keeps the wait from reading that page
                // (Firefox read it twice in twenty runs).
                b.js("window.leaving = true; return null;").await;
                b.goto(&server.url(query)).await;
                b.wait_until(
                    "!window.leaving && document.readyState !== 'loading' && !document.querySelector('script[data-v]') && document.querySelector('#lab[data-prerendered] .status.starting')",
                    Duration::from_secs(20),
                    "the picker's choice",
                )
                .await;
                let seen = b
                    .js("const H = document.documentElement, meta = (s) => document.querySelector(s).content; \
                         return [H.lang, H.classList.contains('embed'), H.dataset.theme || '', !!document.querySelector('#lab .scenario-line'), \
                         document.querySelector('#lab h1').textContent, document.title, meta('meta[property=\"og:title\"]'), \
                         meta('meta[name=description]'), meta('meta[name=\"twitter:description\"]'), !!document.querySelector('[data-page-title]')];")
                    .await;
                let app = sync_vs_async::model::url_state::decode(query).presentation;
                let lang = app.lang.unwrap_or(browser_lang);
                let theme = match app.theme {
                    sync_vs_async::model::presentation::Theme::Auto => "",
                    other => other.key(),
                };
                let page = &text(lang).page;
                let expected = serde_json::json!([
                    lang.key(),
                    app.embed,
                    theme,
                    app.embed || width < sync_vs_async::model::presentation::NARROW_PX,
                    page.title,
                    page.title,
                    page.title,
                    page.description,
                    page.description,
                    false
                ]);
                let what =
                    "[lang, embed, theme, folded, heading, window title, preview title, description, preview description, left over]";
                assert_eq!(seen, expected, "?{query} at {width} px: {what}");
            }
            b.close().await;
        }
    }

    #[tokio::test]
    async fn when_the_status_hook_is_there_the_whole_page_is() {
        // The app draws its first screen first and the rest a frame later; the hook tests wait on
        // comes with the whole page, so nothing a test reads next is missing.
        let (b, _server) = e2e::open_lab("", 1280, 900).await;
        let there = b
            .js("return ['growth-chart', 'explain', 'result', 'prediction', 'summary'].filter(h => !document.querySelector(`[data-testid=${h}]`));")
            .await;
        assert_eq!(there, serde_json::json!(["result"]), "only measured result rows are missing before a run");
        assert!(b.js("return !!document.querySelector('.page-footer');").await.as_bool().unwrap_or(false), "the footer too");
        b.close().await;
    }

    #[tokio::test]
    async fn the_prerendered_screen_is_the_readers_variant_and_the_app_takes_it_over_in_place() {
        for (query, width, lang, folded) in [
            ("lang=ru", 390, "ru", true),
            ("embed=1&theme=dark", 720, "en", true),
            ("embed=true&theme=dark", 720, "en", true),
            ("", 1280, "en", false),
        ] {
            let (b, _server, gate) = open_held(query, width, 800).await;
            let seen = b
                .js("return [document.documentElement.lang, !!document.querySelector('#lab .scenario-line'), document.documentElement.dataset.theme || '', document.documentElement.classList.contains('embed')];")
                .await;
            assert_eq!(seen[0].as_str(), Some(lang), "{query}: the language");
            assert_eq!(seen[1].as_bool(), Some(folded), "{query}: the form folded");
            assert_eq!(seen[2].as_str(), Some(if query.contains("dark") { "dark" } else { "" }), "{query}: the theme");
            assert_eq!(seen[3].as_bool(), Some(query.contains("embed")), "{query}: embed");
            // Where the prerendered Run is, the live one comes: no jump when the app takes over.
            let before = b.js("return document.querySelector('[data-testid=run]').getBoundingClientRect().toJSON();").await;
            b.js("window.shift = 0; try { new PerformanceObserver(l => { for (const e of l.getEntries()) window.shift += e.value; }).observe({type: 'layout-shift'}); } catch (e) {} return 0;").await;
            gate.open();
            b.wait_for_app().await;
            b.wait_until("!document.querySelector('[data-testid=run]').disabled", Duration::from_secs(10), "Run enabled").await;
            let after = b.js("return document.querySelector('[data-testid=run]').getBoundingClientRect().toJSON();").await;
            for side in ["x", "y", "width", "height"] {
                let (a, z) = (before[side].as_f64().unwrap_or(f64::NAN), after[side].as_f64().unwrap_or(f64::NAN));
                assert!((a - z).abs() <= 1.0, "{query}: Run's {side} moved from {a} to {z}");
            }
            if b.engine == e2e::Engine::Chromium {
                let shift = b.js("return window.shift;").await.as_f64().unwrap_or(f64::NAN);
                assert!(shift <= 0.05, "{query}: layout shift {shift} as the app took over");
            }
            b.close().await;
        }
    }
}
