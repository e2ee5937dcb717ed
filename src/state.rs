//! App-wide state in context: the data loaded once for the whole app, and
//! the reader's settings. Pages read these; components get what they show
//! from their page.

use std::sync::Arc;

use leptos::prelude::*;
use reader_core::{Cities, Column, FontScale, LoadError};

use crate::api::Loaded;

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

    /// The column once it has loaded (`None` before, or if it cannot be),
    /// as a signal owned by the calling page.
    pub fn page_signal(&self) -> Signal<Option<Arc<Column>>> {
        page_copy(self.0)
    }
}

/// The partner cities, loaded once for the whole app (map, article links).
/// Read like [`ColumnData`].
#[derive(Clone, Copy)]
pub struct CitiesData(pub LocalResource<Result<Loaded<Cities>, LoadError>>);

impl CitiesData {
    /// The cities once they have loaded, as a signal owned by the calling
    /// page: for pages that show without them (an article's partner links).
    pub fn page_signal(&self) -> Signal<Option<Arc<Cities>>> {
        page_copy(self.0)
    }
}

/// The reader's article text size, shared by every page that shows an article.
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
