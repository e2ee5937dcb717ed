//! The only module that does I/O: fetches the data files and hands their
//! text to `reader_core` for decoding.

use std::collections::BTreeMap;
use std::pin::pin;

use futures::future::{select, Either};
use gloo_net::http::Request;
use gloo_timers::future::TimeoutFuture;
use leptos::logging::warn;
use leptos::prelude::{ArcRwSignal, Set};
use reader_core::article::article_file;
use reader_core::cities::CITIES_FILE;
use reader_core::column::COLUMN_FILE;
use reader_core::kiosk::{decode_kiosk, KioskSettings, KIOSK_FILE};
use reader_core::linking::{partners_named, NameMatcher};
use reader_core::world::{decode_world, World, WORLD_FILE};
use reader_core::{classify_response, decode_article, decode_cities, decode_column};
use reader_core::{Article, Cities, Column, ColumnEntry, Id, LoadError};

/// Where the data files are served.
const DATA_ROOT: &str = "/data/";
/// Where the app's own map file is served.
const MAP_ROOT: &str = "/map/";
/// How long to wait for a data file before offering a retry.
const TIMEOUT_MS: u32 = 15_000;
/// Waits before the automatic second and third tries of a failed request.
const BACKOFF_MS: [u32; 2] = [400, 1_200];

thread_local! {
    /// When data came from the offline copy: the time it was saved.
    static SAVED_COPY: ArcRwSignal<Option<String>> = ArcRwSignal::new(None);
}

/// Set while what the reader sees comes from the copy saved for offline use
/// (the service worker marks such answers), with the time it was saved.
pub fn saved_copy() -> ArcRwSignal<Option<String>> {
    SAVED_COPY.with(Clone::clone)
}

pub async fn load_column() -> Result<Column, LoadError> {
    let text = fetch_text(COLUMN_FILE).await?;
    decode_column(&text).map_err(LoadError::BadData)
}

/// Loads an article by the id in the URL; an id that cannot be a file name
/// is simply not found.
pub async fn load_article(id: &str) -> Result<Article, LoadError> {
    let Some(id) = Id::parse(id) else {
        return Err(LoadError::NotFound {
            file: format!("articles/{id}.json"),
        });
    };
    let file = article_file(&id);
    let text = fetch_text(&file).await?;
    let article = decode_article(&file, &text).map_err(LoadError::BadData)?;
    for notice in &article.notices {
        warn!("{notice}");
    }
    Ok(article)
}

pub async fn load_cities() -> Result<Cities, LoadError> {
    let text = fetch_text(CITIES_FILE).await?;
    let cities = decode_cities(&text).map_err(LoadError::BadData)?;
    for notice in &cities.notices {
        warn!("left off the map: {notice}");
    }
    Ok(cities)
}

/// The kiosk's settings: `None` without a file; a broken file is reported in
/// the console and the defaults are used.
pub async fn load_kiosk_settings() -> Option<KioskSettings> {
    match fetch_text(KIOSK_FILE).await {
        Ok(text) => match decode_kiosk(&text) {
            Ok(settings) => Some(settings),
            Err(error) => {
                warn!("kiosk settings ignored: {error}");
                None
            }
        },
        Err(LoadError::NotFound { .. }) => None,
        Err(error) => {
            warn!("kiosk settings not loaded: {error}");
            None
        }
    }
}

/// The app's world map (country outlines), served beside the app.
pub async fn load_world() -> Result<World, LoadError> {
    let text = fetch_from(MAP_ROOT, WORLD_FILE).await?;
    decode_world(&text).map_err(LoadError::BadData)
}

/// How many of the column's newest articles are read to find the articles
/// naming each partner.
const MENTION_SCAN_LIMIT: usize = 50;

/// For each partner, the column's articles that name it (newest first).
pub async fn load_mentions(
    column: &Column,
    matcher: &NameMatcher,
) -> BTreeMap<Id, Vec<ColumnEntry>> {
    let mut mentions: BTreeMap<Id, Vec<ColumnEntry>> = BTreeMap::new();
    let entries = column.articles.iter().take(MENTION_SCAN_LIMIT);
    let loaded = futures::future::join_all(
        entries.map(|entry| async move { (entry, load_article(entry.id.as_str()).await) }),
    )
    .await;
    for (entry, article) in loaded {
        match article {
            Ok(article) => {
                for id in partners_named(&article, matcher) {
                    mentions.entry(id).or_default().push(entry.clone());
                }
            }
            Err(error) => warn!("not searched for partner names: {error}"),
        }
    }
    mentions
}

/// Fetches `/data/{file}` as text, with a timeout, and checks the answer is
/// JSON rather than an error page.
async fn fetch_text(file: &str) -> Result<String, LoadError> {
    fetch_from(DATA_ROOT, file).await
}

/// Fetches with up to two more tries, with backoff, when the server is
/// unreachable or answers with a server error.
async fn fetch_from(root: &str, file: &str) -> Result<String, LoadError> {
    let mut outcome = fetch_once(root, file).await;
    for delay in BACKOFF_MS {
        let transient = matches!(&outcome, Err(LoadError::Unreachable { .. }))
            || matches!(&outcome, Err(LoadError::Server { status, .. }) if *status >= 500);
        if !transient {
            break;
        }
        TimeoutFuture::new(delay).await;
        outcome = fetch_once(root, file).await;
    }
    outcome
}

async fn fetch_once(root: &str, file: &str) -> Result<String, LoadError> {
    let url = format!("{root}{file}");
    let unreachable = || LoadError::Unreachable {
        file: file.to_owned(),
    };
    let request = async {
        let response = Request::get(&url).send().await.map_err(|_| unreachable())?;
        let content_type = response.headers().get("content-type");
        let saved = response.headers().get("x-reader-saved");
        let body = response.text().await.map_err(|_| unreachable())?;
        classify_response(file, response.status(), content_type.as_deref(), &body)?;
        saved_copy().set(saved);
        Ok(body)
    };
    let request = pin!(request);
    let outcome = select(request, TimeoutFuture::new(TIMEOUT_MS)).await;
    match outcome {
        Either::Left((result, _)) => result,
        Either::Right(_) => Err(LoadError::TimedOut {
            file: file.to_owned(),
        }),
    }
}
