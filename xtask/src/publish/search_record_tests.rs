use super::*;
use reader_core::{decode_article, decode_cities, Cities, Id};

fn article(blocks: &str) -> Article {
    let json = format!(
        r#"{{"id": "7", "lang": "ja", "title": "枚方市の代表団 <b>来訪</b>", "published": "2021-10-14",
            "partners": ["hirakata"], "blocks": {blocks}}}"#
    );
    let id = Id::parse("7").expect("a test id");
    decode_article(&id, json.as_bytes()).expect("a test article")
}

fn cities() -> Cities {
    decode_cities(
        r#"{"home": {"id": "changning", "names": {"ja": "長寧区"}, "lat": 31.2, "lon": 121.4},
            "partners": [{"id": "hirakata", "names": {"ja": "枚方市", "zh": "枚方市", "en": "Hirakata"},
              "country": {"code": "JP", "names": {"ja": "日本"}}, "continent": "asia",
              "lat": 34.8, "lon": 135.6, "relation": "sister", "aliases": ["枚方", "大阪府枚方市"]}]}"#,
    )
    .expect("test cities")
}

fn html_of(article: &Article, cities: &Cities, readings: &[&str]) -> String {
    SearchSource {
        article,
        partners: cities.partners.iter().collect(),
        readings: readings.iter().map(|r| (*r).to_owned()).collect(),
    }
    .html("ja")
}

#[test]
fn a_record_carries_partner_names_in_every_language_and_readings_once_each() {
    let article = article(r#"[{"kind": "paragraph", "text": "枚方市との交流は三十年を超える。"}]"#);
    let html = html_of(&article, &cities(), &["ひらかた", "こうりゅう", "ひらかた"]);
    let also_start = html.find(r#"id="also""#).expect("an also section");
    let also = &html[also_start..];
    for word in [
        "枚方市",
        "Hirakata",
        "枚方",
        "大阪府枚方市",
        "ひらかた",
        "こうりゅう",
    ] {
        assert!(also.contains(&format!("<p>{word}</p>")), "{word} in {also}");
    }
    assert_eq!(also.matches("<p>ひらかた</p>").count(), 1);
    assert_eq!(
        also.matches("<p>枚方市</p>").count(),
        1,
        "ja and zh names alike: once"
    );
    assert!(also.contains(r#"data-pagefind-weight="0.5""#));
}

#[test]
fn text_comes_before_names_and_each_section_is_an_anchor_with_a_title() {
    let article = article(
        r#"[{"kind": "heading", "text": "見出し"}, {"kind": "paragraph", "text": "本文です。"}]"#,
    );
    let html = html_of(&article, &cities(), &[]);
    let text = html
        .find(r#"<div id="text" data-pagefind-title="text">"#)
        .expect("a text section");
    let heading = html.find("<h2>見出し</h2>").expect("the heading");
    let body = html.find("<p>本文です。</p>").expect("the paragraph");
    let also = html
        .find(r#"<div id="also" data-pagefind-title="also""#)
        .expect("an also section");
    assert!(text < heading && heading < body && body < also);
}

#[test]
fn without_partners_or_readings_there_is_no_names_section() {
    let article = article(r#"[{"kind": "paragraph", "text": "本文"}]"#);
    let none = Cities {
        partners: Vec::new(),
        ..cities()
    };
    assert!(!html_of(&article, &none, &[]).contains(r#"id="also""#));
}

#[test]
fn markup_in_data_is_text_in_the_record() {
    let article = article(r#"[{"kind": "paragraph", "text": "<img src=x onerror=alert(1)>"}]"#);
    let html = html_of(&article, &cities(), &[]);
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("枚方市の代表団 &lt;b&gt;来訪&lt;/b&gt;"));
}

#[test]
fn meta_and_filters_name_the_date_year_and_partners() {
    let article = article(r#"[{"kind": "paragraph", "text": "本文"}]"#);
    let html = html_of(&article, &cities(), &[]);
    for tag in [
        r#"<meta data-pagefind-meta="date[content]" content="2021-10-14">"#,
        r#"<meta data-pagefind-sort="date[content]" content="2021-10-14">"#,
        r#"<meta data-pagefind-filter="year[content]" content="2021">"#,
        r#"<meta data-pagefind-filter="partner[content]" content="hirakata">"#,
        r#"<meta data-pagefind-meta="lead[content]" content="本文">"#,
    ] {
        assert!(html.contains(tag), "{tag} in {html}");
    }
    assert!(html.contains(r#"<html lang="ja">"#));
}

#[test]
fn the_lead_is_the_first_paragraph_with_single_spaces_cut_at_its_length() {
    let long = "あ".repeat(LEAD_CHARS + 20);
    let cases = [
        (
            r#"[{"kind": "paragraph", "text": "一行目\n  二行目"}]"#.to_owned(),
            "一行目 二行目".to_owned(),
        ),
        (
            r#"[{"kind": "heading", "text": "見出し"}, {"kind": "paragraph", "text": "本文"}]"#
                .to_owned(),
            "本文".to_owned(),
        ),
        (
            r#"[{"kind": "heading", "text": "見出しだけ"}]"#.to_owned(),
            "見出しだけ".to_owned(),
        ),
        ("[]".to_owned(), String::new()),
        (
            format!(r#"[{{"kind": "paragraph", "text": "{long}"}}]"#),
            format!("{}…", "あ".repeat(LEAD_CHARS)),
        ),
    ];
    for (blocks, expected) in cases {
        assert_eq!(lead(&article(&blocks)), expected, "{blocks}");
    }
}

#[test]
fn the_record_is_at_the_article_address() {
    let article = article("[]");
    let source = SearchSource {
        article: &article,
        partners: Vec::new(),
        readings: Vec::new(),
    };
    assert_eq!(source.url(), "/news/7");
}
