//! Every word the page shows, in one place, in English (`EN`) and Russian (`RU`).
//!
//! A language is plain data: strings, and templates where `{}` marks a value (filled in order).
//! Grammar that differs between languages lives here once, not in every component: the tables
//! (`tables.rs`, filled by `en.rs` and `ru.rs`), the plural rules (`plural.rs`), numbers
//! (`numbers.rs`) and sentences (`sentences.rs`); `python.rs` holds the Python panel's words.

mod en;
mod numbers;
#[cfg(test)]
mod parity;
mod plural;
pub mod python;
mod ru;
mod sentences;
mod tables;

pub use en::EN;
pub use ru::RU;

pub use plural::{plural_form, PluralForm};
pub use tables::*;

use crate::model::presentation::Lang;

/// The words for a language.
pub fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::En => &EN,
        Lang::Ru => &RU,
    }
}

/// Fills `{}` in `template` with `values`, in order.
pub fn fill(template: &str, values: &[&str]) -> String {
    // Natively, in tests, a template and its values must agree (in the browser a missing value is
    // written as nothing: words never stop the page).
    #[cfg(test)]
    assert_eq!(template.matches("{}").count(), values.len(), "fill({template:?}) with {values:?}");
    write(template, values)
}

/// `fill` without the tests' check: a missing value is written as nothing.
fn write(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut values = values.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        out.push_str(values.next().copied().unwrap_or(""));
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {

    use super::sentences::lower_first;
    use super::*;
    use crate::model::axis::TimeUnit;

    use crate::model::formula::formula;

    use crate::model::guess::GuessResult;

    use crate::model::predict::predict;
    use crate::model::presentation::Lang;
    use crate::model::scenario::ListError;
    use crate::model::source::RequestOutcome;
    use crate::model::strategy::Strategy;

    use crate::model::Scenario;

    #[test]
    fn the_notes_formulas_in_words() {
        let s = Scenario::from_latencies(&[300, 800]).unwrap();
        let f = |t: &Text, st| t.formula(&formula(&s, st, &predict(&s, st)));
        assert_eq!(f(&EN, Strategy::Sequential), "300 + 800 = 1,100\u{a0}ms");
        assert_eq!(f(&EN, Strategy::Concurrent), "max(300, 800) = 800\u{a0}ms");
        assert_eq!(f(&RU, Strategy::Sequential), "300 + 800 = 1\u{202f}100\u{a0}мс");
    }

    #[test]
    fn the_totals_say_why_in_words() {
        let words = |t: &Text, latencies: &[u32], proc: u32, st| {
            let s =
                Scenario::new(latencies.iter().map(|&l| crate::model::Request { latency_ms: l, processing_ms: proc }).collect()).unwrap();
            t.formula_in_words(&formula(&s, st, &predict(&s, st)))
        };
        assert_eq!(words(&EN, &[300, 800], 0, Strategy::Sequential), "the sum of 300 and 800");
        assert_eq!(words(&EN, &[300, 800], 0, Strategy::Concurrent), "the longest of 300 and 800");
        assert_eq!(words(&EN, &[300, 800, 500], 0, Strategy::Blocking), "the sum of 300, 800 and 500");
        assert_eq!(words(&RU, &[300, 800], 0, Strategy::Sequential), "сумма 300 и 800");
        assert_eq!(words(&RU, &[300, 800, 500], 0, Strategy::Concurrent), "самая долгая из 300, 800 и 500");
        assert_eq!(words(&EN, &[1200], 0, Strategy::Sequential), "the sum of 1,200");
        assert_eq!(words(&EN, &[10; 7], 0, Strategy::Sequential), "the sum of 7 values");
        // With processing, or k at a time, the formula itself says it.
        assert_eq!(words(&EN, &[300, 800], 50, Strategy::Sequential), "(300 + 50) + (800 + 50) = 1,200\u{a0}ms");
        assert!(words(&EN, &[300, 800, 500], 0, Strategy::Bounded(2)).contains("slots"));
    }

    #[test]
    fn numbers_in_each_language() {
        assert_eq!(EN.ms(1100.4), "1,100\u{a0}ms");
        assert_eq!(EN.int(1234567.0), "1,234,567");
        assert_eq!(EN.duration(2840.0), "2.8\u{a0}s");
        assert_eq!(RU.duration(2840.0), "2,8\u{a0}с");
        assert_eq!(RU.speedup(1.375), "×1,38");
        assert_eq!(EN.int(-5.0), "−5");
    }

    /// The Russian rule, written out by hand for 0–125 and 1,001: one (1, 21, 101, but not 11,
    /// 111), few (2–4, 22–24, but not 12–14), many (0, 5–20, 25–30, …).
    #[test]
    fn russian_plurals_0_to_125_and_1001() {
        let expected = |n: usize| match (n % 10, n % 100) {
            (_, 11..=14) => PluralForm::Many,
            (1, _) => PluralForm::One,
            (2..=4, _) => PluralForm::Few,
            _ => PluralForm::Many,
        };
        for n in (0..=125).chain([1001, 1011, 1022]) {
            assert_eq!(plural_form(Lang::Ru, n), expected(n), "{n}");
            assert_eq!(plural_form(Lang::En, n), if n == 1 { PluralForm::One } else { PluralForm::Many }, "{n}");
        }
        let forms: Vec<String> = [0, 1, 2, 5, 11, 12, 14, 21, 22, 25, 111, 112, 121, 1001].iter().map(|&n| RU.requests(n)).collect();
        assert_eq!(
            forms,
            [
                "0 запросов",
                "1 запрос",
                "2 запроса",
                "5 запросов",
                "11 запросов",
                "12 запросов",
                "14 запросов",
                "21 запрос",
                "22 запроса",
                "25 запросов",
                "111 запросов",
                "112 запросов",
                "121 запрос",
                "1\u{202f}001 запрос",
            ]
        );
        // After "из" / "of": the genitive.
        let of = |n| RU.count(n, &RU.counted.requests, Case::Genitive);
        assert_eq!(
            [of(1), of(2), of(5), of(21), of(41), of(1001)],
            ["1 запроса", "2 запросов", "5 запросов", "21 запроса", "41 запроса", "1\u{202f}001 запроса"]
        );
        assert_eq!(EN.requests(1), "1 request");
        assert_eq!(EN.requests(3), "3 requests");
        assert_eq!(EN.count(1001, &EN.counted.requests, Case::Genitive), "1,001 requests");
    }

    /// Every count the lab writes agrees with its number: outcomes, formulas, sampled rows, sweeps.
    #[test]
    fn counts_agree_in_every_sentence() {
        use RequestOutcome::*;
        let counts = [(Ok, 8), (HttpError, 2), (NetworkError, 5), (Timeout, 3), (Cancelled, 1)];
        assert_eq!(RU.outcome_counts(&counts), "8 успешных · 2 ошибки HTTP · 5 сетевых ошибок (часто CORS) · 3 тайм-аута · 1 отменённый");
        assert_eq!(EN.outcome_counts(&counts), "8 succeeded · 2 HTTP errors · 5 network errors (often CORS) · 3 timed out · 1 cancelled");
        assert_eq!(RU.outcome_counts(&[(HttpError, 21), (Timeout, 1)]), "21 ошибка HTTP · 1 тайм-аут");
        assert!(RU.sampled_rows(100, 41).starts_with("Показано 100 из 41 запроса,"));
        assert!(RU.sequence_note(40, 9_960).starts_with("Стрелки и полосы — для первых 40 запросов,"), "{}", RU.sequence_note(40, 9_960));
        assert_eq!(RU.sequence_rest(9_961, 7_785_340.0), "… и ещё 9\u{202f}961 запрос после них, до 2\u{a0}ч 10\u{a0}мин");
        assert_eq!(EN.sequence_rest(1, 1_500.0), "… and 1 request after them, until 1,500\u{a0}ms");
        assert_eq!(RU.sweep_cancelled(3, 21), "Измерение отменено после 3 из 21 запуска.");
        assert_eq!(RU.sweep_done(24), "Измерено 24 запуска.");
        assert_eq!(EN.sweep_done(24), "Measured 24 runs.");
        assert!(RU.sweep_hidden(3).starts_with("Во время 3 запусков вкладка была в фоне"), "{}", RU.sweep_hidden(3));
        assert!(EN.sweep_hidden(1).starts_with("During 1 run the tab"), "{}", EN.sweep_hidden(1));
        assert_eq!(RU.progress(3, 41, 500.0), "завершено 3 из 41 запроса · 500\u{a0}мс");
        let of = |latencies: &[u32], st| {
            let s = Scenario::from_latencies(latencies).unwrap();
            formula(&s, st, &predict(&s, st))
        };
        let sum7 = of(&[10; 7], Strategy::Sequential);
        assert_eq!(RU.formula_in_words(&sum7), "сумма 7 значений");
        let max21 = of(&[10; 21], Strategy::Concurrent);
        assert_eq!(RU.formula_in_words(&max21), "самая долгая из 21 значения");
        assert_eq!(RU.formula(&max21), "max(21 значение) = 10\u{a0}мс");
        let wrong_length = |found| ListError::WrongLength { expected: 3, found };
        assert!(RU.list_error(&wrong_length(2)).starts_with("2 значения, а у вас 3 запроса:"));
        assert!(EN.list_error(&wrong_length(1)).starts_with("1 value for 3 requests:"));
        assert_eq!(RU.list_error(&ListError::TooMany { count: 101, max: 100 }), "101 значение — больше предела: не больше 100 запросов.");
    }

    #[test]
    fn notices_name_the_parameter() {
        let d = crate::model::url_state::decode("limit=0");
        assert_eq!(EN.notice(&d.notices[0]), "Link parameter “limit”: must be at least 1. The default is used instead.");
        assert_eq!(RU.notice(&d.notices[0]), "Параметр ссылки «limit»: должно быть не меньше 1. Взято значение по умолчанию.");
    }

    #[test]
    fn browser_language() {
        assert_eq!(Lang::from_browser(["ru-RU", "en"]), Lang::Ru);
        assert_eq!(Lang::from_browser(["de-DE", "en-US"]), Lang::En);
        assert_eq!(Lang::from_browser(["uk", "ru"]), Lang::Ru);
        assert_eq!(Lang::from_browser([]), Lang::En);
    }

    /// The note's step tables (../shared/seed), row for row as the note writes them, typeset as
    /// the lab writes Russian: "HTTP-запрос", "ждёт", "2-й" (and the note's typo "отправляеть" mended).
    #[test]
    fn the_notes_step_tables_in_the_notes_words_typeset() {
        use crate::model::explain::Explanation;
        use crate::model::predict;
        let s = Scenario::from_latencies(&[300, 800]).unwrap();
        let table = |t: &Text, st| {
            let e = Explanation::new(st, predict(&s, st).timings, vec![0.0, 0.0]);
            e.steps().iter().map(|step| t.step(&step.kind)).collect::<Vec<_>>()
        };
        let typeset = |rows: &[&str]| {
            let typeset = |row: &str| {
                row.replace("HTTP запрос", "HTTP-запрос").replace("ждет", "ждёт").replace("2ой", "2-й").replace("отправляеть", "отправляет")
            };
            rows.iter().map(|r| typeset(r)).collect::<Vec<_>>()
        };
        let synchronous = [
            "Клиент отправляет HTTP запрос к серверу.",
            "Программа ждет ответа от сервера, выполнение программы блокируется.",
            "Сервер отправляет ответ клиенту.",
            "Клиент обрабатывает ответ.",
            "Клиент отправляеть 2ой HTTP запрос к серверу.",
            "Программа ждет ответа от сервера, выполнение программы блокируется.",
            "Сервер отправляет ответ клиенту.",
            "Клиент обрабатывает ответ.",
        ];
        let asynchronous = [
            "Клиент отправляет HTTP запрос к серверу.",
            "Программа ждет ответа от сервера и отправляет 2ой HTTP запрос к серверу.",
            "Сервер отправляет ответы клиенту.",
            "Клиент обрабатывает ответы.",
        ];
        assert_eq!(table(&RU, Strategy::Blocking), typeset(&synchronous));
        assert_eq!(table(&RU, Strategy::Concurrent), typeset(&asynchronous));
        assert_eq!(table(&RU, Strategy::Concurrent)[1], "Программа ждёт ответа от сервера и отправляет 2-й HTTP-запрос к серверу.");
        assert_eq!(
            table(&EN, Strategy::Concurrent)[1],
            "The program waits for the server’s response and sends the 2nd HTTP request to the server."
        );
    }

    #[test]
    fn ordinals() {
        let en: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22].iter().map(|&n| EN.ordinal(n)).collect();
        assert_eq!(en, ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd"]);
        assert_eq!(RU.ordinal(2), "2-й");
        assert_eq!(RU.ordinal(5), "5-й");
    }

    #[test]
    fn lower_first_knows_both_alphabets() {
        assert_eq!(lower_first("Must be"), "must be");
        assert_eq!(lower_first("Должно"), "должно");
        assert_eq!(lower_first("Ёлка"), "ёлка");
        assert_eq!(lower_first("Яма"), "яма");
        assert_eq!(lower_first("already"), "already");
        assert_eq!(lower_first(""), "");
    }

    #[test]
    fn long_durations_read_at_a_glance() {
        assert_eq!(EN.long_duration(30_000), "30\u{a0}s");
        assert_eq!(EN.long_duration(125_000), "2\u{a0}min 5\u{a0}s");
        assert_eq!(EN.long_duration(120_000), "2\u{a0}min");
        assert_eq!(EN.long_duration(10_000_000), "2\u{a0}h 46\u{a0}min");
        assert_eq!(RU.long_duration(3_600_000), "1\u{a0}ч");
        assert_eq!(RU.long_duration(30_001), "31\u{a0}с");
    }

    #[test]
    fn totals_and_ticks_in_the_unit_that_reads_best() {
        assert_eq!(EN.total(1100.0), "1,100\u{a0}ms");
        assert_eq!(EN.total(12_340.0), "12.3\u{a0}s");
        assert_eq!(EN.total(7_785_340.0), "2\u{a0}h 10\u{a0}min");
        assert_eq!(RU.total(12_340.0), "12,3\u{a0}с");
        assert_eq!(EN.tick(0.0, TimeUnit::H), "0");
        assert_eq!(EN.tick(400.0, TimeUnit::Ms), "400\u{a0}ms");
        assert_eq!(EN.tick(1500.0, TimeUnit::S), "1.5\u{a0}s");
        assert_eq!(RU.tick(1500.0, TimeUnit::S), "1,5\u{a0}с");
        assert_eq!(EN.tick(5_400_000.0, TimeUnit::H), "1.5\u{a0}h");
    }

    #[test]
    fn the_scenario_in_one_line() {
        let s = Scenario::from_latencies(&[300, 800]).unwrap();
        assert_eq!(EN.scenario_line(&s), "2 requests: 300\u{a0}ms, 800\u{a0}ms · processing 0\u{a0}ms");
        assert_eq!(RU.scenario_line(&s), "2 запроса: 300\u{a0}мс, 800\u{a0}мс · обработка 0\u{a0}мс");
        let many = Scenario::from_latencies(&[1, 2, 3, 4, 5, 6]).unwrap();
        assert!(EN.scenario_line(&many).starts_with("6 requests: 1\u{a0}ms, 2\u{a0}ms, 3\u{a0}ms, 4\u{a0}ms, …"));
    }

    #[test]
    fn a_guess_in_words() {
        let g = GuessResult { strategy: Strategy::Sequential, guess: 800.0, measured: 1102.0, predicted: 1100.0 };
        assert_eq!(EN.guess_off(&g), "302\u{a0}ms too low (27\u{a0}%)");
        assert_eq!(RU.guess_off(&GuessResult { guess: 1500.0, ..g }), "на 398\u{a0}мс больше (36\u{a0}%)");
        assert_eq!(EN.guess_off(&GuessResult { guess: 1100.0, ..g }), "spot on");
    }

    #[test]
    fn in_the_browser_a_missing_value_is_written_as_nothing() {
        assert_eq!(write("{} of {}", &["1"]), "1 of ");
        assert_eq!(write("none", &["x"]), "none");
        assert_eq!(fill("{} of {}", &["1", "2"]), "1 of 2");
    }

    #[test]
    #[should_panic(expected = "fill(\"{} of {}\")")]
    fn in_tests_a_missing_value_fails() {
        fill("{} of {}", &["1"]);
    }
}
