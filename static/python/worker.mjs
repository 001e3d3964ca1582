// The lab's Python: CPython (Pyodide) in a module Web Worker, so that a program that never yields
// (`while True: pass`) freezes only this worker, and Cancel is `worker.terminate()`.
//
// Messages in:  {type: "load"} · {type: "run", source, given, words} (words: the lab's messages
//               in the reader's language, text::python's RunnerWords)
// Messages out: {type: "progress", bytes} while Python downloads · {type: "ready", ms} ·
//               {type: "out", text, stream} per line of print (stdout) or warnings (stderr) ·
//               {type: "trace", text} lines of lab_runner.py's record · {type: "error", kind, line, text} ·
//               {type: "done", total} · {type: "failed", text} when Python itself cannot load or run.
//
// Pyodide's files are ../pyodide/ beside this folder (scripts/post-build.mjs copies them from the
// pinned npm package); nothing comes from a CDN.

const here = new URL("./", import.meta.url);
const MAX_OUTPUT_CHARS = 100_000;
let python = null;
let runner = null;
let output = 0;

function countingFetch(realFetch) {
  let bytes = 0;
  return async (url, options) => {
    const response = await realFetch(url, options);
    if (!response.body) return response;
    const reader = response.body.getReader();
    const body = new ReadableStream({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        bytes += value.byteLength;
        postMessage({ type: "progress", bytes });
        controller.enqueue(value);
      },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

function print(stream) {
  return (text) => {
    if (output > MAX_OUTPUT_CHARS) return;
    output += text.length + 1;
    postMessage({ type: "out", stream, text: output > MAX_OUTPUT_CHARS ? "…" : text });
  };
}

async function load() {
  const started = performance.now();
  const realFetch = self.fetch;
  self.fetch = countingFetch(realFetch);
  try {
    const { loadPyodide } = await import(new URL("../pyodide/pyodide.mjs", here).href);
    python = await loadPyodide({
      indexURL: new URL("../pyodide/", here).href,
      stdout: print("out"),
      stderr: print("err"),
    });
    for (const module of ["lab_runner.py", "lab_http.py"]) {
      const source = await (await realFetch(new URL(module, here))).text();
      python.FS.writeFile(`/home/pyodide/${module}`, source);
    }
    python.pyimport("lab_http").install();
    runner = python.pyimport("lab_runner");
    await runner.warm_up();
  } finally {
    self.fetch = realFetch;
  }
  postMessage({ type: "ready", ms: performance.now() - started });
}

async function run(source, given, words) {
  output = 0;
  const total = await runner.run(
    source,
    python.toPy(given),
    (text) => postMessage({ type: "trace", text }),
    (kind, line, text) => postMessage({ type: "error", kind, line, text }),
    python.toPy(words ?? {}),
  );
  postMessage({ type: "done", total: total ?? null });
}

self.onmessage = async ({ data }) => {
  try {
    if (data.type === "load") await load();
    else if (data.type === "run") await run(data.source, data.given, data.words);
  } catch (error) {
    postMessage({ type: "failed", text: String(error?.message ?? error) });
  }
};
