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
use reader_core::reading::ruby::{
    decode_readings, readings_file_name, readings_on_server, Readings, READINGS_HEADER,
};
use reader_core::route::article_id;
use reader_core::world::{decode_world, World, WORLD_FILE};
use reader_core::{classify_response, decode_article, decode_column};
use reader_core::{Article, Cities, CitiesDecoder, Column, ColumnEntry, Id, LoadError};
use wasm_bindgen::{JsCast, JsValue};

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
    /// For an article: whether its readings are on the server, when the
    /// server says (`X-Reader-Readings`); a server that does not say leaves
    /// the readings to be asked for.
    pub readings_on_server: Option<bool>,
}

impl<T> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        Self {
            value: self.value.clone(),
            saved_at: self.saved_at.clone(),
            readings_on_server: self.readings_on_server,
        }
    }
}

/// What a fetch brought: the bytes, and the saved copy's time if it was one.
struct Answer {
    bytes: Vec<u8>,
    saved_at: Option<String>,
    readings_on_server: Option<bool>,
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
    // Its page renders in a task of its own, not the one that decoded it.
    crate::background::next_task().await;
    Ok(Loaded {
        readings_on_server: answer.readings_on_server,
        ..loaded(article, answer.saved_at)
    })
}

/// Loads the partner cities. A large file is decoded a step at a time,
/// giving the browser the main thread back between steps.
pub async fn load_cities() -> Result<Loaded<Cities>, LoadError> {
    let answer = fetch_data(CITIES_FILE).await?;
    let mut decoder = CitiesDecoder::new(&answer.bytes).map_err(LoadError::BadData)?;
    drop(answer.bytes);
    while !decoder.step(PARTNERS_PER_STEP) {
        crate::background::next_task().await;
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
        readings_on_server: None,
    }
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
        let readings_on_server =
            readings_on_server(response.headers().get(READINGS_HEADER).as_deref());
        let bytes = response.binary().await.map_err(|_| unreachable())?;
        // Enough of the body to tell an HTML page from JSON.
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]);
        classify_response(file, response.status(), content_type.as_deref(), &head)?;
        Ok(Answer {
            bytes,
            saved_at,
            readings_on_server,
        })
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

// The site search: Pagefind's index, written by `cargo xtask publish` under
// `/pagefind/`, asked for only when a reader searches. Every call into its
// module goes through catching bindings (`Reflect`, `Function::apply`,
// promises awaited as `Result`s): a failure is a `SearchError`, never an
// exception through Rust frames.

/// The small module that imports Pagefind's (`public/search-index.js`): a
/// module script of this site is what may `import()` under its CSP, and it
/// is loaded only when a reader searches.
const SEARCH_BRIDGE: &str = "/search-index.js";
/// What the bridge puts on `window`: a function of the attempt and
/// Pagefind's options giving Pagefind's module with every part of the
/// index merged (a promise).
const SEARCH_BRIDGE_GLOBAL: &str = "readerSearchIndex";

/// Why a search could not be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchError {
    /// The index could not be loaded: no network and no saved copy, or a
    /// site published without it.
    Unavailable,
    /// The index was loaded but did not answer as Pagefind does.
    Failed,
}

/// A search's results: Pagefind's list, in its order (relevance), whose
/// titles and excerpts are loaded a step at a time ([`SearchResults::hits`]).
#[derive(Clone)]
pub struct SearchResults {
    results: js_sys::Array,
    /// What was searched for: the words an excerpt may mark.
    query: String,
    /// The years and partners the query's results have, whatever the
    /// filters: what the filters offer.
    pub years: Vec<u16>,
    pub partners: Vec<Id>,
}

/// One result as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    /// The article (only an article of this site is linked).
    pub route: Option<reader_core::AppRoute>,
    pub title: String,
    pub date: Option<reader_core::IsoDate>,
    pub excerpt: reader_core::search::Excerpt,
}

