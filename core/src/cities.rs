//! `/data/cities.json`: the home district and its partner cities.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::date::IsoDate;
use crate::error::{DataError, Problem};
use crate::id::Id;
use crate::json::{decode_part, decode_text, join, lossy_text, path_at, quote};
use crate::localized::LocalizedText;

/// Where the partner data lives, relative to `/data/`.
pub const CITIES_FILE: &str = "cities.json";

/// The home district and the partners that passed validation.
#[derive(Debug, Clone, PartialEq)]
pub struct Cities {
    pub home: Home,
    pub partners: Vec<Partner>,
    /// Partner entries left off, each with the reason; shown to readers.
    pub notices: Vec<PartnerNotice>,
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

/// A partner entry that was left off, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerNotice {
    /// The entry's id, when it had a readable one.
    pub id: Option<String>,
    pub error: DataError,
}

impl fmt::Display for PartnerNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{} ({id})", self.error),
            None => write!(f, "{}", self.error),
        }
    }
}

/// The file's outline: the home, and each partner entry still as text, so
/// that one entry's problem (a number too large, a wrong type, bytes that
/// are not UTF-8) is that entry's alone.
#[derive(Deserialize)]
struct CitiesOutline<'a> {
    #[serde(borrow)]
    home: &'a RawValue,
    #[serde(borrow)]
    partners: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct PartnerEntry {
    id: Id,
    names: LocalizedText,
    country: Country,
    continent: String,
    lat: f64,
    lon: f64,
    relation: String,
    #[serde(default)]
    since: Option<IsoDate>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    summary: Option<LocalizedText>,
}

/// Just the id of an entry, to name it when the rest cannot be read.
#[derive(Deserialize)]
struct EntryId {
    #[serde(default)]
    id: Option<String>,
}

/// Decodes `cities.json`. A broken file or home is an error; a broken
/// partner entry is left off and named in [`Cities::notices`].
pub fn decode_cities(bytes: impl AsRef<[u8]>) -> Result<Cities, DataError> {
    let mut decoder = CitiesDecoder::new(bytes.as_ref())?;
    while !decoder.step(usize::MAX) {}
    Ok(decoder.finish())
}

/// Decodes `cities.json` a few partners at a time, so that a browser can
/// paint and answer input between steps of a file of 100,000 partners:
/// [`new`](Self::new) reads the outline and the home, each
/// [`step`](Self::step) decodes up to `n` more partners.
pub struct CitiesDecoder {
    text: String,
    /// Where the bytes that were not UTF-8 were (offsets into `text`).
    not_utf8: Vec<usize>,
    home: Home,
    entries: Vec<Range<usize>>,
    next: usize,
    partners: Vec<Partner>,
    notices: Vec<PartnerNotice>,
    first_seen: HashMap<Id, usize>,
}

impl CitiesDecoder {
    pub fn new(bytes: &[u8]) -> Result<Self, DataError> {
        let file = CITIES_FILE;
        let (text, not_utf8) = lossy_text(bytes);
        let outline: CitiesOutline = decode_text(file, &text)?;
        let base = text.as_ptr() as usize;
        let range = |raw: &RawValue| {
            let start = raw.get().as_ptr() as usize - base;
            start..start + raw.get().len()
        };
        let entries: Vec<Range<usize>> = outline.partners.iter().map(|raw| range(raw)).collect();
        // Bytes that are not UTF-8 outside every partner entry spoil the file.
        if let Some(&at) = not_utf8
            .iter()
            .find(|&&at| !entries.iter().any(|r| r.contains(&at)))
        {
            return Err(DataError::new(file, path_at(&text, at), Problem::NotUtf8));
        }
        let home: Home = decode_part(file, "home", outline.home.get())?;
        check_coordinates(file, "home", home.lat, home.lon)?;
        Ok(Self {
            partners: Vec::with_capacity(entries.len()),
            entries,
            home,
            not_utf8,
            text,
            next: 0,
            notices: Vec::new(),
            first_seen: HashMap::new(),
        })
    }

