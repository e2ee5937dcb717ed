//! Everything under a site's `data/`, read and checked with the app's own
//! decoders; every problem collected, so the newsroom sees them all at once.
//!
//! An article is kept in outline ([`ArticleOutline`]): what the plan, the
//! feed, the sitemap and the map need of it, and the digest of all of it.
//! Its text is read again where its pages and readings are made
//! ([`ArticleOutline::read_again`]), so that a run never holds the archive
//! (a 30,000-article run held every decoded article, 407 MiB with nothing
//! changed).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use changning_reader::map::partners_view::Mentions;
use reader_core::article::article_file;
use reader_core::cities::CITIES_FILE;
use reader_core::column::COLUMN_FILE;
use reader_core::error::Problem;
use reader_core::id::SeenIds;
use reader_core::kiosk::{decode_kiosk, KIOSK_FILE};
use reader_core::linking::{partners_named, NameMatcher, MENTION_SCAN_LIMIT};
use reader_core::meta::describe_article;
use reader_core::reading::dictionary::{decode_dictionary, Dictionary, DICTIONARY_FILE};
use reader_core::reading::furigana::offers_furigana;
use reader_core::route::article_id;
use reader_core::world::{decode_world, WORLD_FILE};
use reader_core::{
    decode_article, decode_cities, decode_column, Article, Block, Column, DataError, Id, IsoDate,
};

use super::furigana::{dictionary_recipe, readings_recipe};
use super::outputs::Recipe;
use super::site_files::{list_site_dir, read_site_file};

/// Everything under `data/`, validated.
pub struct SiteData {
    /// The site's folder, where articles are read again from.
    pub site: PathBuf,
    pub column: Arc<reader_core::Column>,
    /// Every article file in outline, the column's first (in its order).
    pub articles: Vec<Arc<ArticleOutline>>,
    pub cities: Option<Arc<reader_core::Cities>>,
    /// Partner names to link in article text, built once from the cities.
    pub matcher: Option<Arc<NameMatcher>>,
    pub world: Option<Arc<reader_core::world::World>>,
    /// The newsroom's readings of proper nouns (`readings.json`), if any.
    pub dictionary: Option<Dictionary>,
    pub warnings: Vec<String>,
}

/// Where an article's description comes from (`describe_article`'s choice).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DescribedBy {
    /// The column's summary of it.
    Summary,
    FirstParagraph,
    Title,
}

/// An article as a run plans with it, without its text: what its pages,
/// the feed, the sitemap and the map need of it, and the digest of all of
/// it, which its text read again must still have.
#[derive(Debug)]
pub struct ArticleOutline {
    pub id: Id,
    pub published: IsoDate,
    /// The language it is written in, as it says (`None`: it does not).
    pub lang: Option<String>,
    /// Its pages' description: the column's summary, else the start of its
    /// first paragraph, else its title.
    pub description: String,
    pub described_by: DescribedBy,
    /// A digest of every field of the article (`Recipe::article`).
    pub digest: String,
    /// What its readings file is made from, for an article in Japanese
    /// (`offers_furigana`); `None` for an article that has none.
    pub readings: Option<String>,
    /// The partners it names, for the map's panel: only for the column's
    /// newest `MENTION_SCAN_LIMIT` articles (which the map lists), else none.
    pub named: BTreeSet<Id>,
}

impl ArticleOutline {
    /// The outline of `article`, with the column's `summary` of it; the
    /// partners it names when `matcher` is given; its readings' digest with
    /// the newsroom's dictionary's (`dictionary`).
    pub fn of(
        article: &Article,
        summary: Option<&str>,
        dictionary: &str,
        matcher: Option<&NameMatcher>,
    ) -> Self {
        let described_by = if summary.is_some_and(|s| !s.trim().is_empty()) {
            DescribedBy::Summary
        } else if article
            .blocks
            .iter()
            .any(|block| matches!(block, Block::Paragraph { .. }))
        {
            DescribedBy::FirstParagraph
        } else {
            DescribedBy::Title
        };
        ArticleOutline {
            id: article.id.clone(),
            published: article.published,
            lang: article.lang.clone(),
            description: describe_article(article, summary),
            described_by,
            digest: article_digest(article),
            readings: offers_furigana(article).then(|| readings_recipe(article, dictionary)),
            named: matcher
                .map(|matcher| partners_named(article, matcher))
                .unwrap_or_default(),
        }
    }

