"""Runs a learner's program in Pyodide and records what each of its tasks does on the one thread.

The lab's Python worker (worker.mjs) imports this module and awaits `run(...)`. The program runs
on Pyodide's own event loop (the browser's, through setTimeout), so asyncio behaves as it does
anywhere; what the lab adds is a record, sent as text lines (the Rust model parses them,
`model::python::trace`):

    task <id> <name> <created ms>          a task, when it was made
    turn <id> <start ms> <end ms>          one step of the task on the thread (a send() into it)
    block <id> <start ms> <end ms> <what>  a blocking call inside that step (time.sleep, requests)
    wait <id> <from ms> <done ms> <due ms> <what> <line>
                                           after a step: what the task awaited, at which line of
                                           the program; done = when that finished (its callbacks
                                           were scheduled), due = when a sleep was due (or -)
    end <id> <ms> <how>                    done | cancelled | failed

Times are milliseconds from the program's start, fields are separated by tabs. Nothing here
draws or decides: a task's ready time, the thread blocked, the lanes — all are the model's.

`asyncio.run(x)` as a statement of the program's top level runs as `await x`: the program already
runs inside the browser's running loop, and WebKit has no WebAssembly stack switching, which a
nested `asyncio.run` would need (README "Python"). After the program, tasks it left running are
cancelled, as `asyncio.run` does.
"""

import ast
import asyncio
import builtins
import collections.abc
import inspect
import linecache
import sys
import time
import traceback

PROGRAM = "<program>"
# Trace lines kept at most: past this, new tasks are not recorded (the lanes say so).
MAX_LINES = 200_000


class Done:
    """A future's done-callback that notes when the future finished: the moment its callbacks are
    scheduled (`loop.call_soon`), which is before any of them runs."""

    __slots__ = ("at",)

    def __init__(self):
        self.at = None

    def __call__(self, _future):
        if self.at is None:
            self.at = now()


T0 = time.monotonic()
# The lab's own messages for the program's reader, in the page's language: given with each run by
# the panel (text::python's `RunnerWords`), so that no words live here. A missing one is its key.
WORDS = {}


def word(key):
    return WORDS.get(key, key)


# The recorder of the program running now, for blocking calls made outside this module (lab_http).
CURRENT = None


def now():
    return (time.monotonic() - T0) * 1000.0


def ms(value):
    return f"{value:.3f}"


def clean(text):
    return str(text).replace("\t", " ").replace("\n", " ")[:80]


class Recorder:
    def __init__(self, emit):
        self.emit = emit
        self.lines = []
        self.count = 0
        self.truncated = False
        self.ids = {}  # task -> id
        self.waits = {}  # id -> (from, Done, due, what, line)
        self.current = None  # the id of the task whose step is running
        self.last_flush = time.monotonic()
        self.tasks = []
        self.next_name = 2

    def line(self, *fields):
        if self.count >= MAX_LINES:
            self.truncated = True
            return
        self.count += 1
        self.lines.append("\t".join(fields))

    def flush(self, force=False):
        t = time.monotonic()
        if self.lines and (force or t - self.last_flush > 0.1):
            self.emit("\n".join(self.lines))
            self.lines = []
            self.last_flush = t

    def task_id(self, task):
        tid = self.ids.get(task)
        if tid is None:
            tid = len(self.ids) + 1
            self.ids[task] = tid
            self.line("task", str(tid), clean(task.get_name()), ms(getattr(task, "_lab_created", now())))
        return tid

    def create_task(self, create, coro, name=None, **kwargs):
        """The loop's create_task, with the coroutine wrapped and CPython's names (main is Task-1)."""
        if name is None:
            name = f"Task-{self.next_name}"
            self.next_name += 1
        task = create(Traced(coro, self), name=name, **kwargs)
        task._lab_created = now()
        self.tasks.append(task)
        return task

    def step(self, fn, arg, coro):
        task = asyncio.current_task()
        tid = self.task_id(task) if task is not None else 0
        start = now()
        waited = self.waits.pop(tid, None)
        if waited is not None:
            since, done, due, what, line = waited
            done_at = done.at if done.at is not None else start
            self.line("wait", str(tid), ms(since), ms(done_at), ms(due) if due is not None else "-", what, str(line or 0))
        outer = self.current
        self.current = tid
        try:
            result = fn(arg)
        except StopIteration:
            self.finish(tid, start, "done")
            raise
        except asyncio.CancelledError:
            self.finish(tid, start, "cancelled")
            raise
        except BaseException:
            self.finish(tid, start, "failed")
            raise
        finally:
            self.current = outer
        end = now()
        self.line("turn", str(tid), ms(start), ms(end))
        what, line, delay = describe(coro, result)
        done = Done()
        if isinstance(result, asyncio.Future):
            result.add_done_callback(done)
        else:
            done.at = end  # a bare yield: ready again at once
        due = end + delay * 1000.0 if delay is not None else None
        self.waits[tid] = (end, done, due, what, line)
        self.flush()
        return result

    def finish(self, tid, start, how):
        end = now()
        self.line("turn", str(tid), ms(start), ms(end))
        self.line("end", str(tid), ms(end), how)

    def block(self, start, end, what):
        self.line("block", str(self.current or 0), ms(start), ms(end), what)


