//! The performance benchmark (issue 6): builds nothing itself — run it through `./scripts/bench`,
//! which builds the release first. Serves `dist/` on loopback, drives headless Chromium, and prints
//! each figure beside its target. It reports; it never fails on slowness.

use std::path::Path;
use std::time::{Duration, Instant};

use e2e::{dist_dir, within_tolerance, Browser, Engine, StaticServer};
use serde_json::json;
use sync_vs_async::model::scenario::limits::MAX_REQUESTS;
use sync_vs_async::model::{predict_requests, Preset, Request, Strategy};

struct Row {
    figure: &'static str,
    measured: String,
    target: &'static str,
    met: bool,
}

fn gzip_size(path: &Path) -> u64 {
    std::process::Command::new("gzip").arg("-9c").arg(path).output().map(|o| o.stdout.len() as u64).unwrap_or(0)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

async fn run_total(b: &Browser, server: &StaticServer, query: &str) -> f64 {
    b.goto(&server.url(query)).await;
    b.wait_for_app().await;
    b.wait_for_state(&["done"], Duration::from_secs(120)).await;
    b.results().await.first().map(|r| r.total).unwrap_or(f64::NAN)
}

#[tokio::main]
async fn main() {
    let dist = dist_dir();
    let server = StaticServer::start(dist.clone(), "/");
    let mut rows = Vec::new();

    // First load: every file fetched until Run is usable, gzipped, summed.
    let b = Browser::start(1280, 900).await;
    b.goto(&server.url("")).await;
    b.wait_for_app().await;
    b.wait_until("!document.querySelector('[data-testid=run]').disabled", Duration::from_secs(10), "Run usable").await;
    let names = b.js("return [location.href, ...performance.getEntriesByType('resource').map(e => e.name)];").await;
    let mut bytes = 0;
    let mut files = Vec::new();
    for name in names.as_array().into_iter().flatten().filter_map(|n| n.as_str()) {
        let path = name.split(['?', '#']).next().unwrap_or("").rsplit('/').next().unwrap_or("");
        let file = dist.join(if path.is_empty() { "index.html" } else { path });
        if file.is_file() {
            let size = gzip_size(&file);
            files.push(format!("{} {:.1} KB", file.file_name().unwrap().to_string_lossy(), size as f64 / 1024.0));
            bytes += size;
        }
    }
    let kb = bytes as f64 / 1024.0;
    rows.push(Row {
        figure: "first load, gzipped, summed",
        measured: format!("{kb:.1} KB ({})", files.join(", ")),
        // The budget since the 175 KB target was retired (its felt figures, first paint and Run
        // usable on a slow phone, are met and measured below).
        target: "≤ 240 KB (budget)",
        met: kb <= 240.0,
    });

    // A phone on a slow network (Lighthouse's mobile profile: 150 ms round trip, 1.6 Mbps down,
    // 750 kbps up, the CPU 4× slower), 390 px, three cold loads: the first contentful paint (the
    // prerendered first screen), Run usable (the app has taken over: `lab-interactive`), and the
    // layout shift until a second after that. One screenshot of the first paint, before the app.
    let slow = slow_loads(&server).await;
    let med = |i: usize| median(slow.iter().map(|l| l[i]).collect());
    let range = |i: usize| {
        let v: Vec<f64> = slow.iter().map(|l| l[i]).collect();
        (v.iter().copied().fold(f64::INFINITY, f64::min), v.iter().copied().fold(0.0, f64::max))
    };
    let (fcp, usable, shift) = (med(0), med(1), med(2));
    rows.push(Row {
        figure: "slow network: first contentful paint, median of 3",
        measured: format!("{fcp:.0} ms ({:.0}–{:.0})", range(0).0, range(0).1),
        target: "≤ 800 ms",
        met: fcp <= 800.0,
    });
    rows.push(Row {
        figure: "slow network: Run usable, median of 3",
        measured: format!("{usable:.0} ms ({:.0}–{:.0})", range(1).0, range(1).1),
        target: "≤ 2,200 ms",
        met: usable <= 2200.0,
    });
    rows.push(Row {
        figure: "slow network: layout shift as the app takes over",
        measured: format!("{shift:.3} ({:.3}–{:.3})", range(2).0, range(2).1),
        target: "≤ 0.05",
        met: range(2).1 <= 0.05,
    });

    // Time to interactive: navigation start → the lab's first render (Run usable), median of 5.
    let mut tti = Vec::new();
    for _ in 0..5 {
        b.goto(&server.url("")).await;
        b.wait_until("performance.getEntriesByName('lab-interactive').length > 0", Duration::from_secs(10), "interactive").await;
        let t = b.js("return performance.getEntriesByName('lab-interactive')[0].startTime;").await;
        tti.push(t.as_f64().unwrap_or(f64::NAN));
    }
    let tti = median(tti);
    rows.push(Row {
        figure: "time to interactive, median of 5", measured: format!("{tti:.0} ms"), target: "≤ 300 ms", met: tti <= 300.0
    });

    // 1000 concurrent simulated requests of 1000 ms.
    let lat = vec!["1000"; 1000].join(",");
    let total = run_total(&b, &server, &format!("lat={lat}&mode=concurrent&autorun=1")).await;
    rows.push(Row {
        figure: "1000 concurrent × 1000 ms: total − 1000 ms",
        measured: format!("{:.1} ms", total - 1000.0),
        target: "≤ 30 ms",
        met: total - 1000.0 <= 30.0,
    });

    // 50 sequential simulated requests of 20 ms.
    let lat = vec!["20"; 50].join(",");
    let total = run_total(&b, &server, &format!("lat={lat}&mode=sequential&autorun=1")).await;
    rows.push(Row {
        figure: "50 sequential × 20 ms: total − 1000 ms",
        measured: format!("{:.1} ms", total - 1000.0),
        target: "≤ 50 ms",
        met: total - 1000.0 <= 50.0,
    });

    // The largest concurrent run the form allows: the longest main-thread task while it runs.
    let n = MAX_REQUESTS;
    let lat = vec!["1000"; n].join(",");
    b.goto(&server.url(&format!("lat={lat}&mode=concurrent"))).await;
    b.wait_for_app().await;
    b.js("window.longest = 0; new PerformanceObserver(list => { for (const e of list.getEntries()) window.longest = Math.max(window.longest, e.duration); }).observe({type: 'longtask'}); return 0;").await;
    b.click("run").await;
    b.wait_for_state(&["done"], Duration::from_secs(120)).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let longest = b.js("return window.longest;").await.as_f64().unwrap_or(f64::NAN);
    // Below 50 ms the API is silent: the run's longest gap between painted frames bounds every
    // task from above (a frame waits for the task before it), so it says how far under.
    let frame_gap = b.results().await.first().map(|r| r.gap).unwrap_or(f64::NAN);
    rows.push(Row {
        figure: "10,000 concurrent × 1000 ms: longest task",
        // The Long Tasks API reports only tasks over 50 ms: none at all reads as 0.
        measured: format!(
            "{} (longest gap between frames {frame_gap:.0} ms; {n} requests)",
            if longest > 0.0 { format!("{longest:.0} ms") } else { "no task over 50 ms".to_string() },
        ),
        target: "≤ 50 ms at 10,000",
        met: longest <= 50.0,
    });
    b.close().await;

    // The model, natively: predictions for 100,000 requests, every strategy (slowest of them).
    let requests: Vec<Request> = (0..100)
        .flat_map(|seed| Preset::Random.latencies(1000, seed))
        .enumerate()
        .map(|(i, latency_ms)| Request { latency_ms, processing_ms: (i % 7) as u32 })
        .collect();
    let mut worst: f64 = 0.0;
    for strategy in [Strategy::Blocking, Strategy::Sequential, Strategy::Concurrent, Strategy::Bounded(6), Strategy::Bounded(1000)] {
        let times: Vec<f64> = (0..7)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(predict_requests(std::hint::black_box(&requests), strategy));
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        worst = worst.max(median(times));
    }
    rows.push(Row {
        figure: "model: 100,000 requests, slowest strategy",
        measured: format!("{worst:.1} ms"),
        target: "≤ 50 ms",
        met: worst <= 50.0,
    });

    // Each engine: how late the lab's runs of the note's example end (measured − predicted, every
    // strategy that awaits, five Compares), beside plain JavaScript timers of the same 300 and
    // 800 ms in the same window (one after another, and both at once).
    for engine in [Engine::Chromium, Engine::Firefox, Engine::WebKit] {
        if engine == Engine::WebKit && std::env::var_os("DISPLAY").is_none() {
            rows.push(Row {
                figure: "WebKit: timer overshoot",
                measured: "not run: no display (scripts/bench runs it under xvfb-run)".into(),
                target: "",
                met: false,
            });
            continue;
        }
        let (lab, plain) = overshoot(engine, &server).await;
        let range =
            |v: &[f64]| format!("{:.0}–{:.0} ms", v.iter().copied().fold(f64::INFINITY, f64::min), v.iter().copied().fold(0.0, f64::max));
        let worst = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
        rows.push(Row {
            figure: match engine {
                Engine::Chromium => "Chromium: lab's overshoot (plain JS timers)",
                Engine::Firefox => "Firefox: lab's overshoot (plain JS timers)",
                Engine::WebKit => "WebKit: lab's overshoot (plain JS timers)",
            },
            measured: format!("{} ({})", range(&lab), range(&plain)),
            target: "≤ plain's worst + 10 ms",
            met: worst(&lab) <= worst(&plain) + 10.0,
        });
    }

    // Python (the panel's Pyodide): its download, gzipped as this server sends it (the zip as it
    // is), and three cold loads on loopback, each in a fresh browser: Run pressed → Python ready
    // (the worker's own count, `data-load-ms`), then gather over 300/800/500 ms.
    let python_bytes: u64 = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]
        .iter()
        .map(|f| {
            let path = dist.join("pyodide").join(f);
            if f.ends_with(".zip") {
                std::fs::metadata(&path).map_or(0, |m| m.len())
            } else {
                gzip_size(&path)
            }
        })
        .sum();
    rows.push(Row {
        figure: "Python: download when first run, gzipped",
        measured: format!("{:.2} MB", python_bytes as f64 / 1e6),
        target: "only when used",
        met: true,
    });
    let mut loads = Vec::new();
    let mut totals = Vec::new();
    for _ in 0..3 {
        let b = Browser::start(1280, 900).await;
        b.goto(&server.url("lat=300,800,500")).await;
        b.wait_for_app().await;
        b.click("python-open").await;
        b.wait_until("document.querySelector('[data-testid=py-run]')", Duration::from_secs(20), "the Python panel").await;
        b.click("py-run").await;
        b.wait_until("document.querySelector('[data-testid=py-status]').dataset.state === 'done'", Duration::from_secs(60), "a Python run")
            .await;
        let v = b.js("return [parseFloat(document.querySelector('[data-testid=py-status]').dataset.loadMs), parseFloat(document.querySelector('[data-testid=py-result]').dataset.totalMs)];").await;
        loads.push(v[0].as_f64().unwrap_or(f64::NAN));
        totals.push(v[1].as_f64().unwrap_or(f64::NAN));
        b.close().await;
    }
    let spread = |v: &[f64]| format!("{:.0}–{:.0}", v.iter().copied().fold(f64::INFINITY, f64::min), v.iter().copied().fold(0.0, f64::max));
    let load = median(loads.clone());
    rows.push(Row {
        figure: "Python: cold load on loopback (Run → ready), median of 3",
        measured: format!("{load:.0} ms ({})", spread(&loads)),
        target: "shown with a progress bar",
        met: true,
    });
    let gather = median(totals.clone());
    rows.push(Row {
        figure: "Python: gather over 300/800/500 ms, first run, median of 3",
        measured: format!("{gather:.0} ms ({})", spread(&totals)),
        target: "800 ms ± 31 ms",
        met: within_tolerance(gather, 800.0),
    });

    println!("\n| figure | measured | target | |\n|---|---|---|---|");
    for r in rows {
        let mark = if r.met { "met" } else { "NOT met" };
        println!("| {} | {} | {} | {} |", r.figure, r.measured, r.target, mark);
    }
}

