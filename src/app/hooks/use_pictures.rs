//! The gateway for pictures: from the first render, the runtime answers every picture menu's
//! buttons (`runtime::pictures_loader`, which loads the pictures' module on first use), and where the
//! clipboard takes images `<html data-copy-images>` shows Copy image. Returns whether the note's
//! two diagrams should be drawn out of sight: "Pictures for the note" asks for them, and says when
//! it has taken them.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::runtime::pictures_loader::{can_copy_images, listen_for_pictures, on_note_pictures};
use crate::text::Text;

#[hook]
pub fn use_pictures(t: &'static Text) -> bool {
    let note = use_state_eq(|| false);
    let set_note = note.setter();
    use_effect_with((), move |_| {
        listen_for_pictures(t.picture.failed);
        if can_copy_images() {
            if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
                let _ = html.set_attribute("data-copy-images", "");
            }
        }
        let told = Closure::<dyn FnMut(bool)>::new(move |drawn: bool| set_note.set(drawn));
        on_note_pictures(&told);
        // For the page's life, as the listeners it is given to.
        told.forget();
    });
    *note
}
