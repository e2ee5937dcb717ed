//! The site search's logic, without the index: what a search address
//! says (`/search?q=…&year=…&partner=…`), the query as it is searched,
//! and a result's excerpt as text and marked words.
//!
//! The index itself is Pagefind's, written by `cargo xtask publish` and
//! asked by the app (`src/api/search.rs`) only when a reader searches.
//! Everything read here comes from an address or from the index, so it is
//! shown as text, never as HTML: an excerpt is split into runs of text and
//! of marked words, its character references decoded, and any other markup
//! left as the text it is.

use std::fmt::Write as _;

use crate::id::Id;
use crate::route::AppRoute;

/// The longest query searched, in characters: a longer one is cut (an
/// address can be any length; Pagefind's work grows with the words).
pub const QUERY_MAX_CHARS: usize = 200;

/// How many results' data (title, date, excerpt) are loaded at a time: the
/// first ones at once, the next with each "more".
pub const RESULTS_PER_STEP: usize = 10;

/// How long an excerpt is, in words (Pagefind's `excerptLength`).
pub const EXCERPT_WORDS: u32 = 30;

/// The filters of the index, as `cargo xtask publish` writes them.
pub const YEAR_FILTER: &str = "year";
pub const PARTNER_FILTER: &str = "partner";

/// The query's name in a search address (the header's box's `name`).
pub const QUERY_PARAM: &str = "q";

/// What a search address asks: the words and the filters chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SearchParams {
    /// The query, normalised ([`normalise_query`]); empty: nothing asked.
    pub query: String,
    /// Only articles of this year (four digits).
    pub year: Option<u16>,
    /// Only articles about this partner.
    pub partner: Option<Id>,
}

impl SearchParams {
    /// A search for `query` without filters.
    pub fn for_query(query: &str) -> Self {
        Self {
            query: normalise_query(query),
            ..Self::default()
        }
    }

    /// What the query string of an address (`?q=…`, with or without its
    /// `?`) asks. A filter that is not a year or an id is left out; the
    /// first of a repeated name counts.
    pub fn from_query_string(search: &str) -> Self {
        let mut params = Self::default();
        let (mut query, mut year, mut partner) = (None, None, None);
        for (name, value) in query_pairs(search) {
            match name.as_str() {
                QUERY_PARAM => {
                    query.get_or_insert(value);
                }
                YEAR_FILTER => {
                    year.get_or_insert(value);
                }
                PARTNER_FILTER => {
                    partner.get_or_insert(value);
                }
                _ => {}
            }
        }
        params.query = normalise_query(query.as_deref().unwrap_or_default());
        params.year = year.as_deref().and_then(parse_year);
        params.partner = partner.as_deref().and_then(Id::parse);
        params
    }

    /// Whether there is anything to search.
    pub fn is_empty(&self) -> bool {
        self.query.is_empty()
    }

    /// The address of this search: `/search?q=…` (and the filters), in the
    /// form [`from_query_string`](Self::from_query_string) reads back.
    pub fn href(&self) -> String {
        let mut href = AppRoute::Search.href();
        let mut separator = '?';
        let mut add = |name: &str, value: &str| {
            let _ = write!(href, "{separator}{name}={}", encode_component(value));
            separator = '&';
        };
        add(QUERY_PARAM, &self.query);
        if let Some(year) = self.year {
            add(YEAR_FILTER, &year.to_string());
        }
        if let Some(partner) = &self.partner {
            add(PARTNER_FILTER, partner.as_str());
        }
        href
    }

    /// The same search with another year (or none).
    pub fn with_year(&self, year: Option<u16>) -> Self {
        Self {
            year,
            ..self.clone()
        }
    }

    /// The same search with another partner (or none).
    pub fn with_partner(&self, partner: Option<Id>) -> Self {
        Self {
            partner,
            ..self.clone()
        }
    }
}

/// A year as a filter names it: four digits, 1000 to 9999.
pub fn parse_year(text: &str) -> Option<u16> {
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) || text.starts_with('0') {
        return None;
    }
    text.parse().ok()
}

/// The query as it is searched and shown: white space of any kind (the
/// ideographic space an input method types, tabs, line breaks) as one
/// space, none at the ends, control characters taken out, at most
/// [`QUERY_MAX_CHARS`] characters.
pub fn normalise_query(raw: &str) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if c.is_control() {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    match out.char_indices().nth(QUERY_MAX_CHARS) {
        Some((cut, _)) => out[..cut].trim_end().to_owned(),
        None => out,
    }
}

