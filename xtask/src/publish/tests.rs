//! `publish` on a copy of the sample site.

use std::collections::{BTreeMap, BTreeSet};
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

/// Every file below `dir` with its bytes (but publish's own lock), as it
/// is on disk: a link is its target (never followed), a FIFO or device only
/// its kind (never read).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    use std::os::unix::fs::FileTypeExt;
    let mut files = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap().filter_map(Result::ok) {
            let path = entry.path();
            if path.ends_with(".publish") {
                continue;
            }
            let kind = std::fs::symlink_metadata(&path).unwrap().file_type();
            let seen = if kind.is_dir() {
                todo.push(path.clone());
                continue;
            } else if kind.is_symlink() {
                let target = std::fs::read_link(&path).unwrap();
                format!("link to {}", target.display()).into_bytes()
            } else if kind.is_file() && std::fs::metadata(&path).unwrap().len() < 1 << 20 {
                std::fs::read(&path).unwrap()
            } else if kind.is_file() {
                format!("{} bytes", std::fs::metadata(&path).unwrap().len()).into_bytes()
            } else {
                format!("special: fifo {}", kind.is_fifo()).into_bytes()
            };
            files.insert(path, seen);
        }
    }
    files
}

/// The addresses the sitemap's files list (those the index `sitemap.xml`
/// names), read with an XML parser.
fn sitemap_addresses(site: &Path) -> Vec<String> {
    let locs = |xml: &str| -> Vec<String> {
        let doc = roxmltree::Document::parse(xml).unwrap();
        doc.descendants()
            .filter(|n| n.has_tag_name("loc"))
            .filter_map(|n| n.text())
            .map(str::to_owned)
            .collect()
    };
    locs(&read(site, "published/sitemap.xml"))
        .iter()
        .flat_map(|file| {
            let name = file.rsplit('/').next().unwrap();
            locs(&read(site, &format!("published/{name}")))
        })
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
        assert!(read(&site, &format!("published/pages/ja/news/{id}.html"))
            .contains("ふりがな</button>"));
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
    assert!(read(&site, "published/pages/ja/news/kana.html").contains("ふりがな</button>"));
    assert!(!site.join("data/articles/chinese.readings.json").exists());
    assert!(!read(&site, "published/pages/ja/news/chinese.html").contains("ふりがな</button>"));
    // The newsroom's dictionary wins: 長寧 is ちょうねい, not ながやす.
    assert!(read(&site, "data/articles/extra.readings.json").contains("ちょうねい"));
    std::fs::remove_file(site.join("data/articles/extra.json")).unwrap();
    run(&site, "https://news.example").unwrap();
    assert!(!site.join("data/articles/extra.readings.json").exists());
    assert!(site.join("data/articles/595305.readings.json").exists());
    let _ = std::fs::remove_dir_all(&site);
}

/// Publishes `site` once, then changes its data with `spoil`: publishing
/// again must fail, name what `spoil` did, and write nothing.
fn refused_and_unchanged(site: &Path, spoil: impl FnOnce(&Path)) -> String {
    run(site, "https://news.example").unwrap();
    spoil(site);
    let spoiled = snapshot(site);
    let error = run(site, "https://news.example").unwrap_err();
    assert!(error.contains("nothing was published"), "{error}");
    assert_eq!(snapshot(site), spoiled, "publish wrote nothing");
    error
}

/// Changes the column file of `site` with `edit`.
fn edit_column(site: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let mut index: serde_json::Value =
        serde_json::from_str(&read(site, "data/articles/index.json")).unwrap();
    edit(&mut index);
    std::fs::write(site.join("data/articles/index.json"), index.to_string()).unwrap();
}

