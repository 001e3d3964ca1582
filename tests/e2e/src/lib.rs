//! End-to-end harness: the release build (`dist/`) served on 127.0.0.1 by a small static
//! server written here, and a browser driven through WebDriver: headless Chromium
//! (chromedriver), headless Firefox (geckodriver) or WebKit's MiniBrowser (WebKitWebDriver).
//!
//! Tests read the page only through its `data-testid` hooks.

pub mod pool;
pub mod quartz;
pub mod reading;
pub mod static_server;
pub mod test_server;

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

pub use static_server::StaticServer;
pub use test_server::TestServer;

/// A folder of its own under the system's temporary one (a host page for an embed), removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(prefix: &str) -> TempDir {
        // Unique in the program: its tests share one process (a port may come back).
        static MADE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let made = MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("{prefix}-{}-{made}-{}", std::process::id(), free_port()));
        std::fs::create_dir_all(&path).expect("a temporary folder");
        TempDir(path)
    }

    pub fn path(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The folder `trunk build --release` wrote: `$LAB_DIST`, else `dist/` at the workspace root.
pub fn dist_dir() -> PathBuf {
    let dir =
        std::env::var_os("LAB_DIST").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../dist"));
    assert!(
        dir.join("index.html").exists(),
        "no release build at {}: run `trunk build --release` first (the README's test command does)",
        dir.display()
    );
    dir
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free loopback port")
}

/// A Chrome DevTools Protocol command, sent through chromedriver's `goog/cdp/execute`.
#[derive(Debug)]
pub struct Cdp(pub &'static str, pub Value);

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/goog/cdp/execute", session.unwrap_or_default()))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "cmd": self.0, "params": self.1 }).to_string()))
    }
}

/// The environment variable `name`, else `default` (where a tool is, when not on PATH).
fn var(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.into())
}

/// The browser engines the suite drives. `LAB_ENGINE` (chromium, firefox or webkit) picks one for
/// a whole test run; Chromium when unset. Chromium runs every test; the others the core set, the
/// tests in an `every_engine` module (README: "Browsers").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    WebKit,
}

impl Engine {
    pub fn current() -> Engine {
        match std::env::var("LAB_ENGINE").unwrap_or_default().to_ascii_lowercase().as_str() {
            "" | "chromium" | "chrome" => Engine::Chromium,
            "firefox" | "gecko" => Engine::Firefox,
            "webkit" | "safari" => Engine::WebKit,
            other => panic!("LAB_ENGINE={other}: expected chromium, firefox or webkit"),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    /// The WebDriver server and its arguments for `port`.
    fn driver(self, port: u16) -> (String, Vec<String>) {
        match self {
            Engine::Chromium => (var("CHROMEDRIVER", "chromedriver"), vec![format!("--port={port}")]),
            Engine::Firefox => {
                (var("GECKODRIVER", "geckodriver"), vec!["--host=127.0.0.1".into(), format!("--port={port}"), "--log=fatal".into()])
            }
            Engine::WebKit => (var("WEBKITDRIVER", "WebKitWebDriver"), vec!["--host=127.0.0.1".into(), format!("--port={port}")]),
        }
    }

    /// The new session's capabilities: headless (WebKit has no headless mode: it runs on the
    /// display `xvfb-run` gives), no background traffic, a fresh profile (Firefox's in `profile`).
    fn capabilities(self, width: u32, height: u32, profile: &Path) -> serde_json::Map<String, Value> {
        let mut caps = serde_json::Map::new();
        match self {
            Engine::Chromium => {
                let mut options = json!({
                    "binary": var("CHROME", "/usr/bin/chromium"),
                    "args": [
                        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic", "--disable-background-timer-throttling",
                        "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
                        "--hide-scrollbars",
                        format!("--window-size={width},{height}"),
                        format!("--user-data-dir={}", profile.display()),
                    ]
                });
                // Desktop windows have a minimum width; phones are emulated at their real size.
                if width < 600 {
                    options["mobileEmulation"] =
                        json!({ "deviceMetrics": { "width": width, "height": height, "pixelRatio": 1.0, "touch": true } });
                }
                caps.insert("goog:chromeOptions".into(), options);
            }
            Engine::Firefox => {
                caps.insert("browserName".into(), json!("firefox"));
                caps.insert(
                    "moz:firefoxOptions".into(),
                    json!({
                        "binary": var("FIREFOX", "/usr/bin/firefox-esr"),
                        "args": firefox_args(width, height, profile),
                        // Default preferences but for what would reach outside the machine.
                        "prefs": {
                            "app.update.enabled": false,
                            "browser.shell.checkDefaultBrowser": false,
                            "datareporting.policy.dataSubmissionEnabled": false,
                            "network.captive-portal-service.enabled": false,
                            "network.connectivity-service.enabled": false,
                            "browser.safebrowsing.update.enabled": false,
                            "extensions.update.enabled": false,
                        }
                    }),
                );
            }
            Engine::WebKit => {
                caps.insert("browserName".into(), json!("MiniBrowser"));
                caps.insert(
                    "webkitgtk:browserOptions".into(),
                    json!({
                        "binary": var("MINIBROWSER", "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"),
                        "args": ["--automation"],
                    }),
                );
            }
        }
        caps
    }
}

/// The app has mounted: its status line is there.
const APP_MOUNTED: &str = "document.querySelector('[data-testid=status]')";

/// How long the app may take to mount.
const APP_START: Duration = Duration::from_secs(15);

/// The script that reads the lab's status hook.
const STATUS: &str = "const s = document.querySelector('[data-testid=status]'); return s ? s.dataset.state : 'absent';";

/// Why a wait ended without its condition.
#[derive(Debug)]
pub enum WaitFailure {
    /// The page answered, and the condition stayed false.
    TimedOut,
    /// The browser's last answer was an error, not the page's: its content process may have died.
    BrowserFailed(String),
}

impl std::fmt::Display for WaitFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WaitFailure::TimedOut => write!(f, "the page answered, the condition stayed false"),
            WaitFailure::BrowserFailed(error) => write!(f, "the browser's last answer: {error}"),
        }
    }
}

