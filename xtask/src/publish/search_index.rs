//! The site search's index: Pagefind (its library, with the `extended`
//! segmentation of Chinese and Japanese) over one record per article
//! (`search_record.rs`), written below the published folder in
//! [`SEARCH_DIR`] and served at `/pagefind/`.
//!
//! In parts, so that publish's memory does not grow with the archive:
//! Pagefind holds every page it indexes, and the index it builds, until it
//! writes (about 0.4 MiB per article, heaptrack), so an index of 10,000
//! articles took 6 GiB. Each article belongs to one part by its id's hash
//! (a new article, an edit or a deletion changes one part); there are as
//! many parts as [`PART_ARTICLES`] articles make, and they are built one at
//! a time, each written as it is made. A browser searches them together
//! (Pagefind's `mergeIndex`, results ranked by score across parts): the
//! app's `public/search-index.js` reads the parts from [`PARTS_FILE`].
//! Pagefind's script, worker and wasm are the same for every part and are
//! published once, at the top of [`SEARCH_DIR`], where every part's
//! instance loads its wasm and worker from (`shared_urls`).
//!
//! A part is one unit of the incremental build: its digest covers its
//! articles (every field), their readings, the cities, the index's
//! language, the number of parts and the publisher; when it matches the one
//! every file of the part was recorded with, the part is kept as it is,
//! else it is built again (its files are named by their contents, so one
//! that did not change is not written again).
//!
//! Every part in the language most of the archive's articles are written
//! in: Pagefind keeps an index per language and a browser searches the one
//! of its page's language, which would hide the articles in Japanese from a
//! reader of the Chinese interface. Chinese and Japanese words are
//! segmented either way; only English stemming is lost.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use rayon::prelude::*;
use reader_core::cities::Partner;
use reader_core::linking::{partners_named, NameMatcher};
use reader_core::reading::ruby::{readings_file_name, ReadingsFile};
use reader_core::Id;

use super::outputs::Recipe;
use super::records::Records;
use super::search_record::SearchSource;
use super::site_data::SiteData;

/// Where the index is, below the published folder (and its address).
pub const SEARCH_DIR: &str = "pagefind";
/// The file listing the parts' addresses, in [`SEARCH_DIR`].
pub const PARTS_FILE: &str = "parts.json";
/// At most about this many articles in a part (its articles are chosen by
/// hash, so a part holds this many give or take a few percent).
pub const PART_ARTICLES: usize = 500;
/// Articles per part instead of [`PART_ARTICLES`]: for tests, benchmarks
/// and a newsroom whose server has the memory for larger parts.
pub const PART_ARTICLES_VAR: &str = "READER_SEARCH_PART_ARTICLES";
/// The language of an article that does not say (as read aloud assumes).
const LANGUAGE_UNSAID: &str = "ja";

/// Where a file of Pagefind's bundle goes: at the top of [`SEARCH_DIR`]
/// for the files every part shares (`Shared`), in its part's folder for
/// the part's own (`Part`); Pagefind's own interfaces (`pagefind-ui.js`,
/// `pagefind-highlight.js`, …) are left out (`None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Served {
    Shared,
    Part,
}

fn served(name: &Path) -> Option<Served> {
    let text = name.to_str()?;
    let top = ["index/", "fragment/", "filter/"];
    if top.iter().any(|dir| text.starts_with(dir))
        || text == "pagefind-entry.json"
        || (text.starts_with("pagefind.") && text.ends_with(".pf_meta"))
    {
        Some(Served::Part)
    } else if matches!(text, "pagefind.js" | "pagefind-worker.js")
        || (text.starts_with("wasm.") && text.ends_with(".pagefind"))
    {
        Some(Served::Shared)
    } else {
        None
    }
}

/// Where Pagefind's script and worker look for its wasm (every instance)
/// and its worker (the script only), below each part's folder, and where
/// they are: at the top of [`SEARCH_DIR`], one download for every part.
/// Each, with whether the worker names it too.
const SHARED_URLS: [(&str, &str, bool); 2] = [
    (
        "`${this.basePath}wasm.${language}.pagefind`",
        "`/pagefind/wasm.${language}.pagefind`",
        true,
    ),
    (
        "`${basePath}pagefind-worker.js`",
        "`/pagefind/pagefind-worker.js`",
        false,
    ),
];

