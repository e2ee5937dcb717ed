//! `/data/cities.json`: the home district and its partner cities.

use serde::Deserialize;

use crate::date::IsoDate;
use crate::error::{DataError, EntryNotice};
use crate::id::Id;
use crate::localized::LocalizedText;

mod decoder;
mod entry;

pub use decoder::CitiesDecoder;

/// Where the partner data lives, relative to `/data/`.
pub const CITIES_FILE: &str = "cities.json";

/// The home district and the partners that passed validation.
#[derive(Debug, Clone, PartialEq)]
pub struct Cities {
    pub home: Home,
    pub partners: Vec<Partner>,
    /// Partner entries left off (or fields of them not used), each with
    /// the reason; shown to readers.
    pub notices: Vec<EntryNotice>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Home {
    pub id: Id,
    pub names: LocalizedText,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Partner {
    pub id: Id,
    pub names: LocalizedText,
    pub country: Country,
    pub continent: Continent,
    pub lat: f64,
    pub lon: f64,
    pub relation: Relation,
    pub since: Option<IsoDate>,
    /// Other spellings that appear in article text.
    pub aliases: Vec<String>,
    pub summary: Option<LocalizedText>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Country {
    pub code: String,
    pub names: LocalizedText,
}

/// Declares a closed set of values as the contract spells them.
macro_rules! contract_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == text)
            }
        }
    };
}

contract_enum!(
    /// Where a partner is.
    Continent {
        Asia = "asia",
        Europe = "europe",
        Africa = "africa",
        NorthAmerica = "north-america",
        SouthAmerica = "south-america",
        Oceania = "oceania",
        Antarctica = "antarctica",
    }
);

contract_enum!(
    /// How far the partnership has come.
    Relation {
        /// A formal sister or friendship city, approved at national level.
        Sister = "sister",
        /// A friendly-exchange relation.
        Exchange = "exchange",
        /// Contact established, no agreement yet.
        Contact = "contact",
    }
);

