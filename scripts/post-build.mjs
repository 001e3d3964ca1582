// Trunk's post_build hook (Trunk.toml), in named steps (`main` below):
//   1. copyPyodide — Python for the Python panel (every build);
//   2. release only: minify the Python panel's glue, then shrinkGlue — the lab's wasm imports
//      renamed short, its custom sections dropped, its glue minified;
//   3. startAfterFirstPaint — Trunk's loader moved behind a starter that runs after the first paint;
//   4. prerenderFirstScreen — the first screen as HTML, and the picker (scripts/prerender.mjs);
//   5. writePolicy — the Content-Security-Policy, with the hashes of the inline scripts and style.
//
// shrinkGlue: wasm-bindgen names every import `__wbg_<function>_<16 hex digits>`; the name is
// written twice, once in the wasm's import section and once as a key of the glue's import object,
// and the hex digits do not compress. Each import is renamed to a short name in both files (5.5 KB
// less gzipped), the wasm's custom sections dropped (nothing reads them), then the glue minified
// with esbuild (2 KB less): Trunk 0.21's own minifier cannot parse the glue's `export default`.
// Debug builds are left as wasm-bindgen wrote them.
//
// The build fails, rather than ship a page that cannot start, if any name is not found exactly
// once in the glue.

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { prerender, PICKER } from "./prerender.mjs";

// The steps, in order; each is a function below.
async function main() {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error("post-build: TRUNK_STAGING_DIR is not set (run by Trunk only)");
  copyPyodide(dir);
  if (process.env.TRUNK_PROFILE !== "release") return;
  minify(join(dir, `${PANEL}.js`));
  minify(join(dir, `${PICTURES}.js`));
  const { jsFile, keepsNames } = shrinkGlue(dir);
  if (keepsNames) return;
  const page = startAfterFirstPaint(dir, jsFile);
  const picker = await prerenderFirstScreen(dir, page);
  writePolicy(dir, page, picker);
}

// Python for the Python panel (debug builds too): Pyodide's core files from the pinned npm package
// (scripts/setup.sh, $PYODIDE_DIR) into pyodide/, beside python/worker.mjs that loads them.
const PYODIDE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"];
function copyPyodide(dir) {
  const pyodideDir = process.env.PYODIDE_DIR;
  if (!pyodideDir) throw new Error("post-build: PYODIDE_DIR is not set (scripts/setup.sh sets it; run the build through scripts/serve or scripts/test)");
  mkdirSync(join(dir, "pyodide"), { recursive: true });
  for (const file of PYODIDE_FILES) copyFileSync(join(pyodideDir, file), join(dir, "pyodide", file));
}

// The Python panel's module and the pictures' are loaded by name (python-panel.js, pictures.js);
// their glue is minified too.
const PANEL = "python-panel";
const PICTURES = "pictures";
/// Minifies a wasm-bindgen glue in place with esbuild (Trunk 0.21's minifier cannot parse it).
function minify(path) {
  execFileSync("esbuild", ["--minify", "--format=esm", "--log-level=warning", path, `--outfile=${path}`, "--allow-overwrite"], { stdio: "inherit" });
}

function readLeb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

/// The end of one import's description (after its kind byte), by the wasm binary format.
function skipImportDesc(bytes, kind, at) {
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = readLeb(bytes, p);
    if (flags & 1) [, p] = readLeb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return readLeb(bytes, at)[1]; // function: type index
    case 1: return limits(at + 1); // table: reference type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return readLeb(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`post-build: unknown import kind ${kind}`);
  }
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/// Every section as [id, start, body start, end]; a custom section's name follows its body start.
function sections(bytes) {
  const list = [];
  for (let at = 8; at < bytes.length; ) {
    const [size, bodyAt] = readLeb(bytes, at + 1);
    list.push([bytes[at], at, bodyAt, bodyAt + size]);
    at = bodyAt + size;
  }
  return list;
}

function customName(bytes, bodyAt) {
  const [len, at] = readLeb(bytes, bodyAt);
  return decoder.decode(bytes.subarray(at, at + len));
}

