//! Checks the colour themes in `style/tokens.css` against WCAG contrast:
//! body text 7:1 (AAA) in every theme, other text 4.5:1, and the edges of
//! controls, focus rings and map markers 3:1 (AA). Run by `cargo xtask test`.

use std::collections::BTreeMap;

/// The colour tokens of each theme: the white theme (`:root`) and each
/// `:root[data-theme="…"]`, which override it.
pub fn themes(css: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let css = without_comments(css);
    let mut rest = css.as_str();
    while let Some(open) = rest.find('{') {
        let selector = rest[..open].rsplit(['}', '/']).next().unwrap_or("").trim();
        if selector.starts_with('@') {
            // A media query: the rules inside it are read next.
            rest = &rest[open + 1..];
            continue;
        }
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let body = &rest[open + 1..open + close];
        let theme = if selector == ":root" {
            Some("white".to_owned())
        } else {
            selector
                .strip_prefix(":root[data-theme=\"")
                .and_then(|s| s.strip_suffix("\"]"))
                .map(str::to_owned)
        };
        if let Some(theme) = theme {
            let tokens = out.entry(theme).or_default();
            for declaration in body.split(';') {
                if let Some((name, value)) = declaration.split_once(':') {
                    let (name, value) = (name.trim(), value.trim());
                    if name.starts_with("--") && value.starts_with('#') {
                        tokens.insert(name.to_owned(), value.to_owned());
                    }
                }
            }
        }
        rest = &rest[open + close + 1..];
    }
    // Each theme is the white one with its own tokens on top.
    let white = out.get("white").cloned().unwrap_or_default();
    for (name, tokens) in out.iter_mut() {
        if name != "white" {
            let mut all = white.clone();
            all.append(tokens);
            *tokens = all;
        }
    }
    out
}

fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    out
}

/// The WCAG contrast ratio of two `#rrggbb` colours.
pub fn contrast(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(a)?, luminance(b)?);
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

fn luminance(hex: &str) -> Option<f64> {
    let hex = hex.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let channel = |i: usize| -> Option<f64> {
        let v = f64::from(u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()?) / 255.0;
        Some(if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

/// Pairs of tokens (foreground, background) and the ratio each must meet;
/// `a|b` is a two-coloured indicator (the focus ring: yellow inside a dark
/// ring), which meets the ratio if either colour does.
pub const PAIRS: &[(&str, &str, f64)] = &[
    // Body text: AAA.
    ("--colour-text", "--colour-background", 7.0),
    ("--colour-text", "--colour-surface", 7.0),
    ("--colour-text", "--colour-reading", 7.0),
    // Other text: AA.
    ("--colour-text-muted", "--colour-background", 4.5),
    ("--colour-text-muted", "--colour-surface", 4.5),
    ("--colour-link", "--colour-background", 4.5),
    ("--colour-link", "--colour-surface", 4.5),
    ("--colour-link-visited", "--colour-background", 4.5),
    ("--colour-link", "--colour-reading", 4.5),
    ("--colour-error", "--colour-background", 4.5),
    ("--colour-brand-text", "--colour-brand", 4.5),
    ("--colour-pressed-text", "--colour-pressed", 4.5),
    ("--colour-focus-text", "--colour-focus", 4.5),
    ("--colour-text", "--map-sea", 4.5),
    // Edges of controls, focus rings, markers: 3:1.
    ("--colour-border", "--colour-background", 3.0),
    ("--colour-pressed", "--colour-background", 3.0),
    (
        "--colour-focus|--colour-focus-text",
        "--colour-background",
        3.0,
    ),
    ("--relation-sister", "--map-land", 3.0),
    ("--relation-exchange", "--map-land", 3.0),
    ("--relation-contact", "--map-land", 3.0),
    ("--relation-sister", "--map-sea", 3.0),
    ("--relation-exchange", "--map-sea", 3.0),
    ("--relation-contact", "--map-sea", 3.0),
    ("--map-home", "--map-sea", 3.0),
    // Markers over a partner's own country, which is highlighted.
    ("--relation-sister", "--map-land-partner", 3.0),
    ("--relation-exchange", "--map-land-partner", 3.0),
    ("--relation-contact", "--map-land-partner", 3.0),
    ("--map-home", "--map-land-partner", 3.0),
    // Routes, the chosen one and the others, over sea and land.
    ("--map-arc", "--map-sea", 3.0),
    ("--map-arc", "--map-land", 3.0),
    ("--map-arc-faint", "--map-sea", 3.0),
    ("--map-arc-faint", "--map-land", 3.0),
    ("--map-arc-faint", "--map-land-partner", 3.0),
    // Clusters of partners too close for a fingertip, and their counts.
    ("--map-cluster", "--map-sea", 3.0),
    ("--map-cluster", "--map-land", 3.0),
    ("--map-cluster-text", "--map-cluster", 4.5),
];

/// Every pair that misses its ratio, in every theme.
pub fn problems(themes: &BTreeMap<String, BTreeMap<String, String>>) -> Vec<String> {
    let mut found = Vec::new();
    for (theme, tokens) in themes {
        for &(fg, bg, min) in PAIRS {
            let ratio = |fg: &str| contrast(tokens.get(fg)?, tokens.get(bg)?);
            let best = fg.split('|').filter_map(ratio).reduce(f64::max);
            match best {
                Some(ratio) if ratio >= min => {}
                Some(ratio) => found.push(format!(
                    "{theme}: {fg} on {bg}: {ratio:.2}:1, needs {min}:1"
                )),
                None => found.push(format!("{theme}: {fg} or {bg} is not set as #rrggbb")),
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::root;

    /// The pairs above are what the map shows only if it draws them as they
    /// are: no opacity blending them into what lies beneath.
    #[test]
    fn the_map_draws_its_colours_opaque() {
        let css = std::fs::read_to_string(root().join("style/partner-map.css")).unwrap();
        let css = without_comments(&css);
        for property in [
            "opacity",
            "stroke-opacity",
            "fill-opacity",
            "mix-blend-mode",
        ] {
            assert!(
                !css.split([';', '{'])
                    .any(|d| d.trim().starts_with(&format!("{property}:"))),
                "style/partner-map.css sets {property}: the contrast check would overstate"
            );
        }
    }

    #[test]
    fn every_theme_meets_its_contrast() {
        let css = std::fs::read_to_string(root().join("style/tokens.css")).unwrap();
        let themes = themes(&css);
        assert_eq!(
            themes.keys().collect::<Vec<_>>(),
            ["black", "blue", "white"]
        );
        assert_eq!(problems(&themes), Vec::<String>::new());
    }

    #[test]
    fn ratios_are_wcags() {
        assert!((contrast("#000000", "#ffffff").unwrap() - 21.0).abs() < 1e-9);
        assert!((contrast("#767676", "#ffffff").unwrap() - 4.54).abs() < 0.01);
        assert_eq!(contrast("#fff", "#000000"), None);
    }

    #[test]
    fn a_weak_pair_is_named() {
        let css = ":root { --colour-text: #777777; --colour-background: #ffffff; }";
        let found = problems(&themes(css));
        assert!(
            found[0].starts_with("white: --colour-text on --colour-background: 4.48:1, needs 7:1"),
            "{found:?}"
        );
    }
}
