//! Readings (furigana) for every article, written beside it as
//! `data/articles/{id}.readings.json` (format: `reader_core::reading::ruby`).
//! MeCab with its IPADIC dictionary finds the words and their readings, the
//! newsroom's `data/readings.json` overrides them, and
//! `reader_core::reading::furigana` decides what goes over which kanji.
//!
//! MeCab runs once per [`MECAB_BATCH`] articles (each read again from its
//! file): a first pass over the batch collects the lines of text to
//! analyse, MeCab reads them one per line, and a second pass annotates with
//! its answers. Each batch's readings files are staged (written below
//! `.publish/`, the run's own) as they are made, and moved beside their
//! articles only when the run publishes ([`super::write::move_all`]). A long line goes to MeCab
//! in pieces cut at sentence ends (see [`mecab_pieces`]), and every answer
//! is checked against its line: an answer that is not its line's words
//! fails publishing, naming the article, rather than leaving readings out.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use reader_core::article::article_file;
use reader_core::reading::dictionary::Dictionary;
use reader_core::reading::furigana::{readings_for_article, Token};
use reader_core::reading::ruby::{readings_file_name, ReadingsFile};
use reader_core::{Article, Block, Id};
use std::sync::Arc;

use super::mecab::{mecab, mecab_pieces, MecabError};
use super::outputs::Recipe;
use super::records::Records;
use super::site_data::{ArticleOutline, SiteData};

/// Why there are no readings files.
#[derive(Debug)]
pub enum NoReadings {
    /// MeCab is not installed: publishing goes on without readings.
    Unavailable(String),
    /// MeCab ran and failed, or answered something else than the words of
    /// the texts it was given: publishing stops.
    Failed(String),
}

/// The readings files staged (each its path below the site; staged in the
/// stage folder by its file name), every article's readings file to keep,
/// and what each readings file now was made from (for `records.rs`).
pub struct Readings {
    pub staged: Vec<PathBuf>,
    pub keep: Vec<PathBuf>,
    pub records: BTreeMap<String, String>,
}

/// What an article's readings are made from: its texts and the newsroom's
/// dictionary (not the publisher's build: MeCab runs only for texts that
/// changed).
pub fn readings_recipe(article: &Article, dictionary: &str) -> String {
    Recipe::new("readings 2")
        .article_texts(article)
        .part(dictionary)
        .hex()
}

/// The newsroom's dictionary's digest, made once for every article's.
pub fn dictionary_recipe(dictionary: Option<&Dictionary>) -> String {
    Recipe::new("dictionary")
        .value(&dictionary.map(Dictionary::entries))
        .hex()
}

/// The readings files of every article in Japanese (`offers_furigana`)
/// whose texts changed since they were last made (`before`), staged in
/// `stage` (a folder of the run's own, made when the first is written) as
/// they are made; and every such article's file, to keep. Every such
/// article has one, an empty list where there are no readings, so that a
/// reader who turns furigana on never meets a 404 on a published article.
/// Without MeCab, the readings published before stay (they name the texts
/// they are for, so an edited text simply shows none) and an article that
/// has none gets an empty list; a note says so. MeCab failing, or
/// answering other words than the texts', is an error naming the articles.
pub fn readings_to_publish(
    site: &Path,
    data: &SiteData,
    before: &Records,
    stage: &Path,
) -> Result<Readings, String> {
    let japanese: Vec<(&Arc<ArticleOutline>, &String)> = data
        .articles
        .iter()
        .filter_map(|article| Some((article, article.readings.as_ref()?)))
        .collect();
    let keep = japanese.iter().map(|(a, _)| readings_path(&a.id)).collect();
    let mut records = BTreeMap::new();
    let mut todo = Vec::new();
    for (article, made_from) in japanese {
        let path = readings_path(&article.id);
        let key = path.to_string_lossy().into_owned();
        if before.made_from(&key, made_from) && site.join(&path).is_file() {
            records.insert(key, made_from.clone());
        } else {
            todo.push((article, key, made_from.clone()));
        }
    }
    let articles: Vec<&ArticleOutline> = todo.iter().map(|(article, _, _)| &***article).collect();
    // In batches, each one MeCab run over articles read again, each batch's
    // files staged as it is made: neither MeCab's answers (38 MB per 1,000
    // articles, heaptrack) nor the files are held for a whole archive.
    let mut staged = Vec::new();
    for batch in articles.chunks(MECAB_BATCH) {
        let batch: Vec<Article> = batch
            .iter()
            .map(|outline| outline.read_again(&data.site))
            .collect::<Result<_, _>>()?;
        let batch: Vec<&Article> = batch.iter().collect();
        match analysed_readings(&batch, data) {
            Ok(made) => staged.extend(stage_files(stage, made)?),
            Err(NoReadings::Failed(problem)) => {
                return Err(format!("{problem}\nnothing was published"))
            }
            Err(NoReadings::Unavailable(note)) => {
                println!("  note: {note}; the readings published before are kept");
                let _ = std::fs::remove_dir_all(stage);
                return Ok(Readings {
                    staged: stage_files(stage, without_analyser(site, &articles))?,
                    keep,
                    records,
                });
            }
        }
    }
    records.extend(todo.into_iter().map(|(_, key, made_from)| (key, made_from)));
    Ok(Readings {
        staged,
        keep,
        records,
    })
}

