//! Pages rendered ahead of time, for `cargo xtask publish`: the app's own
//! views rendered to HTML natively (`RenderHtml::to_html`), given the data
//! they would have loaded. There is no second template of any page: the
//! header, the article, the column and the map page are the components the
//! browser runs, so a published page cannot drift from the app.
//!
//! Rendering happens with no async executor running: effects (which only
//! make sense in a browser) never run, and nothing a component does at
//! render time may touch the browser (origin, today's date, storage and the
//! router come from context or props).

use std::sync::{Arc, Once};

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::provide_meta_context;
use reader_core::linking::NameMatcher;
use reader_core::pagination::{PageNumber, Pages};
use reader_core::partners::counts;
use reader_core::reading::furigana::offers_furigana;
use reader_core::world::World;
use reader_core::{Article, Cities, Column, FontScale, Id};

use crate::article::article_view::ArticleView;
use crate::i18n::{td_string, Locale};
use crate::language;
use crate::map::partners_view::{Mentions, PartnersView};
use crate::pages::article::PrintView;
use crate::pages::column::ColumnList;
use crate::reading_aids::{ArticleAids, FuriganaReadings};
use crate::search::SearchPublished;
use crate::shell::PageFrame;
use crate::state::{AheadOfTime, SiteName, SiteOrigin, ThisYear};
use crate::text;
use reader_core::route::AppRoute;

/// What every page of the site is rendered with.
pub struct Site {
    /// The public origin (`https://…`): the printed footer's address.
    pub origin: String,
    pub column: Arc<Column>,
    /// The partner cities, if the site has them.
    pub cities: Option<Arc<Cities>>,
    /// Partner names to link in article text, built once for all pages.
    pub matcher: Option<Arc<NameMatcher>>,
    pub world: Option<Arc<World>>,
    /// For each partner, the column's articles naming it.
    pub mentions: Arc<Mentions>,
}

/// A page of the site.
pub enum Page {
    /// `/`, or `/page/{n}`: the column's page `page`.
    Column { page: PageNumber },
    /// `/news/{id}`, or its print view.
    Article { article: Arc<Article>, print: bool },
    /// `/partners`, or `/partners/{id}` with that partner selected.
    Partners { selected: Option<Id> },
    /// `/search`: the search box, and for a reader without scripts, that
    /// searching needs them.
    Search,
}

impl Page {
    /// The route this page is published for.
    pub fn route(&self) -> AppRoute {
        match self {
            Page::Column { page } => AppRoute::column_page(*page),
            Page::Article {
                article,
                print: false,
            } => AppRoute::Article(article.id.clone()),
            Page::Article {
                article,
                print: true,
            } => AppRoute::ArticlePrint(article.id.clone()),
            Page::Partners { selected: None } => AppRoute::Partners,
            Page::Partners { selected: Some(id) } => AppRoute::Partner(id.clone()),
            Page::Search => AppRoute::Search,
        }
    }
}

