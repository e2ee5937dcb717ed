use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos_meta::Title;
use reader_core::linking::NameMatcher;
use reader_core::print::partner_rows;
use reader_core::reading::furigana::offers_furigana;
use reader_core::route::AppRoute;
use reader_core::{Article, Cities, Id, LoadError};

use super::furigana::{article_readings, ArticleReadings};
use super::not_found::{Missing, NotFoundMessage};
use crate::api::{self, Loaded};
use crate::article::article_view::ArticleView;
use crate::handover;
use crate::i18n::td_string;
use crate::language::{use_language, Language};
use crate::offline::SavedCopyNotice;
use crate::reading_aids::{ArticleAids, ColourThemeSetting, FuriganaSetting};
use crate::shell::load_error::{LoadErrorView, Loading};
use crate::text;
use crate::{CitiesData, ColumnData, FontScaleSetting};

/// `/news/{id}/print`: the article as it prints, with a print button and
/// a way back (both hidden on paper).
#[component]
pub fn ArticlePrintPage() -> impl IntoView {
    view! { <ArticlePage print_view=true/> }
}

/// `/news/{id}`: one article, or why it cannot be shown. The article shows
/// as soon as its own file is here; what the partner cities add (links in
/// its text, the list of partners, the printed table) and the printed
/// map's world outline follow when they arrive.
#[component]
pub fn ArticlePage(
    /// Show the paper layout on screen (the print view).
    #[prop(optional)]
    print_view: bool,
) -> impl IntoView {
    let route = crate::navigation::use_current_route();
    // Printing waits for what paper shows (a part of the app of its own).
    let print_gate = crate::print::PrintGate::provide();
    let font_scale = expect_context::<FontScaleSetting>().0;
    let lang = use_language();
    let article = LocalResource::new(move || {
        let id = route
            .article_id()
            .map(|id| id.to_string())
            .unwrap_or_default();
        async move { api::load_article(&id).await }
    });
    let cities_data = expect_context::<CitiesData>();
    let column_data = expect_context::<ColumnData>();
    // The page says it shows saved data when any of it is: the article, or
    // the partner cities behind its links, list and printed map.
    let cities_page = cities_data.for_page();
    let (cities, cities_saved_at) = (cities_page.value(), cities_page.saved_at());
    let completion = handover::Completion::of_page();
    let matcher = partner_matcher(cities);
    let kiosk = crate::kiosk_mode::is_kiosk();
    let world = printed_world(article, cities);
    let (aids, readings) = reading_aids(article);
    // What the page could not load for now, if anything (a published page
    // then stays: `handover`): the site's name, the partners and, on the
    // print view (which shows them before it is complete), the parts of the
    // app for paper. The retry asks again for each of them.
    let others_failed = move || {
        column_data.failed() || cities_data.failed() || (print_view && print_gate.part_missing())
    };
    let retry = Callback::new(move |_| {
        column_data.retry();
        cities_data.retry();
        print_gate.retry_parts();
        if article.with_untracked(|a| handover::failed_for_now(a.as_ref())) {
            article.refetch();
        }
    });
    view! {
        <Suspense fallback=Loading>
            {move || { completion.pending(); Suspend::new(async move {
                match article.await {
                    Ok(loaded) => {
                        // Complete once it shows what a published page shows: the
                        // site's name, the partners and their names linked.
                        completion.unless_failed(move || {
                            column_data.settled()
                                && cities_data.settled()
                                && readings.known.get()
                                && (kiosk || cities.with(Option::is_none) || matcher.with(Option::is_some))
                                // The print view shows on screen what paper shows.
                                && (!print_view || print_gate.is_open())
                        }, others_failed, retry);
                        let (title, id) = (loaded.value.title.clone(), loaded.value.id.clone());
                        let saved_at = older_saved_copy(loaded.saved_at, cities_saved_at);
                        let view = view! {
                            <SavedCopyNotice saved_at=saved_at/>
                            <ArticleView article=loaded.value font_scale=font_scale cities=cities matcher=matcher world=world aids=aids/>
                        };
                        framed(title, id, print_view, view.into_any())
                    }
                    Err(LoadError::NotFound { .. }) => {
                        completion.when(move || column_data.settled());
                        view! { <NotFoundMessage missing=Missing::Article/> }.into_any()
                    }
                    Err(error) => {
                        // Not final (`LoadError::is_final`): a published page stays.
                        completion.unless_failed(|| false, || true, retry);
                        article_error(error, article, lang)
                    }
                }
            })}}
        </Suspense>
    }
}

