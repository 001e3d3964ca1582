//! The page's first render draws its first screen only; the rest follows once that has painted.
//!
//! On a phone with a slow CPU the whole page's first render (about a thousand elements) held Run
//! back 0.4–0.6 s after the wasm had arrived. The first screen — the heading, the form, the
//! toolbar with Run, the totals, the race and the waterfall — is what the prerendered page showed
//! and what a reader reaches first; the results, the growth chart and the explanation below it are
//! drawn one frame later. The hooks tests wait on (`status`) appear with the whole page.

use yew::prelude::*;

/// False until the first screen has painted, then true; true from the start when `whole` (an
/// embed: a few panels, and its host sizes the frame by its first height).
#[hook]
pub fn use_first_screen_first(whole: bool) -> bool {
    let shown = use_state(|| whole);
    {
        let shown = shown.clone();
        use_effect_with((), move |_| {
            if !*shown {
                wasm_bindgen_futures::spawn_local(async move {
                    crate::runtime::frames::painted().await;
                    shown.set(true);
                });
            }
        });
    }
    *shown
}
