//! The Python panel: real CPython (Pyodide, from dist/pyodide/) in a Web Worker. The presets'
//! measured totals agree with the lab's model; a task's lanes never share the thread; a program
//! that never yields is cancelled within a second while the page answers; errors show their
//! line; the program travels in the link; the lab loads nothing of Python until it is used.

use std::time::{Duration, Instant};

use e2e::{within_tolerance, Browser};
use serde_json::{json, Value};
use sync_vs_async::model::python::presets::PyPreset;
use sync_vs_async::model::python::timeline::CLOCK_MS;

const LOAD: Duration = Duration::from_secs(60);

/// Opens the panel (its module), as a reader does.
async fn open_panel(b: &Browser) {
    b.click("python-open").await;
    b.wait_until("document.querySelector('[data-testid=py-status]')", Duration::from_secs(20), "the Python panel").await;
}

async fn state(b: &Browser) -> String {
    b.js("return document.querySelector('[data-testid=py-status]').dataset.state;").await.as_str().unwrap_or_default().to_string()
}

/// Presses Run and waits for that run's end: done, error or cancelled (`data-runs` counts the runs
/// begun: the run before it may have ended in the same state).
async fn run(b: &Browser) -> String {
    let before = b.js("return Number(document.querySelector('[data-testid=py-status]').dataset.runs);").await;
    b.click("py-run").await;
    b.wait_until(
        &format!(
            "(s => s.dataset.runs > {before} && ['done', 'error', 'cancelled'].includes(s.dataset.state))(document.querySelector('[data-testid=py-status]'))"
        ),
        LOAD,
        "the program to end",
    )
    .await;
    state(b).await
}

async fn output(b: &Browser) -> String {
    b.js("return document.querySelector('[data-testid=py-output]').textContent;").await.as_str().unwrap_or_default().to_string()
}

async fn total(b: &Browser) -> f64 {
    b.js("return parseFloat(document.querySelector('[data-testid=py-result]').dataset.totalMs);").await.as_f64().expect("py-result")
}

/// Every lane's on-thread segments (running, blocked), as (lane, start, end).
async fn on_thread(b: &Browser) -> Vec<(String, f64, f64)> {
    let v = b
        .js("return [...document.querySelectorAll('[data-testid=py-task]')].flatMap(l =>
                [...l.querySelectorAll('[data-testid=py-segment]')].filter(s => ['running', 'blocked'].includes(s.dataset.kind))
                .map(s => [l.dataset.name, parseFloat(s.dataset.startMs), parseFloat(s.dataset.endMs)]));")
        .await;
    serde_json::from_value(v).expect("segments")
}

fn assert_one_thread(what: &str, segments: &[(String, f64, f64)]) {
    let mut sorted = segments.to_vec();
    sorted.sort_by(|a, b| a.1.total_cmp(&b.1));
    for pair in sorted.windows(2) {
        // The attributes are rounded to 0.1 ms; a coarse clock (WebKit's whole ms) cannot tell 1 ms apart.
        assert!(pair[1].1 >= pair[0].2 - CLOCK_MS - 0.11, "{what}: {pair:?} share the one thread");
    }
}

/// The model's tolerance (15 ms + 2 %) in Chromium, where the issue asks for it. Firefox's and
/// WebKit's worker timers run late under load on this 2-core machine (Firefox: gather 833 ms for
/// 800, wait_for 325 for 300, once each in clean runs) — Python's asyncio uses plain timers, which
/// the lab's own runtime arms early to avoid — so there a preset must finish no sooner than the
/// model and at most 60 ms after it: the sum and the longest still tell apart.
fn agrees_here(measured: f64, predicted: f64) -> bool {
    match e2e::Engine::current() {
        e2e::Engine::Chromium => within_tolerance(measured, predicted),
        _ => measured >= predicted - 1.0 && measured <= predicted + 60.0,
    }
}

async fn moment_at(b: &Browser) -> f64 {
    b.js("return parseFloat(document.querySelector('[data-testid=py-moment]').dataset.atMs);").await.as_f64().expect("py-moment")
}