/// When what the page shows was saved: the older of the article's and the
/// cities' times, if either is a saved copy.
fn older_saved_copy(
    article: Option<String>,
    cities: Signal<Option<String>>,
) -> Signal<Option<String>> {
    Signal::derive(move || match (article.clone(), cities.get()) {
        (Some(a), Some(c)) => Some(a.min(c)),
        (a, c) => a.or(c),
    })
}

/// The article's view under its title; on the print view, in its frame.
fn framed(title: String, id: Id, print_view: bool, view: AnyView) -> AnyView {
    if print_view {
        view! {
            <Title text=title/>
            <PrintView id=id>{view}</PrintView>
        }
        .into_any()
    } else {
        view! { <Title text=title/>{view} }.into_any()
    }
}

/// Why the article could not be loaded for now, with a retry; the title
/// says so unless a published page of it stays in view.
fn article_error(error: LoadError, article: ArticleResource, lang: Language) -> AnyView {
    let title = {
        let error = error.clone();
        move || text::describe(&error, lang.get()).0
    };
    let title = (!handover::published_in_view()).then(|| view! { <Title text=title/> });
    view! {
        {title}
        <LoadErrorView error=error on_retry=move |_| article.refetch()/>
    }
    .into_any()
}

/// The article as its page loads it.
type ArticleResource = LocalResource<Result<Loaded<Article>, LoadError>>;

/// The printed map's world outline, once there is something to show on it.
fn printed_world(
    article: ArticleResource,
    cities: Signal<Option<Arc<Cities>>>,
) -> Signal<Option<Arc<reader_core::world::World>>> {
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
        || async {
            let world = api::load_world().await.ok();
            // Projected and drawn in a task of its own, not the one that decoded it.
            crate::background::next_task().await;
            world
        },
    );
    Signal::derive(move || world.get().flatten())
}

/// The reading aids the article view gets, and its readings (furigana),
/// loaded once the reader turns furigana on for an article in Japanese.
fn reading_aids(article: ArticleResource) -> (ArticleAids, ArticleReadings) {
    let furigana = expect_context::<FuriganaSetting>();
    let loaded = move |read: fn(&Article) -> Option<Id>| {
        article.with(|a| {
            a.as_ref()
                .and_then(|a| a.as_ref().ok())
                .and_then(|a| read(&a.value))
        })
    };
    let article_id = Signal::derive(move || loaded(|a| Some(a.id.clone())));
    let offers =
        Signal::derive(move || loaded(|a| offers_furigana(a).then(|| a.id.clone())).is_some());
    let on_server = Signal::derive(move || {
        article.with(|a| {
            a.as_ref()
                .and_then(|a| a.as_ref().ok())
                .and_then(|a| a.readings_on_server)
        })
    });
    let readings = article_readings(article_id, offers, on_server, furigana.0);
    let aids = ArticleAids {
        theme: ColourThemeSetting::use_context(),
        furigana,
        readings: readings.readings,
    };
    (aids, readings)
}

/// The partner names to link in the article's text, built once the cities
/// are here and the article has painted (with many partners it takes a
/// moment). None on a kiosk: there the list below the article leads to the
/// partners, with targets big enough for fingers.
fn partner_matcher(cities: Signal<Option<Arc<Cities>>>) -> Signal<Option<Arc<NameMatcher>>> {
    let matcher = RwSignal::new(None::<Arc<NameMatcher>>);
    let kiosk = crate::kiosk_mode::is_kiosk();
    Effect::new(move |_| {
        if let Some(cities) = cities.get().filter(|_| !kiosk) {
            // After the next paint: a frame, then a task.
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        let built = NameMatcher::for_partners(&cities.partners);
                        let _ = matcher.try_set(Some(Arc::new(built)));
                    },
                    Duration::ZERO,
                )
            });
        }
    });
    matcher.into()
}

/// The print view (`/news/{id}/print`): the article as paper shows it, with
/// its own controls above it (hidden on paper).
#[component]
pub fn PrintView(id: reader_core::Id, children: Children) -> impl IntoView {
    view! {
        <div class="print-view">
            <PrintToolbar id=id/>
            {children()}
        </div>
    }
}

/// The print view's own controls: print, and back to the article.
#[component]
fn PrintToolbar(id: reader_core::Id) -> impl IntoView {
    let lang = use_language();
    let gate = crate::print::PrintGate::use_context();
    view! {
        <div class="print-view__toolbar">
            <button type="button" class="print-view__print button-primary needs-script" data-prelude="print" on:click=move |_| crate::print::print(gate)>
                {move || td_string!(lang.get(), print)}
            </button>
            <a class="print-view__back" href=AppRoute::Article(id.clone()).href()>{move || td_string!(lang.get(), back_to_article)}</a>
        </div>
    }
}
