//! The program for each strategy in three languages: Python asyncio (the note's language),
//! Rust (what this lab actually runs) and JavaScript. Each line says which part of a request it
//! is, so a replay can light the line the one thread is on.

use super::explain::CodeRole;
use super::strategy::StrategyKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodeLang {
    Python,
    Rust,
    Js,
}

impl CodeLang {
    pub const ALL: [CodeLang; 3] = [CodeLang::Python, CodeLang::Rust, CodeLang::Js];

    /// Its place in `ALL` (an exhaustive match: a new variant must be given one), where the
    /// words keep its name.
    pub const fn index(self) -> usize {
        match self {
            CodeLang::Python => 0,
            CodeLang::Rust => 1,
            CodeLang::Js => 2,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            CodeLang::Python => "python",
            CodeLang::Rust => "rust",
            CodeLang::Js => "js",
        }
    }
}

use CodeRole::{Process as P, Send as S, Wait as W};

type Line = (&'static str, &'static [CodeRole]);

const NONE: &[CodeRole] = &[];
const SEND_WAIT: &[CodeRole] = &[S, W];
const SEND: &[CodeRole] = &[S];
const WAIT: &[CodeRole] = &[W];
const PROCESS: &[CodeRole] = &[P];

/// The Python listing as a whole program the Python panel runs ("Open in Python"): the listing,
/// then the call of `main` with the lab's names (`URLS`, `LIMIT`; `process` is the lab's too).
pub fn runnable_python(kind: StrategyKind) -> String {
    let mut program: String = listing(kind, CodeLang::Python).iter().map(|(line, _)| format!("{line}\n")).collect();
    program.push_str(match kind {
        StrategyKind::Blocking => "\n\nmain(URLS)\n",
        StrategyKind::Sequential => "\n\nimport asyncio\nasyncio.run(main(URLS))\n",
        StrategyKind::Concurrent => "\n\nasyncio.run(main(URLS))\n",
        StrategyKind::Bounded => "\n\nasyncio.run(main(URLS, LIMIT))\n",
    });
    program
}

