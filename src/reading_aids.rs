//! The reader's reading aids beside the text size: the colour theme (背景色)
//! and furigana (ふりがな), as app-wide settings in context. Read aloud
//! belongs to the article view (`article/read_aloud.rs`).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_use_preferences::use_preferred_dark;
use reader_core::reading::ruby::Readings;
use reader_core::{ColourTheme, LoadError};

use crate::handover::Handover;
use crate::prefs;

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

/// Provides both settings: the reader's remembered choices (a kiosk starts
/// from the defaults and remembers nothing), shown on `<html data-theme>`
/// where the stylesheet reads it and the page's own script set it first.
pub fn provide(kiosk: bool) {
    let choice = RwSignal::new(if kiosk {
        None
    } else {
        prefs::load_colour_theme()
    });
    let system_dark = use_preferred_dark();
    let theme = ColourThemeSetting {
        choice,
        system_dark,
    };
    // Until the app took over a published page, its own script ran the
    // controls: take the theme it shows.
    if let Some(handover) = Handover::use_context() {
        handover.before_swap(move || {
            let on_page = document()
                .document_element()
                .and_then(|root| root.get_attribute("data-theme"))
                .and_then(|value| ColourTheme::parse(&value));
            if let Some(on_page) = on_page.filter(|t| *t != theme.shown()) {
                choice.set(Some(on_page));
            }
        });
    }
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", theme.shown().as_str());
        }
    });
    if !kiosk {
        Effect::watch(
            move || choice.get(),
            |choice, _, _| prefs::save_colour_theme(*choice),
            false,
        );
    }
    provide_context(theme);

    let furigana = RwSignal::new(!kiosk && prefs::load_furigana());
    if !kiosk {
        Effect::watch(
            move || furigana.get(),
            |on, _, _| prefs::save_furigana(*on),
            false,
        );
    }
    provide_context(FuriganaSetting(furigana));
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
