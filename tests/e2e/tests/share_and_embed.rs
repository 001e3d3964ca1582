//! Sharing and embedding as a notes site does it: a sandboxed iframe on another origin that
//! sizes itself, the build served from a sub-path, links that restore exactly, themes, panels.

use std::time::Duration;

use e2e::{dist_dir, Browser, StaticServer, TempDir};
use serde_json::json;

const FRAME_HEIGHT_HISTORY: &str = "window.heights";

/// A notes page on another loopback port with the lab's own embed snippet in it, sandboxed.
fn host_page(snippet: &str) -> (StaticServer, TempDir) {
    let dir = TempDir::new("lab-host");
    let sandboxed = snippet.replacen("<iframe ", "<iframe sandbox=\"allow-scripts\" ", 1);
    let page = format!(
        "<!doctype html><html><head><meta charset=utf-8><title>Notes</title></head>\
         <body style=\"margin:0;font-family:sans-serif\"><h1>Моя заметка</h1><p>Before the lab.</p>\
         <script>window.heights = []; addEventListener('message', e => {{ if (e.data && e.data.type === 'sync-vs-async:resize') window.heights.push(e.data.height); }});</script>\
         {sandboxed}<p id=after>After the lab.</p></body></html>"
    );
    std::fs::write(dir.path().join("index.html"), page).unwrap();
    (StaticServer::start(dir.path().to_path_buf(), "/"), dir)
}

#[tokio::test]
async fn the_build_works_from_a_sub_path() {
    let lab = StaticServer::start(dist_dir(), "/notes/tools/lab/");
    let b = Browser::start(1280, 900).await;
    b.goto(&lab.url("preset=note&mode=compare&autorun=1")).await;
    b.wait_for_app().await;
    b.wait_for_state(&["done"], Duration::from_secs(20)).await;
    assert_eq!(b.results().await.len(), 4);
    let styled = b.js("return getComputedStyle(document.querySelector('.controls')).borderRadius;").await;
    assert_eq!(styled, json!("10px"), "the stylesheet loaded from the sub-path");
    let link = b.js("return location.pathname;").await;
    assert_eq!(link, json!("/notes/tools/lab/"));
    b.close().await;
}

#[tokio::test]
async fn theme_and_panels_come_from_the_link_and_stay_in_it() {
    let lab = StaticServer::start(dist_dir(), "/");
    let b = Browser::start(1000, 800).await;
    b.goto(&lab.url("preset=note&mode=concurrent&embed=1&theme=dark&panels=waterfall")).await;
    b.wait_for_app().await;
    let state = b
        .js("return [document.documentElement.dataset.theme, getComputedStyle(document.querySelector('[data-testid=waterfall]')).backgroundColor,
                     !!document.querySelector('form.controls'), !!document.querySelector('.results'),
                     !!document.querySelector('[data-testid=waterfall]'), !!document.querySelector('[data-testid=run]')];")
        .await;
    assert_eq!(state, json!(["dark", "rgb(26, 27, 31)", false, false, true, true]));
    // The embed's body paints nothing around the panels; opened on its own (no host to show
    // through) the root paints the theme's background, so text keeps its contrast.
    let page = b.js("return [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.documentElement).backgroundColor, document.documentElement.classList.contains('framed')];").await;
    assert_eq!(page, json!(["rgba(0, 0, 0, 0)", "rgb(17, 18, 21)", false]));
    b.click("run").await;
    b.wait_for_state(&["done"], Duration::from_secs(10)).await;
    assert_eq!(b.bars().await.len(), 2);
    let full = b.js("return document.querySelector('[data-testid=open-full-page]').href;").await;
    let full = full.as_str().unwrap();
    assert!(full.contains("theme=dark") && !full.contains("embed") && !full.contains("panels"), "{full}");
    b.close().await;
}

/// Opens the page's embed code, picks a column width and waits for the embed to be measured
/// there; gives (the fixed snippet's src, its height, the auto snippet).
async fn measured_snippets(page: &Browser, width: u32) -> (String, f64, String) {
    page.js("document.querySelector('details.embed-code').open = true; return 0;").await;
    page.js(&format!(
        "const s = document.querySelector('[data-testid=embed-width]'); s.value = '{width}'; s.dispatchEvent(new Event('change', {{bubbles: true}})); return 0;"
    ))
    .await;
    page.wait_until(
        &format!("document.querySelector('[data-testid=embed-fixed]').dataset.state === 'ready' && document.querySelector('[data-testid=embed-fixed-hint]').textContent.includes('{width}')"),
        Duration::from_secs(20),
        "the embed measured",
    )
    .await;
    let fixed = page.js("return document.querySelector('[data-testid=embed-fixed]').value;").await.as_str().unwrap().to_string();
    let auto = page.js("return document.querySelector('[data-testid=embed-auto]').value;").await.as_str().unwrap().to_string();
    let src = fixed.split("src=\"").nth(1).and_then(|s| s.split('"').next()).unwrap().replace("&amp;", "&");
    let height: f64 = fixed.split("height=\"").nth(1).and_then(|s| s.split('"').next()).unwrap().parse().unwrap();
    (src, height, auto)
}

