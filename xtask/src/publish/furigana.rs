//! Readings (furigana) for every article, written beside it as
//! `data/articles/{id}.readings.json` (format: `reader_core::reading::ruby`).
//! MeCab with its IPADIC dictionary finds the words and their readings, the
//! newsroom's `data/readings.json` overrides them, and
//! `reader_core::reading::furigana` decides what goes over which kanji.
//!
//! MeCab runs once for the whole site: a first pass over every article
//! collects the pieces of text to analyse, MeCab reads them one per line,
//! and a second pass annotates with its answers.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use reader_core::reading::furigana::{offers_furigana, readings_for_article, Token};
use reader_core::reading::ruby::{readings_file_name, ReadingsFile};
use reader_core::{Article, Id};

use super::site_data::SiteData;

/// Where Debian's `mecab-ipadic-utf8` puts the dictionary the readings are
/// read from (its 8th feature is the reading in katakana).
const IPADIC: &str = "/var/lib/mecab/dic/ipadic-utf8";

/// Readings files to write (each its path below the site and its JSON),
/// and those to keep as they are (their paths).
pub type ReadingsToPublish = (Vec<(PathBuf, String)>, Vec<PathBuf>);

/// The readings files of every article in Japanese (`offers_furigana`),
/// to write and to keep. Every such article has one, an empty list where
/// there are no readings, so that a reader who turns furigana on never
/// meets a 404 on a published article. Without MeCab, the readings
/// published before stay (they name the texts they are for, so an edited
/// text simply shows none) and an article that has none gets an empty
/// list; a note says so.
pub fn readings_to_publish(site: &Path, data: &SiteData) -> Result<ReadingsToPublish, String> {
    let japanese: Vec<&Article> = data
        .articles
        .iter()
        .map(|(article, _)| article.as_ref())
        .filter(|article| offers_furigana(article))
        .collect();
    let (files, kept) = match analysed_readings(&japanese, data) {
        Ok(files) => (files, Vec::new()),
        Err(note) => {
            println!("  note: {note}; the readings published before are kept");
            without_analyser(site, &japanese)
        }
    };
    let files = files
        .into_iter()
        .map(|file| serde_json::to_string(&file).map(|json| (readings_path(&file.article), json)))
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())?;
    Ok((files, kept))
}

/// Without MeCab: the readings files published before, to keep, and an
/// empty one for each article that has none.
fn without_analyser(site: &Path, articles: &[&Article]) -> (Vec<ReadingsFile>, Vec<PathBuf>) {
    let (kept, missing): (Vec<&Article>, Vec<&Article>) = articles
        .iter()
        .copied()
        .partition(|article| site.join(readings_path(&article.id)).is_file());
    let empty = missing
        .into_iter()
        .map(|article| ReadingsFile {
            article: article.id.clone(),
            texts: Vec::new(),
        })
        .collect();
    let kept = kept.into_iter().map(|a| readings_path(&a.id)).collect();
    (empty, kept)
}

/// Where an article's readings are, below the site.
fn readings_path(id: &Id) -> PathBuf {
    Path::new("data/articles").join(readings_file_name(id))
}

/// The readings of `articles` from MeCab (and the newsroom's dictionary),
/// or a note saying why there are none.
fn analysed_readings(articles: &[&Article], data: &SiteData) -> Result<Vec<ReadingsFile>, String> {
    let dictionary = data.dictionary.clone().unwrap_or_default();
    // First pass: which pieces of text MeCab has to read.
    let mut pieces: Vec<String> = Vec::new();
    for article in articles {
        readings_for_article(article, &dictionary, &mut |piece| {
            pieces.extend(piece.split('\n').map(str::to_owned));
            Vec::new()
        });
    }
    pieces.sort();
    pieces.dedup();
    let analysed = if pieces.is_empty() {
        HashMap::new()
    } else {
        mecab(&pieces)?
    };
    // Second pass: with MeCab's answers.
    Ok(articles
        .iter()
        .map(|article| {
            readings_for_article(article, &dictionary, &mut |piece| {
                piece
                    .split('\n')
                    .flat_map(|line| analysed.get(line).cloned().unwrap_or_default())
                    .collect()
            })
        })
        .collect())
}