/// Renames the lab's wasm imports short in the wasm and its glue together, drops the wasm's custom
/// sections and minifies the glue; a build that keeps its names (for profiling) is left whole.
function shrinkGlue(dir) {
  const wasmFile = readdirSync(dir).find((f) => f.endsWith("_bg.wasm") && !f.startsWith(PANEL) && !f.startsWith(PICTURES));
  if (!wasmFile) throw new Error(`post-build: no *_bg.wasm in ${dir}`);
  const jsFile = wasmFile.replace(/_bg\.wasm$/, ".js");
  const wasmPath = join(dir, wasmFile);
  const jsPath = join(dir, jsFile);
  const wasm = readFileSync(wasmPath);
  // A build that keeps its function names (`data-keep-debug`, for the profiler) is left whole: the
  // names are what it is for.
  if (sections(wasm).some(([id, , bodyAt]) => id === 0 && customName(wasm, bodyAt) === "name")) {
    console.log("post-build: skipped (this build keeps its names, for profiling)");
    return { jsFile, keepsNames: true };
  }
  const out = [wasm.subarray(0, 8)];
  const renamed = new Map();
  for (const [id, start, bodyAt, end] of sections(wasm)) {
    if (id === 0) continue; // custom sections (producers, target features): nothing reads them
    if (id !== 2) {
      out.push(wasm.subarray(start, end));
      continue;
    }
    const body = wasm.subarray(bodyAt, end);
    let p = 0, count;
    [count, p] = readLeb(body, p);
    const section = [...leb(count)];
    for (let i = 0; i < count; i++) {
      let len;
      [len, p] = readLeb(body, p);
      const module = body.subarray(p, p + len);
      p += len;
      [len, p] = readLeb(body, p);
      const name = decoder.decode(body.subarray(p, p + len));
      p += len;
      const kind = body[p];
      const descEnd = skipImportDesc(body, kind, p + 1);
      // Only the glue's own imports: its file is the module, as `./name_bg.js`.
      let short = name;
      // (Functions of the app's own JS snippets, ./snippets/…, keep their names: the glue imports them by name.)
      const from = decoder.decode(module);
      if (from.startsWith("./") && !from.startsWith("./snippets/")) {
        short = `i${renamed.size.toString(36)}`;
        renamed.set(name, short);
      }
      const shortBytes = encoder.encode(short);
      section.push(...leb(module.length), ...module, ...leb(shortBytes.length), ...shortBytes, ...body.subarray(p, descEnd));
      p = descEnd;
    }
    out.push(Uint8Array.from([2, ...leb(section.length), ...section]));
  }

  let js = readFileSync(jsPath, "utf8");
  for (const [name, short] of renamed) {
    const pattern = new RegExp(`\\b${name}\\b`, "g");
    const found = js.match(pattern)?.length ?? 0;
    if (found !== 1) throw new Error(`post-build: ${name} occurs ${found} times in ${jsFile}, expected once`);
    js = js.replace(pattern, short);
  }
  writeFileSync(wasmPath, Buffer.concat(out));
  writeFileSync(jsPath, js);
  minify(jsPath);
  console.log(`post-build: ${renamed.size} imports renamed, ${jsFile} minified`);
  return { jsFile, keepsNames: false };
}

// A strict Content-Security-Policy, as a <meta> (static hosts send no headers of ours): scripts
// only from a one-line inline starter, pinned by its hash, and what it adds ('strict-dynamic');
// WebAssembly compiled from them; styles from the inlined stylesheet, pinned by its hash (style
// attributes, which the charts position with, allowed); requests to http(s) anywhere, as real runs
// need; the emulator's worker and the embed probe's frame from the page's own site.
//
// Hashes as well as 'self': in a sandboxed frame (a notes site's embed) the page's origin is
// opaque, and WebKit then lets 'self' match nothing — no script, no stylesheet, a blank frame —
// where Chromium and Firefox match the page's own address; the hashes and 'strict-dynamic' are
// what every engine matches there. 'strict-dynamic' trusts only scripts a trusted script inserts
// (Chromium refuses even `import()` from a parser-inserted module), so Trunk's loader moves to a
// file of its own, `start-<hash>.js`, which the starter inserts with a modulepreload of the glue;
// the stylesheet is inlined (Trunk `rel=inline`). The build fails if the loader or the stylesheet
// is not found.
const sha = (text) => createHash("sha256").update(text, "utf8").digest("base64");

