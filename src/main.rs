fn main() {
    #[cfg(target_arch = "wasm32")]
    sync_vs_async::start();
}