class blocking:
    """`with blocking("request"):` records the thread blocked meanwhile (lab_http's requests.get)."""

    def __init__(self, what):
        self.what = what

    def __enter__(self):
        self.start = now()

    def __exit__(self, *_exc):
        if CURRENT is not None:
            CURRENT.block(self.start, now(), self.what)


def busy_wait(ms):
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        pass


class Traced(collections.abc.Coroutine):
    """A task's coroutine, wrapped so that each step (send or throw) is recorded."""

    __slots__ = ("coro", "rec")

    def __init__(self, coro, rec):
        self.coro = coro
        self.rec = rec

    def send(self, value):
        return self.rec.step(self.coro.send, value, self.coro)

    def throw(self, *exc):
        return self.rec.step(lambda e: self.coro.throw(*e), exc, self.coro)

    def close(self):
        return self.coro.close()

    def __await__(self):
        return self.coro.__await__()

    def __getattr__(self, name):
        return getattr(self.coro, name)


def describe(coro, result):
    """What a task awaits after a step: (what, the program's line, a sleep's delay in s)."""
    line = None
    name = None
    delay = None
    c = coro
    while c is not None:
        frame = getattr(c, "cr_frame", None) or getattr(c, "gi_frame", None)
        if frame is None:
            break
        name = frame.f_code.co_name
        if frame.f_code.co_filename == PROGRAM:
            line = frame.f_lineno
        if name == "sleep" and frame.f_code.co_filename != PROGRAM:
            delay = frame.f_locals.get("delay")
        c = getattr(c, "cr_await", None) or getattr(c, "gi_yieldfrom", None)
    if result is None:
        what = "yield"
    elif isinstance(result, asyncio.Task):
        what = "task:" + clean(result.get_name())
    elif delay is not None:
        what = "sleep"
    elif type(result).__name__ == "_GatheringFuture":
        what = "gather"
    elif name in ("acquire", "wait", "get", "put", "fetch", "pyfetch", "text", "json", "read"):
        what = name
    else:
        what = "future"
    if not isinstance(delay, (int, float)):
        delay = None
    return what, line, delay


class TopLevelRun(ast.NodeTransformer):
    """`asyncio.run(x)` anywhere in the program's top level (not inside a def or class) → `await x`."""

    def visit_FunctionDef(self, node):
        return node

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_ClassDef = visit_FunctionDef
    visit_Lambda = visit_FunctionDef

    def visit_Call(self, node):
        self.generic_visit(node)
        f = node.func
        if (
            isinstance(f, ast.Attribute)
            and f.attr == "run"
            and isinstance(f.value, ast.Name)
            and f.value.id == "asyncio"
            and len(node.args) == 1
        ):
            return ast.copy_location(ast.Await(value=node.args[0]), node)
        return node


def nested_run(*_args, **_kwargs):
    raise RuntimeError(word("nested_run"))


def no_keyboard(_prompt=""):
    """input(): a program here has no keyboard (Pyodide's stdin fails with an I/O error)."""
    raise EOFError(word("no_keyboard"))


def program_only(te):
    """A TracebackException with the program's own frames only, and so its causes, contexts and,
    for an exception group, each exception in it."""
    seen = set()

    def trim(te):
        if te is None or id(te) in seen:
            return
        seen.add(id(te))
        te.stack = traceback.StackSummary.from_list([f for f in te.stack if f.filename == PROGRAM])
        for inner in (te.__cause__, te.__context__, *(te.exceptions or ())):
            trim(inner)

    trim(te)
    return te


def leaf_line(te):
    """The line to mark: the program's last frame of the exception, or for a group, of its first
    exception (as deep as groups go); 0 where the program has none."""
    while te.exceptions:
        inner = te.exceptions[0]
        if not inner.stack and not inner.exceptions:
            break
        te = inner
    return te.stack[-1].lineno if te.stack else 0


