//! Counting in words: which plural form goes with a number (`plural_form`, the Russian rule
//! 1 / 2–4 / 5–20, 11–14, 21 …), and a number with its noun in that form (`Text::count`).

use super::{Case, Noun, Text};
use crate::model::presentation::Lang;

impl Text {
    /// A number and its noun, agreeing: "1 request", "3 запроса", "5 запросов", "из 21 запроса".
    /// Every count the lab writes goes through here.
    pub fn count(&self, n: usize, noun: &Noun, case: Case) -> String {
        let forms = match case {
            Case::Nominative => &noun.nominative,
            Case::Genitive => &noun.genitive,
        };
        format!("{} {}", self.int(n as f64), forms[plural_form(self.lang, n).index()])
    }

    /// "1 request", "3 requests", "3 запроса", "5 запросов".
    pub fn requests(&self, n: usize) -> String {
        self.count(n, &self.counted.requests, Case::Nominative)
    }

    /// "1 run", "24 runs", "24 запуска".
    pub fn runs(&self, n: usize) -> String {
        self.count(n, &self.counted.runs, Case::Nominative)
    }
}

/// A plural form: a `Noun` keeps its forms in this order (English has no "few": it repeats its
/// plural there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralForm {
    One,
    Few,
    Many,
}

impl PluralForm {
    /// Its place in a `Noun`'s forms.
    pub fn index(self) -> usize {
        match self {
            PluralForm::One => 0,
            PluralForm::Few => 1,
            PluralForm::Many => 2,
        }
    }
}

/// Which of a language's plural forms goes with `n`.
pub fn plural_form(lang: Lang, n: usize) -> PluralForm {
    match lang {
        Lang::En if n == 1 => PluralForm::One,
        Lang::En => PluralForm::Many,
        Lang::Ru => {
            let (units, tens) = (n % 10, n % 100);
            if units == 1 && tens != 11 {
                PluralForm::One
            } else if (2..=4).contains(&units) && !(12..=14).contains(&tens) {
                PluralForm::Few
            } else {
                PluralForm::Many
            }
        }
    }
}
