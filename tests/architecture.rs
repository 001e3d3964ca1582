//! The floors of ARCHITECTURE.md, checked over the source (natively, in `cargo test`): what the
//! compiler cannot see across one crate's modules.
//!
//! - the model and the words (`src/model`, `src/text`) name nothing of the browser or of Yew;
//! - components draw and emit callbacks: no file under `src/app/components`, and none of the
//!   Python panel's components, reaches the runtime, a timer, a task or the window;
//! - only the named gateways reach the runtime or the window (`GATEWAYS`): a new one is added
//!   here and in ARCHITECTURE.md, on purpose;
//! - only the pictures' module (`src/pictures.rs`) reaches the chart reader (`runtime::chart_reader`);
//! - an end-to-end test that measures time lives in a module `timing` (run alone by scripts/test).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

/// The shell's files that may reach the runtime, the window, timers or tasks.
const GATEWAYS: [&str; 14] = [
    "src/app/mod.rs",
    "src/app/panic_banner.rs",
    "src/app/takeover.rs",
    "src/app/hooks/use_clipboard.rs",
    "src/app/hooks/use_first_screen_first.rs",
    "src/app/hooks/use_host.rs",
    "src/app/hooks/use_page_chrome.rs",
    "src/app/hooks/use_pictures.rs",
    "src/app/hooks/use_python_host.rs",
    "src/app/hooks/use_replay_player.rs",
    "src/app/hooks/use_runner.rs",
    "src/app/hooks/use_url_sync.rs",
    "src/python/host.rs",
    "src/python/use_python.rs",
];

/// What only the runtime and the gateways may name.
const REACHING_OUT: [&str; 6] = ["runtime::", "gloo", "spawn_local", "window()", "js_sys", "Closure"];

/// What the pure floors may not name at all.
const BROWSER_OR_YEW: [&str; 6] = ["web_sys", "js_sys", "gloo", "wasm_bindgen", "yew", "runtime::"];

