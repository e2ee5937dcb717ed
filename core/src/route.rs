//! The app's routes: the one place a page of the site is named.
//!
//! [`AppRoute`] is the only way to name a page: links are [`AppRoute::href`],
//! the router's answer for an address is [`resolve`], published files are
//! named from it, and what matches routes outside Rust (the server's
//! locations, the page's own script in `index.html`) is generated from
//! [`ROUTES`] by `cargo xtask codegen`, so that the server and the app
//! give the same answer for every address.
//!
//! The grammar is strict on purpose: a browser reads `\` as `/`, drops tabs
//! and newlines and decodes `%2e` as `.` before it navigates, so a
//! deny-list of characters can always be walked around; an allow-list of
//! exact routes cannot. An address that is not exactly a route is not
//! found, except a route with one trailing slash, which is redirected to
//! the route (by the server, and by the app when it is given one).

use std::fmt;

use crate::id::Id;
use crate::pagination::PageNumber;

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
    /// `/`: the news column (its first page).
    Column,
    /// `/page/{n}`: a later page of the column, `n` at least 2 (see
    /// [`AppRoute::column_page`]; page 1 is `/`).
    ColumnPage(PageNumber),
    /// `/news/{id}`.
    Article(Id),
    /// `/news/{id}/print`.
    ArticlePrint(Id),
    /// `/partners`.
    Partners,
    /// `/partners/{id}`.
    Partner(Id),
    /// `/search`: the site search (what was searched is its query,
    /// `?q=`, read by `crate::search::SearchParams`).
    Search,
}

/// Which page a route is, without its ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RouteKind {
    Column,
    ColumnPage,
    Article,
    ArticlePrint,
    Partners,
    Partner,
    Search,
}

impl RouteKind {
    /// The kind of route whose page shows this one: a partner selected on
    /// the map is the map's page, with a selection (the page stays, and
    /// "back" walks the selections); a later page of the column is the
    /// column's page.
    pub fn page(self) -> RouteKind {
        match self {
            RouteKind::Partner => RouteKind::Partners,
            RouteKind::ColumnPage => RouteKind::Column,
            kind => kind,
        }
    }
}

/// One segment of a route's path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment {
    /// Exactly this text.
    Literal(&'static str),
    /// An article's id ([`article_id`]).
    ArticleId,
    /// A partner's id ([`Id`]).
    PartnerId,
    /// A page number from 2 on, in digits, without a leading zero
    /// ([`later_page`]).
    LaterPage,
}

/// The shape of a route's path: its segments after the first `/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteShape {
    pub kind: RouteKind,
    pub segments: &'static [Segment],
}

/// Every route of the app, by shape. A new route is a row here (and a
/// variant of [`AppRoute`]); the router, the server's config and the page's
/// script follow from it.
pub const ROUTES: &[RouteShape] = &[
    RouteShape {
        kind: RouteKind::Column,
        segments: &[],
    },
    RouteShape {
        kind: RouteKind::ColumnPage,
        segments: &[Segment::Literal("page"), Segment::LaterPage],
    },
    RouteShape {
        kind: RouteKind::Article,
        segments: &[Segment::Literal("news"), Segment::ArticleId],
    },
    RouteShape {
        kind: RouteKind::ArticlePrint,
        segments: &[
            Segment::Literal("news"),
            Segment::ArticleId,
            Segment::Literal("print"),
        ],
    },
    RouteShape {
        kind: RouteKind::Partners,
        segments: &[Segment::Literal("partners")],
    },
    RouteShape {
        kind: RouteKind::Partner,
        segments: &[Segment::Literal("partners"), Segment::PartnerId],
    },
    RouteShape {
        kind: RouteKind::Search,
        segments: &[Segment::Literal("search")],
    },
];

impl AppRoute {
    /// The route `path` names, if it names one exactly: no query, fragment,
    /// trailing slash, encoded or unusual character, or reserved id.
    pub fn parse(path: &str) -> Option<Self> {
        let rest = path.strip_prefix('/')?;
        let segments: Vec<&str> = if rest.is_empty() {
            Vec::new()
        } else {
            rest.split('/').collect()
        };
        ROUTES.iter().find_map(|shape| shape.read(&segments))
    }

    /// Which page this is.
    pub fn kind(&self) -> RouteKind {
        match self {
            AppRoute::Column => RouteKind::Column,
            AppRoute::ColumnPage(_) => RouteKind::ColumnPage,
            AppRoute::Article(_) => RouteKind::Article,
            AppRoute::ArticlePrint(_) => RouteKind::ArticlePrint,
            AppRoute::Partners => RouteKind::Partners,
            AppRoute::Partner(_) => RouteKind::Partner,
            AppRoute::Search => RouteKind::Search,
        }
    }

