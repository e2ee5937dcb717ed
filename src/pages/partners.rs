use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;
use reader_core::linking::NameMatcher;
use reader_core::route::AppRoute;
use reader_core::{Cities, Column, Id, LoadError};

use crate::api;
use crate::handover::{self, Completion};
use crate::i18n::td_string;
use crate::language::use_language;
use crate::map::partners_view::PartnersView;
use crate::offline::SavedCopyNotice;
use crate::shell::load_error::{LoadErrorView, Loading};
use crate::{CitiesData, ColumnData};

pub use crate::map::partners_view::Mentions;

crate::parts::part! {
    /// The partner map's page, all of it in the map's part of the app: map,
    /// timeline, filters, panel and list.
    map: fn partners_page() -> AnyView {
        view! { <PartnersPage/> }.into_any()
    }
}

/// `/partners` and `/partners/{id}`: the map and list of partner cities;
/// the selection lives in the URL, so it can be shared and "back" walks it.
#[component]
pub fn PartnersPage() -> impl IntoView {
    let cities = expect_context::<CitiesData>();
    let column_data = expect_context::<ColumnData>();
    let column = column_data.for_page().value();
    let completion = handover::Completion::of_page();
    let world = LocalResource::new(api::load_world);
    let route = crate::navigation::use_current_route();
    let selected_id = Signal::derive(move || route.partner_id().map(|id| id.to_string()));
    let go = select_by_address();
    let mentions = mentions_in_background(cities.for_page().value(), column);
    // Read outside the `<Suspense>`: see `crate::state::AppData`.
    move || match cities.outcome() {
        None => {
            completion.pending();
            Loading().into_any()
        }
        Some(Ok(loaded)) => view! {
            <SavedCopyNotice saved_at=loaded.saved_at/>
            <Suspense fallback=Loading>
                {move || {
                    let cities = loaded.value.clone();
                    completion.pending();
                    Suspend::new(async move {
                        let outline = world.await;
                        let world_failed = handover::failed_for_now(Some(&outline));
                        // Complete once it shows what a published page shows: the
                        // site's name and the selected partner's articles.
                        completion.unless_failed(
                            move || {
                                column_data.settled()
                                    && (selected_id.with(Option::is_none)
                                        || column.with(Option::is_none)
                                        || mentions.with(Option::is_some))
                            },
                            // The world's outline could not come, or the site's
                            // name: a published map stays (`handover`).
                            move || world_failed || column_data.failed(),
                            Callback::new(move |_| {
                                column_data.retry();
                                if world_failed {
                                    world.refetch();
                                }
                            }),
                        );
                        view! {
                            <PartnersView
                                cities=cities
                                world=outline.ok()
                                selected_id=selected_id
                                mentions=mentions
                                on_navigate=go
                            />
                        }
                    })
                }}
            </Suspense>
        }
        .into_any(),
        Some(Err(error)) => cities_error(error, completion),
    }
}

/// Why the partner cities could not be loaded, with a retry. Unless that is
/// final (`LoadError::is_final`), a published map stays.
fn cities_error(error: LoadError, completion: Completion) -> AnyView {
    let lang = use_language();
    let cities = expect_context::<CitiesData>();
    let column_data = expect_context::<ColumnData>();
    let for_now = !error.is_final();
    completion.unless_failed(
        move || column_data.settled(),
        move || for_now,
        Callback::new(move |_| cities.refetch()),
    );
    let title = (!for_now || !handover::published_in_view())
        .then(|| view! { <Title text=move || td_string!(lang.get(), map_unavailable)/> });
    view! {
        {title}
        <LoadErrorView error=error on_retry=move |_| cities.refetch()/>
    }
    .into_any()
}

/// Selecting a partner (or none) goes to its address.
fn select_by_address() -> Callback<Option<Id>> {
    let navigate = use_navigate();
    Callback::new(move |id: Option<Id>| match id {
        Some(id) => navigate(&AppRoute::Partner(id).href(), Default::default()),
        None => navigate(&AppRoute::Partners.href(), Default::default()),
    })
}

/// Which of the column's articles name each partner: looked up in the
/// background once both are here (the name matcher too: with many partners
/// it takes a while); the map shows without them.
fn mentions_in_background(
    cities: Signal<Option<Arc<Cities>>>,
    column: Signal<Option<Arc<Column>>>,
) -> RwSignal<Option<Arc<Mentions>>> {
    let mentions = RwSignal::new(None::<Arc<Mentions>>);
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        let (Some(cities), Some(column)) = (cities.get(), column.get()) else {
            return false;
        };
        leptos::task::spawn_local(async move {
            let matcher = NameMatcher::for_partners(&cities.partners);
            let found = api::load_mentions(&column, &matcher).await;
            let _ = mentions.try_set(Some(Arc::new(found)));
        });
        true
    });
    mentions
}
