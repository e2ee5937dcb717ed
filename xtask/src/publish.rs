//! `cargo xtask publish [SITE_DIR] [--origin URL]`: the pages the newsroom
//! publishes beside the app, so that every page paints before the app
//! arrives, reads with scripts off, and can be indexed and previewed.
//!
//! It reads `SITE_DIR/data/`, validates every file with the app's own
//! decoders, and only if all are sound writes, for each route and each
//! interface language, the app's `index.html` with the page's title,
//! description, canonical address, link-preview tags, JSON-LD and its
//! content rendered by the app's own views (`changning_reader::prerender`),
//! under `SITE_DIR/pages/{lang}/`; plus `feed.xml`, `sitemap.xml` and
//! `robots.txt`. Every file is written beside its old self and renamed
//! into place only when all are written, so a failure leaves the old ones.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use changning_reader::i18n::Locale;
use changning_reader::language;
use changning_reader::pages::partners::Mentions;
use changning_reader::prerender::{self, Page, Site};
use reader_core::article::article_file;
use reader_core::cities::CITIES_FILE;
use reader_core::column::COLUMN_FILE;
use reader_core::error::Problem;
use reader_core::kiosk::{decode_kiosk, KIOSK_FILE};
use reader_core::linking::{partners_named, NameMatcher, MENTION_SCAN_LIMIT};
use reader_core::meta::{attr, describe_article, PageKind, PageMeta, LANGUAGES};
use reader_core::route::article_id;
use reader_core::world::{decode_world, WORLD_FILE};
use reader_core::{decode_article, decode_cities, decode_column, Article, DataError, Id};

mod feed;

/// Where the published pages go, below the site.
pub const PAGES_DIR: &str = "pages";
/// The origin used when none is given: the local server of `cargo xtask serve`.
pub const DEFAULT_ORIGIN: &str = "http://127.0.0.1:8080";

/// Validates, renders and writes; prints what it did or what is wrong.
pub fn run(site: &Path, origin: &str) -> Result<(), String> {
    let origin = check_origin(origin)?;
    let data = match SiteData::load(site) {
        Ok(data) => data,
        Err(problems) => {
            for problem in &problems {
                eprintln!("  {problem}");
            }
            return Err(format!(
                "{} problem(s) in {}/data: nothing was published",
                problems.len(),
                site.display()
            ));
        }
    };
    for warning in &data.warnings {
        println!("  note: {warning}");
    }
    let shell = read(&site.join("index.html"))?;
    let files = render(&data, &origin, &shell)?;
    let pages = files
        .iter()
        .filter(|(p, _)| p.starts_with(PAGES_DIR))
        .count();
    write_all(site, &files)?;
    println!(
        "published {pages} pages ({} articles, {} languages), feed.xml, sitemap.xml, robots.txt for {origin}",
        data.articles.len(),
        LANGUAGES.len()
    );
    Ok(())
}

/// `https://host[:port]`, without a trailing slash or a path.
fn check_origin(origin: &str) -> Result<String, String> {
    let trimmed = origin.trim_end_matches('/');
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains(['/', '?', '#', ' ', '"', '<', '>']) => {
            Ok(trimmed.to_owned())
        }
        _ => Err(format!(
            "--origin {origin:?}: expected the site's public origin, such as https://news.example.gov"
        )),
    }
}

/// Everything under `data/`, validated.
struct SiteData {
    column: Arc<reader_core::Column>,
    /// Every article file, the column's first (in its order), with the
    /// column's summary when it gives one.
    articles: Vec<(Arc<Article>, Option<String>)>,
    cities: Option<Arc<reader_core::Cities>>,
    world: Option<Arc<reader_core::world::World>>,
    warnings: Vec<String>,
}

