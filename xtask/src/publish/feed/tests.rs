use super::*;

/// A column of `count` entries whose dates are out of order: entry `i` is
/// dated `2020-01-01` plus `(i * 7) % count` days' worth of months and days.
fn column(count: usize) -> Column {
    let articles: Vec<serde_json::Value> = (0..count)
        .map(|i| {
            let n = (i * 7) % count;
            let date = format!("{}-{:02}-{:02}", 2000 + n / 300, 1 + (n / 28) % 12, 1 + n % 28);
            serde_json::json!({ "id": format!("a{i}"), "title": format!("記事 {i}"), "published": date })
        })
        .collect();
    let file = serde_json::json!({ "column": { "id": "1", "title": "欄" }, "articles": articles });
    reader_core::decode_column(file.to_string()).unwrap()
}

#[test]
fn the_feed_holds_the_newest_fifty_newest_first() {
    for count in [0, 1, 49, 50, 51, 400] {
        let data = SiteData::of_column(column(count));
        let publisher = Sourced {
            text: "長寧区".into(),
            place: "test".into(),
        };
        let xml = atom(&data, "https://news.example", &publisher, &mut Vec::new());
        let feed = feed_rs::parser::parse(xml.as_bytes()).unwrap();
        assert_eq!(feed.entries.len(), count.min(FEED_ENTRIES), "{count}");
        let dates: Vec<_> = feed.entries.iter().map(|e| e.published.unwrap()).collect();
        assert!(
            dates.windows(2).all(|w| w[0] >= w[1]),
            "{count}: newest first"
        );
        let mut all: Vec<IsoDate> = data.column.articles.iter().map(|e| e.published).collect();
        all.sort_unstable_by(|a, b| b.cmp(a));
        if let (Some(oldest_in_feed), Some(first_left_out)) = (dates.last(), all.get(FEED_ENTRIES))
        {
            let left_out = moment(*first_left_out);
            assert!(*oldest_in_feed >= left_out, "{count}: none newer left out");
        }
        assert_eq!(FEED_ENTRIES, 50);
    }
}

fn located(count: usize) -> Vec<Located> {
    (0..count)
        .map(|i| Located {
            loc: format!("https://news.example/news/a{i}"),
            lastmod: IsoDate::parse(&format!("{}-01-{:02}", 2000 + i % 20, 1 + i % 28)),
        })
        .collect()
}

/// Each file parsed as XML: the index's `<loc>`s, and each file's.
fn parse(files: &[(PathBuf, String)]) -> (Vec<String>, Vec<Vec<String>>) {
    let locs = |xml: &str, root: &str| -> Vec<String> {
        let doc = roxmltree::Document::parse(xml).unwrap();
        assert_eq!(doc.root_element().tag_name().name(), root);
        assert_eq!(
            doc.root_element().tag_name().namespace(),
            Some("http://www.sitemaps.org/schemas/sitemap/0.9")
        );
        doc.descendants()
            .filter(|n| n.has_tag_name("loc"))
            .filter_map(|n| n.text())
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(files[0].0, PathBuf::from("sitemap.xml"));
    let index = locs(&files[0].1, "sitemapindex");
    let each = files[1..]
        .iter()
        .map(|(_, xml)| locs(xml, "urlset"))
        .collect();
    (index, each)
}

#[test]
fn sitemaps_split_at_the_limit_and_the_index_names_each_file() {
    for (count, limit, sizes) in [
        (0, 3, vec![0]),
        (3, 3, vec![3]),
        (4, 3, vec![3, 1]),
        (7, 3, vec![3, 3, 1]),
    ] {
        let files = split_sitemaps(&located(count), "https://news.example", limit);
        let (index, each) = parse(&files);
        let names: Vec<String> = (1..=sizes.len())
            .map(|n| format!("https://news.example/sitemap-{n}.xml"))
            .collect();
        assert_eq!(index, names, "{count}");
        assert_eq!(
            each.iter().map(Vec::len).collect::<Vec<_>>(),
            sizes,
            "{count}"
        );
        let all: Vec<String> = each.concat();
        let expected: Vec<String> = located(count).into_iter().map(|l| l.loc).collect();
        assert_eq!(all, expected, "every address once, in order");
    }
}

#[test]
fn with_the_real_limit_50000_addresses_are_one_file_and_50001_two() {
    assert_eq!(SITEMAP_LIMIT, 50_000);
    let (index, each) = parse(&split_sitemaps(
        &located(50_000),
        "https://n.example",
        SITEMAP_LIMIT,
    ));
    assert_eq!(index.len(), 1);
    assert_eq!(each[0].len(), 50_000);
    let (index, each) = parse(&split_sitemaps(
        &located(50_001),
        "https://n.example",
        SITEMAP_LIMIT,
    ));
    assert_eq!(
        index,
        [
            "https://n.example/sitemap-1.xml",
            "https://n.example/sitemap-2.xml"
        ]
    );
    assert_eq!((each[0].len(), each[1].len()), (50_000, 1));
    assert_eq!(each[1], ["https://news.example/news/a50000"]);
}

#[test]
fn every_address_has_its_lastmod_and_each_file_its_newest() {
    let files = split_sitemaps(&located(30), "https://news.example", 20);
    let doc = roxmltree::Document::parse(&files[1].1).unwrap();
    let lastmods: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("lastmod"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(lastmods.len(), 20);
    assert_eq!(lastmods[3], "2003-01-04");
    assert!(files[0].1.contains("<sitemap><loc>https://news.example/sitemap-1.xml</loc><lastmod>2019-01-20</lastmod></sitemap>"), "{}", files[0].1);
    let undated = [Located {
        loc: "https://news.example/partners".into(),
        lastmod: None,
    }];
    let files = split_sitemaps(&undated, "https://news.example", 20);
    assert!(!files[1].1.contains("lastmod") && !files[0].1.contains("lastmod"));
}
