use leptos::prelude::*;
use reader_core::route::AppRoute;
use reader_core::{ColumnEntry, Partner};

use crate::i18n::td_string;
use crate::language::use_language;
use crate::text;

/// The selected partner: its name as a heading, where it is, the relation,
/// since when, what it is, and the articles that name it. Takes focus when
/// it opens so that keyboard and screen-reader users land on it.
#[component]
pub fn PartnerPanel(
    partner: Partner,
    /// Articles naming the partner; `None` while they are being looked up.
    /// (Reference-counted, not arena-allocated: the map page makes one per
    /// selection and may live all day, so each must go with its panel.)
    articles: ArcSignal<Option<Vec<ColumnEntry>>>,
    on_close: Callback<()>,
    node_ref: NodeRef<leptos::html::Section>,
) -> impl IntoView {
    let lang = use_language();
    let names = partner.names.clone();
    let name = move || names.pick(lang.code()).0.to_owned();
    let names = partner.names.clone();
    let name_lang = move || names.pick(lang.code()).1.to_owned();
    let country = partner.country.names.clone();
    let summary = partner.summary.clone().map(|summary| {
        let text = {
            let summary = summary.clone();
            move || summary.pick(lang.code()).0.to_owned()
        };
        let tag = move || summary.pick(lang.code()).1.to_owned();
        view! { <p class="partner-panel__summary" lang=tag>{text}</p> }
    });
    let (continent, relation, since) = (partner.continent, partner.relation, partner.since);
    view! {
        <section
            class="partner-panel"
            role="region"
            aria-labelledby="partner-panel-heading"
            tabindex="-1"
            node_ref=node_ref
        >
            <div class="partner-panel__head">
                <h2 class="partner-panel__name" id="partner-panel-heading" lang=name_lang>{name}</h2>
                <button type="button" class="partner-panel__close needs-script" disabled=crate::state::ahead_of_time() on:click=move |_| on_close.run(())>
                    {move || td_string!(lang.get(), close_selection)}
                </button>
            </div>
            <dl class="partner-panel__facts">
                <div><dt>{move || td_string!(lang.get(), col_country)}</dt><dd>{move || country.text(lang.code()).to_owned()}</dd></div>
                <div><dt>{move || td_string!(lang.get(), col_continent)}</dt><dd>{move || text::continent_label(continent, lang.get())}</dd></div>
                <div><dt>{move || td_string!(lang.get(), col_relation)}</dt><dd>{move || text::relation_label(relation, lang.get())}</dd></div>
                <div>
                    <dt>{move || td_string!(lang.get(), col_since)}</dt>
                    <dd>
                        {match since {
                            Some(date) => view! { <time datetime=date.to_string()>{move || date.format(lang.code())}</time> }.into_any(),
                            None => (move || td_string!(lang.get(), undated)).into_any(),
                        }}
                    </dd>
                </div>
            </dl>
            {summary}
            <h3 class="partner-panel__subheading">{move || td_string!(lang.get(), articles_naming)}</h3>
            {move || match articles.get() {
                None => view! { <p class="loading" role="status">{move || td_string!(lang.get(), loading)}</p> }.into_any(),
                Some(list) if list.is_empty() => view! { <p>{move || td_string!(lang.get(), no_articles_naming)}</p> }.into_any(),
                Some(list) => view! {
                    <ul class="partner-panel__articles">
                        {list
                            .into_iter()
                            .map(|entry| view! {
                                <li>
                                    <a href=AppRoute::Article(entry.id.clone()).href()>{entry.title}</a>
                                    " "
                                    <time datetime=entry.published.to_string()>{move || entry.published.format(lang.code())}</time>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any(),
            }}
        </section>
    }
}
