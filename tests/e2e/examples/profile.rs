//! Where the main thread's time goes during a run: a Chrome DevTools CPU profile, taken through
//! chromedriver, summed by function (self time, top 40). For maintainers chasing a slow frame.
//! Names need a build that keeps them: wasm-opt drops the name section, so the rust link needs
//! `data-wasm-opt="0"` and `data-keep-debug` (not committed that way: the wasm grows from 0.54 to 0.88 MB). Build a
//! copy of index.html so edited into its own folder (`trunk build --release=true --locked=true
//! --dist /tmp/dist-prof index-prof.html`) and point this at it with `LAB_DIST=/tmp/dist-prof`.
//!
//! `cargo run --release -p e2e --example profile -- '<query>'` (the query should not autorun);
//! `PROFILE_MS=400` profiles only the first 400 ms after Run.

use std::collections::HashMap;
use std::time::Duration;

use e2e::{dist_dir, Browser, Cdp, StaticServer};
use serde_json::json;

#[tokio::main]
async fn main() {
    let query = std::env::args().nth(1).unwrap_or_default();
    let server = StaticServer::start(dist_dir(), "/");
    let b = Browser::start(1280, 900).await;
    b.goto(&server.url(&query)).await;
    b.wait_for_app().await;
    let cdp = |cmd, params| b.client.issue_cmd(Cdp(cmd, params));
    cdp("Profiler.enable", json!({})).await.expect("Profiler.enable");
    cdp("Profiler.setSamplingInterval", json!({ "interval": 100 })).await.expect("interval");
    cdp("Profiler.start", json!({})).await.expect("Profiler.start");
    b.click("run").await;
    // PROFILE_MS: profile only that long after the click (the start of a run), else the whole run.
    match std::env::var("PROFILE_MS").ok().and_then(|ms| ms.parse().ok()) {
        Some(ms) => tokio::time::sleep(Duration::from_millis(ms)).await,
        None => {
            b.wait_for_state(&["done", "cancelled"], Duration::from_secs(600)).await;
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
    }
    let profile = cdp("Profiler.stop", json!({})).await.expect("Profiler.stop");
    let profile = &profile["profile"];
    let nodes = profile["nodes"].as_array().cloned().unwrap_or_default();
    let names: HashMap<u64, String> = nodes
        .iter()
        .map(|n| {
            let f = &n["callFrame"];
            let name = f["functionName"].as_str().filter(|s| !s.is_empty()).unwrap_or("(anonymous)");
            (n["id"].as_u64().unwrap_or(0), name.to_string())
        })
        .collect();
    // Each node's parent, for inclusive times.
    let mut parent: HashMap<u64, u64> = HashMap::new();
    for n in &nodes {
        for c in n["children"].as_array().into_iter().flatten() {
            parent.insert(c.as_u64().unwrap_or(0), n["id"].as_u64().unwrap_or(0));
        }
    }
    let samples = profile["samples"].as_array().cloned().unwrap_or_default();
    let deltas = profile["timeDeltas"].as_array().cloned().unwrap_or_default();
    // Each sample: its function and how long it stood (until the next sample).
    let timeline: Vec<(&str, f64)> = samples
        .iter()
        .zip(deltas.iter().skip(1).chain(std::iter::once(&json!(0))))
        .map(|(s, d)| (names.get(&s.as_u64().unwrap_or(0)).map(String::as_str).unwrap_or("?"), d.as_f64().unwrap_or(0.0) / 1000.0))
        .collect();
    let busy = |name: &str| name != "(idle)" && name != "(program)";
    let report = |title: String, part: &[(&str, f64)], top: usize| {
        let mut self_ms: HashMap<&str, f64> = HashMap::new();
        for (name, ms) in part.iter().filter(|(n, _)| busy(n)) {
            *self_ms.entry(name).or_default() += ms;
        }
        let mut rows: Vec<_> = self_ms.into_iter().collect();
        rows.sort_by(|a, b| b.1.total_cmp(&a.1));
        let program: f64 = part.iter().filter(|(n, _)| *n == "(program)").map(|(_, ms)| ms).sum();
        println!("{title}: busy {:.1} ms, (program) {program:.1} ms", rows.iter().map(|r| r.1).sum::<f64>());
        for (name, ms) in rows.iter().take(top) {
            println!("{ms:8.1} ms  {}", name.chars().take(150).collect::<String>());
        }
    };
    report("whole run".into(), &timeline, 30);
    // TIMELINE=1: what ran, 5 ms at a time (the busiest function of each slice).
    if std::env::var("TIMELINE").is_ok() {
        let (mut t, mut slice, mut counts): (f64, usize, HashMap<&str, f64>) = (0.0, 0, HashMap::new());
        for (name, ms) in &timeline {
            t += ms;
            *counts.entry(name).or_default() += ms;
            if (t / 5.0) as usize > slice {
                let mut top: Vec<_> = counts.drain().collect();
                top.sort_by(|a, b| b.1.total_cmp(&a.1));
                let line: Vec<String> =
                    top.iter().take(3).map(|(n, ms)| format!("{:.1} {}", ms, n.chars().take(60).collect::<String>())).collect();
                println!("{:6.0} ms | {}", t, line.join(" | "));
                slice = (t / 5.0) as usize;
            }
        }
    }
    // Stretches without idle: roughly the tasks. The longest few, with what they spent time on.
    let mut stretches: Vec<(usize, usize, f64)> = Vec::new();
    let mut start = None;
    for (i, (name, _)) in timeline.iter().enumerate() {
        match (busy(name) || *name == "(program)", start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                stretches.push((s, i, timeline[s..i].iter().map(|t| t.1).sum()));
                start = None;
            }
            _ => {}
        }
    }
    stretches.sort_by(|a, b| b.2.total_cmp(&a.2));
    // INCLUSIVE=1: for the longest stretch, time by function including what it called.
    if let (Ok(_), Some((s, e, ms))) = (std::env::var("INCLUSIVE"), stretches.first()) {
        let mut inclusive: HashMap<&str, f64> = HashMap::new();
        let ids: Vec<u64> = samples.iter().map(|s| s.as_u64().unwrap_or(0)).collect();
        for k in *s..*e {
            let mut seen = std::collections::HashSet::new();
            let mut id = ids[k];
            loop {
                let name = names.get(&id).map(String::as_str).unwrap_or("?");
                if seen.insert(name) {
                    *inclusive.entry(name).or_default() += timeline[k].1;
                }
                match parent.get(&id) {
                    Some(p) => id = *p,
                    None => break,
                }
            }
        }
        let mut rows: Vec<_> = inclusive.into_iter().collect();
        rows.sort_by(|a, b| b.1.total_cmp(&a.1));
        println!("\nlongest stretch ({ms:.1} ms), inclusive:");
        for (name, ms) in rows.iter().take(45) {
            println!("{ms:8.1} ms  {}", name.chars().take(150).collect::<String>());
        }
    }
    for (s, e, ms) in stretches.iter().take(4) {
        println!();
        report(format!("stretch of {ms:.1} ms"), &timeline[*s..*e], 12);
    }
    b.close().await;
}
