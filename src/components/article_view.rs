use std::sync::Arc;

use leptos::prelude::*;
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
    view! {
        <Breadcrumbs crumbs=article.breadcrumbs/>
        <article
            class="article"
            lang=article.lang
            data-font-scale=move || font_scale.get().as_str()
        >
            <header class="article__header">
                <h1 class="article__title">{article.title}</h1>
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