/// Moves Trunk's inline loader to a file behind a one-line starter that adds it (and a
/// modulepreload of the glue) after the first paint; the wasm's preload and the starter first in
/// <head>. Returns the page as it now is, with the starter and the inlined stylesheet.
function startAfterFirstPaint(dir, jsFile) {
  let html = readFileSync(join(dir, "index.html"), "utf8");
  const loaders = [...html.matchAll(/<script type=["']?module["']?>([\s\S]*?)<\/script>/g)];
  if (loaders.length !== 1) throw new Error(`post-build: expected one inline module loader in index.html, found ${loaders.length}`);
  const startFile = `start-${createHash("sha256").update(loaders[0][1]).digest("hex").slice(0, 16)}.js`;
  writeFileSync(join(dir, startFile), loaders[0][1]);
  // The starter waits for the page's first paint (the prerendered screen) before it adds the glue:
  // on a throttled phone the glue's parsing and the wasm's compiling otherwise delay that paint by
  // 100–200 ms. A frame, then a task, is after the paint; the timeout starts the lab anyway where
  // frames do not come (a frame out of view). It also keeps the page's first uncaught error on
  // <html data-first-error>: a wasm trap that is no panic (an allocation that failed) says nothing
  // else, and a later panic's message alone would hide it (the tests report both).
  const starter =
    `const E=(m)=>document.documentElement.dataset.firstError??=String((m&&m.message)||m);addEventListener("error",(e)=>E(e.error||e.message));addEventListener("unhandledrejection",(e)=>E(e.reason));` +
    `let d=0;const g=()=>{if(d++)return;const l=document.createElement("link");l.rel="modulepreload";l.href="./${jsFile}";l.crossOrigin="";` +
    `const s=document.createElement("script");s.type="module";s.src="./${startFile}";document.head.append(l,s)};` +
    `addEventListener("DOMContentLoaded",()=>{requestAnimationFrame(()=>setTimeout(g));setTimeout(g,100)})`;
  html = html.replace(loaders[0][0], "");
  html = html.replace(/<link[^>]*rel=["']?modulepreload["']?[^>]*>/, "");
  // The wasm's preload and the starter first in <head>, before the stylesheet: the downloads that
  // decide when Run is usable start as soon as the first bytes of the page have arrived.
  const preloads = html.match(/<link[^>]*rel=["']?preload["']?[^>]*>/g) ?? [];
  if (preloads.length !== 1 || !preloads[0].includes("_bg.wasm")) throw new Error(`post-build: expected the wasm's one preload in index.html, found ${preloads.length}`);
  html = html.replace(preloads[0], "").replace(/<meta charset=["']?utf-8["']?>/i, (m) => m + preloads[0] + `<script>${starter}</script>`);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
  if (styles.length !== 1) throw new Error(`post-build: expected the stylesheet inlined as one <style> in index.html, found ${styles.length}`);
  return { html, starter, style: styles[0][1] };
}

/// The first screen, prerendered (scripts/prerender.mjs): the first variant as #lab's content, the
/// others as inert text, and the picker that shows one, before the body ends. Returns whether the
/// page has the picker (not where there is no Chromium to prerender with).
async function prerenderFirstScreen(dir, page) {
  const screens = await prerender(dir, page.html);
  if (!screens) return false;
  const [first, ...others] = Object.entries(screens);
  const templates = others.map(([key, inner]) => `<script type=text/html data-v=${key}>${inner}</script>`).join("");
  const lab = page.html.match(/<div id=["']?lab["']?>(<noscript>[\s\S]*?<\/noscript>)<\/div>/);
  if (!lab || !page.html.includes("</body>")) throw new Error("post-build: no <div id=lab><noscript>…</noscript></div> … </body> to prerender into");
  page.html = page.html.replace(lab[0], `<div id=lab data-prerendered>${lab[1]}${first[1]}</div>`);
  page.html = page.html.replace("</body>", `${templates}<script>${PICKER}</script></body>`);
  const sizes = Object.entries(screens).map(([key, inner]) => `${key} ${(inner.length / 1024).toFixed(1)} KB`);
  console.log(`post-build: prerendered ${sizes.join(", ")}`);
  return true;
}

/// Writes the page with its Content-Security-Policy (see above).
function writePolicy(dir, page, picker) {
  const scriptHashes = [`'sha256-${sha(page.starter)}'`, ...(picker ? [`'sha256-${sha(PICKER)}'`] : [])];
  const csp = [
    "default-src 'self'",
    `script-src ${scriptHashes.join(" ")} 'strict-dynamic' 'wasm-unsafe-eval' 'self'`,
    `style-src 'sha256-${sha(page.style)}' 'self'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self' http: https:",
    "worker-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
  const charset = page.html.match(/<meta charset=["']?utf-8["']?>/i);
  if (!charset) throw new Error("post-build: no <meta charset> in index.html to put the policy after");
  writeFileSync(join(dir, "index.html"), page.html.replace(charset[0], `${charset[0]}<meta http-equiv=Content-Security-Policy content="${csp}">`));
  console.log(`post-build: Content-Security-Policy with the loader's hash sha256-${sha(page.starter).slice(0, 8)}…`);
}

await main();
