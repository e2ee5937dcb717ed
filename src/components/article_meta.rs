use leptos::prelude::*;
use reader_core::number::group_thousands;
use reader_core::IsoDate;

use crate::text;

/// Publication date, and the view count when it is known.
#[component]
pub fn ArticleMeta(published: IsoDate, views: Option<u64>) -> impl IntoView {
    view! {
        <dl class="article-meta">
            <div class="article-meta__item">
                <dt>{text::PUBLISHED}</dt>
                <dd>
                    <time datetime=published.to_string()>{published.format("ja")}</time>
                </dd>
            </div>
            {views.map(|count| view! {
                <div class="article-meta__item">
                    <dt>{text::VIEWS}</dt>
                    <dd>{group_thousands(count)}</dd>
                </div>
            })}
        </dl>
    }
}