#[test]
fn an_id_used_twice_anywhere_is_refused_before_anything_is_written() {
    let site = sample_site("twice");
    let error = refused_and_unchanged(&site, |site| {
        let entry =
            |id: &str| serde_json::json!({"id": id, "title": "再掲", "published": "2024-01-01"});
        let extra = site.join("data/articles/Extra.json");
        let article = r#"{"id": "Extra", "title": "別", "published": "2024-01-01", "blocks": [],
                          "partners": ["sopot", "hirakata", "sopot"]}"#;
        std::fs::write(&extra, article).unwrap();
        let lower = site.join("data/articles/extra.json");
        std::fs::write(&lower, article.replace("Extra", "extra")).unwrap();
        edit_column(site, |index| {
            let articles = index["articles"].as_array_mut().unwrap();
            articles.extend([entry("595305"), entry("Extra"), entry("EXTRA")]);
        });
        let cities_path = site.join("data/cities.json");
        let mut cities: serde_json::Value =
            serde_json::from_str(&read(site, "data/cities.json")).unwrap();
        let mut twin = cities["partners"][2].clone();
        twin["id"] = serde_json::json!("Sopot");
        cities["partners"].as_array_mut().unwrap().push(twin);
        std::fs::write(&cities_path, cities.to_string()).unwrap();
        let readings = site.join("data/readings.json");
        let text = read(site, "data/readings.json").replacen('{', r#"{"枚方": "まいかた", "#, 1);
        std::fs::write(&readings, text).unwrap();
    });
    for named in [
        "articles/index.json: articles[1].id: duplicate id, first used by articles[0] (595305)",
        r#"articles/index.json: articles[3].id: duplicate id, first used by articles[2] ("Extra") (EXTRA)"#,
        r#"articles/extra.json: id: duplicate id, first used by articles/index.json: articles[2] ("Extra")"#,
        r#"articles/Extra.json: partners[2]: duplicate id, first used by partners[0]"#,
        r#"cities.json: partners[7].id: duplicate id, first used by partners[2] ("sopot") (Sopot)"#,
        r#"readings.json: 枚方: given twice, as entries 1 ("まいかた") and 3 ("ひらかた")"#,
    ] {
        assert!(error.contains(named), "{named}\n{error}");
    }
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn texts_xml_does_not_allow_are_taken_out_of_the_feed() {
    let site = sample_site("xml");
    edit_column(&site, |index| {
        index["column"]["title"] = serde_json::json!("長寧\u{0}ニューズ");
        index["articles"][0]["title"] = serde_json::json!("長寧の\u{B}努力\u{0}で");
        index["articles"][0]["summary"] = serde_json::json!("要約\u{FFFF}です\u{C}。");
    });
    run(&site, "https://news.example").unwrap();
    let xml = read(&site, "published/feed.xml");
    roxmltree::Document::parse(&xml).unwrap();
    let feed = feed_rs::parser::parse(xml.as_bytes()).unwrap();
    assert_eq!(feed.title.unwrap().content, "長寧ニューズ");
    assert_eq!(
        feed.entries[0].title.as_ref().unwrap().content,
        "長寧の 努力で"
    );
    assert_eq!(
        feed.entries[0].summary.as_ref().unwrap().content,
        "要約です 。"
    );
    roxmltree::Document::parse(&read(&site, "published/sitemap.xml")).unwrap();
    let _ = std::fs::remove_dir_all(&site);
}

/// Paragraphs longer than MeCab's own line buffer (8192 bytes): 50 KB and
/// 1 MB, each read to its end.
#[test]
fn long_paragraphs_get_readings_to_their_end() {
    let site = sample_site("long");
    let sentence = "長寧区は枚方市との交流を深めた。";
    let paragraphs = [
        sentence.repeat(50_000 / sentence.len()),
        sentence.repeat(1_000_000 / sentence.len()),
    ];
    for (i, text) in paragraphs.iter().enumerate() {
        let article = serde_json::json!({"id": format!("long{i}"), "lang": "ja", "title": "長い記事",
            "published": "2024-01-01", "blocks": [{"kind": "paragraph", "text": text}]});
        std::fs::write(
            site.join(format!("data/articles/long{i}.json")),
            article.to_string(),
        )
        .unwrap();
    }
    let data = SiteData::load(&site).unwrap();
    let stage = site.join("stage");
    let staged = furigana::readings_to_publish(&site, &data, &Records::default(), &stage)
        .unwrap()
        .staged;
    for (i, text) in paragraphs.iter().enumerate() {
        let path = PathBuf::from(format!("data/articles/long{i}.readings.json"));
        assert!(staged.contains(&path), "readings staged");
        let json = read(&stage, &format!("long{i}.readings.json"));
        let id = reader_core::Id::parse(&format!("long{i}")).unwrap();
        let readings = reader_core::reading::ruby::decode_readings(&id, &json).unwrap();
        let spans = readings.for_text(text);
        // 長寧, 区, 枚方, 市, 交流, 深 in every sentence, the last one too.
        let sentences = text.len() / sentence.len();
        assert_eq!(spans.len(), sentences * 6, "long{i}");
        assert_eq!(
            &text[spans[spans.len() - 1].start..spans[spans.len() - 1].end],
            "深"
        );
    }
    let _ = std::fs::remove_dir_all(&site);
}

/// What publish reads must be a regular file inside the site: a link (to
/// a file outside, to /dev/zero; the file itself or a folder on the way), a
/// FIFO, a folder where a file belongs, a file too large are each refused,
/// named, and nothing is written.
#[test]
fn only_regular_files_inside_the_site_are_read() {
    let outside = std::env::temp_dir().join(format!("publish-outside-{}", std::process::id()));
    std::fs::create_dir_all(&outside).unwrap();
    let article = r#"{"id": "leak", "title": "外の記事", "published": "2024-01-01", "blocks": []}"#;
    std::fs::write(outside.join("leak.json"), article).unwrap();
    for (case, named) in [
        (0, "data/articles/leak.json: a symbolic link"),
        (1, "data/articles/595305.json: a symbolic link"),
        (
            2,
            "data/kiosk.json: a FIFO (named pipe), not a regular file",
        ),
        (3, "data/cities.json: 68157440 bytes, more than the 64 MiB"),
        (4, "data/readings.json: a folder, not a regular file"),
        (5, "data/articles: a symbolic link"),
        (6, "data: a symbolic link"),
        (7, "map/world-110m.json: a symbolic link"),
    ] {
        let site = sample_site("links");
        let error = refused_and_unchanged(&site, |site| make_unreadable(case, site, &outside));
        assert!(error.contains(named), "{named}\n{error}");
        assert!(error.starts_with("1 problem(s)"), "named once: {error}");
        let _ = std::fs::remove_dir_all(&site);
    }
    let _ = std::fs::remove_dir_all(&outside);
}

/// The site's files made unreadable for publish, one way per `case`.
fn make_unreadable(case: usize, site: &Path, outside: &Path) {
    use std::os::unix::fs::symlink;
    let moved_to_link = |path: &str, to: PathBuf| {
        std::fs::rename(site.join(path), &to).unwrap();
        symlink(&to, site.join(path)).unwrap();
    };
    match case {
        0 => symlink(
            outside.join("leak.json"),
            site.join("data/articles/leak.json"),
        )
        .unwrap(),
        1 => {
            let link = site.join("data/articles/595305.json");
            std::fs::remove_file(&link).unwrap();
            symlink("/dev/zero", &link).unwrap();
        }
        2 => {
            let fifo = site.join("data/kiosk.json");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            assert!(made.unwrap().success());
        }
        3 => {
            let big = std::fs::OpenOptions::new()
                .write(true)
                .open(site.join("data/cities.json"));
            big.unwrap().set_len(65 * 1024 * 1024).unwrap(); // sparse: no disk used
        }
        4 => {
            let dir = site.join("data/readings.json");
            std::fs::remove_file(&dir).unwrap();
            std::fs::create_dir(&dir).unwrap();
        }
        5 => moved_to_link("data/articles", site.join("elsewhere")),
        6 => moved_to_link("data", site.join("data-elsewhere")),
        _ => moved_to_link("map/world-110m.json", outside.join("world.json")),
    }
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

/// The largest a published page of the column may be, at any archive size.
const COLUMN_PAGE_BUDGET: usize = 60 * 1024;

#[test]
fn an_archive_is_published_a_column_page_at_a_time_in_every_language() {
    let site = sample_site("archive");
    // 95 generated and the sample's own: four pages, the last of six.
    crate::archive::generate(&site, 95).unwrap();
    run(&site, "https://news.example").unwrap();
    let column: serde_json::Value =
        serde_json::from_str(&read(&site, "data/articles/index.json")).unwrap();
    let ids: Vec<&str> = column["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 96);
    for lang in LANGUAGES {
        let file = |n: usize| match n {
            1 => format!("published/pages/{lang}/index.html"),
            n => format!("published/pages/{lang}/page/{n}.html"),
        };
        for (n, listed) in [(1, &ids[..30]), (2, &ids[30..60]), (4, &ids[90..])] {
            let html = read(&site, &file(n));
            assert!(
                html.len() <= COLUMN_PAGE_BUDGET,
                "{}: {}",
                file(n),
                html.len()
            );
            for id in &ids {
                let link = format!(r#"<a href="/news/{id}">"#);
                assert_eq!(
                    html.contains(&link),
                    listed.contains(id),
                    "{}: {id}",
                    file(n)
                );
            }
        }
        assert!(!site.join(file(5)).exists(), "no page past the end");
        assert!(read(&site, &file(2)).contains(r#"href="/page/3" rel="next""#));
    }
    let _ = std::fs::remove_dir_all(&site);
}

/// A site's data whose column lists `count` generated articles (the
/// archive generator's titles, dates and summaries), without their files:
/// what the column's pages are made of.
fn generated_column(count: u32) -> SiteData {
    let articles: Vec<serde_json::Value> = (1..=count)
        .map(|i| {
            let article = crate::archive::article(i, &[]);
            let mut entry = serde_json::json!({
                "id": article["id"], "title": article["title"], "published": article["published"],
            });
            if let Some(summary) = crate::archive::summary(i) {
                entry["summary"] = serde_json::json!(summary);
            }
            entry
        })
        .collect();
    let file = serde_json::json!({ "column": { "id": "1725", "title": "長寧ニューズ" }, "articles": articles });
    SiteData::of_column(reader_core::decode_column(file.to_string()).unwrap())
}

/// The plan of `data` with the app's own shell.
fn test_plan(data: &SiteData) -> Plan {
    let shell = std::fs::read_to_string(crate::root().join("index.html")).unwrap();
    Plan::new(
        data,
        "https://news.example",
        &shell,
        "test",
        &mut Vec::new(),
    )
}

#[test]
fn every_column_page_stays_within_its_budget_at_ten_thousand_articles() {
    let plan = test_plan(&generated_column(10_000));
    let files: Vec<(PathBuf, String)> = plan
        .outputs
        .iter()
        .map(|output| (output.path.clone(), plan.make(output).unwrap()))
        .collect();
    let column_pages: Vec<&(PathBuf, String)> = files
        .iter()
        .filter(|(path, _)| {
            let path = path.to_string_lossy();
            path.ends_with("/index.html") || path.contains("/page/")
        })
        .collect();
    assert_eq!(
        column_pages.len(),
        334 * LANGUAGES.len(),
        "10,000 in pages of 30"
    );
    let (largest, size) = column_pages
        .iter()
        .map(|(path, html)| (path, html.len()))
        .max_by_key(|(_, size)| *size)
        .unwrap();
    println!(
        "largest column page at 10,000 articles: {} ({size} bytes)",
        largest.display()
    );
    assert!(size <= COLUMN_PAGE_BUDGET, "{}: {size}", largest.display());
    let (_, sitemap) = files
        .iter()
        .find(|(p, _)| p.ends_with("sitemap-1.xml"))
        .unwrap();
    roxmltree::Document::parse(sitemap).unwrap();
}

/// Readings are staged as MeCab makes them and moved beside their articles
/// only when the run publishes: a run that fails after making them (here,
/// on a shell it cannot put pages in) leaves `data/` and the published site
/// as they were, and the next run clears what it staged.
#[test]
fn readings_staged_by_a_run_that_fails_never_reach_the_site() {
    let site = sample_site("staged");
    run(&site, "https://news.example").unwrap();
    let readings = "data/articles/595305.readings.json";
    let mut article = seed(&site);
    article["blocks"][0]["text"] = serde_json::json!("枚方市の代表団が長寧区を訪れた。");
    let data = site.join("data/articles/595305.json");
    std::fs::write(&data, article.to_string()).unwrap();
    let shell = read(&site, "index.html");
    let broken = shell
        .replace("<noscript>", "<div>")
        .replace("</noscript>", "</div>");
    std::fs::write(site.join("index.html"), &broken).unwrap();
    let before = snapshot(&site);
    let error = run(&site, "https://news.example").unwrap_err();
    assert!(error.contains("<noscript>"), "{error}");
    assert_eq!(
        snapshot(&site),
        before,
        "neither data/ nor published/ changed"
    );
    let staged = site.join(".publish/readings/595305.readings.json");
    assert!(staged.is_file(), "the edited article's readings were made");
    assert!(!read(&site, readings).contains("代表団"));
    std::fs::write(site.join("index.html"), &shell).unwrap();
    run(&site, "https://news.example").unwrap();
    assert!(
        read(&site, readings).contains("だいひょう"),
        "published with the pages"
    );
    assert!(
        !site.join(".publish/readings").exists(),
        "nothing left staged"
    );
    let _ = std::fs::remove_dir_all(&site);
}

/// An article's pages are made from its file read again: a file changed
/// after the run read it is refused, named, rather than published with
/// the digest of what it was.
#[test]
fn an_article_changed_while_publishing_is_refused() {
    let site = sample_site("changed");
    let plan = test_plan(&SiteData::load(&site).unwrap());
    let mut article = seed(&site);
    article["title"] = serde_json::json!("差し替えた見出し");
    std::fs::write(site.join("data/articles/595305.json"), article.to_string()).unwrap();
    let print = plan
        .outputs
        .iter()
        .find(|o| o.path == Path::new("pages/ja/news/595305/print.html"))
        .unwrap();
    let error = plan.make(print).unwrap_err();
    assert!(
        error.contains("data/articles/595305.json changed while publishing"),
        "{error}"
    );
    let _ = std::fs::remove_dir_all(&site);
}

/// The search index's parts, as the app reads them (`parts.json`), each
/// with its entry file read as JSON.
fn search_parts(site: &Path) -> Vec<(String, serde_json::Value)> {
    let list: Vec<String> =
        serde_json::from_str(&read(site, "published/pagefind/parts.json")).unwrap();
    list.into_iter()
        .map(|address| {
            let entry = format!("published{address}pagefind-entry.json");
            (address, serde_json::from_str(&read(site, &entry)).unwrap())
        })
        .collect()
}

/// Each file of the index with its inode and time: what a run rewrote.
fn index_files(site: &Path) -> BTreeMap<PathBuf, (u64, i64)> {
    use std::os::unix::fs::MetadataExt;
    snapshot(&site.join("published/pagefind"))
        .into_keys()
        .map(|path| {
            let meta = std::fs::metadata(&path).unwrap();
            (path, (meta.ino(), meta.mtime_nsec()))
        })
        .collect()
}

/// The index's files that `after` has new or rewritten, by the folder
/// below `published/pagefind` they are in (`""` for the top).
fn rewritten_in(
    site: &Path,
    before: &BTreeMap<PathBuf, (u64, i64)>,
    after: &BTreeMap<PathBuf, (u64, i64)>,
) -> BTreeSet<String> {
    let top = site.join("published/pagefind");
    after
        .iter()
        .filter(|(path, stamp)| before.get(*path) != Some(*stamp))
        .map(|(path, _)| {
            let below = path.strip_prefix(&top).unwrap();
            match below.components().count() {
                1 => String::new(),
                _ => below.iter().next().unwrap().to_string_lossy().into_owned(),
            }
        })
        .collect()
}

#[test]
fn the_search_index_is_published_in_parts_each_kept_until_one_of_its_articles_changes() {
    let site = sample_site("search");
    crate::archive::generate(&site, 11).unwrap();
    let publish = |site: &Path| run_with_parts(site, "https://news.example", Mode::Publish, 5);
    publish(&site).unwrap();
    // 12 articles, 5 a part: 3 parts, every article in one of them, each
    // in the language the articles are written in.
    let parts = search_parts(&site);
    assert_eq!(
        parts.iter().map(|(a, _)| a.as_str()).collect::<Vec<_>>(),
        ["/pagefind/part0/", "/pagefind/part1/", "/pagefind/part2/"]
    );
    let mut pages = 0;
    for (address, entry) in &parts {
        let languages = entry["languages"].as_object().unwrap();
        assert_eq!(languages.keys().collect::<Vec<_>>(), ["ja"], "{address}");
        pages += languages["ja"]["page_count"].as_u64().unwrap();
    }
    assert_eq!(pages, 12);
    // Pagefind's script, worker and wasm once, at the top, every part's
    // instance loading that wasm; none of Pagefind's own interfaces.
    for file in ["pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind"] {
        assert!(
            site.join("published/pagefind").join(file).is_file(),
            "{file}"
        );
        assert!(
            !site.join("published/pagefind/part0").join(file).exists(),
            "{file}"
        );
    }
    assert!(read(&site, "published/pagefind/pagefind.js")
        .contains("`/pagefind/wasm.${language}.pagefind`"));
    assert!(!site.join("published/pagefind/pagefind-ui.js").exists());

    let first = index_files(&site);
    publish(&site).unwrap();
    assert_eq!(
        index_files(&site),
        first,
        "nothing changed: the index is kept"
    );

    // An edit: only the edited article's part is made again.
    let part_of = |id: &str| {
        let id = reader_core::Id::parse(id).unwrap();
        format!("part{}", search_index::part_of(&id, 3))
    };
    let mut json = seed(&site);
    json["blocks"][0]["text"] = "検索語ぴったりの新しい一文。".into();
    std::fs::write(site.join("data/articles/595305.json"), json.to_string()).unwrap();
    publish(&site).unwrap();
    let edited = index_files(&site);
    assert_eq!(
        rewritten_in(&site, &first, &edited),
        BTreeSet::from([part_of("595305")])
    );
    // A new article (the parts stay 3): only its part.
    crate::archive::generate(&site, 12).unwrap();
    publish(&site).unwrap();
    let added = index_files(&site);
    assert_eq!(
        rewritten_in(&site, &edited, &added),
        BTreeSet::from([part_of("899988")])
    );
    let pages: u64 = search_parts(&site)
        .iter()
        .map(|(_, entry)| entry["languages"]["ja"]["page_count"].as_u64().unwrap())
        .sum();
    assert_eq!(pages, 13);
    // The files of the index are recorded, so `--check` finds nothing
    // published that the data does not make.
    run_as(&site, "https://news.example", Mode::Check).unwrap();
    let _ = std::fs::remove_dir_all(&site);
}
