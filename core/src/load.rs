//! What can go wrong when loading a data file, decided from the response.

use std::fmt;

use crate::error::DataError;

/// Why a data file could not be shown.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The server answered 404 or 410: the file is not there.
    NotFound { file: String },
    /// The server answered with another error status.
    Server { file: String, status: u16 },
    /// No answer: the network is down or the server unreachable.
    Unreachable { file: String },
    /// No answer in time.
    TimedOut { file: String },
    /// An answer, but not data following the contract.
    BadData(DataError),
}

impl LoadError {
    /// The file, relative to `/data/`.
    pub fn file(&self) -> &str {
        match self {
            LoadError::NotFound { file }
            | LoadError::Server { file, .. }
            | LoadError::Unreachable { file }
            | LoadError::TimedOut { file } => file,
            LoadError::BadData(error) => &error.file,
        }
    }

    /// Whether this is the server's definitive word on the content: the
    /// file is not there (404 or 410; an article withdrawn). Every other
    /// failure says nothing about the content itself, so a page published
    /// from it stays in view (`src/handover.rs`):
    ///
    /// - no answer, no answer in time, a 5xx: the server or the way to it
    ///   is down for now;
    /// - another 4xx (401, 403, 429…): an answer about the request (who
    ///   asks, how often), not about the article;
    /// - bad data: `cargo xtask publish` refuses data that does not follow
    ///   the contract, so a published page was made from files that did.
    ///   A file that does not now is a broken upload, a transfer cut short
    ///   or a proxy's or captive portal's HTML page in its place: not a
    ///   newsroom's decision to change the content, which it makes by
    ///   publishing again. The reader keeps the last sound publication and
    ///   is told it could not be refreshed; the file and field that are
    ///   wrong are named in the console (and by `publish`).
    pub fn is_final(&self) -> bool {
        matches!(self, LoadError::NotFound { .. })
    }

    /// Whether trying again could help (server errors, timeouts, offline).
    pub fn can_retry(&self) -> bool {
        matches!(
            self,
            LoadError::Server { .. } | LoadError::Unreachable { .. } | LoadError::TimedOut { .. }
        )
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotFound { file } => write!(f, "{file}: not found"),
            LoadError::Server { file, status } => write!(f, "{file}: server error {status}"),
            LoadError::Unreachable { file } => write!(f, "{file}: server unreachable"),
            LoadError::TimedOut { file } => write!(f, "{file}: no answer in time"),
            LoadError::BadData(error) => write!(f, "{error}"),
        }
    }
}

/// Decides from the status, `Content-Type` and first bytes of an answer
/// whether it can be decoded as the JSON file `file`.
///
/// Misconfigured servers answer a missing file with their `index.html` and
/// status 200; that is reported as bad data, not decoded.
pub fn classify_response(
    file: &str,
    status: u16,
    content_type: Option<&str>,
    body: &str,
) -> Result<(), LoadError> {
    let file_owned = || file.to_owned();
    match status {
        404 | 410 => Err(LoadError::NotFound { file: file_owned() }),
        200..=299 => {
            let html_type = content_type.is_some_and(|t| t.to_ascii_lowercase().contains("html"));
            if html_type || body.trim_start().starts_with('<') {
                Err(LoadError::BadData(DataError::new(
                    file,
                    "",
                    crate::error::Problem::Html,
                )))
            } else {
                Ok(())
            }
        }
        _ => Err(LoadError::Server {
            file: file_owned(),
            status,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_answers_pass() {
        assert_eq!(
            classify_response("a.json", 200, Some("application/json"), "{}"),
            Ok(())
        );
        assert_eq!(classify_response("a.json", 200, None, "  [1]"), Ok(()));
    }

    #[test]
    fn a_missing_file_is_not_found() {
        let err =
            classify_response("articles/9.json", 404, Some("text/html"), "<html>").unwrap_err();
        assert_eq!(
            err,
            LoadError::NotFound {
                file: "articles/9.json".into()
            }
        );
        assert!(!err.can_retry());
    }

    #[test]
    fn html_where_json_was_expected_is_bad_data_naming_the_file() {
        for (ct, body) in [
            (Some("text/html; charset=utf-8"), "{}"),
            (Some("application/octet-stream"), "\n<!doctype html>"),
        ] {
            let err = classify_response("cities.json", 200, ct, body).unwrap_err();
            assert_eq!(err.file(), "cities.json");
            assert!(matches!(err, LoadError::BadData(_)), "{err:?}");
        }
    }

    #[test]
    fn only_not_found_is_the_servers_final_word_on_the_content() {
        let file = || "articles/1.json".to_owned();
        // Every status a server can answer that is not a success.
        for status in (100..200).chain(300..600) {
            let err = classify_response("articles/1.json", status, None, "").unwrap_err();
            assert_eq!(err.is_final(), status == 404 || status == 410, "{status}");
        }
        let html = classify_response("articles/1.json", 200, Some("text/html"), "<html>");
        assert!(!html.unwrap_err().is_final());
        assert!(!LoadError::Unreachable { file: file() }.is_final());
        assert!(!LoadError::TimedOut { file: file() }.is_final());
    }

    #[test]
    fn server_errors_can_be_retried() {
        let err = classify_response("a.json", 503, Some("text/html"), "").unwrap_err();
        assert_eq!(
            err,
            LoadError::Server {
                file: "a.json".into(),
                status: 503
            }
        );
        assert!(err.can_retry());
        assert!(LoadError::TimedOut {
            file: "a.json".into()
        }
        .can_retry());
    }
}