impl SiteData {
    /// Reads and checks every data file; every problem is collected, so the
    /// newsroom sees them all at once.
    fn load(site: &Path) -> Result<Self, Vec<String>> {
        let data = site.join("data");
        let mut errors: Vec<String> = Vec::new();
        let mut warnings: Vec<String> = Vec::new();
        let bytes = |file: &str| std::fs::read(data.join(file));

        let column = match bytes(COLUMN_FILE) {
            Ok(b) => decode_column(b)
                .map_err(|e| errors.push(e.to_string()))
                .ok(),
            Err(e) => {
                errors.push(format!("{COLUMN_FILE}: cannot be read: {e}"));
                None
            }
        };

        // The column's articles first, then any other article file.
        let mut ids: Vec<(Id, Option<String>, Option<usize>)> = Vec::new();
        if let Some(column) = &column {
            for (i, entry) in column.articles.iter().enumerate() {
                ids.push((entry.id.clone(), entry.summary.clone(), Some(i)));
            }
        }
        let listed: BTreeSet<Id> = ids.iter().map(|(id, _, _)| id.clone()).collect();
        for name in article_file_names(&data.join("articles")) {
            match article_id(&name) {
                Some(id) if !listed.contains(&id) => ids.push((id, None, None)),
                Some(_) => {}
                None if name == "index" => {}
                None => warnings.push(format!(
                    "articles/{name}.json: not an article id, so not published"
                )),
            }
        }
        let mut articles = Vec::new();
        for (id, summary, index) in ids {
            let file = article_file(&id);
            match bytes(&file) {
                Ok(b) => match decode_article(&id, b) {
                    Ok(article) => {
                        for notice in &article.notices {
                            match notice.problem {
                                Problem::UnknownKind { .. } => warnings.push(notice.to_string()),
                                _ => errors.push(notice.to_string()),
                            }
                        }
                        articles.push((Arc::new(article), summary));
                    }
                    Err(e) => errors.push(e.to_string()),
                },
                Err(_) => match index {
                    Some(i) => errors.push(
                        DataError::new(
                            COLUMN_FILE,
                            format!("articles[{i}].id"),
                            Problem::ArticleMissing,
                        )
                        .to_string(),
                    ),
                    None => errors.push(format!("{file}: cannot be read")),
                },
            }
        }

        let cities = match bytes(CITIES_FILE) {
            Ok(b) => match decode_cities(b) {
                Ok(cities) => {
                    // The app would leave such an entry off with a notice; a
                    // newsroom publishing wants to hear of it first.
                    errors.extend(cities.notices.iter().map(ToString::to_string));
                    Some(Arc::new(cities))
                }
                Err(e) => {
                    errors.push(e.to_string());
                    None
                }
            },
            Err(_) => {
                warnings.push(format!(
                    "{CITIES_FILE} is missing: pages are published without the map"
                ));
                None
            }
        };
        if let Some(cities) = &cities {
            for (article, _) in &articles {
                for id in &article.partners {
                    if !cities.partners.iter().any(|p| &p.id == id) {
                        warnings.push(format!(
                            "{}: partners: {id} is not in {CITIES_FILE}",
                            article_file(&article.id)
                        ));
                    }
                }
            }
        }
        if let Ok(b) = bytes(KIOSK_FILE) {
            errors.extend(decode_kiosk(b).notices.iter().map(ToString::to_string));
        }

        let world = std::fs::read_to_string(site.join("map").join(WORLD_FILE))
            .ok()
            .and_then(|text| decode_world(&text).ok())
            .map(Arc::new);
        if world.is_none() {
            warnings.push(format!(
                "map/{WORLD_FILE} is missing: the published map has no countries"
            ));
        }

        match column {
            Some(column) if errors.is_empty() => Ok(Self {
                column: Arc::new(column),
                articles,
                cities,
                world,
                warnings,
            }),
            _ => Err(errors),
        }
    }

    /// For each partner, the column's newest articles naming it, as the
    /// app's map panel finds them.
    fn mentions(&self, matcher: Option<&NameMatcher>) -> Mentions {
        let mut mentions: Mentions = BTreeMap::new();
        let (Some(matcher), Some(_)) = (matcher, &self.cities) else {
            return mentions;
        };
        for entry in self.column.articles.iter().take(MENTION_SCAN_LIMIT) {
            if let Some((article, _)) = self.articles.iter().find(|(a, _)| a.id == entry.id) {
                for id in partners_named(article, matcher) {
                    mentions.entry(id).or_default().push(entry.clone());
                }
            }
        }
        mentions
    }
}