async fn select_preset(b: &Browser, preset: PyPreset) {
    b.js(&format!(
        "const s = document.querySelector('[data-testid=py-preset]'); s.value = '{}'; s.dispatchEvent(new Event('change', {{bubbles: true}})); return 0;",
        preset.key()
    ))
    .await;
}

async fn kinds(b: &Browser, lane: &str) -> Vec<String> {
    let v = b
        .js(&format!(
            "return [...document.querySelector('[data-testid=py-task][data-name=\"{lane}\"]').querySelectorAll('[data-testid=py-segment]')].map(s => s.dataset.kind);"
        ))
        .await;
    serde_json::from_value(v).expect("kinds")
}

/// What the panel says Python downloads, and what its progress bar counts to, are the built files.
#[test]
fn the_download_the_panel_announces_is_the_files_it_loads() {
    use std::io::Write;
    use sync_vs_async::model::python::{DOWNLOAD_BYTES, UNPACKED_BYTES};
    let dir = e2e::dist_dir().join("pyodide");
    let (mut gzipped, mut fetched) = (0usize, 0usize);
    for file in ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"] {
        let bytes = std::fs::read(dir.join(file)).unwrap_or_else(|e| panic!("dist/pyodide/{file}: {e}"));
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&bytes).unwrap();
        gzipped += gz.finish().unwrap().len();
        // The worker counts what Python fetches; the loader's own module comes by import().
        if file != "pyodide.asm.mjs" && file != "pyodide.mjs" {
            fetched += bytes.len();
        }
    }
    let off = |said: f64, real: usize| (said - real as f64).abs() / real as f64;
    assert!(off(DOWNLOAD_BYTES, gzipped) < 0.05, "the panel says {DOWNLOAD_BYTES} bytes, gzipped they are {gzipped}");
    assert!(off(UNPACKED_BYTES, fetched) < 0.05, "the bar counts to {UNPACKED_BYTES} bytes, Python fetches {fetched}");
}

/// The panel and the lab are two Yew apps in one page; a press in the panel is the panel's alone
/// (once, the lab took the panel's Run for its own Copy link).
#[tokio::test]
async fn a_press_in_the_panel_never_reaches_the_labs_handlers() {
    let (b, _server) = e2e::open_lab("lat=40,90&embed=1&panels=python", 720, 1200).await;
    open_panel(&b).await;
    select_preset(&b, PyPreset::AwaitInLoop).await;
    assert_eq!(run(&b).await, "done");
    b.click("py-code").await;
    let lab = b
        .js("return [document.querySelector('[data-testid=status]').dataset.state, document.body.textContent.includes('Link copied')];")
        .await;
    assert_eq!(lab, json!(["idle", false]), "the lab did nothing");
    b.close().await;
}

#[tokio::test]
async fn errors_show_their_line_and_the_panel_runs_on() {
    let (b, _server) = e2e::open_lab("", 1280, 1000).await;
    open_panel(&b).await;
    let (line, _) = fails_with(&b, "x = 1\nif x = 2:\n    pass\n").await;
    assert_eq!(line, "2", "the syntax error's line");
    let (line, text) = fails_with(&b, "import asyncio\n\nasync def main():\n    return 1 / 0\n\nasyncio.run(main())\n").await;
    assert_eq!(line, "4", "the exception's line: {text}");
    assert!(text.contains("ZeroDivisionError"), "{text}");
    // A task of a TaskGroup fails: the group and the exception in it, each with its line, as
    // CPython prints them; the line marked is the one that raised.
    let (line, text) = fails_with(&b, TASK_GROUP_FAILS).await;
    assert_eq!(line, "5", "the sub-exception's line: {text}");
    for said in
        ["ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)", "line 8, in main", "line 5, in fail", "ValueError: boom"]
    {
        assert!(text.contains(said), "{said:?} in {text}");
    }
    // input(): no keyboard here, and what to do instead, at the line that asked.
    let (line, text) = fails_with(&b, "name = 'Ada'\nage = input('Age? ')\nprint(name, age)\n").await;
    assert_eq!(line, "2", "{text}");
    assert!(text.contains("EOFError: a program here has no keyboard") && text.contains("name = input()"), "{text}");
    select_preset(&b, PyPreset::Gather).await;
    assert_eq!(run(&b).await, "done");
    b.close().await;
}