/// The query to search first as an exact phrase, when it is one run of
/// Chinese or Japanese text (no space, no quote of its own): Pagefind
/// splits such a query into words in the browser (`Intl.Segmenter`) and
/// finds the pages with all of them anywhere, each also as the start of a
/// longer word, so 交流会 would find every page with 交流 and a word
/// beginning with 会 (会館, 会場) and 第7回 every 第7x回; as a phrase it finds
/// those words in that order, as the reader typed them. `None`: search
/// the query as it is. Where the phrase finds nothing (the index split the
/// words otherwise), the app searches the query as it is.
pub fn phrase_first(query: &str) -> Option<String> {
    let query = query.trim();
    let cjk = |c: char| {
        matches!(c,
            '\u{3040}'..='\u{30FF}' // hiragana, katakana
            | '\u{3400}'..='\u{4DBF}' // CJK extension A
            | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
            | '\u{F900}'..='\u{FAFF}' // compatibility ideographs
            | '\u{FF66}'..='\u{FF9F}' // half-width katakana
            | '\u{20000}'..='\u{3134F}') // extensions B to G
    };
    let one_run = !query.is_empty()
        && !query.chars().any(|c| c.is_whitespace() || c == '"')
        && query.chars().any(cjk);
    one_run.then(|| format!("\"{query}\""))
}

/// The name–value pairs of a query string as a form sends them
/// (`application/x-www-form-urlencoded`: `+` is a space, `%XX` a byte).
/// Bytes that are not UTF-8 become U+FFFD.
pub fn query_pairs(search: &str) -> impl Iterator<Item = (String, String)> + '_ {
    search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode_component(name), decode_component(value))
        })
}

/// A form's value decoded: `+` as a space, `%XX` as the byte it names (a
/// `%` not followed by two hex digits stays as it is).
pub fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(byte: Option<&u8>) -> Option<u8> {
    (*byte? as char).to_digit(16).map(|d| d as u8)
}

/// A value as a form writes it in a query string: letters, digits and
/// `*-._` as they are, a space as `+`, every other byte as `%XX`.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// A run of an excerpt: text, or words the query matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExcerptPart {
    Text(String),
    Mark(String),
}

/// An excerpt as Pagefind gives it (the text HTML-escaped, the matched
/// words in `<mark>` … `</mark>`) as runs of text and marks, with the
/// character references decoded. Nothing else is read as markup: any other
/// `<` stays a `<` of the text (Pagefind escapes the text, so there is
/// none unless the index was made otherwise), and an unclosed `<mark>`
/// marks the rest.
pub fn excerpt_parts(excerpt: &str) -> Vec<ExcerptPart> {
    const OPEN: &str = "<mark>";
    const CLOSE: &str = "</mark>";
    let mut parts = Vec::new();
    let mut push = |part: ExcerptPart| match (&part, parts.last_mut()) {
        (ExcerptPart::Text(t), _) | (ExcerptPart::Mark(t), _) if t.is_empty() => {}
        (ExcerptPart::Text(more), Some(ExcerptPart::Text(text)))
        | (ExcerptPart::Mark(more), Some(ExcerptPart::Mark(text))) => text.push_str(more),
        _ => parts.push(part),
    };
    let mut rest = excerpt;
    while let Some(open) = rest.find(OPEN) {
        push(ExcerptPart::Text(unescape_html(&rest[..open])));
        let marked = &rest[open + OPEN.len()..];
        let (inside, after) = match marked.find(CLOSE) {
            Some(close) => (&marked[..close], &marked[close + CLOSE.len()..]),
            None => (marked, ""),
        };
        push(ExcerptPart::Mark(unescape_html(inside)));
        rest = after;
    }
    push(ExcerptPart::Text(unescape_html(rest)));
    parts
}

