//! Publishing only what changed gives what publishing everything gives:
//! random edits to a small site (a title, a body, a summary, an article
//! deleted or added, `cities.json`, the app's shell), published on top of
//! the last run, leave exactly the files (and readings) a run on a fresh
//! copy of the same data leaves; and an edit marks exactly the files that
//! show what it changed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use serde_json::{json, Value};

use super::outputs::Plan;
use super::site_data::SiteData;
use super::*;

use super::hostile::common;

const ORIGIN: &str = "https://news.example";

/// The sample site and four generated articles, in a fresh directory.
fn small_site(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("publish-inc-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let root = crate::root();
    crate::shell::copy_dir(&root.join("public/data"), &dir.join("data")).unwrap();
    crate::shell::copy_dir(&root.join("public/map"), &dir.join("map")).unwrap();
    std::fs::copy(root.join("index.html"), dir.join("index.html")).unwrap();
    crate::archive::generate(&dir, 4).unwrap();
    dir
}

/// Every file below `dir` with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = Vec::new();
    let _ = generation::collect_files(dir, Path::new(""), &mut out);
    let mut files: BTreeMap<PathBuf, Vec<u8>> = out
        .into_iter()
        .map(|p| (p.clone(), std::fs::read(dir.join(&p)).unwrap()))
        .collect();
    if let Ok(records) = std::fs::read(dir.join(generation::RECORDS)) {
        files.insert(generation::RECORDS.into(), records);
    }
    files
}

#[derive(Debug, Clone)]
enum Edit {
    Title(usize),
    Body(usize),
    Summary(usize),
    Delete(usize),
    Add(usize),
    Cities,
    Shell,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..5usize).prop_map(Edit::Title),
        (0..5usize).prop_map(Edit::Body),
        (0..5usize).prop_map(Edit::Summary),
        (0..5usize).prop_map(Edit::Delete),
        (0..3usize).prop_map(Edit::Add),
        Just(Edit::Cities),
        Just(Edit::Shell),
    ]
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn write_json(path: &Path, value: &Value) {
    std::fs::write(path, value.to_string()).unwrap();
}

/// Applies `edit` to the data of `site` (the `n`th edit of a run).
fn apply(site: &Path, edit: &Edit, n: usize) {
    let column_path = site.join("data/articles/index.json");
    let mut column = read_json(&column_path);
    let entries = column["articles"].as_array_mut().unwrap();
    let pick = |k: usize| (!entries.is_empty()).then(|| k % entries.len());
    let article_path =
        |id: &Value| site.join(format!("data/articles/{}.json", id.as_str().unwrap()));
    match edit {
        Edit::Title(k) | Edit::Body(k) | Edit::Summary(k) | Edit::Delete(k) => {
            let Some(i) = pick(*k) else { return };
            let path = article_path(&entries[i]["id"]);
            let mut article = read_json(&path);
            match edit {
                Edit::Title(_) => {
                    let title = format!("改題{n}の記事");
                    article["title"] = json!(title);
                    entries[i]["title"] = json!(title);
                }
                Edit::Body(_) => {
                    let text = format!("長寧区で{n}回目の追記がありました。");
                    let blocks = article["blocks"].as_array_mut().unwrap();
                    blocks.push(json!({"kind": "paragraph", "text": text}));
                }
                Edit::Summary(_) => entries[i]["summary"] = json!(format!("要約{n}")),
                _ => {
                    entries.remove(i);
                    std::fs::remove_file(&path).unwrap();
                    write_json(&column_path, &column);
                    return;
                }
            }
            write_json(&path, &article);
        }
        Edit::Add(k) => {
            let id = format!("new{k}");
            if entries.iter().any(|e| e["id"] == json!(id)) {
                return;
            }
            let article = json!({"id": id, "lang": "ja", "title": format!("新しい記事{n}"),
                "published": "2026-12-01", "blocks": [{"kind": "paragraph", "text": "枚方市と交流した。"}]});
            write_json(&article_path(&json!(id)), &article);
            entries.insert(
                0,
                json!({"id": id, "title": article["title"], "published": "2026-12-01"}),
            );
        }
        Edit::Cities => {
            let path = site.join("data/cities.json");
            let mut cities = read_json(&path);
            cities["partners"][0]["names"]["ja"] = json!(format!("改名市{n}"));
            write_json(&path, &cities);
        }
        Edit::Shell => {
            let path = site.join("index.html");
            let shell = std::fs::read_to_string(&path).unwrap();
            let shell = shell.replacen("</body>", &format!("<!-- build {n} --></body>"), 1);
            std::fs::write(&path, shell).unwrap();
        }
    }
    write_json(&column_path, &column);
}

