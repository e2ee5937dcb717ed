//! Every file publish writes, as a list: its path below the published
//! folder, a digest of everything it is made from, and how to make it. A new
//! kind of page or file is one more item of the list.
//!
//! A file's digest ([`Recipe`]) covers the publisher itself (this
//! executable), the shell (`index.html`, which names the app build's hashed
//! files), the origin, the year and the site's name, the language, and the
//! data the file shows: an article's page its article, its summary and the
//! partner cities (whose names it links); the column its entries; the map's
//! pages the cities, the world and which articles name each partner. A run
//! makes only the files whose digest differs from the one recorded when
//! they were last written (`records.rs`).
//!
//! The list holds an article in outline (`site_data::ArticleOutline`): its
//! digest, date and description. Its text is read again where its page is
//! made, on the thread that makes it, so a run holds only the articles
//! being rendered, whatever the archive's size.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use changning_reader::i18n::Locale;
use changning_reader::language;
use changning_reader::prerender::{self, Page, Site};
use rayon::prelude::*;
use reader_core::meta::{PageKind, PageMeta, LANGUAGES};
use reader_core::pagination::{PageNumber, Pages};
use reader_core::route::AppRoute;
use reader_core::{Article, Block, ColumnEntry, Id, IsoDate};
use sha2::{Digest, Sha256};

use super::feed::{self, Sourced};
use super::site_data::{ArticleOutline, SiteData};
use super::{page_file, page_html};

/// A digest of what a file is made from, part by part.
#[derive(Clone)]
pub struct Recipe(Sha256);

impl Recipe {
    pub fn new(kind: &str) -> Self {
        Self(Sha256::new()).part(kind)
    }