/// The body of `page` in `lang` as the app renders it: header, main
/// content, footer.
pub fn render(site: &Site, page: &Page, lang: Locale) -> String {
    without_effects();
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_meta_context();
        provide_context(AheadOfTime);
        language::provide(lang);
        provide_context(SiteName(Signal::stored(Some(
            site.column.about.title.clone(),
        ))));
        provide_context(SiteOrigin(site.origin.trim_end_matches('/').to_owned()));
        provide_context(ThisYear(this_year()));
        let content = match page {
            Page::Column { page } => {
                view! { <ColumnList column=site.column.clone() page=*page/> }.into_any()
            }
            Page::Article { article, print } => {
                let aids = ArticleAids {
                    // The app's rule: offered for an article in Japanese.
                    readings: Signal::stored(if offers_furigana(article) {
                        FuriganaReadings::Offered
                    } else {
                        FuriganaReadings::NotOffered
                    }),
                    ..ArticleAids::default()
                };
                let view = view! {
                    <ArticleView
                        article=article.clone()
                        font_scale=RwSignal::new(FontScale::default())
                        cities=Signal::stored(site.cities.clone())
                        matcher=Signal::stored(site.matcher.clone())
                        // Paper only: the still map's countries would more than
                        // double the page; the app adds them when it runs.
                        world=Signal::stored(None)
                        aids=aids
                    />
                };
                if *print {
                    let id = article.id.clone();
                    view! { <PrintView id=id>{view}</PrintView> }.into_any()
                } else {
                    view.into_any()
                }
            }
            Page::Partners { selected } => match &site.cities {
                Some(cities) => view! {
                    <PartnersView
                        cities=cities.clone()
                        world=site.world.clone()
                        selected_id=Signal::stored(selected.as_ref().map(Id::to_string))
                        mentions=Signal::stored(Some(site.mentions.clone()))
                        on_navigate=Callback::new(|_| {})
                    />
                }
                .into_any(),
                None => ().into_any(),
            },
            Page::Search => view! { <SearchPublished/> }.into_any(),
        };
        // Rendered once: read untracked (there is nothing to update).
        untrack(|| view! { <PageFrame>{content}</PageFrame> }.to_html())
    });
    drop(owner);
    html
}

/// The page's document title in `lang`, as the app's `<Title>` sets it.
pub fn title(site: &Site, page: &Page, lang: Locale) -> String {
    match page {
        Page::Column { page } => text::column_page_title(&site.column.about.title, *page, lang),
        Page::Article { article, .. } => article.title.clone(),
        Page::Partners { selected } => {
            let heading = td_string!(lang, partners_title);
            let name = selected.as_ref().and_then(|id| {
                let cities = site.cities.as_ref()?;
                let partner = cities.partners.iter().find(|p| &p.id == id)?;
                Some(partner.names.text(lang.as_str()).to_owned())
            });
            match name {
                Some(name) => format!("{name} | {heading}"),
                None => heading.to_owned(),
            }
        }
        Page::Search => td_string!(lang, search_title).to_owned(),
    }
}

/// A one-line description of a page that is not an article, in `lang`:
/// the newest titles the column's page lists; the partner's summary, or
/// the map's counts.
pub fn description(site: &Site, page: &Page, lang: Locale) -> String {
    match page {
        Page::Column { .. } | Page::Article { .. } => {
            let number = match page {
                Page::Column { page } => *page,
                _ => PageNumber::FIRST,
            };
            let shown = Pages::column(site.column.articles.len())
                .items_on(number)
                .unwrap_or_default();
            site.column.articles[shown]
                .iter()
                .take(3)
                .map(|entry| entry.title.as_str())
                .collect::<Vec<_>>()
                .join(" / ")
        }
        Page::Partners { selected } => {
            let Some(cities) = &site.cities else {
                return td_string!(lang, map_unavailable).to_owned();
            };
            let summary = selected.as_ref().and_then(|id| {
                let partner = cities.partners.iter().find(|p| &p.id == id)?;
                Some(partner.summary.as_ref()?.text(lang.as_str()).to_owned())
            });
            summary.unwrap_or_else(|| {
                format!(
                    "{} {}",
                    cities.home.names.text(lang.as_str()),
                    text::counts_sentence(counts(&cities.partners), lang)
                )
            })
        }
        Page::Search => td_string!(lang, search_site).to_owned(),
    }
}

/// This year, by the publisher's clock.
pub fn this_year() -> u16 {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    u16::try_from(reader_core::date::year_of_unix_time(seconds)).unwrap_or(u16::MAX)
}

/// Leptos schedules effects on an async executor; published pages have
/// none to run (effects are for the browser), so every task is dropped.
fn without_effects() {
    static INIT: Once = Once::new();
    INIT.call_once(|| {
        let _ = any_spawner::Executor::init_custom_executor(NoTasks);
    });
}

struct NoTasks;

