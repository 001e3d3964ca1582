//! The harness's own promise: a browser kept for the next test (`e2e::pool`) carries nothing of
//! the last one, a browser whose test failed is never kept, and the program's end ends every
//! browser it kept.

use std::time::Duration;

use e2e::{dist_dir, pool, Browser, StaticServer};
use serde_json::{json, Value};

/// Everything a test can leave in a browser, as a page of the origin at `url` reads it.
const LEFT: &str = "const done = arguments[0];
    (async () => done({
        local: localStorage.length,
        session: sessionStorage.length,
        cookie: document.cookie,
        workers: (await navigator.serviceWorker.getRegistrations()).length,
        caches: (await caches.keys()).length,
        databases: (await indexedDB.databases()).map(d => d.name),
        dark: matchMedia('(prefers-color-scheme: dark)').matches,
        zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        online: navigator.onLine,
        script: typeof window.leftOver,
    }))();";

/// A busy loop's time in ms, the least of five (a throttled CPU makes it ~20× longer).
const BUSY: &str = "let least = Infinity;
    for (let i = 0; i < 5; i++) {
        const start = performance.now(); let x = 0;
        for (let j = 0; j < 2e6; j++) x += Math.sqrt(j);
        least = Math.min(least, performance.now() - start + (x < 0 ? 1 : 0));
    }
    return least;";

async fn left(b: &Browser, server: &StaticServer) -> Value {
    b.goto(&server.url("")).await;
    b.client.execute_async(LEFT, vec![]).await.expect("what the page reads")
}

#[tokio::test]
async fn a_kept_browser_carries_nothing_of_the_last_test() {
    let server = StaticServer::start(dist_dir(), "/");
    let b = Browser::start_in(e2e::Engine::Chromium, 1000, 700).await;
    let clean = left(&b, &server).await;
    let id = b.client.session_id().await.expect("a session id");
    // What a test may leave: storage of every kind, a service worker, DevTools emulation, a
    // script for every new page, a second tab (throttling: `timing`, below).
    let dirtied = b
        .client
        .execute_async(
            "const done = arguments[0];
             (async () => {
                 localStorage.setItem('k', 'v'); sessionStorage.setItem('k', 'v');
                 document.cookie = 'k=v; max-age=3600';
                 await navigator.serviceWorker.register('latency-sw.js');
                 await (await caches.open('left')).put('/x', new Response('x'));
                 await new Promise(r => { const o = indexedDB.open('left'); o.onsuccess = () => { o.result.close(); r(); }; });
                 done('dirty');
             })().catch(e => done(String(e)));",
            vec![],
        )
        .await
        .expect("dirtying the page");
    assert_eq!(dirtied, json!("dirty"));
    b.cdp("Emulation.setEmulatedMedia", json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] })).await;
    b.cdp("Emulation.setTimezoneOverride", json!({ "timezoneId": "Pacific/Kiritimati" })).await;
    b.cdp("Network.enable", json!({})).await;
    b.cdp("Network.emulateNetworkConditions", json!({ "offline": true, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }))
        .await;
    b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": "window.leftOver = 1;" })).await;
    b.client.new_window(true).await.expect("a second tab");
    let dirty = b.client.execute_async(LEFT, vec![]).await.expect("the dirty page");
    assert_ne!(dirty, clean, "the test dirtied the browser");
    b.close().await;
    assert_eq!(pool::kept(), 1, "the browser was kept");

    let again = Browser::start_in(e2e::Engine::Chromium, 1000, 700).await;
    assert_eq!(pool::kept(), 0);
    assert_eq!(again.client.session_id().await.expect("a session id"), id, "the same browser, kept");
    assert_eq!(again.client.windows().await.expect("the tabs").len(), 1, "one tab");
    assert_eq!(left(&again, &server).await, clean, "nothing left");
    again.close().await;
}

/// The throttling a test leaves is measured: a busy loop's time (alone on the machine, as every
/// test that measures time runs).
mod timing {
    use super::*;

    #[tokio::test]
    async fn a_kept_browser_carries_no_cpu_throttling() {
        let server = StaticServer::start(dist_dir(), "/");
        let b = Browser::start_in(e2e::Engine::Chromium, 1003, 700).await;
        b.goto(&server.url("")).await;
        let unthrottled = b.js(BUSY).await.as_f64().expect("a time");
        b.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 20 })).await;
        let throttled = b.js(BUSY).await.as_f64().expect("a time");
        assert!(throttled > 4.0 * unthrottled, "throttled {throttled} ms, before {unthrottled} ms");
        b.close().await;
        let again = Browser::start_in(e2e::Engine::Chromium, 1003, 700).await;
        again.goto(&server.url("")).await;
        let now = again.js(BUSY).await.as_f64().expect("a time");
        assert!(now < 4.0 * unthrottled, "{now} ms now, {unthrottled} ms unthrottled: the throttling was left");
        again.close().await;
    }
}

#[tokio::test]
async fn a_browser_whose_test_failed_is_never_kept() {
    let failed = tokio::spawn(async {
        let b = Browser::start_in(e2e::Engine::Chromium, 1001, 700).await;
        let pid = b.driver_pid().expect("a driver");
        assert!(running(pid), "the driver runs");
        std::fs::write(pid_file(), pid.to_string()).expect("the driver's pid");
        panic!("a test fails with its browser open");
    })
    .await;
    assert!(failed.is_err(), "the test failed");
    let pid: u32 = std::fs::read_to_string(pid_file()).expect("the driver's pid").parse().expect("a pid");
    assert_eq!(pool::kept(), 0, "nothing kept");
    assert!(!running(pid), "the failed test's driver was ended");
}

/// The program's end ends what it kept: a child program keeps a browser and ends; its driver
/// and browser end with it.
#[tokio::test]
async fn the_end_of_a_program_ends_every_browser_it_kept() {
    let file = pid_file();
    let status = std::process::Command::new(std::env::current_exe().expect("this program"))
        .args(["--exact", "keeps_a_browser_and_ends", "--ignored", "--test-threads=1"])
        .env("E2E_PID_FILE", &file)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("the child program");
    assert!(status.success(), "the child program passed");
    let pid: u32 = std::fs::read_to_string(&file).expect("the child's driver pid").parse().expect("a pid");
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while running(pid) && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(!running(pid), "the driver {pid} outlived its program");
}

/// The child of the test above: it keeps a browser and ends.
#[tokio::test]
#[ignore = "run by the_end_of_a_program_ends_every_browser_it_kept"]
async fn keeps_a_browser_and_ends() {
    let b = Browser::start_in(e2e::Engine::Chromium, 1002, 700).await;
    std::fs::write(pid_file(), b.driver_pid().expect("a driver").to_string()).expect("the pid");
    b.close().await;
    assert_eq!(pool::kept(), 1);
}

/// Where a test writes a driver's pid: `$E2E_PID_FILE`, else a file of this test's own.
fn pid_file() -> std::path::PathBuf {
    std::env::var_os("E2E_PID_FILE")
        .map(Into::into)
        .unwrap_or_else(|| std::env::temp_dir().join(format!("e2e-pid-{}-{:?}", std::process::id(), std::thread::current().id())))
}

/// Whether the process `pid` is alive (not a zombie waiting to be reaped).
fn running(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|stat| !stat.rsplit(')').next().unwrap_or("").trim_start().starts_with('Z'))
}