    /// The route's address on this site, always in the one form
    /// [`parse`](Self::parse) reads: for every link to it.
    pub fn href(&self) -> String {
        self.to_string()
    }

    /// Where the page published for this route is kept, below a language's
    /// folder of published pages: `index.html` for `/`, `news/1.html`.
    pub fn published_file(&self) -> String {
        match self {
            AppRoute::Column => "index.html".to_owned(),
            other => format!("{}.html", &other.href()[1..]),
        }
    }

    /// The column's page `page`: `/` for page 1, `/page/{n}` after it.
    pub fn column_page(page: PageNumber) -> Self {
        if page == PageNumber::FIRST {
            AppRoute::Column
        } else {
            AppRoute::ColumnPage(page)
        }
    }

    /// Which page of the column the route shows, if it shows the column.
    pub fn page_of_column(&self) -> Option<PageNumber> {
        match self {
            AppRoute::Column => Some(PageNumber::FIRST),
            AppRoute::ColumnPage(page) => Some(*page),
            _ => None,
        }
    }

    /// Whether the route shows an article (or its print view).
    pub fn article(&self) -> Option<&Id> {
        match self {
            AppRoute::Article(id) | AppRoute::ArticlePrint(id) => Some(id),
            _ => None,
        }
    }

    /// Whether the route is the partner map (with or without a selection).
    pub fn on_map(&self) -> bool {
        matches!(self, AppRoute::Partners | AppRoute::Partner(_))
    }
}

impl fmt::Display for AppRoute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppRoute::Column => f.write_str("/"),
            AppRoute::ColumnPage(page) => write!(f, "/page/{page}"),
            AppRoute::Article(id) => write!(f, "/news/{id}"),
            AppRoute::ArticlePrint(id) => write!(f, "/news/{id}/print"),
            AppRoute::Partners => f.write_str("/partners"),
            AppRoute::Partner(id) => write!(f, "/partners/{id}"),
            AppRoute::Search => f.write_str("/search"),
        }
    }
}

impl RouteShape {
    /// The route these segments name, if they have this shape.
    fn read(&self, segments: &[&str]) -> Option<AppRoute> {
        if segments.len() != self.segments.len() {
            return None;
        }
        let mut ids = Vec::new();
        let mut page = None;
        for (segment, text) in self.segments.iter().zip(segments) {
            match segment {
                Segment::Literal(literal) if literal == text => {}
                Segment::Literal(_) => return None,
                Segment::ArticleId => ids.push(article_id(text)?),
                Segment::PartnerId => ids.push(Id::parse(text)?),
                Segment::LaterPage => page = Some(later_page(text)?),
            }
        }
        let mut ids = ids.into_iter();
        let route = match self.kind {
            RouteKind::Column => AppRoute::Column,
            RouteKind::ColumnPage => AppRoute::ColumnPage(page?),
            RouteKind::Article => AppRoute::Article(ids.next()?),
            RouteKind::ArticlePrint => AppRoute::ArticlePrint(ids.next()?),
            RouteKind::Partners => AppRoute::Partners,
            RouteKind::Partner => AppRoute::Partner(ids.next()?),
            RouteKind::Search => AppRoute::Search,
        };
        Some(route)
    }

    /// The path as a regular expression, without anchors, in the syntax
    /// PCRE (nginx), JavaScript and `fancy-regex` share; each id is a
    /// capture group.
    pub fn pattern(&self) -> String {
        if self.segments.is_empty() {
            return "/".to_owned();
        }
        let mut pattern = String::new();
        for segment in self.segments {
            pattern.push('/');
            match segment {
                Segment::Literal(text) => pattern.push_str(text),
                Segment::ArticleId => pattern.push_str(&article_id_pattern()),
                Segment::PartnerId => pattern.push_str(ID_PATTERN),
                Segment::LaterPage => pattern.push_str(LATER_PAGE_PATTERN),
            }
        }
        pattern
    }

    /// The path as a regular expression that matches it with one trailing
    /// slash: the addresses redirected to the route.
    pub fn trailing_slash_pattern(&self) -> Option<String> {
        (!self.segments.is_empty()).then(|| format!("{}/", self.pattern()))
    }
}

/// An [`Id`] as a capture group.
pub const ID_PATTERN: &str = "([A-Za-z0-9_-]{1,100})";

/// An article's [`Id`] as a capture group: an id that is not one of the
/// [`RESERVED_ARTICLE_IDS`].
pub fn article_id_pattern() -> String {
    format!("{}{ID_PATTERN}", reserved_lookahead())
}

/// A page number from 2 to 999,999,999 as a capture group: what
/// [`later_page`] reads.
pub const LATER_PAGE_PATTERN: &str = "([2-9]|[1-9][0-9]{1,8})";

