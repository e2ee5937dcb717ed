//! The map page once its partners are known: heading, counts, notices,
//! filters and timeline, the map, the selected partner's panel and the
//! table. It knows nothing of the router (the selection comes in, choices
//! go out), so it is also rendered ahead of time for published pages.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use reader_core::map::projection::WorldProjection;
use reader_core::partners::{counts, first_partnership_year, PartnerFilter};
use reader_core::world::World;
use reader_core::{Cities, ColumnEntry, Continent, Id};
use wasm_bindgen::JsCast;

use super::partner_filters::PartnerFilters;
use super::partner_map::PartnerMap;
use super::partner_panel::PartnerPanel;
use super::partner_table::PartnerTable;
use super::timeline::Timeline;
use super::use_panel_focus::{use_panel_focus, Choice, PanelFocus};
use crate::i18n::td_string;
use crate::language::use_language;
use crate::shell::data_notice::DataNotices;
use crate::state::ThisYear;
use crate::text;

/// For each partner, the column's articles naming it (newest first).
pub type Mentions = BTreeMap<Id, Vec<ColumnEntry>>;

/// World units across the map.
const MAP_WIDTH: f64 = 1000.0;

/// The map page once its partners are known: heading, counts, notices,
/// filters, map, the selected partner's panel and the table. Knows nothing
/// of the router: the selection comes in as `selected_id`, and choosing or
/// clearing one goes out through `on_navigate`.
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
    let lang = use_language();
    // Centred on the home district: no route from home wraps round the map.
    let projection = WorldProjection::centred(MAP_WIDTH, cities.home.lon);
    let world = world.map(|w| Arc::new(w.project(&projection)));
    let filter = RwSignal::new(PartnerFilter::default());
    // The timeline: the partnerships that existed in a year (this year:
    // all), from the decade of the first one (a time before it, too).
    let this_year = use_context::<ThisYear>().map_or(u16::MAX, |y| y.0);
    let first_year = first_partnership_year(&cities.partners)
        .filter(|&y| y < this_year)
        .map(|y| y - y % 10);
    let year = RwSignal::new(this_year);
    let playing = RwSignal::new(false);
    // A kiosk left alone plays the years (attract mode); a reset shows all.
    if let Some(attract) = use_context::<crate::kiosk::KioskAttract>() {
        Effect::new(move |_| {
            let attracting = attract.0.get();
            playing.set(attracting && first_year.is_some());
            if !attracting {
                year.set(this_year);
            }
        });
    }
    let selected = {
        let cities = cities.clone();
        Memo::new(move |_| {
            selected_id.with(|id| {
                id.as_ref()
                    .and_then(|id| cities.partners.iter().position(|p| p.id.as_str() == id))
            })
        })
    };
    let unknown = move || selected_id.with(Option::is_some) && selected.get().is_none();
    let visible = {
        let cities = cities.clone();
        Memo::new(move |_| {
            let f = PartnerFilter {
                year: Some(year.get()).filter(|&y| y < this_year),
                ..filter.get()
            };
            (0..cities.partners.len())
                .filter(|&i| f.matches(&cities.partners[i]))
                .collect::<Vec<_>>()
        })
    };
    let counts_text = {
        let cities = cities.clone();
        move || {
            text::counts_sentence(
                counts(visible.get().iter().map(|&i| &cities.partners[i])),
                lang.get(),
            )
        }
    };
    let continents: Vec<Continent> = Continent::ALL
        .iter()
        .copied()
        .filter(|c| cities.partners.iter().any(|p| p.continent == *c))
        .collect();

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
    let on_close = Callback::new(move |()| close());
    let on_select = Callback::new(move |id: Id| {
        reader_chose.run(Choice {
            partner: id.to_string(),
            from: document().active_element(),
        });
        on_navigate.run(Some(id));
    });
    // A partner link in the table is followed by the router; it is the
    // reader's choice all the same.
    let on_click = move |event: web_sys::MouseEvent| {
        let link = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href^='/partners/']").ok().flatten());
        let partner = link
            .as_ref()
            .and_then(|link| link.get_attribute("href"))
            .and_then(|href| href.strip_prefix("/partners/").map(str::to_owned));
        if let (Some(partner), Some(link)) = (partner, link) {
            reader_chose.run(Choice {
                partner,
                from: Some(link),
            });
        }
    };
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        if event.key() == "Escape" && selected.get_untracked().is_some() {
            event.prevent_default();
            close();
        }
    };

    // leptos_meta may call this once more after the page is gone, so it
    // must not panic on a disposed selection. (A title re-rendered per
    // selection instead would pile up in leptos_meta 0.8's title stack.)
    let page_title = {
        let cities = cities.clone();
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
    };
    let panel = {
        let cities = cities.clone();
        move || {
            selected.get().map(|index| {
                let partner = cities.partners[index].clone();
                let id = partner.id.clone();
                let articles = ArcSignal::derive(move || {
                    mentions.with(|m| m.as_ref().map(|m| m.get(&id).cloned().unwrap_or_default()))
                });
                view! { <PartnerPanel partner=partner articles=articles on_close=on_close node_ref=panel_ref/> }
            })
        }
    };
    // Said by screen readers when the selection changes.
    let announcement = {
        let cities = cities.clone();
        let had_selection = StoredValue::new(false);
        Memo::new(move |_| {
            let lang = lang.get();
            match selected.get() {
                Some(i) => {
                    had_selection.set_value(true);
                    text::selected_announcement(cities.partners[i].names.text(lang.as_str()), lang)
                }
                None if had_selection.get_value() => td_string!(lang, selection_cleared).to_owned(),
                None => String::new(),
            }
        })
    };
    let home_names = cities.home.names.clone();
    view! {
        <Title text=page_title/>
        <section class="partners" on:keydown=on_keydown on:click=on_click>
            // Three parts, stacked on most screens; on a landscape kiosk the
            // map on the left, the other two beside it (kiosk.css).
            <div class="partners__intro">
                <h1 class="partners__title">{move || td_string!(lang.get(), partners_title)}</h1>
                <p class="visually-hidden" role="status" aria-live="polite">{announcement}</p>
                <p class="partners__counts" role="status">
                    <span class="partners__home">{move || home_names.text(lang.code()).to_owned()}</span>
                    {counts_text}
                </p>
                <DataNotices notices=cities.notices.clone()/>
                {move || unknown().then(|| view! {
                    <div class="partners__unknown" role="alert">
                        <h2>{move || td_string!(lang.get(), unknown_partner)}</h2>
                        <p>{move || td_string!(lang.get(), unknown_partner_help)}</p>
                    </div>
                })}
                {world.is_none().then(|| view! { <p class="partners__no-world" role="status">{move || td_string!(lang.get(), world_unavailable)}</p> })}
                <div class="partners__controls">
                    <PartnerFilters filter=filter continents=continents/>
                    {first_year.map(|first_year| view! {
                        <Timeline first_year=first_year this_year=this_year year=year playing=playing/>
                    })}
                </div>
            </div>
            <div class="partners__map">
                <PartnerMap
                    cities=cities.clone()
                    world=world
                    projection=projection
                    visible=visible
                    selected=selected
                    on_select=on_select
                    frame_ref=map_frame
                />
            </div>
            // The selected partner's panel comes below the map, never beside
            // it (which would squeeze the map), then the list.
            <div class="partners__details">
                {panel}
                <PartnerTable cities=cities visible=visible selected=selected/>
            </div>
        </section>
    }
}
