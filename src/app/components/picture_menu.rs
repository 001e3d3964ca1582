//! The small menu on each chart that takes it away as a picture: Download SVG, Download PNG and,
//! where the clipboard takes images, Copy image. It only draws: the pictures' module
//! (`runtime::chart_reader::press`, loaded on first use) answers its buttons (by their
//! `data-picture-format`), reads the chart it sits in (`data-picture`, titled by
//! `data-picture-title`) and says what came of it in `data-picture-said`. The picture leaves the
//! menu out (`data-picture-skip`), and the chart's own heading (`data-picture-heading`), whose
//! words are its title.

use yew::prelude::*;

use crate::model::picture::PictureFormat;

use crate::text::Text;

/// The menu for `chart` (its name in the picture's file: "totals", "race", "waterfall",
/// "sequence", "growth"), titled `title` (the chart's heading as the page shows it); `note` offers
/// "Pictures for the note" too (the sequence diagram's menu). A function, not a component: it has
/// no state, and five charts draw it.
pub fn picture_menu(t: &'static Text, chart: &'static str, title: AttrValue, note: bool) -> Html {
    html! {
        <details class="picture-menu" data-picture-skip="" data-testid="picture-menu" data-chart={chart}
            data-picture-title={title}>
            <summary title={t.picture.menu} aria-label={t.picture.menu}>{ "⤓" }</summary>
            <div class="picture-actions">
                <button type="button" data-picture-format={PictureFormat::Svg.key()} data-testid="picture-svg">{ t.picture.svg }</button>
                <button type="button" data-picture-format={PictureFormat::Png.key()} data-testid="picture-png">{ t.picture.png }</button>
                <button type="button" class="picture-copy" data-picture-format={PictureFormat::Copy.key()} data-testid="picture-copy">{ t.picture.copy }</button>
                if note {
                    <button type="button" data-picture-format={PictureFormat::Note.key()} data-testid="pictures-for-the-note">{ t.picture.note }</button>
                }
                <span class="picture-said" role="status" data-picture-said=""></span>
            </div>
        </details>
    }
}
