//! Parts of the app downloaded when a page first needs them.
//!
//! In the release build (`cargo xtask dist`, built with `--cfg wasm_split`)
//! each function below is a split point: what only it reaches (the partner
//! map's page, views, gestures and layout; the printed table, still map and
//! QR code; kiosk mode; the search's page) is cut out of the main module into
//! its own wasm file (`xtask/src/split/`), fetched the first time the
//! function is called.
//! Everywhere else (the development server, the component tests, pages
//! published natively) the same functions simply run.
//!
//! Each returns `Result<_, PartMissing>`: a part that cannot be downloaded
//! (offline on first use, a server error) is a value the page shows, never
//! a panic. A part that is here already answers at once.
//!
//! The parts depend on the features they hold (`map/`, `print/`, `kiosk/`),
//! never the reverse: those call no function here. A page held whole in a
//! part (the map's, the search's) declares its split point beside it with
//! [`part!`] and is shown by [`page_in_part`]. Kiosk mode's part is started
//! by [`KioskRunner`], which the app mounts.

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::Poll;

use futures::FutureExt;
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use reader_core::print::PartnerRow;
use reader_core::world::World;
use reader_core::Id;

use crate::handover::Completion;
use crate::kiosk::Runner;
use crate::kiosk_mode::{Kiosk, KioskSignals};
use crate::shell::load_error::PartMissingView;

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
        pub fn $name($($arg: $ty),*) -> Result<$ret, $crate::parts::PartMissing> {
            Ok($body)
        }

        $(#[$meta])*
        #[cfg(not(wasm_split))]
        pub async fn $name($($arg: $ty),*) -> Result<$ret, $crate::parts::PartMissing> {
            Ok($body)
        }
    };
}

/// For a page held whole in a part: its split point is declared beside it
/// (`pages/`), which this module does not depend on.
pub(crate) use part;

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

/// A page held whole in a part of the app (`load`, such as
/// `pages::search::search_page`): nothing until the part is here (a
/// published page of the route stays meanwhile, `crate::handover`), then the
/// page, which says itself when it is complete. A part that cannot be downloaded is a
/// failure for now: a published page stays, with the refresh notice; without
/// one the reader sees why, with a retry.
pub fn page_in_part<Fut>(load: impl Fn() -> Fut + Copy + Send + 'static) -> AnyView
where
    Fut: Future<Output = Result<AnyView, PartMissing>> + 'static,
{
    let retry = Trigger::new();
    (move || {
        retry.track();
        let status = RwSignal::new(PartStatus::Coming);
        let page = view_of_part(load(), status);
        let missing = move || status.get() == PartStatus::Missing;
        Completion::of_page().unless_failed(
            || false,
            missing,
            Callback::new(move |_| retry.notify()),
        );
        view! {
            {page}
            <Show when=missing>
                <PartMissingView on_retry=move |_| retry.notify()/>
            </Show>
        }
    })
    .into_any()
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
    // The view is built in this owner as the part arrives: not once the
    // owner is gone (the reader left the page while the part was coming),
    // where its contexts are too.
    let gone = Arc::new(AtomicBool::new(false));
    Owner::on_cleanup({
        let gone = Arc::clone(&gone);
        move || gone.store(true, Ordering::Relaxed)
    });
    let while_here = futures::future::poll_fn(move |cx| {
        if gone.load(Ordering::Relaxed) {
            return Poll::Ready(None);
        }
        load.as_mut().poll(cx).map(Some)
    });
    leptos::task::spawn_local(async move {
        match while_here.await {
            Some(Ok(view)) => {
                // Rendered in a task of its own, not the one that started the part.
                crate::background::next_task().await;
                let _ = slot.try_set(Some(view));
                let _ = status.try_set(PartStatus::Here);
            }
            Some(Err(PartMissing)) => {
                let _ = status.try_set(PartStatus::Missing);
            }
            None => {}
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
