//! The app's routes, as an allow-list: a path is one of these or it is not
//! a place the app will send anyone.
//!
//! Anything that becomes a navigation from data or a URL (a kiosk's home,
//! the route kiosk mode was entered on) goes through [`AppRoute::parse`] and
//! only the normalised [`AppRoute::path`] is ever navigated to. The grammar is
//! strict on purpose: a browser reads `\` as `/`, drops tabs and newlines and
//! decodes `%2e` as `.` before it navigates, so a deny-list of characters can
//! always be walked around; an allow-list of exact routes cannot.

use std::fmt;

use crate::id::Id;

/// Ids that the data layout keeps for itself: `articles/index.json` is the
/// column, not an article.
pub const RESERVED_ARTICLE_IDS: [&str; 1] = ["index"];

/// An article id that can name an article file: a valid [`Id`] that is not
/// reserved by the data layout, in any case (a host whose files ignore case
/// would serve `INDEX.json` as `index.json`).
pub fn article_id(text: &str) -> Option<Id> {
    Id::parse(text).filter(|id| {
        !RESERVED_ARTICLE_IDS
            .iter()
            .any(|reserved| id.as_str().eq_ignore_ascii_case(reserved))
    })
}

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AppRoute {
    /// `/`: the news column.
    Column,
    /// `/news/{id}`.
    Article(Id),
    /// `/news/{id}/print`.
    ArticlePrint(Id),
    /// `/partners`.
    Partners,
    /// `/partners/{id}`.
    Partner(Id),
}

impl AppRoute {
    /// The route `path` names, if it names one exactly: no query, fragment,
    /// trailing slash, encoded or unusual character, or reserved id.
    pub fn parse(path: &str) -> Option<Self> {
        let rest = path.strip_prefix('/')?;
        if rest.is_empty() {
            return Some(AppRoute::Column);
        }
        let segments: Vec<&str> = rest.split('/').collect();
        match segments.as_slice() {
            ["news", id] => article_id(id).map(AppRoute::Article),
            ["news", id, "print"] => article_id(id).map(AppRoute::ArticlePrint),
            ["partners"] => Some(AppRoute::Partners),
            ["partners", id] => Id::parse(id).map(AppRoute::Partner),
            _ => None,
        }
    }

    /// The route's path, always in the one form [`parse`](Self::parse) reads.
    pub fn path(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for AppRoute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppRoute::Column => f.write_str("/"),
            AppRoute::Article(id) => write!(f, "/news/{id}"),
            AppRoute::ArticlePrint(id) => write!(f, "/news/{id}/print"),
            AppRoute::Partners => f.write_str("/partners"),
            AppRoute::Partner(id) => write!(f, "/partners/{id}"),
        }
    }
}

/// A path on this site for an asset such as an image, as the data contract
/// has it: it starts with exactly one `/` (`/data/img/枚方.png`; a query or
/// a fragment is part of the path, Unicode is percent-encoded by the
/// browser). Refused is whatever a browser could read as another site:
/// a scheme, `//host`, a backslash anywhere (read as `/`), control
/// characters (tabs and newlines are dropped, which can join two slashes),
/// an encoded slash or backslash, and paths longer than 2,048 bytes.
pub fn is_same_site_path(src: &str) -> bool {
    let bytes = src.as_bytes();
    if bytes.first() != Some(&b'/') || bytes.get(1) == Some(&b'/') || bytes.len() > 2048 {
        return false;
    }
    if bytes.iter().any(|&b| b == b'\\' || b.is_ascii_control()) {
        return false;
    }
    // An encoded `/` or `\` could be decoded into a second slash by a server.
    let lower = src.to_ascii_lowercase();
    !(lower.contains("%2f") || lower.contains("%5c"))
}

/// Where the app's data and its world map are served: what the service
/// worker saves for offline use.
pub const OFFLINE_ROOTS: [&str; 2] = ["/data/", "/map/"];

