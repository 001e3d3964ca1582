//! Browsers kept between the tests of one test program: a test that closes its browser hands it
//! back here, reset, and the next test that asks for the same kind (engine, window, page load,
//! backgroundable) gets it instead of starting one (a Chromium session takes ~0.6 s to start and
//! the first page ~0.4 s more to compile the lab; a Firefox one ~1.6 s).
//!
//! Three things make that safe:
//! - every WebDriver session's connection lives on one runtime of the program's own
//!   ([`sessions`]), not on the runtime of the test that started it, which ends with the test;
//! - a kept browser is reset before it is kept ([`crate::Browser::close`]): a fresh tab and the
//!   old ones closed (no page, script, DevTools emulation, throttling or profiler of the last test
//!   is left: they belong to a tab), every origin it visited cleared of its storage, its service
//!   workers and its cookies, its window as it started. A browser whose reset fails in any step,
//!   or whose test panicked, is ended instead (tests/e2e/tests/harness.rs proves the reset);
//! - a watchdog process ([`guard`]) ends every driver and browser of the program when the
//!   program ends, however it ends: kept browsers outlive every test, and libtest never drops
//!   statics.

use std::io::Write;
use std::process::{ChildStdin, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use crate::Browser;

/// The runtime every WebDriver session's connection task runs on, for the whole program.
pub(crate) fn sessions() -> &'static tokio::runtime::Runtime {
    static SESSIONS: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    SESSIONS.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("webdriver-sessions")
            .enable_all()
            .build()
            .expect("the WebDriver sessions' runtime")
    })
}

/// What a browser was started as; a test gets a kept browser only of the kind it asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Kind {
    pub engine: crate::Engine,
    pub width: u32,
    pub height: u32,
    /// WebDriver's page load strategy: "normal" or "none".
    pub page_load: &'static str,
    /// Chromium as a reader has it, its timers slowed in a tab in the background.
    pub backgroundable: bool,
}

/// The browsers kept, reset, waiting for a test.
static KEPT: Mutex<Vec<Browser>> = Mutex::new(Vec::new());

/// A kept browser of `kind`, if there is one.
pub(crate) fn take(kind: Kind) -> Option<Browser> {
    let mut kept = KEPT.lock().unwrap_or_else(|e| e.into_inner());
    let at = kept.iter().position(|b| b.kind == kind)?;
    Some(kept.swap_remove(at))
}

/// Keeps a browser that has been reset, for the next test of its kind.
pub(crate) fn keep(browser: Browser) {
    KEPT.lock().unwrap_or_else(|e| e.into_inner()).push(browser);
}

/// How many browsers are kept: for the harness's own tests.
pub fn kept() -> usize {
    KEPT.lock().unwrap_or_else(|e| e.into_inner()).len()
}

/// Has the watchdog end the process group `group` (a driver and the browser it started) when
/// this program ends. The watchdog is a shell reading group numbers on its standard input: when
/// the program ends, by any means, the pipe closes and it ends each group still listed.
/// `forget` takes a group off the list once the harness has ended it itself.
pub(crate) fn guard(group: u32) {
    tell_watchdog(&format!("+{group}"));
}

pub(crate) fn forget(group: u32) {
    tell_watchdog(&format!("-{group}"));
}

fn tell_watchdog(line: &str) {
    static WATCHDOG: OnceLock<Option<Mutex<ChildStdin>>> = OnceLock::new();
    let watchdog = WATCHDOG.get_or_init(|| {
        let script = r#"groups=" "
            while read -r line; do
              case "$line" in
                +*) groups="$groups${line#+} " ;;
                -*) groups="${groups/ ${line#-} / }" ;;
              esac
            done
            for g in $groups; do pkill -KILL -g "$g"; done"#;
        // Its own process group: a test ending the group of a driver never ends the watchdog.
        use std::os::unix::process::CommandExt;
        let child = Command::new("bash").arg("-c").arg(script).process_group(0).stdin(Stdio::piped()).spawn().ok()?;
        child.stdin.map(Mutex::new)
    });
    if let Some(stdin) = watchdog {
        let _ = writeln!(stdin.lock().unwrap_or_else(|e| e.into_inner()), "{line}");
    }
}

/// When each server of this program (by port) last got a connection or a request.
static SERVED: Mutex<Vec<(u16, Instant)>> = Mutex::new(Vec::new());

/// Marks `port`'s origin as visited now: a browser reset afterwards clears its storage.
pub(crate) fn served(port: u16) {
    let mut served = SERVED.lock().unwrap_or_else(|e| e.into_inner());
    let now = Instant::now();
    match served.iter_mut().find(|(p, _)| *p == port) {
        Some(entry) => entry.1 = now,
        None => served.push((port, now)),
    }
}

/// Every origin of this program's servers that was visited after `since`: what a browser
/// reset at `since` may have stored something in since (clearing one it never visited is a no-op).
pub(crate) fn origins_served_since(since: Instant) -> Vec<String> {
    let served = SERVED.lock().unwrap_or_else(|e| e.into_inner());
    served.iter().filter(|(_, at)| *at >= since).map(|(port, _)| format!("http://127.0.0.1:{port}")).collect()
}
