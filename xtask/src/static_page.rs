//! A plain HTML page of an article, made from the same JSON the app reads:
//! the benchmark's physical floor (no script at all, the same stylesheets).

use std::path::Path;

use reader_core::{decode_article, Block};

/// Writes `{site}/static/{id}.html` for `public/data/articles/{id}.json`,
/// linking the stylesheets of `{site}/index.html`.
pub fn write(site: &Path, id: &str) -> Result<String, String> {
    let file = format!("articles/{id}.json");
    let json = std::fs::read_to_string(crate::root().join("public/data").join(&file))
        .map_err(|e| format!("{file}: {e}"))?;
    let article_id = reader_core::Id::parse(id).ok_or_else(|| format!("{id}: not an id"))?;
    let article = decode_article(&article_id, &json).map_err(|e| e.to_string())?;
    let index =
        std::fs::read_to_string(site.join("index.html")).map_err(|e| format!("index.html: {e}"))?;
    let styles: String = index
        .lines()
        .filter(|l| l.contains("rel=\"stylesheet\""))
        .map(|l| format!("{}\n", l.trim()))
        .collect();
    let body: String = article
        .blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph { text } => format!(
                "<p class=\"article-body__paragraph\">{}</p>\n",
                escape(text)
            ),
            Block::Heading { text } => format!(
                "<h2 class=\"article-body__heading\">{}</h2>\n",
                escape(text)
            ),
            Block::Image { src, alt, .. } => {
                format!("<img src=\"{}\" alt=\"{}\">\n", escape(src), escape(alt))
            }
            Block::Notice(error) => format!("<p>{}</p>\n", escape(&error.to_string())),
        })
        .collect();
    let title = escape(&article.title);
    let html = format!(
        "<!doctype html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n{styles}</head>\n\
<body>\n<main class=\"site-main\" id=\"main\">\n<article class=\"article\" data-font-scale=\"medium\" lang=\"ja\">\n\
<header class=\"article__header\"><h1 class=\"article__title\" elementtiming=\"article-title\">{title}</h1>\n\
<p><time datetime=\"{date}\">{shown}</time></p></header>\n<div class=\"article-body\">\n{body}</div>\n</article>\n</main>\n</body>\n</html>\n",
        date = article.published,
        shown = article.published.format("ja"),
    );
    let dir = site.join("static");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let path = dir.join(format!("{id}.html"));
    std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(format!("/static/{id}.html"))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            super::escape(r#"<b a="1">&</b>"#),
            "&lt;b a=&quot;1&quot;&gt;&amp;&lt;/b&gt;"
        );
    }
}
