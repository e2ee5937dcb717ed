//! The error a reader (and the editor behind them) sees for bad data.

use std::fmt;

/// What is wrong with one data file, said so that an editor can find it:
/// the file, the path of the field inside it, and the problem.
///
/// Displayed as `cities.json: partners[3].lat: expected a number`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file as the newsroom knows it, relative to `/data/`.
    pub file: String,
    /// The field path inside the file (`partners[3].lat`); empty when the
    /// whole file is at fault (not JSON at all).
    pub path: String,
    /// What is wrong, in plain words.
    pub problem: String,
}

impl DataError {
    pub fn new(file: &str, path: impl Into<String>, problem: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            path: path.into(),
            problem: problem.into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.file, self.problem)
        } else {
            write!(f, "{}: {}: {}", self.file, self.path, self.problem)
        }
    }
}

impl std::error::Error for DataError {}
