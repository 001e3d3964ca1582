//! What the page shows, derived from the state.