const TASK_GROUP_FAILS: &str = concat!(
    "import asyncio\n\n",
    "async def fail():\n",
    "    await asyncio.sleep(0.01)\n",
    "    raise ValueError('boom')\n\n",
    "async def main():\n",
    "    async with asyncio.TaskGroup() as tg:\n",
    "        tg.create_task(fail())\n",
    "        tg.create_task(asyncio.sleep(1))\n\n",
    "asyncio.run(main())\n",
);

/// Runs `program`, which must end in an error: the error shown, its marked line and its text.
async fn fails_with(b: &Browser, program: &str) -> (String, String) {
    b.set_field("py-code", program).await;
    assert_eq!(run(b).await, "error", "{program}");
    let e = b.js("const e = document.querySelector('[data-testid=py-error]'); return [e.dataset.line, e.textContent];").await;
    (e[0].as_str().unwrap_or_default().to_string(), e[1].as_str().unwrap_or_default().to_string())
}

/// On a Russian page the lab's own messages from Python are Russian: input(), a nested
/// asyncio.run(); CPython's own words (the exception's name, its traceback) stay as CPython writes them.
#[tokio::test]
async fn the_labs_messages_from_python_are_in_the_readers_language() {
    let (b, _server) = e2e::open_lab("lang=ru", 1280, 1000).await;
    open_panel(&b).await;
    let (line, text) = fails_with(&b, "x = input()\n").await;
    assert_eq!(line, "1", "{text}");
    assert!(text.contains("EOFError: у программы здесь нет клавиатуры") && text.contains("вместо name = input()"), "{text}");
    let (line, text) =
        fails_with(&b, "import asyncio\n\nasync def main():\n    pass\n\ndef start():\n    asyncio.run(main())\n\nstart()\n").await;
    assert_eq!(line, "7", "{text}");
    assert!(text.contains("RuntimeError: asyncio.run() здесь работает только как инструкция верхнего уровня"), "{text}");
    let (line, text) = fails_with(&b, TASK_GROUP_FAILS).await;
    assert_eq!(line, "5", "{text}");
    assert!(text.contains("ValueError: boom"), "{text}");
    b.close().await;
}

