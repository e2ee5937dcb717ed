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

use reader_core::reading::furigana::{readings_for_article, Token};
use reader_core::reading::ruby::readings_file_name;

use super::site_data::SiteData;

/// Where Debian's `mecab-ipadic-utf8` puts the dictionary the readings are
/// read from (its 8th feature is the reading in katakana).
const IPADIC: &str = "/var/lib/mecab/dic/ipadic-utf8";

/// The readings files to write (paths below the site), or a note saying
/// why there are none.
pub fn readings_files(data: &SiteData) -> Result<Vec<(PathBuf, String)>, String> {
    let dictionary = data.dictionary.clone().unwrap_or_default();
    // First pass: which pieces of text MeCab has to read.
    let mut pieces: Vec<String> = Vec::new();
    for (article, _) in &data.articles {
        readings_for_article(article, &dictionary, &mut |piece| {
            pieces.extend(piece.split('\n').map(str::to_owned));
            Vec::new()
        });
    }
    pieces.sort();
    pieces.dedup();
    let analysed = mecab(&pieces)?;
    // Second pass: with MeCab's answers.
    let mut files = Vec::new();
    for (article, _) in &data.articles {
        let file = readings_for_article(article, &dictionary, &mut |piece| {
            piece
                .split('\n')
                .flat_map(|line| analysed.get(line).cloned().unwrap_or_default())
                .collect()
        });
        if file.texts.is_empty() {
            continue;
        }
        let path = Path::new("data/articles").join(readings_file_name(&article.id));
        let json = serde_json::to_string(&file).map_err(|e| e.to_string())?;
        files.push((path, json));
    }
    Ok(files)
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
