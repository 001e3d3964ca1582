/// Talc instead of Rust's default dlmalloc: 2.2 KB less of the gzipped first load (measured; see
/// the README's *Benchmark*), and faster by talc's own wasm benchmarks.
/// SAFETY: wasm32-unknown-unknown without threads is single-threaded, as `TalckWasm` requires.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

fn main() {
    #[cfg(target_arch = "wasm32")]
    sync_vs_async::start();
}
