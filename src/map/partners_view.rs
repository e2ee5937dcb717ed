//! The map page once its partners are known, in three regions: the intro
//! (heading, counts, notices, filters and timeline), the map, and the
//! details (the selected partner's panel, then the table). It knows nothing
//! of the router (the selection comes in, choices go out), so it is also
//! rendered ahead of time for published pages.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use reader_core::map::projection::WorldProjection;
use reader_core::partners::{first_partnership_year, PartnerFilter};
use reader_core::route::AppRoute;
use reader_core::world::World;
use reader_core::{Cities, ColumnEntry, Id};
use wasm_bindgen::JsCast;

use super::partner_map::PartnerMap;
use super::partner_panel::PartnerPanel;
use super::partner_table::PartnerTable;
use super::partners_intro::{PartnersIntro, Years};
use super::use_panel_focus::{use_panel_focus, Choice, PanelFocus};
use crate::handover::in_a_task_of_its_own;
use crate::i18n::td_string;
use crate::kiosk_mode::KioskAttract;
use crate::language::use_language;
use crate::state::ThisYear;

/// For each partner, the column's articles naming it, in the column's order.
pub type Mentions = BTreeMap<Id, Vec<ColumnEntry>>;

/// World units across the map.
const MAP_WIDTH: f64 = 1000.0;

/// The map page once its partners are known. Knows nothing of the router:
/// the selection comes in as `selected_id`, and choosing or clearing one
/// goes out through `on_navigate`.
#[component]
pub fn PartnersView(
    cities: Arc<Cities>,
    world: Option<Arc<World>>,
    #[prop(into)] selected_id: Signal<Option<String>>,
    /// The articles naming each partner, once looked up.
    #[prop(into)]
    mentions: Signal<Option<Arc<Mentions>>>,
    on_navigate: Callback<Option<Id>>,
) -> impl IntoView {
    // Centred on the home district: no route from home wraps round the map.
    let projection = WorldProjection::centred(MAP_WIDTH, cities.home.lon);
    let world = world.map(|w| Arc::new(w.project(&projection)));
    let filter = RwSignal::new(PartnerFilter::default());
    let years = use_years(&cities);
    let selected = selected_index(&cities, selected_id);
    let visible = visible_partners(&cities, filter, years);

    // Focus moves for one reason only: the reader chose a partner (see
    // `use_panel_focus`).
    let panel_ref = NodeRef::<leptos::html::Section>::new();
    let map_frame = NodeRef::<leptos::html::Div>::new();
    let PanelFocus {
        reader_chose,
        give_back,
    } = use_panel_focus(panel_ref, map_frame, selected_id);
    let close = move || {
        on_navigate.run(None);
        give_back.run(());
    };
    let on_select = chosen_on_the_map(reader_chose, on_navigate);
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        if event.key() == "Escape" && selected.get_untracked().is_some() {
            event.prevent_default();
            close();
        }
    };
    // Taking over a published page, the map in a task of its own.
    let map_cities = cities.clone();
    view! {
        <Title text=page_title(cities.clone(), selected)/>
        <section class="partners" on:keydown=on_keydown on:click=table_link_choice(reader_chose)>
            // Three parts, stacked on most screens; on a landscape kiosk the
            // map on the left, the other two beside it (kiosk.css).
            <PartnersIntro
                cities=cities.clone()
                visible=visible
                selected=selected
                unknown=Signal::derive(move || selected_id.with(Option::is_some) && selected.get().is_none())
                world_missing=world.is_none()
                filter=filter
                years=years
            />
            <div class="partners__map">
                {in_a_task_of_its_own(Box::new(move || view! {
                    <PartnerMap
                        cities=map_cities
                        world=world
                        projection=projection
                        visible=visible
                        selected=selected
                        on_select=on_select
                        frame_ref=map_frame
                    />
                }.into_any()))}
            </div>
            // The selected partner's panel comes below the map, never beside
            // it (which would squeeze the map), then the list.
            <div class="partners__details">
                <SelectedPartner
                    cities=cities.clone()
                    selected=selected
                    mentions=mentions
                    on_close=Callback::new(move |()| close())
                    node_ref=panel_ref
                />
                <PartnerTable cities=cities visible=visible selected=selected/>
            </div>
        </section>
    }
}

