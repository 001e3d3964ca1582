//! Sharing and embedding as a notes site does it: a sandboxed iframe on another origin that
//! sizes itself, the build served from a sub-path, links that restore exactly, themes, panels.

use std::time::Duration;

use e2e::{dist_dir, Browser, StaticServer};
use serde_json::json;

const FRAME_HEIGHT_HISTORY: &str = "window.heights";

/// A notes page on another loopback port with the lab's own embed snippet in it, sandboxed.
fn host_page(snippet: &str) -> (StaticServer, tempdir::Dir) {
    let dir = tempdir::Dir::new("lab-host");
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
async fn the_embed_snippet_sizes_itself_in_a_sandboxed_iframe_on_another_origin() {
    let lab = StaticServer::start(dist_dir(), "/");
    let b = Browser::start(1100, 900).await;
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
    // No clipboard in an opaque-origin frame: the link is shown, selected, to copy by hand.
    b.click("copy-link").await;
    b.wait_until("document.querySelector('[data-testid=copy-by-hand]')", Duration::from_secs(5), "the link to copy by hand").await;
    let link = b.js("return document.querySelector('[data-testid=copy-by-hand]').value;").await;
    let link = link.as_str().unwrap().to_string();
    // Thirty requests make the waterfall, and so the page, taller: the frame must follow.
    b.set_field("count", "30").await;
    b.wait_until("document.querySelectorAll('[data-testid=predicted-bar]').length === 30", Duration::from_secs(5), "30 rows").await;
    b.click("run").await;
    b.wait_for_state(&["done"], Duration::from_secs(15)).await;
    assert_eq!(b.results().await.len(), 1);
    assert_eq!(b.bars().await.len(), 30);
    tokio::time::sleep(Duration::from_millis(400)).await;
    let content = b.js("return Math.ceil(document.body.getBoundingClientRect().height);").await.as_f64().unwrap();
    assert_eq!(b.js("return !!document.querySelector('[data-testid=panic]');").await, json!(false));
    b.client.enter_parent_frame().await.unwrap();

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
        .js("return [document.documentElement.dataset.theme, getComputedStyle(document.body).backgroundColor,
                     !!document.querySelector('form.controls'), !!document.querySelector('.results'),
                     !!document.querySelector('[data-testid=waterfall]'), !!document.querySelector('[data-testid=run]')];")
        .await;
    assert_eq!(state, json!(["dark", "rgb(17, 18, 21)", false, false, true, true]));
    b.click("run").await;
    b.wait_for_state(&["done"], Duration::from_secs(10)).await;
    assert_eq!(b.bars().await.len(), 2);
    let full = b.js("return document.querySelector('[data-testid=open-full-page]').href;").await;
    let full = full.as_str().unwrap();
    assert!(full.contains("theme=dark") && !full.contains("embed") && !full.contains("panels"), "{full}");
    b.close().await;
}

/// A temporary folder removed on drop (std only).
mod tempdir {
    use std::path::{Path, PathBuf};

    pub struct Dir(PathBuf);

    impl Dir {
        pub fn new(prefix: &str) -> Dir {
            let path = std::env::temp_dir().join(format!("{prefix}-{}-{}", std::process::id(), e2e::free_port()));
            std::fs::create_dir_all(&path).unwrap();
            Dir(path)
        }

        pub fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

#[tokio::test]
async fn the_fixed_height_snippet_fits_its_panels_without_waste() {
    let lab = StaticServer::start(dist_dir(), "/");
    let page = Browser::start(1280, 900).await;
    let embed = Browser::start(800, 900).await;
    for query in [
        "preset=note&mode=compare",
        "preset=note&mode=concurrent&panels=results",
        "preset=note&mode=concurrent&panels=controls",
        "preset=staggered&n=30&mode=concurrent&panels=waterfall",
        "preset=staggered&n=200&mode=concurrent&panels=waterfall",
        "preset=random&n=9&mode=compare&proc=20&panels=waterfall,results",
        "preset=note&mode=blocking&panels=steps",
        "preset=note&mode=blocking&panels=steps,eventloop&lang=ru",
        "preset=note&mode=compare&lang=ru",
        "preset=note&mode=blocking&panels=sequence",
        "preset=staggered&n=100&mode=concurrent&panels=sequence",
        "preset=note&mode=blocking&panels=eventloop",
        "preset=note&mode=blocking&panels=code",
        "preset=staggered&n=12&mode=blocking&panels=sequence,steps",
        "preset=note&mode=concurrent&panels=waterfall,steps,code",
        "preset=note&mode=concurrent&panels=waterfall,results,sequence,steps,eventloop,code",
        "preset=staggered&n=12&mode=concurrent&panels=waterfall",
        "preset=outlier&mode=compare&panels=waterfall,results",
    ] {
        page.goto(&lab.url(query)).await;
        page.wait_for_app().await;
        let snippet = page.js("return document.querySelector('[data-testid=embed-fixed]').value;").await;
        let snippet = snippet.as_str().unwrap().to_string();
        let src = snippet.split("src=\"").nth(1).and_then(|s| s.split('"').next()).unwrap().replace("&amp;", "&");
        let fixed: f64 = snippet.split("height=\"").nth(1).and_then(|s| s.split('"').next()).unwrap().parse().unwrap();
        embed.goto(&src).await;
        embed.wait_for_app().await;
        let content = embed.js("return document.body.getBoundingClientRect().height;").await.as_f64().unwrap();
        assert!(fixed >= content, "{query}: fixed {fixed} px is short of {content} px of content");
        assert!(fixed <= content * 1.25 + 60.0, "{query}: fixed {fixed} px wastes room around {content} px");
    }
    page.close().await;
    embed.close().await;
}
