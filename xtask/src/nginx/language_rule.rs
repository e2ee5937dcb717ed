//! The deploy config picks a published page's language by the rule the app
//! follows (`reader_core::language`): nginx, run with `deploy/nginx.conf`
//! over a site whose three pages say only their language, is asked with the
//! rule's table and with a few thousand generated `Accept-Language` values,
//! `?lang=` and cookies, and must answer as the rule does.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;

use reader_core::language::interface_language;

use super::Server;

/// A site whose page of `/` is its language's code, and a shell that is not.
fn site(dir: &Path) {
    for lang in reader_core::meta::LANGUAGES {
        std::fs::create_dir_all(dir.join("published/pages").join(lang)).unwrap();
        std::fs::write(
            dir.join("published/pages").join(lang).join("index.html"),
            lang,
        )
        .unwrap();
    }
    // An inline script, as the app's shell has, for the policy's hash.
    std::fs::write(dir.join("index.html"), "<script>shell()</script>").unwrap();
}

/// The body nginx answers `/` with, asked with these parts of a request.
fn page(port: u16, query: &str, cookie: Option<&str>, accept_language: Option<&str>) -> String {
    let mut request = format!("GET /{query} HTTP/1.0\r\nHost: localhost\r\n");
    if let Some(cookie) = cookie {
        request.push_str(&format!("Cookie: reader_lang={cookie}\r\n"));
    }
    if let Some(header) = accept_language {
        request.push_str(&format!("Accept-Language: {header}\r\n"));
    }
    request.push_str("\r\n");
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let (_, body) = answer.split_once("\r\n\r\n").unwrap_or_default();
    body.to_owned()
}

/// Headers made of the pieces real and hand-written ones have, from a seed.
fn generated_headers(count: usize) -> Vec<String> {
    const PIECES: [&str; 36] = [
        "ja", "zh", "en", "JA", "Zh", "eN", "ja-JP", "zh_TW", "en-", "fr", "de", "*", "jav", "eng",
        "x-en", "e n", ";q=0", ";Q=0.0", ";q=0.5", "; q = 0 ", ";q=00", ";q=0.", ";level=1", ",",
        ", ", " ", "\t", "-", "_", ";", "=", "q", "0", ".", "1", "a",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |below: usize| {
        // xorshift64*: the same headers on every run.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % below
    };
    (0..count)
        .map(|_| {
            let pieces = next(10);
            let header: String = (0..pieces).map(|_| PIECES[next(PIECES.len())]).collect();
            // nginx drops white space around a header's value, as HTTP does.
            header.trim_matches([' ', '\t']).to_owned()
        })
        .collect()
}

#[test]
fn the_server_picks_the_language_the_app_picks() {
    let dir = std::env::temp_dir().join(format!("nginx-language-rule-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    site(&dir);
    let port = TcpListener::bind(("127.0.0.1", 0))
        .and_then(|listener| listener.local_addr())
        .unwrap()
        .port();
    let server = Server::configure("language-rule-test", &dir, port)
        .unwrap()
        .start()
        .unwrap();
    let table: Vec<serde_json::Value> = serde_json::from_str(include_str!(
        "../../../core/src/language/accept_language.json"
    ))
    .unwrap();
    let headers = table
        .iter()
        .filter_map(|case| case["header"].as_str().map(str::to_owned))
        .chain(generated_headers(2_000));
    for header in headers {
        let sent = (!header.is_empty()).then_some(header.as_str());
        assert_eq!(
            page(port, "", None, sent),
            interface_language(None, None, &header),
            "Accept-Language: {header:?}"
        );
    }
    for asked in ["", "ja", "zh", "en", "EN", "fr", "en-US"] {
        for cookie in [None, Some("zh"), Some("en"), Some("ZH"), Some("xx")] {
            for header in [None, Some("en-GB"), Some("fr, ZH;q=0.5")] {
                let query = format!("?lang={asked}");
                assert_eq!(
                    page(port, &query, cookie, header),
                    interface_language(Some(asked), cookie, header.unwrap_or_default()),
                    "{query} cookie {cookie:?} Accept-Language {header:?}"
                );
            }
        }
    }
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}
