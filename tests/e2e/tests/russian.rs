//! The Russian page, read as its reader reads it (issue 23, `e2e::reading`): in six states — the
//! bare page, the note's example compared, 141 random requests compared (and the question before
//! that long run), 21 staggered requests run concurrently, a real Compare whose requests all
//! failed, and the embed — every number agrees with its noun, no English word appears outside
//! code, the window's title is Russian, quotes are «», units are bound to their numbers and the
//! note's words are typeset (тайм-аут, ё, HTTP-запрос, 2-й).

use std::collections::BTreeSet;
use std::time::Duration;

use e2e::reading::{disagreements, english, read_russian as read, unbound_units};
use e2e::{open_lab, TestServer};

#[test]
fn the_reading_catches_what_it_is_for() {
    let (wrong, checked) =
        disagreements("Показано 100 из 41 запросов, 2 ошибка HTTP · 5 сетевых ошибок · сумма 21 значение; 1\u{202f}001 запрос");
    assert_eq!(wrong, ["41 запросов (expected запроса)", "2 ошибка (expected ошибки)", "21 значение (expected значения)"]);
    assert_eq!(checked, 5);
    assert_eq!(disagreements("Измерено 24 запуска. 300 мс").0, Vec::<String>::new());
    assert_eq!(english("Запустить: Run, fetch() и HTTP/1.1 · k = 6 · 2-й"), BTreeSet::from(["Run".to_string()]));
    assert!(english("{i} — номер, {ms} — задержка; http://127.0.0.1:80/status/404 и /delay/{ms}").is_empty());
    assert_eq!(unbound_units("за 15 мс + 2 % и 30\u{a0}с, (6 МБ), 3 с. 4 слона"), ["15 мс", "2 %", "(6 МБ),", "3 с."]);
}

#[tokio::test]
async fn the_russian_page_agrees_speaks_russian_and_quotes_with_guillemets_in_six_states() {
    let api = TestServer::start();
    let (b, server) = open_lab("lang=ru", 1280, 1000).await;
    let mut problems = String::new();
    let mut checked = 0;
    let mut note = |(n, said): (usize, String)| {
        checked += n;
        problems.push_str(&said);
    };
    note(read(&b, "the bare page").await);

    let open = |query: String| {
        let (b, url) = (&b, server.url(&query));
        async move {
            b.goto(&url).await;
            b.wait_for_app().await;
        }
    };
    open("preset=note&mode=compare&lang=ru".into()).await;
    b.click("compare").await;
    b.wait_for_state(&["done"], Duration::from_secs(30)).await;
    note(read(&b, "the note's example compared").await);

    // A long Compare asks first; the quick strategies answer (k = 50: three waves).
    open("preset=random&n=141&limit=50&mode=compare&lang=ru".into()).await;
    b.click("compare").await;
    b.wait_until("document.querySelector('[data-testid=confirm-quick]')", Duration::from_secs(10), "the question before a long run").await;
    note(read(&b, "141 random requests, the question before the Compare").await);
    b.click("confirm-quick").await;
    b.wait_for_state(&["done"], Duration::from_secs(60)).await;
    let (n, said) = read(&b, "141 random requests compared").await;
    let whole = b.js("return document.body.innerText;").await;
    assert!(whole.as_str().unwrap_or("").contains("141 запрос"), "the scenario says 141 запрос");
    note((n, said));

    open("preset=staggered&n=21&mode=concurrent&lang=ru".into()).await;
    b.click("run").await;
    b.wait_for_state(&["done"], Duration::from_secs(30)).await;
    note(read(&b, "21 staggered requests, concurrent").await);

    open(format!("lat=300,300&mode=compare&src=real&url={}/status/404&lang=ru", api.base())).await;
    b.click("compare").await;
    b.wait_for_state(&["done"], Duration::from_secs(30)).await;
    let failed = b.js("return document.querySelectorAll('[data-testid=failed-run]').length;").await;
    assert_eq!(failed, serde_json::json!(3), "every strategy's requests failed");
    note(read(&b, "a real Compare whose requests failed").await);

    open("preset=note&mode=compare&embed=1&lang=ru".into()).await;
    b.click("compare").await;
    b.wait_for_state(&["done"], Duration::from_secs(30)).await;
    note(read(&b, "the embed").await);
    b.close().await;

    assert!(problems.is_empty(), "{problems}");
    // 29 when written: "2 запроса", "141 запрос", "из 141 запроса", "сумма 141 значения", "2 ошибки HTTP", "24 запуска"…
    assert!(checked >= 20, "the pages held only {checked} counts to check");
}
