// The lab's latency emulator: a service worker that answers same-origin `…/delay/{ms}` after
// that many milliseconds, so that a static page can show real fetch() calls with chosen
// latencies and no server. Everything else goes to the network untouched.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  const match = url.origin === self.location.origin && url.pathname.match(/\/delay\/(\d{1,6})$/);
  if (!match) return;
  const ms = Math.min(parseInt(match[1], 10), 60000);
  event.respondWith(
    new Promise((resolve) => setTimeout(resolve, ms)).then(
      () =>
        new Response(JSON.stringify({ delayed_ms: ms, emulated: true }), {
          headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
        })
    )
  );
});