pub fn listing(kind: StrategyKind, lang: CodeLang) -> &'static [Line] {
    match (lang, kind) {
        (CodeLang::Python, StrategyKind::Blocking) => &[
            ("import requests", NONE),
            ("", NONE),
            ("def main(urls):", NONE),
            ("    for url in urls:", NONE),
            ("        response = requests.get(url)", SEND_WAIT),
            ("        process(response.text)", PROCESS),
        ],
        (CodeLang::Python, StrategyKind::Sequential) => &[
            ("import aiohttp", NONE),
            ("", NONE),
            ("async def main(urls):", NONE),
            ("    async with aiohttp.ClientSession() as session:", NONE),
            ("        for url in urls:", NONE),
            ("            async with session.get(url) as response:", SEND_WAIT),
            ("                process(await response.text())", PROCESS),
        ],
        (CodeLang::Python, StrategyKind::Concurrent) => &[
            ("import asyncio, aiohttp", NONE),
            ("", NONE),
            ("async def one(session, url):", NONE),
            ("    async with session.get(url) as response:", WAIT),
            ("        process(await response.text())", PROCESS),
            ("", NONE),
            ("async def main(urls):", NONE),
            ("    async with aiohttp.ClientSession() as session:", NONE),
            ("        await asyncio.gather(*(one(session, url) for url in urls))", SEND),
        ],
        (CodeLang::Python, StrategyKind::Bounded) => &[
            ("import asyncio, aiohttp", NONE),
            ("", NONE),
            ("async def one(session, limit, url):", NONE),
            ("    async with limit:", SEND),
            ("        async with session.get(url) as response:", WAIT),
            ("            process(await response.text())", PROCESS),
            ("", NONE),
            ("async def main(urls, k):", NONE),
            ("    limit = asyncio.Semaphore(k)", NONE),
            ("    async with aiohttp.ClientSession() as session:", NONE),
            ("        await asyncio.gather(*(one(session, limit, url) for url in urls))", NONE),
        ],
        (CodeLang::Rust, StrategyKind::Blocking) => &[
            ("for (i, request) in scenario.requests().iter().enumerate() {", NONE),
            ("    record(i, Moment::Start);", SEND),
            ("    clock::busy_wait(request.latency_ms);", WAIT),
            ("    record(i, Moment::Response);", NONE),
            ("    clock::busy_wait(request.processing_ms);", PROCESS),
            ("    record(i, Moment::End);", NONE),
            ("}", NONE),
        ],
        (CodeLang::Rust, StrategyKind::Sequential) => &[
            ("for i in 0..scenario.len() {", NONE),
            ("    task(i).await;", SEND),
            ("}", NONE),
            ("", NONE),
            ("async fn one_request(i: usize, request: Request) {", NONE),
            ("    timers::sleep(request.latency_ms).await;", WAIT),
            ("    clock::busy_wait(request.processing_ms);", PROCESS),
            ("}", NONE),
        ],
        (CodeLang::Rust, StrategyKind::Concurrent) => &[
            ("join_all((0..scenario.len()).map(task)).await;", SEND),
            ("", NONE),
            ("async fn one_request(i: usize, request: Request) {", NONE),
            ("    timers::sleep(request.latency_ms).await;", WAIT),
            ("    clock::busy_wait(request.processing_ms);", PROCESS),
            ("}", NONE),
        ],
        (CodeLang::Rust, StrategyKind::Bounded) => &[
            ("stream::iter(0..scenario.len())", NONE),
            ("    .for_each_concurrent(Some(k), task)", SEND),
            ("    .await;", NONE),
            ("", NONE),
            ("async fn one_request(i: usize, request: Request) {", NONE),
            ("    timers::sleep(request.latency_ms).await;", WAIT),
            ("    clock::busy_wait(request.processing_ms);", PROCESS),
            ("}", NONE),
        ],
        (CodeLang::Js, StrategyKind::Blocking) => &[
            ("for (const url of urls) {", NONE),
            ("  const xhr = new XMLHttpRequest();", NONE),
            ("  xhr.open(\"GET\", url, false);", NONE),
            ("  xhr.send();", SEND_WAIT),
            ("  process(xhr.responseText);", PROCESS),
            ("}", NONE),
        ],
        (CodeLang::Js, StrategyKind::Sequential) => &[
            ("for (const url of urls) {", NONE),
            ("  const response = await fetch(url);", SEND_WAIT),
            ("  process(await response.text());", PROCESS),
            ("}", NONE),
        ],
        (CodeLang::Js, StrategyKind::Concurrent) => &[
            ("await Promise.all(urls.map(async (url) => {", SEND),
            ("  const response = await fetch(url);", WAIT),
            ("  process(await response.text());", PROCESS),
            ("}));", NONE),
        ],
        (CodeLang::Js, StrategyKind::Bounded) => &[
            ("async function worker(queue) {", NONE),
            ("  for (let url; (url = queue.shift()); ) {", SEND),
            ("    const response = await fetch(url);", WAIT),
            ("    process(await response.text());", PROCESS),
            ("  }", NONE),
            ("}", NONE),
            ("const queue = [...urls];", NONE),
            ("await Promise.all(Array.from({ length: k }, () => worker(queue)));", NONE),
        ],
    }
}

/// The lines (0-based) to light for a role: the first line that carries it.
pub fn current_line(kind: StrategyKind, lang: CodeLang, role: CodeRole) -> Option<usize> {
    listing(kind, lang).iter().position(|(_, roles)| roles.contains(&role))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_python_listings_open_as_whole_programs_that_call_main() {
        assert!(runnable_python(StrategyKind::Blocking).ends_with("main(URLS)\n"));
        assert!(runnable_python(StrategyKind::Sequential).contains("import asyncio\nasyncio.run(main(URLS))"));
        assert!(runnable_python(StrategyKind::Bounded).starts_with("import asyncio, aiohttp\n"));
        assert!(runnable_python(StrategyKind::Bounded).ends_with("asyncio.run(main(URLS, LIMIT))\n"));
    }

    use super::*;

    #[test]
    fn every_listing_lights_a_line_for_waiting_and_processing() {
        for kind in StrategyKind::ALL {
            for lang in CodeLang::ALL {
                for role in [CodeRole::Send, CodeRole::Wait, CodeRole::Process] {
                    assert!(current_line(kind, lang, role).is_some(), "{kind:?} {lang:?} {role:?}");
                }
                assert_eq!(current_line(kind, lang, CodeRole::Done), None);
            }
        }
    }

    #[test]
    fn the_notes_primitives_are_there() {
        let text = |kind, lang| listing(kind, lang).iter().map(|(l, _)| *l).collect::<Vec<_>>().join("\n");
        assert!(text(StrategyKind::Blocking, CodeLang::Python).contains("requests.get"));
        assert!(text(StrategyKind::Concurrent, CodeLang::Python).contains("asyncio.gather"));
        assert!(text(StrategyKind::Bounded, CodeLang::Python).contains("asyncio.Semaphore"));
        assert!(text(StrategyKind::Concurrent, CodeLang::Rust).contains("join_all"));
        assert!(text(StrategyKind::Concurrent, CodeLang::Js).contains("Promise.all"));
    }
}