/// The names (without `.json`) of the files in `data/articles/`.
fn article_file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.strip_suffix(".json").map(str::to_owned)
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Every file to write, by its path below the site.
fn render(data: &SiteData, origin: &str, shell: &str) -> Result<Vec<(PathBuf, String)>, String> {
    let matcher = data
        .cities
        .as_ref()
        .map(|c| Arc::new(NameMatcher::for_partners(&c.partners)));
    let site = Site {
        origin: origin.to_owned(),
        column: data.column.clone(),
        cities: data.cities.clone(),
        mentions: Arc::new(data.mentions(matcher.as_deref())),
        matcher,
        world: data.world.clone(),
    };
    let publisher = data
        .cities
        .as_ref()
        .map(|c| c.home.names.text("ja").to_owned())
        .unwrap_or_else(|| data.column.about.title.clone());

    // Each page once per route: (path, page, description for articles).
    let mut pages: Vec<(String, Page, Option<String>)> = vec![("/".into(), Page::Column, None)];
    for (article, summary) in &data.articles {
        let description = describe_article(article, summary.as_deref());
        for print in [false, true] {
            let path = if print {
                format!("/news/{}/print", article.id)
            } else {
                format!("/news/{}", article.id)
            };
            let page = Page::Article {
                article: article.clone(),
                print,
            };
            pages.push((path, page, Some(description.clone())));
        }
    }
    if let Some(cities) = &data.cities {
        pages.push(("/partners".into(), Page::Partners { selected: None }, None));
        for partner in &cities.partners {
            let page = Page::Partners {
                selected: Some(partner.id.clone()),
            };
            pages.push((format!("/partners/{}", partner.id), page, None));
        }
    }

    let mut files = Vec::new();
    for lang in LANGUAGES {
        let locale: Locale =
            language::parse(lang).ok_or_else(|| format!("no interface language {lang}"))?;
        for (path, page, description) in &pages {
            let kind = match page {
                Page::Article { article, .. } => PageKind::Article {
                    headline: article.title.clone(),
                    published: article.published,
                    article_lang: article.lang.clone().unwrap_or_else(|| "ja".into()),
                },
                _ => PageKind::Website,
            };
            let meta = PageMeta {
                title: prerender::title(&site, page, locale),
                description: reader_core::meta::shorten(
                    &description
                        .clone()
                        .unwrap_or_else(|| prerender::description(&site, page, locale)),
                ),
                origin: origin.to_owned(),
                path: path.clone(),
                lang: lang.to_owned(),
                site_name: data.column.about.title.clone(),
                publisher: publisher.clone(),
                kind,
            };
            let body = prerender::render(&site, page, locale);
            let html = page_html(shell, &meta, &body)?;
            files.push((page_file(lang, path), html));
        }
    }
    files.push(("feed.xml".into(), feed::atom(data, origin, &publisher)));
    files.push(("sitemap.xml".into(), feed::sitemap(&pages, origin)));
    files.push((
        "robots.txt".into(),
        format!("User-agent: *\nAllow: /\n\nSitemap: {origin}/sitemap.xml\n"),
    ));
    Ok(files)
}

/// Where the page for `path` in `lang` is kept: `pages/ja/news/1.html`,
/// `pages/ja/index.html` for `/` (see deploy/nginx.conf).
pub fn page_file(lang: &str, path: &str) -> PathBuf {
    let dir = Path::new(PAGES_DIR).join(lang);
    match path.trim_start_matches('/') {
        "" => dir.join("index.html"),
        rest => dir.join(format!("{rest}.html")),
    }
}

/// The app's shell with the page's head tags and content.
fn page_html(shell: &str, meta: &PageMeta, body: &str) -> Result<String, String> {
    let missing = |what: &str| format!("index.html has no {what}: is it the app's own?");
    let html = shell.replacen(
        "<html lang=\"ja\">",
        &format!("<html lang=\"{}\">", meta.lang),
        1,
    );
    let (title_start, title_end) = match (html.find("<title>"), html.find("</title>")) {
        (Some(start), Some(end)) if start < end => (start, end + "</title>".len()),
        _ => return Err(missing("<title>")),
    };
    let html = format!(
        "{}<title>{}</title>\n{}{}",
        &html[..title_start],
        attr(&meta.title),
        meta.head_tags(),
        &html[title_end..]
    );
    let (start, end) = match (html.find("<noscript>"), html.find("</noscript>")) {
        (Some(start), Some(end)) if start < end => (start, end + "</noscript>".len()),
        _ => return Err(missing("<noscript> to put the content in")),
    };
    Ok(format!(
        "{}<div id=\"published\">{body}</div>{}",
        &html[..start],
        &html[end..]
    ))
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Writes every file beside its old self, then renames them all into
/// place, then removes the published pages no longer backed by data. A
/// failure while writing removes what was written and leaves the old files.
fn write_all(site: &Path, files: &[(PathBuf, String)]) -> Result<(), String> {
    let staged: Vec<(PathBuf, PathBuf)> = files
        .iter()
        .map(|(path, _)| {
            let target = site.join(path);
            let mut name = target.file_name().unwrap_or_default().to_os_string();
            name.push(".publishing");
            (target.with_file_name(name), target)
        })
        .collect();
    let written = staged
        .iter()
        .zip(files)
        .try_for_each(|((temp, _), (_, text))| {
            if let Some(dir) = temp.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(temp, text)
        });
    if let Err(e) = written {
        for (temp, _) in &staged {
            let _ = std::fs::remove_file(temp);
        }
        return Err(format!(
            "cannot write the published files ({e}); the old ones are unchanged"
        ));
    }
    for (temp, target) in &staged {
        std::fs::rename(temp, target)
            .map_err(|e| format!("cannot move {} into place: {e}", target.display()))?;
    }
    let keep: BTreeSet<PathBuf> = staged.into_iter().map(|(_, target)| target).collect();
    remove_stale(&site.join(PAGES_DIR), &keep);
    Ok(())
}

/// Removes files under `dir` that are not in `keep` (pages of articles or
/// partners that are gone), and directories left empty.
fn remove_stale(dir: &Path, keep: &BTreeSet<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            remove_stale(&path, keep);
            let _ = std::fs::remove_dir(&path);
        } else if !keep.contains(&path) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

#[cfg(test)]
mod tests;
