//! An article page's readings (furigana): whether they were published
//! beside the article (asked once the article shows), and the readings
//! themselves, fetched only once the reader turns furigana on.

use std::sync::Arc;

use leptos::prelude::*;
use reader_core::Id;

use crate::api;
use crate::background::load_when;
use crate::reading_aids::FuriganaReadings;

/// The readings as far as known, and whether it is known yet if any were
/// published (a published page is taken over only then, so that the toggle
/// does not appear after the swap).
pub struct ArticleReadings {
    pub readings: Signal<FuriganaReadings>,
    pub known: Signal<bool>,
}

pub fn article_readings(id: Signal<Option<Id>>, on: RwSignal<bool>) -> ArticleReadings {
    let published = load_when(
        move || id.with(Option::is_some),
        move || async move {
            match id.get_untracked() {
                Some(id) => api::readings_published(&id).await,
                None => false,
            }
        },
    );
    let loaded = load_when(
        move || on.get() && published.get() == Some(true),
        move || async move {
            match id.get_untracked() {
                Some(id) => api::load_readings(&id).await.map(Arc::new),
                None => Err(reader_core::LoadError::NotFound {
                    file: "articles".to_owned(),
                }),
            }
        },
    );
    let readings = Signal::derive(move || match (published.get(), loaded.get()) {
        (Some(true), Some(Ok(readings))) => FuriganaReadings::Loaded(readings),
        (Some(true), Some(Err(error))) => FuriganaReadings::Failed(error),
        (Some(true), None) => FuriganaReadings::Published,
        _ => FuriganaReadings::NotPublished,
    });
    ArticleReadings {
        readings,
        known: Signal::derive(move || published.with(Option::is_some)),
    }
}
