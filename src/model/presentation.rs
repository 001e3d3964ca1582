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

/// Below this window width, px, the page is a phone's: the form folds into one line. The app reads
/// it, and so do the prerender's picker (scripts/prerender.mjs reads this line) and the test that
/// holds the picker to the app (tests/e2e/tests/first_paint.rs).
pub const NARROW_PX: u32 = 700;

/// The panels a page shows. The run buttons and the status line are always there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panels {
    pub controls: bool,
    /// Every strategy's total as a bar: the picture the note exists for.
    pub totals: bool,
    /// Every strategy's waterfall stacked on one time axis.
    pub race: bool,
    pub waterfall: bool,
    pub results: bool,
    /// Total time against N (or k).
    pub growth: bool,
    /// "Your guess" fields beside Run.
    pub guess: bool,
    pub sequence: bool,
    pub steps: bool,
    pub eventloop: bool,
    pub code: bool,
    /// "Run it in Python": the learner's own program in CPython, loaded when opened.
    pub python: bool,
}

impl Default for Panels {
    fn default() -> Self {
        Panels {
            controls: true,
            totals: true,
            race: true,
            waterfall: true,
            results: true,
            growth: true,
            guess: true,
            sequence: true,
            steps: true,
            eventloop: true,
            code: true,
            python: true,
        }
    }
}

impl Panels {
    pub const KEYS: [&'static str; 12] =
        ["controls", "totals", "race", "waterfall", "results", "growth", "guess", "sequence", "steps", "eventloop", "code", "python"];

    const NONE: Panels = Panels {
        controls: false,
        totals: false,
        race: false,
        waterfall: false,
        results: false,
        growth: false,
        guess: false,
        sequence: false,
        steps: false,
        eventloop: false,
        code: false,
        python: false,
    };

    /// What an embed shows when its link names no panels: the scenario (as one line, to edit),
    /// the totals and the race, the guess. Small enough to sit in a note.
    pub const EMBED: Panels = Panels { controls: true, totals: true, race: true, guess: true, ..Panels::NONE };

    /// The panels a page shows when its link names none.
    pub fn default_for(embed: bool) -> Panels {
        if embed {
            Panels::EMBED
        } else {
            Panels::default()
        }
    }

    fn slot(&mut self, key: &str) -> Option<&mut bool> {
        Some(match key {
            "controls" => &mut self.controls,
            "totals" => &mut self.totals,
            "race" => &mut self.race,
            "growth" => &mut self.growth,
            "guess" => &mut self.guess,
            "waterfall" => &mut self.waterfall,
            "results" => &mut self.results,
            "sequence" => &mut self.sequence,
            "steps" => &mut self.steps,
            "eventloop" => &mut self.eventloop,
            "code" => &mut self.code,
            "python" => &mut self.python,
            _ => return None,
        })
    }

    /// Parses `waterfall,steps`; `Err` holds the first unknown name.
    pub fn parse(text: &str) -> Result<Panels, String> {
        let mut panels = Panels::NONE;
        let mut any = false;
        for name in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match panels.slot(name) {
                Some(on) => *on = true,
                None => return Err(name.to_string()),
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
        let mut copy = self;
        Panels::KEYS.into_iter().filter(|k| copy.slot(k).is_some_and(|on| *on)).collect()
    }

    /// Whether any of the explanation panels shows.
    pub fn explains(self) -> bool {
        self.sequence || self.steps || self.eventloop || self.code
    }
}

/// A language the page speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ru];
    pub const KEYS: [&'static str; 2] = ["en", "ru"];

    /// Its place in `ALL` (an exhaustive match: a new variant must be given one), where the
    /// words keep its name.
    pub const fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Ru => 1,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    pub fn from_key(key: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.key() == key)
    }

    /// The page's language from the browser's list (`navigator.languages`): the first one we speak.
    pub fn from_browser<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(|tag| Lang::from_key(&tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()))
            .unwrap_or(Lang::En)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Presentation {
    pub embed: bool,
    pub theme: Theme,
    pub panels: Panels,
    /// The page's language; `None` follows the reader's browser.
    pub lang: Option<Lang>,
    /// The link poses the question: the guess fields open, focused (`guess=1`). The guesses
    /// themselves never go into a link.
    pub ask_guess: bool,
}

impl Presentation {
    /// The page's language: the link's `lang=`, else `browser`'s (the reader's first language we
    /// speak). The lab, the Python panel and the panic banner all ask here; the prerendered
    /// picker follows the same rule (`first_paint::the_picker_decides_as_the_apps_decoder_does`).
    pub fn lang_or(&self, browser: Lang) -> Lang {
        self.lang.unwrap_or(browser)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_links_language_wins_over_the_browsers() {
        let ru = Presentation { lang: Some(Lang::Ru), ..Presentation::default() };
        assert_eq!(ru.lang_or(Lang::En), Lang::Ru);
        assert_eq!(Presentation::default().lang_or(Lang::Ru), Lang::Ru);
    }

    #[test]
    fn panels_parse_and_list() {
        let p = Panels::parse("waterfall, results").unwrap();
        assert!(!p.controls && p.waterfall && p.results);
        assert_eq!(p.keys(), vec!["waterfall", "results"]);
        assert_eq!(Panels::parse("waterfall,timeline"), Err("timeline".to_string()));
        let p = Panels::parse("steps,waterfall").unwrap();
        assert_eq!(p.keys(), vec!["waterfall", "steps"]);
        assert!(p.explains() && !p.code);
        assert!(Panels::parse(",,").is_err());
        let p = Panels::parse("race,totals,growth,guess").unwrap();
        assert_eq!(p.keys(), vec!["totals", "race", "growth", "guess"]);
        assert!(!p.explains() && !p.waterfall);
    }

    #[test]
    fn an_embed_shows_the_lesson_and_a_page_shows_everything() {
        assert_eq!(Panels::default_for(false), Panels::default());
        assert_eq!(Panels::default_for(true).keys(), vec!["controls", "totals", "race", "guess"]);
    }
}
