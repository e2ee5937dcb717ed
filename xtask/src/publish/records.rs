//! What each published file was made from: one line per file, the digest
//! of its inputs (`outputs::Recipe`) and its path. Kept inside the
//! published generation (`generation::RECORDS`), so the records and the
//! files they describe are replaced together, in one step.

use std::collections::BTreeMap;
use std::path::Path;

/// A file's path (below the published folder, or `data/…` for an
/// article's readings) and the digest it was made from.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Records(pub BTreeMap<String, String>);

impl Records {
    /// The records of the live generation `live`; none when it has none
    /// or they cannot be read (then every file is made again).
    pub fn of(live: &Path) -> Records {
        let text = std::fs::read_to_string(live.join(super::generation::RECORDS));
        Records::parse(&text.unwrap_or_default())
    }

    fn parse(text: &str) -> Records {
        Records(
            text.lines()
                .filter_map(|line| line.split_once(' '))
                .map(|(digest, path)| (path.to_owned(), digest.to_owned()))
                .collect(),
        )
    }

    pub fn text(&self) -> String {
        self.0
            .iter()
            .map(|(path, digest)| format!("{digest} {path}\n"))
            .collect()
    }

    /// Whether `path` was last made from `digest`.
    pub fn made_from(&self, path: &str, digest: &str) -> bool {
        self.0.get(path).is_some_and(|d| d == digest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_read_back_as_written_whatever_the_path() {
        let mut records = Records::default();
        for path in [
            "pages/ja/news/1.html",
            "pages/zh/partners/a b.html",
            "feed.xml",
        ] {
            records
                .0
                .insert(path.to_owned(), format!("{:064x}", path.len()));
        }
        assert_eq!(Records::parse(&records.text()), records);
    }
}
