//! Everything under a site's `data/`, read and checked with the app's own
//! decoders; every problem collected, so the newsroom sees them all at once.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
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
use reader_core::reading::dictionary::{decode_dictionary, Dictionary, DICTIONARY_FILE};
use reader_core::route::article_id;
use reader_core::world::{decode_world, WORLD_FILE};
use reader_core::{decode_article, decode_cities, decode_column, Article, Column, DataError, Id};

use super::site_files::{list_site_dir, read_site_file};

/// Everything under `data/`, validated.
pub struct SiteData {
    pub column: Arc<reader_core::Column>,
    /// Every article file, the column's first (in its order), with the
    /// column's summary when it gives one.
    pub articles: Vec<(Arc<Article>, Option<String>)>,
    pub cities: Option<Arc<reader_core::Cities>>,
    pub world: Option<Arc<reader_core::world::World>>,
    /// The newsroom's readings of proper nouns (`readings.json`), if any.
    pub dictionary: Option<Dictionary>,
    pub warnings: Vec<String>,
}

#[cfg(test)]
impl SiteData {
    /// A site's data of `column` alone: no article files, cities or map.
    pub fn of_column(column: Column) -> Self {
        SiteData {
            column: Arc::new(column),
            articles: Vec::new(),
            cities: None,
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
        let articles = found.articles(site, column.as_ref());
        let cities = found.cities(site, &articles);
        if let Ok(Some(b)) = found.read(site, KIOSK_FILE) {
            found
                .errors
                .extend(decode_kiosk(b).notices.iter().map(ToString::to_string));
        }
        let dictionary = found
            .read(site, DICTIONARY_FILE)
            .ok()
            .flatten()
            .and_then(|b| {
                decode_dictionary(b)
                    .map_err(|e| found.errors.extend(e.iter().map(ToString::to_string)))
                    .ok()
            });
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
                column: Arc::new(column),
                articles,
                cities,
                world,
                dictionary,
                warnings,
            }),
            _ => Err(errors),
        }
    }

    /// For each partner, the column's newest articles naming it, as the
    /// app's map panel finds them.
    pub fn mentions(&self, matcher: Option<&NameMatcher>) -> Mentions {
        let mut mentions: Mentions = BTreeMap::new();
        let (Some(matcher), Some(_)) = (matcher, &self.cities) else {
            return mentions;
        };
        for entry in self.column.articles.iter().take(MENTION_SCAN_LIMIT) {
            if let Some((article, _)) = self.articles.iter().find(|(a, _)| a.id == entry.id) {
                for id in partners_named(article, matcher) {
                    mentions.entry(id).or_default().push(entry.clone());
                }
            }
        }
        mentions
    }
}

/// What reading the data has found so far.
#[derive(Default)]
struct Found {
    errors: Vec<String>,
    warnings: Vec<String>,
}

type Articles = Vec<(Arc<Article>, Option<String>)>;

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

    /// The column's articles first (in its order), then any other article
    /// file; no two of them with ids equal but for case.
    fn articles(&mut self, site: &Path, column: Option<&Column>) -> Articles {
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
        let read: Vec<(Option<Article>, Found)> = ids
            .par_iter()
            .map(|(id, _, index)| {
                let mut found = Found::default();
                (found.article(site, id, *index), found)
            })
            .collect();
        let mut articles = Vec::new();
        for ((article, found), (_, summary, _)) in read.into_iter().zip(ids) {
            self.errors.extend(found.errors);
            self.warnings.extend(found.warnings);
            if let Some(article) = article {
                articles.push((Arc::new(article), summary));
            }
        }
        articles
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

    fn cities(&mut self, site: &Path, articles: &Articles) -> Option<Arc<reader_core::Cities>> {
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
        let known: BTreeSet<&Id> = cities.partners.iter().map(|p| &p.id).collect();
        for (article, _) in articles {
            for id in &article.partners {
                if !known.contains(id) {
                    self.warnings.push(format!(
                        "{}: partners: {id} is not in {CITIES_FILE}",
                        article_file(&article.id)
                    ));
                }
            }
        }
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