/// Firefox's command line: headless, the window's size, and its profile folder.
fn firefox_args(width: u32, height: u32, profile: &Path) -> Vec<String> {
    let mut args = vec!["-headless".to_string(), format!("--width={width}"), format!("--height={height}")];
    args.extend(["-profile".to_string(), profile.display().to_string()]);
    args
}

/// A fresh Firefox profile for one session: a copy of a profile Firefox made once on this machine
/// and quit without visiting any page (no page's storage, cache or history in it). Firefox starts
/// in ~1.3 s from it and ~2.7 s from an empty one (it builds its databases and startup cache on a
/// first run), and quits in ~0.3 s instead of ~0.6 s; the suite starts Firefox ~35 times.
async fn firefox_profile(width: u32, height: u32) -> TempDir {
    let template = firefox_template();
    if !template.join("prefs.js").exists() {
        // Made once: a session in a folder of its own, closed; then moved into place whole. Two
        // tests that both find no template each make one, and the second's move fails: it is
        // dropped, and both use the first.
        // (The staging folder is removed on drop when it was not moved.)
        let staging = TempDir::new("lab-e2e-firefox-staging");
        let driver = spawn_driver(Engine::Firefox);
        let caps = Engine::Firefox.capabilities(width, height, staging.path());
        let made = connect_within(SESSION_TIME, Engine::Firefox, format!("http://127.0.0.1:{}", driver.1), caps).await;
        let closed = match made {
            Some(client) => tokio::time::timeout(COMMAND_TIME, client.close()).await.is_ok_and(|closed| closed.is_ok()),
            None => false,
        };
        end_driver(driver.0);
        unlock_profile(staging.path());
        if closed {
            let _ = std::fs::rename(staging.path(), &template);
        }
    }
    let copy = TempDir::new("lab-e2e-firefox-profile");
    if !template.join("prefs.js").exists() {
        // No template (its Firefox did not start): an empty folder, which Firefox makes a profile of.
        return copy;
    }
    let status = Command::new("cp").arg("-a").arg(template.join(".")).arg(copy.path()).status().expect("cp");
    assert!(status.success(), "copying Firefox's profile from {}", template.display());
    unlock_profile(copy.path());
    copy
}

/// Where this machine's Firefox profile template lives: named after the Firefox binary's size and
/// time, so that an upgraded Firefox makes a new one.
fn firefox_template() -> PathBuf {
    let binary = var("FIREFOX", "/usr/bin/firefox-esr");
    let stamp = match std::fs::metadata(std::fs::canonicalize(&binary).unwrap_or(binary.into())) {
        Ok(m) => {
            let made = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_secs());
            format!("{}-{made}", m.len())
        }
        Err(_) => String::new(),
    };
    std::env::temp_dir().join(format!("lab-e2e-firefox-template-{stamp}"))
}

