//! `cargo xtask bench archive [COUNT…]`: publish at the size of a
//! newsroom's archive. For each size (default 1,000, 10,000 and 30,000
//! generated articles, `archive.rs`) on a copy of `dist/`: a cold publish,
//! one with nothing changed, two after an article's title is edited (the
//! first after a cold run links every file), one after an article is
//! deleted; each as a child process, timed, with its peak memory
//! (`/usr/bin/time`), and the files each wrote. Then the site search on
//! the archive published, served by nginx: the bytes and time of a first
//! and a second query in a browser (`e2e/bench/search.mjs`).

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::Value;

use crate::{archive, paths, shell, step};

const SIZES: [u32; 3] = [1_000, 10_000, 30_000];

/// One publish: wall time, peak resident memory, what it printed.
struct Measured {
    seconds: f64,
    peak_mib: f64,
    said: String,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let sizes = sizes(args)?;
    let dist = crate::root().join("dist");
    if !dist.join("index.html").is_file() {
        crate::dist()?;
    }
    let mut rows = Vec::new();
    let mut searches = Vec::new();
    for count in sizes {
        step(&format!("publishing an archive of {count} articles"));
        rows.push(bench_size(&dist, count)?);
        step(&format!(
            "searching the archive of {count} articles in Chromium"
        ));
        searches.push(bench_search(count)?);
    }
    println!("\n| articles | cold | nothing changed | first edit after cold | one edit (files written) | one deletion | column page |");
    println!("|---|---|---|---|---|---|---|");
    for row in rows {
        println!("{row}");
    }
    println!("\n{SEARCH_HEADER}");
    for row in searches {
        print!("{row}");
    }
    Ok(())
}

