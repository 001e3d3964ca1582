//! The note's two sequence diagrams — synchronous (blocking) and asynchronous (concurrent) — drawn
//! out of sight while "Pictures for the note" takes them away (`runtime::chart_reader`, asked through
//! `hooks::use_pictures`), each in a box of a note's column width. Only there while asked for.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::sequence_diagram::SequenceDiagram;
use crate::model::explain::Explanation;
use crate::model::picture::NOTE_PICTURES;
use crate::text::Text;

/// `View::note_explanations` (blocking, then concurrent), each drawn at its end. A function, not a
/// component: it has no state of its own.
pub fn note_pictures(t: &'static Text, explanations: [Explanation; 2]) -> Html {
    html! {
        <div class="note-pictures" aria-hidden="true" data-testid="note-pictures">
            { for explanations.into_iter().zip(NOTE_PICTURES).map(|(e, name)| html! {
                <div class="note-picture" data-note-picture={name}>
                    <SequenceDiagram t={t} moment={e.total} explanation={Rc::new(e)} />
                </div>
            }) }
        </div>
    }
}