    /// Adds one part (its length first, so parts cannot run into each other).
    pub fn part(mut self, bytes: impl AsRef<[u8]>) -> Self {
        let bytes = bytes.as_ref();
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    /// Adds a value by its `Debug` form: every field it has.
    pub fn value(self, value: &(impl std::fmt::Debug + ?Sized)) -> Self {
        self.part(format!("{value:?}"))
    }

    /// Adds an article's texts as they are (`value` would escape every
    /// character of the body for its `Debug` form, three quarters of a run's
    /// time at 10,000 articles, perf); a new kind of block does not compile
    /// until it is added here.
    pub fn article_texts(mut self, article: &Article) -> Self {
        self = self
            .value(&article.id)
            .value(&article.lang)
            .part(&article.title);
        for block in &article.blocks {
            self = match block {
                Block::Paragraph { text } => self.part("p").part(text),
                Block::Heading { text } => self.part("h").part(text),
                Block::Image { src, alt, caption } => {
                    self.part("i").part(src).part(alt).value(caption)
                }
                Block::Notice(notice) => self.part("n").value(notice),
            };
        }
        self
    }

    /// Adds column entries, each field as it is (not by `value`: its
    /// `Debug` form escapes every character of the titles and summaries,
    /// for every column page on every run, perf).
    pub fn column_entries(mut self, entries: &[ColumnEntry]) -> Self {
        for entry in entries {
            let ColumnEntry {
                id,
                title,
                published,
                summary,
                index,
            } = entry;
            self = self
                .part(id.as_str())
                .part(title)
                .value(published)
                .value(&summary.is_some())
                .part(summary.as_deref().unwrap_or_default())
                .value(index);
        }
        self
    }

    /// Adds all of an article: its texts and every other field.
    pub fn article(self, article: &Article) -> Self {
        let Article {
            id: _,
            lang: _,
            title: _,
            blocks: _,
            published,
            views,
            breadcrumbs,
            partners,
            notices,
        } = article;
        self.article_texts(article)
            .value(published)
            .value(views)
            .value(breadcrumbs)
            .value(partners)
            .value(notices)
    }

    pub fn hex(self) -> String {
        self.0
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// A page of the site as planned: an article's by its outline.
pub enum Planned {
    /// `/`, or `/page/{n}`: the column's page `page`.
    Column { page: PageNumber },
    /// `/news/{id}`, or its print view.
    Article {
        article: Arc<ArticleOutline>,
        print: bool,
    },
    /// `/partners`, or `/partners/{id}` with that partner selected.
    Partners { selected: Option<Id> },
    /// `/search`: the box, and a word for a reader without scripts.
    Search,
}

impl Planned {
    /// The route this page is published for.
    pub fn route(&self) -> AppRoute {
        match self {
            Planned::Column { page } => AppRoute::column_page(*page),
            Planned::Article {
                article,
                print: false,
            } => AppRoute::Article(article.id.clone()),
            Planned::Article {
                article,
                print: true,
            } => AppRoute::ArticlePrint(article.id.clone()),
            Planned::Partners { selected: None } => AppRoute::Partners,
            Planned::Partners { selected: Some(id) } => AppRoute::Partner(id.clone()),
            Planned::Search => AppRoute::Search,
        }
    }

    /// The day its content was published, for an article's page.
    pub fn published(&self) -> Option<IsoDate> {
        match self {
            Planned::Article { article, .. } => Some(article.published),
            _ => None,
        }
    }
}

/// A planned page and its address.
pub struct PlannedPage {
    pub href: String,
    pub page: Planned,
}

/// How a file is made.
pub enum Make {
    /// A page of the app in an interface language.
    Page {
        page: Arc<PlannedPage>,
        lang: &'static str,
    },
    /// Text made when the list was made (feed, sitemap, robots.txt).
    Text(String),
}

/// One file to publish.
pub struct Output {
    /// Below the published folder.
    pub path: PathBuf,
    /// The digest of everything it is made from.
    pub made_from: String,
    pub make: Make,
}

/// Every file of the site and what they are rendered with.
pub struct Plan {
    pub site: Site,
    pub outputs: Vec<Output>,
    /// The site's folder, where articles are read again.
    articles_from: PathBuf,
    shell: String,
    origin: String,
    site_name: String,
    publisher: String,
}

impl Plan {
    /// The list of every file for `data`, each with its digest.
    pub fn new(
        data: &SiteData,
        origin: &str,
        shell: &str,
        publisher_version: &str,
        notes: &mut Vec<String>,
    ) -> Plan {
        let site = Site {
            origin: origin.to_owned(),
            column: data.column.clone(),
            cities: data.cities.clone(),
            mentions: Arc::new(data.mentions()),
            matcher: data.matcher.clone(),
            world: data.world.clone(),
        };
        let publisher = publisher_of(data);
        let every_page = Recipe::new("every page")
            .part(publisher_version)
            .part(shell)
            .part(origin)
            .value(&prerender::this_year())
            .value(&data.column.about)
            .part(&publisher.text);
        let cities = Recipe::new("cities").value(&data.cities).hex();
        let map = Recipe::new("map")
            .part(&cities)
            .value(&data.world)
            .value(&site.mentions)
            .hex();
        let pages = pages(data);
        let column_pages = Pages::column(data.column.articles.len());
        let column_page = |page: &PageNumber| {
            // What a column page shows: the column's title and notices, the
            // entries on it and the page numbers its navigation names.
            let shown = column_pages.items_on(*page).unwrap_or_default();
            Recipe::new("column page")
                .value(&data.column.about)
                .value(&data.column.notices)
                .value(page)
                .value(&column_pages.last())
                .column_entries(&data.column.articles[shown])
                .hex()
        };
        let mut outputs: Vec<Output> = pages
            .par_iter()
            .flat_map_iter(|page| {
                let shows = match &page.page {
                    Planned::Column { page } => column_page(page),
                    // The article's digest covers every field of it; its
                    // description is made from it and the column's summary.
                    Planned::Article { article, print } => Recipe::new("article")
                        .part(&article.digest)
                        .part(&article.description)
                        .value(print)
                        .part(&cities)
                        .hex(),
                    Planned::Partners { selected } => {
                        Recipe::new("partners").value(selected).part(&map).hex()
                    }
                    Planned::Search => Recipe::new("search").hex(),
                };
                let every_page = &every_page;
                LANGUAGES.into_iter().map(move |lang| Output {
                    path: page_file(lang, &page.page.route()),
                    made_from: every_page.clone().part(lang).part(&shows).hex(),
                    make: Make::Page {
                        page: page.clone(),
                        lang,
                    },
                })
            })
            .collect();
        let mut texts = vec![
            (
                PathBuf::from("feed.xml"),
                feed::atom(data, origin, &publisher, notes),
            ),
            (
                PathBuf::from("robots.txt"),
                format!("User-agent: *\nAllow: /\n\nSitemap: {origin}/sitemap.xml\n"),
            ),
        ];
        texts.extend(feed::sitemaps(
            pages.iter().map(|p| &**p),
            &data.column,
            origin,
            notes,
        ));
        for (path, text) in texts {
            outputs.push(Output {
                path,
                made_from: Recipe::new("text").part(&text).hex(),
                make: Make::Text(text),
            });
        }
        Plan {
            site,
            outputs,
            articles_from: data.site.clone(),
            shell: shell.to_owned(),
            origin: origin.to_owned(),
            site_name: data.column.about.title.clone(),
            publisher: publisher.text,
        }
    }

    /// The bytes of `output`.
    pub fn make(&self, output: &Output) -> Result<String, String> {
        match &output.make {
            Make::Text(text) => Ok(text.clone()),
            Make::Page { page, lang } => self.page(page, lang),
        }
    }

    fn page(&self, planned: &PlannedPage, lang: &str) -> Result<String, String> {
        let locale: Locale =
            language::parse(lang).ok_or_else(|| format!("no interface language {lang}"))?;
        let (page, description) = match &planned.page {
            Planned::Column { page } => (Page::Column { page: *page }, None),
            Planned::Article { article, print } => (
                Page::Article {
                    article: read_again(article, &self.articles_from)?,
                    print: *print,
                },
                Some(article.description.clone()),
            ),
            Planned::Partners { selected } => (
                Page::Partners {
                    selected: selected.clone(),
                },
                None,
            ),
            Planned::Search => (Page::Search, None),
        };
        let kind = match &page {
            Page::Article { article, .. } => PageKind::Article {
                headline: article.title.clone(),
                published: article.published,
                article_lang: article.lang.clone().unwrap_or_else(|| "ja".into()),
            },
            _ => PageKind::Website,
        };
        let meta = PageMeta {
            title: prerender::title(&self.site, &page, locale),
            description: reader_core::meta::shorten(
                &description.unwrap_or_else(|| prerender::description(&self.site, &page, locale)),
            ),
            origin: self.origin.clone(),
            path: planned.href.clone(),
            lang: lang.to_owned(),
            site_name: self.site_name.clone(),
            publisher: self.publisher.clone(),
            kind,
        };
        let body = prerender::render(&self.site, &page, locale);
        page_html(&self.shell, &meta, &body)
    }
}

thread_local! {
    /// The article this thread last read again, by its digest: an article's
    /// pages are made one after another on one thread (six of them), so it
    /// is read once for them, and a thread holds one article at most.
    static LAST_READ: RefCell<Option<(String, Arc<Article>)>> = const { RefCell::new(None) };
}

/// `article` read again from `site` (see `ArticleOutline::read_again`), or
/// the one this thread read last if it is the same.
fn read_again(article: &ArticleOutline, site: &Path) -> Result<Arc<Article>, String> {
    let last = LAST_READ.with_borrow(|last| {
        last.as_ref()
            .filter(|(digest, _)| *digest == article.digest)
            .map(|(_, read)| read.clone())
    });
    if let Some(read) = last {
        return Ok(read);
    }
    let read = Arc::new(article.read_again(site)?);
    LAST_READ.set(Some((article.digest.clone(), read.clone())));
    Ok(read)
}

/// Who publishes: the home district's name, else the column's title.
fn publisher_of(data: &SiteData) -> Sourced {
    match &data.cities {
        Some(cities) => {
            let (text, lang) = cities.home.names.pick("ja");
            Sourced {
                text: text.to_owned(),
                place: format!("cities.json: home.names.{lang}"),
            }
        }
        None => Sourced {
            text: data.column.about.title.clone(),
            place: "articles/index.json: column.title".to_owned(),
        },
    }
}

/// Each page once per route, with its address. An article's pages are
/// next to each other, so that one thread renders them one after another.
fn pages(data: &SiteData) -> Vec<Arc<PlannedPage>> {
    let mut pages = Vec::new();
    let mut add = |page: Planned| {
        pages.push(Arc::new(PlannedPage {
            href: page.route().href(),
            page,
        }));
    };
    for page in Pages::column(data.column.articles.len()).all() {
        add(Planned::Column { page });
    }
    for article in &data.articles {
        for print in [false, true] {
            add(Planned::Article {
                article: article.clone(),
                print,
            });
        }
    }
    if let Some(cities) = &data.cities {
        add(Planned::Partners { selected: None });
        for partner in &cities.partners {
            let selected = Some(partner.id.clone());
            add(Planned::Partners { selected });
        }
    }
    add(Planned::Search);
    pages
}
