use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;
use reader_core::linking::NameMatcher;
use reader_core::print::partner_rows;
use reader_core::world::World;
use reader_core::{Article, Cities, FontScale};

use super::article_actions::ArticleActions;
use super::article_body::ArticleBody;
use super::article_meta::ArticleMeta;
use super::article_partners::ArticlePartners;
use super::breadcrumbs::Breadcrumbs;
use super::font_size_control::FontSizeControl;
use crate::language::use_language;
use crate::print::print_parts::{PrintFooter, PrintMasthead, PrintPartners};

/// A loaded article, element by element as the original page had them.
/// It shows what it is given: the partner cities (the list of partners, the
/// printed table and map), the matcher linking partner names in the text,
/// and the printed map's world outline each fill in when they arrive.
#[component]
pub fn ArticleView(
    article: Arc<Article>,
    font_scale: RwSignal<FontScale>,
    /// The partner cities, once (and if) they are loaded.
    #[prop(into, default = Signal::stored(None))]
    cities: Signal<Option<Arc<Cities>>>,
    /// Partner names to link in the text, once built.
    #[prop(into, default = Signal::stored(None))]
    matcher: Signal<Option<Arc<NameMatcher>>>,
    /// The world outline for the printed map, once loaded.
    #[prop(into, default = Signal::stored(None))]
    world: Signal<Option<Arc<World>>>,
) -> impl IntoView {
    let article = Arc::unwrap_or_clone(article);
    let lang = use_language();
    // For paper: the partners as a table and a still map.
    let partner_ids = article.partners.clone();
    let print_partners = {
        let ids = partner_ids.clone();
        move || {
            cities.get().map(|c| {
                let rows = partner_rows(&ids, &c, lang.code()).0;
                let home = (c.home.lon, c.home.lat);
                view! { <PrintPartners rows=rows home=home world=world/> }
            })
        }
    };
    let partners = move || {
        cities
            .get()
            .map(|cities| view! { <ArticlePartners ids=partner_ids.clone() cities=cities/> })
    };
    let id = article.id.clone();
    // `elementtiming` lets the benchmark read the paint time of the title.
    let title = view! { <h1 class="article__title">{article.title}</h1> }
        .add_any_attr(custom_attribute("elementtiming", "article-title"));
    view! {
        <Breadcrumbs crumbs=article.breadcrumbs crumbs_lang=article.lang.clone()/>
        <article class="article print-document" lang=article.lang>
            <PrintMasthead/>
            <header class="article__header">
                {title}
                <div class="article__meta-row">
                    <ArticleMeta published=article.published views=article.views/>
                    <FontSizeControl scale=font_scale/>
                </div>
            </header>
            <ArticleBody blocks=article.blocks matcher=matcher/>
            {partners}
            {print_partners}
            <ArticleActions id=id.clone()/>
            <PrintFooter id=id/>
        </article>
    }
}
