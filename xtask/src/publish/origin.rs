//! `--origin`: the site's public origin, written into every published page,
//! the feed, the sitemap and robots.txt, so it is read as browsers read a
//! URL (the `url` crate, WHATWG) and only an origin is accepted.

use url::{Host, Url};

/// `http(s)://host[:port]` as given, normalised (host in lower case and
/// ASCII, the scheme's default port left out, no trailing slash); an error
/// saying what is wrong with anything else.
pub fn check_origin(raw: &str) -> Result<String, String> {
    let refuse = |why: String| {
        Err(format!(
            "--origin {raw:?}: {why}; expected the site's public origin, such as https://news.example.gov"
        ))
    };
    // The URL parser drops tabs and newlines and trims spaces; an origin
    // has none of them, nor any other control character.
    if let Some(c) = raw.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return refuse(format!(
            "it holds U+{:04X} (a space, line break or control character)",
            u32::from(c)
        ));
    }
    let scheme_end = raw.find("://").unwrap_or(0);
    let scheme = raw[..scheme_end].to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return refuse("it must start with https:// or http://".to_owned());
    }
    // What browsers would forgive (`http:///host`, `http:\\host`, `@`).
    let authority = &raw[scheme_end + 3..];
    if authority.starts_with('/') || raw.contains('\\') {
        return refuse("it must have the host right after ://".to_owned());
    }
    if raw.contains('@') {
        return refuse(
            "it holds a user name or password (user:pass@), which an origin has not".to_owned(),
        );
    }
    let url = match Url::parse(raw) {
        Ok(url) => url,
        Err(url::ParseError::InvalidPort) => {
            return refuse("its port is not a number from 1 to 65535".to_owned())
        }
        Err(e) => return refuse(format!("not a URL ({e})")),
    };
    if !url.username().is_empty() || url.password().is_some() {
        return refuse("it holds a user name or password, which an origin has not".to_owned());
    }
    match url.host() {
        Some(Host::Domain(_) | Host::Ipv4(_) | Host::Ipv6(_)) => {}
        None => return refuse("it has no host".to_owned()),
    }
    if url.port() == Some(0) {
        return refuse("port 0 is not a port (1 to 65535)".to_owned());
    }
    if url.path() != "/" {
        return refuse(format!(
            "it has a path ({}), which an origin has not",
            url.path()
        ));
    }
    if url.query().is_some() {
        return refuse("it has a query (?…), which an origin has not".to_owned());
    }
    if url.fragment().is_some() {
        return refuse("it has a fragment (#…), which an origin has not".to_owned());
    }
    Ok(url.origin().ascii_serialization())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_origin_is_kept_normalised() {
        for (given, kept) in [
            ("https://news.example.gov", "https://news.example.gov"),
            ("https://news.example/", "https://news.example"),
            ("HTTPS://News.Example", "https://news.example"),
            ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
            ("http://a:80/", "http://a"),
            ("https://[::1]:8443", "https://[::1]:8443"),
            ("https://長寧.example", "https://xn--tdt925k.example"),
        ] {
            assert_eq!(check_origin(given).as_deref(), Ok(kept), "{given}");
        }
    }

    #[test]
    fn anything_but_an_origin_is_refused_saying_why() {
        for (given, why) in [
            ("http://a\nb", "U+000A"),
            ("http://a\rb", "U+000D"),
            ("http://a\tb", "U+0009"),
            ("http://a b", "U+0020"),
            (" http://a", "U+0020"),
            ("http://user:pass@a", "user name or password"),
            ("http://@a", "user name or password"),
            ("http://a:99999", "port"),
            ("http://a:0", "port 0"),
            ("ftp://a", "https:// or http://"),
            ("news.example", "https:// or http://"),
            ("http:a", "https:// or http://"),
            ("http:///a", "host right after"),
            ("http:\\\\a", "https:// or http://"),
            ("https://", "not a URL"),
            ("http://a/path", "a path (/path)"),
            ("http://a//", "a path (//)"),
            ("http://a?q", "a query"),
            ("http://a/?", "a query"),
            ("http://a#top", "a fragment"),
            ("http://a%20b", "not a URL"),
        ] {
            let error = check_origin(given).expect_err(given);
            assert!(error.contains(why), "{given:?}: {error}");
            assert!(error.starts_with(&format!("--origin {given:?}")), "{error}");
        }
    }
}