/// Pagefind's script or worker (`name`) loading the wasm and the worker
/// from the top of [`SEARCH_DIR`], or an error if it does not name each
/// exactly once as this publisher knows (a new Pagefind).
fn shared_urls(name: &Path, script: &[u8]) -> Result<Vec<u8>, String> {
    let mut text = std::str::from_utf8(script)
        .map_err(|_| format!("search index: {} is not UTF-8", name.display()))?
        .to_owned();
    let worker = name == Path::new("pagefind-worker.js");
    for (from, to, in_worker) in SHARED_URLS {
        let expected = usize::from(!worker || in_worker);
        if text.matches(from).count() != expected {
            return Err(format!(
                "search index: {} does not name {from} {expected} time(s) (a new Pagefind? see search_index.rs)",
                name.display()
            ));
        }
        text = text.replace(from, to);
    }
    Ok(text.into_bytes())
}

/// How many articles' records are made at once, in parallel, before
/// Pagefind takes them one by one.
const RECORDS_AT_ONCE: usize = 64;

/// Articles per part: [`PART_ARTICLES`], or the number in
/// [`PART_ARTICLES_VAR`] (for tests and benchmarks).
pub fn part_articles() -> Result<usize, String> {
    match std::env::var(PART_ARTICLES_VAR) {
        Err(_) => Ok(PART_ARTICLES),
        Ok(text) => match text.trim().parse::<usize>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(format!(
                "{PART_ARTICLES_VAR}={text}: articles per search index part must be a whole number above 0"
            )),
        },
    }
}

/// What a run did to the index, for its report.
pub fn summary(plan: &SearchPlan, parts_made: usize, files: usize) -> String {
    let parts = plan.parts.len();
    if parts_made == 0 {
        format!("search index kept ({parts} part(s))")
    } else {
        format!("search index: {parts_made} of {parts} part(s) made again ({files} file(s))")
    }
}

/// How many parts `articles` articles are indexed in (at least one), when
/// they were in `before` parts: as many as it takes for none to hold more
/// than `per_part` on average, and no fewer than before unless the parts
/// would be less than half full, so that withdrawing an article never
/// makes every part again (a new number of parts moves most articles).
pub fn part_count(articles: usize, per_part: usize, before: Option<usize>) -> usize {
    let needed = articles.div_ceil(per_part.max(1)).max(1);
    match before {
        Some(before) if before >= needed && before <= 2 * needed => before,
        _ => needed,
    }
}

/// The index's files `records` holds, by where they are: `None` for the
/// top of [`SEARCH_DIR`], else the part's number; each with the digest it
/// was made from.
fn recorded_index(records: &Records) -> BTreeMap<Option<usize>, Vec<(PathBuf, &str)>> {
    let prefix = format!("{SEARCH_DIR}/");
    let mut found: BTreeMap<Option<usize>, Vec<(PathBuf, &str)>> = BTreeMap::new();
    for (path, made_from) in &records.0 {
        let Some(below) = path.strip_prefix(&prefix) else {
            continue;
        };
        let place = match below.split_once('/') {
            None => None,
            Some((dir, _)) => match dir.strip_prefix("part").map(str::parse::<usize>) {
                Some(Ok(part)) => Some(part),
                _ => continue,
            },
        };
        found
            .entry(place)
            .or_default()
            .push((PathBuf::from(path), made_from.as_str()));
    }
    found
}

/// The part (of `parts`) an article is in: by a hash of its id alone, so
/// that an article stays in its part while the number of parts stays.
pub fn part_of(id: &Id, parts: usize) -> usize {
    use sha2::{Digest, Sha256};
    let hash = Sha256::digest(id.as_str().as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&hash[..8]);
    (u64::from_le_bytes(first) % parts.max(1) as u64) as usize
}

/// A part's folder below the published folder.
pub fn part_dir(part: usize) -> PathBuf {
    Path::new(SEARCH_DIR).join(format!("part{part}"))
}

/// One part of the index: its articles (indices into the site's), its
/// digest, and its live files when they are the ones the digest makes.
pub struct Part {
    pub number: usize,
    pub articles: Vec<usize>,
    pub digest: String,
    pub current: Option<Vec<PathBuf>>,
}

/// The index to publish: its parts, the list of them, and the files they
/// share (live and current, or to be written with the first part built).
pub struct SearchPlan {
    pub parts: Vec<Part>,
    pub lang: String,
    /// `parts.json`: the parts' addresses.
    pub list: String,
    pub shared_digest: String,
    pub shared_current: Option<Vec<PathBuf>>,
}

