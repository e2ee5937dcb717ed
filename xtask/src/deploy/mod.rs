//! How the site is served, as one table: the routes (from
//! `reader_core::route`), the headers every answer carries, how long each
//! kind of file may be cached, and which published file answers a route in
//! which language. The server configs are generated from it
//! (`cargo xtask codegen` writes `deploy/nginx.conf`), so that what the app
//! does and what the server does cannot drift apart.

pub mod edge;
pub mod nginx_conf;

use reader_core::route::{RouteShape, ROUTES};

/// The interface languages a published page comes in, the default first.
pub const LANGUAGES: [&str; 3] = ["ja", "zh", "en"];

/// The first range of an `Accept-Language` header, in the order written,
/// whose primary subtag is one of [`LANGUAGES`] (matched without regard to
/// case) and whose q is not 0 (the lookahead refuses a `q=0` parameter),
/// as the capture group `l`; white space is spaces and tabs. PCRE and
/// JavaScript read it alike.
pub fn accept_language_pattern() -> String {
    let langs = LANGUAGES.join("|");
    format!(
        "^(?:[^,]*,)*?[ \\t]*(?<l>{langs})(?:[-_][^,; \\t]*)?[ \\t]*(?:;(?![ \\t]*q[ \\t]*=[ \\t]*0(?:\\.0*)?[ \\t]*(?:[;,]|$))[^,;]*)*(?:,|$)"
    )
}

/// The cookie that remembers the reader's language for the server.
pub const LANGUAGE_COOKIE: &str = "reader_lang";

/// Where publish keeps everything it writes, below the site: swapped in as
/// one directory, so a site is never half published. Served only through
/// the addresses below (and the routes), never under its own name.
pub const PUBLISHED_DIR: &str = "published";

/// The Content-Security-Policy, with `crate::csp::PLACEHOLDER` in place of
/// the hashes of the build's inline scripts (filled in per build).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' __TRUNK_LOADER_HASHES__; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Headers on every answer, errors included.
pub const SECURITY_HEADERS: [(&str, &str); 6] = [
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    (
        "Permissions-Policy",
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
    ),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
];

/// `Vary` of a published page: its language comes from the cookie and the
/// browser's languages, so shared caches keep the copies apart.
pub const PUBLISHED_PAGES_VARY: &str = "Cookie, Accept-Language";

/// Strict-Transport-Security, for a site served over TLS only.
pub const HSTS: (&str, &str) = (
    "Strict-Transport-Security",
    "max-age=63072000; includeSubDomains",
);

/// How long a browser or a shared cache may keep an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caching {
    /// Asked again every time (a 304 when unchanged): the shell, data,
    /// published pages, error pages; anything a newsroom or a new build
    /// changes under the same name.
    Revalidate,
    /// Never changes under its name (the build's content-hashed files).
    Immutable,
}

impl Caching {
    pub fn cache_control(self) -> &'static str {
        match self {
            Caching::Revalidate => "no-cache",
            Caching::Immutable => "public, max-age=31536000, immutable",
        }
    }
}