#[tokio::test]
async fn the_program_travels_in_the_link_and_never_runs_without_a_click() {
    let (b, server) = e2e::open_lab("lat=50,70", 1280, 1000).await;
    open_panel(&b).await;
    let program = "import asyncio\n\nasync def main():\n    await asyncio.sleep(0.05)\n    print('из ссылки')\n\nasyncio.run(main())\n";
    b.set_field("py-code", program).await;
    b.wait_until("location.search.includes('py=')", Duration::from_secs(5), "the program in the address").await;
    // The lab alone writes the address, with the program: an edit of its form keeps `py=`.
    b.set_field("latencies", "60, 70").await;
    b.wait_until("location.search.includes('lat=60')", Duration::from_secs(5), "the lab's edit in the address").await;
    let query = b.js("return location.search;").await.as_str().unwrap_or_default().to_string();
    assert!(query.contains("py="), "the program stays in the address: {query}");
    let b2 = Browser::start(1280, 1000).await;
    b2.goto(&server.url(query.trim_start_matches('?'))).await;
    b2.wait_for_app().await;
    b2.wait_until("document.querySelector('[data-testid=py-code]')", Duration::from_secs(20), "the panel opened by the link").await;
    let shown: Value = b2.js("return document.querySelector('[data-testid=py-code]').value;").await;
    assert_eq!(shown, json!(program));
    assert_eq!(state(&b2).await, "idle", "nothing runs without a click");
    assert_eq!(run(&b2).await, "done");
    assert!(output(&b2).await.contains("из ссылки"));
    // A malformed program in a link is a message, and the panel works.
    b2.goto(&server.url("embed=1&panels=python&py=%%%not-a-program%26embed%3D1")).await;
    b2.wait_for_app().await;
    b2.wait_until("document.querySelector('[data-testid=py-code]')", Duration::from_secs(20), "the panel").await;
    let alert = b2.js("return document.querySelector('.py-panel [role=alert]')?.textContent ?? '';").await;
    assert!(alert.as_str().unwrap_or_default().contains("could not be read"), "{alert}");
    // and the lab's own links never copy it (it would inject `embed=1` into the full page's).
    let out = b2.js("return document.querySelector('[data-testid=open-full-page]').href;").await;
    assert!(!out.as_str().unwrap_or_default().contains("py=") && !out.as_str().unwrap_or_default().contains("embed"), "{out}");
    // A preset travels too, and opens in the reader's language: chosen in English, read in Russian.
    select_preset(&b, PyPreset::Semaphore).await;
    b.wait_until("location.search.includes('py=')", Duration::from_secs(5), "the preset in the link").await;
    let query = b.js("return location.search;").await.as_str().unwrap_or_default().to_string();
    b2.goto(&server.url(&format!("{}&lang=ru", query.trim_start_matches('?')))).await;
    b2.wait_for_app().await;
    b2.wait_until("document.querySelector('[data-testid=py-code]')", Duration::from_secs(20), "the panel opened by the link").await;
    let shown = b2
        .js("return [document.querySelector('[data-testid=py-code]').value, document.querySelector('[data-testid=py-preset]').value];")
        .await;
    assert_eq!(shown, json!([sync_vs_async::text::python::PY_RU.program(PyPreset::Semaphore), "semaphore"]));
    b.close().await;
    b2.close().await;
}

/// A Python run hidden mid-way says so where the model's total would be; the same run in view
/// is set beside the model, with no warning.
#[tokio::test]
async fn a_python_run_hidden_mid_way_says_so_and_one_in_view_does_not() {
    // Chromium as a reader has it: a tab behind another is hidden, its timers slowed (issue 30;
    // tests/e2e/tests/background.rs has the lab's own runs).
    let (b, _server) = e2e::open_lab_backgroundable("lat=300,3000,500&mode=concurrent", 1280, 1000).await;
    open_panel(&b).await;
    select_preset(&b, PyPreset::Gather).await;
    let said = "const s = document.querySelector('[data-testid=py-status]'); const h = document.querySelector('[data-testid=py-hidden-run]');
        return [s.dataset.state, Number(s.dataset.runs), h ? +h.dataset.hiddenMs : null, document.querySelector('[data-testid=py-result]')?.textContent ?? ''];";
    for (run, hide) in [(1, false), (2, true)] {
        b.click("py-run").await;
        if hide {
            // Python is loaded (the first run): the program is running, its 3 s outlast the 2 s away.
            b.wait_until(
                "document.querySelector('[data-testid=py-status]').dataset.state === 'running'",
                Duration::from_secs(5),
                "the run",
            )
            .await;
            b.hide_for(Duration::from_secs(2)).await;
        }
        b.wait_until(
            &format!("(s => s.dataset.runs >= {run} && s.dataset.state === 'done')(document.querySelector('[data-testid=py-status]'))"),
            Duration::from_secs(60),
            "the program to end",
        )
        .await;
        let seen = b.js(said).await;
        if hide {
            assert!(seen[2].as_f64().is_some_and(|ms| ms >= 1000.0), "hidden mid-way: {seen}");
            assert!(!seen[3].as_str().unwrap_or_default().contains("model"), "never set beside the model: {seen}");
        } else {
            assert!(seen[2].is_null(), "a run in view is never warned about: {seen}");
            assert!(seen[3].as_str().unwrap_or_default().contains("the lab's model"), "set beside the model: {seen}");
        }
    }
    b.close().await;
}