impl SearchResults {
    /// How many articles were found.
    pub fn len(&self) -> usize {
        self.results.length() as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The titles, dates and excerpts of the results `range` (clipped to
    /// the list), in order.
    pub async fn hits(&self, range: std::ops::Range<usize>) -> Result<Vec<SearchHit>, SearchError> {
        let end = range.end.min(self.len());
        let loads =
            (range.start.min(end)..end).map(|i| hit(self.results.get(i as u32), &self.query));
        futures::future::join_all(loads).await.into_iter().collect()
    }
}

/// Searches the site for `params` (which must have a query), and loads the
/// first [`RESULTS_PER_STEP`](reader_core::search::RESULTS_PER_STEP) hits.
pub async fn search(
    params: &reader_core::search::SearchParams,
) -> Result<(SearchResults, Vec<SearchHit>), SearchError> {
    use reader_core::search::{PARTNER_FILTER, RESULTS_PER_STEP, YEAR_FILTER};
    let pagefind = pagefind().await?;
    let filters = js_sys::Object::new();
    let set = |object: &JsValue, key: &str, value: &JsValue| {
        js_sys::Reflect::set(object, &key.into(), value).map_err(|_| SearchError::Failed)
    };
    if let Some(year) = params.year {
        set(&filters, YEAR_FILTER, &year.to_string().into())?;
    }
    if let Some(partner) = &params.partner {
        set(&filters, PARTNER_FILTER, &partner.as_str().into())?;
    }
    let options = js_sys::Object::new();
    set(&options, "filters", &filters)?;
    let options: JsValue = options.into();
    let search_for = |query: String| {
        let (pagefind, options) = (pagefind.clone(), options.clone());
        async move {
            let found = call(&pagefind, "search", &[query.into(), options]).await?;
            let results: js_sys::Array = property(&found, "results")
                .and_then(|r| r.dyn_into().ok())
                .ok_or(SearchError::Failed)?;
            Ok::<_, SearchError>((found, results))
        }
    };
    // One run of Chinese or Japanese as the phrase typed, else (or when
    // the phrase finds nothing) the query as it is.
    let mut outcome = None;
    if let Some(phrase) = reader_core::search::phrase_first(&params.query) {
        let (found, results) = search_for(phrase).await?;
        if results.length() > 0 {
            outcome = Some((found, results));
        }
    }
    let (found, results) = match outcome {
        Some(outcome) => outcome,
        None => search_for(params.query.clone()).await?,
    };
    // The query's results without filters: what the filters can offer.
    let counts = property(&found, "totalFilters")
        .or_else(|| property(&found, "filters"))
        .unwrap_or(JsValue::UNDEFINED);
    let mut years: Vec<u16> = filter_values(&counts, YEAR_FILTER)
        .iter()
        .filter_map(|year| reader_core::search::parse_year(year))
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    let partners = filter_values(&counts, PARTNER_FILTER)
        .iter()
        .filter_map(|id| Id::parse(id))
        .collect();
    let results = SearchResults {
        results,
        query: params.query.clone(),
        years,
        partners,
    };
    let first = results.hits(0..RESULTS_PER_STEP).await?;
    Ok((results, first))
}

thread_local! {
    /// Pagefind's module, once loaded.
    static PAGEFIND: std::cell::RefCell<Option<JsValue>> = const { std::cell::RefCell::new(None) };
    /// Loads tried so far: a retry asks again under another address, as a
    /// document keeps the failure of a module it could not fetch.
    static SEARCH_ATTEMPTS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Pagefind's module, loaded (and set up) on the first search.
async fn pagefind() -> Result<JsValue, SearchError> {
    use reader_core::search::EXCERPT_WORDS;
    if let Some(module) = PAGEFIND.with(|m| m.borrow().clone()) {
        return Ok(module);
    }
    let attempt = SEARCH_ATTEMPTS.with(|a| a.replace(a.get() + 1));
    let window: JsValue = web_sys::window().ok_or(SearchError::Unavailable)?.into();
    let mut import = property(&window, SEARCH_BRIDGE_GLOBAL);
    if !import.as_ref().is_some_and(JsValue::is_function) {
        load_bridge(attempt).await?;
        import = property(&window, SEARCH_BRIDGE_GLOBAL);
    }
    let import: js_sys::Function = import
        .and_then(|f| f.dyn_into().ok())
        .ok_or(SearchError::Unavailable)?;
    // Pagefind's options, for every part of the index.
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"excerptLength".into(), &EXCERPT_WORDS.into())
        .map_err(|_| SearchError::Failed)?;
    let module = import
        .call2(&JsValue::UNDEFINED, &attempt.into(), &options)
        .map_err(|_| SearchError::Unavailable)?;
    let module = settle(module).await.map_err(|_| SearchError::Unavailable)?;
    // Pagefind loads only the filters it is asked for: without this, a
    // search's filter counts come back empty.
    call(&module, "filters", &[]).await?;
    PAGEFIND.with(|m| *m.borrow_mut() = Some(module.clone()));
    Ok(module)
}

/// Adds the bridge's module script to the page and waits for it to run.
async fn load_bridge(attempt: u32) -> Result<(), SearchError> {
    let unavailable = |_| SearchError::Unavailable;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(SearchError::Unavailable)?;
    let script = document.create_element("script").map_err(unavailable)?;
    script
        .set_attribute("type", "module")
        .map_err(unavailable)?;
    let src = match attempt {
        0 => SEARCH_BRIDGE.to_owned(),
        n => format!("{SEARCH_BRIDGE}?attempt={n}"),
    };
    script.set_attribute("src", &src).map_err(unavailable)?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = script.add_event_listener_with_callback("load", &resolve);
        let _ = script.add_event_listener_with_callback("error", &reject);
    });
    let body = document.body().ok_or(SearchError::Unavailable)?;
    body.append_child(&script).map_err(unavailable)?;
    let outcome = wasm_bindgen_futures::JsFuture::from(loaded).await;
    script.remove();
    outcome.map(|_| ()).map_err(unavailable)
}

