use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;
use reader_core::linking::NameMatcher;
use reader_core::{Article, Cities, FontScale};

use super::article_actions::ArticleActions;
use super::article_body::ArticleBody;
use super::article_meta::ArticleMeta;
use super::article_partners::ArticlePartners;
use super::breadcrumbs::Breadcrumbs;
use super::font_size_control::FontSizeControl;

/// A loaded article, element by element as the original page had them.
#[component]
pub fn ArticleView(
    article: Arc<Article>,
    font_scale: RwSignal<FontScale>,
    /// The partner cities, when they could be loaded: names in the text
    /// then link to the map.
    #[prop(default = None)]
    cities: Option<Arc<Cities>>,
) -> impl IntoView {
    let article = Arc::unwrap_or_clone(article);
    let matcher = cities
        .as_ref()
        .map(|c| Arc::new(NameMatcher::for_partners(&c.partners)));
    let partners = cities.map(
        |cities| view! { <ArticlePartners ids=article.partners.clone() cities=cities lang="ja"/> },
    );
    // `elementtiming` lets the benchmark read the paint time of the title.
    let title = view! { <h1 class="article__title">{article.title}</h1> }
        .add_any_attr(custom_attribute("elementtiming", "article-title"));
    view! {
        <Breadcrumbs crumbs=article.breadcrumbs/>
        <article
            class="article"
            lang=article.lang
            data-font-scale=move || font_scale.get().as_str()
        >
            <header class="article__header">
                {title}
                <div class="article__meta-row">
                    <ArticleMeta published=article.published views=article.views/>
                    <FontSizeControl scale=font_scale/>
                </div>
            </header>
            <ArticleBody blocks=article.blocks matcher=matcher/>
            {partners}
            <ArticleActions/>
        </article>
    }
}