/// The core set in every engine: every preset, written the usual way (`asyncio.run(main())`), and
/// Cancel of a program that never yields.
mod every_engine {
    use super::*;

    /// The tests that measure time (see the file's top-level `timing`): run alone, one at a time.
    mod timing {
        use super::*;

        #[tokio::test]
        async fn every_preset_runs_in_cpython_and_agrees_with_the_model() {
            let (b, _server) = e2e::open_lab("lat=300,800,500&limit=2", 1280, 1000).await;
            let loaded = b.js("return performance.getEntriesByType('resource').filter(e => /pyodide|python/.test(e.name)).length;").await;
            assert_eq!(loaded, json!(0), "opening the lab downloads nothing of Python");
            open_panel(&b).await;
            assert_eq!(state(&b).await, "idle");
            let loaded = b.js("return performance.getEntriesByType('resource').filter(e => /pyodide/.test(e.name)).length;").await;
            assert_eq!(loaded, json!(0), "opening the panel downloads no Python either");
            for preset in PyPreset::ALL {
                select_preset(&b, preset).await;
                let ended = run(&b).await;
                assert_eq!(ended, "done", "{preset:?}: {}", output(&b).await);
                let measured = total(&b).await;
                let predicted = preset.predicted_ms(&[300, 800, 500], 2);
                let printed = output(&b).await;
                if preset == PyPreset::ForgottenAwait {
                    assert!(printed.contains("was never awaited"), "{preset:?} warns: {printed}");
                } else {
                    assert!(agrees_here(measured, predicted), "{preset:?}: measured {measured} ms, the model {predicted} ms\n{printed}");
                }
                assert_one_thread(&format!("{preset:?}"), &on_thread(&b).await);
                let lanes = b.js("return document.querySelectorAll('[data-testid=py-task]').length;").await;
                let expected = match preset {
                    PyPreset::Sync | PyPreset::AwaitInLoop | PyPreset::ForgottenAwait | PyPreset::WaitFor => 1,
                    _ => 4,
                };
                assert_eq!(lanes, json!(expected), "{preset:?}: main and a task per request where the program makes them");
                match preset {
                    PyPreset::SleepInAsync => {
                        for lane in ["Task-2", "Task-3", "Task-4"] {
                            assert!(kinds(&b, lane).await.contains(&"blocked".to_string()), "time.sleep blocks in {lane}");
                        }
                    }
                    PyPreset::Gather => {
                        let k = kinds(&b, "Task-3").await;
                        assert!(k.contains(&"awaiting".to_string()) && k.contains(&"running".to_string()), "{k:?}");
                        assert!(!k.contains(&"blocked".to_string()), "{k:?}");
                    }
                    PyPreset::CpuBound => {
                        assert!(kinds(&b, "Task-2").await.contains(&"blocked".to_string()), "100 ms of CPU work holds the thread");
                    }
                    _ => {}
                }
            }
            b.close().await;
        }

        #[tokio::test]
        async fn a_program_that_never_yields_is_cancelled_within_a_second_and_the_page_answers() {
            let (b, _server) = e2e::open_lab("lat=40,90", 1280, 1000).await;
            open_panel(&b).await;
            b.set_field("py-code", "print('start')\nwhile True:\n    pass\n").await;
            b.click("py-run").await;
            b.wait_until("document.querySelector('[data-testid=py-output]').textContent.includes('start')", LOAD, "the program to start")
                .await;
            // The page answers while Python spins in its worker: the lab itself runs and measures.
            b.click("run").await;
            b.wait_for_state(&["done"], Duration::from_secs(10)).await;
            assert_eq!(state(&b).await, "running");
            let pressed = Instant::now();
            b.click("py-cancel").await;
            b.wait_until(
                "document.querySelector('[data-testid=py-status]').dataset.state === 'cancelled'",
                Duration::from_secs(1),
                "cancelled",
            )
            .await;
            assert!(pressed.elapsed() < Duration::from_secs(1), "cancelled in {:?}", pressed.elapsed());
            // Python restarts for the next run.
            select_preset(&b, PyPreset::Gather).await;
            assert_eq!(run(&b).await, "done");
            // (Its timing is the presets test's business: right after a restart WebKit on two cores
            // measured 126–129 ms for 90 once in five runs, the old worker's thread still winding down.)
            assert!(output(&b).await.contains("request 2: answered after 90 ms"));
            b.close().await;
        }
    }
}