/// A fresh copy of what `site` publishes from, published whole.
fn published_fresh(site: &Path, name: &str) -> PathBuf {
    let fresh = std::env::temp_dir().join(format!("publish-inc-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&fresh);
    crate::shell::copy_dir(&site.join("data"), &fresh.join("data")).unwrap();
    crate::shell::copy_dir(&site.join("map"), &fresh.join("map")).unwrap();
    std::fs::copy(site.join("index.html"), fresh.join("index.html")).unwrap();
    for entry in std::fs::read_dir(fresh.join("data/articles")).unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().ends_with(".readings.json") {
            std::fs::remove_file(path).unwrap();
        }
    }
    run(&fresh, ORIGIN).unwrap();
    fresh
}

proptest! {
    #![proptest_config(common::cases(6))]

    #[test]
    fn publishing_what_changed_gives_what_publishing_everything_gives(
        edits in prop::collection::vec(edit(), 1..4),
    ) {
        let site = small_site("edited");
        run(&site, ORIGIN).unwrap();
        for (n, edit) in edits.iter().enumerate() {
            apply(&site, edit, n);
        }
        run(&site, ORIGIN).unwrap();
        let fresh = published_fresh(&site, "fresh");
        let published = |dir: &Path| files(&dir.join(generation::PUBLISHED));
        prop_assert!(published(&site) == published(&fresh), "published files differ after {edits:?}");
        prop_assert!(files(&site.join("data")) == files(&fresh.join("data")), "readings differ after {edits:?}");
        let _ = std::fs::remove_dir_all(&site);
        let _ = std::fs::remove_dir_all(&fresh);
    }
}

/// What each file of `site` would be made from now.
fn digests(site: &Path) -> BTreeMap<PathBuf, String> {
    let data = SiteData::load(site).unwrap();
    let shell = std::fs::read_to_string(site.join("index.html")).unwrap();
    let plan = Plan::new(&data, ORIGIN, &shell, "test", &mut Vec::new());
    plan.outputs
        .into_iter()
        .map(|o| (o.path, o.made_from))
        .collect()
}

fn marked(
    before: &BTreeMap<PathBuf, String>,
    after: &BTreeMap<PathBuf, String>,
) -> BTreeSet<String> {
    after
        .iter()
        .filter(|(path, digest)| before.get(*path) != Some(*digest))
        .map(|(path, _)| path.display().to_string())
        .collect()
}

fn pages_of(id: &str) -> Vec<String> {
    ["ja", "zh", "en"]
        .iter()
        .flat_map(|l| {
            [
                format!("pages/{l}/news/{id}.html"),
                format!("pages/{l}/news/{id}/print.html"),
            ]
        })
        .collect()
}

#[test]
fn an_edit_marks_its_article_s_pages_and_the_column_and_feed_that_show_it() {
    let site = small_site("marks");
    let before = digests(&site);
    // 899998 (generated article 2) has a summary and names no partner.
    let id = "899998";
    apply(&site, &Edit::Body(1), 0);
    let expected: BTreeSet<String> = pages_of(id).into_iter().collect();
    assert_eq!(marked(&before, &digests(&site)), expected, "a body edit");
    let before = digests(&site);
    apply(&site, &Edit::Title(1), 1);
    let mut expected = expected;
    expected.extend(["ja", "zh", "en"].map(|l| format!("pages/{l}/index.html")));
    expected.insert("feed.xml".into());
    assert_eq!(marked(&before, &digests(&site)), expected, "a title edit");
    let before = digests(&site);
    apply(&site, &Edit::Shell, 2);
    let after = digests(&site);
    let pages: BTreeSet<String> = after
        .keys()
        .map(|p| p.display().to_string())
        .filter(|p| p.starts_with("pages/"))
        .collect();
    // The feed, sitemap and robots.txt are not made from the shell.
    assert_eq!(
        marked(&before, &after),
        pages,
        "a new shell marks every page"
    );
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn a_deleted_article_s_pages_go_and_nothing_else_is_touched() {
    use std::os::unix::fs::MetadataExt;
    let site = small_site("deleted");
    run(&site, ORIGIN).unwrap();
    // A second run, so that the deletion's starts from the spare generation
    // (the one this replaced), as every run after the first does.
    apply(&site, &Edit::Body(0), 0);
    run(&site, ORIGIN).unwrap();
    let live = site.join(generation::PUBLISHED);
    let stamps = |dir: &Path| -> BTreeMap<PathBuf, (u64, i64, i64)> {
        let mut out = Vec::new();
        generation::collect_files(dir, Path::new(""), &mut out).unwrap();
        out.into_iter()
            .map(|p| {
                let m = std::fs::metadata(dir.join(&p)).unwrap();
                (p, (m.ino(), m.mtime(), m.mtime_nsec()))
            })
            .collect()
    };
    let before = stamps(&live);
    apply(&site, &Edit::Delete(1), 0);
    run(&site, ORIGIN).unwrap();
    let after = stamps(&live);
    // A file's compressed copies go and change with it.
    let copies = |stamps: &BTreeMap<PathBuf, (u64, i64, i64)>| {
        stamps
            .keys()
            .filter_map(|p| crate::compress::original_of(p))
            .collect::<BTreeSet<_>>()
    };
    for (stamps, when) in [(&before, "before"), (&after, "after")] {
        let compressible: BTreeSet<PathBuf> = stamps
            .keys()
            .filter(|p| crate::compress::compressible(p))
            .cloned()
            .collect();
        assert_eq!(
            copies(stamps),
            compressible,
            "{when}: every text file has its copies"
        );
    }
    let moved_with = |p: &PathBuf| {
        crate::compress::SUFFIXES.iter().all(|suffix| {
            let copy = crate::compress::beside(p, suffix);
            (before.get(&copy) != after.get(&copy)) || before.get(p) == after.get(p)
        })
    };
    assert!(
        before
            .keys()
            .filter(|p| crate::compress::compressible(p))
            .all(moved_with),
        "a copy kept while its file changed"
    );
    let (before, after): (BTreeMap<_, _>, BTreeMap<_, _>) = (
        before
            .into_iter()
            .filter(|(p, _)| crate::compress::original_of(p).is_none())
            .collect(),
        after
            .into_iter()
            .filter(|(p, _)| crate::compress::original_of(p).is_none())
            .collect(),
    );
    // The search index is made again as a whole (its files are named by
    // their contents): checked on its own below.
    let indexed = |p: &PathBuf| p.starts_with(super::search_index::SEARCH_DIR);
    let gone: BTreeSet<String> = before
        .keys()
        .filter(|p| !after.contains_key(*p) && !indexed(p))
        .map(|p| p.display().to_string())
        .collect();
    assert_eq!(gone, pages_of("899998").into_iter().collect());
    let index_changed = after
        .iter()
        .any(|(p, stamp)| indexed(p) && before.get(p) != Some(stamp));
    assert!(index_changed, "the index is made again without the article");
    let changed: BTreeSet<String> = after
        .iter()
        .filter(|(p, stamp)| !indexed(p) && before.get(*p) != Some(*stamp))
        .map(|(p, _)| p.display().to_string())
        .collect();
    let mut expected: BTreeSet<String> = ["ja", "zh", "en"]
        .map(|l| format!("pages/{l}/index.html"))
        .into();
    // The sitemap file that listed it; the index keeps its newest date.
    expected.extend(["feed.xml".to_owned(), "sitemap-1.xml".to_owned()]);
    assert_eq!(changed, expected);
    let _ = std::fs::remove_dir_all(&site);
}
