use leptos::prelude::*;
use reader_core::{ColumnEntry, Partner};

use crate::text;

/// The selected partner: its name as a heading, where it is, the relation,
/// since when, what it is, and the articles that name it. Takes focus when
/// it opens so that keyboard and screen-reader users land on it.
#[component]
pub fn PartnerPanel(
    partner: Partner,
    /// Articles naming the partner; `None` while they are being looked up.
    #[prop(into)]
    articles: Signal<Option<Vec<ColumnEntry>>>,
    lang: &'static str,
    on_close: Callback<()>,
    node_ref: NodeRef<leptos::html::Section>,
) -> impl IntoView {
    let (name, name_lang) = partner.names.pick(lang);
    let (name, name_lang) = (name.to_owned(), name_lang.to_owned());
    let summary = partner.summary.as_ref().map(|s| {
        let (text, tag) = s.pick(lang);
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
                    {text::CLOSE_SELECTION}
                </button>
            </div>
            <dl class="partner-panel__facts">
                <div><dt>{text::COL_COUNTRY}</dt><dd>{partner.country.names.text(lang).to_owned()}</dd></div>
                <div><dt>{text::COL_CONTINENT}</dt><dd>{text::continent_label(partner.continent)}</dd></div>
                <div><dt>{text::COL_RELATION}</dt><dd>{text::relation_label(partner.relation)}</dd></div>
                <div>
                    <dt>{text::COL_SINCE}</dt>
                    <dd>
                        {match partner.since {
                            Some(date) => view! { <time datetime=date.to_string()>{date.format("ja")}</time> }.into_any(),
                            None => text::UNKNOWN_DATE.into_any(),
                        }}
                    </dd>
                </div>
            </dl>
            {summary.map(|(text, tag)| view! { <p class="partner-panel__summary" lang=tag>{text}</p> })}
            <h3 class="partner-panel__subheading">{text::ARTICLES_NAMING}</h3>
            {move || match articles.get() {
                None => view! { <p class="loading" role="status">{text::LOADING}</p> }.into_any(),
                Some(list) if list.is_empty() => view! { <p>{text::NO_ARTICLES_NAMING}</p> }.into_any(),
                Some(list) => view! {
                    <ul class="partner-panel__articles">
                        {list
                            .into_iter()
                            .map(|entry| view! {
                                <li>
                                    <a href=format!("/news/{}", entry.id)>{entry.title}</a>
                                    " "
                                    <time datetime=entry.published.to_string()>{entry.published.format("ja")}</time>
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