/// Removes the lock files a Firefox leaves in its profile (a killed one leaves them behind).
fn unlock_profile(profile: &Path) {
    for lock in ["lock", ".parentlock"] {
        let _ = std::fs::remove_file(profile.join(lock));
    }
}

/// A WebDriver server process and one browser session. `close` resets it and keeps it for the
/// program's next test of the same kind (`pool`); a drop without `close` (a test that panicked)
/// ends both.
pub struct Browser {
    pub client: Client,
    pub engine: Engine,
    kind: pool::Kind,
    /// The driver, ended with the browser it started when the `Browser` drops.
    driver: Option<Child>,
    /// The browser's profile folder, removed after the driver and browser have ended.
    _profile: Option<TempDir>,
    /// The viewport the browser started with, which a kept one must still have.
    viewport: Value,
    /// When it started or was last reset: every origin visited since is cleared by the next reset.
    since: Instant,
}

impl Browser {
    /// A window of `width` × `height` CSS pixels in the engine `LAB_ENGINE` names.
    pub async fn start(width: u32, height: u32) -> Browser {
        Browser::start_in(Engine::current(), width, height).await
    }

    pub async fn start_in(engine: Engine, width: u32, height: u32) -> Browser {
        Browser::launch(engine, width, height, "normal").await
    }

    /// A browser whose commands do not wait for a page to load (WebDriver's page load strategy
    /// "none"): for a page whose load a test holds back, as `StaticServer::holding` does.
    pub async fn start_not_waiting(engine: Engine, width: u32, height: u32) -> Browser {
        Browser::launch(engine, width, height, "none").await
    }

    /// Chromium as a reader has it: a tab brought behind another is `hidden` and its timers are
    /// slowed (no `--disable-background-timer-throttling` and its two siblings). For the tests of
    /// a run made while the tab was in the background (`hide_for`).
    pub async fn start_backgroundable(width: u32, height: u32) -> Browser {
        Browser::launch_as(Engine::Chromium, width, height, "normal", true).await
    }

    /// Brings a new tab to the front for `time`, so that the lab's tab is in the background, then
    /// closes it and brings the lab's back. What it measures is the page's: this is the reader
    /// switching tabs, not a wait for the page.
    pub async fn hide_for(&self, time: Duration) {
        let lab = bounded("the window", self.client.window()).await.expect("the lab's window");
        let other = bounded("a new tab", self.client.new_window(true)).await.expect("a new tab");
        bounded("to the new tab", self.client.switch_to_window(other.handle)).await.expect("switch to the new tab");
        tokio::time::sleep(time).await;
        bounded("closing the tab", self.client.close_window()).await.expect("close the new tab");
        bounded("back to the lab", self.client.switch_to_window(lab)).await.expect("switch back to the lab");
    }

    async fn launch(engine: Engine, width: u32, height: u32, page_load: &'static str) -> Browser {
        Browser::launch_as(engine, width, height, page_load, false).await
    }

    async fn launch_as(engine: Engine, width: u32, height: u32, page_load: &'static str, backgroundable: bool) -> Browser {
        if engine == Engine::WebKit && std::env::var_os("DISPLAY").is_none() {
            panic!("WebKit needs a display: run the tests under `xvfb-run -a` (Debian's xvfb), as ./scripts/test does");
        }
        let kind = pool::Kind { engine, width, height, page_load, backgroundable };
        if let Some(kept) = pool::take(kind) {
            return kept;
        }
        // A browser that dies while it starts leaves its driver waiting for it for good (a WebKit
        // soak hung 9 minutes in one session request): each attempt gets a bounded time, then
        // its driver and browser are ended and a fresh pair starts.
        for attempt in 1..=SESSION_ATTEMPTS {
            let profile = match engine {
                Engine::Firefox => firefox_profile(width, height).await,
                _ => TempDir::new("lab-e2e-profile"),
            };
            let driver = spawn_driver(engine);
            let port = driver.1;
            let mut caps = engine.capabilities(width, height, profile.path());
            caps.insert("pageLoadStrategy".into(), json!(page_load));
            if backgroundable {
                if let Some(args) = caps.get_mut("goog:chromeOptions").and_then(|o| o["args"].as_array_mut()) {
                    args.retain(|a| !BACKGROUND_AS_FOREGROUND.contains(&a.as_str().unwrap_or_default()));
                }
            }
            match connect_within(SESSION_TIME, engine, format!("http://127.0.0.1:{port}"), caps).await {
                Some(client) => {
                    // Long waits run inside the page (`wait_until`): let scripts take as long as a run.
                    let timeouts = fantoccini::wd::TimeoutConfiguration::new(Some(Duration::from_secs(300)), None, None);
                    let mut browser = Browser {
                        client,
                        engine,
                        kind,
                        driver: Some(driver.0),
                        _profile: Some(profile),
                        viewport: Value::Null,
                        since: Instant::now(),
                    };
                    bounded("script timeout", browser.client.update_timeouts(timeouts)).await.expect("script timeout");
                    if engine != Engine::Chromium {
                        browser.fit_viewport(width, height).await;
                    }
                    browser.viewport = browser.js(VIEWPORT).await;
                    return browser;
                }
                None => {
                    end_driver(driver.0);
                    eprintln!("{}: no WebDriver session in {SESSION_TIME:?} (attempt {attempt} of {SESSION_ATTEMPTS})", engine.name());
                }
            }
        }
        panic!("no WebDriver session from {} in {SESSION_ATTEMPTS} attempts", engine.name());
    }

