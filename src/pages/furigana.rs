//! An article page's readings (furigana). Whether they are offered comes
//! from the article itself (it is in Japanese: `offers_furigana`); the
//! readings file is asked for only once the reader has furigana on, and
//! not at all when the server said with the article that there are none
//! (the newsroom has not published it yet): the reader is then told its
//! readings are not there yet, and no request ends in a 404.

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

/// For the article shown (`id`), offered readings or not (`offered`),
/// whether the server has them (`on_server`, when it says), with the
/// reader's furigana switch `on`.
pub fn article_readings(
    id: Signal<Option<Id>>,
    offered: Signal<bool>,
    on_server: Signal<Option<bool>>,
    on: RwSignal<bool>,
) -> ArticleReadings {
    let none_on_server = move || on_server.get() == Some(false);
    let wanted = move || offered.get() && on.get() && !none_on_server();
    // Asked again for each article the page shows (the router may keep the
    // page while its id changes): never one article's readings for another.
    let loaded = load_for(id, wanted, |id| async move {
        api::load_readings(&id).await.map(Arc::new)
    });
    let readings = Signal::derive(move || {
        if !offered.get() {
            return FuriganaReadings::NotOffered;
        }
        if none_on_server() {
            return FuriganaReadings::NotYet;
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
