use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;
use leptos_i18n::Locale as _;
use reader_core::linking::NameMatcher;
use reader_core::print::partner_rows;
use reader_core::{Article, Cities, FontScale};

use super::article_actions::ArticleActions;
use super::article_body::ArticleBody;
use super::article_meta::ArticleMeta;
use super::article_partners::ArticlePartners;
use super::breadcrumbs::Breadcrumbs;
use super::font_size_control::FontSizeControl;
use super::print_parts::{PrintFooter, PrintMasthead, PrintPartners};
use crate::{api, ColumnData};

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
    let lang = crate::language::current();
    // On a kiosk the list below the article leads to partners, with targets
    // big enough for fingers; inline links in the text would be too small.
    let matcher = cities
        .as_ref()
        .filter(|_| !crate::kiosk::is_kiosk())
        .map(|c| Arc::new(NameMatcher::for_partners(&c.partners)));
    let site = use_context::<ColumnData>().and_then(|c| untrack(|| c.title()));
    // For paper: the partners as a table and a still map (the world file is
    // fetched only when there is something to show on it).
    let (rows, home) = match &cities {
        Some(c) => (
            partner_rows(&article.partners, c, lang.as_str()).0,
            (c.home.lon, c.home.lat),
        ),
        None => (Vec::new(), (0.0, 0.0)),
    };
    // In the background: the article shows without waiting for the map.
    let world = (!rows.is_empty())
        .then(|| crate::background::load(async { api::load_world().await.ok().map(Arc::new) }));
    let world = Signal::derive(move || world.and_then(|w| w.get()).flatten());
    let partners = cities.map(
        |cities| view! { <ArticlePartners ids=article.partners.clone() cities=cities lang=lang/> },
    );
    let id = article.id.clone();
    // `elementtiming` lets the benchmark read the paint time of the title.
    let title = view! { <h1 class="article__title">{article.title}</h1> }
        .add_any_attr(custom_attribute("elementtiming", "article-title"));
    view! {
        <Breadcrumbs crumbs=article.breadcrumbs crumbs_lang=article.lang.clone()/>
        <article
            class="article print-document"
            lang=article.lang
            data-font-scale=move || font_scale.get().as_str()
        >
            <PrintMasthead site=site/>
            <header class="article__header">
                {title}
                <div class="article__meta-row">
                    <ArticleMeta published=article.published views=article.views/>
                    <FontSizeControl scale=font_scale/>
                </div>
            </header>
            <ArticleBody blocks=article.blocks matcher=matcher/>
            {partners}
            <PrintPartners rows=rows home=home world=world/>
            <ArticleActions id=id.clone()/>
            <PrintFooter id=id/>
        </article>
    }
}