    /// Makes the browser as it started, for the next test: one fresh tab (the old tabs closed,
    /// with their pages, scripts, DevTools emulation, throttling and profiler), every origin
    /// visited since it started or was last reset cleared (storage, service workers, caches,
    /// IndexedDB, cookies), and its viewport as it started. Any step that fails is an error:
    /// such a browser is ended, never kept.
    async fn reset(&mut self) -> Result<(), String> {
        let fresh = self.client.new_window(true).await.map_err(error("a new tab"))?.handle;
        for old in self.client.windows().await.map_err(error("the tabs"))? {
            if old != fresh {
                self.client.switch_to_window(old).await.map_err(error("an old tab"))?;
                self.client.close_window().await.map_err(error("closing an old tab"))?;
            }
        }
        self.client.switch_to_window(fresh).await.map_err(error("the fresh tab"))?;
        for origin in pool::origins_served_since(self.since) {
            self.client.goto(&format!("{origin}/.e2e-reset")).await.map_err(error("an origin to clear"))?;
            self.try_wait_until("document.readyState === 'complete'", Duration::from_secs(10))
                .await
                .map_err(|e| format!("{origin} loading: {e}"))?;
            let cleared = self.client.execute_async(CLEAR_ORIGIN, vec![]).await.map_err(error("clearing an origin"))?;
            if cleared != json!("cleared") {
                return Err(format!("{origin}: {cleared}"));
            }
            self.client.delete_all_cookies().await.map_err(error("the cookies"))?;
        }
        self.client.goto("about:blank").await.map_err(error("a blank page"))?;
        let viewport = self.try_js(VIEWPORT).await?;
        if viewport != self.viewport {
            return Err(format!("the viewport is {viewport}, it started {}", self.viewport));
        }
        if self.client.windows().await.map_err(error("the tabs"))?.len() != 1 {
            return Err("more than one tab".into());
        }
        self.since = Instant::now();
        Ok(())
    }

    /// Sizes the window so that its viewport (what the page sees) is `width` × `height`.
    async fn fit_viewport(&self, width: u32, height: u32) {
        let _ = bounded("a window size", self.client.set_window_size(width, height)).await;
        let inner = self.js("return [window.innerWidth, window.innerHeight];").await;
        let (w, h) = (inner[0].as_u64().unwrap_or(0) as u32, inner[1].as_u64().unwrap_or(0) as u32);
        if (w, h) != (width, height) && w > 0 && h > 0 {
            let _ =
                bounded("a window size", self.client.set_window_size(width + width.saturating_sub(w), height + height.saturating_sub(h)))
                    .await;
        }
    }

    /// The process id of the browser's WebDriver server, while it runs.
    pub fn driver_pid(&self) -> Option<u32> {
        self.driver.as_ref().map(Child::id)
    }

    /// Runs a DevTools command (Chromium only) and gives its result back.
    pub async fn cdp(&self, cmd: &'static str, params: Value) -> Value {
        assert_eq!(self.engine, Engine::Chromium, "{cmd}: DevTools commands exist in Chromium only");
        bounded(cmd, self.client.issue_cmd(Cdp(cmd, params))).await.unwrap_or_else(|e| panic!("{cmd}: {e}"))
    }

    pub async fn goto(&self, url: &str) {
        bounded("a navigation", self.client.goto(url)).await.expect("navigation");
    }

    /// Runs a script (its body must `return` a value) and gives the value back.
    pub async fn js(&self, script: &str) -> Value {
        self.try_js(script).await.unwrap_or_else(|e| panic!("{e}\n{script}"))
    }

