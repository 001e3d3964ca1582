//! Takes screenshots of real runs for a person to look at (and for the README):
//! `cargo run -p e2e --example screenshots -- <out-dir>`. Needs the release build in `dist/`.

use std::path::PathBuf;
use std::time::Duration;

use e2e::{dist_dir, Browser, StaticServer, TestServer};

#[tokio::main]
async fn main() {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/screenshots".into()));
    std::fs::create_dir_all(&out).expect("output folder");
    let server = StaticServer::start(dist_dir(), "/");
    let api = TestServer::start();
    let fails = [
        format!("{}/delay/300", api.base()),
        format!("{}/status/500", api.base()),
        format!("{}/nocors/200", api.base()),
        format!("{}/hang", api.base()),
    ]
    .join("%0A");
    let real_waves = format!("lat={}&mode=concurrent&src=real&url={}/delay/{{ms}}", ["300"; 12].join(","), api.base());
    let real_fails = format!("lat=300,300,300,300&mode=concurrent&src=real&urls={fails}&timeout=900");
    // `SHOTS=embed` takes only the screenshots whose names contain "embed".
    let only = std::env::var("SHOTS").unwrap_or_default();
    let real_shots = [("real-waves-1440.png", real_waves), ("real-failures-1440.png", real_fails)];
    for (name, query) in real_shots.into_iter().filter(|(name, _)| name.contains(only.as_str())) {
        let b = Browser::start(1440, 1500).await;
        b.goto(&server.url(&query)).await;
        b.wait_for_app().await;
        b.click("run").await;
        b.wait_for_state(&["done"], Duration::from_secs(60)).await;
        b.js("window.scrollTo(0, document.querySelector('[data-testid=waterfall]').offsetTop - 20); return 0;").await;
        if name.starts_with("sequence-") {
            b.js("document.querySelector('[data-testid=sequence-diagram]').scrollIntoView({block: 'start'}); return 0;").await;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        b.screenshot(&out.join(name)).await;
        println!("{}", out.join(name).display());
        b.close().await;
    }
    // A run made while the tab was in the background: named, never judged (issue 30).
    for (name, width, query) in [
        ("hidden-run-1440.png", 1440, "lat=300,3000,500&mode=concurrent"),
        ("hidden-run-ru-390.png", 390, "lat=300,3000,500&mode=concurrent&lang=ru"),
    ]
    .into_iter()
    .filter(|(name, _, _)| name.contains(only.as_str()))
    {
        let b = Browser::start_backgroundable(width, 1400).await;
        b.goto(&server.url(query)).await;
        b.wait_for_app().await;
        b.click("run").await;
        b.hide_for(Duration::from_secs(2)).await;
        b.wait_for_state(&["done"], Duration::from_secs(30)).await;
        b.js("document.querySelector('[data-testid=hidden-run]').scrollIntoView({ block: 'center' }); return 0;").await;
        b.screenshot(&out.join(name)).await;
        println!("{}", out.join(name).display());
        b.close().await;
    }
    // Each chart beside its picture (the SVG opened on its own): `pictures-<chart>-<lang>.png`.
    for lang in ["ru", "en"].into_iter().filter(|l| format!("pictures-{l}").contains(only.as_str()) || only.is_empty()) {
        side_by_side(&server, &out, lang).await;
    }
    // A chart's picture menu, open, on a phone.
    if "picture-menu-390.png".contains(only.as_str()) {
        let b = Browser::start(390, 900).await;
        b.goto(&server.url("preset=note&mode=compare&lang=ru&autorun=1")).await;
        b.wait_for_app().await;
        b.wait_for_state(&["done"], Duration::from_secs(60)).await;
        b.js("const m = document.querySelector('[data-picture=totals] .picture-menu'); m.open = true; \
              window.scrollTo(0, document.querySelector('[data-picture=totals]').offsetTop - 10); return 0;")
            .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        b.screenshot(&out.join("picture-menu-390.png")).await;
        println!("{}", out.join("picture-menu-390.png").display());
        b.close().await;
    }
    // The Python panel after a run: (name, width, height, link, preset).
    let python_shots = [
        ("python-1440.png", 1440, 1500, "lat=300,800,500&limit=2", "cpu"),
        ("python-ru-390.png", 390, 2200, "lat=300,800,500&limit=2&lang=ru", "time-sleep"),
        ("python-dark-embed-720.png", 720, 1400, "lat=300,800,500&embed=1&theme=dark&panels=python", "gather"),
    ];
    for (name, width, height, query, preset) in python_shots.into_iter().filter(|s| s.0.contains(only.as_str())) {
        let b = Browser::start(width, height).await;
        b.goto(&server.url(query)).await;
        b.wait_for_app().await;
        b.click("python-open").await;
        b.wait_until("document.querySelector('[data-testid=py-preset]')", Duration::from_secs(20), "the Python panel").await;
        b.js(&format!(
            "const s = document.querySelector('[data-testid=py-preset]'); s.value = '{preset}'; s.dispatchEvent(new Event('change', {{bubbles: true}})); return 0;"
        ))
        .await;
        b.click("py-run").await;
        b.wait_until("document.querySelector('[data-testid=py-status]').dataset.state === 'done'", Duration::from_secs(60), "a Python run")
            .await;
        b.js("window.scrollTo(0, document.querySelector('[data-testid=python]').offsetTop - 10); return 0;").await;
        if name.starts_with("sequence-") {
            b.js("document.querySelector('[data-testid=sequence-diagram]').scrollIntoView({block: 'start'}); return 0;").await;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        b.screenshot(&out.join(name)).await;
        println!("{}", out.join(name).display());
        b.close().await;
    }
    let shots = [
        ("glance-1440.png", 1440, 2600, "preset=note&mode=compare&autorun=1"),
        ("glance-ru-1440.png", 1440, 2600, "preset=staggered&n=8&mode=compare&lang=ru&autorun=1"),
        ("glance-embed-720.png", 720, 700, "preset=note&mode=compare&embed=1&autorun=1"),
        ("glance-embed-ru-dark-390.png", 390, 900, "preset=note&mode=compare&embed=1&lang=ru&theme=dark&autorun=1"),
        ("glance-phone-390.png", 390, 844, "preset=note&mode=compare"),
        ("glance-long-1440.png", 1440, 1400, "preset=random&n=10000&mode=compare"),
        ("compare-1440.png", 1440, 2700, "preset=staggered&n=8&proc=30&mode=compare&limit=3&autorun=1"),
        ("compare-360.png", 360, 2600, "preset=note&mode=compare&autorun=1"),
        ("explain-390.png", 390, 4200, "preset=note&mode=blocking&lang=ru&autorun=1"),
        ("ru-1440.png", 1440, 2700, "preset=staggered&n=6&proc=20&mode=compare&limit=2&lang=ru&autorun=1"),
        ("ru-360.png", 360, 2600, "preset=note&mode=compare&lang=ru&autorun=1"),
        ("ru-note-blocking-1440.png", 1440, 2400, "preset=note&mode=blocking&lang=ru&autorun=1"),
        ("ru-note-concurrent-1440.png", 1440, 2400, "preset=note&mode=concurrent&proc=150&lang=ru&autorun=1"),
        ("notice-1440.png", 1440, 900, "lat=300,abc&limit=0&mode=sideways"),
        ("many-1440.png", 1440, 1400, "preset=random&n=200&seed=9&mode=concurrent&autorun=1"),
        ("embed-light-800.png", 800, 1100, "preset=note&mode=compare&embed=1&theme=light&autorun=1"),
        ("embed-dark-800.png", 800, 1100, "preset=note&mode=compare&embed=1&theme=dark&autorun=1"),
        ("embed-panels-dark-800.png", 800, 600, "preset=outlier&mode=concurrent&embed=1&theme=dark&panels=waterfall&autorun=1"),
        ("full-dark-1440.png", 1440, 1300, "preset=staggered&n=6&mode=compare&limit=2&theme=dark&autorun=1"),
        ("ten-thousand-1440.png", 1440, 2000, "preset=random&n=10000&seed=9&mode=concurrent&autorun=1"),
        ("sequence-10000-1440.png", 1440, 1000, "preset=random&n=10000&seed=5&mode=sequential&lang=ru"),
        ("sequence-10000-390.png", 390, 900, "preset=random&n=10000&seed=5&mode=sequential"),
        ("blocking-left-out-1440.png", 1440, 1500, "preset=equal&n=100&mode=compare"),
        ("blocking-refused-390.png", 390, 1600, "preset=equal&n=100&mode=blocking&lang=ru"),
    ];
    // The embed as a notes site shows it: the auto-height snippet, sandboxed, in a 720 px column
    // of a plain page on another port, after its Compare (Russian, and dark).
    let host_shots = [
        ("embed-in-host-720.png", "preset=note&mode=compare&embed=1&lang=ru&autorun=1", "#fff", "#222"),
        ("embed-in-host-dark-720.png", "preset=note&mode=compare&embed=1&lang=ru&theme=dark&autorun=1", "#1e1e1e", "#ddd"),
    ];
    for (name, query, background, color) in host_shots.into_iter().filter(|(name, ..)| name.contains(only.as_str())) {
        let src = server.url(query);
        let snippet =
            sync_vs_async::model::embed::snippet_auto_height(&src, "lab", 600, &sync_vs_async::model::embed::loader_src(&server.url("")))
                .replacen("<iframe ", "<iframe sandbox=\"allow-scripts\" ", 1);
        let dir = e2e::TempDir::new("lab-host-shot");
        let page = format!(
            "<!doctype html><html lang=ru><head><meta charset=utf-8><title>Заметка</title></head>\
             <body style=\"margin:0;background:{background};color:{color};font:16px/1.5 Georgia,serif\">\
             <div style=\"width:720px;margin:0 auto\"><h1>Синхронное и асинхронное выполнение</h1>\
             <p>Два запроса подряд занимают сумму задержек, а конкурентно — примерно самую долгую из них.</p>\
             {snippet}<p>Текст заметки после лаборатории.</p></div></body></html>"
        );
        std::fs::write(dir.path().join("index.html"), page).expect("the host page");
        let host = StaticServer::start(dir.path().to_path_buf(), "/");
        let b = Browser::start(900, 1300).await;
        b.goto(&host.url("")).await;
        b.wait_until(
            "(() => { try { return document.querySelector('iframe').contentDocument === null; } catch (e) { return true; } })() && document.querySelector('iframe').getBoundingClientRect().height > 620",
            Duration::from_secs(60),
            "the embed to size itself after its run",
        )
        .await;
        // The frame's Compare takes ~3.8 s by the model; the host cannot see into the frame.
        tokio::time::sleep(Duration::from_millis(6000)).await;
        b.screenshot(&out.join(name)).await;
        println!("{}", out.join(name).display());
        b.close().await;
    }
    // The embed in a Quartz site (its own pipeline, tests/e2e/quartz), light and dark, after its
    // Compare, in Quartz's 630 px column at 1280.
    for (name, theme) in
        [("quartz-light-1280.png", "light"), ("quartz-dark-1280.png", "dark")].into_iter().filter(|(name, _)| name.contains(only.as_str()))
    {
        let b = Browser::start(1280, 1100).await;
        b.goto(&server.url("preset=note&mode=compare&lang=ru")).await;
        b.wait_for_app().await;
        let snippet =
            b.js("return document.querySelector('[data-testid=embed-auto]').value;").await.as_str().unwrap_or_default().to_string();
        let note = format!("# Синхронное и асинхронное выполнение\n\nДва запроса подряд занимают сумму задержек, а конкурентно — примерно самую долгую из них.\n\n{snippet}\n\nТекст заметки после лаборатории.\n");
        let (site, _dir) = e2e::quartz::quartz_site(&[("index", note)]);
        b.goto(&site.url("index.html")).await;
        b.js(&format!("document.documentElement.setAttribute('saved-theme', '{theme}'); return 0;")).await;
        b.wait_until("document.querySelector('iframe')", Duration::from_secs(10), "the frame").await;
        b.client.enter_frame(0).await.expect("into the lab");
        b.wait_for_app().await;
        b.click("compare").await;
        b.wait_for_state(&["done"], Duration::from_secs(30)).await;
        b.client.enter_parent_frame().await.expect("out of the lab");
        tokio::time::sleep(Duration::from_millis(500)).await;
        b.screenshot(&out.join(name)).await;
        println!("{}", out.join(name).display());
        b.close().await;
    }
    for (name, width, height, query) in shots.into_iter().filter(|(name, ..)| name.contains(only.as_str())) {
        let b = Browser::start(width, height).await;
        b.goto(&server.url(query)).await;
        b.wait_for_app().await;
        if query.contains("autorun=1") {
            b.wait_for_state(&["done"], Duration::from_secs(120)).await;
        }
        if name.starts_with("sequence-") {
            b.js("document.querySelector('[data-testid=sequence-diagram]').scrollIntoView({block: 'start'}); return 0;").await;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        b.screenshot(&out.join(name)).await;
        println!("{}", out.join(name).display());
        b.close().await;
    }
}

/// Takes each chart's SVG through its menu after a Compare, and screenshots the chart on the page
/// beside the SVG opened on its own (served as a file, as a reader's browser opens it).
async fn side_by_side(server: &StaticServer, out: &std::path::Path, lang: &str) {
    use fantoccini::Locator;
    let b = Browser::start(1440, 1400).await;
    b.goto(&server.url(&format!("preset=staggered&n=6&proc=20&limit=2&mode=compare&lang={lang}"))).await;
    b.wait_for_app().await;
    b.click("compare").await;
    b.wait_for_state(&["done"], Duration::from_secs(60)).await;
    b.js("window.pictures = []; document.addEventListener('click', (e) => { const a = e.target.closest && e.target.closest('a[data-picture-file]'); \
          if (a) { e.preventDefault(); window.pictures.push(a.picture); } }, true); return null;")
        .await;
    let files = std::env::temp_dir().join(format!("sync-vs-async-pictures-{lang}"));
    std::fs::create_dir_all(&files).expect("a folder for the pictures");
    for chart in ["totals", "race", "waterfall", "sequence", "growth"] {
        let figure = format!("[data-picture={chart}]");
        b.js(&format!("const m = document.querySelector('{figure} .picture-menu'); m.open = true; m.querySelector('[data-picture-format=svg]').click(); return null;")).await;
        b.wait_until("window.pictures.length > 0", Duration::from_secs(20), "the picture").await;
        let svg = b.js("const p = window.pictures.pop(); return p.text();").await;
        b.js(&format!("document.querySelector('{figure} .picture-menu').open = false; document.querySelector('{figure}').scrollIntoView(); return null;")).await;
        let element = b.client.find(Locator::Css(&figure)).await.expect("the chart");
        let png = element.screenshot().await.expect("the chart's screenshot");
        std::fs::write(files.join(format!("{chart}.png")), png).expect("write");
        std::fs::write(files.join(format!("{chart}.svg")), svg.as_str().unwrap_or_default()).expect("write");
        std::fs::write(
            files.join(format!("{chart}.html")),
            format!(
                "<!doctype html><body style=\"margin:0;display:flex;gap:16px;align-items:flex-start;background:#888\">\
                     <img src=\"{chart}.png\" style=\"width:50%\"><img src=\"{chart}.svg\" style=\"width:50%\"></body>"
            ),
        )
        .expect("write");
    }
    // Pictures for the note: the two PNGs it saves, side by side.
    b.js("const m = document.querySelector('[data-picture=sequence] .picture-menu'); m.open = true; window.pictures = []; \
          m.querySelector('[data-picture-format=note]').click(); return null;")
        .await;
    b.wait_until("window.pictures.length === 2", Duration::from_secs(30), "the note's pictures").await;
    let urls = b
        .js("return Promise.all(window.pictures.map((blob) => new Promise((ok) => { const r = new FileReader(); r.onload = () => ok(r.result); r.readAsDataURL(blob); })));")
        .await;
    b.close().await;
    std::fs::write(files.join("note.html"), "<!doctype html><body style=\"margin:0;display:flex;gap:16px;align-items:flex-start;background:#888\"><img id=a style=\"width:50%\"><img id=b style=\"width:50%\"></body>").expect("write");
    let files_server = StaticServer::start(files.clone(), "/");
    {
        let b = Browser::start(1800, 1100).await;
        b.goto(&format!("{}note.html", files_server.url(""))).await;
        b.js(&format!("document.getElementById('a').src = {}; document.getElementById('b').src = {}; return null;", urls[0], urls[1]))
            .await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let name = out.join(format!("pictures-for-the-note-{lang}.png"));
        b.screenshot(&name).await;
        println!("{}", name.display());
        b.close().await;
    }
    for chart in ["totals", "race", "waterfall", "sequence", "growth"] {
        let b = Browser::start(1800, 900).await;
        b.goto(&format!("{}{chart}.html", files_server.url(""))).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let name = out.join(format!("pictures-{chart}-{lang}.png"));
        b.screenshot(&name).await;
        println!("{}", name.display());
        b.close().await;
    }
}
