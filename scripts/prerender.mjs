// The prerendered first screen (issue 14), for scripts/post-build.mjs: the release build opens the
// page it has just built in headless Chromium (Debian's, as the tests use), once per variant —
// language × layout (a wide page, a phone-narrow page with the form folded, the embed) — lets the
// app render its default scenario, and keeps the lab's first screen as static HTML: the heading
// and lead, the form, the toolbar and the charts of the prediction that begin inside the window
// (on a phone the totals; on a wide page the race and the waterfall too).
// The same Yew components render it, so it is what the app will show; the app replaces it on start
// (src/app/takeover.rs) and carries over whatever the reader typed or pressed meanwhile.
//
// In the page: the English phone variant is #lab's content, plain HTML that paints with no script
// at all (what a crawler or a reader without JavaScript sees; a phone, the slowest reader, then
// swaps nothing). The others are inert text (`<script type=text/html>`: the parser only scans it,
// where <template>s cost a throttled phone 0.7 s of parsing). A small inline picker, pinned by the
// CSP's hash like the starter, runs before the first paint: puts the reader's variant into #lab
// where it is another one (language from the link or the browser, as the app decides it; layout
// from `embed=1` and the window's width), sets the link's theme on <html>, removes the variants and
// itself (the live page holds no text of them), and queues a press of Run or Compare for the app.

// In the prerendered HTML every `data-testid` becomes `data-pre` (tests and the takeover find the
// live page's hooks only on the live page), but Run and Compare keep theirs: a press there is
// queued and happens when the lab is ready. Inputs carry their values as attributes.

import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";

/// The variants, as the picker names them: `${lang}-${layout}`. The first is the page's own content.
/// The picker must name them the same way.
export const VARIANTS = ["en", "ru"].flatMap((lang) => [
  { key: `${lang}-narrow`, query: `lang=${lang}`, size: "390,844" },
  { key: `${lang}-wide`, query: `lang=${lang}`, size: "1440,900" },
  { key: `${lang}-embed`, query: `lang=${lang}&embed=1`, size: "720,900" },
]);

/// Below this window width the app folds the form: the model's own constant, read from its source
/// (`pub const NARROW_PX: u32 = …;` in src/model/presentation.rs), so the picker cannot disagree.
const NARROW_PX = (() => {
  const source = readFileSync(new URL("../src/model/presentation.rs", import.meta.url), "utf8");
  const found = source.match(/^pub const NARROW_PX: u32 = (\d+);$/m);
  if (!found) throw new Error("prerender: no `pub const NARROW_PX: u32 = N;` in src/model/presentation.rs");
  return Number(found[1]);
})();

/// The picker, one line, run where the variants end. Decides as the app does (model::url_state's
/// decode): `lang` from the link if it is a language the lab speaks, else the browser's first;
/// `embed=1` or `embed=true`; the theme `dark` or `light`; narrow below NARROW_PX. Then the window's
/// title and the preview tags in the variant's language, as its prerender found them.
/// tests/e2e/tests/first_paint.rs checks it against the app's decoder over a table of links.
export const PICKER =
  `(()=>{const q=new URLSearchParams(location.search),L=document.getElementById("lab"),H=document.documentElement;` +
  `let g=q.get("lang");if(g!=="en"&&g!=="ru"){g="en";for(const l of navigator.languages||[]){const k=l.split(/[-_]/)[0].toLowerCase();if(k==="en"||k==="ru"){g=k;break}}}` +
  `const e=["1","true"].includes(q.get("embed")),t=document.querySelector('script[data-v="'+g+"-"+(e?"embed":innerWidth<${NARROW_PX}?"narrow":"wide")+'"]');` +
  `const m=q.get("theme");if(m==="dark"||m==="light")H.dataset.theme=m;H.classList.toggle("embed",e);H.classList.toggle("framed",top!==self);H.lang=g;if(t)L.innerHTML=t.textContent;` +
  `const P=L.querySelector("[data-page-title]");if(P){document.title=P.dataset.pageTitle;for(const x of document.querySelectorAll('meta[property$=":title"],meta[name$=":title"]'))x.content=P.dataset.pageTitle;` +
  `for(const x of document.querySelectorAll('meta[name=description],meta[property$=":description"],meta[name$=":description"]'))x.content=P.dataset.pageDescription;P.remove()}` +
  `for(const v of document.querySelectorAll("script[data-v]"))v.remove();document.currentScript.remove();` +
  `L.addEventListener("click",v=>{const b=v.target.closest("[data-testid=run],[data-testid=compare]"),s=L.querySelector(".status.starting");` +
  `if(!b||!L.hasAttribute("data-prerendered"))return;L.dataset.queued=b.dataset.testid;b.classList.add("queued");` +
  `if(s)s.querySelector(".status-text").textContent=s.dataset.queuedText})})()`;

