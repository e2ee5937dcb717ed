//! The only module that does I/O: fetches the data files and hands their
//! bytes to `reader_core` for decoding.

use std::collections::BTreeMap;
use std::pin::pin;
use std::sync::Arc;

use futures::future::{select, Either};
use gloo_net::http::Request;
use gloo_timers::future::TimeoutFuture;
use leptos::logging::warn;
use reader_core::article::article_file;
use reader_core::cities::CITIES_FILE;
use reader_core::column::COLUMN_FILE;
use reader_core::kiosk::{decode_kiosk, KioskFile, KIOSK_FILE};
use reader_core::linking::{partners_named, NameMatcher, MENTION_SCAN_LIMIT};
use reader_core::reading::ruby::{decode_readings, readings_file_name, Readings};
use reader_core::route::article_id;
use reader_core::world::{decode_world, World, WORLD_FILE};
use reader_core::{classify_response, decode_article, decode_column};
use reader_core::{Article, Cities, CitiesDecoder, Column, ColumnEntry, Id, LoadError};

/// Where the data files are served.
const DATA_ROOT: &str = "/data/";
/// Where the app's own map file is served.
const MAP_ROOT: &str = "/map/";
/// How long to wait for a data file before offering a retry.
const TIMEOUT_MS: u32 = 15_000;
/// Waits before the automatic second and third tries of a failed request.
const BACKOFF_MS: [u32; 2] = [400, 1_200];
/// Partners decoded between two chances for the browser to paint and
/// answer input, when `cities.json` is large.
const PARTNERS_PER_STEP: usize = 2_000;

/// A data file as loaded: the value, and whether it is the copy the
/// service worker saved for offline use (with the time it was saved)
/// rather than a fresh answer. Each page says so for what it shows.
#[derive(Debug)]
pub struct Loaded<T> {
    pub value: Arc<T>,
    pub saved_at: Option<String>,
}

impl<T> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        Self {
            value: self.value.clone(),
            saved_at: self.saved_at.clone(),
        }
    }
}

/// What a fetch brought: the bytes, and the saved copy's time if it was one.
struct Answer {
    bytes: Vec<u8>,
    saved_at: Option<String>,
}

pub async fn load_column() -> Result<Loaded<Column>, LoadError> {
    let answer = fetch_data(COLUMN_FILE).await?;
    let column = decode_column(&answer.bytes).map_err(LoadError::BadData)?;
    for notice in &column.notices {
        warn!("left off the column: {notice}");
    }
    Ok(loaded(column, answer.saved_at))
}

/// Loads an article by the id in the URL; an id that cannot be an
/// article's file name (or is kept for the column's) is simply not found.
pub async fn load_article(id: &str) -> Result<Loaded<Article>, LoadError> {
    let Some(id) = article_id(id) else {
        return Err(LoadError::NotFound {
            file: format!("articles/{id}.json"),
        });
    };
    let answer = fetch_data(&article_file(&id)).await?;
    let article = decode_article(&id, &answer.bytes).map_err(LoadError::BadData)?;
    for notice in &article.notices {
        warn!("{notice}");
    }
    Ok(loaded(article, answer.saved_at))
}

/// Loads the partner cities. A large file is decoded a step at a time,
/// giving the browser the main thread back between steps.
pub async fn load_cities() -> Result<Loaded<Cities>, LoadError> {
    let answer = fetch_data(CITIES_FILE).await?;
    let mut decoder = CitiesDecoder::new(&answer.bytes).map_err(LoadError::BadData)?;
    drop(answer.bytes);
    while !decoder.step(PARTNERS_PER_STEP) {
        next_task().await;
    }
    let cities = decoder.finish();
    for notice in &cities.notices {
        warn!("left off the map: {notice}");
    }
    Ok(loaded(cities, answer.saved_at))
}

/// The kiosk's settings: `None` without a file. A file with mistakes still
/// gives settings (the defaults where it is wrong) and names the mistakes;
/// a file that cannot be loaded (HTML, a server error, no answer) is an
/// error, and the kiosk runs on its defaults.
pub async fn load_kiosk_settings() -> Result<Option<KioskFile>, LoadError> {
    match fetch_data(KIOSK_FILE).await {
        Ok(answer) => {
            let file = decode_kiosk(&answer.bytes);
            for notice in &file.notices {
                warn!("kiosk setting refused: {notice}");
            }
            Ok(Some(file))
        }
        Err(LoadError::NotFound { .. }) => Ok(None),
        Err(error) => {
            warn!("kiosk settings not loaded: {error}");
            Err(error)
        }
    }
}

/// The article's readings (furigana), as the publish command wrote them;
/// asked for only when the reader turns furigana on.
pub async fn load_readings(id: &Id) -> Result<Readings, LoadError> {
    let answer = fetch_data(&format!("articles/{}", readings_file_name(id))).await?;
    decode_readings(id, &answer.bytes).map_err(LoadError::BadData)
}

/// The app's world map (country outlines), served beside the app.
pub async fn load_world() -> Result<Arc<World>, LoadError> {
    let answer = fetch_from(MAP_ROOT, WORLD_FILE).await?;
    let text = String::from_utf8_lossy(&answer.bytes);
    decode_world(&text)
        .map(Arc::new)
        .map_err(LoadError::BadData)
}

fn loaded<T>(value: T, saved_at: Option<String>) -> Loaded<T> {
    Loaded {
        value: Arc::new(value),
        saved_at,
    }
}

/// Lets the browser paint and handle input before going on.
async fn next_task() {
    TimeoutFuture::new(0).await;
}

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
                for id in partners_named(&article.value, matcher) {
                    mentions.entry(id).or_default().push(entry.clone());
                }
            }
            Err(error) => warn!("not searched for partner names: {error}"),
        }
    }
    mentions
}

/// Fetches `/data/{file}`, with a timeout, and checks the answer is JSON
/// rather than an error page.
async fn fetch_data(file: &str) -> Result<Answer, LoadError> {
    fetch_from(DATA_ROOT, file).await
}

/// Fetches with up to two more tries, with backoff, when the server is
/// unreachable or answers with a server error.
async fn fetch_from(root: &str, file: &str) -> Result<Answer, LoadError> {
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

async fn fetch_once(root: &str, file: &str) -> Result<Answer, LoadError> {
    let url = format!("{root}{file}");
    let unreachable = || LoadError::Unreachable {
        file: file.to_owned(),
    };
    let request = async {
        let response = Request::get(&url).send().await.map_err(|_| unreachable())?;
        let content_type = response.headers().get("content-type");
        let saved_at = response.headers().get("x-reader-saved");
        let bytes = response.binary().await.map_err(|_| unreachable())?;
        // Enough of the body to tell an HTML page from JSON.
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]);
        classify_response(file, response.status(), content_type.as_deref(), &head)?;
        Ok(Answer { bytes, saved_at })
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
