//! Reading the Russian page as its reader does (issue 23): every number agrees with its noun, no
//! English word appears outside code, the window's title is Russian and quotes are «».

use std::collections::BTreeSet;

use sync_vs_async::model::presentation::Lang;
use sync_vs_async::text::python::PY_RU;
use sync_vs_async::text::{plural_form, Noun, RU};

use crate::Browser;

/// Every piece of text a reader meets on the page, or a screen reader says: text nodes and the
/// labels, titles and placeholders of elements, but not code (the listings, the lab's code tabs).
pub const READ: &str = r#"
const code = "code, pre, script, style, template, textarea, noscript";
const out = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n; (n = walker.nextNode()); ) {
  if (n.parentElement && !n.parentElement.closest(code) && n.data.trim()) out.push(n.data);
}
for (const e of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
  if (e.closest(code)) continue;
  for (const a of ["aria-label", "title", "placeholder", "alt"]) if (e.getAttribute(a)) out.push(e.getAttribute(a));
}
return [document.documentElement.lang, document.title, out.join("\n")];
"#;

/// Latin words a Russian page keeps: names of languages, programs, protocols, file formats and
/// the code the lab teaches (`await`, `gather`), as the note itself writes them.
const KEPT_LATIN: [&str; 28] = [
    "English",
    "HTTP",
    "http",
    "https",
    "CORS",
    "DNS",
    "TTFB",
    "Timing-Allow-Origin",
    "Python",
    "asyncio",
    "await",
    "gather",
    "Semaphore",
    "fetch",
    "performance.now",
    "Rust",
    "WebAssembly",
    "JavaScript",
    "CPython",
    "Pyodide",
    "iframe",
    "Markdown",
    "HTML",
    "SVG",
    "PNG",
    "max",
    "httpbin.org",
    "N",
];

/// Words that follow a number and agree with it: every noun the lab counts, by its forms.
fn nouns() -> Vec<&'static Noun> {
    let mut all = vec![&RU.counted.requests, &RU.counted.runs, &RU.counted.values, &RU.counted.urls, &PY_RU.character];
    all.extend(RU.real.outcome_counted.iter());
    all
}

/// The first word of a form: what follows the number.
fn head(form: &str) -> &str {
    form.split(' ').next().unwrap_or(form)
}

/// Each number followed by a counted noun that disagrees with it, as "41 запросов (expected
/// запроса)"; and how many counts were checked. After "из" and "сумма" the genitive.
pub fn disagreements(text: &str) -> (Vec<String>, usize) {
    let nouns = nouns();
    let words: Vec<&str> = text.split([' ', '\n', '\u{a0}', '(', '/']).filter(|w| !w.is_empty()).collect();
    let (mut wrong, mut checked) = (Vec::new(), 0);
    for i in 0..words.len().saturating_sub(1) {
        let digits: String = words[i].chars().filter(|c| *c != '\u{202f}').collect();
        let Ok(n) = digits.parse::<usize>() else { continue };
        let next = words[i + 1].trim_end_matches([',', '.', ';', ':', ')', '»']);
        let Some(noun) = nouns.iter().find(|noun| noun.nominative.iter().chain(&noun.genitive).any(|f| head(f) == next)) else {
            continue;
        };
        let genitive = i > 0 && ["из", "сумма"].contains(&words[i - 1].to_lowercase().as_str());
        let forms = if genitive { &noun.genitive } else { &noun.nominative };
        let expected = head(forms[plural_form(Lang::Ru, n).index()]);
        checked += 1;
        if next != expected {
            wrong.push(format!("{} {next} (expected {expected})", words[i]));
        }
    }
    (wrong, checked)
}

/// Latin words outside `KEPT_LATIN`. Addresses and the URL template's placeholders (`{ms}`) are
/// code, not words.
pub fn english(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let prose = text.split_whitespace().filter(|t| !(t.contains("://") || t.starts_with('/') || t.contains('{')));
    for word in prose.flat_map(|t| t.split(|c: char| !(c.is_ascii_alphanumeric() || "._-".contains(c)))) {
        let word = word.trim_matches(['.', '-', '_']);
        if word.chars().filter(char::is_ascii_alphabetic).count() < 1 || word.chars().all(|c| c.is_ascii_digit() || c == '.') {
            continue;
        }
        // k and N are the scenario's names; #3, 2-й and HTTP/1.1 are numbers.
        if word == "k" || KEPT_LATIN.contains(&word) || KEPT_LATIN.iter().any(|kept| word.starts_with(&format!("{kept}."))) {
            continue;
        }
        found.insert(word.to_string());
    }
    found
}

/// Units a number is bound to by a non-breaking space, so that a line never ends between them.
const UNITS: [&str; 8] = ["мс", "с", "мин", "ч", "МБ", "КБ", "%", "пикс."];

/// Spellings the lab does not write: the note's "2ой", "HTTP запрос" and "таймаут" are typeset
/// as "2-й", "HTTP-запрос" and "тайм-аут"; ё is written where it is said.
const MISSPELT: [&str; 7] = ["2ой", "HTTP запрос", "таймаут", "ждет", "отдает", "еще ", "Еще "];

/// A number and its unit with a breaking space between them: "15 мс".
pub fn unbound_units(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split([' ', '\n']).collect();
    let mut found = Vec::new();
    for pair in words.windows(2) {
        let number = pair[0].trim_start_matches(['(', '—', '≈', '~']);
        let ends_in_digit = number.chars().last().is_some_and(|c| c.is_ascii_digit());
        let unit = pair[1].trim_end_matches([',', ';', ':', ')', '»']);
        let unit = if unit == "пикс." { unit } else { unit.trim_end_matches('.') };
        if ends_in_digit && UNITS.contains(&unit) {
            found.push(format!("{} {}", pair[0], pair[1]));
        }
    }
    found
}

/// How many counts the reading checked, and everything wrong on the page as it is now.
pub async fn read_russian(b: &Browser, state: &str) -> (usize, String) {
    let seen = b.js(READ).await;
    let (lang, title, text) = (seen[0].as_str().unwrap_or(""), seen[1].as_str().unwrap_or(""), seen[2].as_str().unwrap_or(""));
    let mut problems = Vec::new();
    if lang != "ru" || title != RU.page.title {
        problems.push(format!("lang {lang:?}, title {title:?}"));
    }
    let (wrong, checked) = disagreements(text);
    if !wrong.is_empty() {
        problems.push(format!("disagreeing: {wrong:?}"));
    }
    let latin = english(text);
    if !latin.is_empty() {
        problems.push(format!("English: {latin:?}"));
    }
    let unbound = unbound_units(text);
    if !unbound.is_empty() {
        problems.push(format!("a breaking space before a unit: {unbound:?}"));
    }
    let misspelt: Vec<&str> = MISSPELT.into_iter().filter(|m| text.contains(m)).collect();
    if !misspelt.is_empty() {
        problems.push(format!("spelt otherwise here: {misspelt:?}"));
    }
    let quotes: Vec<&str> = text.lines().filter(|l| l.contains(['"', '“', '”', '„'])).collect();
    if !quotes.is_empty() {
        problems.push(format!("quotes not «»: {quotes:?}"));
    }
    let said = if problems.is_empty() { String::new() } else { format!("{state}: {}\n", problems.join("; ")) };
    (checked, said)
}
