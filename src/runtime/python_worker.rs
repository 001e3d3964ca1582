//! The Python panel's worker (`static/python/worker.mjs`): starts it, sends it programs, turns its
//! messages into `WorkerMessage`s, and ends it (`terminate`: Cancel, and the 30 s limit).
//!
//! Nothing from the worker is trusted: a message that is not one of the known shapes becomes
//! `WorkerMessage::Unknown`, never a panic.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::model::python::protocol::{Failure, WorkerMessage};

fn field(data: &JsValue, name: &str) -> JsValue {
    Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn text(data: &JsValue, name: &str) -> String {
    field(data, name).as_string().unwrap_or_default()
}

fn parse(data: &JsValue) -> WorkerMessage {
    let number = |name| field(data, name).as_f64().filter(|v| v.is_finite());
    match field(data, "type").as_string().as_deref() {
        Some("progress") => number("bytes").map_or(WorkerMessage::Unknown, WorkerMessage::Progress),
        Some("ready") => WorkerMessage::Ready(number("ms").unwrap_or(0.0)),
        Some("out") => WorkerMessage::Output(text(data, "text"), text(data, "stream") == "err"),
        Some("trace") => WorkerMessage::Trace(text(data, "text")),
        Some("error") => WorkerMessage::Error {
            syntax: text(data, "kind") == "syntax",
            line: number("line").map_or(0, |l| l.clamp(0.0, u32::MAX as f64) as u32),
            text: text(data, "text"),
        },
        Some("done") => WorkerMessage::Done(number("total")),
        Some("failed") => WorkerMessage::Failed(Failure::Python(text(data, "text"))),
        _ => WorkerMessage::Unknown,
    }
}

const WORKER: &str = "python/worker.mjs";

/// A running worker; dropping it terminates it.
pub struct PythonWorker {
    worker: Worker,
    _listener: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl PythonWorker {
    /// Starts the worker (`python/worker.mjs` beside the page) and asks it to load Python.
    pub fn start(on_message: impl Fn(WorkerMessage) + 'static) -> Result<PythonWorker, Failure> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        // The one way to fail here is a page that may start no worker: a sandboxed frame (a notes
        // site's embed) has an opaque origin, which may not start one from a URL, and a `blob:`
        // worker would inherit the page's Content-Security-Policy, under which it may import
        // nothing (`'strict-dynamic'`): tried, it failed.
        let worker = Worker::new_with_options(WORKER, &options).map_err(|_| Failure::NoWorkerHere)?;
        let on_message = std::rc::Rc::new(on_message);
        let said = on_message.clone();
        let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| said(parse(&event.data())));
        worker.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        // A worker whose script cannot load (or that throws outside its own handler) says so here
        // only: without this the panel would wait for Python forever.
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let why = Reflect::get(&event, &JsValue::from_str("message")).ok().and_then(|m| m.as_string());
            on_message(WorkerMessage::Failed(why.filter(|m| !m.is_empty()).map_or(Failure::WorkerDidNotStart, Failure::Python)));
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let this = PythonWorker { worker, _listener: listener, _on_error: on_error };
        this.post(&[("type", JsValue::from_str("load"))])?;
        Ok(this)
    }

    fn post(&self, fields: &[(&str, JsValue)]) -> Result<(), Failure> {
        let message = Object::new();
        for (name, value) in fields {
            Reflect::set(&message, &JsValue::from_str(name), value).map_err(describe)?;
        }
        self.worker.post_message(&message).map_err(describe)
    }

    /// Runs `source` with the lab's names (`given`) and its messages in the reader's language
    /// (`words`: key, message).
    pub fn run(&self, source: &str, given: &Given, words: &[(&str, &str)]) -> Result<(), Failure> {
        let names = Object::new();
        let list: Array = given.latencies.iter().map(|&ms| JsValue::from(ms)).collect();
        let urls: Array = given.urls.iter().map(|u| JsValue::from_str(u)).collect();
        let fields = [
            ("LATENCIES", JsValue::from(list)),
            ("LIMIT", JsValue::from(given.limit)),
            ("URLS", JsValue::from(urls)),
            ("PROCESSING_MS", JsValue::from(given.processing_ms)),
        ];
        for (name, value) in fields {
            Reflect::set(&names, &JsValue::from_str(name), &value).map_err(describe)?;
        }
        let said = Object::new();
        for (key, message) in words {
            Reflect::set(&said, &JsValue::from_str(key), &JsValue::from_str(message)).map_err(describe)?;
        }
        self.post(&[
            ("type", JsValue::from_str("run")),
            ("source", JsValue::from_str(source)),
            ("given", names.into()),
            ("words", said.into()),
        ])
    }
}

/// The lab's names a program runs with: LATENCIES and URLS as lists, LIMIT and PROCESSING_MS numbers.
pub struct Given<'a> {
    pub latencies: &'a [u32],
    pub limit: u32,
    pub urls: &'a [String],
    pub processing_ms: u32,
}

impl Drop for PythonWorker {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// What the browser threw, in its words where it gave some.
fn describe(error: JsValue) -> Failure {
    error
        .as_string()
        .or_else(|| Reflect::get(&error, &JsValue::from_str("message")).ok().and_then(|m| m.as_string()))
        .filter(|words| !words.is_empty())
        .map_or(Failure::Unexplained, Failure::Python)
}