/// The path (with its query) of a file the page loaded, if it is data or
/// the world map on this site (`origin`, as `location.origin` writes it):
/// what the page asks the service worker to save for offline use.
pub fn offline_file<'a>(url: &'a str, origin: &str) -> Option<&'a str> {
    let path = url.strip_prefix(origin)?;
    let path = path.split('#').next().unwrap_or(path);
    let saved = OFFLINE_ROOTS.iter().any(|root| path.starts_with(root));
    (saved && is_same_site_path(path)).then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_and_map_a_page_loaded_are_saved_for_offline_use() {
        let origin = "https://news.example.gov";
        for (url, path) in [
            (
                "https://news.example.gov/data/articles/595305.json",
                "/data/articles/595305.json",
            ),
            (
                "https://news.example.gov/data/cities.json",
                "/data/cities.json",
            ),
            (
                "https://news.example.gov/map/world-110m.json",
                "/map/world-110m.json",
            ),
            (
                "https://news.example.gov/data/a.json?v=2#x",
                "/data/a.json?v=2",
            ),
        ] {
            assert_eq!(offline_file(url, origin), Some(path), "{url}");
        }
        for url in [
            // The app itself, other sites, look-alike hosts, odd paths.
            "https://news.example.gov/changning-reader-0123_bg.wasm",
            "https://news.example.gov/news/595305",
            "https://news.example.gov/database.json",
            "https://news.example.gov.evil.example/data/a.json",
            "https://news.example.gov:8443/data/a.json",
            "https://other.example/data/a.json",
            "http://news.example.gov/data/a.json",
            "https://news.example.gov//data/a.json",
            "https://news.example.gov/data/%2F%2Fevil",
            "",
        ] {
            assert_eq!(offline_file(url, origin), None, "{url}");
        }
    }

    #[test]
    fn every_route_of_the_app_parses_and_prints_the_same() {
        for path in [
            "/",
            "/news/595305",
            "/news/595305/print",
            "/partners",
            "/partners/minsk-sovetsky",
        ] {
            let route = AppRoute::parse(path).unwrap_or_else(|| panic!("{path}"));
            assert_eq!(route.path(), path);
        }
    }

    #[test]
    fn anything_else_is_refused() {
        for path in [
            "",
            "partners",
            "//evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            "/partners/",
            "/partners?x=1",
            "/partners#top",
            "/news/",
            "/news/index",
            "/news/index/print",
            "/news/%2e%2e",
            "/news/595305/",
            "/news/595305/print/x",
            "/ partners",
            "/ｐartners",
            "/partners/a b",
            "/elsewhere",
        ] {
            assert_eq!(AppRoute::parse(path), None, "{path:?}");
        }
    }

    #[test]
    fn the_column_file_is_not_an_article() {
        assert_eq!(article_id("index"), None);
        assert_eq!(article_id("INDEX"), None);
        assert_eq!(article_id("Index"), None);
        assert!(article_id("595305").is_some());
        assert!(article_id("indexes").is_some());
    }

    #[test]
    fn images_must_be_paths_on_this_site() {
        for ok in [
            "/data/img/x.jpg",
            "/data/img/%E6%9E%9A%E6%96%B9.png",
            "/data/img/枚方.png",
            "/data/img/x.png?v=1",
            "/data/img/my photo.jpg",
            "/a",
        ] {
            assert!(is_same_site_path(ok), "{ok}");
        }
        for bad in [
            "",
            "x.png",
            "//evil.example/y.png",
            "https://evil.example/x.png",
            "javascript:alert(1)",
            "data:image/png;base64,AAAA",
            "/\\evil.example/x.png",
            "/\t/evil.example",
            "/\n/evil.example",
            "/data/img/\\..\\x.png",
            "/data/%2F%2Fevil",
            "/data/%5cevil",
            " /data/img/x.png",
            "/data/img/x.png\u{0}",
        ] {
            assert!(!is_same_site_path(bad), "{bad:?}");
        }
    }
}
