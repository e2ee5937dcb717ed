//! 提携都市: the table of the partners on the map, sortable and paged.

use std::sync::Arc;

use leptos::prelude::*;
use reader_core::partners::{sort_indexes, SortKey};
use reader_core::route::AppRoute;
use reader_core::Cities;

use crate::i18n::{td_string, Locale};
use crate::language::use_language;
use crate::state::ahead_of_time;
use crate::text;

/// Rows per page: a newsroom's list of thousands stays light.
const PAGE_SIZE: usize = 50;

/// 提携都市: one row per partner on the map, sortable, paged; the selected
/// partner's row is marked, and each name selects it.
#[component]
pub fn PartnerTable(
    cities: Arc<Cities>,
    #[prop(into)] visible: Signal<Vec<usize>>,
    #[prop(into)] selected: Signal<Option<usize>>,
) -> impl IntoView {
    let lang = use_language();
    let sort = RwSignal::new((SortKey::Data, false));
    let rows = sorted_rows(&cities, visible, sort);
    let (page, pages) = use_pages(rows, selected);
    let header = move |key: SortKey, label: fn(Locale) -> &'static str| {
        view! { <SortHeader key=key label=label sort=sort/> }
    };
    let row = move |index: usize| view! { <PartnerRow cities=cities.clone() index=index selected=selected/> };
    view! {
        <div class="partner-table">
            <table class="partner-table__table">
                <caption class="partner-table__caption">{move || td_string!(lang.get(), partners_title)}</caption>
                <thead>
                    <tr>
                        {header(SortKey::Name, |lang| td_string!(lang, col_name))}
                        {header(SortKey::Country, |lang| td_string!(lang, col_country))}
                        {header(SortKey::Relation, |lang| td_string!(lang, col_relation))}
                        {header(SortKey::Since, |lang| td_string!(lang, col_since))}
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || {
                            let start = page.get() * PAGE_SIZE;
                            rows.with(|r| r.iter().skip(start).take(PAGE_SIZE).copied().collect::<Vec<_>>())
                        }
                        key=|index| *index
                        children=row
                    />
                </tbody>
            </table>
            {move || rows.with(|r| r.is_empty()).then(|| view! { <p>{move || td_string!(lang.get(), no_matches)}</p> })}
            {move || (pages.get() > 1).then(|| view! { <PageButtons page=page pages=pages/> })}
        </div>
    }
}

/// The rows to show, in the chosen order (names in the interface language).
fn sorted_rows(
    cities: &Arc<Cities>,
    visible: Signal<Vec<usize>>,
    sort: RwSignal<(SortKey, bool)>,
) -> Memo<Vec<usize>> {
    let lang = use_language();
    let cities = cities.clone();
    Memo::new(move |_| {
        let mut rows = visible.get();
        let (key, descending) = sort.get();
        sort_indexes(&cities.partners, &mut rows, key, descending, lang.code());
        rows
    })
}

/// The page shown (from 0) and how many there are: the first page when
/// the filters shrink the list below it, the selected partner's page when
/// one is selected.
fn use_pages(
    rows: Memo<Vec<usize>>,
    selected: Signal<Option<usize>>,
) -> (RwSignal<usize>, Memo<usize>) {
    let page = RwSignal::new(0usize);
    let pages = Memo::new(move |_| rows.with(|r| r.len().div_ceil(PAGE_SIZE).max(1)));
    Effect::new(move |_| {
        if page.get_untracked() >= pages.get() {
            page.set(0);
        }
    });
    Effect::new(move |_| {
        if let Some(index) = selected.get() {
            if let Some(position) = rows.with_untracked(|r| r.iter().position(|&i| i == index)) {
                page.set(position / PAGE_SIZE);
            }
        }
    });
    (page, pages)
}

/// A column's heading: a button that sorts by it (again: the other way).
/// Published ahead of time, sorting waits for the app.
#[component]
fn SortHeader(
    key: SortKey,
    label: fn(Locale) -> &'static str,
    sort: RwSignal<(SortKey, bool)>,
) -> impl IntoView {
    let lang = use_language();
    let aria_sort = move || match sort.get() {
        (k, false) if k == key => "ascending",
        (k, true) if k == key => "descending",
        _ => "none",
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            <button
                type="button"
                class="partner-table__sort"
                disabled=ahead_of_time()
                on:click=move |_| sort.update(|(k, desc)| {
                    *desc = *k == key && !*desc;
                    *k = key;
                })
            >
                {move || label(lang.get())}
            </button>
        </th>
    }
}

/// One partner: its name (a link that selects it), country, relation and
/// since when.
#[component]
fn PartnerRow(cities: Arc<Cities>, index: usize, selected: Signal<Option<usize>>) -> impl IntoView {
    let lang = use_language();
    let partner = &cities.partners[index];
    let names = partner.names.clone();
    let name = move || names.pick(lang.code()).0.to_owned();
    let names = partner.names.clone();
    let name_lang = move || names.pick(lang.code()).1.to_owned();
    let country = partner.country.names.clone();
    let (relation, since) = (partner.relation, partner.since);
    let is_selected = move || selected.get() == Some(index);
    view! {
        <tr class="partner-table__row" class:partner-table__row--selected=is_selected>
            <th scope="row">
                <a
                    href=AppRoute::Partner(partner.id.clone()).href()
                    lang=name_lang
                    aria-current=move || is_selected().then_some("true")
                >
                    {name}
                </a>
            </th>
            <td>{move || country.text(lang.code()).to_owned()}</td>
            <td>{move || text::relation_label(relation, lang.get())}</td>
            <td>
                {since
                    .map(|d| view! { <time datetime=d.to_string()>{move || d.format(lang.code())}</time> }.into_any())
                    .unwrap_or_else(|| (move || td_string!(lang.get(), undated)).into_any())}
            </td>
        </tr>
    }
}

/// Previous and next page, and which page of how many this is.
#[component]
fn PageButtons(page: RwSignal<usize>, #[prop(into)] pages: Signal<usize>) -> impl IntoView {
    let lang = use_language();
    let ahead = ahead_of_time();
    view! {
        <nav class="partner-table__pages" aria-label=move || td_string!(lang.get(), partners_title)>
            <button type="button" disabled=move || ahead || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>
                {move || td_string!(lang.get(), previous_page)}
            </button>
            <span>{move || text::page_of(page.get() + 1, pages.get(), lang.get())}</span>
            <button type="button" disabled=move || ahead || (page.get() + 1 >= pages.get()) on:click=move |_| page.update(|p| *p += 1)>
                {move || td_string!(lang.get(), next_page)}
            </button>
        </nav>
    }
}