/// No program runs past the lab's limit: the worker is ended and the panel says why. The limit is
/// the lab's 30 s (`model::python::panel::time_limit_ms`, natively tested); here the host gives
/// the panel 2 s, as only a test does, so that the suite need not wait 30 s out.
#[tokio::test]
async fn a_program_is_stopped_at_the_time_limit() {
    let (b, _server) = e2e::open_lab("", 1280, 1000).await;
    b.js("document.querySelector('.python-host').dataset.timeLimitMs = '2000'; return null;").await;
    open_panel(&b).await;
    b.set_field("py-code", "import time\ntime.sleep(60)\n").await;
    b.click("py-run").await;
    b.wait_until("document.querySelector('[data-testid=py-status]').dataset.state === 'running'", LOAD, "the program to start").await;
    let started = std::time::Instant::now();
    b.wait_until("document.querySelector('[data-testid=py-status]').dataset.state === 'error'", Duration::from_secs(20), "the 2 s limit")
        .await;
    assert!(started.elapsed() >= Duration::from_millis(1000), "stopped at the limit, not before: {:?}", started.elapsed());
    let said = b.js("return document.querySelector('[data-testid=py-status]').textContent;").await;
    assert!(said.as_str().unwrap_or_default().contains("2\u{a0}s"), "{said}");
    select_preset(&b, PyPreset::Gather).await;
    assert_eq!(run(&b).await, "done", "Python restarted for the next run");
    b.close().await;
}

/// The panel in a notes site's embed: a sandboxed iframe (an opaque origin, which may start no
/// worker) on another origin, served from a sub-path. Python cannot run there; the panel says so
/// in words, and the lab in the frame works on.
#[tokio::test]
async fn in_a_sandboxed_embed_the_panel_says_python_cannot_start_there() {
    let lab = e2e::StaticServer::start(e2e::dist_dir(), "/notes/tools/lab/");
    let dir = e2e::TempDir::new("lab-python-host");
    let page = format!(
        "<!doctype html><html><head><meta charset=utf-8><title>Notes</title></head><body>\
         <iframe sandbox=\"allow-scripts\" src=\"{}\" width=\"900\" height=\"1400\"></iframe></body></html>",
        lab.url("lat=300,800&embed=1&panels=totals,python")
    );
    std::fs::write(dir.path().join("index.html"), page).unwrap();
    let host = e2e::StaticServer::start(dir.path().to_path_buf(), "/");
    let b = Browser::start(1000, 1500).await;
    b.goto(&host.url("")).await;
    b.client.enter_frame(0).await.expect("into the lab's frame");
    b.wait_for_app().await;
    open_panel(&b).await;
    let program = "import asyncio\n\nasync def main():\n    await asyncio.sleep(0.04)\n    print('из рамки')\n\nasyncio.run(main())\n";
    b.set_field("py-code", program).await;
    assert_eq!(run(&b).await, "error");
    let said = b.js("return document.querySelector('[data-testid=py-status]').textContent;").await;
    assert!(said.as_str().unwrap_or_default().contains("open the full page"), "{said}");
    // The way out, beside the message and in the lab's bar, carries the program (this frame may
    // not change its own address) and the scenario, and opens no embed.
    let links = b
        .js("return [document.querySelector('[data-testid=py-open-full-page]')?.href ?? '',
                     document.querySelector('[data-testid=open-full-page]')?.href ?? ''];")
        .await;
    let (beside, in_bar) = (links[0].as_str().unwrap_or_default().to_string(), links[1].as_str().unwrap_or_default().to_string());
    assert_eq!(beside, in_bar);
    assert!(beside.contains("lat=300,800") && !beside.contains("embed=1"), "{beside}");
    let py = beside.split("py=").nth(1).unwrap_or_default().split('&').next().unwrap_or_default();
    assert_eq!(sync_vs_async::model::python::link::decode(py).as_deref(), Ok(program), "{beside}");
    b.click("run").await;
    b.wait_for_state(&["done"], Duration::from_secs(10)).await;
    b.client.enter_parent_frame().await.unwrap();
    // Followed, the link opens the full page with the program in the panel, ready to run.
    b.goto(&beside).await;
    b.wait_for_app().await;
    b.wait_until("document.querySelector('[data-testid=py-code]')", Duration::from_secs(20), "the panel opened by the link").await;
    assert_eq!(b.js("return document.querySelector('[data-testid=py-code]').value;").await, json!(program));
    assert_eq!(run(&b).await, "done");
    assert!(output(&b).await.contains("из рамки"));
    b.close().await;
}

