use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use reader_core::print::partner_rows;
use reader_core::LoadError;

use super::not_found::NotFoundMessage;
use crate::api;
use crate::components::article_view::ArticleView;
use crate::components::load_error::{LoadErrorView, Loading};
use crate::i18n::{td_string, use_i18n};
use crate::offline::SavedCopyNotice;
use crate::text;
use crate::{CitiesData, FontScaleSetting};

/// `/news/{id}/print`: the article as it prints, with a print button and
/// a way back (both hidden on paper).
#[component]
pub fn ArticlePrintPage() -> impl IntoView {
    view! { <ArticlePage print_view=true/> }
}

/// `/news/{id}`: one article, or why it cannot be shown. The article shows
/// as soon as its own file is here; the partner cities (for the links in
/// its text and the printed table) and the world outline (for the printed
/// map) follow when they arrive.
#[component]
pub fn ArticlePage(
    /// Show the paper layout on screen (the print view).
    #[prop(optional)]
    print_view: bool,
) -> impl IntoView {
    let params = use_params_map();
    let font_scale = expect_context::<FontScaleSetting>().0;
    let article = LocalResource::new(move || {
        let id = params.read().get("id").unwrap_or_default();
        async move { api::load_article(&id).await }
    });
    let cities = expect_context::<CitiesData>().page_signal();
    // The printed map's world outline, once there is something to show on it.
    let world = crate::background::load_when(
        move || {
            let ids = article.with(|a| {
                a.as_ref()
                    .and_then(|a| a.as_ref().ok())
                    .map(|a| a.value.partners.clone())
            });
            match (ids, cities.get()) {
                (Some(ids), Some(cities)) => !partner_rows(&ids, &cities, "ja").0.is_empty(),
                _ => false,
            }
        },
        || async { api::load_world().await.ok() },
    );
    let world = Signal::derive(move || world.get().flatten());
    let i18n = use_i18n();
    move || {
        // Rebuilt in the new language when the reader switches.
        let lang = i18n.get_locale();
        view! {
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match article.await {
                        Ok(loaded) => {
                            let title = loaded.value.title.clone();
                            let id = loaded.value.id.to_string();
                            let view = view! {
                                <SavedCopyNotice saved_at=loaded.saved_at/>
                                <ArticleView article=loaded.value font_scale=font_scale cities=cities world=world/>
                            };
                            if print_view {
                                view! {
                                    <Title text=title/>
                                    <div class="print-view">
                                        <PrintToolbar id=id/>
                                        {view}
                                    </div>
                                }
                                .into_any()
                            } else {
                                view! { <Title text=title/>{view} }.into_any()
                            }
                        }
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
                })}
            </Suspense>
        }
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
