//! Running MeCab over the lines of the site's texts, and checking that what
//! it answers is the words of each line.
//!
//! MeCab reads a line into a buffer of `--input-buffer-size` bytes (8192 by
//! default) and cuts a longer line into several, each with its own answer:
//! the answers then no longer line up with the lines. And its memory grows
//! with the line (about 180 bytes per byte). So a long line goes in pieces
//! cut at sentence ends ([`mecab_pieces`]), the buffer is sized from the
//! longest piece, and each answer is checked against its piece.

use std::collections::{HashMap, HashSet};
use std::io::{ErrorKind, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use reader_core::reading::furigana::Token;
use reader_core::reading::sentences::split_sentences;

/// Where Debian's `mecab-ipadic-utf8` puts the dictionary the readings are
/// read from (its 8th feature is the reading in katakana).
const IPADIC: &str = "/var/lib/mecab/dic/ipadic-utf8";

/// A line up to this long (bytes) goes to MeCab whole, as it fits MeCab's
/// default buffer; a longer one in pieces of whole sentences up to this long.
const WHOLE_LINE: usize = 8000;

/// The longest piece: a sentence longer than this is cut too (after a
/// comma or space near the end when it has one).
const LONGEST_PIECE: usize = 64 * 1024;

/// Why MeCab gave no readings.
#[derive(Debug)]
pub enum MecabError {
    /// MeCab is not installed.
    Missing(String),
    /// MeCab failed.
    Failed(String),
    /// MeCab's answer is not the words of `pieces` (the first that does not
    /// match).
    Mismatch {
        problem: String,
        pieces: HashSet<String>,
    },
}

/// `line` in the pieces MeCab reads: the line itself when it is short,
/// else runs of whole sentences, each up to [`WHOLE_LINE`] bytes unless one
/// sentence is longer (up to [`LONGEST_PIECE`]). Together they are the line.
pub fn mecab_pieces(line: &str) -> Vec<&str> {
    if line.len() <= WHOLE_LINE {
        return vec![line];
    }
    let mut out = Vec::new();
    let mut start = 0;
    for sentence in split_sentences(line) {
        if sentence.end - start > WHOLE_LINE && sentence.start > start {
            out.push(&line[start..sentence.start]);
            start = sentence.start;
        }
        while sentence.end - start > LONGEST_PIECE {
            let cut = cut_point(line, start);
            out.push(&line[start..cut]);
            start = cut;
        }
    }
    if start < line.len() {
        out.push(&line[start..]);
    }
    out
}

/// Where to end a piece that starts at `start` and would be too long: after
/// the last comma or space in its second half, else at a character.
fn cut_point(line: &str, start: usize) -> usize {
    let mut end = start + LONGEST_PIECE;
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    let mut half = start + LONGEST_PIECE / 2;
    while !line.is_char_boundary(half) {
        half -= 1;
    }
    match line[half..end].rfind(['、', '，', ',', ' ']) {
        Some(at) => {
            let at = half + at;
            at + line[at..].chars().next().map_or(1, char::len_utf8)
        }
        None => end,
    }
}

/// Runs MeCab over `pieces` (none may hold a line break): each piece's
/// words with their readings.
pub fn mecab(pieces: &[String]) -> Result<HashMap<String, Vec<Token>>, MecabError> {
    let longest = pieces.iter().map(String::len).max().unwrap_or(0);
    let mut command = Command::new("mecab");
    if Path::new(IPADIC).is_dir() {
        command.args(["-d", IPADIC]);
    }
    command
        .arg(format!("--input-buffer-size={}", (longest + 64).max(8192)))
        .args([
            "--node-format=%m\\t%f[7]\\n",
            "--unk-format=%m\\t\\n",
            "--eos-format=EOS\\n",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().map_err(|e| match e.kind() {
        ErrorKind::NotFound => MecabError::Missing(format!(
            "MeCab is not installed ({e}): articles are published without readings (furigana); `cargo xtask setup` installs it"
        )),
        _ => MecabError::Failed(format!("MeCab could not be started: {e}")),
    })?;
    // Control characters (a NUL would end MeCab's line) as spaces, which
    // MeCab skips as it skips spaces.
    let said: Vec<String> = pieces
        .iter()
        .map(|p| p.replace(|c: char| c.is_control(), " "))
        .collect();
    let input = said.join("\n") + "\n";
    let writer = child
        .stdin
        .take()
        .map(|mut stdin| std::thread::spawn(move || stdin.write_all(input.as_bytes())));
    let failed = |e: std::io::Error| MecabError::Failed(format!("MeCab: {e}"));
    let output = child.wait_with_output().map_err(failed)?;
    if let Some(writer) = writer {
        writer
            .join()
            .map_err(|_| MecabError::Failed("MeCab: writing its input failed".to_owned()))?
            .map_err(failed)?;
    }
    if !output.status.success() {
        return Err(MecabError::Failed(format!(
            "MeCab failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    let answers = parse_mecab(&String::from_utf8_lossy(&output.stdout));
    let misfit = (0..pieces.len()).find(|&i| answers.get(i).is_none_or(|a| !fits(&said[i], a)));
    if let Some(i) = misfit {
        return Err(MecabError::Mismatch {
            problem: format!(
                "{} answers for {} lines, the first that does not match line {}",
                answers.len(),
                pieces.len(),
                i + 1
            ),
            pieces: HashSet::from([pieces[i].clone()]),
        });
    }
    Ok(pieces.iter().cloned().zip(answers).collect())
}

/// Whether `words` are `line`'s, in order. MeCab leaves out what its
/// dictionary calls space (the space, U+00D0 in IPADIC's `char.def`), so
/// between words only characters that may be such are skipped.
fn fits(line: &str, words: &[Token]) -> bool {
    let skipped = |c: char| c.is_whitespace() || c == '\u{D0}';
    let mut rest = line;
    for word in words {
        loop {
            if let Some(after) = rest.strip_prefix(word.surface.as_str()) {
                rest = after;
                break;
            }
            match rest.chars().next() {
                Some(c) if skipped(c) => rest = &rest[c.len_utf8()..],
                _ => return false,
            }
        }
    }
    rest.chars().all(skipped)
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

#[cfg(test)]
mod tests;
