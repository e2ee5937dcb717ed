//! Readings (furigana) for every article, written beside it as
//! `data/articles/{id}.readings.json` (format: `reader_core::reading::ruby`).
//! MeCab with its IPADIC dictionary finds the words and their readings, the
//! newsroom's `data/readings.json` overrides them, and
//! `reader_core::reading::furigana` decides what goes over which kanji.
//!
//! MeCab runs once for the whole site: a first pass over every article
//! collects the lines of text to analyse, MeCab reads them one per line,
//! and a second pass annotates with its answers. A long line goes to MeCab
//! in pieces cut at sentence ends (see [`mecab_pieces`]), and every answer
//! is checked against its line: an answer that is not its line's words
//! fails publishing, naming the article, rather than leaving readings out.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use reader_core::article::article_file;
use reader_core::reading::furigana::{readings_for_article, Token};
use reader_core::reading::ruby::readings_file_name;
use reader_core::{Article, Block};

use super::mecab::{mecab, mecab_pieces, MecabError};
use super::site_data::SiteData;

/// Why there are no readings files.
#[derive(Debug)]
pub enum NoReadings {
    /// MeCab is not installed: publishing goes on without readings.
    Unavailable(String),
    /// MeCab ran and failed, or answered something else than the words of
    /// the texts it was given: publishing stops.
    Failed(String),
}

/// The readings files to write (paths below the site).
pub fn readings_files(data: &SiteData) -> Result<Vec<(PathBuf, String)>, NoReadings> {
    let dictionary = data.dictionary.clone().unwrap_or_default();
    // First pass: which lines of text MeCab has to read, and whose they are.
    let mut lines_of: Vec<Vec<String>> = Vec::with_capacity(data.articles.len());
    for (article, _) in &data.articles {
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
    let analysed = match mecab(&pieces) {
        Ok(analysed) => analysed,
        Err(MecabError::Missing(note)) => return Err(NoReadings::Unavailable(note)),
        Err(MecabError::Failed(problem)) => return Err(NoReadings::Failed(problem)),
        Err(MecabError::Mismatch { problem, pieces }) => {
            return Err(NoReadings::Failed(mismatch(
                data, &lines_of, &problem, &pieces,
            )))
        }
    };
    // Second pass: with MeCab's answers, each line's pieces in order.
    let mut files = Vec::new();
    for (article, _) in &data.articles {
        let file = readings_for_article(article, &dictionary, &mut |piece| {
            piece
                .split('\n')
                .flat_map(mecab_pieces)
                .flat_map(|piece| analysed.get(piece).cloned().unwrap_or_default())
                .collect::<Vec<Token>>()
        });
        if file.texts.is_empty() {
            continue;
        }
        let path = Path::new("data/articles").join(readings_file_name(&article.id));
        let json = serde_json::to_string(&file).map_err(|e| NoReadings::Failed(e.to_string()))?;
        files.push((path, json));
    }
    Ok(files)
}

/// MeCab's answers did not match `pieces`: which articles and texts hold them.
fn mismatch(
    data: &SiteData,
    lines_of: &[Vec<String>],
    problem: &str,
    pieces: &HashSet<String>,
) -> String {
    let mut named = Vec::new();
    for ((article, _), lines) in data.articles.iter().zip(lines_of) {
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