    /// The article, read and decoded again from `site`: the one this
    /// outline was made from, or an error saying that its file changed (or
    /// went) while publishing.
    pub fn read_again(&self, site: &Path) -> Result<Article, String> {
        let file = article_file(&self.id);
        let changed = || {
            format!(
                "data/{file} changed while publishing (read again to make its pages, it is not \
                 what the run was planned with): nothing was published; publish again"
            )
        };
        let bytes = read_site_file(site, &Path::new("data").join(&file))?.ok_or_else(changed)?;
        let article = decode_article(&self.id, bytes).map_err(|_| changed())?;
        if article_digest(&article) != self.digest {
            return Err(changed());
        }
        Ok(article)
    }
}

/// The digest of every field of `article`.
fn article_digest(article: &Article) -> String {
    Recipe::new("article file").article(article).hex()
}

#[cfg(test)]
impl SiteData {
    /// A site's data of `column` alone: no article files, cities or map.
    pub fn of_column(column: Column) -> Self {
        SiteData {
            site: PathBuf::new(),
            column: Arc::new(column),
            articles: Vec::new(),
            cities: None,
            matcher: None,
            world: None,
            dictionary: None,
            warnings: Vec::new(),
        }
    }
}

impl SiteData {
    /// Reads and checks every data file; every problem is collected, so the
    /// newsroom sees them all at once.
    pub fn load(site: &Path) -> Result<Self, Vec<String>> {
        let mut found = Found::default();
        let column = found.column(site);
        // The cities and the dictionary are read before the articles (each
        // article's outline needs them), their problems named after the
        // articles', as ever.
        let mut before_articles = Found::default();
        let cities = before_articles.cities(site);
        let known: Option<BTreeSet<Id>> = cities
            .as_ref()
            .map(|c| c.partners.iter().map(|p| p.id.clone()).collect());
        let matcher = cities
            .as_ref()
            .map(|c| Arc::new(NameMatcher::for_partners(&c.partners)));
        let mut read_dictionary = Found::default();
        let dictionary = read_dictionary
            .read(site, DICTIONARY_FILE)
            .ok()
            .flatten()
            .and_then(|b| {
                decode_dictionary(b)
                    .map_err(|e| {
                        read_dictionary
                            .errors
                            .extend(e.iter().map(ToString::to_string))
                    })
                    .ok()
            });
        let with = Outlining {
            dictionary: dictionary_recipe(dictionary.as_ref()),
            matcher: matcher.as_deref(),
            known: known.as_ref(),
        };
        let (articles, partners_unknown) = found.articles(site, column.as_ref(), &with);
        found.merge(before_articles);
        found.warnings.extend(partners_unknown);
        if let Ok(Some(b)) = found.read(site, KIOSK_FILE) {
            found
                .errors
                .extend(decode_kiosk(b).notices.iter().map(ToString::to_string));
        }
        found.merge(read_dictionary);
        let world = found.world(site);
        let Found {
            mut errors,
            warnings,
        } = found;
        // A folder refused is named once, however many files are in it.
        let mut named = BTreeSet::new();
        errors.retain(|e| named.insert(e.clone()));
        match column {
            Some(column) if errors.is_empty() => Ok(Self {
                site: site.to_path_buf(),
                column: Arc::new(column),
                articles,
                cities,
                matcher,
                world,
                dictionary,
                warnings,
            }),
            _ => Err(errors),
        }
    }

