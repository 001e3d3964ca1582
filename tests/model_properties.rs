//! Properties of the model that must hold for every scenario, not just hand-picked ones.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use sync_vs_async::model::config::LabConfig;
use sync_vs_async::model::predict::predict;
use sync_vs_async::model::presentation::{Lang, Panels, Presentation, Theme};
use sync_vs_async::model::scenario::{Request, Scenario};
use sync_vs_async::model::strategy::{Mode, Strategy as Lab, StrategyKind};
use sync_vs_async::model::url_state::{decode, encode};
use sync_vs_async::model::Preset;

/// Every parameter a link may carry.
const KNOWN_KEYS: [&str; 18] = [
    "lat", "proc", "mode", "limit", "preset", "n", "seed", "autorun", "src", "url", "urls", "timeout", "embed", "theme", "panels", "lang",
    "guess", "v",
];

fn scenarios() -> impl Strategy<Value = Scenario> {
    prop::collection::vec((0u32..=5_000, prop_oneof![Just(0u32), 0u32..=300]), 1..=40).prop_map(|pairs| {
        Scenario::new(pairs.into_iter().map(|(latency_ms, processing_ms)| Request { latency_ms, processing_ms }).collect()).unwrap()
    })
}

fn sum(s: &Scenario) -> f64 {
    s.requests().iter().map(|r| f64::from(r.latency_ms) + f64::from(r.processing_ms)).sum()
}

