//! The reader's reading aids beside the text size: the colour theme (背景色)
//! and furigana (ふりがな), as app-wide settings in context (kept by
//! `crate::settings`). Read aloud belongs to the article view
//! (`article/read_aloud.rs`).

use std::sync::Arc;

use leptos::prelude::*;
use reader_core::reading::ruby::Readings;
use reader_core::{ColourTheme, LoadError};

/// The reader's colour theme: `None` follows the system (black where it
/// prefers dark, else white).
#[derive(Clone, Copy, Default)]
pub struct ColourThemeSetting {
    pub choice: RwSignal<Option<ColourTheme>>,
    /// Whether the system prefers dark, kept up to date.
    pub system_dark: Signal<bool>,
}

impl ColourThemeSetting {
    pub fn use_context() -> Self {
        expect_context::<Self>()
    }

    /// The theme on screen, tracked.
    pub fn shown(self) -> ColourTheme {
        ColourTheme::shown(self.choice.get(), self.system_dark.get())
    }
}

/// Whether the reader wants readings over kanji (remembered).
#[derive(Clone, Copy, Default)]
pub struct FuriganaSetting(pub RwSignal<bool>);

impl FuriganaSetting {
    /// Whether it is on (tracked).
    pub fn on(self) -> bool {
        self.0.get()
    }
}

/// An article's readings (furigana), as far as the reader asked for them.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum FuriganaReadings {
    /// The article is not in Japanese: the toggle is not offered.
    #[default]
    NotOffered,
    /// Offered (the article is in Japanese); asked for once the reader
    /// turns furigana on.
    Offered,
    Loaded(Arc<Readings>),
    /// None published for this article yet (the newsroom has not run
    /// `publish` since adding it, or it found none).
    NotYet,
    Failed(LoadError),
}

impl FuriganaReadings {
    pub fn offered(&self) -> bool {
        !matches!(self, FuriganaReadings::NotOffered)
    }
}

/// What the article page gives the article view's reading aids.
#[derive(Clone, Copy)]
pub struct ArticleAids {
    pub theme: ColourThemeSetting,
    pub furigana: FuriganaSetting,
    pub readings: Signal<FuriganaReadings>,
}

impl Default for ArticleAids {
    fn default() -> Self {
        Self {
            theme: ColourThemeSetting::default(),
            furigana: FuriganaSetting::default(),
            readings: Signal::stored(FuriganaReadings::NotOffered),
        }
    }
}