/// The tests that measure time against the model (a tolerance, a range, frame gaps). scripts/test
/// runs them alone, one at a time, after the functional tests: nothing else shares the machine.
mod timing {
    use super::*;

    /// Two requests at once, by their time: a range, so it runs alone with the other timing tests
    /// (two at a time under load it once measured 490 ms for 300).
    #[tokio::test]
    async fn the_aiohttp_adapter_makes_real_requests_through_fetch() {
        let api = e2e::test_server::TestServer::start();
        let query = format!("lat=150,300&src=real&url={}/delay/{{ms}}&mode=concurrent", api.base());
        let (b, _server) = e2e::open_lab(&query, 1280, 1000).await;
        b.click("open-in-python").await;
        b.wait_until("document.querySelector('[data-testid=py-code]')?.value.includes('aiohttp')", Duration::from_secs(20), "the listing")
            .await;
        assert_eq!(run(&b).await, "done", "{}", output(&b).await);
        let measured = total(&b).await;
        assert!((300.0..450.0).contains(&measured), "two real requests of 150 and 300 ms at once: {measured} ms");
        let awaited = b
            .js("return [...document.querySelectorAll('[data-testid=py-segment][data-kind=awaiting]')].map(s => s.title).join('|');")
            .await;
        assert!(awaited.as_str().unwrap_or_default().contains("a request"), "the lanes say what was awaited: {awaited}");
        assert_eq!(api.total(), 2, "two requests reached the server");
        b.close().await;
    }

    /// The code panel's Python listing opens in the panel as a whole program, and runs: the note's
    /// listings over the lab's adapters, simulated (`lab:sleep/<ms>`) and real (the test server).
    #[tokio::test]
    async fn open_in_python_runs_the_notes_listing_with_the_adapters() {
        // One page, as a reader goes from mode to mode: its Python stays loaded between programs.
        let (b, _server) = e2e::open_lab("preset=note&mode=sequential&limit=1", 1280, 1000).await;
        for (mode, expected) in [("sequential", 1100.0), ("concurrent", 800.0), ("bounded", 1100.0), ("blocking", 1100.0)] {
            b.js(&format!("document.querySelector('[data-testid=mode][value={mode}]').click(); return 0;")).await;
            if b.js("return !!document.querySelector('[data-testid=py-code]');").await == json!(true) {
                // The panel's program is emptied first: the listing's arrival is then this mode's.
                b.set_field("py-code", "").await;
            }
            b.click("open-in-python").await;
            b.wait_until(
                "document.querySelector('[data-testid=py-code]')?.value.includes('main(URLS')",
                Duration::from_secs(20),
                "the listing in the panel",
            )
            .await;
            assert_eq!(run(&b).await, "done", "{mode}: {}", output(&b).await);
            let measured = total(&b).await;
            assert!(within_tolerance(measured, expected), "{mode} over lab:sleep/300 and /800: {measured} ms, the model {expected} ms");
            if mode == "blocking" {
                assert!(kinds(&b, "main").await.contains(&"blocked".to_string()), "requests.get blocks the thread");
            }
        }
        b.close().await;
    }