proptest! {
    /// The integer-only number writer agrees with `format!` up to how a tie is rounded.
    #[test]
    fn fixed_is_within_half_a_unit_and_has_its_places(v in -1.0e7f64..1.0e7, places in 0usize..=4) {
        let text = sync_vs_async::model::number::fixed(v, places);
        let parsed: f64 = text.parse().unwrap();
        let unit = 10f64.powi(-(places as i32));
        prop_assert!((parsed - v).abs() <= unit / 2.0 + 1e-6, "{} → {}", v, text);
        prop_assert_eq!(text.split('.').nth(1).map_or(0, str::len), places);
        let reference = format!("{v:.places$}");
        if reference != text {
            // Only a value within a hair of a tie may round the other way.
            let frac = (v.abs() / unit).fract();
            prop_assert!((frac - 0.5).abs() < 1e-6, "{} → {} vs {}", v, text, reference);
        }
    }

    #[test]
    fn concurrent_never_slower_than_sequential(s in scenarios()) {
        prop_assert!(predict(&s, Lab::Concurrent).total <= predict(&s, Lab::Sequential).total);
    }

    #[test]
    fn sequential_and_blocking_take_the_sum(s in scenarios()) {
        prop_assert_eq!(predict(&s, Lab::Sequential).total, sum(&s));
        prop_assert_eq!(predict(&s, Lab::Blocking), predict(&s, Lab::Sequential));
    }

    #[test]
    fn concurrent_without_processing_takes_the_longest(lat in prop::collection::vec(0u32..=60_000, 1..=200)) {
        let s = Scenario::from_latencies(&lat).unwrap();
        prop_assert_eq!(predict(&s, Lab::Concurrent).total, f64::from(*lat.iter().max().unwrap()));
    }

    #[test]
    fn bounded_one_is_sequential(s in scenarios()) {
        prop_assert_eq!(predict(&s, Lab::Bounded(1)), predict(&s, Lab::Sequential));
    }

    #[test]
    fn bounded_with_enough_slots_is_concurrent(s in scenarios(), extra in 0u32..5) {
        let k = s.len() as u32 + extra;
        prop_assert_eq!(predict(&s, Lab::Bounded(k)), predict(&s, Lab::Concurrent));
    }

    #[test]
    fn bounded_lies_between_the_longest_and_the_sum(lat in prop::collection::vec(0u32..=5_000, 1..=30), k in 1u32..10) {
        let s = Scenario::from_latencies(&lat).unwrap();
        let t = predict(&s, Lab::Bounded(k)).total;
        prop_assert!(t <= sum(&s));
        prop_assert!(t >= f64::from(*lat.iter().max().unwrap()));
    }

    #[test]
    fn adding_a_request_never_shortens_sequential(s in scenarios(), lat in 0u32..=5_000, proc in 0u32..=300) {
        let mut requests = s.requests().to_vec();
        requests.push(Request { latency_ms: lat, processing_ms: proc });
        let longer = Scenario::new(requests).unwrap();
        prop_assert!(predict(&longer, Lab::Sequential).total >= predict(&s, Lab::Sequential).total);
    }

    #[test]
    fn at_most_k_in_flight_and_starts_in_list_order(s in scenarios(), k in 1u32..8) {
        let sched = predict(&s, Lab::Bounded(k));
        for (i, t) in sched.timings.iter().enumerate() {
            let in_flight = sched.timings.iter().filter(|o| o.start <= t.start && o.end > t.start).count();
            prop_assert!(in_flight <= k as usize, "request {} starts with {} in flight", i, in_flight);
            prop_assert!(t.start <= t.response && t.response <= t.end);
        }
        prop_assert!(sched.timings.windows(2).all(|w| w[0].start <= w[1].start));
    }

    #[test]
    fn processing_never_overlaps_on_the_one_thread(s in scenarios(), k in 1u32..8) {
        for strategy in [Lab::Concurrent, Lab::Bounded(k)] {
            let mut spans: Vec<(f64, f64)> = predict(&s, strategy).timings.iter()
                .zip(s.requests())
                .map(|(t, r)| (t.end - f64::from(r.processing_ms), t.end))
                .filter(|(a, b)| b > a)
                .collect();
            spans.sort_by(|a, b| a.0.total_cmp(&b.0));
            prop_assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0));
        }
    }

    #[test]
    fn every_valid_link_round_trips(
        lat in prop::collection::vec(0u32..=60_000, 1..=50),
        // At most 60 requests × 400 ms: processing stays under the lab's 30 s of busy thread.
        proc in prop_oneof![Just(None), (0u32..=400).prop_map(Some)],
        per_request_proc in any::<bool>(),
        mode in prop::sample::select(vec!["blocking", "sequential", "concurrent", "bounded", "compare"]),
        limit in 1u32..=1000,
        preset in prop::sample::select(Preset::ALL.to_vec()),
        n in 1usize..=60,
        seed in any::<u64>(),
    ) {
        let mut config = LabConfig::default();
        config.set_seed(seed);
        config.choose_preset(preset);
        if preset == Preset::Custom {
            config.set_latencies(lat.iter().map(u32::to_string).collect::<Vec<_>>().join(","));
        } else {
            config.set_count(n.to_string());
        }
        let count = config.validate().unwrap().scenario.len();
        config.processing = match (proc, per_request_proc) {
            (None, _) => "0".into(),
            (Some(p), false) => p.to_string(),
            (Some(p), true) => (0..count).map(|i| ((p as usize + i * 7) % 401).to_string()).collect::<Vec<_>>().join(","),
        };
        config.mode = Mode::from_key(mode).unwrap();
        config.limit = limit.to_string();
        // Blocking alone over 30 s is refused (it would freeze the page): no link to round-trip.
        let valid = config.validate();
        prop_assume!(valid.as_ref().err().is_none_or(|e| e.mode.is_none()));
        let valid = valid.unwrap();

        let decoded = decode(&encode(&config, &Default::default()));
        prop_assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
        let again = decoded.config.validate().unwrap();
        prop_assert_eq!(&again.scenario, &valid.scenario);
        prop_assert_eq!(again.mode, valid.mode);
        if valid.mode.uses_limit() {
            prop_assert_eq!(again.limit, valid.limit);
        }
        prop_assert_eq!(decoded.config.preset, config.preset);
    }

    /// The rest of the link: real targets, timeout and how the lab is shown, with values a
    /// person might type, hostile characters included. What is valid comes back the same; what
    /// is not is left out of the link and never adds a parameter of its own.
    #[test]
    fn every_parameter_round_trips_and_no_field_adds_one(
        real in any::<bool>(),
        list in any::<bool>(),
        path in "[a-zA-Z0-9/_.~&=?#% +-]{0,20}",
        hosts in prop::collection::vec("[a-z]{1,8}", 1..4),
        scheme in prop::sample::select(vec!["http", "https", "javascript", "data", "file"]),
        timeout in prop_oneof![Just(String::new()), (1u32..=120_000).prop_map(|t| t.to_string()), "[0-9&=a-z %]{1,12}"],
        embed in any::<bool>(),
        theme in prop::sample::select(vec!["auto", "light", "dark"]),
        panels in prop::collection::vec(prop::sample::select(Panels::KEYS.to_vec()), 1..5),
        lang in prop::sample::select(vec![None, Some("en"), Some("ru")]),
        guess in any::<bool>(),
    ) {
        let mut config = LabConfig::default();
        if real {
            config.source = sync_vs_async::model::source::SourceKind::Real;
        }
        let urls: Vec<String> = hosts.iter().map(|h| format!("{scheme}://{h}.example/{path}")).collect();
        if list {
            config.set_latencies(vec!["100"; urls.len()].join(","));
            config.target_list = urls.join("\n");
        } else {
            config.target = format!("{scheme}://a.example/{{i}}/{path}");
        }
        config.timeout = timeout.clone();
        let presentation = Presentation {
            embed,
            theme: Theme::from_key(theme).unwrap(),
            panels: Panels::parse(&panels.join(",")).unwrap(),
            lang: lang.and_then(Lang::from_key),
            ask_guess: guess,
        };
        let link = encode(&config, &presentation);
        let decoded = decode(&link);
        prop_assert!(decoded.notices.is_empty(), "{}: {:?}", link, decoded.notices);
        prop_assert_eq!(decoded.presentation, presentation, "{}", link);
        // No value breaks out of its parameter: every key is one the encoder writes, once.
        let keys: Vec<String> = sync_vs_async::model::url_state::parse_query(&link).into_iter().map(|(k, _)| k).collect();
        let mut unique = keys.clone();
        unique.sort();
        unique.dedup();
        prop_assert_eq!(unique.len(), keys.len(), "{}", link);
        prop_assert!(keys.iter().all(|k| KNOWN_KEYS.contains(&k.as_str())), "{}", link);
        if real {
            prop_assert_eq!(decoded.config.source, config.source);
            let safe = matches!(scheme, "http" | "https");
            if list {
                prop_assert_eq!(&decoded.config.target_list, if safe { config.target_list.trim() } else { "" }, "{}", link);
            } else if safe {
                prop_assert_eq!(&decoded.config.target, config.target.trim(), "{}", link);
            }
            let valid_timeout = sync_vs_async::model::config::parse_timeout(&timeout).ok().flatten();
            prop_assert_eq!(sync_vs_async::model::config::parse_timeout(&decoded.config.timeout).ok().flatten(), valid_timeout, "{}", link);
        }
    }

    #[test]
    fn no_query_string_panics(query in ".{0,300}") {
        let decoded = decode(&query);
        // Whatever came in, what comes out is runnable or names what is wrong.
        prop_assert!(decoded.config.validate().is_ok() || !decoded.notices.is_empty());
    }

    /// Real keys with hostile values: escapes, separators, schemes, huge numbers, other scripts.
    #[test]
    fn query_like_strings_never_panic(
        pairs in prop::collection::vec(
            (prop::sample::select(KNOWN_KEYS.iter().copied().chain(["x", ""]).collect::<Vec<_>>()),
             prop_oneof![
                 "[0-9a-z,%+.\\-]{0,40}",
                 "[0-9,;% ]{0,30}",
                 "(%[0-9A-Fa-f]{0,2}|[&=#?/:{}]|javascript:|data:|http://|99999999999999999999|\u{1F4A5}|я|\\n){0,12}",
             ]),
            0..12)
    ) {
        let query = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
        let decoded = decode(&query);
        prop_assert!(decoded.config.validate().is_ok() || !decoded.notices.is_empty());
    }
}

#[test]
fn a_strategy_kind_is_what_the_link_says() {
    assert_eq!(decode("mode=bounded").config.mode, Mode::Single(StrategyKind::Bounded));
}
