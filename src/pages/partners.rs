use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};
use reader_core::linking::NameMatcher;
use reader_core::partners::{counts, PartnerFilter};
use reader_core::world::World;
use reader_core::{Cities, Column, Continent, Id};
use wasm_bindgen::JsCast;

use crate::api;
use crate::components::data_notice::DataNotice;
use crate::components::load_error::{LoadErrorView, Loading};
use crate::components::partner_filters::PartnerFilters;
use crate::components::partner_map::PartnerMap;
use crate::components::partner_panel::PartnerPanel;
use crate::components::partner_table::PartnerTable;
use crate::i18n::{td_string, use_i18n, Locale};
use crate::offline::SavedCopyNotice;
use crate::text;
use crate::{CitiesData, ColumnData};

/// `/partners` and `/partners/{id}`: the map and list of partner cities;
/// the selection lives in the URL, so it can be shared and "back" walks it.
#[component]
pub fn PartnersPage() -> impl IntoView {
    let cities = expect_context::<CitiesData>().0;
    let column = expect_context::<ColumnData>().0;
    let world = LocalResource::new(api::load_world);
    let i18n = use_i18n();
    // The partner cities and the column are read here, outside the
    // `<Suspense>`: see `crate::CitiesData`.
    move || {
        // Rebuilt in the new language when the reader switches.
        let lang = i18n.get_locale();
        // Without the column the map still shows, with no articles to list.
        let Some(column) = column.get() else {
            return Loading().into_any();
        };
        let column = column.ok().map(|c| c.value);
        match cities.get() {
            None => Loading().into_any(),
            Some(Ok(loaded)) => view! {
                <SavedCopyNotice saved_at=loaded.saved_at/>
                <Suspense fallback=Loading>
                    {move || {
                        let (cities, column) = (loaded.value.clone(), column.clone());
                        Suspend::new(async move {
                            let world = world.await.ok();
                            view! { <PartnersView cities=cities world=world column=column lang=lang/> }
                        })
                    }}
                </Suspense>
            }
            .into_any(),
            Some(Err(error)) => view! {
                <Title text=td_string!(lang, map_unavailable)/>
                <LoadErrorView error=error on_retry=move |_| cities.refetch()/>
            }
            .into_any(),
        }
    }
}