fn files(dir: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
    while let Some(dir) = todo.pop() {
        for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn relative(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR")).expect("under the crate").to_string_lossy().replace('\\', "/")
}

/// The file's code, comments left out (`//` to the end of a line; the source has no block comments).
fn code(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines().map(|line| line.split("//").next().unwrap_or_default()).collect::<Vec<_>>().join("\n")
}

/// Each file whose code names one of `words`, with the words it names.
fn naming<'a>(paths: &'a [PathBuf], words: &[&str]) -> Vec<(&'a Path, Vec<String>)> {
    paths
        .iter()
        .filter_map(|path| {
            let code = code(path);
            let named: Vec<String> = words.iter().filter(|w| code.contains(*w)).map(|w| w.to_string()).collect();
            (!named.is_empty()).then_some((path.as_path(), named))
        })
        .collect()
}

/// As `naming`, with paths relative to the crate.
fn naming_in_crate(paths: &[PathBuf], words: &[&str]) -> Vec<(String, Vec<String>)> {
    naming(paths, words).into_iter().map(|(path, named)| (relative(path), named)).collect()
}

#[test]
fn the_model_and_the_words_name_nothing_of_the_browser() {
    let mut pure = files("src/model");
    pure.extend(files("src/text"));
    assert!(pure.len() > 20, "the model was found: {}", pure.len());
    assert_eq!(naming_in_crate(&pure, &BROWSER_OR_YEW), Vec::new());
}

#[test]
fn components_draw_and_emit_callbacks() {
    let mut components = files("src/app/components");
    components.extend(files("src/python").into_iter().filter(|p| !GATEWAYS.contains(&relative(p).as_str())));
    assert!(components.iter().any(|p| relative(p) == "src/python/mod.rs"), "the panel's component is checked");
    assert_eq!(naming_in_crate(&components, &REACHING_OUT), Vec::new());
}

#[test]
fn only_the_named_gateways_reach_the_runtime_or_the_window() {
    let mut shell = files("src/app");
    shell.extend(files("src/python"));
    for entry in ["src/main.rs", "src/lib.rs", "src/python_panel.rs"] {
        shell.push(Path::new(env!("CARGO_MANIFEST_DIR")).join(entry));
    }
    let reaching: Vec<String> = naming_in_crate(&shell, &REACHING_OUT).into_iter().map(|(path, _)| path).collect();
    let strangers: Vec<&String> = reaching.iter().filter(|p| !GATEWAYS.contains(&p.as_str())).collect();
    assert_eq!(strangers, Vec::<&String>::new(), "not a gateway, yet reaching out");
    // A gateway that no longer reaches out is taken off the list, so the list stays the truth.
    let idle: Vec<&str> = GATEWAYS.iter().copied().filter(|g| !reaching.iter().any(|p| p == g)).collect();
    assert_eq!(idle, Vec::<&str>::new(), "listed as gateways, yet reaching nothing");
}

/// The chart reader and its files (`runtime::chart_reader`) are the pictures' module's alone, so the
/// lab's first load carries none of them: only `src/pictures.rs` calls them.
#[test]
fn only_the_pictures_module_reaches_the_picture_reader() {
    let mut all = files("src");
    all.retain(|p| !relative(p).ends_with("src/runtime/chart_reader.rs"));
    let reaching: Vec<String> = naming_in_crate(&all, &["runtime::chart_reader::", "chart_reader::press", "chart_reader::take"])
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(reaching, ["src/pictures.rs"]);
}

#[test]
fn the_check_sees_a_call_and_not_a_comment() {
    let dir = std::env::temp_dir().join(format!("architecture-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("a temp folder");
    let calls = dir.join("calls.rs");
    let mentions = dir.join("mentions.rs");
    fs::write(&calls, "fn f() { crate::runtime::frames::next_frame(); } // ok\n").expect("write");
    fs::write(&mentions, "/// See `runtime::frames`, and gloo.\nfn f() {} // spawn_local\n").expect("write");
    let paths = [calls, mentions];
    let found = naming(&paths, &REACHING_OUT);
    assert_eq!(found, vec![(paths[0].as_path(), vec!["runtime::".to_string()])]);
    let _ = fs::remove_dir_all(dir);
}

/// What holds a measurement to the model: a test that calls one (or calls a helper of its file
/// that does) measures time. `.0..` is a range of measured milliseconds (`(300.0..450.0).contains`):
/// no functional test writes a float range.
const MEASURING: [&str; 3] = ["assert_agrees(", "within_tolerance(", ".0.."];

/// The tests of one end-to-end file that measure time outside a module named `timing`.
/// The source is rustfmt's: a module ends at the `}` of its own indentation.
fn timing_outside_timing(source: &str) -> Vec<String> {
    struct Fn {
        name: String,
        test: bool,
        in_timing: bool,
        measures: bool,
        calls: Vec<String>,
    }
    let mut modules: Vec<(usize, bool)> = Vec::new();
    let mut fns: Vec<Fn> = Vec::new();
    let mut attribute_test = false;
    for line in source.lines().map(|l| l.split("//").next().unwrap_or_default()) {
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if let Some(name) = trimmed.strip_prefix("pub mod ").or(trimmed.strip_prefix("mod ")).and_then(|r| r.strip_suffix(" {")) {
            modules.push((indent, name == "timing"));
        } else if trimmed == "}" && modules.last().is_some_and(|(at, _)| *at == indent) {
            modules.pop();
        } else if trimmed.starts_with("#[tokio::test]") || trimmed.starts_with("#[test]") {
            attribute_test = true;
        } else if let Some(rest) =
            trimmed.strip_prefix("async fn ").or(trimmed.strip_prefix("fn ")).or(trimmed.strip_prefix("pub async fn "))
        {
            let name = rest.split('(').next().unwrap_or_default().to_string();
            let in_timing = modules.iter().any(|(_, timing)| *timing);
            fns.push(Fn { name, test: std::mem::take(&mut attribute_test), in_timing, measures: false, calls: Vec::new() });
        } else if let Some(f) = fns.last_mut() {
            f.measures |= MEASURING.iter().any(|m| line.contains(m));
            f.calls.push(line.to_string());
        }
    }
    let helpers: Vec<&str> = fns.iter().filter(|f| !f.test && f.measures).map(|f| f.name.as_str()).collect();
    fns.iter()
        .filter(|f| f.test && !f.in_timing)
        .filter(|f| f.measures || f.calls.iter().any(|line| helpers.iter().any(|h| line.contains(&format!("{h}(")))))
        .map(|f| f.name.clone())
        .collect()
}

#[test]
fn an_end_to_end_test_that_measures_time_is_in_a_timing_module() {
    let e2e = files("tests/e2e/tests");
    assert!(e2e.len() > 5, "the end-to-end files were found: {}", e2e.len());
    let outside: Vec<(String, Vec<String>)> = e2e
        .iter()
        .map(|p| (relative(p), timing_outside_timing(&fs::read_to_string(p).expect("the file"))))
        .filter(|(_, tests)| !tests.is_empty())
        .collect();
    assert_eq!(outside, Vec::new(), "measuring, yet run with the functional tests (two at a time)");
}

#[test]
fn the_timing_check_sees_a_measurement_directly_or_through_a_helper() {
    let source = "
async fn totals(b: &B) -> f64 {
    assert!(within_tolerance(1.0, 1.0));
    1.0
}

#[tokio::test]
async fn direct() {
    e2e::assert_agrees(&rows);
}

#[tokio::test]
async fn through_a_helper() {
    let t = totals(&b).await;
}

#[tokio::test]
async fn functional() {
    b.click(\"run\").await; // within_tolerance( in a comment
}

#[tokio::test]
async fn a_range() {
    assert!((300.0..450.0).contains(&measured));
}

mod every_engine {
    use super::*;

    mod timing {
        use super::*;

        #[tokio::test]
        async fn measured_in_its_place() {
            e2e::assert_agrees(&rows);
        }
    }

    #[tokio::test]
    async fn after_the_module() {
        let t = totals(&b).await;
    }
}
";
    assert_eq!(timing_outside_timing(source), ["direct", "through_a_helper", "a_range", "after_the_module"]);
}

/// The events between the lab, its two modules and the page are written once, in
/// `model::seams`: no other source, script or static file spells one (the glue is given them).
#[test]
fn every_event_between_the_lab_and_its_modules_is_spelled_once() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = files("src");
    for dir in ["scripts", "static"] {
        let mut todo = vec![root.join(dir)];
        while let Some(dir) = todo.pop() {
            for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
                let path = entry.expect("a directory entry").path();
                if path.is_dir() {
                    todo.push(path);
                } else if path.extension().is_some_and(|e| e == "js" || e == "mjs" || e == "py" || e == "html") {
                    all.push(path);
                }
            }
        }
    }
    all.push(root.join("index.html"));
    for event in sync_vs_async::model::seams::EVENTS {
        let quoted = [format!("\"{event}\""), format!("'{event}'")];
        let spelling: Vec<String> = all
            .iter()
            .filter(|p| fs::read_to_string(p).is_ok_and(|text| quoted.iter().any(|q| text.contains(q.as_str()))))
            .map(|p| relative(p))
            .collect();
        assert_eq!(spelling, ["src/model/seams.rs"], "{event}");
    }
}
