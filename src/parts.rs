//! Parts of the app downloaded when a page first needs them.
//!
//! In the release build (`cargo xtask dist`, built with `--cfg wasm_split`)
//! each function below is a split point: what only it reaches (the partner
//! map's views, gestures and layout; the printed table, still map and QR
//! code; kiosk mode) is cut out of the main module into its own wasm file
//! (`xtask/src/split/`), fetched the first time the function is called.
//! Everywhere else (the development server, the component tests, pages
//! published natively) the same functions simply run.
//!
//! Each returns `Result<_, PartMissing>`: a part that cannot be downloaded
//! (offline on first use, a server error) is a value the page shows, never
//! a panic. A part that is here already answers at once.
//!
//! The parts depend on the features they hold (`map/`, `print/`, `kiosk/`),
//! never the reverse: those call no function here. Kiosk mode's part is
//! started by [`KioskRunner`], which the app mounts.

use std::future::Future;
use std::sync::Arc;

use futures::FutureExt;
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use reader_core::print::PartnerRow;
use reader_core::world::World;
use reader_core::{Cities, Id};

use crate::kiosk::Runner;
use crate::kiosk_mode::{Kiosk, KioskSignals};

/// A part of the app that could not be downloaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartMissing;

#[cfg(wasm_split)]
impl From<wasm_split_helpers::SplitLoaderError> for PartMissing {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        PartMissing
    }
}

/// One function of a part: a split point in the release build, a plain
/// (async) call elsewhere. The body is what the part holds.
macro_rules! part {
    ($(#[$meta:meta])* $split:ident: fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$meta])*
        #[cfg(wasm_split)]
        #[wasm_split_helpers::wasm_split($split, fallible)]
        pub fn $name($($arg: $ty),*) -> Result<$ret, PartMissing> {
            Ok($body)
        }

        $(#[$meta])*
        #[cfg(not(wasm_split))]
        pub async fn $name($($arg: $ty),*) -> Result<$ret, PartMissing> {
            Ok($body)
        }
    };
}

part! {
    /// The partner map page: map, timeline, filters, panel and list.
    map: fn partners_view(
        cities: Arc<Cities>,
        world: Option<Arc<World>>,
        selected_id: Signal<Option<String>>,
        mentions: Signal<Option<Arc<crate::map::partners_view::Mentions>>>,
        on_navigate: Callback<Option<Id>>,
    ) -> AnyView {
        use crate::map::partners_view::PartnersView;
        view! {
            <PartnersView
                cities=cities
                world=world
                selected_id=selected_id
                mentions=mentions
                on_navigate=on_navigate
            />
        }
        .into_any()
    }
}

part! {
    /// Nothing but the map's part itself: called as the map page starts, so
    /// that the part is ready when the page's data is.
    map: fn map_ready() -> () {}
}

part! {
    /// For paper: the article's partners as a table and a still map.
    print: fn print_partners(
        rows: Vec<PartnerRow>,
        home: (f64, f64),
        world: Signal<Option<Arc<World>>>,
    ) -> AnyView {
        use crate::print::print_parts::PrintPartners;
        view! { <PrintPartners rows=rows home=home world=world/> }.into_any()
    }
}

part! {
    /// For paper: the way back online, with the QR code of the address.
    print: fn print_footer(id: Id) -> AnyView {
        use crate::print::print_parts::PrintFooter;
        view! { <PrintFooter id=id/> }.into_any()
    }
}

part! {
    /// Kiosk mode's runner: idle watching, countdown, reset, attract mode.
    kiosk: fn run_kiosk(runner: Runner) -> () {
        crate::kiosk::run(runner)
    }
}

/// Kiosk mode's signals, provided for every page, and on a kiosk its
/// runner: idle watching, countdown, reset, attract mode (downloaded on a
/// kiosk only). Place once inside the `Router`.
#[component]
pub fn KioskRunner() -> impl IntoView {
    let kiosk = expect_context::<Kiosk>();
    let signals = KioskSignals::provide();
    if !kiosk.active() {
        return;
    }
    let runner = Runner { kiosk, signals };
    leptos::task::spawn_local(ScopedFuture::new(async move {
        if run_kiosk(runner).await.is_err() {
            leptos::logging::warn!(
                "kiosk mode could not be downloaded: the kiosk runs as a plain reader"
            );
        }
    }));
}

/// Where a part's view is: on its way, here, or not coming.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartStatus {
    Coming,
    Here,
    Missing,
}

impl PartStatus {
    /// Here, or not coming: nothing more to wait for.
    pub fn settled(self) -> bool {
        self != PartStatus::Coming
    }
}

/// The view a part makes, built in the owner of the component that asks
/// for it: at once if the part is here (always, outside the split build),
/// else once it has arrived; nothing meanwhile, and nothing if it cannot be
/// downloaded. `status` follows which.
pub fn view_of_part(
    load: impl Future<Output = Result<AnyView, PartMissing>> + 'static,
    status: RwSignal<PartStatus>,
) -> AnyView {
    let mut load = Box::pin(ScopedFuture::new(load));
    if let Some(now) = (&mut load).now_or_never() {
        return match now {
            Ok(view) => {
                status.set(PartStatus::Here);
                view
            }
            Err(PartMissing) => {
                status.set(PartStatus::Missing);
                ().into_any()
            }
        };
    }
    status.set(PartStatus::Coming);
    let slot = RwSignal::new_local(None::<AnyView>);
    leptos::task::spawn_local(async move {
        match load.await {
            Ok(view) => {
                let _ = slot.try_set(Some(view));
                let _ = status.try_set(PartStatus::Here);
            }
            Err(PartMissing) => {
                let _ = status.try_set(PartStatus::Missing);
            }
        }
    });
    // Rendered once with nothing, once more with the view (taken out: a view
    // is shown in one place).
    (move || {
        slot.track();
        slot.try_update_untracked(Option::take).flatten()
    })
    .into_any()
}
