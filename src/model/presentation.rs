//! How the lab is shown, as opposed to what it runs: full page or embed, theme, which panels.
//! Lives in the link beside the scenario, so a shared or embedded link looks as it did.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows the reader's system (`prefers-color-scheme`).
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const KEYS: [&'static str; 3] = ["auto", "light", "dark"];

    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_key(key: &str) -> Option<Theme> {
        [Theme::Auto, Theme::Light, Theme::Dark].into_iter().find(|t| t.key() == key)
    }
}

/// The panels a page shows. The run buttons and the status line are always there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panels {
    pub controls: bool,
    pub waterfall: bool,
    pub results: bool,
}

impl Default for Panels {
    fn default() -> Self {
        Panels { controls: true, waterfall: true, results: true }
    }
}

impl Panels {
    pub const KEYS: [&'static str; 3] = ["controls", "waterfall", "results"];

    /// Parses `waterfall,results`; `Err` holds the first unknown name.
    pub fn parse(text: &str) -> Result<Panels, String> {
        let mut panels = Panels { controls: false, waterfall: false, results: false };
        let mut any = false;
        for name in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match name {
                "controls" => panels.controls = true,
                "waterfall" => panels.waterfall = true,
                "results" => panels.results = true,
                other => return Err(other.to_string()),
            }
            any = true;
        }
        if any {
            Ok(panels)
        } else {
            Err(text.to_string())
        }
    }

    pub fn keys(self) -> Vec<&'static str> {
        let on = [self.controls, self.waterfall, self.results];
        Panels::KEYS.iter().zip(on).filter(|(_, on)| *on).map(|(k, _)| *k).collect()
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Presentation {
    pub embed: bool,
    pub theme: Theme,
    pub panels: Panels,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panels_parse_and_list() {
        let p = Panels::parse("waterfall, results").unwrap();
        assert!(!p.controls && p.waterfall && p.results);
        assert_eq!(p.keys(), vec!["waterfall", "results"]);
        assert_eq!(Panels::parse("waterfall,steps"), Err("steps".to_string()));
        assert!(Panels::parse(",,").is_err());
    }
}