/// Three cold loads of the bare page at 390 px under the slow profile: [first contentful paint, Run
/// usable, cumulative layout shift], each in ms from navigation start (the shift unitless). The
/// first load's first paint is saved as `target/bench-first-paint.png`.
async fn slow_loads(server: &StaticServer) -> Vec<[f64; 3]> {
    let mut loads = Vec::new();
    for i in 0..3 {
        let b = Browser::start(390, 844).await;
        b.cdp("Network.enable", json!({})).await;
        b.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true })).await;
        b.cdp(
            "Network.emulateNetworkConditions",
            json!({ "offline": false, "latency": 150, "downloadThroughput": 1.6 * 1024.0 * 1024.0 / 8.0, "uploadThroughput": 750.0 * 1024.0 / 8.0 }),
        )
        .await;
        b.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 4 })).await;
        // Observers from the start of the document: a script the browser runs before the page's own.
        b.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "window.shift = 0; new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.shift += e.value; }).observe({type: 'layout-shift', buffered: true});" }),
        )
        .await;
        // Navigation returns at the load event; the first paint is usually earlier.
        let url = server.url("");
        let nav = b.client.goto(&url);
        if i == 0 {
            let (_, _) = tokio::join!(nav, async {
                b.wait_until("performance.getEntriesByName('first-contentful-paint').length > 0", Duration::from_secs(30), "first paint")
                    .await;
                if b.js("return performance.getEntriesByName('lab-interactive').length;").await == json!(0) {
                    b.screenshot(Path::new("target/bench-first-paint.png")).await;
                }
            });
        } else {
            nav.await.expect("navigation");
        }
        b.wait_until("performance.getEntriesByName('lab-interactive').length > 0", Duration::from_secs(60), "Run usable").await;
        b.wait_until("!document.querySelector('[data-testid=run]').disabled", Duration::from_secs(10), "Run enabled").await;
        let t = b
            .js("const m = performance.getEntriesByName('lab-interactive')[0].startTime; \
                 const f = performance.getEntriesByName('first-contentful-paint')[0]; \
                 return [f ? f.startTime : NaN, m];")
            .await;
        // Shifts the takeover causes come within a frame or two of it; wait a second of page time.
        b.js("return new Promise(r => setTimeout(r, 1000));").await;
        let shift = b.js("return window.shift;").await.as_f64().unwrap_or(f64::NAN);
        loads.push([t[0].as_f64().unwrap_or(f64::NAN), t[1].as_f64().unwrap_or(f64::NAN), shift]);
        b.close().await;
    }
    loads
}