    /// For each partner, the column's newest articles naming it, as the
    /// app's map panel finds them.
    pub fn mentions(&self) -> Mentions {
        let mut mentions: Mentions = BTreeMap::new();
        if self.matcher.is_none() || self.cities.is_none() {
            return mentions;
        }
        let by_id: BTreeMap<&Id, &ArticleOutline> =
            self.articles.iter().map(|a| (&a.id, &**a)).collect();
        for entry in self.column.articles.iter().take(MENTION_SCAN_LIMIT) {
            if let Some(article) = by_id.get(&entry.id) {
                for id in &article.named {
                    mentions.entry(id.clone()).or_default().push(entry.clone());
                }
            }
        }
        mentions
    }
}

/// What an article's outline is made with: the dictionary's digest, the
/// partner names to find, the partners `cities.json` knows.
struct Outlining<'a> {
    dictionary: String,
    matcher: Option<&'a NameMatcher>,
    known: Option<&'a BTreeSet<Id>>,
}

/// What reading the data has found so far.
#[derive(Default)]
struct Found {
    errors: Vec<String>,
    warnings: Vec<String>,
}

/// The articles in outline, and the partners they name that `cities.json`
/// does not know (warnings).
type Articles = (Vec<Arc<ArticleOutline>>, Vec<String>);

impl Found {
    /// The bytes of `data/{file}`, or `None` when it is missing; `Err`
    /// when it is refused (noted as an error).
    fn read(&mut self, site: &Path, file: &str) -> Result<Option<Vec<u8>>, ()> {
        read_site_file(site, &Path::new("data").join(file)).map_err(|e| self.errors.push(e))
    }

    /// What a decoder gave, its error noted.
    fn decoded<T>(&mut self, decoded: Result<T, DataError>) -> Option<T> {
        decoded.map_err(|e| self.errors.push(e.to_string())).ok()
    }

    /// The column, its entries left off (an id listed twice) being errors.
    fn column(&mut self, site: &Path) -> Option<Column> {
        let Some(bytes) = self.read(site, COLUMN_FILE).ok()? else {
            self.errors.push(format!("{COLUMN_FILE}: is missing"));
            return None;
        };
        let column = self.decoded(decode_column(bytes))?;
        // The app would leave such an entry off with a notice; a newsroom
        // publishing wants to hear of it first.
        self.errors
            .extend(column.notices.iter().map(ToString::to_string));
        Some(column)
    }

    /// What `other` found, after what this found.
    fn merge(&mut self, other: Found) {
        self.errors.extend(other.errors);
        self.warnings.extend(other.warnings);
    }

