use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};
use reader_core::linking::NameMatcher;
use reader_core::partners::{counts, PartnerFilter};
use reader_core::world::World;
use reader_core::{Cities, ColumnEntry, Continent, Id};
use wasm_bindgen::JsCast;

use crate::api;
use crate::handover;
use crate::i18n::td_string;
use crate::language::use_language;
use crate::map::partner_filters::PartnerFilters;
use crate::map::partner_map::PartnerMap;
use crate::map::partner_panel::PartnerPanel;
use crate::map::partner_table::PartnerTable;
use crate::offline::SavedCopyNotice;
use crate::shell::data_notice::DataNotice;
use crate::shell::load_error::{LoadErrorView, Loading};
use crate::text;
use crate::{CitiesData, ColumnData};

/// For each partner, the column's articles naming it (newest first).
pub type Mentions = BTreeMap<Id, Vec<ColumnEntry>>;

/// `/partners` and `/partners/{id}`: the map and list of partner cities;
/// the selection lives in the URL, so it can be shared and "back" walks it.
#[component]
pub fn PartnersPage() -> impl IntoView {
    let cities = expect_context::<CitiesData>().0;
    let column_data = expect_context::<ColumnData>();
    let column = column_data.page_signal();
    let world = LocalResource::new(api::load_world);
    let lang = use_language();
    let params = use_params_map();
    let selected_id = Signal::derive(move || params.read().get("id"));
    let navigate = use_navigate();
    let go = Callback::new(move |id: Option<Id>| match id {
        Some(id) => navigate(&format!("/partners/{id}"), Default::default()),
        None => navigate("/partners", Default::default()),
    });
    // Which of the column's articles name each partner: looked up in the
    // background (the name matcher too: with many partners it takes a
    // while); the map shows without them.
    let mentions = RwSignal::new(None::<Arc<Mentions>>);
    let cities_now = expect_context::<CitiesData>().page_signal();
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        let (Some(cities), Some(column)) = (cities_now.get(), column.get()) else {
            return false;
        };
        leptos::task::spawn_local(async move {
            let matcher = NameMatcher::for_partners(&cities.partners);
            let found = api::load_mentions(&column, &matcher).await;
            let _ = mentions.try_set(Some(Arc::new(found)));
        });
        true
    });
    // The partner cities are read here, outside the `<Suspense>`: see
    // `crate::CitiesData`.
    move || match cities.get() {
        None => Loading().into_any(),
        Some(Ok(loaded)) => view! {
            <SavedCopyNotice saved_at=loaded.saved_at/>
            <Suspense fallback=Loading>
                {move || {
                    let cities = loaded.value.clone();
                    Suspend::new(async move {
                        let world = world.await.ok();
                        // Complete once it shows what a published page shows: the
                        // site's name and the selected partner's articles.
                        handover::when_complete(move || {
                            column_data.settled()
                                && (selected_id.with(Option::is_none)
                                    || column.with(Option::is_none)
                                    || mentions.with(Option::is_some))
                        });
                        view! {
                            <PartnersView
                                cities=cities
                                world=world
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
        Some(Err(error)) => {
            handover::when_complete(move || column_data.settled());
            view! {
                <Title text=move || td_string!(lang.get(), map_unavailable)/>
                <LoadErrorView error=error on_retry=move |_| cities.refetch()/>
            }
            .into_any()
        }
    }
}

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
    let filter = RwSignal::new(PartnerFilter::default());
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
            let f = filter.get();
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

    // Focus moves for one reason only: the reader chose a partner (on the
    // map or in the table). Then the panel takes focus when it opens, and
    // closing it gives focus back to the control that made the choice (or
    // to the map). A selection from the URL, "back" or a kiosk's attract
    // mode leaves focus where it is.
    let panel_ref = NodeRef::<leptos::html::Section>::new();
    let map_frame = NodeRef::<leptos::html::Div>::new();
    let focus_panel_on_open = StoredValue::new(false);
    let chosen_from = StoredValue::new_local(None::<web_sys::Element>);
    let reader_chose = move |from: Option<web_sys::Element>| {
        focus_panel_on_open.set_value(true);
        chosen_from.set_value(from);
    };
    Effect::new(move |_| {
        if let Some(panel) = panel_ref.get() {
            if focus_panel_on_open.get_value() {
                focus_panel_on_open.set_value(false);
                let _ = panel.focus();
            }
        }
    });
    let close = move || {
        on_navigate.run(None);
        let from = chosen_from
            .with_value(|from| from.clone())
            .filter(|el| el.is_connected());
        if !from.is_some_and(|el| focus(&el)) {
            if let Some(frame) = map_frame.get_untracked() {
                let _ = frame.focus();
            }
        }
    };
    let on_close = Callback::new(move |()| close());
    let on_select = Callback::new(move |id: Id| {
        reader_chose(document().active_element());
        on_navigate.run(Some(id));
    });
    // A partner link in the table is followed by the router; it is the
    // reader's choice all the same.
    let on_click = move |event: web_sys::MouseEvent| {
        let link = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href^='/partners/']").ok().flatten());
        if let Some(link) = link {
            reader_chose(Some(link));
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
            <h1 class="partners__title">{move || td_string!(lang.get(), partners_title)}</h1>
            <p class="visually-hidden" role="status" aria-live="polite">{announcement}</p>
            <p class="partners__counts" role="status">
                <span class="partners__home">{move || home_names.text(lang.code()).to_owned()}</span>
                {counts_text}
            </p>
            <DataNotice notices=cities.notices.clone()/>
            {move || unknown().then(|| view! {
                <div class="partners__unknown" role="alert">
                    <h2>{move || td_string!(lang.get(), unknown_partner)}</h2>
                    <p>{move || td_string!(lang.get(), unknown_partner_help)}</p>
                </div>
            })}
            {world.is_none().then(|| view! { <p class="partners__no-world" role="status">{move || td_string!(lang.get(), world_unavailable)}</p> })}
            <PartnerFilters filter=filter continents=continents/>
            <div class="partners__layout" class:partners__layout--with-panel=move || selected.get().is_some()>
                <PartnerMap
                    cities=cities.clone()
                    world=world
                    visible=visible
                    selected=selected
                    on_select=on_select
                    frame_ref=map_frame
                />
                {panel}
            </div>
            <PartnerTable cities=cities visible=visible selected=selected/>
        </section>
    }
}

/// Focuses an HTML or SVG element (a map marker is an SVG link).
fn focus(element: &web_sys::Element) -> bool {
    if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
        return html.focus().is_ok();
    }
    if let Some(svg) = element.dyn_ref::<web_sys::SvgElement>() {
        return svg.focus().is_ok();
    }
    false
}
