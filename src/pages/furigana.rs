//! An article page's readings (furigana). Whether they are offered comes
//! from the article itself (it is in Japanese: `offers_furigana`); the
//! readings file is asked for only once the reader has furigana on, so an
//! article the newsroom has not published yet costs no request, and then
//! the reader is told its readings are not there yet.

use std::sync::Arc;

use leptos::prelude::*;
use reader_core::{Id, LoadError};

use crate::api;
use crate::background::load_for;
use crate::reading_aids::FuriganaReadings;

/// The readings as far as known, and whether that is settled: with
/// furigana on, once the readings (or why there are none) are here. A
/// published page is taken over only then, so that no ruby appears after
/// the swap.
pub struct ArticleReadings {
    pub readings: Signal<FuriganaReadings>,
    pub known: Signal<bool>,
}

/// For the article shown (`id`), offered readings or not (`offered`), with
/// the reader's furigana switch `on`.
pub fn article_readings(
    id: Signal<Option<Id>>,
    offered: Signal<bool>,
    on: RwSignal<bool>,
) -> ArticleReadings {
    let wanted = move || offered.get() && on.get();
    // Asked again for each article the page shows (the router may keep the
    // page while its id changes): never one article's readings for another.
    let loaded = load_for(id, wanted, |id| async move {
        api::load_readings(&id).await.map(Arc::new)
    });
    let readings = Signal::derive(move || {
        if !offered.get() {
            return FuriganaReadings::NotOffered;
        }
        match loaded.get() {
            None => FuriganaReadings::Offered,
            Some(Ok(readings)) if readings.is_empty() => FuriganaReadings::NotYet,
            Some(Ok(readings)) => FuriganaReadings::Loaded(readings),
            Some(Err(LoadError::NotFound { .. })) => FuriganaReadings::NotYet,
            Some(Err(error)) => FuriganaReadings::Failed(error),
        }
    });
    ArticleReadings {
        readings,
        known: Signal::derive(move || !wanted() || loaded.with(Option::is_some)),
    }
}
