use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;
use reader_core::{Article, FontScale};

use super::article_actions::ArticleActions;
use super::article_body::ArticleBody;
use super::article_meta::ArticleMeta;
use super::breadcrumbs::Breadcrumbs;
use super::font_size_control::FontSizeControl;

/// A loaded article, element by element as the original page had them.
#[component]
pub fn ArticleView(article: Arc<Article>, font_scale: RwSignal<FontScale>) -> impl IntoView {
    let article = Arc::unwrap_or_clone(article);
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
            <ArticleBody blocks=article.blocks/>
            <ArticleActions/>
        </article>
    }
}
