//! Hooks: where components meet the runtime, the address bar and the page around the lab.

mod use_clipboard;
mod use_first_screen_first;
mod use_host;
mod use_lab_actions;
mod use_page_chrome;
mod use_pictures;
mod use_python_host;
mod use_replay_player;
mod use_runner;
mod use_share;
mod use_shown;
mod use_url_sync;

pub use use_clipboard::use_clipboard;
pub use use_first_screen_first::use_first_screen_first;
pub use use_host::{use_embed_probe, use_host_theme};
pub use use_lab_actions::{run_or_ask, use_lab_actions, use_start_on_load, LabActions};
pub use use_page_chrome::use_page_chrome;
pub use use_pictures::use_pictures;
pub use use_python_host::{use_python_host, PythonHost};
pub use use_replay_player::use_replay_player;
pub use use_runner::{use_runner, Runner};
pub use use_share::{use_share, Share};
pub use use_shown::{use_shown, Shown};
pub use use_url_sync::use_url_sync;