/// Runs MeCab over `lines` (none may hold a line break): each line's words
/// with their readings.
fn mecab(lines: &[String]) -> Result<HashMap<String, Vec<Token>>, String> {
    let mut command = Command::new("mecab");
    if Path::new(IPADIC).is_dir() {
        command.args(["-d", IPADIC]);
    }
    command
        .args([
            "--node-format=%m\\t%f[7]\\n",
            "--unk-format=%m\\t\\n",
            "--eos-format=EOS\\n",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().map_err(|e| {
        format!("MeCab is not installed ({e}): articles are published without readings (furigana); `cargo xtask setup` installs it")
    })?;
    let input = lines.join("\n") + "\n";
    let writer = child
        .stdin
        .take()
        .map(|mut stdin| std::thread::spawn(move || stdin.write_all(input.as_bytes())));
    let output = child
        .wait_with_output()
        .map_err(|e| format!("MeCab: {e}"))?;
    if let Some(writer) = writer {
        writer
            .join()
            .map_err(|_| "MeCab: writing its input failed".to_owned())?
            .map_err(|e| format!("MeCab: {e}"))?;
    }
    if !output.status.success() {
        return Err(format!(
            "MeCab failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let answers = parse_mecab(&text);
    if answers.len() != lines.len() {
        return Err(format!(
            "MeCab answered {} lines for {}: no readings written",
            answers.len(),
            lines.len()
        ));
    }
    Ok(lines.iter().cloned().zip(answers).collect())
}

/// MeCab's output (`surface\treading` per word, `EOS` after each line) as
/// the words of each line.
fn parse_mecab(output: &str) -> Vec<Vec<Token>> {
    let mut lines = Vec::new();
    let mut words = Vec::new();
    for line in output.lines() {
        if line == "EOS" {
            lines.push(std::mem::take(&mut words));
            continue;
        }
        let (surface, reading) = line.split_once('\t').unwrap_or((line, ""));
        words.push(Token {
            surface: surface.to_owned(),
            reading: (!reading.is_empty() && reading != "*").then(|| reading.to_owned()),
        });
    }
    lines
}

/// The readings files of articles that are gone, to be removed.
pub fn stale_readings(site: &Path, keep: &[PathBuf]) -> Vec<PathBuf> {
    let dir = site.join("data/articles");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.to_string_lossy().ends_with(".readings.json"))
        .filter(|path| !keep.iter().any(|kept| site.join(kept) == *path))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mecab_output_is_read_line_by_line() {
        let output = "長\tチョウ\n寧\tヤスシ\nEOS\nEOS\n34\t\n年\tネン\nWin\t*\nEOS\n";
        let lines = parse_mecab(output);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0][1].surface, "寧");
        assert_eq!(lines[0][1].reading.as_deref(), Some("ヤスシ"));
        assert!(lines[1].is_empty());
        assert_eq!(lines[2][0].reading, None);
        assert_eq!(lines[2][2].reading, None);
    }

    #[test]
    fn without_mecab_readings_published_before_stay_and_others_are_empty() {
        let site = std::env::temp_dir().join(format!("readings-kept-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&site);
        std::fs::create_dir_all(site.join("data/articles")).unwrap();
        std::fs::write(site.join("data/articles/a.readings.json"), "{}").unwrap();
        let article = |id: &str| {
            let json = format!(
                r#"{{"id": "{id}", "title": "長寧", "published": "2024-01-01",
                    "blocks": [{{"kind": "paragraph", "text": "x"}}]}}"#
            );
            reader_core::decode_article(&Id::parse(id).unwrap(), json).unwrap()
        };
        let (a, b) = (article("a"), article("b"));
        let (empty, kept) = without_analyser(&site, &[&a, &b]);
        assert_eq!(kept, vec![PathBuf::from("data/articles/a.readings.json")]);
        assert_eq!(empty.len(), 1);
        assert_eq!((empty[0].article.as_str(), empty[0].texts.len()), ("b", 0));
        let _ = std::fs::remove_dir_all(&site);
    }

    /// With MeCab installed (as `cargo xtask setup` does): the seed
    /// article's words as MeCab reads them, before any dictionary.
    #[test]
    fn mecab_reads_the_seed_articles_words() {
        let lines = vec!["枚方市と交流を深めた".to_owned(), "取り組み".to_owned()];
        let analysed = mecab(&lines).expect("MeCab runs (cargo xtask setup installs it)");
        let words = &analysed["枚方市と交流を深めた"];
        assert_eq!(words[0].surface, "枚方");
        assert_eq!(words[0].reading.as_deref(), Some("ヒラカタ"));
        assert_eq!(analysed["取り組み"][0].reading.as_deref(), Some("トリクミ"));
    }
}