/// Decodes `cities.json`. A broken file or home is an error; a broken
/// partner entry is left off and named in [`Cities::notices`].
pub fn decode_cities(bytes: impl AsRef<[u8]>) -> Result<Cities, DataError> {
    let mut decoder = CitiesDecoder::new(bytes.as_ref())?;
    while !decoder.step(usize::MAX) {}
    Ok(decoder.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Problem;

    fn partner(id: &str, extra: &str) -> String {
        format!(
            r#"{{"id": "{id}", "names": {{"ja": "{id}市", "en": "{id}"}},
                "country": {{"code": "JP", "names": {{"ja": "日本"}}}},
                "continent": "asia", "lat": 34.8, "lon": 135.6, "relation": "sister"{extra}}}"#
        )
    }

    fn cities(partners: &[String]) -> String {
        format!(
            r#"{{"home": {{"id": "changning", "names": {{"ja": "上海市長寧区"}}, "lat": 31.22, "lon": 121.42}},
                "partners": [{}]}}"#,
            partners.join(",")
        )
    }

    #[test]
    fn good_partners_keep_their_order_and_optional_fields() {
        let c = decode_cities(cities(&[
            partner(
                "b",
                r#", "since": "1993-05", "aliases": ["B-town"], "summary": {"en": "S"}"#,
            ),
            partner("a", ""),
        ]))
        .unwrap();
        let ids: Vec<_> = c.partners.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"]);
        assert_eq!(
            c.partners[0].since.map(|d| d.to_string()),
            Some("1993-05".into())
        );
        assert_eq!(c.partners[0].aliases, ["B-town"]);
        assert_eq!(c.partners[1].since, None);
        assert!(c.notices.is_empty());
        assert_eq!(c.home.names.text("en"), "上海市長寧区");
    }

    #[test]
    fn bad_coordinates_leave_only_that_partner_off() {
        let c = decode_cities(cities(&[
            partner("ok", ""),
            partner("north", "").replace("34.8", "95"),
            partner("east", "").replace("135.6", "-181"),
        ]))
        .unwrap();
        assert_eq!(c.partners.len(), 1);
        let paths: Vec<_> = c.notices.iter().map(|n| n.error.path.as_str()).collect();
        assert_eq!(paths, ["partners[1].lat", "partners[2].lon"]);
        assert_eq!(c.notices[0].id.as_deref(), Some("north"));
    }

    #[test]
    fn a_duplicate_id_keeps_the_first() {
        let c = decode_cities(cities(&[
            partner("x", ""),
            partner("x", "").replace("34.8", "1"),
        ]))
        .unwrap();
        assert_eq!(c.partners.len(), 1);
        assert_eq!(c.partners[0].lat, 34.8);
        assert!(
            c.notices[0].to_string().contains("duplicate id"),
            "{}",
            c.notices[0]
        );
    }

    #[test]
    fn an_id_that_differs_only_in_case_is_a_duplicate() {
        let c = decode_cities(cities(&[partner("Sopot", ""), partner("sopot", "")])).unwrap();
        assert_eq!(c.partners.len(), 1);
        assert_eq!(
            c.notices[0].to_string(),
            r#"cities.json: partners[1].id: duplicate id, first used by partners[0] ("Sopot") (sopot)"#
        );
    }

    #[test]
    fn unknown_relation_or_continent_is_left_off_and_named() {
        let c = decode_cities(cities(&[
            partner("r", "").replace(r#""sister""#, r#""twin""#),
            partner("c", "").replace(r#""asia""#, r#""atlantis""#),
        ]))
        .unwrap();
        assert!(c.partners.is_empty());
        assert_eq!(c.notices[0].error.path, "partners[0].relation");
        assert!(c.notices[0].error.to_string().contains("\"twin\""));
        assert_eq!(c.notices[1].error.path, "partners[1].continent");
    }

    #[test]
    fn a_mistyped_partner_field_is_named_with_its_path() {
        let c = decode_cities(cities(&[
            partner("ok", ""),
            partner("ok2", ""),
            partner("ok3", ""),
            partner("t", "").replace("34.8", r#""north""#),
        ]))
        .unwrap();
        assert_eq!(c.partners.len(), 3);
        assert_eq!(
            c.notices[0].error.to_string(),
            r#"cities.json: partners[3].lat: expected a number, found string "north""#
        );
    }

    #[test]
    fn a_partner_that_is_not_an_object_is_left_off() {
        let c = decode_cities(cities(&["42".to_owned(), partner("ok", "")])).unwrap();
        assert_eq!(c.partners.len(), 1);
        assert_eq!(c.notices[0].error.path, "partners[0]");
        assert_eq!(c.notices[0].id, None);
    }

    #[test]
    fn a_broken_home_is_an_error_for_the_whole_file() {
        let text = cities(&[]).replace("31.22", "-91");
        assert_eq!(decode_cities(&text).unwrap_err().path, "home.lat");
        let err = decode_cities(r#"{"partners": []}"#).unwrap_err();
        assert_eq!(err.to_string(), "cities.json: home: is missing");
    }

    #[test]
    fn a_start_known_only_by_its_year_is_kept() {
        let c = decode_cities(cities(&[partner("y", r#", "since": "1994""#)])).unwrap();
        let since = c.partners[0].since.unwrap();
        assert_eq!((since.year, since.month), (1994, None));
        assert!(c.notices.is_empty());
    }

    #[test]
    fn an_unreadable_start_drops_only_itself() {
        for since in [
            r#""soon""#,
            r#""1994-13""#,
            "1994",
            r#"{"y": 1}"#,
            r#""94""#,
            "1e400",
            "-1e999",
            "[1994]",
            "true",
        ] {
            let c =
                decode_cities(cities(&[partner("s", &format!(r#", "since": {since}"#))])).unwrap();
            assert_eq!(c.partners.len(), 1, "{since}");
            assert_eq!(c.partners[0].since, None);
            assert_eq!(c.notices.len(), 1);
            let notice = &c.notices[0];
            assert_eq!(notice.error.path, "partners[0].since");
            assert!(!notice.left_off);
            assert_eq!(notice.id.as_deref(), Some("s"));
        }
        let c = decode_cities(cities(&[partner("n", r#", "since": null"#)])).unwrap();
        assert!(c.notices.is_empty());
    }

    #[test]
    fn a_start_with_bytes_that_are_not_utf8_drops_only_itself() {
        let text = cities(&[partner("a", r#", "since": "19@@""#), partner("b", "")]);
        let mut bytes = text.into_bytes();
        let at = bytes.windows(2).position(|w| w == b"@@").unwrap();
        bytes[at] = 0xE9; // Latin-1 é
        bytes[at + 1] = 0xFF;
        let c = decode_cities(&bytes).unwrap();
        assert_eq!(c.partners.len(), 2);
        assert_eq!(c.partners[0].since, None);
        assert_eq!(c.notices.len(), 1);
        assert_eq!(c.notices[0].error.path, "partners[0].since");
        assert_eq!(c.notices[0].error.problem, Problem::NotUtf8);
        assert!(!c.notices[0].left_off);
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let c = decode_cities(cities(&[partner(
            "x",
            r#", "population": 400000, "flag": {"svg": true}, "area": 1e400, "x": [-1e999]"#,
        )]))
        .unwrap();
        assert_eq!(c.partners.len(), 1);
        assert!(c.notices.is_empty());
    }

    #[test]
    fn decoding_in_small_steps_gives_what_one_step_gives() {
        let partners: Vec<String> = (0..23)
            .map(|i| match i % 5 {
                0 => partner(&format!("p{i}"), r#", "since": "soon""#),
                1 => partner(&format!("p{i}"), "").replace("34.8", "1e400"),
                2 => partner("dup", ""),
                _ => partner(&format!("p{i}"), r#", "since": "2001""#),
            })
            .collect();
        let text = cities(&partners);
        let whole = decode_cities(&text).unwrap();
        for n in [1, 2, 7, 22, 23, 24] {
            let mut decoder = CitiesDecoder::new(text.as_bytes()).unwrap();
            let mut steps = 1;
            while !decoder.step(n) {
                steps += 1;
            }
            assert_eq!(steps, 23_usize.div_ceil(n).max(1), "n = {n}");
            let stepped = decoder.finish();
            assert_eq!(stepped.partners, whole.partners, "n = {n}");
            assert_eq!(stepped.notices, whole.notices, "n = {n}");
        }
    }

    #[test]
    fn a_large_file_in_latin1_names_every_entry() {
        // One bad byte in every entry (a file saved in Latin-1): each entry
        // is named on its own. (Each entry looks up only its own bad bytes:
        // this once scanned all of them per entry.)
        let partners: Vec<String> = (0..50_000)
            .map(|i| partner(&format!("p{i}"), r#", "summary": {"en": "caf@"}"#))
            .collect();
        let mut bytes = cities(&partners).into_bytes();
        for b in bytes.iter_mut() {
            if *b == b'@' {
                *b = 0xE9;
            }
        }
        let c = decode_cities(&bytes).unwrap();
        assert_eq!(c.partners.len(), 0);
        assert_eq!(c.notices.len(), 50_000);
        assert_eq!(c.notices[49_999].error.path, "partners[49999].summary.en");
    }

    #[test]
    fn a_partner_with_only_an_english_name_falls_back_to_it() {
        let only_en = partner("e", "").replace(r#""ja": "e市", "#, "");
        let c = decode_cities(cities(&[only_en])).unwrap();
        assert_eq!(c.partners[0].names.pick("ja"), ("e", "en"));
    }
}