/// Text with its HTML character references decoded: the five an escaper
/// writes (`&amp;` `&lt;` `&gt;` `&quot;` `&#39;`/`&apos;`) and numeric
/// ones (`&#8217;`, `&#x2019;`). Anything else is left as written.
pub fn unescape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after
            .find(';')
            .filter(|&end| end <= 10)
            .and_then(|end| Some((character_reference(&after[..end])?, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn character_reference(name: &str) -> Option<char> {
    let number = |digits: &str, radix| u32::from_str_radix(digits, radix).ok();
    let code = match name {
        "amp" => '&' as u32,
        "lt" => '<' as u32,
        "gt" => '>' as u32,
        "quot" => '"' as u32,
        "apos" => '\'' as u32,
        "nbsp" => '\u{a0}' as u32,
        _ => match name.strip_prefix('#')? {
            hexadecimal if hexadecimal.starts_with(['x', 'X']) => number(&hexadecimal[1..], 16)?,
            decimal => number(decimal, 10)?,
        },
    };
    char::from_u32(code).filter(|c| *c != '\0')
}

/// The article a result's address names (`/news/{id}`, as the index
/// records it; a fragment or query after it is ignored), if it is one of
/// the app's articles: no other address is linked.
pub fn result_route(url: &str) -> Option<AppRoute> {
    let path = url.split(['#', '?']).next().unwrap_or(url);
    AppRoute::parse(path).filter(|route| matches!(route, AppRoute::Article(_)))
}

/// Whether a sub-result's address is the article's text (`…#text`): its
/// excerpt is the one shown. Other sections (the partner names and
/// readings in `#also`) are indexed to be found, never shown.
pub fn is_text_section(url: &str) -> bool {
    url.rsplit_once('#')
        .is_some_and(|(_, fragment)| fragment == TEXT_SECTION)
}

/// The id of the element holding an article's text in a published page,
/// as the index knows it.
pub const TEXT_SECTION: &str = "text";

/// What a result shows under its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Excerpt {
    /// The words matched in the article's text, in context.
    Marked(Vec<ExcerptPart>),
    /// The article's opening (no words matched in its text: the query
    /// found a partner's name or reading).
    Lead(String),
    None,
}

/// Whether a word Pagefind marked is one the reader asked for: it holds one
/// of the query's words or is held in one (case aside). Pagefind splits a
/// query in kana into pieces a character or two long and marks words that
/// merely begin with them: ひらかた, which finds an article through its
/// readings, marked れた, ため and 新た in its text. A lone kana is the
/// reader's only when the query's word is that kana.
pub fn marks_query(mark: &str, query: &str) -> bool {
    let mark = mark.trim().to_lowercase();
    if mark.is_empty() {
        return false;
    }
    let lone_kana = mark.chars().count() == 1 && crate::reading::ruby::is_kana(&mark);
    query
        .split_whitespace()
        .map(|word| word.trim_matches('"').to_lowercase())
        .filter(|word| !word.is_empty())
        .any(|word| {
            mark.contains(&word)
                || (word.contains(&mark) && (!lone_kana || word.chars().count() == 1))
        })
}

impl Excerpt {
    /// The text section's excerpt if it marks words of the `query`
    /// ([`marks_query`]; other marks are shown as plain text) or says
    /// anything, else the lead.
    pub fn choose(text_excerpt: Option<&str>, lead: Option<&str>, query: &str) -> Self {
        let mut parts: Vec<ExcerptPart> = Vec::new();
        for part in text_excerpt.map(excerpt_parts).unwrap_or_default() {
            let part = match part {
                ExcerptPart::Mark(mark) if !marks_query(&mark, query) => ExcerptPart::Text(mark),
                part => part,
            };
            match (part, parts.last_mut()) {
                (ExcerptPart::Text(more), Some(ExcerptPart::Text(text))) => text.push_str(&more),
                (part, _) => parts.push(part),
            }
        }
        if parts.iter().any(|p| matches!(p, ExcerptPart::Mark(_))) {
            return Excerpt::Marked(parts);
        }
        match lead.map(str::trim).filter(|lead| !lead.is_empty()) {
            Some(lead) => Excerpt::Lead(lead.to_owned()),
            None if !parts.is_empty() => Excerpt::Marked(parts),
            None => Excerpt::None,
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn one_run_of_chinese_or_japanese_is_searched_first_as_a_phrase() {
        for (query, phrase) in [
            ("交流会", "\"交流会\""),
            ("第7回", "\"第7回\""),
            ("ひらかた", "\"ひらかた\""),
            ("  防災訓練 ", "\"防災訓練\""),
            ("长宁区", "\"长宁区\""),
            ("カタカナ", "\"カタカナ\""),
            ("枚方2021", "\"枚方2021\""),
        ] {
            assert_eq!(phrase_first(query).as_deref(), Some(phrase), "{query}");
        }
        // Words the reader separated, Latin text (whose words Pagefind
        // also finds by their start: Hira finds Hirakata), a query that
        // quotes itself, nothing: as they are.
        for query in [
            "枚方 交流会",
            "Hirakata",
            "Sopot 2021",
            "\"交流会\"",
            "",
            "   ",
            "7",
        ] {
            assert_eq!(phrase_first(query), None, "{query}");
        }
    }

    use super::*;

    fn text(t: &str) -> ExcerptPart {
        ExcerptPart::Text(t.to_owned())
    }

    fn mark(t: &str) -> ExcerptPart {
        ExcerptPart::Mark(t.to_owned())
    }

    #[test]
    fn a_query_is_trimmed_and_its_spaces_made_one() {
        assert_eq!(normalise_query("  枚方\u{3000}\u{3000}市 \t"), "枚方 市");
        assert_eq!(normalise_query("\n"), "");
        assert_eq!(normalise_query("a\u{0}b\u{7}c"), "abc");
        assert_eq!(normalise_query("Hirakata"), "Hirakata");
        let long = "字".repeat(QUERY_MAX_CHARS + 50);
        assert_eq!(normalise_query(&long).chars().count(), QUERY_MAX_CHARS);
        let spaced = format!("{} b", "a".repeat(QUERY_MAX_CHARS - 1));
        assert_eq!(normalise_query(&spaced), "a".repeat(QUERY_MAX_CHARS - 1));
    }

    #[test]
    fn a_search_address_reads_back_as_it_was_written() {
        let params = SearchParams {
            query: "枚方 & <img src=x onerror=alert(1)>".to_owned(),
            year: Some(2021),
            partner: Id::parse("hirakata"),
        };
        let href = params.href();
        assert!(href.starts_with("/search?q="), "{href}");
        assert!(!href.contains(['<', '>', ' ', '"']), "{href}");
        assert_eq!(href.matches('&').count(), 2, "{href}");
        let query = href.split_once('?').unwrap().1;
        assert_eq!(SearchParams::from_query_string(query), params);
        assert_eq!(SearchParams::for_query("x").href(), "/search?q=x");
    }

    #[test]
    fn a_form_submission_is_read_as_browsers_send_it() {
        // What Chromium sends for the header's form: UTF-8, `+` for spaces.
        let params = SearchParams::from_query_string("?q=%E6%9E%9A%E6%96%B9+%E5%B8%82");
        assert_eq!(params.query, "枚方 市");
        assert_eq!(params.year, None);
        let params = SearchParams::from_query_string("q=a&q=b&year=2021&year=1999&lang=en");
        assert_eq!((params.query.as_str(), params.year), ("a", Some(2021)));
        for odd in ["", "?", "?q", "?q=", "?q=%", "?q=%zz", "?=x", "?&&"] {
            let params = SearchParams::from_query_string(odd);
            assert_eq!(params.year, None, "{odd}");
            assert!(params.query.len() <= 3, "{odd}");
        }
        assert_eq!(SearchParams::from_query_string("?q=%zz").query, "%zz");
        assert_eq!(SearchParams::from_query_string("?q=%FF").query, "\u{fffd}");
    }

    #[test]
    fn filters_that_are_no_year_or_id_are_left_out() {
        for year in ["21", "02021", "0999", "２０２１", "2021a", "-2021", ""] {
            let params = SearchParams::from_query_string(&format!("q=x&year={year}"));
            assert_eq!(params.year, None, "{year}");
        }
        for partner in ["a b", "../x", "", "%2Fx"] {
            let params = SearchParams::from_query_string(&format!("q=x&partner={partner}"));
            assert_eq!(params.partner, None, "{partner}");
        }
        assert_eq!(parse_year("1985"), Some(1985));
    }

    #[test]
    fn components_are_encoded_as_forms_encode_them() {
        assert_eq!(encode_component("a b"), "a+b");
        assert_eq!(encode_component("枚"), "%E6%9E%9A");
        assert_eq!(encode_component("a&b=c+d#e"), "a%26b%3Dc%2Bd%23e");
        for text in ["", "a+b c", "%41", "日本 語 &=?#", "\u{1f600}"] {
            assert_eq!(decode_component(&encode_component(text)), text, "{text}");
        }
    }

    #[test]
    fn an_excerpt_is_text_and_marks() {
        assert_eq!(
            excerpt_parts("長寧区と<mark>枚方</mark>市の交流は<mark>1985</mark>年から"),
            vec![
                text("長寧区と"),
                mark("枚方"),
                text("市の交流は"),
                mark("1985"),
                text("年から")
            ]
        );
        assert_eq!(excerpt_parts(""), vec![]);
        assert_eq!(excerpt_parts("<mark>a</mark>"), vec![mark("a")]);
        assert_eq!(
            excerpt_parts("<mark>a</mark><mark>b</mark> c"),
            vec![mark("ab"), text(" c")]
        );
        assert_eq!(
            excerpt_parts("x <mark>open"),
            vec![text("x "), mark("open")]
        );
    }

    #[test]
    fn markup_in_an_excerpt_stays_text() {
        assert_eq!(
            excerpt_parts("&lt;img src=x onerror=alert(1)&gt; <mark>&lt;b&gt;</mark>"),
            vec![text("<img src=x onerror=alert(1)> "), mark("<b>")]
        );
        // Markup that was not escaped is not read as markup either.
        assert_eq!(
            excerpt_parts("<img src=x onerror=alert(1)><script>x</script>"),
            vec![text("<img src=x onerror=alert(1)><script>x</script>")]
        );
        assert_eq!(
            unescape_html("&amp;lt; &quot;a&#39; &#x2019; &#8217; &bogus; & &#0; &;"),
            "&lt; \"a' \u{2019} \u{2019} &bogus; & &#0; &;"
        );
        assert_eq!(unescape_html("&#x110000;"), "&#x110000;");
        assert_eq!(unescape_html("&amp"), "&amp");
    }

    #[test]
    fn only_articles_of_this_site_are_results() {
        let id = Id::parse("595305").unwrap();
        for url in ["/news/595305", "/news/595305#text", "/news/595305?x=1"] {
            assert_eq!(
                result_route(url),
                Some(AppRoute::Article(id.clone())),
                "{url}"
            );
        }
        for url in [
            "https://evil.example/news/1",
            "//evil.example/news/1",
            "/partners/hirakata",
            "/news/index",
            "javascript:alert(1)",
            "",
        ] {
            assert_eq!(result_route(url), None, "{url}");
        }
    }

    #[test]
    fn the_text_section_excerpt_is_shown_else_the_lead() {
        assert!(is_text_section("/news/1#text"));
        assert!(!is_text_section("/news/1#also"));
        assert!(!is_text_section("/news/1"));
        assert!(!is_text_section("/news/1#textual"));
        assert_eq!(
            Excerpt::choose(Some("a <mark>b</mark>"), Some("lead"), "b"),
            Excerpt::Marked(vec![text("a "), mark("b")])
        );
        assert_eq!(
            Excerpt::choose(Some("nothing marked"), Some(" lead "), "b"),
            Excerpt::Lead("lead".into())
        );
        assert_eq!(Excerpt::choose(None, None, "b"), Excerpt::None);
        assert_eq!(
            Excerpt::choose(Some("text"), None, "b"),
            Excerpt::Marked(vec![text("text")])
        );
    }

    #[test]
    fn only_marks_of_the_query_s_words_are_kept() {
        // Found through its readings: the text's marks are Pagefind's pieces.
        let found_by_reading =
            "署名さ<mark>れた</mark>姉妹都市、拡大していく<mark>ため</mark>の<mark>新た</mark>な出発";
        assert_eq!(
            Excerpt::choose(Some(found_by_reading), Some("長寧区は"), "ひらかた"),
            Excerpt::Lead("長寧区は".into())
        );
        assert_eq!(
            Excerpt::choose(
                Some("a <mark>か</mark>b <mark>ひらかた</mark>"),
                None,
                "ひらかた"
            ),
            Excerpt::Marked(vec![text("a かb "), mark("ひらかた")])
        );
        for (marked, query) in [
            ("枚方市", "枚方"),
            ("枚方", "枚方市"),
            ("Hirakata", "hirakata"),
            ("Hirakata", "Hira"),
            ("delegation", "delegations"),
            ("防災", "\"防災訓練\""),
            ("7", "第7回"),
            ("回", "第7回"),
            ("2021", "Sopot 2021"),
            ("か", "か"),
        ] {
            assert!(marks_query(marked, query), "{marked} for {query}");
        }
        for (marked, query) in [
            ("れた", "ひらかた"),
            ("新た", "ひらかた"),
            ("か", "ひらかた"),
            ("Minsk", "Sopot 2021"),
            ("", "枚方"),
            ("枚方", ""),
        ] {
            assert!(!marks_query(marked, query), "{marked} for {query}");
        }
    }
}