    /// Runs a script and gives its value, or the browser's error (a page whose content process
    /// died answers every script with one).
    pub async fn try_js(&self, script: &str) -> Result<Value, String> {
        match tokio::time::timeout(Duration::from_secs(60), self.client.execute(script, vec![])).await {
            Ok(answer) => answer.map_err(|e| format!("script failed: {e}")),
            Err(_) => Err(format!("no answer in 60 s from {:?} to the script", self.engine)),
        }
    }

    /// What a script that returns a string says, or the browser's error: for a failure's message.
    async fn said(&self, script: &str) -> String {
        self.try_js(script).await.map(|v| v.as_str().unwrap_or("?").to_string()).unwrap_or_else(|e| e)
    }

    /// Waits until `condition` (a JS expression) is truthy; panics with `what` after `timeout`.
    pub async fn wait_until(&self, condition: &str, timeout: Duration, what: &str) {
        if let Err(failure) = self.try_wait_until(condition, timeout).await {
            let status = self.said(STATUS).await;
            // How the page stood: a page not loaded, hidden or unfocused gets no animation frames
            // in some engines, and the lab waits for two before a link's autorun.
            let page = self
                .said("return `${document.readyState}, ${document.visibilityState}, focus ${document.hasFocus()}, first uncaught error ${document.documentElement.dataset.firstError ?? 'none'}`;")
                .await;
            panic!("timed out waiting for {what} (status: {status}; page: {page}; {failure})");
        }
    }

