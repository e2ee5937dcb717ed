//! The printed article: its address, its QR code, its table of partners.

use qrcode::{Color, EcLevel, QrCode};

use crate::cities::{Cities, Relation};
use crate::date::IsoDate;
use crate::id::Id;

/// The article's own address on the site it is served from.
pub fn canonical_url(origin: &str, id: &Id) -> String {
    format!("{}/news/{id}", origin.trim_end_matches('/'))
}

/// A QR code as one SVG path of dark modules, with the 4-module quiet zone
/// the standard asks for included in `size`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrImage {
    /// Width and height in modules, quiet zone included.
    pub size: usize,
    /// Dark modules, one rectangle per horizontal run.
    pub path: String,
}

const QUIET: usize = 4;

/// Encodes `text` (medium error correction), or `None` if it is too long.
pub fn qr_image(text: &str) -> Option<QrImage> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let start = x;
                while x < width && row[x] == Color::Dark {
                    x += 1;
                }
                let run = x - start;
                path.push_str(&format!("M{} {}h{run}v1h-{run}z", start + QUIET, y + QUIET));
            } else {
                x += 1;
            }
        }
    }
    Some(QrImage {
        size: width + 2 * QUIET,
        path,
    })
}

/// One row of the printed partner table.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerRow {
    pub id: Id,
    pub name: String,
    pub country: String,
    pub relation: Relation,
    pub since: Option<IsoDate>,
    pub lat: f64,
    pub lon: f64,
}

/// The partners an article names, in its order, as the reader's language
/// has them; ids missing from `cities` are returned separately.
pub fn partner_rows(ids: &[Id], cities: &Cities, lang: &str) -> (Vec<PartnerRow>, Vec<Id>) {
    let mut rows = Vec::new();
    let mut missing = Vec::new();
    for id in ids {
        match cities.partners.iter().find(|p| &p.id == id) {
            Some(p) => rows.push(PartnerRow {
                id: p.id.clone(),
                name: p.names.text(lang).to_owned(),
                country: p.country.names.text(lang).to_owned(),
                relation: p.relation,
                since: p.since,
                lat: p.lat,
                lon: p.lon,
            }),
            None => missing.push(id.clone()),
        }
    }
    (rows, missing)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode_cities;

    #[test]
    fn the_canonical_url_uses_the_given_origin() {
        let id = Id::parse("595305").unwrap();
        assert_eq!(
            canonical_url("https://news.example.org", &id),
            "https://news.example.org/news/595305"
        );
        assert_eq!(
            canonical_url("http://127.0.0.1:8080/", &id),
            "http://127.0.0.1:8080/news/595305"
        );
    }

    #[test]
    fn a_qr_code_has_finder_patterns_and_a_quiet_zone() {
        let qr = qr_image("http://127.0.0.1:8080/news/595305").unwrap();
        // Version 3 (29 modules) at level M for a 35-byte URL, plus 2 × 4 quiet modules.
        assert_eq!(qr.size, 29 + 8);
        // The top-left finder pattern starts with a run of 7 dark modules at (4, 4).
        assert!(qr.path.starts_with("M4 4h7v1h-7z"), "{}", &qr.path[..40]);
        assert!(
            !qr.path.contains("M0 ") && !qr.path.contains("M1 "),
            "the quiet zone stays empty"
        );
    }

    #[test]
    fn text_too_long_for_a_qr_code_is_refused() {
        assert!(qr_image(&"x".repeat(5000)).is_none());
    }

    #[test]
    fn partner_rows_follow_the_article_order_and_report_unknown_ids() {
        let cities = decode_cities(include_str!("../../public/data/cities.json")).unwrap();
        let ids: Vec<Id> = ["sopot", "atlantis", "hirakata"]
            .iter()
            .map(|s| Id::parse(s).unwrap())
            .collect();
        let (rows, missing) = partner_rows(&ids, &cities, "ja");
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["ソポト市", "枚方市"]);
        assert_eq!(rows[1].country, "日本");
        assert_eq!(
            rows[1].since.map(|d| d.to_string()).as_deref(),
            Some("1993-05")
        );
        assert_eq!(missing, [Id::parse("atlantis").unwrap()]);
        assert_eq!(partner_rows(&ids, &cities, "en").0[0].name, "Sopot");
    }
}