/// Articles whose readings one MeCab run makes.
const MECAB_BATCH: usize = 500;

/// Writes readings files into `stage`, each by its file name; says where
/// each goes, below the site.
fn stage_files(stage: &Path, files: Vec<ReadingsFile>) -> Result<Vec<PathBuf>, String> {
    if files.is_empty() {
        return Ok(Vec::new());
    }
    std::fs::create_dir_all(stage)
        .map_err(|e| format!("cannot create {}: {e}", stage.display()))?;
    files
        .into_iter()
        .map(|file| {
            let json = serde_json::to_string(&file).map_err(|e| e.to_string())?;
            let name = readings_file_name(&file.article);
            let staged = stage.join(&name);
            std::fs::write(&staged, json)
                .map_err(|e| format!("cannot write {}: {e}", staged.display()))?;
            Ok(readings_path(&file.article))
        })
        .collect()
}

/// Without MeCab: the readings files published before, to keep, and an
/// empty one for each article that has none (none of them recorded, so
/// a run with MeCab makes them).
fn without_analyser(site: &Path, articles: &[&ArticleOutline]) -> Vec<ReadingsFile> {
    articles
        .iter()
        .filter(|article| !site.join(readings_path(&article.id)).is_file())
        .map(|article| ReadingsFile {
            article: article.id.clone(),
            texts: Vec::new(),
        })
        .collect()
}

/// Where an article's readings are, below the site.
pub fn readings_path(id: &Id) -> PathBuf {
    Path::new("data/articles").join(readings_file_name(id))
}

/// The readings of `articles` from MeCab (and the newsroom's dictionary).
fn analysed_readings(
    articles: &[&Article],
    data: &SiteData,
) -> Result<Vec<ReadingsFile>, NoReadings> {
    let dictionary = data.dictionary.clone().unwrap_or_default();
    // First pass: which lines of text MeCab has to read, and whose they are.
    let mut lines_of: Vec<Vec<String>> = Vec::with_capacity(articles.len());
    for article in articles {
        let mut lines = Vec::new();
        readings_for_article(article, &dictionary, &mut |piece| {
            lines.extend(piece.split('\n').map(str::to_owned));
            Vec::new()
        });
        lines_of.push(lines);
    }
    let mut pieces: Vec<String> = lines_of
        .iter()
        .flatten()
        .flat_map(|line| mecab_pieces(line))
        .map(str::to_owned)
        .collect();
    pieces.sort();
    pieces.dedup();
    let analysed = if pieces.is_empty() {
        Default::default()
    } else {
        match mecab(&pieces) {
            Ok(analysed) => analysed,
            Err(MecabError::Missing(note)) => return Err(NoReadings::Unavailable(note)),
            Err(MecabError::Failed(problem)) => return Err(NoReadings::Failed(problem)),
            Err(MecabError::Mismatch { problem, pieces }) => {
                return Err(NoReadings::Failed(mismatch(
                    articles, &lines_of, &problem, &pieces,
                )))
            }
        }
    };
    // Second pass: with MeCab's answers, each line's pieces in order.
    Ok(articles
        .iter()
        .map(|article| {
            readings_for_article(article, &dictionary, &mut |piece| {
                piece
                    .split('\n')
                    .flat_map(mecab_pieces)
                    .flat_map(|piece| analysed.get(piece).cloned().unwrap_or_default())
                    .collect::<Vec<Token>>()
            })
        })
        .collect())
}

/// MeCab's answers did not match `pieces`: which articles and texts hold them.
fn mismatch(
    articles: &[&Article],
    lines_of: &[Vec<String>],
    problem: &str,
    pieces: &HashSet<String>,
) -> String {
    let mut named = Vec::new();
    for (article, lines) in articles.iter().zip(lines_of) {
        let bad: Vec<&String> = lines
            .iter()
            .filter(|line| mecab_pieces(line).iter().any(|p| pieces.contains(*p)))
            .collect();
        let mut fields: Vec<String> = bad.iter().map(|line| field_of(article, line)).collect();
        fields.dedup();
        for field in fields {
            named.push(format!("{}: {field}", article_file(&article.id)));
        }
    }
    format!(
        "MeCab's answer does not match the text it was given ({problem}), so no readings were written for:\n    {}",
        named.join("\n    ")
    )
}

/// Where in the article `line` is (the first text holding it).
fn field_of(article: &Article, line: &str) -> String {
    if article.title.contains(line) {
        return "title".to_owned();
    }
    let start: String = line.chars().take(20).collect();
    let place = article.blocks.iter().find_map(|block| match block {
        Block::Paragraph { text } if text.contains(line) => Some("a paragraph"),
        Block::Heading { text } if text.contains(line) => Some("a heading"),
        Block::Image {
            caption: Some(caption),
            ..
        } if caption.contains(line) => Some("a caption"),
        _ => None,
    });
    format!("{} with {start:?}…", place.unwrap_or("a text"))
}

/// The readings files of articles that are gone, to be removed.
pub fn stale_readings(site: &Path, keep: &[PathBuf]) -> Vec<PathBuf> {
    let dir = site.join("data/articles");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let keep: HashSet<PathBuf> = keep.iter().map(|kept| site.join(kept)).collect();
    entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.to_string_lossy().ends_with(".readings.json"))
        .filter(|path| !keep.contains(path))
        .collect()
}
