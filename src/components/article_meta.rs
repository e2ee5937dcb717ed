use leptos::prelude::*;
use leptos_i18n::Locale as _;
use reader_core::number::group_thousands;
use reader_core::IsoDate;

use crate::i18n::td_string;

/// Publication date, and the view count when it is known.
#[component]
pub fn ArticleMeta(published: IsoDate, views: Option<u64>) -> impl IntoView {
    let lang = crate::language::current();
    view! {
        <dl class="article-meta" lang=lang.as_str()>
            <div class="article-meta__item">
                <dt>{td_string!(lang, published)}</dt>
                <dd>
                    <time datetime=published.to_string()>{published.format(lang.as_str())}</time>
                </dd>
            </div>
            {views.map(|count| view! {
                <div class="article-meta__item">
                    <dt>{td_string!(lang, views)}</dt>
                    <dd>{group_thousands(count)}</dd>
                </div>
            })}
        </dl>
    }
}
