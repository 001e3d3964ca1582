//! The model's speed: predictions for 100,000 requests, every strategy (target: ≤ 50 ms each).
//! `cargo bench --bench model`. Reports; never fails on slowness.

use sync_vs_async::model::{predict_requests, Preset, Request, Strategy};

fn main() {
    divan::main();
}

fn requests(n: usize) -> Vec<Request> {
    // Seeded random latencies (the preset's own generator, past the form's limit) and some processing.
    let latencies: Vec<u32> = (0..n.div_ceil(1000)).flat_map(|chunk| Preset::Random.latencies(1000, chunk as u64)).take(n).collect();
    latencies.into_iter().enumerate().map(|(i, latency_ms)| Request { latency_ms, processing_ms: (i % 7) as u32 }).collect()
}

const N: usize = 100_000;

#[divan::bench(args = [Strategy::Blocking, Strategy::Sequential, Strategy::Concurrent, Strategy::Bounded(6), Strategy::Bounded(1000)], sample_count = 20)]
fn predict_100k(bencher: divan::Bencher, strategy: Strategy) {
    let requests = requests(N);
    bencher.bench_local(|| predict_requests(divan::black_box(&requests), strategy));
}
