use leptos::prelude::*;
use leptos_i18n::Locale as _;
use reader_core::{ColumnEntry, Partner};

use crate::i18n::{td_string, Locale};
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
    lang: Locale,
    on_close: Callback<()>,
    node_ref: NodeRef<leptos::html::Section>,
) -> impl IntoView {
    let (name, name_lang) = partner.names.pick(lang.as_str());
    let (name, name_lang) = (name.to_owned(), name_lang.to_owned());
    let summary = partner.summary.as_ref().map(|s| {
        let (text, tag) = s.pick(lang.as_str());
        (text.to_owned(), tag.to_owned())
    });
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
                <button type="button" class="partner-panel__close" on:click=move |_| on_close.run(())>
                    {td_string!(lang, close_selection)}
                </button>
            </div>
            <dl class="partner-panel__facts">
                <div><dt>{td_string!(lang, col_country)}</dt><dd>{partner.country.names.text(lang.as_str()).to_owned()}</dd></div>
                <div><dt>{td_string!(lang, col_continent)}</dt><dd>{text::continent_label(partner.continent, lang)}</dd></div>
                <div><dt>{td_string!(lang, col_relation)}</dt><dd>{text::relation_label(partner.relation, lang)}</dd></div>
                <div>
                    <dt>{td_string!(lang, col_since)}</dt>
                    <dd>
                        {match partner.since {
                            Some(date) => view! { <time datetime=date.to_string()>{date.format(lang.as_str())}</time> }.into_any(),
                            None => td_string!(lang, unknown_date).into_any(),
                        }}
                    </dd>
                </div>
            </dl>
            {summary.map(|(text, tag)| view! { <p class="partner-panel__summary" lang=tag>{text}</p> })}
            <h3 class="partner-panel__subheading">{td_string!(lang, articles_naming)}</h3>
            {move || match articles.get() {
                None => view! { <p class="loading" role="status">{td_string!(lang, loading)}</p> }.into_any(),
                Some(list) if list.is_empty() => view! { <p>{td_string!(lang, no_articles_naming)}</p> }.into_any(),
                Some(list) => view! {
                    <ul class="partner-panel__articles">
                        {list
                            .into_iter()
                            .map(|entry| view! {
                                <li>
                                    <a href=format!("/news/{}", entry.id)>{entry.title}</a>
                                    " "
                                    <time datetime=entry.published.to_string()>{entry.published.format(lang.as_str())}</time>
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
