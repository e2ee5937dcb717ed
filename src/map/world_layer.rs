//! What the map draws under its markers: the countries (those of visible
//! partners shaded) and the routes from home to each partner.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use reader_core::map::arcs::route_path;
use reader_core::map::projection::WorldProjection;
use reader_core::world::ProjectedWorld;
use reader_core::Cities;

/// Routes from home are drawn for every partner up to this many; beyond,
/// only for the selected one.
const ROUTES_UP_TO: usize = 150;

/// The countries, those of the visible partners shaded.
#[component]
pub fn Countries(
    world: Option<Arc<ProjectedWorld>>,
    cities: Arc<Cities>,
    #[prop(into)] visible: Signal<Vec<usize>>,
) -> impl IntoView {
    let shaded: Memo<BTreeSet<String>> = Memo::new(move |_| {
        visible.with(|v| {
            v.iter()
                .map(|&i| cities.partners[i].country.code.to_ascii_uppercase())
                .collect()
        })
    });
    let countries = world.map(|w| {
        w.countries
            .iter()
            .map(|c| {
                let code = c.code.clone();
                view! {
                    <path
                        class="partner-map__country"
                        class:partner-map__country--partner=move || {
                            code.as_ref().is_some_and(|c| shaded.with(|s| s.contains(c)))
                        }
                        d=c.d.clone()
                    />
                }
            })
            .collect_view()
    });
    view! { <g class="partner-map__countries" aria-hidden="true">{countries}</g> }
}

/// The great-circle routes from home to the visible partners.
#[component]
pub fn Routes(
    cities: Arc<Cities>,
    projection: WorldProjection,
    #[prop(into)] visible: Signal<Vec<usize>>,
    #[prop(into)] selected: Signal<Option<usize>>,
) -> impl IntoView {
    let routes = move || {
        let from = (cities.home.lon, cities.home.lat);
        let chosen: Vec<usize> = visible.with(|v| {
            if v.len() <= ROUTES_UP_TO {
                v.clone()
            } else {
                selected.get().into_iter().collect()
            }
        });
        chosen
            .into_iter()
            .map(|i| {
                let p = &cities.partners[i];
                view! {
                    <path
                        class="partner-map__arc"
                        class:partner-map__arc--selected=move || selected.get() == Some(i)
                        d=route_path(&projection, from, (p.lon, p.lat))
                    />
                }
            })
            .collect_view()
    };
    view! { <g class="partner-map__arcs" aria-hidden="true">{routes}</g> }
}
