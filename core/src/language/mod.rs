//! Which interface language a reader gets: one rule, followed by the app
//! (`src/language.rs`) and by the server (`deploy/nginx.conf`, which sends
//! the published page in that language), so that a published page and the
//! app that takes it over speak the same language for every request.
//!
//! In order:
//! 1. `?lang=`, when it is exactly `ja`, `zh` or `en`;
//! 2. else the remembered choice: the `reader_lang` cookie, the same codes;
//! 3. else the browser's languages (`Accept-Language`, or the browser's
//!    list of them): the first language range, in the order written, whose
//!    primary subtag is `ja`, `zh` or `en` in any case (`EN`, `zh-TW`,
//!    `ja_JP`) and whose `q` is not 0; ranges that hold white space inside,
//!    and `*`, name none of them;
//! 4. else Japanese.
//!
//! The order written, not the order of the q-values: browsers write their
//! languages with falling q-values, and the server's regular expression can
//! only read them in order, so a header whose q-values rise is read the same
//! way by both. White space is what HTTP allows around its parts: spaces and
//! tabs. `accept_language.json` beside this file is the table both the unit
//! tests and the end-to-end tests (against nginx) check.

use crate::meta::LANGUAGES;

/// The language of a reader who asked for none the site has.
pub const DEFAULT_LANGUAGE: &str = LANGUAGES[0];

/// The cookie that remembers a reader's choice, for the app and the server.
pub const LANGUAGE_COOKIE: &str = "reader_lang";

/// White space in an HTTP header (OWS).
const OWS: [char; 2] = [' ', '\t'];

/// One of the interface languages, by its code exactly as the app writes
/// it (`?lang=`, the cookie).
pub fn interface_code(code: &str) -> Option<&'static str> {
    LANGUAGES.iter().copied().find(|lang| *lang == code)
}

/// The interface language for `?lang=` (`asked`), the remembered choice and
/// the browser's languages (`accepted`, an `Accept-Language` value).
pub fn interface_language(
    asked: Option<&str>,
    remembered: Option<&str>,
    accepted: &str,
) -> &'static str {
    asked
        .and_then(interface_code)
        .or_else(|| remembered.and_then(interface_code))
        .or_else(|| first_accepted(accepted))
        .unwrap_or(DEFAULT_LANGUAGE)
}

/// The first interface language an `Accept-Language` value accepts.
pub fn first_accepted(accepted: &str) -> Option<&'static str> {
    accepted.split(',').find_map(|entry| {
        let mut parts = entry.split(';');
        let range = parts.next()?.trim_matches(OWS);
        if range.contains(OWS) || parts.any(is_zero_q) {
            return None;
        }
        LANGUAGES
            .iter()
            .copied()
            .find(|lang| lang.eq_ignore_ascii_case(primary_subtag(range)))
    })
}

/// A language tag's first subtag (`zh` of `zh-TW`, `ja` of `ja_JP`).
pub fn primary_subtag(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or_default()
}

/// Whether two language tags are of the same language (`ja-JP`, `JA`).
pub fn same_language(a: &str, b: &str) -> bool {
    primary_subtag(a).eq_ignore_ascii_case(primary_subtag(b))
}

/// `q=0` (also `Q = 0.000`): a range the reader does not accept.
fn is_zero_q(parameter: &str) -> bool {
    let Some((name, value)) = parameter.split_once('=') else {
        return false;
    };
    let value = value.trim_matches(OWS);
    name.trim_matches(OWS).eq_ignore_ascii_case("q")
        && value.strip_prefix('0').is_some_and(|rest| {
            rest.is_empty()
                || rest
                    .strip_prefix('.')
                    .is_some_and(|digits| digits.chars().all(|c| c == '0'))
        })
}

/// The value of cookie `name` in `document.cookie` (`a=1; b=2`): the first
/// one, as the browser sends them to the server.
pub fn cookie_value<'a>(cookies: &'a str, name: &str) -> Option<&'a str> {
    cookies.split(';').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key.trim() == name).then(|| value.trim())
    })
}

#[cfg(test)]
mod tests;