/// The search on the archive `bench_size` published: `e2e/bench/search.mjs`
/// against it, served by nginx; its Markdown rows.
fn bench_search(count: u32) -> Result<String, String> {
    let site = paths::scratch("bench-archive").join(format!("site-{count}"));
    if !site.join("published/pagefind/parts.json").is_file() {
        return Err(format!(
            "{}: no published archive with a search index: run `cargo xtask bench archive {count}` first",
            site.display()
        ));
    }
    let server = crate::nginx::Server::configure("bench-search", &site, 8094)?.start()?;
    let output = std::process::Command::new("node")
        .arg("bench/search.mjs")
        .env("BENCH_BASE_URL", server.base_url())
        .env("BENCH_SITE", &site)
        .env("BENCH_ARTICLES", count.to_string())
        .current_dir(crate::root().join("e2e"))
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    drop(server);
    let said = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() {
        return Err(format!(
            "the search benchmark failed: {said}{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    print!("{said}");
    Ok(said)
}

/// `bench search [COUNT…]`: the search benchmark alone, on archives
/// `bench archive` published before.
pub fn search(args: &[String]) -> Result<(), String> {
    let mut rows = String::new();
    for count in sizes(args)? {
        step(&format!(
            "searching the archive of {count} articles in Chromium"
        ));
        rows.push_str(&bench_search(count)?);
    }
    println!("\n{SEARCH_HEADER}\n{rows}");
    Ok(())
}

/// The search table's heading.
const SEARCH_HEADER: &str = "| articles | index parts | network | first query | its results shown | second query | its results shown |\n|---|---|---|---|---|---|---|";

fn sizes(args: &[String]) -> Result<Vec<u32>, String> {
    if args.is_empty() {
        return Ok(SIZES.to_vec());
    }
    args.iter()
        .map(|a| {
            a.parse()
                .map_err(|_| format!("{a}: not a number of articles"))
        })
        .collect()
}

fn bench_size(dist: &Path, count: u32) -> Result<String, String> {
    let site = paths::scratch("bench-archive").join(format!("site-{count}"));
    let _ = std::fs::remove_dir_all(&site);
    shell::copy_dir(dist, &site)?;
    for published in ["published", ".publish"] {
        let _ = std::fs::remove_dir_all(site.join(published));
    }
    archive::generate(&site, count)?;
    let cold = publish(&site)?;
    let unchanged = publish(&site)?;
    let column = site.join("data/articles/index.json");
    let [first, edited, deleted] = pick_three(&column)?;
    // The first run after a cold one has no spare generation to start
    // from (generation.rs) and links every file; later runs do not.
    edit_title(&site, &first)?;
    let first_edit = publish(&site)?;
    edit_title(&site, &edited)?;
    let edit = publish(&site)?;
    delete(&site, &deleted)?;
    let deletion = publish(&site)?;
    let column_page = std::fs::metadata(site.join("published/pages/ja/index.html"))
        .map(|m| m.len() as f64 / 1024.0)
        .unwrap_or(0.0);
    let cell = |m: &Measured| format!("{:.1} s, {:.0} MiB", m.seconds, m.peak_mib);
    Ok(format!(
        "| {count} | {} | {} | {} | {} ({}) | {} ({}) | {column_page:.0} KiB |",
        cell(&cold),
        cell(&unchanged),
        cell(&first_edit),
        cell(&edit),
        files_said(&edit.said),
        cell(&deletion),
        files_said(&deletion.said),
    ))
}

/// "N written, M removed" from what publish printed.
fn files_said(said: &str) -> String {
    let written = number_before(said, " written").unwrap_or(0);
    let removed = number_before(said, " removed").unwrap_or(0);
    format!("{written} written, {removed} removed")
}

fn number_before(text: &str, word: &str) -> Option<u64> {
    let before = &text[..text.find(word)?];
    before.rsplit([' ', ',']).next()?.parse().ok()
}

/// Runs publish on `site` as a child process of this executable.
fn publish(site: &Path) -> Result<Measured, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let report = site.with_extension("time");
    let start = Instant::now();
    let output = std::process::Command::new("/usr/bin/time")
        .args(["-f", "%M", "-o"])
        .arg(&report)
        .arg(&exe)
        .arg("publish")
        .arg(site)
        .output()
        .map_err(|e| format!("cannot run /usr/bin/time: {e}"))?;
    let seconds = start.elapsed().as_secs_f64();
    let said = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() {
        return Err(format!(
            "publish failed: {said}{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let peak_kib: f64 = std::fs::read_to_string(&report)
        .ok()
        .and_then(|t| t.trim().lines().last()?.parse().ok())
        .unwrap_or(0.0);
    // Its summary, then where the time went ("  took …").
    let took = said.lines().find(|l| l.starts_with("  took "));
    let last = said
        .lines()
        .rev()
        .find(|l| !l.starts_with("  took "))
        .unwrap_or_default()
        .to_owned();
    println!("  {seconds:.1} s, {:.0} MiB: {last}", peak_kib / 1024.0);
    if let Some(took) = took {
        println!("  {took}");
    }
    Ok(Measured {
        seconds,
        peak_mib: peak_kib / 1024.0,
        said: last,
    })
}

/// Three generated articles from the middle of the column: two to edit, one to delete.
fn pick_three(column: &Path) -> Result<[String; 3], String> {
    let column = read(column)?;
    let entries = column["articles"].as_array().cloned().unwrap_or_default();
    let id = |i: usize| {
        entries
            .get(i)
            .and_then(|e| e["id"].as_str())
            .map(str::to_owned)
    };
    let middle = entries.len() / 2;
    match (id(middle), id(middle + 1), id(middle + 2)) {
        (Some(a), Some(b), Some(c)) => Ok([a, b, c]),
        _ => Err("the column has fewer than three articles".to_owned()),
    }
}

fn read(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, value: &Value) -> Result<(), String> {
    std::fs::write(path, value.to_string()).map_err(|e| format!("{}: {e}", path.display()))
}

fn article_path(site: &Path, id: &str) -> PathBuf {
    site.join("data/articles").join(format!("{id}.json"))
}

/// The newsroom corrects an article's title (its file and the column).
fn edit_title(site: &Path, id: &str) -> Result<(), String> {
    let path = article_path(site, id);
    let mut article = read(&path)?;
    let title = format!("{}（訂正）", article["title"].as_str().unwrap_or_default());
    article["title"] = Value::String(title.clone());
    write(&path, &article)?;
    change_column(site, |entries| {
        for entry in entries.iter_mut().filter(|e| e["id"] == id) {
            entry["title"] = Value::String(title.clone());
        }
    })
}

/// The newsroom withdraws an article (its file and its column entry).
fn delete(site: &Path, id: &str) -> Result<(), String> {
    std::fs::remove_file(article_path(site, id)).map_err(|e| format!("{id}: {e}"))?;
    change_column(site, |entries| entries.retain(|e| e["id"] != id))
}

fn change_column(site: &Path, change: impl FnOnce(&mut Vec<Value>)) -> Result<(), String> {
    let path = site.join("data/articles/index.json");
    let mut column = read(&path)?;
    if let Some(entries) = column["articles"].as_array_mut() {
        change(entries);
    }
    write(&path, &column)
}
