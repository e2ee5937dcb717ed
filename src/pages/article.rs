use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use reader_core::LoadError;

use super::not_found::NotFoundMessage;
use crate::api;
use crate::components::article_view::ArticleView;
use crate::components::load_error::{LoadErrorView, Loading};
use crate::i18n::{td_string, use_i18n};
use crate::text;
use crate::{CitiesData, FontScaleSetting};

/// `/news/{id}/print`: the article as it prints, with a print button and
/// a way back (both hidden on paper).
#[component]
pub fn ArticlePrintPage() -> impl IntoView {
    view! { <ArticlePage print_view=true/> }
}

/// `/news/{id}`: one article, or why it cannot be shown.
#[component]
pub fn ArticlePage(
    /// Show the paper layout on screen (the print view).
    #[prop(optional)]
    print_view: bool,
) -> impl IntoView {
    let params = use_params_map();
    let font_scale = expect_context::<FontScaleSetting>().0;
    let cities = expect_context::<CitiesData>().0;
    let article = LocalResource::new(move || {
        let id = params.read().get("id").unwrap_or_default();
        async move { api::load_article(&id).await.map(Arc::new) }
    });
    let i18n = use_i18n();
    // The partner cities are read here, outside the `<Suspense>`: see
    // `crate::CitiesData`.
    move || {
        // Rebuilt in the new language when the reader switches.
        let lang = i18n.get_locale();
        // Partner links are a bonus: without cities.json the article still shows.
        let Some(cities) = cities.get() else {
            return Loading().into_any();
        };
        let cities = cities.ok();
        view! {
            <Suspense fallback=Loading>
                {move || {
                    let cities = cities.clone();
                    Suspend::new(async move {
                        match article.await {
                            Ok(article) if print_view => view! {
                                <Title text=article.title.clone()/>
                                <div class="print-view">
                                    <PrintToolbar id=article.id.to_string()/>
                                    <ArticleView article=article font_scale=font_scale cities=cities/>
                                </div>
                            }
                            .into_any(),
                            Ok(article) => view! {
                                <Title text=article.title.clone()/>
                                <ArticleView article=article font_scale=font_scale cities=cities/>
                            }
                            .into_any(),
                            Err(LoadError::NotFound { .. }) => view! {
                                <NotFoundMessage heading=td_string!(lang, article_not_found) help=td_string!(lang, article_not_found_help)/>
                            }
                            .into_any(),
                            Err(error) => view! {
                                <Title text=text::describe(&error, lang).0/>
                                <LoadErrorView error=error on_retry=move |_| article.refetch()/>
                            }
                            .into_any(),
                        }
                    })
                }}
            </Suspense>
        }
        .into_any()
    }
}

/// The print view's own controls: print, and back to the article.
#[component]
fn PrintToolbar(id: String) -> impl IntoView {
    let lang = crate::language::current();
    view! {
        <div class="print-view__toolbar">
            <button type="button" class="print-view__print button-primary" on:click=|_| { let _ = window().print(); }>
                {td_string!(lang, print)}
            </button>
            <a class="print-view__back" href=format!("/news/{id}")>{td_string!(lang, back_to_article)}</a>
        </div>
    }
}
