//! The links the page hands out (the full page, the embed snippets), made once per change of what
//! they depend on (a 10,000-request link is 50 KB of text); the embed's height, measured in a frame
//! of the author's column width once they open the embed code; and the copy buttons.

use std::rc::Rc;

use yew::prelude::*;

use super::{use_clipboard, use_embed_probe};
use crate::model::lab::screen::ShareLinks;
use crate::model::lab::{AppState, ShareKind};
use crate::text::Text;

pub struct Share {
    pub links: Rc<ShareLinks>,
    /// The embed's height is being measured.
    pub measuring: bool,
    pub on_copy: Callback<ShareKind>,
}

#[hook]
pub fn use_share(state: &UseReducerHandle<AppState>, base: &Rc<str>, t: &'static Text) -> Share {
    let copy = use_clipboard(state.dispatcher());
    let links =
        use_memo((state.config.clone(), state.presentation, t.share.embed_title, state.embed_size.clone(), state.program.clone()), {
            let (state, base) = (state.clone(), base.clone());
            move |_| ShareLinks::of(&state, &base, t.share.embed_title)
        });
    let probe = links.probe(state);
    let measuring = probe.is_some();
    use_embed_probe(state.dispatcher(), probe);
    let on_copy = use_callback((copy, links.clone()), |kind: ShareKind, (copy, links)| {
        let text = match kind {
            ShareKind::Link => links.full_page.clone(),
            ShareKind::Embed => links.snippet_auto.clone(),
        };
        copy.emit((kind, text));
    });
    Share { links, measuring, on_copy }
}