/// The `files` recorded in one place, when every one was made from
/// `digest` and is in `live`.
fn current_files(
    files: Option<&Vec<(PathBuf, &str)>>,
    live: &Path,
    digest: &str,
) -> Option<Vec<PathBuf>> {
    let files = files.filter(|files| !files.is_empty())?;
    files
        .iter()
        .all(|(path, made_from)| *made_from == digest && live.join(path).is_file())
        .then(|| files.iter().map(|(path, _)| path.clone()).collect())
}

impl SearchPlan {
    /// The parts of the index of `data` with `per_part` articles a part,
    /// each kept (its records in `before`, its files in `live`) while the
    /// data it is made from is the same.
    pub fn new(
        data: &SiteData,
        readings: &BTreeMap<String, String>,
        publisher: &str,
        before: &Records,
        live: &Path,
        per_part: usize,
    ) -> SearchPlan {
        let langs: Vec<Option<&str>> = data.articles.iter().map(|a| a.lang.as_deref()).collect();
        let lang = index_language(&langs);
        let recorded = recorded_index(before);
        let parts_before = recorded.keys().filter(|place| place.is_some()).count();
        let count = part_count(
            data.articles.len(),
            per_part,
            (parts_before > 0).then_some(parts_before),
        );
        let mut members = vec![Vec::new(); count];
        for (i, article) in data.articles.iter().enumerate() {
            members[part_of(&article.id, count)].push(i);
        }
        let common = Recipe::new("search part 1")
            .part(publisher)
            .part(&lang)
            .value(&count)
            .value(&data.cities.as_ref().map(|c| &c.partners))
            .hex();
        let parts = members
            .into_iter()
            .enumerate()
            .map(|(number, articles)| {
                let mut recipe = Recipe::new("search part").part(&common);
                for &i in &articles {
                    let article = &data.articles[i];
                    recipe = recipe.part(&article.digest);
                    let key = super::furigana::readings_path(&article.id);
                    let key = key.to_string_lossy();
                    recipe = recipe.value(&readings.get(key.as_ref()));
                }
                let digest = recipe.hex();
                let current = current_files(recorded.get(&Some(number)), live, &digest);
                Part {
                    number,
                    articles,
                    digest,
                    current,
                }
            })
            .collect();
        let list: Vec<String> = (0..count)
            .map(|part| format!("/{}/", part_dir(part).display()))
            .collect();
        let list = serde_json::to_string(&list).unwrap_or_default();
        // The list names the parts: made again when their number changes.
        let shared_digest = Recipe::new("search shared 1")
            .part(publisher)
            .part(&lang)
            .part(&list)
            .hex();
        let shared_current = current_files(recorded.get(&None), live, &shared_digest);
        SearchPlan {
            parts,
            lang,
            list,
            shared_digest,
            shared_current,
        }
    }

    /// Whether anything of the index must be written.
    pub fn is_current(&self) -> bool {
        self.shared_current.is_some() && self.parts.iter().all(|part| part.current.is_some())
    }
}

/// The language the index is kept in: the one most articles are written
/// in (the first met among equals).
fn index_language(articles: &[Option<&str>]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for lang in articles {
        let lang = lang.unwrap_or(LANGUAGE_UNSAID);
        let lang = lang.split('-').next().unwrap_or(lang);
        match counts.iter_mut().find(|(l, _)| *l == lang) {
            Some((_, n)) => *n += 1,
            None => counts.push((lang, 1)),
        }
    }
    let mut top: Option<(&str, usize)> = None;
    for (lang, n) in counts {
        if top.is_none_or(|(_, best)| n > best) {
            top = Some((lang, n));
        }
    }
    top.map_or(LANGUAGE_UNSAID, |(lang, _)| lang)
        .to_ascii_lowercase()
}

/// The kana readings of an article's readings file, in text order.
pub fn readings_words(file: &ReadingsFile) -> Vec<String> {
    file.texts
        .iter()
        .flat_map(|text| text.ruby.iter().map(|(_, _, reading)| reading.clone()))
        .collect()
}

/// Where [`build`] gives each file it makes: its path below the published
/// folder, its bytes, the digest to record it with.
pub type WriteFile<'a> = dyn FnMut(PathBuf, Vec<u8>, &str) -> Result<(), String> + 'a;

