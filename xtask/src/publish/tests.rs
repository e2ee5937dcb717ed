//! `publish` on a copy of the sample site.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::*;

/// A site in a fresh directory: the sample data, the world map and the
/// app's `index.html`, as `cargo xtask dist` leaves them.
fn sample_site(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("publish-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let root = crate::root();
    crate::shell::copy_dir(&root.join("public/data"), &dir.join("data")).unwrap();
    crate::shell::copy_dir(&root.join("public/map"), &dir.join("map")).unwrap();
    std::fs::copy(root.join("index.html"), dir.join("index.html")).unwrap();
    dir
}

fn read(site: &Path, path: &str) -> String {
    std::fs::read_to_string(site.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every file below `dir` with its bytes (but publish's own lock).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap().filter_map(Result::ok) {
            let path = entry.path();
            if path.ends_with(".publish") {
                continue;
            }
            if path.is_dir() {
                todo.push(path);
            } else {
                files.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// The addresses `sitemap.xml` lists, read with an XML parser.
fn sitemap_addresses(site: &Path) -> Vec<String> {
    let sitemap = read(site, "published/sitemap.xml");
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .map(str::to_owned)
        .collect()
}

fn seed(site: &Path) -> serde_json::Value {
    serde_json::from_str(&read(site, "data/articles/595305.json")).unwrap()
}

#[test]
fn an_article_page_carries_its_metadata_and_its_content() {
    let site = sample_site("article");
    run(&site, "https://news.example").unwrap();
    let html = read(&site, "published/pages/ja/news/595305.html");
    let article = seed(&site);
    let title = article["title"].as_str().unwrap();
    assert!(html.contains(&format!("<title>{title}</title>")), "{html}");
    assert!(html.contains(&format!(r#"<meta property="og:title" content="{title}">"#)));
    assert!(html.contains(r#"<meta name="description" content="ミンスク市ソビエト地区との"#));
    assert!(html.contains(r#"<link rel="canonical" href="https://news.example/news/595305">"#));
    assert!(html.contains(r#""datePublished":"2021-10-14""#));
    assert!(html.contains(r#""@type":"NewsArticle""#));
    for block in article["blocks"].as_array().unwrap() {
        let text = block["text"].as_str().unwrap();
        // Partner names in paragraphs are links: compare the text only.
        let plain = strip_tags(&html);
        assert!(plain.contains(text), "missing: {text}");
    }
    assert!(html.contains(r#"<div id="published">"#));
    assert!(!html.contains("<noscript>"));
    assert!(read(&site, "published/pages/en/news/595305.html").contains(r#"<html lang="en">"#));
    assert!(read(&site, "published/pages/zh/news/595305/print.html").contains("打印"));
    let _ = std::fs::remove_dir_all(&site);
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn the_column_and_the_map_are_published_in_every_language() {
    let site = sample_site("others");
    run(&site, "https://news.example/").unwrap();
    assert!(read(&site, "published/pages/ja/index.html").contains(r#"href="/news/595305""#));
    let cities: serde_json::Value = serde_json::from_str(&read(&site, "data/cities.json")).unwrap();
    let map = read(&site, "published/pages/ja/partners.html");
    for partner in cities["partners"].as_array().unwrap() {
        assert!(map.contains(partner["names"]["ja"].as_str().unwrap()));
        let id = partner["id"].as_str().unwrap();
        assert!(
            site.join(format!("published/pages/en/partners/{id}.html"))
                .exists(),
            "{id}"
        );
    }
    assert!(read(&site, "published/pages/en/partners/sopot.html")
        .contains("<title>Sopot | Partner cities</title>"));
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn the_feed_is_atom_and_the_sitemap_lists_every_article() {
    let site = sample_site("feed");
    run(&site, "https://news.example").unwrap();
    let feed = feed_rs::parser::parse(read(&site, "published/feed.xml").as_bytes()).unwrap();
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    assert_eq!(feed.title.unwrap().content, "長寧ニューズ");
    let entry = &feed.entries[0];
    assert_eq!(entry.links[0].href, "https://news.example/news/595305");
    assert_eq!(
        entry.published.unwrap().to_rfc3339(),
        "2021-10-13T16:00:00+00:00"
    );
    assert!(entry
        .summary
        .as_ref()
        .unwrap()
        .content
        .starts_with("ミンスク市"));

    let locs = sitemap_addresses(&site);
    assert!(locs.contains(&"https://news.example/news/595305".to_owned()));
    assert!(locs.contains(&"https://news.example/".to_owned()));
    assert!(
        read(&site, "published/robots.txt").contains("Sitemap: https://news.example/sitemap.xml")
    );
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn with_several_articles_the_feed_is_newest_first_and_the_sitemap_has_them_all() {
    let site = sample_site("several");
    let mut index: serde_json::Value =
        serde_json::from_str(&read(&site, "data/articles/index.json")).unwrap();
    // The column out of date order, one without a summary.
    for (id, published, summary) in [
        ("older", "2019-03-01", Some("古い記事の要約。")),
        ("newest", "2024-05-20", None),
    ] {
        let mut entry =
            serde_json::json!({ "id": id, "title": format!("記事 {id}"), "published": published });
        if let Some(summary) = summary {
            entry["summary"] = serde_json::json!(summary);
        }
        index["articles"].as_array_mut().unwrap().push(entry);
        let article = serde_json::json!({
            "id": id, "lang": "ja", "title": format!("記事 {id}"), "published": published,
            "blocks": [{ "kind": "heading", "text": "見出し" }, { "kind": "paragraph", "text": format!("{id} の本文の最初の段落。") }]
        });
        std::fs::write(
            site.join(format!("data/articles/{id}.json")),
            article.to_string(),
        )
        .unwrap();
    }
    std::fs::write(site.join("data/articles/index.json"), index.to_string()).unwrap();
    run(&site, "https://news.example").unwrap();
    let feed = feed_rs::parser::parse(read(&site, "published/feed.xml").as_bytes()).unwrap();
    let links: Vec<&str> = feed
        .entries
        .iter()
        .map(|e| e.links[0].href.as_str())
        .collect();
    assert_eq!(
        links,
        [
            "https://news.example/news/newest",
            "https://news.example/news/595305",
            "https://news.example/news/older",
        ]
    );
    let summary = |i: usize| feed.entries[i].summary.as_ref().unwrap().content.clone();
    assert_eq!(
        summary(0),
        "newest の本文の最初の段落。",
        "no summary: the first paragraph"
    );
    assert_eq!(summary(2), "古い記事の要約。");
    let locs = sitemap_addresses(&site);
    for id in ["595305", "older", "newest"] {
        assert!(
            locs.contains(&format!("https://news.example/news/{id}")),
            "{id}: {locs:?}"
        );
        assert!(
            site.join(format!("published/pages/ja/news/{id}.html"))
                .is_file(),
            "{id}"
        );
    }
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn a_broken_article_is_named_and_nothing_changes() {
    let site = sample_site("broken");
    run(&site, "https://news.example").unwrap();
    let before = snapshot(&site);
    let mut article = seed(&site);
    article["blocks"][2]["text"] = serde_json::json!(42);
    let data = site.join("data/articles/595305.json");
    std::fs::write(&data, article.to_string()).unwrap();
    let error = run(&site, "https://news.example").unwrap_err();
    assert!(error.contains("nothing was published"), "{error}");
    // The problem, with its file and field, as the app names it.
    assert!(
        error.contains("articles/595305.json: blocks[2].text: expected a string, found a number"),
        "{error}"
    );
    let mut after = snapshot(&site);
    after.remove(&data);
    let mut expected = before;
    expected.remove(&data);
    assert_eq!(after, expected, "no published file changed");
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn every_problem_is_collected_with_file_and_field() {
    let site = sample_site("problems");
    let column = site.join("data/articles/index.json");
    let mut index: serde_json::Value =
        serde_json::from_str(&read(&site, "data/articles/index.json")).unwrap();
    index["articles"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "gone", "title": "消えた記事", "published": "2024-01-01"
        }));
    std::fs::write(&column, index.to_string()).unwrap();
    let mut cities: serde_json::Value =
        serde_json::from_str(&read(&site, "data/cities.json")).unwrap();
    cities["partners"][1]["lat"] = serde_json::json!(123);
    std::fs::write(site.join("data/cities.json"), cities.to_string()).unwrap();
    let data = SiteData::load(&site).err().unwrap();
    assert!(
        data.contains(
            &"articles/index.json: articles[1].id: its article file is missing".to_owned()
        ),
        "{data:?}"
    );
    assert!(
        data.iter()
            .any(|p| p.starts_with("cities.json: partners[1].lat: 123 is outside")),
        "{data:?}"
    );
    assert!(!site.join("published").exists());
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn markup_in_data_is_escaped_in_every_published_place() {
    let site = sample_site("markup");
    let mut article = seed(&site);
    article["title"] = serde_json::json!("<script>alert(1)</script>\"見出し\"");
    article["blocks"][0]["text"] = serde_json::json!("<img src=x onerror=alert(1)>");
    std::fs::write(site.join("data/articles/595305.json"), article.to_string()).unwrap();
    let mut index: serde_json::Value =
        serde_json::from_str(&read(&site, "data/articles/index.json")).unwrap();
    index["articles"][0]["title"] = article["title"].clone();
    index["articles"][0]["summary"] = serde_json::json!("</script><b>要約</b>");
    std::fs::write(site.join("data/articles/index.json"), index.to_string()).unwrap();
    run(&site, "https://news.example").unwrap();
    for path in [
        "published/pages/ja/news/595305.html",
        "published/pages/ja/index.html",
        "published/feed.xml",
    ] {
        let text = read(&site, path);
        assert!(!text.contains("<script>alert"), "{path}");
        assert!(!text.contains("<img src=x"), "{path}");
        assert!(!text.contains("<b>要約"), "{path}");
    }
    let html = read(&site, "published/pages/ja/news/595305.html");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn pages_of_articles_that_are_gone_are_removed() {
    let site = sample_site("stale");
    std::fs::write(
        site.join("data/articles/extra.json"),
        r#"{"id": "extra", "title": "別の記事", "published": "2024-01-01", "blocks": []}"#,
    )
    .unwrap();
    run(&site, "https://news.example").unwrap();
    assert!(site.join("published/pages/ja/news/extra.html").exists());
    std::fs::remove_file(site.join("data/articles/extra.json")).unwrap();
    run(&site, "https://news.example").unwrap();
    assert!(!site.join("published/pages/ja/news/extra.html").exists());
    assert!(!site.join("published/pages/ja/news/extra").exists());
    assert!(site.join("published/pages/ja/news/595305.html").exists());
    let _ = std::fs::remove_dir_all(&site);
}

/// With MeCab installed (as `cargo xtask setup` does).
#[test]
fn readings_are_written_beside_each_article_and_go_with_it() {
    let site = sample_site("readings");
    std::fs::write(
        site.join("data/articles/extra.json"),
        r#"{"id": "extra", "lang": "ja", "title": "長寧の記事", "published": "2024-01-01",
            "blocks": [{"kind": "paragraph", "text": "枚方市との交流を深めた。"}]}"#,
    )
    .unwrap();
    run(&site, "https://news.example").unwrap();
    for id in ["595305", "extra"] {
        let path = format!("data/articles/{id}.readings.json");
        let file = reader_core::reading::ruby::decode_readings(
            &reader_core::Id::parse(id).unwrap(),
            read(&site, &path),
        )
        .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(!file.is_empty(), "{path}");
        // The toggle is offered on the page of an article in Japanese.
        assert!(read(&site, &format!("published/pages/ja/news/{id}.html")).contains("ふりがな"));
    }
    // Every article in Japanese has its file, an empty list when it has
    // no kanji to read; an article in another language has none, and no toggle.
    std::fs::write(
        site.join("data/articles/kana.json"),
        r#"{"id": "kana", "title": "おしらせ", "published": "2024-01-01",
            "blocks": [{"kind": "paragraph", "text": "きょうは はれ。"}]}"#,
    )
    .unwrap();
    std::fs::write(
        site.join("data/articles/chinese.json"),
        r#"{"id": "chinese", "lang": "zh-CN", "title": "长宁新闻", "published": "2024-01-01",
            "blocks": [{"kind": "paragraph", "text": "长宁区与枚方市交流。"}]}"#,
    )
    .unwrap();
    run(&site, "https://news.example").unwrap();
    let kana = reader_core::reading::ruby::decode_readings(
        &reader_core::Id::parse("kana").unwrap(),
        read(&site, "data/articles/kana.readings.json"),
    )
    .unwrap();
    assert!(kana.is_empty());
    assert!(read(&site, "published/pages/ja/news/kana.html").contains("ふりがな"));
    assert!(!site.join("data/articles/chinese.readings.json").exists());
    assert!(!read(&site, "published/pages/ja/news/chinese.html").contains("ふりがな"));
    // The newsroom's dictionary wins: 長寧 is ちょうねい, not ながやす.
    assert!(read(&site, "data/articles/extra.readings.json").contains("ちょうねい"));
    std::fs::remove_file(site.join("data/articles/extra.json")).unwrap();
    run(&site, "https://news.example").unwrap();
    assert!(!site.join("data/articles/extra.readings.json").exists());
    assert!(site.join("data/articles/595305.readings.json").exists());
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn the_origin_must_be_an_origin() {
    for bad in [
        "news.example",
        "ftp://x",
        "https://",
        "https://a b",
        "https://x/path",
    ] {
        assert!(check_origin(bad).is_err(), "{bad}");
    }
    assert_eq!(
        check_origin("https://news.example/").unwrap(),
        "https://news.example"
    );
}

#[test]
fn check_names_what_is_published_but_withdrawn_and_what_is_not_yet_published() {
    let site = sample_site("check");
    let error = run_as(&site, "https://news.example", Mode::Check).unwrap_err();
    assert!(
        error.contains("pages/ja/news/595305.html: not published"),
        "{error}"
    );
    run(&site, "https://news.example").unwrap();
    run_as(&site, "https://news.example", Mode::Check).unwrap();
    // The newsroom withdraws the article from the data but does not publish.
    let mut index: serde_json::Value =
        serde_json::from_str(&read(&site, "data/articles/index.json")).unwrap();
    index["articles"] = serde_json::json!([]);
    std::fs::write(site.join("data/articles/index.json"), index.to_string()).unwrap();
    std::fs::remove_file(site.join("data/articles/595305.json")).unwrap();
    let before = snapshot(&site);
    let error = run_as(&site, "https://news.example", Mode::Check).unwrap_err();
    assert!(
        error.contains("pages/zh/news/595305/print.html: published, but nothing in the data is published there"),
        "{error}"
    );
    assert!(error.contains("feed.xml: out of date"), "{error}");
    assert_eq!(snapshot(&site), before, "a check writes nothing");
    run(&site, "https://news.example").unwrap();
    assert!(!site.join("published/pages/ja/news/595305.html").exists());
    run_as(&site, "https://news.example", Mode::Check).unwrap();
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn publishing_again_with_nothing_changed_touches_no_file() {
    use std::os::unix::fs::MetadataExt;
    let site = sample_site("unchanged");
    run(&site, "https://news.example").unwrap();
    let stamp = |path: &str| {
        let meta = std::fs::metadata(site.join(path)).unwrap();
        (meta.ino(), meta.mtime(), meta.mtime_nsec())
    };
    let page = "published/pages/ja/news/595305.html";
    let before = (stamp(page), stamp("published/feed.xml"));
    run(&site, "https://news.example").unwrap();
    assert_eq!((stamp(page), stamp("published/feed.xml")), before);
    let _ = std::fs::remove_dir_all(&site);
}
