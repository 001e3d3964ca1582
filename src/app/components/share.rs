//! Copy link, copy embed code (with both snippets to read), and in an embed the way out to
//! the full page.

use yew::prelude::*;

use web_sys::HtmlSelectElement;

use crate::model::lab::{Share, ShareKind, EMBED_WIDTHS};
use crate::text::{fill, Text};

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub t: &'static Text,
    pub share: Share,
    pub embed: bool,
    /// The link to this exact lab as a full page.
    pub full_page: AttrValue,
    pub snippet_auto: AttrValue,
    pub snippet_fixed: AttrValue,
    pub on_copy: Callback<ShareKind>,
    /// The column width the fixed-height snippet is measured for, and choosing another.
    #[prop_or(700)]
    pub embed_width: u32,
    #[prop_or_default]
    pub on_embed_width: Callback<u32>,
    /// The embed is being measured at that width.
    #[prop_or_default]
    pub measuring: bool,
    /// The fixed code grows on phones.
    pub on_phones: bool,
}

#[component]
pub fn ShareBar(props: &ShareProps) -> Html {
    let t = props.t;
    let said = match &props.share {
        Share::Copied(ShareKind::Link) => Some(t.share.link_copied),
        Share::Copied(ShareKind::Embed) => Some(t.share.embed_copied),
        _ => None,
    };
    let by_hand = match &props.share {
        Share::CopyByHand(kind, text) => Some((*kind, text.clone())),
        _ => None,
    };
    html! {
        <div class="share">
            <div class="share-buttons">
                <button type="button" class="secondary" data-testid="copy-link"
                    onclick={props.on_copy.reform(|_| ShareKind::Link)}>{ t.share.copy_link }</button>
                if !props.embed {
                    <button type="button" class="secondary" data-testid="copy-embed"
                        onclick={props.on_copy.reform(|_| ShareKind::Embed)}>{ t.share.copy_embed }</button>
                }
                if props.embed {
                    <a class="open-full" href={props.full_page.clone()} target="_blank" rel="noopener"
                        data-testid="open-full-page">{ t.share.open_full_page }</a>
                }
                <span class="share-said" role="status" data-testid="share-status">{ said.unwrap_or_default() }</span>
            </div>
            if let Some((kind, text)) = by_hand {
                <CopyByHand t={t} kind={kind} text={AttrValue::from(text)} />
            }
            if !props.embed {
                <details class="embed-code" ontoggle={{
                    let (on_width, width) = (props.on_embed_width.clone(), props.embed_width);
                    Callback::from(move |e: Event| {
                        if e.target_unchecked_into::<web_sys::HtmlDetailsElement>().open() {
                            on_width.emit(width);
                        }
                    })
                }}>
                    <summary>{ t.share.embed_code_heading }</summary>
                    <label class="embed-width">
                        <span>{ t.glance.embed_width_label }</span>
                        <select data-testid="embed-width" onchange={props.on_embed_width.reform(|e: Event| {
                            e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(700)
                        })}>
                            { for EMBED_WIDTHS.iter().map(|&w| html! {
                                <option value={w.to_string()} selected={w == props.embed_width}>{ w }</option>
                            }) }
                        </select>
                    </label>
                    <p class="hint">{ t.share.embed_auto_hint }</p>
                    <textarea readonly=true rows="9" spellcheck="false" data-testid="embed-auto"
                        value={props.snippet_auto.clone()} />
                    <p class="hint" data-testid="embed-fixed-hint">
                        { if props.measuring { t.glance.embed_measuring.to_string() } else { fill(t.glance.embed_fixed_hint_width, &[&props.embed_width.to_string()]) } }
                        if !props.measuring && props.on_phones { { " " }{ t.glance.embed_fixed_phones } }
                    </p>
                    <textarea readonly=true rows="2" spellcheck="false" data-testid="embed-fixed" data-state={if props.measuring { "measuring" } else { "ready" }}
                        value={props.snippet_fixed.clone()} />
                </details>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct CopyByHandProps {
    t: &'static Text,
    kind: ShareKind,
    text: AttrValue,
}

/// Where the clipboard is out of reach: the text in a field, already selected.
#[component]
fn CopyByHand(props: &CopyByHandProps) -> Html {
    let field = use_node_ref();
    {
        let field = field.clone();
        use_effect_with(props.text.clone(), move |_| {
            if let Some(area) = field.cast::<web_sys::HtmlTextAreaElement>() {
                let _ = area.focus();
                area.select();
            }
        });
    }
    let label = match props.kind {
        ShareKind::Link => props.t.share.copy_link_by_hand,
        ShareKind::Embed => props.t.share.copy_embed_by_hand,
    };
    html! {
        <label class="copy-by-hand">
            <span>{ label }</span>
            <textarea ref={field} readonly=true rows={if props.kind == ShareKind::Link { "2" } else { "8" }}
                spellcheck="false" data-testid="copy-by-hand" value={props.text.clone()} />
        </label>
    }
}
