//! App-wide state in context: the data loaded once for the whole app, and
//! the reader's settings. Pages read these; components get what they show
//! from their page.

use std::sync::Arc;

use leptos::prelude::*;
use reader_core::{Cities, Column, FontScale, IsoDate, LoadError};

use crate::api::Loaded;
use crate::i18n::{td_string, Locale};

/// Data loaded once for the whole app: the news column (header, footer,
/// `/`) and the partner cities (map, article links). Pages read it in one
/// way: outside their `<Suspense>`, either in the render effect that
/// chooses what the page shows ([`outcome`](Self::outcome)) or through the
/// page's own copy ([`for_page`](Self::for_page)), made where the page
/// starts, which views inside a `<Suspense>` read. It is never awaited in
/// a `Suspend`: Leptos 0.8 keeps something of every `<Suspense>` and
/// `Suspend` that reads a long-lived value until that value changes, which
/// data loaded once never does (a kilobyte or two per page visit, found by
/// the kiosk soak; see also vendor/reactive_graph/PATCHED.md).
pub struct AppData<T: 'static>(LocalResource<Result<Loaded<T>, LoadError>>);

/// The news column, in context.
pub type ColumnData = AppData<Column>;
/// The partner cities, in context.
pub type CitiesData = AppData<Cities>;

impl<T: 'static> Clone for AppData<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for AppData<T> {}

impl<T: Send + Sync + 'static> AppData<T> {
    /// Loads it (once for the app).
    pub fn new(resource: LocalResource<Result<Loaded<T>, LoadError>>) -> Self {
        Self(resource)
    }

    /// How loading it ended (tracked): `None` while it loads.
    pub fn outcome(&self) -> Option<Result<Loaded<T>, LoadError>> {
        self.0.get()
    }

    /// Whether it has loaded or failed to (tracked).
    pub fn settled(&self) -> bool {
        self.0.with(Option::is_some)
    }

    /// Whether it could not be loaded for now (tracked): see
    /// `LoadError::is_final`.
    pub fn failed(&self) -> bool {
        self.0.with(|r| crate::handover::failed_for_now(r.as_ref()))
    }

    /// Loads it again if it could not be loaded.
    pub fn retry(&self) {
        if self.0.with_untracked(|r| matches!(r, Some(Err(_)))) {
            self.0.refetch();
        }
    }

    /// Loads it again.
    pub fn refetch(&self) {
        self.0.refetch();
    }

    /// The value, if loaded, without tracking it (for runners, not views).
    pub fn value_untracked(&self) -> Option<Arc<T>> {
        self.0.with_untracked(value_of)
    }

    /// The page's own copy: signals disposed with the page, filled by
    /// effects that read the app's resource (outside any `<Suspense>`), so
    /// that views inside a page's `<Suspense>` never subscribe to the
    /// long-lived resource itself.
    pub fn for_page(&self) -> PageData<T> {
        let resource = self.0;
        let value = RwSignal::new(resource.with_untracked(value_of));
        Effect::new(move |_| {
            let loaded = resource.with(value_of);
            if loaded.is_some() && value.with_untracked(Option::is_none) {
                value.set(loaded);
            }
        });
        let saved_at = move || {
            resource.with(|r| {
                r.as_ref()
                    .and_then(|r| r.as_ref().ok())
                    .and_then(|loaded| loaded.saved_at.clone())
            })
        };
        let saved_copy = RwSignal::new(untrack(saved_at));
        Effect::new(move |_| {
            let at = saved_at();
            if saved_copy.with_untracked(|c| *c != at) {
                saved_copy.set(at);
            }
        });
        PageData {
            value: value.into(),
            saved_at: saved_copy.into(),
        }
    }
}

impl AppData<Column> {
    /// The column's title once it is known (tracked).
    pub fn title(&self) -> Option<String> {
        self.0.with(|column| {
            column
                .as_ref()
                .and_then(|column| column.as_ref().ok())
                .map(|c| c.value.about.title.clone())
        })
    }
}

fn value_of<T>(outcome: &Option<Result<Loaded<T>, LoadError>>) -> Option<Arc<T>> {
    outcome
        .as_ref()
        .and_then(|r| r.as_ref().ok())
        .map(|loaded| loaded.value.clone())
}

/// A page's own copy of app-wide data ([`AppData::for_page`]).
pub struct PageData<T: Send + Sync + 'static> {
    value: Signal<Option<Arc<T>>>,
    saved_at: Signal<Option<String>>,
}

impl<T: Send + Sync + 'static> Clone for PageData<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for PageData<T> {}

impl<T: Send + Sync + 'static> PageData<T> {
    /// The value once it has loaded (`None` before, or if it cannot be).
    pub fn value(&self) -> Signal<Option<Arc<T>>> {
        self.value
    }

    /// When the value on screen was saved, if it is the service worker's
    /// saved copy.
    pub fn saved_at(&self) -> Signal<Option<String>> {
        self.saved_at
    }
}

/// The reader's article text size, shared by every page that shows an
/// article (kept by `crate::settings`).
#[derive(Clone, Copy)]
pub struct FontScaleSetting(pub RwSignal<FontScale>);

/// The site's name (the column's title) for the header, footer and the
/// printed masthead; a fallback until the column is known.
#[derive(Clone, Copy)]
pub struct SiteName(pub Signal<Option<String>>);

impl SiteName {
    pub fn use_context() -> Self {
        expect_context::<SiteName>()
    }

    /// The name once known (tracked).
    pub fn known(self) -> Option<String> {
        self.0.get()
    }

    /// The name, tracked, or the fallback in `lang`.
    pub fn text(self, lang: Locale) -> String {
        self.known()
            .unwrap_or_else(|| td_string!(lang, column_fallback_title).to_owned())
    }
}

/// Where the site is served from (`https://…`, no trailing slash): the
/// printed footer's address and QR code. The page's own origin in the
/// browser; the configured public origin when pages are published.
#[derive(Clone)]
pub struct SiteOrigin(pub String);

/// Today's date, for "printed on"; unknown when pages are published (the
/// app fills it in when it runs).
#[derive(Clone, Copy)]
pub struct Today(pub Option<IsoDate>);

/// In context while pages are rendered ahead of time (`src/prerender.rs`):
/// controls that only the app can run are rendered disabled, so that on a
/// published page they do not look ready before the app runs. The reading
/// aids (読み上げ, ふりがな) are not: the page's own script keeps a press on
/// them (`data-prelude="queue:…"`), fetches the app and presses them again
/// once it runs.
#[derive(Clone, Copy)]
pub struct AheadOfTime;

/// Whether this render is ahead of time (so app-only controls are disabled).
pub fn ahead_of_time() -> bool {
    use_context::<AheadOfTime>().is_some()
}

/// This year: where the partnership timeline ends. The reader's clock in
/// the browser; the publisher's when pages are published.
#[derive(Clone, Copy)]
pub struct ThisYear(pub u16);
