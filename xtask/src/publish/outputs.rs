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

use std::path::PathBuf;
use std::sync::Arc;

use changning_reader::i18n::Locale;
use changning_reader::language;
use changning_reader::prerender::{self, Page, Site};
use rayon::prelude::*;
use reader_core::linking::NameMatcher;
use reader_core::meta::{describe_article, PageKind, PageMeta, LANGUAGES};
use reader_core::pagination::{PageNumber, Pages};
use reader_core::{Article, Block};
use sha2::{Digest, Sha256};

use super::feed::{self, Sourced};
use super::site_data::SiteData;
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

/// How a file is made.
pub enum Make {
    /// A page of the app in an interface language; the article's
    /// description for an article's page.
    Page {
        page: Arc<(String, Page, Option<String>)>,
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
        let matcher = data
            .cities
            .as_ref()
            .map(|c| Arc::new(NameMatcher::for_partners(&c.partners)));
        let site = Site {
            origin: origin.to_owned(),
            column: data.column.clone(),
            cities: data.cities.clone(),
            mentions: Arc::new(data.mentions(matcher.as_deref())),
            matcher,
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
                .value(&data.column.articles[shown])
                .hex()
        };
        let mut outputs: Vec<Output> = pages
            .par_iter()
            .flat_map_iter(|page| {
                let shows = match &page.1 {
                    Page::Column { page } => column_page(page),
                    Page::Article { article, print } => Recipe::new("article")
                        .article(article)
                        .value(&page.2)
                        .value(print)
                        .part(&cities)
                        .hex(),
                    Page::Partners { selected } => {
                        Recipe::new("partners").value(selected).part(&map).hex()
                    }
                };
                let every_page = &every_page;
                LANGUAGES.into_iter().map(move |lang| Output {
                    path: page_file(lang, &page.1.route()),
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

    fn page(&self, page: &(String, Page, Option<String>), lang: &str) -> Result<String, String> {
        let (path, page, description) = page;
        let locale: Locale =
            language::parse(lang).ok_or_else(|| format!("no interface language {lang}"))?;
        let kind = match page {
            Page::Article { article, .. } => PageKind::Article {
                headline: article.title.clone(),
                published: article.published,
                article_lang: article.lang.clone().unwrap_or_else(|| "ja".into()),
            },
            _ => PageKind::Website,
        };
        let meta = PageMeta {
            title: prerender::title(&self.site, page, locale),
            description: reader_core::meta::shorten(
                &description
                    .clone()
                    .unwrap_or_else(|| prerender::description(&self.site, page, locale)),
            ),
            origin: self.origin.clone(),
            path: path.clone(),
            lang: lang.to_owned(),
            site_name: self.site_name.clone(),
            publisher: self.publisher.clone(),
            kind,
        };
        let body = prerender::render(&self.site, page, locale);
        page_html(&self.shell, &meta, &body)
    }
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

/// Each page once per route: its address, the page, its description (for
/// an article). An article's pages are next to each other, so that one
/// thread renders them one after another.
fn pages(data: &SiteData) -> Vec<Arc<(String, Page, Option<String>)>> {
    let mut pages = Vec::new();
    let mut add = |page: Page, description: Option<String>| {
        pages.push(Arc::new((page.route().href(), page, description)));
    };
    for page in Pages::column(data.column.articles.len()).all() {
        add(Page::Column { page }, None);
    }
    for (article, summary) in &data.articles {
        let description = describe_article(article, summary.as_deref());
        for print in [false, true] {
            let page = Page::Article {
                article: article.clone(),
                print,
            };
            add(page, Some(description.clone()));
        }
    }
    if let Some(cities) = &data.cities {
        add(Page::Partners { selected: None }, None);
        for partner in &cities.partners {
            let selected = Some(partner.id.clone());
            add(Page::Partners { selected }, None);
        }
    }
    pages
}