/// Builds the parts of `plan` that are not current, one at a time, each of
/// its articles read again from its file; `staged` are the readings files
/// this run made (each its path below the site, staged in `stage` by its
/// file name), the others are read from the site. Each file is given to
/// `write` (its path below the published folder) as its part is made, with
/// the digest to record it with; the files every part shares come with the
/// first part built (a part is built for them if they are not current).
pub fn build(
    plan: &SearchPlan,
    data: &SiteData,
    stage: &Path,
    staged: &[PathBuf],
    write: &mut WriteFile,
) -> Result<usize, String> {
    let staged: HashSet<&Path> = staged.iter().map(PathBuf::as_path).collect();
    let readings_of = |id: &Id| -> Vec<String> {
        let name = readings_file_name(id);
        let path = Path::new("data/articles").join(&name);
        let file = if staged.contains(path.as_path()) {
            stage.join(&name)
        } else {
            data.site.join(&path)
        };
        std::fs::read(file)
            .ok()
            .and_then(|json| serde_json::from_slice::<ReadingsFile>(&json).ok())
            .map(|file| readings_words(&file))
            .unwrap_or_default()
    };
    let partners: HashMap<&Id, &Partner> = data
        .cities
        .iter()
        .flat_map(|c| c.partners.iter().map(|p| (&p.id, p)))
        .collect();
    let matcher = data
        .cities
        .as_ref()
        .map(|c| NameMatcher::for_partners(&c.partners));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("search index: cannot start its runtime: {e}"))?;
    let mut shared_needed = plan.shared_current.is_none();
    let mut built = 0;
    for part in &plan.parts {
        if part.current.is_some() && !shared_needed {
            continue;
        }
        let files = runtime.block_on(async {
            let options = PagefindServiceConfig::builder()
                .force_language(plan.lang.clone())
                .build();
            let mut index = PagefindIndex::new(Some(options))
                .map_err(|e| format!("search index: cannot start Pagefind: {e}"))?;
            // A few articles at a time, read and made into records on every
            // core (Pagefind takes one at a time): only the indexer's own
            // record of each stays.
            for articles in part.articles.chunks(RECORDS_AT_ONCE) {
                let records = articles
                    .par_iter()
                    .map(|&i| {
                        let article = data.articles[i].read_again(&data.site)?;
                        let about = match &matcher {
                            Some(matcher) => partners_named(&article, matcher),
                            None => article.partners.iter().cloned().collect(),
                        };
                        let source = SearchSource {
                            article: &article,
                            partners: about
                                .iter()
                                .filter_map(|id| partners.get(id).copied())
                                .collect(),
                            readings: readings_of(&article.id),
                        };
                        Ok((source.url(), source.html(&plan.lang), article.id.clone()))
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                for (url, html, id) in records {
                    index
                        .add_html_file(None, Some(url), html)
                        .await
                        .map_err(|e| format!("search index: article {id}: {e}"))?;
                }
            }
            index
                .get_files()
                .await
                .map_err(|e| format!("search index: {e}"))
        })?;
        for file in files {
            match served(&file.filename) {
                Some(Served::Part) => write(
                    part_dir(part.number).join(&file.filename),
                    file.contents,
                    &part.digest,
                )?,
                Some(Served::Shared) if shared_needed => {
                    let contents = if file.filename.extension().is_some_and(|e| e == "js") {
                        shared_urls(&file.filename, &file.contents)?
                    } else {
                        file.contents
                    };
                    write(
                        Path::new(SEARCH_DIR).join(&file.filename),
                        contents,
                        &plan.shared_digest,
                    )?;
                }
                _ => {}
            }
        }
        if shared_needed {
            write(
                Path::new(SEARCH_DIR).join(PARTS_FILE),
                plan.list.clone().into_bytes(),
                &plan.shared_digest,
            )?;
        }
        shared_needed = false;
        built += 1;
    }
    Ok(built)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_files_the_app_loads_are_published_each_where_it_belongs() {
        let (shared, part) = (Some(Served::Shared), Some(Served::Part));
        for (name, place) in [
            ("pagefind.js", shared),
            ("pagefind-worker.js", shared),
            ("wasm.ja.pagefind", shared),
            ("wasm.unknown.pagefind", shared),
            ("pagefind-entry.json", part),
            ("pagefind.ja_1a2b.pf_meta", part),
            ("index/ja_1a2b.pf_index", part),
            ("fragment/ja_1a2b.pf_fragment", part),
            ("filter/ja_1a2b.pf_filter", part),
            ("pagefind-ui.js", None),
            ("pagefind-ui.css", None),
            ("pagefind-highlight.js", None),
            ("pagefind-modular-ui.js", None),
            ("pagefind-component-ui.js", None),
            ("playground/index.html", None),
        ] {
            assert_eq!(served(Path::new(name)), place, "{name}");
        }
    }

    #[test]
    fn every_part_loads_the_one_wasm_and_worker_at_the_top() {
        let script = b"new Worker(`${basePath}pagefind-worker.js`);const wasm_url=`${this.basePath}wasm.${language}.pagefind`;";
        let shared = shared_urls(Path::new("pagefind.js"), script).expect("patched");
        assert_eq!(
            String::from_utf8(shared).expect("text"),
            "new Worker(`/pagefind/pagefind-worker.js`);const wasm_url=`/pagefind/wasm.${language}.pagefind`;"
        );
        let worker = b"const wasm_url=`${this.basePath}wasm.${language}.pagefind`;";
        let shared = shared_urls(Path::new("pagefind-worker.js"), worker).expect("patched");
        assert!(String::from_utf8(shared)
            .expect("text")
            .contains("`/pagefind/wasm."));
        // A Pagefind that names them otherwise is an error, not a silent
        // download per part or a worker that is never found.
        for (name, script) in [
            ("pagefind-worker.js", &b"fetch(`${base}x.pagefind`)"[..]),
            (
                "pagefind.js",
                &b"const wasm_url=`${this.basePath}wasm.${language}.pagefind`;"[..],
            ),
        ] {
            let error = shared_urls(Path::new(name), script).expect_err("not as known");
            assert!(error.contains(name), "{error}");
        }
    }

    #[test]
    fn the_number_of_parts_follows_the_archive() {
        assert_eq!(
            part_count(0, 500, None),
            1,
            "an empty archive: one (empty) part"
        );
        assert_eq!(part_count(1, 500, None), 1);
        assert_eq!(part_count(500, 500, None), 1, "exactly one part");
        assert_eq!(part_count(501, 500, None), 2);
        assert_eq!(part_count(10_000, 500, None), 20);
        assert_eq!(part_count(30_001, 500, None), 61);
        assert_eq!(part_count(7, 0, None), 7, "zero is taken as one a part");
        // Growing past the parts' size adds parts; withdrawing keeps them
        // until they would be less than half full.
        assert_eq!(part_count(10_001, 500, Some(20)), 21);
        assert_eq!(part_count(10_000, 500, Some(21)), 21);
        assert_eq!(part_count(5_001, 500, Some(21)), 21);
        assert_eq!(part_count(5_000, 500, Some(21)), 10);
        assert_eq!(part_count(1, 500, Some(1)), 1);
    }

    #[test]
    fn the_recorded_index_files_are_told_apart_by_part() {
        let records = Records(
            [
                ("pagefind/parts.json", "s"),
                ("pagefind/pagefind.js", "s"),
                ("pagefind/part0/pagefind-entry.json", "a"),
                ("pagefind/part0/index/ja_1.pf_index", "a"),
                ("pagefind/part12/pagefind-entry.json", "b"),
                ("pagefind/partial/x", "?"),
                ("pages/ja/index.html", "p"),
            ]
            .into_iter()
            .map(|(path, digest)| (path.to_owned(), digest.to_owned()))
            .collect(),
        );
        let found = recorded_index(&records);
        let places: Vec<Option<usize>> = found.keys().copied().collect();
        assert_eq!(
            places,
            [None, Some(0), Some(12)],
            "parts.json is not a part"
        );
        assert_eq!(found[&Some(0)].len(), 2);
        assert_eq!(found[&None].len(), 2);
    }

    #[test]
    fn an_article_stays_in_its_part_and_parts_are_even() {
        let ids: Vec<Id> = (0..10_000)
            .map(|n| Id::parse(&(900_000 - n).to_string()).expect("an id"))
            .collect();
        let parts = part_count(ids.len(), 500, None);
        let mut sizes = vec![0usize; parts];
        for id in &ids {
            let part = part_of(id, parts);
            assert_eq!(part, part_of(id, parts), "the same every time");
            sizes[part] += 1;
        }
        // By hash: about 500 each (binomial, a few percent either way).
        assert!(sizes.iter().all(|&n| (400..=600).contains(&n)), "{sizes:?}");
        assert_eq!(part_of(&ids[0], 1), 0);
    }

    #[test]
    fn the_index_is_in_the_language_most_articles_are_written_in() {
        let (ja, zh, en, unsaid) = (Some("ja"), Some("zh-Hans"), Some("en"), None);
        assert_eq!(index_language(&[]), "ja");
        assert_eq!(index_language(&[en]), "en");
        assert_eq!(index_language(&[en, zh, zh]), "zh");
        assert_eq!(index_language(&[en, zh]), "en", "the first among equals");
        assert_eq!(index_language(&[en, unsaid, ja]), "ja", "unsaid is ja");
        assert_eq!(index_language(&[Some("EN-GB"), ja, Some("en")]), "en");
    }
}
