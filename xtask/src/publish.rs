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
//!
//! What it reads it reads only as regular files inside the site
//! (`site_files`); `--origin` must be an origin (`origin`); texts go into the
//! feed and sitemap as XML allows them (`xml_text`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use changning_reader::i18n::Locale;
use changning_reader::language;
use changning_reader::prerender::{self, Page, Site};
use reader_core::linking::NameMatcher;
use reader_core::meta::{attr, describe_article, PageKind, PageMeta, LANGUAGES};

mod feed;
mod furigana;
#[cfg(test)]
mod hostile;
mod mecab;
mod origin;
mod site_data;
mod site_files;
mod write;
mod xml_text;

use feed::Sourced;
use furigana::NoReadings;
use origin::check_origin;
use site_data::SiteData;
use site_files::read_site_file;
use write::write_all;

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
            return Err(format!(
                "{} problem(s) in {}/data: nothing was published\n  {}",
                problems.len(),
                site.display(),
                problems.join("\n  ")
            ));
        }
    };
    for warning in &data.warnings {
        println!("  note: {warning}");
    }
    let shell = match read_site_file(site, Path::new("index.html"))? {
        Some(bytes) => String::from_utf8(bytes)
            .map_err(|_| "index.html: not UTF-8 text: is it the app's own?".to_owned())?,
        None => return Err(format!("{}/index.html is missing", site.display())),
    };
    let (readings, kept) = readings(site, &data)?;
    let readable: std::collections::HashSet<&PathBuf> =
        readings.iter().map(|(path, _)| path).chain(&kept).collect();
    let with_readings = data
        .articles
        .iter()
        .filter(|(article, _)| readable.contains(&readings_path(&article.id)))
        .map(|(article, _)| article.id.clone())
        .collect();
    let mut notes = Vec::new();
    let mut files = render(&data, &origin, &shell, with_readings, &mut notes)?;
    for note in &notes {
        println!("  note: {note}");
    }
    let keep: Vec<PathBuf> = readings
        .iter()
        .map(|(path, _)| path.clone())
        .chain(kept)
        .collect();
    let stale = furigana::stale_readings(site, &keep);
    files.extend(readings);
    let pages = files
        .iter()
        .filter(|(p, _)| p.starts_with(PAGES_DIR))
        .count();
    write_all(site, &files)?;
    for path in stale {
        let _ = std::fs::remove_file(path);
    }
    println!(
        "published {pages} pages ({} articles, {} languages), feed.xml, sitemap.xml, robots.txt for {origin}",
        data.articles.len(),
        LANGUAGES.len()
    );
    Ok(())
}

/// `data/articles/{id}.readings.json`, below the site.
fn readings_path(id: &reader_core::Id) -> PathBuf {
    Path::new("data/articles").join(reader_core::reading::ruby::readings_file_name(id))
}

/// Readings files to write, and readings files published before to keep.
type Readings = (Vec<(PathBuf, String)>, Vec<PathBuf>);

/// Readings (furigana) for every article from MeCab. Without MeCab, the
/// readings published before stay (they name the texts they are for, so an
/// edited text simply shows none), except those of articles now gone.
/// MeCab failing, or answering other words than the texts', is an error
/// naming the articles.
fn readings(site: &Path, data: &SiteData) -> Result<Readings, String> {
    match furigana::readings_files(data) {
        Ok(readings) => Ok((readings, Vec::new())),
        Err(NoReadings::Failed(problem)) => Err(format!("{problem}\nnothing was published")),
        Err(NoReadings::Unavailable(note)) => {
            println!("  note: {note}; the readings published before are kept");
            let kept: Vec<PathBuf> = data
                .articles
                .iter()
                .map(|(article, _)| readings_path(&article.id))
                .filter(|path| site.join(path).is_file())
                .collect();
            Ok((Vec::new(), kept))
        }
    }
}

/// Every file to write, by its path below the site.
fn render(
    data: &SiteData,
    origin: &str,
    shell: &str,
    with_readings: std::collections::BTreeSet<reader_core::Id>,
    notes: &mut Vec<String>,
) -> Result<Vec<(PathBuf, String)>, String> {
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
        with_readings,
    };
    let publisher = match &data.cities {
        Some(cities) => {
            let (text, lang) = cities.home.names.pick("ja");
            Sourced {
                text: text.to_owned(),
                place: format!("cities.json: home.names.{lang}"),
            }
        }
        None => Sourced {
            text: data.column.about.title.clone(),
            place: "articles/index.json: column.title".to_owned(),
        },
    };

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
                publisher: publisher.text.clone(),
                kind,
            };
            let body = prerender::render(&site, page, locale);
            let html = page_html(shell, &meta, &body)?;
            files.push((page_file(lang, path), html));
        }
    }
    files.push((
        "feed.xml".into(),
        feed::atom(data, origin, &publisher, notes),
    ));
    files.push(("sitemap.xml".into(), feed::sitemap(&pages, origin, notes)));
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

#[cfg(test)]
mod tests;
