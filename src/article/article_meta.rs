use leptos::prelude::*;
use reader_core::number::group_thousands;
use reader_core::IsoDate;

use crate::i18n::td_string;
use crate::language::use_language;

/// Publication date, and the view count when it is known.
#[component]
pub fn ArticleMeta(published: IsoDate, views: Option<u64>) -> impl IntoView {
    let lang = use_language();
    view! {
        <dl class="article-meta" lang=move || lang.code()>
            <div class="article-meta__item">
                <dt>{move || td_string!(lang.get(), published)}</dt>
                <dd>
                    <time datetime=published.to_string()>{move || published.format(lang.code())}</time>
                </dd>
            </div>
            {views.map(|count| view! {
                <div class="article-meta__item">
                    <dt>{move || td_string!(lang.get(), views)}</dt>
                    <dd>{group_thousands(count)}</dd>
                </div>
            })}
        </dl>
    }
}
