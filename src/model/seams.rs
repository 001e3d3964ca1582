//! The names the lab, its two modules loaded on first use (the Python panel and the pictures) and
//! the page say to each other, each written once: the events on `window`. The runtime's glue is
//! given them as arguments, so no JavaScript spells one (`tests/architecture.rs` holds that).
//! The host page's messages (`postMessage`) are `model::embed`'s.

/// The lab wrote its state into the page's address: the panel reads it again.
pub const LINK_CHANGED: &str = "sync-vs-async:link";
/// The panel handed over its program (`data-py` on its host): the lab takes it for its links.
pub const PROGRAM_CHANGED: &str = "sync-vs-async:program";
/// "Open in Python": the lab left a program on the panel's host (`data-program`).
pub const PROGRAM_OPENED: &str = "sync-vs-async:open";
/// "Pictures for the note" asks the page to draw the note's two diagrams out of sight …
pub const NOTE_PICTURES: &str = "sync-vs-async:note-pictures";
/// … and says it has taken them.
pub const NOTE_PICTURES_TAKEN: &str = "sync-vs-async:note-pictures-taken";

/// Every event above, for the check that no other file spells one.
pub const EVENTS: [&str; 5] = [LINK_CHANGED, PROGRAM_CHANGED, PROGRAM_OPENED, NOTE_PICTURES, NOTE_PICTURES_TAKEN];
