//! App-wide state in context: the data loaded once for the whole app, and
//! the reader's settings. Pages read these; components get what they show
//! from their page.

use std::sync::Arc;

use leptos::prelude::*;
use reader_core::{Cities, Column, FontScale, IsoDate, LoadError};

use crate::api::Loaded;
use crate::i18n::{td_string, Locale};

/// The news column, loaded once for the whole app (header, footer, `/`).
///
/// Data that lives as long as the app is read by pages outside their
/// `<Suspense>`, in the render effect that chooses what the page shows (or
/// copied into a page's own signal with [`page_signal`](Self::page_signal)),
/// and never awaited in a `Suspend`: Leptos 0.8 keeps something of every
/// `<Suspense>` and `Suspend` that reads a long-lived value until that value
/// changes, which data loaded once never does (a kilobyte or two per page
/// visit, found by the kiosk soak; see also vendor/reactive_graph/PATCHED.md).
#[derive(Clone, Copy)]
pub struct ColumnData(pub LocalResource<Result<Loaded<Column>, LoadError>>);

impl ColumnData {
    /// The column's title once it is known.
    pub fn title(&self) -> Option<String> {
        self.0
            .get()
            .and_then(|column| column.ok())
            .map(|c| c.value.about.title.clone())
    }

    /// Whether the column has loaded or failed to (tracked).
    pub fn settled(&self) -> bool {
        self.0.with(Option::is_some)
    }

    /// The column once it has loaded (`None` before, or if it cannot be),
    /// as a signal owned by the calling page.
    pub fn page_signal(&self) -> Signal<Option<Arc<Column>>> {
        page_copy(self.0)
    }

    /// Whether it could not be loaded for now (tracked): see
    /// `LoadError::is_final`.
    pub fn failed(&self) -> bool {
        failed_for_now(self.0)
    }

    /// Loads it again if it could not be loaded.
    pub fn retry(&self) {
        retry_failed(self.0);
    }
}

/// The partner cities, loaded once for the whole app (map, article links).
/// Read like [`ColumnData`].
#[derive(Clone, Copy)]
pub struct CitiesData(pub LocalResource<Result<Loaded<Cities>, LoadError>>);

impl CitiesData {
    /// Whether the cities have loaded or failed to (tracked).
    pub fn settled(&self) -> bool {
        self.0.with(Option::is_some)
    }

    /// The cities once they have loaded, as a signal owned by the calling
    /// page: for pages that show without them (an article's partner links).
    pub fn page_signal(&self) -> Signal<Option<Arc<Cities>>> {
        page_copy(self.0)
    }

    /// Whether they could not be loaded for now (tracked): see
    /// `LoadError::is_final`.
    pub fn failed(&self) -> bool {
        failed_for_now(self.0)
    }

    /// Loads them again if they could not be loaded.
    pub fn retry(&self) {
        retry_failed(self.0);
    }

    /// When the cities on screen were saved, if they are the service
    /// worker's saved copy (a page's own signal, like `page_signal`).
    pub fn saved_at_signal(&self) -> Signal<Option<String>> {
        let resource = self.0;
        let read = move || {
            resource.with(|r| {
                r.as_ref()
                    .and_then(|r| r.as_ref().ok())
                    .and_then(|loaded| loaded.saved_at.clone())
            })
        };
        let copy = RwSignal::new(untrack(read));
        Effect::new(move |_| {
            let saved_at = read();
            if copy.with_untracked(|c| *c != saved_at) {
                copy.set(saved_at);
            }
        });
        copy.into()
    }
}

fn failed_for_now<T: 'static>(resource: LocalResource<Result<Loaded<T>, LoadError>>) -> bool {
    resource.with(|r| crate::handover::failed_for_now(r.as_ref()))
}

fn retry_failed<T: 'static>(resource: LocalResource<Result<Loaded<T>, LoadError>>) {
    if resource.with_untracked(|r| matches!(r, Some(Err(_)))) {
        resource.refetch();
    }
}

/// The reader's article text size, shared by every page that shows an
/// article (kept by `crate::settings`).
#[derive(Clone, Copy)]
pub struct FontScaleSetting(pub RwSignal<FontScale>);

/// A page's own copy of an app-wide value: a signal disposed with the page,
/// filled by an effect that reads the app's resource (outside any
/// `<Suspense>`), so that views inside a page's `<Suspense>` never
/// subscribe to the long-lived resource itself.
fn page_copy<T: Send + Sync + 'static>(
    resource: LocalResource<Result<Loaded<T>, LoadError>>,
) -> Signal<Option<Arc<T>>> {
    let read = |r: &Option<Result<Loaded<T>, LoadError>>| {
        r.as_ref()
            .and_then(|r| r.as_ref().ok())
            .map(|loaded| loaded.value.clone())
    };
    let copy = RwSignal::new(resource.with_untracked(read));
    Effect::new(move |_| {
        let value = resource.with(read);
        if value.is_some() && copy.with_untracked(Option::is_none) {
            copy.set(value);
        }
    });
    copy.into()
}

/// The site's name (the column's title) for the header, footer and the
/// printed masthead; a fallback until the column is known.
#[derive(Clone, Copy)]
pub struct SiteName(pub Signal<Option<String>>);

impl SiteName {
    pub fn use_context() -> Self {
        expect_context::<SiteName>()
    }

    /// The name, tracked, or the fallback in `lang`.
    pub fn text(self, lang: Locale) -> String {
        self.0
            .get()
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
/// published page they do not look ready before the app runs.
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