/// Five Compares of the note's example in `engine`: each awaiting strategy's measured − predicted;
/// and five runs of plain timers in the same window: 300 then 800 ms, and both at once, each
/// against its 1,100 or 800 ms.
async fn overshoot(engine: Engine, server: &StaticServer) -> (Vec<f64>, Vec<f64>) {
    let b = Browser::start_in(engine, 1280, 1000).await;
    let (mut lab, mut plain) = (Vec::new(), Vec::new());
    for i in 0..5 {
        b.goto(&server.url(&format!("preset=note&mode=compare&autorun=1&r={i}"))).await;
        b.wait_for_app().await;
        b.wait_for_state(&["done"], Duration::from_secs(60)).await;
        lab.extend(b.results().await.iter().filter(|r| r.strategy != "blocking").map(|r| r.total - r.predicted));
        let timers = b
            .client
            .execute_async(
                "const done = arguments[0], t0 = performance.now();
                 const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
                 sleep(300).then(() => sleep(800)).then(() => {
                     const one = performance.now() - t0 - 1100, t1 = performance.now();
                     Promise.all([sleep(300), sleep(800)]).then(() => done([one, performance.now() - t1 - 800]));
                 });",
                vec![],
            )
            .await
            .expect("plain timers");
        plain.extend(timers.as_array().into_iter().flatten().filter_map(|v| v.as_f64()));
    }
    b.close().await;
    (lab, plain)
}
