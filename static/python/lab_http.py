"""The lab's adapters for requests from Python: small stand-ins shaped like `aiohttp` and
`requests`, so the note's programs run as written. They are NOT those libraries (which do not run
in a browser): `import aiohttp` and `import requests` get these in the lab's Python only.

- `aiohttp.ClientSession()` → `session.get(url)` (an async context manager, or awaited) →
  a response with `.status`, `await .text()`, `await .json()`, `await .read()`; over the
  browser's `fetch` (Pyodide's `pyfetch`), so it awaits as a real request does.
- `requests.get(url)` → a response with `.status_code`, `.text`, `.json()`; a synchronous request
  (Pyodide's `open_url`, a synchronous XMLHttpRequest in the worker): it blocks the thread, as
  `requests` does, and the lanes draw it blocked.

A URL `lab:sleep/300` is a simulated request of 300 ms (the lab's `URLS` for a simulated
scenario): aiohttp's awaits `asyncio.sleep(0.3)`, requests' blocks in `time.sleep(0.3)`.
The browser's rules apply to real URLs: http(s) only, and the server must allow the page (CORS).
"""

import asyncio
import json as _json
import sys
import time
import types

# Imported now, when Python loads, not inside the learner's first timed request (~100 ms).
from pyodide.http import open_url, pyfetch

SIMULATED = "lab:sleep/"


def _word(key):
    """The lab's message `key` in the reader's language (lab_runner.WORDS)."""
    import lab_runner

    return lab_runner.word(key)


def _simulated_ms(url):
    if isinstance(url, str) and url.startswith(SIMULATED):
        try:
            return max(0.0, float(url[len(SIMULATED) :]))
        except ValueError:
            raise ValueError(_word("simulated_url").replace("{}", repr(url), 1)) from None
    return None


class _AsyncResponse:
    def __init__(self, url, status, body):
        self.url = url
        self.status = status
        self._body = body

    async def text(self):
        return self._body

    async def json(self):
        return _json.loads(self._body)

    async def read(self):
        return self._body.encode()

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(f"{self.status} for {self.url}")

    def release(self):
        pass


class ClientResponseError(Exception):
    pass


async def fetch(url):
    """One request: a simulated one sleeps, a real one goes out through the browser's fetch."""
    ms = _simulated_ms(url)
    if ms is not None:
        await asyncio.sleep(ms / 1000)
        return _AsyncResponse(url, 200, "")
    response = await pyfetch(url)
    return _AsyncResponse(url, response.status, await response.string())


class _RequestContext:
    """What `session.get(url)` returns: awaitable, and an async context manager."""

    def __init__(self, url):
        self._url = url
        self._response = None

    def __await__(self):
        return fetch(self._url).__await__()

    async def __aenter__(self):
        self._response = await fetch(self._url)
        return self._response

    async def __aexit__(self, *_exc):
        return False


class ClientSession:
    def __init__(self, *_args, **_kwargs):
        pass

    def get(self, url, **_kwargs):
        return _RequestContext(url)

    async def close(self):
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, *_exc):
        return False


class _Response:
    def __init__(self, url, status_code, text):
        self.url = url
        self.status_code = status_code
        self.text = text
        self.ok = status_code < 400

    def json(self):
        return _json.loads(self.text)

    def raise_for_status(self):
        if not self.ok:
            raise HTTPError(f"{self.status_code} for {self.url}")


class HTTPError(Exception):
    pass


def get(url, **_kwargs):
    """A synchronous request: blocks the thread until the answer (the lanes draw it blocked)."""
    ms = _simulated_ms(url)
    if ms is not None:
        time.sleep(ms / 1000)
        return _Response(url, 200, "")
    from lab_runner import blocking

    with blocking("request"):
        text = open_url(url).getvalue()
    return _Response(url, 200, text)


def install():
    """Makes `import aiohttp` and `import requests` find the adapters."""
    aiohttp = types.ModuleType("aiohttp", "The lab's adapter shaped like aiohttp (see lab_http).")
    aiohttp.ClientSession = ClientSession
    aiohttp.ClientResponseError = ClientResponseError
    requests = types.ModuleType("requests", "The lab's adapter shaped like requests (see lab_http).")
    requests.get = get
    requests.HTTPError = HTTPError
    sys.modules["aiohttp"] = aiohttp
    sys.modules["requests"] = requests
