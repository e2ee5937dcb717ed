//! The app's shell (`index.html`) read into the parts a published page is
//! assembled from: the text around the value of `<html lang>`, the
//! `<title>` and the `<noscript>` the content takes the place of. A shell
//! that lacks one of them is refused, naming it, rather than published
//! without it. The shell's preloads of the app's modules (fenced by the
//! release build, `split/start.rs`) are left out: a published page reads
//! without the app, which it fetches only once it has painted.

use crate::split::start::{APP_PRELOADS_BEGIN, APP_PRELOADS_END};

/// The shell in its parts, in the order they come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shell<'a> {
    /// Up to the value of `<html lang="…">`.
    before_lang: &'a str,
    /// From the end of that value to `<title>`.
    before_title: &'a str,
    /// From `</title>` to `<noscript>`, the app's preloads left out: up to
    /// them, and after them (empty if the shell has none).
    before_noscript: (&'a str, &'a str),
    /// From `</noscript>` on.
    after_noscript: &'a str,
}

const HTML_LANG: &str = "<html lang=\"";
const TITLE: (&str, &str) = ("<title>", "</title>");
const NOSCRIPT: (&str, &str) = ("<noscript>", "</noscript>");

/// What a page puts into the shell.
pub struct PageParts<'a> {
    pub lang: &'a str,
    /// The title, escaped for HTML.
    pub title: &'a str,
    /// Tags for the head, after the title.
    pub head_tags: &'a str,
    /// The content, in place of the `<noscript>`.
    pub body: &'a str,
}

impl<'a> Shell<'a> {
    /// Reads the shell's parts; the error names the first one missing.
    pub fn parse(shell: &'a str) -> Result<Self, String> {
        let missing = |what: &str| format!("index.html has no {what}: is it the app's own?");
        let lang_at = shell
            .find(HTML_LANG)
            .map(|at| at + HTML_LANG.len())
            .ok_or_else(|| missing("`<html lang=\"…\">`"))?;
        let (before_lang, rest) = shell.split_at(lang_at);
        let lang_end = rest
            .find('"')
            .ok_or_else(|| missing("`<html lang=\"…\">`"))?;
        let rest = &rest[lang_end..];
        let (before_title, rest) =
            around(rest, TITLE).ok_or_else(|| missing("<title> after <html lang>"))?;
        let (before_noscript, after_noscript) = around(rest, NOSCRIPT)
            .ok_or_else(|| missing("<noscript> after <title> to put the content in"))?;
        let before_noscript = around(before_noscript, (APP_PRELOADS_BEGIN, APP_PRELOADS_END))
            .or_else(|| {
                (!before_noscript.contains(APP_PRELOADS_BEGIN)).then_some((before_noscript, ""))
            })
            .ok_or_else(|| missing("end to the fence around the app's preloads"))?;
        Ok(Shell {
            before_lang,
            before_title,
            before_noscript,
            after_noscript,
        })
    }

    /// The published page: the shell with the page's parts in their places.
    pub fn page(&self, page: &PageParts) -> String {
        format!(
            "{}{}{}<title>{}</title>\n{}{}{}<div id=\"published\">{}</div>{}",
            self.before_lang,
            page.lang,
            self.before_title,
            page.title,
            page.head_tags,
            self.before_noscript.0,
            self.before_noscript.1,
            page.body,
            self.after_noscript
        )
    }
}

/// The text before the element `open`…`close` and the text after it.
fn around<'a>(text: &'a str, (open, close): (&str, &str)) -> Option<(&'a str, &'a str)> {
    let start = text.find(open)?;
    let end = text[start..].find(close)? + start + close.len();
    Some((&text[..start], &text[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = "<!doctype html>\n<html lang=\"ja\">\n  <head>\n    <title>ニュース</title>\n    <script>x</script>\n  </head>\n  <body>\n    <noscript>JS</noscript>\n  </body>\n</html>\n";

    fn page() -> PageParts<'static> {
        PageParts {
            lang: "zh",
            title: "標題 &amp; more",
            head_tags: "<meta name=\"d\">\n",
            body: "<main>text</main>",
        }
    }

    #[test]
    fn a_page_is_the_shell_with_its_parts_in_place() {
        let out = Shell::parse(SHELL).unwrap().page(&page());
        assert_eq!(
            out,
            "<!doctype html>\n<html lang=\"zh\">\n  <head>\n    <title>標題 &amp; more</title>\n<meta name=\"d\">\n\n    <script>x</script>\n  </head>\n  <body>\n    <div id=\"published\"><main>text</main></div>\n  </body>\n</html>\n"
        );
    }

    #[test]
    fn a_published_page_leaves_out_the_shells_preloads_of_the_app() {
        let preloads = format!(
            "{APP_PRELOADS_BEGIN}\n<link rel=\"modulepreload\" href=\"/app.js\">\n{APP_PRELOADS_END}"
        );
        let shell = SHELL.replace("  </head>", &format!("{preloads}  </head>"));
        let out = Shell::parse(&shell).unwrap().page(&page());
        assert_eq!(out, Shell::parse(SHELL).unwrap().page(&page()));
        // A fence left open is refused rather than taken for the rest of the head.
        let open = SHELL.replace("  </head>", &format!("{APP_PRELOADS_BEGIN}\n  </head>"));
        assert!(Shell::parse(&open).unwrap_err().contains("fence"));
    }

    #[test]
    fn a_shell_missing_a_part_is_refused_naming_it() {
        for (shell, named) in [
            (SHELL.replace(" lang=\"ja\"", ""), "<html lang"),
            (SHELL.replace("lang=\"ja\"", "lang='ja'"), "<html lang"),
            (SHELL.replace("<title>ニュース</title>", ""), "<title>"),
            (SHELL.replace("</title>", ""), "<title>"),
            (SHELL.replace("<noscript>JS</noscript>", ""), "<noscript>"),
            (SHELL.replace("</noscript>", ""), "<noscript>"),
            (String::new(), "<html lang"),
        ] {
            let error = Shell::parse(&shell).unwrap_err();
            assert!(error.contains(named), "{named}: {error}");
        }
    }

    #[test]
    fn parts_out_of_order_are_refused() {
        // A <noscript> before the title, a title before <html lang>.
        let noscript_first = SHELL
            .replace("<noscript>JS</noscript>", "")
            .replace("<head>", "<head><noscript>JS</noscript>");
        assert!(Shell::parse(&noscript_first)
            .unwrap_err()
            .contains("<noscript>"));
        let title_first = format!(
            "<title>t</title>{}",
            SHELL.replace("<title>ニュース</title>", "")
        );
        assert!(Shell::parse(&title_first).unwrap_err().contains("<title>"));
    }
}