#[tokio::test]
async fn the_fixed_height_snippet_fits_the_column_it_was_measured_for() {
    let lab = StaticServer::start(dist_dir(), "/");
    let page = Browser::start(1280, 900).await;
    let reader = Browser::start(1280, 1000).await;
    // Each after its own mode's press: Compare, or Run for the 30 staggered requests made
    // concurrently (comparing them would also wait out their 46 s one after another).
    for (query, width, press) in [
        ("preset=note&mode=compare", 700, "compare"),
        ("preset=note&mode=compare&lang=ru", 360, "compare"),
        ("preset=staggered&n=30&mode=concurrent", 480, "run"),
        ("preset=random&n=5&mode=compare&proc=20", 1000, "compare"),
    ] {
        page.goto(&lab.url(query)).await;
        page.wait_for_app().await;
        let (src, fixed, _) = measured_snippets(&page, width).await;
        assert!(src.contains("embed=1"), "{src}");
        // The snippet as a notes site holds it: a column of that width, the fixed height, no script.
        let (host, _dir) = host_page(&format!(
            "<div style=\"width:{width}px\"><iframe src=\"{src}\" title=\"lab\" style=\"width:100%;border:0\" height=\"{fixed}\"></iframe></div>"
        ));
        reader.goto(&host.url("")).await;
        reader.client.enter_frame(0).await.expect("into the frame");
        reader.wait_for_app().await;
        let fits = "return [document.documentElement.scrollHeight, window.innerHeight];";
        let [content, inner]: [f64; 2] = serde_json::from_value(reader.js(fits).await).unwrap();
        assert!(content <= inner, "{query} at {width} px: {content} px of content in a {inner} px frame");
        assert!(inner <= content * 1.1 + 40.0, "{query} at {width} px: {inner} px wastes room around {content} px");
        // After a run it still fits: nothing grows during or after one.
        reader.click(press).await;
        reader.wait_for_state(&["done"], Duration::from_secs(60)).await;
        let [content, inner]: [f64; 2] = serde_json::from_value(reader.js(fits).await).unwrap();
        assert!(content <= inner, "{query} at {width} px after {press}: {content} px in {inner} px");
        reader.client.enter_parent_frame().await.expect("out of the frame");
    }
    reader.close().await;
    page.close().await;
}

/// The fixed code measured for a 700 px column serves every notes site: Quartz's 630 px, MkDocs'
/// 688 px, Obsidian's 700 px, and a phone (a 390 px screen, the site's 16 px margins), hiding at
/// most 20 px of the embed after its Compare, in both languages.
#[tokio::test]
async fn the_fixed_code_hides_nothing_in_a_notes_column_or_on_a_phone() {
    let page = Browser::start(1280, 900).await;
    let desk = Browser::start(1280, 1000).await;
    let phone = Browser::start(390, 900).await;
    for lang in ["en", "ru"] {
        page.goto(&e2e::lab_server().url(&format!("preset=note&mode=compare&lang={lang}"))).await;
        page.wait_for_app().await;
        let (_, _, _) = measured_snippets(&page, 700).await;
        let fixed = page.js("return document.querySelector('[data-testid=embed-fixed]').value;").await.as_str().unwrap().to_string();
        assert!(fixed.contains("100vw"), "the code grows on phones: {fixed}");
        for (reader, column) in [(&desk, "630px"), (&desk, "688px"), (&desk, "700px"), (&phone, "auto")] {
            let margin = if column == "auto" { "0 16px" } else { "0 auto" };
            let dir = TempDir::new("lab-fixed-host");
            std::fs::write(
                dir.path().join("index.html"),
                format!("<!doctype html><html><head><meta charset=utf-8><meta name=viewport content=\"width=device-width\"></head><body style=\"margin:0\"><div style=\"width:{column};margin:{margin}\">{fixed}</div></body></html>"),
            )
            .unwrap();
            let host = StaticServer::start(dir.path().to_path_buf(), "/");
            reader.goto(&host.url("")).await;
            reader.client.enter_frame(0).await.expect("into the frame");
            reader.wait_for_app().await;
            reader.click("compare").await;
            reader.wait_for_state(&["done"], Duration::from_secs(30)).await;
            let [content, inner, width]: [f64; 3] = serde_json::from_value(
                reader.js("return [document.documentElement.scrollHeight, window.innerHeight, window.innerWidth];").await,
            )
            .unwrap();
            assert!(content - inner <= 20.0, "{lang} in a {width} px column: {content} px of content in a {inner} px frame");
            reader.client.enter_parent_frame().await.expect("out of the frame");
        }
    }
    for b in [page, desk, phone] {
        b.close().await;
    }
}