/// Runs in the page at build time, once the app has rendered: values into attributes, the first
/// screen only, hooks renamed; then the title says so and Chromium's --dump-dom can take it.
const HELPER = `
const finish = () => {
  const lab = document.getElementById("lab");
  for (const i of lab.querySelectorAll("input")) {
    if (i.type === "radio" || i.type === "checkbox") i.toggleAttribute("checked", i.checked);
    else i.setAttribute("value", i.value);
  }
  for (const a of lab.querySelectorAll("textarea")) a.textContent = a.value;
  for (const s of lab.querySelectorAll("select")) for (const o of s.options) o.toggleAttribute("selected", o.selected);
  // The first screen: the panels that begin inside the window (a phone keeps the totals, a wide
  // page the waterfall too); what begins below it appears when the app takes over.
  for (const p of lab.querySelectorAll(".panels > *")) if (p.getBoundingClientRect().top >= innerHeight) p.remove();
  // Nor the charts' picture menus: they answer only once the app runs (and sit out of the flow).
  for (const f of lab.querySelectorAll(".page-footer, noscript, .picture-menu")) f.remove();
  for (const e of lab.querySelectorAll("[data-testid]")) {
    e.dataset.pre = e.dataset.testid;
    if (e.dataset.testid !== "run" && e.dataset.testid !== "compare") e.removeAttribute("data-testid");
  }
  lab.removeAttribute("data-prerender");
  // The window's title and the preview's description in the variant's language, for the picker.
  const said = document.createElement("span");
  said.hidden = true;
  said.dataset.pageTitle = document.title;
  said.dataset.pageDescription = document.querySelector("meta[name=description]").content;
  lab.append(said);
  document.title = "prerendered";
};
// Taken once the app has drawn its whole page: the mark it makes when interactive, and the hook
// that appears with its whole render, not its first screen (status). Polled on the page's
// virtual clock: no fixed wait.
const wait = setInterval(() => {
  if (!performance.getEntriesByName("lab-interactive").length || !document.querySelector("#lab [data-testid=status]")) return;
  clearInterval(wait);
  finish();
}, 20);
`;

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".svg": "image/svg+xml", ".png": "image/png" };

/// The variants' first screens, by key, rendered from the built page `html` (no CSP yet) and the
/// files in `dir`; `null` (with a warning) where there is no Chromium to render with.
export async function prerender(dir, html) {
  const chrome = process.env.CHROME || ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);
  if (!chrome || !existsSync(chrome)) {
    console.warn("post-build: no Chromium (CHROME) to prerender with; the page paints when the wasm has started");
    return null;
  }
  const page = html
    .replace(/<div id="?lab"?>/, '<div id="lab" data-prerender>')
    .replace(/<\/body>/, `<!--lab-end--><script src="/__prerender.js"></script></body>`);
  if (!page.includes("data-prerender") || !page.includes("lab-end")) throw new Error("post-build: no <div id=lab> … </body> to prerender into");
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path === "/" || path === "/index.html") return res.writeHead(200, { "content-type": "text/html" }).end(page);
    if (path === "/__prerender.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(HELPER);
    const file = join(dir, normalize(path).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${server.address().port}/index.html`;
  try {
    const screens = {};
    for (const v of VARIANTS) {
      const dom = await dump(chrome, `${base}?${v.query}`, v.size);
      const start = dom.indexOf('<div id="lab"');
      const end = dom.indexOf("<!--lab-end-->");
      if (start < 0 || end < 0 || !dom.includes("<title>prerendered</title>")) throw new Error(`post-build: prerendering ${v.key} failed`);
      const inner = dom.slice(dom.indexOf(">", start) + 1, dom.lastIndexOf("</div>", end));
      if (!inner.includes('data-testid="run"') || !inner.includes("<h1")) throw new Error(`post-build: ${v.key} has no heading or Run`);
      // Inert text must not end its <script> early, nor enter the parser's escaped states.
      if (/<\/script|<!--/i.test(inner)) throw new Error(`post-build: ${v.key} holds </script or <!--, which inert text cannot`);
      screens[v.key] = inner;
    }
    return screens;
  } finally {
    server.close();
  }
}

/// The DOM Chromium holds once the page's virtual time has run (network waits do not count).
function dump(chrome, url, size) {
  const args = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--mute-audio", "--no-first-run",
    `--window-size=${size}`, "--virtual-time-budget=30000", "--dump-dom", url];
  return new Promise((ok, fail) => {
    const child = spawn(chrome, args, { stdio: ["ignore", "pipe", "ignore"] });
    // The bytes whole, decoded once: a chunk decoded alone can end inside a letter of two bytes
    // (a Russian title came out "Синх��онно" when the pipe split its "р").
    const chunks = [];
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.stdout.on("data", (d) => chunks.push(d));
    child.on("error", fail);
    child.on("close", () => {
      clearTimeout(timer);
      const out = Buffer.concat(chunks).toString("utf8");
      // The lab writes no U+FFFD: one here is bytes that were not UTF-8, and would ship.
      if (out.includes("\uFFFD")) fail(new Error(`prerender: ${url} came out with a character that was not UTF-8`));
      else ok(out);
    });
  });
}