    /// How many partner entries the file has.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Decodes up to `n` more entries; `true` once every entry is decoded.
    pub fn step(&mut self, n: usize) -> bool {
        let end = self.entries.len().min(self.next.saturating_add(n));
        for index in self.next..end {
            self.decode_entry(index);
        }
        self.next = end;
        self.next == self.entries.len()
    }

    pub fn finish(self) -> Cities {
        Cities {
            home: self.home,
            partners: self.partners,
            notices: self.notices,
        }
    }

    fn decode_entry(&mut self, index: usize) {
        let file = CITIES_FILE;
        let prefix = format!("partners[{index}]");
        let range = self.entries[index].clone();
        let entry = &self.text[range.clone()];
        // The entry's id, to name it when it is left off.
        let id = || {
            serde_json::from_str::<EntryId>(entry)
                .ok()
                .and_then(|e| e.id)
        };
        let decoded = match self.not_utf8.iter().find(|&&at| range.contains(&at)) {
            Some(&at) => Err(DataError::new(
                file,
                join(&prefix, &path_at(entry, at - range.start)),
                Problem::NotUtf8,
            )),
            None => decode_partner(file, &prefix, entry),
        };
        match decoded {
            Ok(partner) => match self.first_seen.get(&partner.id) {
                Some(first) => self.notices.push(PartnerNotice {
                    id: id(),
                    error: DataError::new(
                        file,
                        join(&prefix, "id"),
                        Problem::Duplicate {
                            first: format!("partners[{first}]"),
                        },
                    ),
                }),
                None => {
                    self.first_seen.insert(partner.id.clone(), index);
                    self.partners.push(partner);
                }
            },
            Err(error) => self.notices.push(PartnerNotice { id: id(), error }),
        }
    }
}

fn decode_partner(file: &str, prefix: &str, entry: &str) -> Result<Partner, DataError> {
    let raw: PartnerEntry = decode_part(file, prefix, entry)?;
    check_coordinates(file, prefix, raw.lat, raw.lon)?;
    let unknown = |field: &str, found: &str, allowed: Vec<&'static str>| {
        DataError::new(
            file,
            join(prefix, field),
            Problem::Unknown {
                found: quote(found),
                allowed,
            },
        )
    };
    let continent = Continent::parse(&raw.continent).ok_or_else(|| {
        let allowed = Continent::ALL.iter().map(|c| c.as_str()).collect();
        unknown("continent", &raw.continent, allowed)
    })?;
    let relation = Relation::parse(&raw.relation).ok_or_else(|| {
        let allowed = Relation::ALL.iter().map(|r| r.as_str()).collect();
        unknown("relation", &raw.relation, allowed)
    })?;
    Ok(Partner {
        id: raw.id,
        names: raw.names,
        country: raw.country,
        continent,
        lat: raw.lat,
        lon: raw.lon,
        relation,
        since: raw.since,
        aliases: raw
            .aliases
            .into_iter()
            .filter(|a| !a.trim().is_empty())
            .collect(),
        summary: raw.summary,
    })
}

fn check_coordinates(file: &str, prefix: &str, lat: f64, lon: f64) -> Result<(), DataError> {
    let out = |field: &str, min: &str, max: &str, found: f64| {
        DataError::new(
            file,
            join(prefix, field),
            Problem::OutOfRange {
                min: min.to_owned(),
                max: max.to_owned(),
                found: found.to_string(),
            },
        )
    };
    if !(lat.is_finite() && (-90.0..=90.0).contains(&lat)) {
        return Err(out("lat", "-90", "90", lat));
    }
    if !(lon.is_finite() && (-180.0..=180.0).contains(&lon)) {
        return Err(out("lon", "-180", "180", lon));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn unknown_fields_are_ignored() {
        let c = decode_cities(cities(&[partner(
            "x",
            r#", "population": 400000, "flag": {"svg": true}"#,
        )]))
        .unwrap();
        assert_eq!(c.partners.len(), 1);
    }

    #[test]
    fn a_partner_with_only_an_english_name_falls_back_to_it() {
        let only_en = partner("e", "").replace(r#""ja": "e市", "#, "");
        let c = decode_cities(cities(&[only_en])).unwrap();
        assert_eq!(c.partners[0].names.pick("ja"), ("e", "en"));
    }
}