/// The auto-height code as the lab gave it until December 2026: an inline script. Pages that
/// hold it keep working: the lab still speaks its messages.
const PASTED_INLINE: &str = include_str!("../fixtures/inline-snippet-2026.js");

#[tokio::test]
async fn the_auto_height_frame_keeps_still_and_learns_the_hosts_theme() {
    let page = Browser::start(1280, 900).await;
    page.goto(&e2e::lab_server().url("preset=note&mode=compare")).await;
    page.wait_for_app().await;
    let (_, _, auto) = measured_snippets(&page, 700).await;
    page.close().await;
    let (iframe, loader) = auto.split_once("\n").expect("the frame, then its loader");
    assert!(loader.starts_with("<script src=") && loader.contains("embed.js"), "{loader}");
    // A dark notes site that runs the code's script twice (as sites with instant navigation
    // do), counting the message listeners it adds and every height the frame is given: the
    // lab's code today, and the inline code pasted before it.
    for (how, script) in
        [("the loader", loader.to_string()), ("the inline code pasted before", format!("<script>{PASTED_INLINE}</script>"))]
    {
        let counting = "<script>window.added = 0; const add = window.addEventListener; window.addEventListener = function (t, ...a) { if (t === 'message') window.added++; return add.call(this, t, ...a); };</script>";
        let watching = "<script>window.applied = []; new MutationObserver(() => { const h = document.querySelector('iframe').style.height; if (window.applied[window.applied.length - 1] !== h) window.applied.push(h); }).observe(document.querySelector('iframe'), {attributes: true});</script>";
        let dir = TempDir::new("lab-dark-host");
        let body = format!("{counting}<div style=\"width:700px\">{iframe}</div>{watching}{script}{script}");
        std::fs::write(
            dir.path().join("index.html"),
            format!("<!doctype html><html><head><meta charset=utf-8></head><body style=\"margin:0;background:#1e1e24;color:#eee\">{body}</body></html>"),
        )
        .unwrap();
        let host = StaticServer::start(dir.path().to_path_buf(), "/");
        let b = Browser::start(1000, 1000).await;
        b.goto(&host.url("")).await;
        b.wait_until("window.applied.length > 0", Duration::from_secs(15), "a height").await;
        assert_eq!(b.js("return window.added;").await, json!(1), "{how}: the script ran twice and listens once");
        b.client.enter_frame(0).await.expect("into the lab");
        b.wait_for_app().await;
        b.wait_until("document.documentElement.dataset.theme === 'dark'", Duration::from_secs(5), "the host's dark theme").await;
        // In the host's frame the lab paints no background: the notes page's shows through.
        let painted = b
            .js("return [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.body).backgroundColor];")
            .await;
        assert_eq!(painted, json!(["rgba(0, 0, 0, 0)", "rgba(0, 0, 0, 0)"]), "{how}");
        b.click("compare").await;
        b.wait_for_state(&["done"], Duration::from_secs(30)).await;
        let settled = b.js("return Math.ceil(document.body.getBoundingClientRect().height);").await.as_f64().unwrap();
        b.client.enter_parent_frame().await.unwrap();
        b.wait_until(
            &format!("document.querySelector('iframe').style.height === '{settled}px'"),
            Duration::from_secs(5),
            "the last height applied",
        )
        .await;
        let applied = b.js("return window.applied;").await;
        assert!(
            applied.as_array().unwrap().len() <= 2,
            "{how}: the frame changed height more than twice from load to the end of Compare: {applied}"
        );
        b.close().await;
    }
}

/// The core set: run in Chromium, Firefox and WebKit (`LAB_ENGINE`, README "Browsers").
mod every_engine {
    use super::*;