impl any_spawner::CustomExecutor for NoTasks {
    fn spawn(&self, _fut: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _fut: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use reader_core::{decode_article, decode_cities, decode_column};

    fn data(path: &str) -> Vec<u8> {
        std::fs::read(format!("{}/public/data/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    fn site() -> Site {
        let cities = Arc::new(decode_cities(data("cities.json")).unwrap());
        Site {
            origin: "https://news.example".into(),
            column: Arc::new(decode_column(data("articles/index.json")).unwrap()),
            matcher: Some(Arc::new(NameMatcher::for_partners(&cities.partners))),
            cities: Some(cities),
            world: None,
            mentions: Arc::new(Mentions::new()),
        }
    }

    fn seed() -> Arc<Article> {
        let id = Id::parse("595305").unwrap();
        Arc::new(decode_article(&id, data("articles/595305.json")).unwrap())
    }

    #[test]
    fn an_article_renders_as_the_app_shows_it() {
        let article = seed();
        let html = render(
            &site(),
            &Page::Article {
                article: article.clone(),
                print: false,
            },
            Locale::ja,
        );
        // The title as one sentence (the unit read aloud) in its heading.
        let markup = html.replace("<!>", "");
        assert!(
            markup.contains(&format!("{}</span></h1>", article.title)),
            "{html}"
        );
        assert!(html.contains("文字サイズ"));
        assert!(html.contains("2021年10月14日"));
        assert!(
            html.contains(r#"href="/partners/hirakata""#),
            "partner names are linked"
        );
        assert!(html.contains("https://news.example/news/595305"));
        assert!(html.contains("長寧ニューズ"));
    }

    #[test]
    fn furigana_is_offered_for_articles_in_japanese() {
        let page = |lang: Option<&str>| {
            let mut article = (*seed()).clone();
            article.lang = lang.map(str::to_owned);
            Page::Article {
                article: Arc::new(article),
                print: false,
            }
        };
        for lang in [None, Some("ja"), Some("ja-JP")] {
            let html = render(&site(), &page(lang), Locale::ja);
            // Pressed before the app runs, it is kept for the app (the
            // page's own script fetches it then), which fetches the readings.
            let toggle = html
                .split("<button")
                .find(|button| button.contains("ふりがな"))
                .unwrap_or_else(|| panic!("a furigana button for {lang:?}: {html}"));
            assert!(
                toggle.contains("data-prelude=\"queue:furigana\""),
                "{toggle}"
            );
            assert!(!toggle.contains("disabled"), "{toggle}");
        }
        for lang in ["zh", "en"] {
            let html = render(&site(), &page(Some(lang)), Locale::ja);
            assert!(!html.contains("ふりがな"), "{lang}");
        }
    }

    #[test]
    fn the_print_view_has_its_toolbar_as_the_app_shows_it() {
        let html = render(
            &site(),
            &Page::Article {
                article: seed(),
                print: true,
            },
            Locale::ja,
        );
        let toolbar = html
            .split(r#"class="print-view__toolbar""#)
            .nth(1)
            .expect("the print view's toolbar");
        assert!(toolbar.contains(r#"href="/news/595305""#), "{toolbar}");
        assert!(toolbar.contains("印刷"));
        // The frame every page has: one main landmark, the skip link's target.
        assert_eq!(html.matches(r#"<main id="main""#).count(), 1);
    }

    #[test]
    fn every_language_renders() {
        let page = Page::Article {
            article: seed(),
            print: false,
        };
        assert!(render(&site(), &page, Locale::en).contains("Text size"));
        assert!(render(&site(), &page, Locale::zh).contains("字号"));
    }

    #[test]
    fn markup_in_data_is_escaped() {
        let mut article = (*seed()).clone();
        article.title = "<script>alert(1)</script>".into();
        let html = render(
            &site(),
            &Page::Article {
                article: Arc::new(article),
                print: false,
            },
            Locale::ja,
        );
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    /// The sample's column with `count` articles, `a1` the newest.
    fn column_of(count: usize) -> Arc<Column> {
        let mut column = (*site().column).clone();
        let entry = column.articles[0].clone();
        column.articles = (1..=count)
            .map(|n| reader_core::ColumnEntry {
                id: Id::parse(&format!("a{n}")).unwrap(),
                title: format!("記事{n}番"),
                ..entry.clone()
            })
            .collect();
        Arc::new(column)
    }

    #[test]
    fn a_column_page_lists_its_thirty_and_leads_to_the_others() {
        let site = Site {
            column: column_of(95),
            ..site()
        };
        let page = |n| Page::Column {
            page: PageNumber::new(n).unwrap(),
        };
        let second = render(&site, &page(2), Locale::ja);
        let listed = second.matches(r#"<li class="column__entry""#).count();
        assert_eq!(listed, 30);
        assert!(second.contains(r#"href="/news/a31""#) && second.contains(r#"href="/news/a60""#));
        assert!(!second.contains(r#"href="/news/a30""#) && !second.contains(r#"href="/news/a61""#));
        assert!(
            second.contains(r#"<nav aria-label="ページ" class="column-pages""#),
            "{second}"
        );
        assert!(second.contains(r#"href="/" rel="prev""#), "{second}");
        assert!(second.contains(r#"href="/page/3" rel="next""#), "{second}");
        assert!(second.contains(r#"href="/page/2" aria-label="2ページ目" aria-current="page""#));
        assert_eq!(title(&site, &page(2), Locale::en), "長寧ニューズ, page 2");
        assert_eq!(title(&site, &page(1), Locale::en), "長寧ニューズ");
        assert_eq!(
            description(&site, &page(2), Locale::ja),
            "記事31番 / 記事32番 / 記事33番"
        );
        let last = render(&site, &page(4), Locale::zh);
        assert_eq!(last.matches(r#"<li class="column__entry""#).count(), 5);
        assert!(last.contains(r#"aria-label="页码""#) && !last.contains(r#"rel="next""#));
        let only = render(
            &Site {
                column: column_of(30),
                ..site
            },
            &page(1),
            Locale::ja,
        );
        assert!(
            !only.contains("column-pages"),
            "one page needs no navigation"
        );
    }

    #[test]
    fn the_column_and_the_map_render() {
        let first = Page::Column {
            page: PageNumber::FIRST,
        };
        let column = render(&site(), &first, Locale::ja);
        assert!(column.contains(r#"href="/news/595305""#));
        let map = render(
            &site(),
            &Page::Partners {
                selected: Id::parse("sopot"),
            },
            Locale::ja,
        );
        assert!(map.contains("ソポト市"), "{map}");
        assert!(map.contains("提携都市"));
    }

    #[test]
    fn the_search_page_has_the_box_and_says_search_needs_scripts() {
        for (lang, name, needs) in [
            (Locale::ja, "検索", "検索にはJavaScriptが必要です"),
            (Locale::zh, "搜索", "搜索需要 JavaScript"),
            (Locale::en, "Search", "Search needs JavaScript"),
        ] {
            let page = render(&site(), &Page::Search, lang);
            assert!(
                page.contains(r#"role="search" action="/search" method="get""#),
                "{page}"
            );
            assert!(page.contains(r#"type="search" name="q""#), "{page}");
            assert!(page.contains(&format!(r#"aria-label="{name}""#)), "{page}");
            let without = page
                .find(r#"class="search__without-script""#)
                .expect("the word for a reader without scripts");
            assert!(page[without..].contains(needs), "{page}");
            assert_eq!(title(&site(), &Page::Search, lang), name);
        }
        // Every other page has the box too, empty.
        let first = Page::Column {
            page: PageNumber::FIRST,
        };
        let column = render(&site(), &first, Locale::ja);
        assert!(column.contains(r#"role="search""#));
        assert!(column.contains(r#"name="q" value="""#), "{column}");
    }
}