def error_report(exc):
    """(kind, line, text) for an exception the program raised, its own frames only, written as
    CPython writes it: an exception group with every exception in it (a TaskGroup's)."""
    if isinstance(exc, SyntaxError) and exc.filename == PROGRAM:
        return "syntax", exc.lineno or 0, "".join(traceback.format_exception_only(exc)).strip()
    te = program_only(traceback.TracebackException.from_exception(exc))
    line = leaf_line(te) or (te.stack[-1].lineno if te.stack else 0)
    return "exception", line or 0, "".join(te.format(chain=False)).strip("\n").rstrip()


WARM_UP = """import asyncio, time

async def job():
    await asyncio.sleep(0.001)
    time.sleep(0.001)

async def main():
    await asyncio.gather(job(), job())
    await asyncio.wait_for(job(), 1)

asyncio.run(main())
"""


async def warm_up():
    """Runs a small program once after Python loads, so that the learner's first run is not the
    one that compiles the runner's and asyncio's code paths, then waits (2 s at most) until a
    20 ms sleep wakes within 3 ms: right after loading, an engine still compiling Python's 9.6 MB
    of wasm in the background made WebKit's timers ~40 ms late on a 2-core machine. Python is
    "ready" when its timers are on time, as the lab's own runs wait for the page to settle."""
    await run(WARM_UP, {}, lambda _text: None, lambda *_error: None)
    for _ in range(100):
        start = time.monotonic()
        await asyncio.sleep(0.02)
        if time.monotonic() - start < 0.023:
            break


async def run(source, given, emit, report, words=None):
    """Runs `source` with the names in `given` (LATENCIES, URLS, …) defined; `emit(text)` gets trace
    lines as they come, `report(kind, line, text)` an error; `words` are the lab's messages in the
    reader's language (`WORDS`). Returns the total in ms, or None."""
    global T0, CURRENT, WORDS
    WORDS = dict(words or {})
    try:
        tree = ast.parse(source, PROGRAM)
        tree = ast.fix_missing_locations(TopLevelRun().visit(tree))
        code = compile(tree, PROGRAM, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
    except SyntaxError as exc:
        report(*error_report(exc))
        return None
    linecache.cache[PROGRAM] = (len(source), None, source.splitlines(True), PROGRAM)
    namespace = {"__name__": "__main__", "__builtins__": builtins, "input": no_keyboard}
    namespace.update(given)
    # process(response): the client's work on an answer, PROCESSING_MS of CPU (the lab's scenario).
    processing = float(namespace.get("PROCESSING_MS", 0) or 0)
    namespace.setdefault("process", lambda _response=None: busy_wait(processing))

    loop = asyncio.get_running_loop()
    rec = Recorder(emit)
    saved = (loop.create_task, time.sleep, asyncio.run, loop.call_soon)
    # CPython's own time.sleep, which blocks the thread. Pyodide's replacement, where the engine has
    # WebAssembly stack switching, suspends the program and lets other tasks run meanwhile: that is
    # not what time.sleep does anywhere else, and the lesson of the blocking presets is that it blocks.
    try:
        from pyodide.webloop import _orig_sleep as real_sleep
    except ImportError:
        real_sleep = time.sleep

    def blocking_sleep(seconds):
        with blocking("sleep"):
            real_sleep(seconds)

    def call_soon(callback, *args, context=None):
        if type(callback) is Done and callback.at is None:
            callback.at = now()
        return saved[3](callback, *args, context=context)

    async def program():
        result = eval(code, namespace)
        if inspect.iscoroutine(result):
            await result

    CURRENT = rec
    T0 = time.monotonic()
    loop.create_task = lambda coro, **kwargs: rec.create_task(saved[0], coro, **kwargs)
    time.sleep = blocking_sleep
    asyncio.run = nested_run
    loop.call_soon = call_soon
    failed = None
    try:
        main = loop.create_task(program(), name="main")
        try:
            await main
        except BaseException as exc:  # noqa: BLE001 — the program's error is shown, not raised
            failed = exc
        left = [t for t in rec.tasks if not t.done()]
        for t in left:
            t.cancel()
        if left:
            await asyncio.gather(*left, return_exceptions=True)
    finally:
        del loop.create_task
        time.sleep, asyncio.run = saved[1], saved[2]
        CURRENT = None
        del loop.call_soon
    total = now()
    rec.flush(force=True)
    if rec.truncated:
        emit("truncated")
    if failed is not None:
        if isinstance(failed, asyncio.CancelledError):
            report("exception", 0, "CancelledError: " + word("main_cancelled"))
        else:
            report(*error_report(failed))
    return total