/// Which requests a rule is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Files {
    /// Exactly this path.
    Exact(&'static str),
    /// Every path below this folder.
    Folder(&'static str),
    /// Every path this regular expression (PCRE, anchored) matches.
    Matching(&'static str),
    /// The build's content-hashed files: Trunk writes the 64-bit hash with
    /// `{:x}`, which drops leading zeros (one build in sixteen has a
    /// 15-digit hash), so the width is not fixed.
    Hashed,
}

impl Files {
    /// The hashed files' names, as a regular expression (PCRE and JS).
    pub const HASHED_PATTERN: &'static str =
        "-[0-9a-f]{8,16}(_bg)?\\.(js|wasm|css|svg|png|ico|webp)$";
}

/// One kind of file the site serves.
#[derive(Debug, Clone, Copy)]
pub struct FileRule {
    pub files: Files,
    pub caching: Caching,
    /// The media type, where a server's table may lack it.
    pub content_type: Option<&'static str>,
    /// Kept in the published folder (`published/…`) but served here.
    pub published: bool,
    /// For a folder: the media types of its files by extension (`(type,
    /// extension)`); every other file is `content_type`.
    pub media_types: &'static [(&'static str, &'static str)],
    /// For a folder: its files that never change under their names (a
    /// regular expression, PCRE), cached for good.
    pub immutable_inside: Option<&'static str>,
    /// Served from the compressed copies beside each file (`.br`, `.gz`,
    /// written by dist and publish: `compress.rs`) where the browser takes
    /// them; not for files swapped without a build, beside which a copy
    /// would be stale. Where false, no link is followed either (nginx's
    /// link checks and the Brotli module do not go together: `nginx_conf.rs`).
    pub precompressed: bool,
    /// What the rule is for, in the generated configs.
    pub about: &'static str,
}

const fn rule(files: Files, about: &'static str) -> FileRule {
    FileRule {
        files,
        caching: Caching::Revalidate,
        content_type: None,
        published: false,
        media_types: &[],
        immutable_inside: None,
        precompressed: true,
        about,
    }
}

/// Every kind of file besides the routes' pages, most specific first. A
/// missing file is a 404 (the site's own error page), never the app.
pub const FILE_RULES: &[FileRule] = &[
    rule(
        Files::Exact("/index.html"),
        "The app shell: revalidated, so a new build is picked up at once.",
    ),
    FileRule {
        precompressed: false,
        ..rule(
            Files::Folder("/data/"),
            "Data files: swapped by the newsroom without a rebuild (compressed as sent, never from a copy beside them, which could be stale).",
        )
    },
    rule(
        Files::Folder("/map/"),
        "The app's own world map, revalidated like the shell that uses it.",
    ),
    rule(
        Files::Exact("/sw.js"),
        "The service worker: revalidated, so a new build is seen.",
    ),
    FileRule {
        content_type: Some("application/manifest+json"),
        ..rule(Files::Exact("/manifest.webmanifest"), "The web app manifest.")
    },
    rule(
        Files::Folder("/icons/"),
        "Icons under their own names (the manifest's); the favicon Trunk hashes is cached by the rule for hashed files.",
    ),
    rule(
        Files::Folder("/errors/"),
        "The site's own page for requests it cannot answer.",
    ),
    FileRule {
        caching: Caching::Immutable,
        ..rule(
            Files::Hashed,
            "Trunk's content-hashed assets never change: cached for a year, immutable.",
        )
    },
    FileRule {
        content_type: Some("application/atom+xml"),
        published: true,
        ..rule(Files::Exact("/feed.xml"), "The Atom feed of the column.")
    },
    FileRule {
        published: true,
        content_type: Some("text/xml"),
        ..rule(Files::Exact("/sitemap.xml"), "The sitemap index.")
    },
    FileRule {
        published: true,
        content_type: Some("text/xml"),
        ..rule(
            Files::Matching("^/sitemap-[1-9][0-9]{0,5}\\.xml$"),
            "The sitemap's files, 50,000 addresses each.",
        )
    },
    FileRule {
        published: true,
        ..rule(Files::Exact("/robots.txt"), "robots.txt, naming the sitemap.")
    },
    FileRule {
        published: true,
        content_type: Some("application/octet-stream"),
        media_types: &[("text/javascript", "js"), ("application/json", "json")],
        immutable_inside: Some("^/pagefind/part[0-9]+/(index/|fragment/|filter/|[^/]+\\.pf_meta$)"),
        ..rule(
            Files::Folder("/pagefind/"),
            "The search index (Pagefind, written by publish, in parts listed by parts.json): the list, script, worker, wasm and each part's entry under fixed names, revalidated; each part's chunks, named by their content, cached for a year.",
        )
    },
];

/// Error statuses answered with the site's own page ([`ERROR_PAGE`]).
pub const ERROR_STATUSES: [u16; 8] = [400, 403, 404, 405, 411, 413, 414, 494];
pub const ERROR_PAGE: &str = "/errors/4xx.html";

/// Media types nginx names the charset of (`charset utf-8`): every text type
/// the site serves.
pub const TEXT_TYPES: [&str; 10] = [
    "text/css",
    "text/javascript",
    "text/plain",
    "text/xml",
    "application/javascript",
    "application/json",
    "application/xml",
    "application/atom+xml",
    "application/manifest+json",
    "image/svg+xml",
];

/// Media types compressed on the fly where no precompressed file exists.
pub const COMPRESSED_TYPES: [&str; 9] = [
    "application/javascript",
    "text/javascript",
    "application/json",
    "application/wasm",
    "text/css",
    "image/svg+xml",
    "application/atom+xml",
    "text/xml",
    "text/plain",
];

/// The app's routes whose pages are published (all of them).
pub fn page_routes() -> &'static [RouteShape] {
    ROUTES
}