    /// Waits until `condition` is truthy, for at most `timeout`. The page checks it every 25 ms and
    /// answers once: one WebDriver round trip per wait, not forty a second (in WebKit each round
    /// trip takes the page's thread for a while).
    pub async fn try_wait_until(&self, condition: &str, timeout: Duration) -> Result<(), WaitFailure> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now()).as_millis();
            let script = format!(
                "const done = arguments[0], until = performance.now() + {left};
                 const check = () => {{
                     let ok = false;
                     try {{ ok = !!({condition}); }} catch (e) {{}}
                     if (ok || performance.now() > until) done(ok); else setTimeout(check, 25);
                 }};
                 check();"
            );
            // A navigation (a reload, a link followed) ends the script early, or (seen once in
            // Firefox) leaves it unanswered: ask again, never waiting past the deadline for long.
            let answer = tokio::time::timeout(Duration::from_millis(left as u64 + 2000), self.client.execute_async(&script, vec![])).await;
            let last_error = match answer {
                Ok(Ok(Value::Bool(true))) => return Ok(()),
                Ok(Ok(_)) => None,
                Ok(Err(e)) => Some(e.to_string()),
                Err(_) => Some("the browser did not answer".to_string()),
            };
            if Instant::now() >= deadline {
                return Err(match last_error {
                    Some(error) => WaitFailure::BrowserFailed(error),
                    None => WaitFailure::TimedOut,
                });
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Waits for the app to mount (its status line is there).
    pub async fn wait_for_app(&self) {
        self.wait_until(APP_MOUNTED, APP_START, "the app to start").await;
    }

    pub async fn status(&self) -> String {
        self.js(STATUS).await.as_str().unwrap_or("?").to_string()
    }

    /// Waits until the status is one of `states` (e.g. "done", "cancelled"); a page that panicked
    /// (status `error`, unless that is awaited) ends the wait at once, with the panic's message.
    pub async fn wait_for_state(&self, states: &[&str], timeout: Duration) {
        let list = serde_json::to_string(states).unwrap();
        self.wait_until(
            &format!("[...{list}, 'error'].includes((document.querySelector('[data-testid=status]')||{{dataset:{{}}}}).dataset.state)"),
            timeout,
            &format!("status {states:?}"),
        )
        .await;
        if !states.contains(&"error") && self.status().await == "error" {
            let message = self.js("return [document.querySelector('[data-testid=panic]')?.dataset.message ?? null, document.documentElement.dataset.firstError ?? null];").await;
            panic!("waiting for status {states:?}, the page panicked: {} (the page's first uncaught error: {})", message[0], message[1]);
        }
    }

    /// Every result row: strategy, measured total, predicted total, longest frame gap.
    pub async fn results(&self) -> Vec<ResultRow> {
        let rows = self
            .js("return [...document.querySelectorAll('[data-testid=result]')].map(r => ({
                    strategy: r.dataset.strategy,
                    total: parseFloat(r.dataset.totalMs),
                    predicted: parseFloat(r.dataset.predictedMs),
                    gap: parseFloat(r.dataset.maxFrameGapMs),
                    draw: parseFloat(r.dataset.maxDrawMs ?? 'NaN') }));")
            .await;
        rows.as_array()
            .map(|rows| {
                rows.iter()
                    .map(|r| ResultRow {
                        strategy: r["strategy"].as_str().unwrap_or_default().to_string(),
                        total: r["total"].as_f64().unwrap_or(f64::NAN),
                        predicted: r["predicted"].as_f64().unwrap_or(f64::NAN),
                        gap: r["gap"].as_f64().unwrap_or(f64::NAN),
                        draw: r["draw"].as_f64().unwrap_or(f64::NAN),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Every waterfall bar shown: index, start, response, end (NaN where not reached).
    pub async fn bars(&self) -> Vec<Bar> {
        let bars = self
            .js("return [...document.querySelectorAll('[data-testid=bar]')].map(b => [
                    parseInt(b.dataset.index), parseFloat(b.dataset.startMs),
                    parseFloat(b.dataset.responseMs ?? 'NaN'), parseFloat(b.dataset.endMs ?? 'NaN')]);")
            .await;
        bars.as_array()
            .map(|bars| {
                bars.iter()
                    .map(|b| Bar {
                        index: b[0].as_u64().unwrap_or(u64::MAX) as usize,
                        start: b[1].as_f64().unwrap_or(f64::NAN),
                        response: b[2].as_f64().unwrap_or(f64::NAN),
                        end: b[3].as_f64().unwrap_or(f64::NAN),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Each bar's `data-outcome`, `data-http-status` and `data-queued-ms`.
    pub async fn outcomes(&self) -> Vec<(String, Option<u64>, Option<f64>)> {
        let v = self
            .js("return [...document.querySelectorAll('[data-testid=bar]')].map(b => [
                    b.dataset.outcome ?? '', b.dataset.httpStatus ?? null, b.dataset.queuedMs ?? null]);")
            .await;
        v.as_array()
            .map(|rows| {
                rows.iter()
                    .map(|r| {
                        (
                            r[0].as_str().unwrap_or_default().to_string(),
                            r[1].as_str().and_then(|s| s.parse().ok()),
                            r[2].as_str().and_then(|s| s.parse().ok()),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Types `value` into the field `[data-testid=<testid>]` as a person would: the value, then
    /// the input event the app listens to.
    pub async fn set_field(&self, testid: &str, value: &str) {
        self.js(&format!(
            "const f = document.querySelector('[data-testid={testid}]');
             const proto = f instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
             Object.getOwnPropertyDescriptor(proto, 'value').set.call(f, {});
             f.dispatchEvent(new Event('input', {{bubbles: true}})); return 0;",
            serde_json::to_string(value).unwrap()
        ))
        .await;
    }

    pub async fn click(&self, testid: &str) {
        // Into the middle of the window first, as a person would scroll before clicking.
        self.js(&format!(
            "const e = document.querySelector('[data-testid={testid}]'); if (e) e.scrollIntoView({{block: 'center'}}); return 0;"
        ))
        .await;
        self.client
            .find(Locator::Css(&format!("[data-testid={testid}]")))
            .await
            .unwrap_or_else(|e| panic!("no [data-testid={testid}]: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("cannot click {testid}: {e}"));
    }

    /// From inside the page's first frame (an embedded lab): reads the height of its content,
    /// goes out to the host page and waits until the host has sized the frame to it, within
    /// `within` px. Gives the content's height; leaves the browser in the host page.
    pub async fn wait_for_frame_sized(&self, within: f64, what: &str) -> f64 {
        let content = self.js("return Math.ceil(document.body.getBoundingClientRect().height);").await.as_f64().unwrap_or(f64::NAN);
        bounded("out of the frame", self.client.clone().enter_parent_frame()).await.expect("out of the frame");
        self.wait_until(
            &format!("Math.abs(document.querySelector('iframe').getBoundingClientRect().height - {content}) <= {within}"),
            Duration::from_secs(5),
            &format!("the frame sized to its {content} px content: {what}"),
        )
        .await;
        content
    }

    pub async fn screenshot(&self, path: &std::path::Path) {
        let png = bounded("a screenshot", self.client.screenshot()).await.expect("screenshot");
        std::fs::write(path, png).expect("write screenshot");
    }

    /// Ends the test's use of the browser: reset, it is kept for the program's next test of its
    /// kind; a browser whose reset fails is ended.
    pub async fn close(mut self) {
        match tokio::time::timeout(RESET_TIME, self.reset()).await {
            Ok(Ok(())) => pool::keep(self),
            Ok(Err(why)) => {
                eprintln!("{}: not kept for the next test ({why})", self.engine.name());
                let _ = tokio::time::timeout(COMMAND_TIME, self.client.clone().close()).await;
            }
            Err(_) => eprintln!("{}: not kept for the next test (no reset in {RESET_TIME:?})", self.engine.name()),
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(driver) = self.driver.take() {
            end_driver(driver);
        }
    }
}

/// The flags that keep a Chromium tab behind another running as if in front (every other test's).
const BACKGROUND_AS_FOREGROUND: [&str; 3] =
    ["--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"];

/// What the page sees of its window.
const VIEWPORT: &str = "return [window.innerWidth, window.innerHeight, window.devicePixelRatio, navigator.maxTouchPoints];";

/// Clears the storage of the origin the page is at; answers "cleared" or what failed.
const CLEAR_ORIGIN: &str = "const done = arguments[0];
    (async () => {
        localStorage.clear();
        sessionStorage.clear();
        for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
        for (const key of await caches.keys()) await caches.delete(key);
        if (indexedDB.databases) for (const db of await indexedDB.databases()) indexedDB.deleteDatabase(db.name);
        return 'cleared';
    })().then(done, e => done(`failed: ${e}`));";

/// How long a reset may take before the browser is ended instead of kept.
const RESET_TIME: Duration = Duration::from_secs(30);

/// How long one attempt at a WebDriver session may take, and how many attempts a test makes.
const SESSION_TIME: Duration = Duration::from_secs(45);
const SESSION_ATTEMPTS: u32 = 3;
/// The longest any single WebDriver command may take (a page's own waits are `wait_until`'s).
const COMMAND_TIME: Duration = Duration::from_secs(90);

/// The engine's driver on a free port, in its own process group: ending the group ends the
/// browser too, even after a failed test.
fn spawn_driver(engine: Engine) -> (std::process::Child, u16) {
    let port = free_port();
    let (driver_path, args) = engine.driver(port);
    let child = Command::new(&driver_path)
        .process_group(0)
        .args(&args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {driver_path}: {e} (./scripts/setup.sh installs it)"));
    pool::guard(child.id());
    (child, port)
}

/// Ends a driver and the browser it started. The driver leads its own process group, which the
/// browser shares; `pkill -g` names the group explicitly (a bare `kill -<pid>` can be misread as `-1`).
fn end_driver(mut driver: std::process::Child) {
    let group = driver.id();
    if group > 1 {
        let _ = Command::new("pkill").args(["-KILL", "-g", &group.to_string()]).status();
    }
    let _ = driver.kill();
    let _ = driver.wait();
    pool::forget(group);
}

/// A session from the driver at `url`, asked again while the driver is still starting, or none in
/// `time`. The session's connection runs on the program's own runtime (`pool::sessions`), not the
/// test's: a kept browser outlives the test that started it.
async fn connect_within(time: Duration, engine: Engine, url: String, caps: fantoccini::wd::Capabilities) -> Option<Client> {
    let connecting = pool::sessions().spawn(async move {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector).capabilities(caps.clone()).connect(&url).await {
                Ok(client) => return Some(client),
                Err(e) if Instant::now() > deadline => {
                    eprintln!("no WebDriver session in {}: {e}", engine.name());
                    return None;
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    });
    let abort = connecting.abort_handle();
    match tokio::time::timeout(time, connecting).await {
        Ok(Ok(client)) => client,
        Ok(Err(_)) => None,
        Err(_) => {
            abort.abort();
            None
        }
    }
}

/// `command`, or a panic naming it if the driver has not answered in `COMMAND_TIME`: a test
/// fails where a browser stopped answering, instead of waiting for good.
async fn bounded<T>(what: &str, command: impl std::future::Future<Output = T>) -> T {
    match tokio::time::timeout(COMMAND_TIME, command).await {
        Ok(answer) => answer,
        Err(_) => panic!("no answer from the browser in {COMMAND_TIME:?} to {what}"),
    }
}

#[derive(Debug, Clone)]
pub struct ResultRow {
    pub strategy: String,
    pub total: f64,
    pub predicted: f64,
    pub gap: f64,
    /// The costliest frame the lab drew during the run.
    pub draw: f64,
}

#[derive(Debug, Clone, Copy)]
pub struct Bar {
    pub index: usize,
    pub start: f64,
    pub response: f64,
    pub end: f64,
}

/// The release build served at "/" once for the whole program: the tests that open the lab the
/// usual way (`open_lab`) share its origin, so a kept browser finds the lab's files, and
/// Pyodide's, in its HTTP cache after the first test, as a reader's second visit does. (A
/// reset clears the origin's storage and service workers, not that cache.)
pub fn lab_server() -> StaticServer {
    static SERVER: std::sync::OnceLock<StaticServer> = std::sync::OnceLock::new();
    SERVER.get_or_init(|| StaticServer::start(dist_dir(), "/")).clone()
}

/// The release build served on loopback (`lab_server`), opened at `query` in a browser of that
/// size, fresh or kept.
/// A browser whose page stops answering scripts before the app mounts (a WebKit run in CI
/// answered every script with an empty error for 15 s) is the machine's failure, not the app's:
/// it gets one fresh browser. A page that answers and never mounts the app fails the test.
pub async fn open_lab(query: &str, width: u32, height: u32) -> (Browser, StaticServer) {
    let server = lab_server();
    for attempt in 1..=2 {
        let browser = Browser::start(width, height).await;
        browser.goto(&server.url(query)).await;
        match browser.try_wait_until(APP_MOUNTED, APP_START).await {
            Ok(()) => return (browser, server),
            Err(WaitFailure::BrowserFailed(error)) if attempt == 1 => {
                eprintln!("{}: the browser failed while the app mounted ({error}); a fresh browser", browser.engine.name());
            }
            Err(failure) => panic!("the app did not start at {query:?}: {failure}"),
        }
    }
    unreachable!("the second attempt returns or panics")
}

/// The lab (`lab_server`) at `query` in Chromium as a reader has it (`Browser::start_backgroundable`),
/// mounted: for the tests of a run made while the tab was in the background.
pub async fn open_lab_backgroundable(query: &str, width: u32, height: u32) -> (Browser, StaticServer) {
    let server = lab_server();
    let b = Browser::start_backgroundable(width, height).await;
    b.goto(&server.url(query)).await;
    b.wait_for_app().await;
    (b, server)
}

/// Every row's measured total is within the lab's tolerance of its prediction.
pub fn assert_agrees(rows: &[ResultRow]) {
    assert!(!rows.is_empty(), "no results");
    for r in rows {
        assert!(
            within_tolerance(r.total, r.predicted),
            "{}: measured {} ms, predicted {} ms (allowed 15 ms + 2 %)",
            r.strategy,
            r.total,
            r.predicted
        );
    }
}

/// The lab's promise, the model's own rule: measured within 15 ms + 2 % of the prediction.
pub fn within_tolerance(measured: f64, predicted: f64) -> bool {
    sync_vs_async::model::trace::agrees(measured, predicted)
}

/// A strategy that awaits kept the page painting: in every engine the lab does not call its
/// longest frame gap frozen (`model::summary::froze`: the gap less the lab's own costliest frame),
/// and in Chromium, where a frame of the lab draws in a few ms, the gap is a few frames.
pub fn assert_kept_painting(engine: Engine, row: &ResultRow) {
    assert!(
        !sync_vs_async::model::summary::froze(row.gap, Some(row.draw)),
        "{}: longest frame gap {} ms, drawing {} ms, in {engine:?}",
        row.strategy,
        row.gap,
        row.draw
    );
    if engine == Engine::Chromium {
        assert!(row.gap < 100.0, "{}: longest frame gap {} ms", row.strategy, row.gap);
    }
}

/// axe-core's source: `$AXE`, where scripts/setup.sh installed it.
fn axe_source() -> String {
    let path = std::env::var("AXE").unwrap_or_else(|_| {
        let home = std::env::var("HOME").unwrap_or_default();
        format!("{home}/.cache/sync-vs-async/axe-core/node_modules/axe-core/axe.min.js")
    });
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("axe-core at {path}: {e} (scripts/setup.sh installs it)"))
}

/// Every violation axe-core finds in the page as it is now, as "rule (impact): first targets".
pub async fn axe_violations(b: &Browser) -> Vec<String> {
    let loaded = b.js(&format!("{}\n;return typeof window.axe;", axe_source())).await;
    assert_eq!(loaded.as_str(), Some("object"), "axe-core loaded");
    let found = b
        .client
        .execute_async(
            "const done = arguments[0];
             axe.run(document, { resultTypes: ['violations'] })
                .then(r => done(r.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)))
                .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .expect("axe.run");
    found.as_array().into_iter().flatten().filter_map(serde_json::Value::as_str).map(str::to_string).collect()
}

/// A failed WebDriver command, as a reset's error: what it was doing, and the driver's answer.
fn error(what: &'static str) -> impl Fn(fantoccini::error::CmdError) -> String {
    move |e| format!("{what}: {e}")
}
