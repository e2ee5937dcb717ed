//! Everything under a site's `data/`, read and checked with the app's own
//! decoders; every problem collected, so the newsroom sees them all at once.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use changning_reader::map::partners_view::Mentions;
use reader_core::article::article_file;
use reader_core::cities::CITIES_FILE;
use reader_core::column::COLUMN_FILE;
use reader_core::error::Problem;
use reader_core::kiosk::{decode_kiosk, KIOSK_FILE};
use reader_core::linking::{partners_named, NameMatcher, MENTION_SCAN_LIMIT};
use reader_core::reading::furigana::{decode_dictionary, Dictionary, DICTIONARY_FILE};
use reader_core::route::article_id;
use reader_core::world::{decode_world, WORLD_FILE};
use reader_core::{decode_article, decode_cities, decode_column, Article, DataError, Id};

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

impl SiteData {
    /// Reads and checks every data file; every problem is collected, so the
    /// newsroom sees them all at once.
    pub fn load(site: &Path) -> Result<Self, Vec<String>> {
        let data = site.join("data");
        let mut errors: Vec<String> = Vec::new();
        let mut warnings: Vec<String> = Vec::new();
        let bytes = |file: &str| std::fs::read(data.join(file));

        let column = match bytes(COLUMN_FILE) {
            Ok(b) => decode_column(b)
                .map_err(|e| errors.push(e.to_string()))
                .ok(),
            Err(e) => {
                errors.push(format!("{COLUMN_FILE}: cannot be read: {e}"));
                None
            }
        };

        // The column's articles first, then any other article file.
        let mut ids: Vec<(Id, Option<String>, Option<usize>)> = Vec::new();
        if let Some(column) = &column {
            for (i, entry) in column.articles.iter().enumerate() {
                ids.push((entry.id.clone(), entry.summary.clone(), Some(i)));
            }
        }
        let listed: BTreeSet<Id> = ids.iter().map(|(id, _, _)| id.clone()).collect();
        for name in article_file_names(&data.join("articles")) {
            match article_id(&name) {
                Some(id) if !listed.contains(&id) => ids.push((id, None, None)),
                Some(_) => {}
                None if name == "index" => {}
                None => warnings.push(format!(
                    "articles/{name}.json: not an article id, so not published"
                )),
            }
        }
        let mut articles = Vec::new();
        for (id, summary, index) in ids {
            let file = article_file(&id);
            match bytes(&file) {
                Ok(b) => match decode_article(&id, b) {
                    Ok(article) => {
                        for notice in &article.notices {
                            match notice.problem {
                                Problem::UnknownKind { .. } => warnings.push(notice.to_string()),
                                _ => errors.push(notice.to_string()),
                            }
                        }
                        articles.push((Arc::new(article), summary));
                    }
                    Err(e) => errors.push(e.to_string()),
                },
                Err(_) => match index {
                    Some(i) => errors.push(
                        DataError::new(
                            COLUMN_FILE,
                            format!("articles[{i}].id"),
                            Problem::ArticleMissing,
                        )
                        .to_string(),
                    ),
                    None => errors.push(format!("{file}: cannot be read")),
                },
            }
        }

        let cities = match bytes(CITIES_FILE) {
            Ok(b) => match decode_cities(b) {
                Ok(cities) => {
                    // The app would leave such an entry off with a notice; a
                    // newsroom publishing wants to hear of it first.
                    errors.extend(cities.notices.iter().map(ToString::to_string));
                    Some(Arc::new(cities))
                }
                Err(e) => {
                    errors.push(e.to_string());
                    None
                }
            },
            Err(_) => {
                warnings.push(format!(
                    "{CITIES_FILE} is missing: pages are published without the map"
                ));
                None
            }
        };
        if let Some(cities) = &cities {
            for (article, _) in &articles {
                for id in &article.partners {
                    if !cities.partners.iter().any(|p| &p.id == id) {
                        warnings.push(format!(
                            "{}: partners: {id} is not in {CITIES_FILE}",
                            article_file(&article.id)
                        ));
                    }
                }
            }
        }
        if let Ok(b) = bytes(KIOSK_FILE) {
            errors.extend(decode_kiosk(b).notices.iter().map(ToString::to_string));
        }
        let dictionary = match bytes(DICTIONARY_FILE) {
            Ok(b) => decode_dictionary(b)
                .map_err(|e| errors.push(e.to_string()))
                .ok(),
            Err(_) => None,
        };

        let world = std::fs::read_to_string(site.join("map").join(WORLD_FILE))
            .ok()
            .and_then(|text| decode_world(&text).ok())
            .map(Arc::new);
        if world.is_none() {
            warnings.push(format!(
                "map/{WORLD_FILE} is missing: the published map has no countries"
            ));
        }

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

/// The names (without `.json`) of the files in `data/articles/`.
fn article_file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    // `{id}.readings.json` are written by publish itself.
                    let name = name.strip_suffix(".json")?;
                    (!name.ends_with(".readings")).then(|| name.to_owned())
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}
