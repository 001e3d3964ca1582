// Renders notes as Quartz 4.5.2 does, for the end-to-end test of the embed in a Quartz site
// (tests/e2e/tests/quartz.rs): Markdown through unified (remark-parse, remark-rehype with
// allowDangerousHtml, rehype-raw), the tree onto preact with hast-util-to-jsx-runtime, and the
// page written by preact-render-to-string, which escapes the text of a <script> as Quartz's
// pages have it. The packages are the versions Quartz pins, installed by scripts/setup.sh
// (need_quartz) beside a copy of this file, where Node resolves them.
//
//   node render.mjs NOTES_DIR OUT_DIR   renders every NOTES_DIR/*.md to OUT_DIR/*.html
//
// Each page is Quartz's shape as far as the test needs it: <html saved-theme="light">, its
// colours as CSS variables that `saved-theme="dark"` switches, the note in a 630 px column (Quartz's
// at 1280 px), and its SPA router: micromorph, as Quartz's spa script uses it (a same-origin link
// is fetched and the body morphed into the new page's; micromorph re-inserts each <script>).
import { readFileSync, readdirSync, writeFileSync, copyFileSync } from "node:fs";
import { join, basename, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import rehypeRaw from "rehype-raw";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import { Fragment, jsx, jsxs } from "preact/jsx-runtime";
import { h } from "preact";
import { render } from "preact-render-to-string";

const [notes, out] = process.argv.slice(2);
const processor = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);

const style = `
  :root { --light: #faf8f8; --dark: #2b2b2b; }
  :root[saved-theme="dark"] { --light: #161618; --dark: #ebebec; }
  body { margin: 0; background: var(--light); color: var(--dark); font-family: sans-serif; }
  .center { width: 630px; margin: 0 auto; padding: 2rem 0; }
  @media (max-width: 800px) { .center { width: auto; padding: 1rem; } }
  iframe { display: block; }
`;

// Quartz's router, in its essentials: a click on a link of this site fetches the page and
// morphs the body into its body (micromorph), then pushes the address.
const spa = `
  import micromorph from "./micromorph.js";
  async function go(url, push) {
    const html = new DOMParser().parseFromString(await (await fetch(url)).text(), "text/html");
    document.title = html.title;
    await micromorph(document.body, html.body);
    if (push) history.pushState({}, "", url);
    window.arrivals = (window.arrivals || 0) + 1;
  }
  document.addEventListener("click", (e) => {
    const a = e.target.closest("a");
    if (!a || a.origin !== location.origin) return;
    e.preventDefault();
    go(a.href, true);
  });
  addEventListener("popstate", () => go(location.href, false));
`;

for (const file of readdirSync(notes).filter((f) => f.endsWith(".md"))) {
  const tree = await processor.run(processor.parse(readFileSync(join(notes, file), "utf8")));
  const article = toJsxRuntime(tree, { Fragment, jsx, jsxs, elementAttributeNameCase: "html" });
  const page = h(
    "html",
    { lang: "ru", "saved-theme": "light" },
    h("head", null, h("meta", { charset: "utf-8" }), h("title", null, basename(file, ".md")), h("link", { rel: "stylesheet", href: "quartz.css" })),
    h("body", null, h("div", { class: "center" }, h("article", null, article)), h("script", { type: "module", src: "spa.js" })),
  );
  writeFileSync(join(out, basename(file, ".md") + ".html"), "<!DOCTYPE html>" + render(page));
}
// Quartz's own styles and scripts are files of the site, not a note's text: not escaped.
writeFileSync(join(out, "quartz.css"), style);
writeFileSync(join(out, "spa.js"), spa);
const micromorph = join(dirname(fileURLToPath(import.meta.url)), "node_modules", "micromorph", "dist", "index.js");
copyFileSync(micromorph, join(out, "micromorph.js"));
