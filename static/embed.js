/* The embed's loader: a notes page that holds the lab's <iframe> loads this script beside it
 * (`<script src=".../static/embed.js" async></script>`, the "Auto height" embed code). It sizes
 * every lab frame on the page to the height the lab posts, and tells each lab the host's theme,
 * again whenever the host changes it.
 *
 * A script of its own, not inline text, so that it survives hosts that escape a script's text
 * (Quartz renders notes through preact-render-to-string, which writes `&&` as `&amp;&amp;`), and
 * so that an embed improves without anyone pasting it again. Safe to run any number of times
 * (Quartz's SPA navigation re-inserts a note's scripts on every arrival): the first run listens,
 * the others add nothing. An older inline snippet on the same page is the same first run.
 *
 * The messages are the lab's (model::embed's RESIZE, THEME and THEME_APPLIED message types; a
 * native test checks this file against them). */
(function () {
  if (window.syncVsAsyncLab) return;
  var labs = (window.syncVsAsyncLab = []);
  var dark = matchMedia("(prefers-color-scheme: dark)");

  // What the host says its theme is, where it says so: Quartz, MkDocs Material, Docusaurus,
  // Obsidian Publish; else none.
  function said() {
    var html = document.documentElement;
    var body = document.body;
    var quartz = html.getAttribute("saved-theme");
    if (quartz === "dark" || quartz === "light") return quartz;
    var material = (body && body.getAttribute("data-md-color-scheme")) || html.getAttribute("data-md-color-scheme");
    if (material === "slate") return "dark";
    if (material === "default") return "light";
    var docusaurus = html.getAttribute("data-theme");
    if (docusaurus === "dark" || docusaurus === "light") return docusaurus;
    if (body && body.classList.contains("theme-dark")) return "dark";
    if (body && body.classList.contains("theme-light")) return "light";
    return null;
  }

  // The page's own background, from the body up: dark or light by its luminance; none when
  // every element is transparent.
  function painted() {
    for (var el = document.body; el; el = el.parentElement) {
      var c = (getComputedStyle(el).backgroundColor.match(/[\d.]+/g) || []).map(Number);
      if (c.length >= 3 && (c.length === 3 || c[3] > 0.5)) {
        return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2] >= 128 ? "light" : "dark";
      }
    }
    return null;
  }

  function theme() {
    return said() || painted() || (dark.matches ? "dark" : "light");
  }

  function tell(lab) {
    lab.postMessage({ type: "sync-vs-async:theme", theme: theme() }, "*");
  }

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll("iframe"));
  }

  addEventListener("message", function (e) {
    if (!e.data || e.data.type !== "sync-vs-async:resize") return;
    frames().forEach(function (frame) {
      if (frame.contentWindow !== e.source) return;
      frame.style.height = Math.ceil(e.data.height) + "px";
      if (labs.indexOf(e.source) === -1) {
        labs.push(e.source);
        tell(e.source);
      }
    });
  });

  // Again whenever the host may have changed its theme; labs whose frame has left the page (an
  // SPA navigation) are forgotten.
  function retell() {
    var shown = frames().map(function (frame) {
      return frame.contentWindow;
    });
    for (var i = labs.length - 1; i >= 0; i--) {
      if (shown.indexOf(labs[i]) === -1) labs.splice(i, 1);
    }
    labs.forEach(tell);
  }
  new MutationObserver(retell).observe(document.documentElement, {
    attributes: true,
    subtree: true,
    attributeFilter: ["class", "style", "saved-theme", "data-theme", "data-md-color-scheme"],
  });
  dark.addEventListener("change", retell);
})();