/// One result's title, date and excerpt (Pagefind's `data()`).
async fn hit(result: JsValue, query: &str) -> Result<SearchHit, SearchError> {
    use reader_core::search::{is_text_section, result_route, Excerpt};
    let data = call(&result, "data", &[]).await?;
    let text = |object: &JsValue, key: &str| property(object, key).and_then(|v| v.as_string());
    let meta = property(&data, "meta").unwrap_or(JsValue::UNDEFINED);
    let url = text(&data, "url").unwrap_or_default();
    let sub_results: Option<js_sys::Array> =
        property(&data, "sub_results").and_then(|s| s.dyn_into().ok());
    let text_excerpt = sub_results.and_then(|subs| {
        subs.iter()
            .find(|sub| text(sub, "url").is_some_and(|url| is_text_section(&url)))
            .and_then(|sub| text(&sub, "excerpt"))
    });
    Ok(SearchHit {
        route: result_route(&url),
        title: text(&meta, "title").unwrap_or(url),
        date: text(&meta, "date").and_then(|d| reader_core::IsoDate::parse(&d)),
        excerpt: Excerpt::choose(
            text_excerpt.as_deref(),
            text(&meta, "lead").as_deref(),
            query,
        ),
    })
}

/// `object[key]`, if it can be read and is neither `undefined` nor `null`.
fn property(object: &JsValue, key: &str) -> Option<JsValue> {
    if !object.is_object() && !object.is_function() {
        return None;
    }
    js_sys::Reflect::get(object, &key.into())
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
}

/// Calls `object.name(...args)` and waits for its promise, if it gives one.
async fn call(object: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, SearchError> {
    let function: js_sys::Function = property(object, name)
        .and_then(|f| f.dyn_into().ok())
        .ok_or(SearchError::Failed)?;
    let args: js_sys::Array = args.iter().collect();
    let value = function
        .apply(object, &args)
        .map_err(|_| SearchError::Failed)?;
    settle(value).await.map_err(|_| SearchError::Failed)
}

/// A value, or what its promise settles to.
async fn settle(value: JsValue) -> Result<JsValue, JsValue> {
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&value)).await
}

/// The values of filter `name` with at least one result, from Pagefind's
/// counts (`{ year: { "2021": 3 } }`).
fn filter_values(counts: &JsValue, name: &str) -> Vec<String> {
    let Some(values) = property(counts, name) else {
        return Vec::new();
    };
    let Ok(keys) = js_sys::Reflect::own_keys(&values) else {
        return Vec::new();
    };
    keys.iter()
        .filter(|key| {
            js_sys::Reflect::get(&values, key)
                .ok()
                .and_then(|count| count.as_f64())
                .is_some_and(|count| count > 0.0)
        })
        .filter_map(|key| key.as_string())
        .collect()
}