/// A page number after the first as an address writes it: digits only,
/// no leading zero, at most nine of them, 2 or more. Page 1 is `/` (its
/// other spelling, `/page/1`, is an [`ALIASES`] entry); `/page/0`,
/// `/page/01`, `/page/+2` name no page.
pub fn later_page(text: &str) -> Option<PageNumber> {
    let digits = text.bytes().all(|b| b.is_ascii_digit());
    if !digits || text.is_empty() || text.len() > 9 || text.starts_with('0') {
        return None;
    }
    PageNumber::new(text.parse().ok()?).filter(|page| page.get() >= 2)
}

/// Addresses that name a route in a form other than its own, sent to it as
/// a route with a trailing slash is: `/page/1` is the column's first page.
pub fn aliases() -> [(&'static str, AppRoute); 1] {
    [("/page/1", AppRoute::Column)]
}

/// "Not a reserved id, in any case": a lookahead that refuses each reserved
/// id when no other id character follows it.
fn reserved_lookahead() -> String {
    let any_case = |id: &str| -> String {
        id.chars()
            .map(|c| {
                if c.is_ascii_alphabetic() {
                    format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase())
                } else {
                    c.to_string()
                }
            })
            .collect()
    };
    let ids: Vec<String> = RESERVED_ARTICLE_IDS.iter().map(|id| any_case(id)).collect();
    format!("(?!(?:{})(?![A-Za-z0-9_-]))", ids.join("|"))
}

/// What the site answers for an address's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// The page of this route.
    Page(AppRoute),
    /// The route, written with a trailing slash: sent to its own address.
    Redirect(AppRoute),
    /// No page of the app.
    NotFound,
}

/// The answer for `path` (the path of an address as the browser shows it:
/// percent-encoded, without query or fragment). The server's config is
/// generated to answer the same.
pub fn resolve(path: &str) -> Resolved {
    if let Some(route) = AppRoute::parse(path) {
        return Resolved::Page(route);
    }
    if let Some((_, route)) = aliases().into_iter().find(|(alias, _)| *alias == path) {
        return Resolved::Redirect(route);
    }
    match path.strip_suffix('/').and_then(AppRoute::parse) {
        Some(route) if route != AppRoute::Column => Resolved::Redirect(route),
        _ => Resolved::NotFound,
    }
}