    /// The column's articles first (in its order), then any other article
    /// file; no two of them with ids equal but for case. Each is kept in
    /// outline: the archive is decoded a few at a time, never held.
    fn articles(&mut self, site: &Path, column: Option<&Column>, with: &Outlining) -> Articles {
        let mut ids: Vec<(Id, Option<String>, Option<usize>)> = Vec::new();
        let mut seen = SeenIds::default();
        for entry in column.iter().flat_map(|c| c.articles.iter()) {
            let i = entry.index;
            ids.push((entry.id.clone(), entry.summary.clone(), Some(i)));
            // Unique already: the column leaves a second use off.
            let _ = seen.first_use(&entry.id, &format!("{COLUMN_FILE}: articles[{i}]"));
        }
        let listed: BTreeSet<Id> = ids.iter().map(|(id, _, _)| id.clone()).collect();
        for name in self.article_file_names(site) {
            match article_id(&name) {
                Some(id) if listed.contains(&id) => {}
                Some(id) => match seen.first_use(&id, &article_file(&id)) {
                    Ok(()) => ids.push((id, None, None)),
                    Err(duplicate) => self
                        .errors
                        .push(DataError::new(&article_file(&id), "id", duplicate).to_string()),
                },
                None if name == "index" => {}
                None => self.warnings.push(format!(
                    "articles/{name}.json: not an article id, so not published"
                )),
            }
        }
        // Read and decoded on every core; problems named in the column's order.
        let read: Vec<(Option<ArticleOutline>, Found, Vec<String>)> = ids
            .par_iter()
            .enumerate()
            .map(|(position, (id, summary, index))| {
                let mut found = Found::default();
                let Some(article) = found.article(site, id, *index) else {
                    return (None, found, Vec::new());
                };
                let unknown = match with.known {
                    Some(known) => article
                        .partners
                        .iter()
                        .filter(|id| !known.contains(*id))
                        .map(|id| {
                            format!(
                                "{}: partners: {id} is not in {CITIES_FILE}",
                                article_file(&article.id)
                            )
                        })
                        .collect(),
                    None => Vec::new(),
                };
                // The map names the column's newest articles only.
                let scanned = index.is_some() && position < MENTION_SCAN_LIMIT;
                let outline = ArticleOutline::of(
                    &article,
                    summary.as_deref(),
                    &with.dictionary,
                    with.matcher.filter(|_| scanned),
                );
                (Some(outline), found, unknown)
            })
            .collect();
        let mut articles = Vec::new();
        let mut unknown_partners = Vec::new();
        for (outline, found, unknown) in read {
            self.merge(found);
            unknown_partners.extend(unknown);
            articles.extend(outline.map(Arc::new));
        }
        (articles, unknown_partners)
    }

    fn article(&mut self, site: &Path, id: &Id, index: Option<usize>) -> Option<Article> {
        let file = article_file(id);
        let Some(bytes) = self.read(site, &file).ok()? else {
            let missing = match index {
                Some(i) => DataError::new(
                    COLUMN_FILE,
                    format!("articles[{i}].id"),
                    Problem::ArticleMissing,
                )
                .to_string(),
                None => format!("{file}: is missing"),
            };
            self.errors.push(missing);
            return None;
        };
        let article = self.decoded(decode_article(id, bytes))?;
        for notice in &article.notices {
            match notice.problem {
                Problem::UnknownKind { .. } => self.warnings.push(notice.to_string()),
                _ => self.errors.push(notice.to_string()),
            }
        }
        Some(article)
    }

    fn cities(&mut self, site: &Path) -> Option<Arc<reader_core::Cities>> {
        let Some(bytes) = self.read(site, CITIES_FILE).ok()? else {
            self.warnings.push(format!(
                "{CITIES_FILE} is missing: pages are published without the map"
            ));
            return None;
        };
        let cities = self.decoded(decode_cities(bytes))?;
        // The app would leave such an entry off with a notice (a duplicate
        // id among them); a newsroom publishing wants to hear of it first.
        self.errors
            .extend(cities.notices.iter().map(ToString::to_string));
        Some(Arc::new(cities))
    }

    fn world(&mut self, site: &Path) -> Option<Arc<reader_core::world::World>> {
        let file = Path::new("map").join(WORLD_FILE);
        let world = read_site_file(site, &file)
            .map_err(|e| self.errors.push(e))
            .ok()
            .flatten()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| decode_world(&text).ok())
            .map(Arc::new);
        if world.is_none() {
            self.warnings.push(format!(
                "map/{WORLD_FILE} is missing or unreadable: the published map has no countries"
            ));
        }
        world
    }

    /// The names (without `.json`) of the files in `data/articles/`.
    fn article_file_names(&mut self, site: &Path) -> Vec<String> {
        let names = list_site_dir(site, Path::new("data/articles")).unwrap_or_else(|e| {
            self.errors.push(e);
            Vec::new()
        });
        let mut names: Vec<String> = names
            .into_iter()
            .filter_map(|name| {
                // `{id}.readings.json` are written by publish itself.
                let name = name.strip_suffix(".json")?;
                (!name.ends_with(".readings")).then(|| name.to_owned())
            })
            .collect();
        names.sort();
        names
    }
}
