//! An article page's readings (furigana): whether they were published
//! beside the article (asked once the article shows), and the readings
//! themselves, fetched only once the reader turns furigana on.

use std::sync::Arc;

use leptos::prelude::*;
use reader_core::Id;

use crate::api;
use crate::background::load_for;
use crate::reading_aids::FuriganaReadings;

/// The readings as far as known, and whether that is settled: whether any
/// were published and, if the reader has furigana on, the readings too (a
/// published page is taken over only then, so that neither the toggle nor
/// the ruby appears after the swap).
pub struct ArticleReadings {
    pub readings: Signal<FuriganaReadings>,
    pub known: Signal<bool>,
}

pub fn article_readings(id: Signal<Option<Id>>, on: RwSignal<bool>) -> ArticleReadings {
    // Asked again for each article the page shows (the router may keep the
    // page while its id changes): never one article's answer for another.
    let published = load_for(
        id,
        || true,
        |id| async move { api::readings_published(&id).await },
    );
    let loaded = load_for(
        id,
        move || on.get() && published.get() == Some(true),
        |id| async move { api::load_readings(&id).await.map(Arc::new) },
    );
    let readings = Signal::derive(move || match (published.get(), loaded.get()) {
        (Some(true), Some(Ok(readings))) => FuriganaReadings::Loaded(readings),
        (Some(true), Some(Err(error))) => FuriganaReadings::Failed(error),
        (Some(true), None) => FuriganaReadings::Published,
        _ => FuriganaReadings::NotPublished,
    });
    ArticleReadings {
        readings,
        // Known, and with furigana on, here (or failed): a published page
        // is then taken over with the readings already in place.
        known: Signal::derive(move || match published.get() {
            None => false,
            Some(true) if on.get() => loaded.with(Option::is_some),
            Some(_) => true,
        }),
    }
}