    /// After a run, the event loop at any moment of it: a slider and step back / forward from edge to
    /// edge, in words, with the moment drawn across the lanes.
    #[tokio::test]
    async fn the_event_loop_at_a_moment_of_the_python_run_steps_back_and_forth() {
        let (b, _server) = e2e::open_lab("lat=300,800,500", 1280, 1000).await;
        open_panel(&b).await;
        select_preset(&b, PyPreset::Gather).await;
        assert_eq!(run(&b).await, "done");
        let end = moment_at(&b).await;
        assert!(within_tolerance(end, 800.0), "the moment starts at the run's end: {end}");
        b.js("const s = document.querySelector('[data-testid=py-scrub]'); Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(s, '100'); s.dispatchEvent(new Event('input', {bubbles: true})); return 0;").await;
        b.wait_until(
            "document.querySelector('[data-testid=py-moment]').dataset.atMs === '100.0'",
            Duration::from_secs(2),
            "the slider's moment",
        )
        .await;
        let said = b.js("return document.querySelector('[data-testid=py-moment] p').textContent;").await;
        let said = said.as_str().unwrap_or_default();
        assert!(
            said.contains("The thread is free") && said.contains("main (gather, line 11)") && said.contains("Task-2 (a sleep, line 5)"),
            "{said}"
        );
        b.click("py-step-forward").await;
        let next = moment_at(&b).await;
        assert!(within_tolerance(next, 300.0), "the next edge is Task-2's wake-up at 300 ms: {next}");
        b.click("py-step-back").await;
        let back = moment_at(&b).await;
        assert!(back < 100.0, "a step back goes to the edge before 100 ms: {back}");
        let cursors = b.js("return document.querySelectorAll('.py-cursor').length;").await;
        assert_eq!(cursors, json!(4), "the moment is drawn across every lane");
        // Step by step: every change in time order, the moment's own row marked; a row's time moves
        // the moment (and the words) there.
        let steps = b
        .js("return [...document.querySelectorAll('[data-testid=py-step]')].map(r => [+r.dataset.atMs, r.dataset.task, r.dataset.kind, r.getAttribute('aria-current')]);")
        .await;
        let steps = steps.as_array().cloned().unwrap_or_default();
        let at = |r: &Value| r[0].as_f64().unwrap_or(f64::NAN);
        assert!(steps.windows(2).all(|w| at(&w[0]) <= at(&w[1])), "{steps:?}");
        let done: Vec<&str> = steps.iter().filter(|r| r[2] == "done").filter_map(|r| r[1].as_str()).collect();
        assert_eq!(done.len(), 4, "each task ends once: {steps:?}");
        assert_eq!(done.last(), Some(&"main"), "{steps:?}");
        let marked: Vec<&Value> = steps.iter().filter(|r| r[3] == "step").collect();
        assert_eq!(marked.len(), 1, "{steps:?}");
        assert!(at(marked[0]) <= back + 0.05, "the marked row is the last change at or before the moment ({back}): {steps:?}");
        let wake = steps.iter().position(|r| r[1] == "Task-4" && r[2] == "done").expect("Task-4 ends");
        b.js(&format!("document.querySelectorAll('[data-testid=py-step]')[{wake}].querySelector('button').click(); return 0;")).await;
        let moved = moment_at(&b).await;
        assert_eq!(moved, at(&steps[wake]), "a row's time moves the moment there");
        let marked = b.js("return +document.querySelector('[data-testid=py-step][aria-current=step]').dataset.atMs;").await;
        assert_eq!(marked.as_f64(), Some(moved), "the marked row follows the moment");
        // The panel after a run — lanes, legend, the moment — for axe (tests/accessibility.rs has the rest).
        let found = e2e::axe_violations(&b).await;
        assert!(found.is_empty(), "the Python panel after a run: {found:?}");
        b.close().await;
    }
}