/// Whether `path` has the shape of an article's address (`/news/{x}` or
/// `/news/{x}/print`) whatever `x` is: a reader who followed such a link
/// is told that the article, not the page, is missing.
pub fn names_an_article(path: &str) -> bool {
    let Some(rest) = path.strip_prefix("/news/") else {
        return false;
    };
    let id = rest.strip_suffix("/print").unwrap_or(rest);
    !id.is_empty() && !id.contains('/')
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

    const EVERY_ROUTE: [&str; 7] = [
        "/",
        "/page/2",
        "/news/595305",
        "/news/595305/print",
        "/partners",
        "/partners/minsk-sovetsky",
        "/search",
    ];

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
        for path in EVERY_ROUTE {
            let route = AppRoute::parse(path).unwrap_or_else(|| panic!("{path}"));
            assert_eq!(route.href(), path);
            assert_eq!(resolve(path), Resolved::Page(route));
        }
    }

    #[test]
    fn every_kind_of_route_has_one_shape() {
        for path in EVERY_ROUTE {
            let route = AppRoute::parse(path).unwrap();
            let shapes: Vec<_> = ROUTES.iter().filter(|s| s.kind == route.kind()).collect();
            assert_eq!(shapes.len(), 1, "{path}");
        }
        assert_eq!(ROUTES.len(), EVERY_ROUTE.len());
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
            "/search/",
            "/search?q=x",
            "/Search",
            "/search/x",
            "/partners/a b",
            "/elsewhere",
        ] {
            assert_eq!(AppRoute::parse(path), None, "{path:?}");
        }
    }

    #[test]
    fn a_route_with_a_trailing_slash_is_sent_to_the_route_and_odd_paths_are_not_found() {
        let article = AppRoute::Article(Id::parse("595305").unwrap());
        assert_eq!(resolve("/news/595305/"), Resolved::Redirect(article));
        assert_eq!(
            resolve("/partners/"),
            Resolved::Redirect(AppRoute::Partners)
        );
        for path in [
            "/news//595305",
            "//news/595305",
            "/news%2F595305",
            "/news/..%2Fpartners",
            "/index",
            "/news/595305//",
            "//",
            "/news/index/",
            "/news/595305/print//",
        ] {
            assert_eq!(resolve(path), Resolved::NotFound, "{path:?}");
        }
    }

    #[test]
    fn the_column_pages_are_page_2_onwards_in_plain_digits() {
        let page = |n| PageNumber::new(n).unwrap();
        for n in [2, 3, 10, 99, 100, 999_999_999] {
            let path = format!("/page/{n}");
            assert_eq!(
                resolve(&path),
                Resolved::Page(AppRoute::ColumnPage(page(n)))
            );
        }
        assert_eq!(resolve("/page/1"), Resolved::Redirect(AppRoute::Column));
        assert_eq!(
            resolve("/page/2/"),
            Resolved::Redirect(AppRoute::ColumnPage(page(2)))
        );
        for path in [
            "/page/0",
            "/page/01",
            "/page/02",
            "/page/x",
            "/page/",
            "/page",
            "/page/+2",
            "/page/-2",
            "/page/2.0",
            "/page/1000000000",
            "/page/1/",
            "/page/2/x",
            "/page/%32",
            "/page/ 2",
            "/page/２",
            "/PAGE/2",
        ] {
            assert_eq!(resolve(path), Resolved::NotFound, "{path:?}");
        }
        assert_eq!(AppRoute::column_page(PageNumber::FIRST), AppRoute::Column);
        assert_eq!(AppRoute::column_page(page(2)).href(), "/page/2");
        assert_eq!(AppRoute::Column.page_of_column(), Some(PageNumber::FIRST));
        assert_eq!(
            AppRoute::ColumnPage(page(7)).page_of_column(),
            Some(page(7))
        );
        assert_eq!(AppRoute::Partners.page_of_column(), None);
        assert_eq!(RouteKind::ColumnPage.page(), RouteKind::Column);
        assert_eq!(
            AppRoute::ColumnPage(page(12)).published_file(),
            "page/12.html"
        );
    }

    #[test]
    fn aliases_are_plain_paths_that_are_no_route() {
        for (alias, route) in aliases() {
            assert!(alias
                .bytes()
                .all(|b| b == b'/' || b.is_ascii_alphanumeric()));
            assert_eq!(AppRoute::parse(alias), None, "{alias}");
            assert_ne!(alias, route.href());
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn id() -> impl Strategy<Value = Id> {
            "[A-Za-z0-9_-]{1,100}".prop_filter_map("an id", |text| article_id(&text))
        }

        /// Any route of the app, with any ids and page number.
        fn route() -> impl Strategy<Value = AppRoute> {
            prop_oneof![
                Just(AppRoute::Column),
                (1u32..=999_999_999).prop_map(|n| AppRoute::column_page(
                    PageNumber::new(n).unwrap_or(PageNumber::FIRST)
                )),
                id().prop_map(AppRoute::Article),
                id().prop_map(AppRoute::ArticlePrint),
                Just(AppRoute::Partners),
                id().prop_map(AppRoute::Partner),
                Just(AppRoute::Search),
            ]
        }

        proptest! {
            /// Every link the app writes names its route, and only it.
            #[test]
            fn every_href_parses_back_to_its_route(route in route()) {
                let href = route.href();
                prop_assert_eq!(AppRoute::parse(&href), Some(route.clone()));
                prop_assert_eq!(resolve(&href), Resolved::Page(route.clone()));
                let file = route.published_file();
                prop_assert!(file.ends_with(".html") && !file.starts_with('/'));
            }
        }
    }

    #[test]
    fn published_files_are_named_by_route() {
        assert_eq!(AppRoute::Column.published_file(), "index.html");
        let id = Id::parse("595305").unwrap();
        assert_eq!(
            AppRoute::ArticlePrint(id).published_file(),
            "news/595305/print.html"
        );
        assert_eq!(AppRoute::Partners.published_file(), "partners.html");
    }

    #[test]
    fn the_column_file_is_not_an_article() {
        assert_eq!(article_id("index"), None);
        for path in [
            "/news/index",
            "/news/INDEX/print",
            "/news/595305",
            "/news/x/print",
        ] {
            assert!(names_an_article(path), "{path}");
        }
        for path in [
            "/news/",
            "/news//print",
            "/news/a/b",
            "/partners/x",
            "/",
            "/news",
        ] {
            assert!(!names_an_article(path), "{path}");
        }
        assert_eq!(article_id("INDEX"), None);
        assert_eq!(article_id("Index"), None);
        assert!(article_id("595305").is_some());
        assert!(article_id("indexes").is_some());
    }

    #[test]
    fn patterns_spell_each_segment() {
        let article = ROUTES
            .iter()
            .find(|s| s.kind == RouteKind::ArticlePrint)
            .unwrap();
        assert_eq!(
            article.pattern(),
            "/news/(?!(?:[Ii][Nn][Dd][Ee][Xx])(?![A-Za-z0-9_-]))([A-Za-z0-9_-]{1,100})/print"
        );
        assert_eq!(ROUTES[0].pattern(), "/");
        assert_eq!(ROUTES[0].trailing_slash_pattern(), None);
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