#[component]
fn PartnersView(
    cities: Arc<Cities>,
    world: Option<Arc<World>>,
    /// The news column, when it could be loaded: where to look for articles naming a partner.
    column: Option<Arc<Column>>,
    lang: Locale,
) -> impl IntoView {
    let params = use_params_map();
    let navigate = use_navigate();
    let filter = RwSignal::new(PartnerFilter::default());
    let selected_id = Memo::new(move |_| params.read().get("id"));
    let selected = {
        let cities = cities.clone();
        Memo::new(move |_| {
            selected_id
                .get()
                .and_then(|id| cities.partners.iter().position(|p| p.id.as_str() == id))
        })
    };
    let unknown = move || selected_id.get().is_some() && selected.get().is_none();
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
                lang,
            )
        }
    };
    let continents: Vec<Continent> = Continent::ALL
        .iter()
        .copied()
        .filter(|c| cities.partners.iter().any(|p| p.continent == *c))
        .collect();

    // Which of the column's articles name each partner: looked up in the
    // background (the matcher too: with many partners it takes a while),
    // the map shows without them.
    let mentions = {
        let cities = cities.clone();
        crate::background::load(async move {
            match column {
                Some(column) => {
                    let matcher = NameMatcher::for_partners(&cities.partners);
                    api::load_mentions(&column, &matcher).await
                }
                None => BTreeMap::new(),
            }
        })
    };

    // Focus: the panel takes it when a selection opens; closing gives it back
    // to the control that made the selection.
    let panel_ref = NodeRef::<leptos::html::Section>::new();
    let frame_focus_target = StoredValue::new_local(None::<web_sys::Element>);
    let first_selection = StoredValue::new(true);
    Effect::new(move |_| {
        let current = selected.get();
        if first_selection.get_value() {
            first_selection.set_value(false);
            return;
        }
        if current.is_some() {
            let active = document().active_element();
            if active
                .as_ref()
                .is_some_and(|a| a.closest(".partner-panel").ok().flatten().is_none())
            {
                frame_focus_target.set_value(active);
            }
        }
    });
    Effect::new(move |_| {
        if let Some(panel) = panel_ref.get() {
            if selected.get_untracked().is_some() && !first_selection.get_value() {
                let _ = panel.focus();
            }
        }
    });
    let close = {
        let navigate = navigate.clone();
        move || {
            navigate("/partners", Default::default());
            let target = frame_focus_target
                .with_value(|t| t.clone())
                .filter(|t| t.is_connected());
            let focused = target.and_then(|t| {
                t.dyn_into::<web_sys::HtmlElement>()
                    .map(|h| h.focus())
                    .or_else(|t| t.dyn_into::<web_sys::SvgElement>().map(|s| s.focus()))
                    .ok()
            });
            if focused.is_none() {
                if let Some(frame) = document()
                    .query_selector(".partner-map__frame")
                    .ok()
                    .flatten()
                {
                    if let Ok(frame) = frame.dyn_into::<web_sys::HtmlElement>() {
                        let _ = frame.focus();
                    }
                }
            }
        }
    };
    let on_close = Callback::new({
        let close = close.clone();
        move |()| close()
    });
    let on_select =
        Callback::new(move |id: Id| navigate(&format!("/partners/{id}"), Default::default()));
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        if event.key() == "Escape" && selected.get_untracked().is_some() {
            event.prevent_default();
            close();
        }
    };

    // leptos_meta may call this once more after the page is gone (when a
    // change of language rebuilds it), so it must not panic on a disposed
    // selection. (A title re-rendered per selection instead would pile up in
    // leptos_meta 0.8's title stack: its rebuild registers a new entry that
    // is never removed.)
    let page_title = {
        let cities = cities.clone();
        move || match selected.try_get().flatten() {
            Some(i) => format!(
                "{} | {}",
                cities.partners[i].names.text(lang.as_str()),
                td_string!(lang, partners_title)
            ),
            None => td_string!(lang, partners_title).to_owned(),
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
                view! { <PartnerPanel partner=partner articles=articles lang=lang on_close=on_close node_ref=panel_ref/> }
            })
        }
    };
    // Said by screen readers when the selection changes.
    let announcement = {
        let cities = cities.clone();
        let had_selection = StoredValue::new(false);
        Memo::new(move |_| match selected.get() {
            Some(i) => {
                had_selection.set_value(true);
                text::selected_announcement(cities.partners[i].names.text(lang.as_str()), lang)
            }
            None if had_selection.get_value() => td_string!(lang, selection_cleared).to_owned(),
            None => String::new(),
        })
    };
    let home_name = cities.home.names.text(lang.as_str()).to_owned();
    view! {
        <Title text=page_title/>
        <section class="partners" on:keydown=on_keydown>
            <h1 class="partners__title">{td_string!(lang, partners_title)}</h1>
            <p class="visually-hidden" role="status" aria-live="polite">{announcement}</p>
            <p class="partners__counts" role="status">
                <span class="partners__home">{home_name}</span>
                {counts_text}
            </p>
            <DataNotice notices=cities.notices.clone()/>
            {move || unknown().then(|| view! {
                <div class="partners__unknown" role="alert">
                    <h2>{td_string!(lang, unknown_partner)}</h2>
                    <p>{td_string!(lang, unknown_partner_help)}</p>
                </div>
            })}
            {world.is_none().then(|| view! { <p class="partners__no-world" role="status">{td_string!(lang, world_unavailable)}</p> })}
            <PartnerFilters filter=filter continents=continents/>
            <div class="partners__layout" class:partners__layout--with-panel=move || selected.get().is_some()>
                <PartnerMap
                    cities=cities.clone()
                    world=world
                    visible=visible
                    selected=selected
                    on_select=on_select
                    lang=lang
                />
                {panel}
            </div>
            <PartnerTable cities=cities visible=visible selected=selected lang=lang/>
        </section>
    }
}