/// The selected partner's panel, with the articles naming it once they
/// are looked up; nothing without a selection.
#[component]
fn SelectedPartner(
    cities: Arc<Cities>,
    #[prop(into)] selected: Signal<Option<usize>>,
    mentions: Signal<Option<Arc<Mentions>>>,
    on_close: Callback<()>,
    node_ref: NodeRef<leptos::html::Section>,
) -> impl IntoView {
    move || {
        selected.get().map(|index| {
            let partner = cities.partners[index].clone();
            let id = partner.id.clone();
            let articles = ArcSignal::derive(move || {
                mentions.with(|m| m.as_ref().map(|m| m.get(&id).cloned().unwrap_or_default()))
            });
            view! { <PartnerPanel partner=partner articles=articles on_close=on_close node_ref=node_ref/> }
        })
    }
}

/// The timeline's years: the partnerships that existed in a year (this
/// year: all), from the decade of the first one (a time before it, too).
/// A kiosk left alone plays them (attract mode); a reset shows all.
fn use_years(cities: &Cities) -> Years {
    let this_year = use_context::<ThisYear>().map_or(u16::MAX, |y| y.0);
    let first_year = first_partnership_year(&cities.partners)
        .filter(|&y| y < this_year)
        .map(|y| y - y % 10);
    let years = Years {
        this_year,
        first_year,
        year: RwSignal::new(this_year),
        playing: RwSignal::new(false),
    };
    if let Some(attract) = use_context::<KioskAttract>() {
        Effect::new(move |_| {
            let attracting = attract.running();
            years.playing.set(attracting && first_year.is_some());
            if !attracting {
                years.year.set(this_year);
            }
        });
    }
    years
}

/// The index of the partner `selected_id` names, if there is one.
fn selected_index(
    cities: &Arc<Cities>,
    selected_id: Signal<Option<String>>,
) -> Memo<Option<usize>> {
    let cities = cities.clone();
    Memo::new(move |_| {
        selected_id.with(|id| {
            id.as_ref()
                .and_then(|id| cities.partners.iter().position(|p| p.id.as_str() == id))
        })
    })
}

/// The indexes of the partners the filters and the timeline's year let through.
fn visible_partners(
    cities: &Arc<Cities>,
    filter: RwSignal<PartnerFilter>,
    years: Years,
) -> Memo<Vec<usize>> {
    let cities = cities.clone();
    Memo::new(move |_| {
        let f = PartnerFilter {
            year: Some(years.year.get()).filter(|&y| y < years.this_year),
            ..filter.get()
        };
        (0..cities.partners.len())
            .filter(|&i| f.matches(&cities.partners[i]))
            .collect::<Vec<_>>()
    })
}

/// The page's title: the selected partner's name, then the map's.
///
/// leptos_meta may call this once more after the page is gone, so it must
/// not panic on a disposed selection. (A title re-rendered per selection
/// instead would pile up in leptos_meta 0.8's title stack.)
fn page_title(cities: Arc<Cities>, selected: Memo<Option<usize>>) -> impl Fn() -> String {
    let lang = use_language();
    move || {
        let lang = lang.get();
        match selected.try_get().flatten() {
            Some(i) => format!(
                "{} | {}",
                cities.partners[i].names.text(lang.as_str()),
                td_string!(lang, partners_title)
            ),
            None => td_string!(lang, partners_title).to_owned(),
        }
    }
}

/// A partner chosen on the map: the reader's choice, from the marker that
/// has focus.
fn chosen_on_the_map(
    reader_chose: Callback<Choice>,
    on_navigate: Callback<Option<Id>>,
) -> Callback<Id> {
    Callback::new(move |id: Id| {
        reader_chose.run(Choice {
            partner: id.to_string(),
            from: document().active_element(),
        });
        on_navigate.run(Some(id));
    })
}

/// A partner link in the table is followed by the router; it is the
/// reader's choice all the same.
fn table_link_choice(reader_chose: Callback<Choice>) -> impl Fn(web_sys::MouseEvent) {
    move |event| {
        let link = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten());
        let partner = link
            .as_ref()
            .and_then(|link| link.get_attribute("href"))
            .and_then(|href| match AppRoute::parse(&href) {
                Some(AppRoute::Partner(id)) => Some(id.to_string()),
                _ => None,
            });
        if let (Some(partner), Some(link)) = (partner, link) {
            reader_chose.run(Choice {
                partner,
                from: Some(link),
            });
        }
    }
}