    #[tokio::test]
    async fn the_embed_snippet_sizes_itself_in_a_sandboxed_iframe_on_another_origin() {
        let lab = StaticServer::start(dist_dir(), "/");
        // Tall enough to show the whole frame: WebKit neither scrolls a page for a click inside
        // its cross-origin frame nor lets the frame's scrollIntoView move the page.
        let b = Browser::start(1100, 1600).await;
        b.goto(&lab.url("lat=200,400,300&mode=concurrent")).await;
        b.wait_for_app().await;
        let snippet = b.js("return document.querySelector('[data-testid=embed-auto]').value;").await;
        let snippet = snippet.as_str().expect("an embed snippet").to_string();
        assert!(snippet.contains("embed=1"), "{snippet}");

        let (host, _dir) = host_page(&snippet);
        b.goto(&host.url("")).await;
        b.wait_until(&format!("{FRAME_HEIGHT_HISTORY}.length > 0"), Duration::from_secs(15), "a first height").await;

        b.client.enter_frame(0).await.expect("into the lab's frame");
        b.wait_for_app().await;
        let chrome = b.js("return [!!document.querySelector('.page-header'), !!document.querySelector('.page-footer'), !!document.querySelector('[data-testid=open-full-page]')];").await;
        assert_eq!(chrome, json!([false, false, true]), "an embed shows only the lab, with a way out");
        // Chromium and WebKit give no clipboard to an opaque-origin frame: the link is shown,
        // selected, to copy by hand. Firefox copies it; the frame's way out is the same link.
        b.click("copy-link").await;
        b.wait_until(
            "document.querySelector('[data-testid=copy-by-hand]') || document.querySelector('[data-testid=share-status]').textContent.length > 0",
            Duration::from_secs(5),
            "copy-link to say what it did",
        )
        .await;
        let link = b
            .js("const f = document.querySelector('[data-testid=copy-by-hand]');
                 if (f) return f.value;
                 const said = document.querySelector('[data-testid=share-status]').textContent;
                 return said === 'Link copied.' ? document.querySelector('[data-testid=open-full-page]').href : 'said: ' + said;")
            .await;
        let link = link.as_str().unwrap().to_string();
        // The embed shows the scenario as one line; Edit opens the form. Thirty requests make the
        // waterfall (a race of one strategy), and so the page, taller: the frame must follow.
        b.click("edit-scenario").await;
        b.wait_until("document.querySelector('[data-testid=count]')", Duration::from_secs(5), "the form").await;
        b.set_field("count", "30").await;
        b.wait_until("document.querySelectorAll('[data-testid=predicted-bar]').length === 30", Duration::from_secs(5), "30 rows").await;
        // The frame grows for the 30 rows: press Run once the host has applied the new height
        // (a press while the frame moved under the pointer once missed Run in Firefox).
        b.wait_for_frame_sized(1.0, "grown for 30 rows").await;
        b.client.enter_frame(0).await.expect("into the lab's frame");
        b.click("run").await;
        b.wait_for_state(&["done"], Duration::from_secs(15)).await;
        let measured = b.js("return [...document.querySelectorAll('[data-testid=total-bar][data-measured-ms]')].length;").await;
        assert_eq!(measured, json!(1), "the totals chart has the run");
        assert_eq!(b.bars().await.len(), 30);
        let content = b.js("return Math.ceil(document.body.getBoundingClientRect().height);").await.as_f64().unwrap();
        assert_eq!(b.js("return !!document.querySelector('[data-testid=panic]');").await, json!(false));
        b.client.enter_parent_frame().await.unwrap();
        b.wait_until(
            &format!("Math.abs({FRAME_HEIGHT_HISTORY}[{FRAME_HEIGHT_HISTORY}.length - 1] - {content}) <= 1"),
            Duration::from_secs(5),
            "the frame's last posted height to be its content's",
        )
        .await;

        let heights = b.js(&format!("return {FRAME_HEIGHT_HISTORY};")).await;
        let last = heights.as_array().and_then(|h| h.last()).and_then(|h| h.as_f64()).expect("heights");
        assert!((last - content).abs() <= 1.0, "posted {last}, content {content}, history {heights}");
        let applied = b.js("return document.querySelector('iframe').getBoundingClientRect().height;").await.as_f64().unwrap();
        assert!((applied - content).abs() <= 1.0, "iframe is {applied} px for {content} px of content");
        let first = heights[0].as_f64().unwrap();
        assert!(last > first + 100.0, "the height followed the content as it grew: {heights}");

        // The link copied inside the embed opens the same scenario as a page of its own.
        assert!(link.contains("lat=200,400,300") && link.contains("mode=concurrent") && !link.contains("embed"), "{link}");
        let fresh = Browser::start(1100, 900).await;
        fresh.goto(&link).await;
        fresh.wait_for_app().await;
        let predicted = fresh.js("return document.querySelector('[data-testid=prediction]').dataset.predictedMs;").await;
        assert_eq!(predicted, json!("400.0"));
        fresh.close().await;
        b.close().await;
    }
}
