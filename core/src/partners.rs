//! The partner list: filters, counts and sorting, shared by the map and the table.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use crate::cities::{Continent, Partner, Relation};

/// Which partners to show. `None` shows all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PartnerFilter {
    pub relation: Option<Relation>,
    pub continent: Option<Continent>,
    /// The partnerships that existed in this year (a partner whose start
    /// is not known always shows).
    pub year: Option<u16>,
}

impl PartnerFilter {
    pub fn matches(&self, partner: &Partner) -> bool {
        self.relation.is_none_or(|r| r == partner.relation)
            && self.continent.is_none_or(|c| c == partner.continent)
            && self
                .year
                .is_none_or(|year| partner.since.is_none_or(|since| since.year <= year))
    }
}

/// The first year a partnership began, if any start is known: where the
/// timeline of partnerships starts.
pub fn first_partnership_year<'a>(partners: impl IntoIterator<Item = &'a Partner>) -> Option<u16> {
    partners
        .into_iter()
        .filter_map(|p| p.since.map(|since| since.year))
        .min()
}

/// "N partners in C countries on K continents", computed from the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub partners: usize,
    pub countries: usize,
    pub continents: usize,
}

pub fn counts<'a>(partners: impl IntoIterator<Item = &'a Partner>) -> Counts {
    let mut n = 0;
    let mut countries = BTreeSet::new();
    let mut continents = BTreeSet::new();
    for p in partners {
        n += 1;
        countries.insert(p.country.code.to_ascii_uppercase());
        continents.insert(p.continent);
    }
    Counts {
        partners: n,
        countries: countries.len(),
        continents: continents.len(),
    }
}

/// The table's sortable columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Data,
    Name,
    Country,
    Relation,
    Since,
}

/// Sorts indexes into `partners` by `key` in the UI language; ties keep the
/// data's order, and unknown `since` dates go last either way.
pub fn sort_indexes(
    partners: &[Partner],
    indexes: &mut [usize],
    key: SortKey,
    descending: bool,
    lang: &str,
) {
    indexes.sort_by(|&a, &b| {
        let (pa, pb) = (&partners[a], &partners[b]);
        let order = match key {
            SortKey::Data => Ordering::Equal,
            SortKey::Name => pa.names.text(lang).cmp(pb.names.text(lang)),
            SortKey::Country => pa.country.names.text(lang).cmp(pb.country.names.text(lang)),
            SortKey::Relation => relation_rank(pa.relation).cmp(&relation_rank(pb.relation)),
            SortKey::Since => match (pa.since, pb.since) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => return Ordering::Less,
                (None, Some(_)) => return Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
        };
        let order = if descending { order.reverse() } else { order };
        order.then(a.cmp(&b))
    });
}

/// Closest relation first.
fn relation_rank(relation: Relation) -> u8 {
    match relation {
        Relation::Sister => 0,
        Relation::Exchange => 1,
        Relation::Contact => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode_cities;

    fn partners() -> Vec<Partner> {
        let entry = |id: &str,
                     ja: &str,
                     code: &str,
                     continent: &str,
                     relation: &str,
                     since: &str| {
            let since = if since.is_empty() {
                String::new()
            } else {
                format!(r#", "since": "{since}""#)
            };
            format!(
                r#"{{"id": "{id}", "names": {{"ja": "{ja}", "en": "{id}"}}, "country": {{"code": "{code}", "names": {{"ja": "{code}"}}}},
                    "continent": "{continent}", "lat": 1, "lon": 1, "relation": "{relation}"{since}}}"#
            )
        };
        let text = format!(
            r#"{{"home": {{"id": "h", "names": {{"ja": "h"}}, "lat": 0, "lon": 0}}, "partners": [{}]}}"#,
            [
                entry("c", "しい", "PL", "europe", "sister", ""),
                entry("a", "あい", "JP", "asia", "contact", "2021"),
                entry("b", "かい", "JP", "asia", "sister", "1993-05"),
                entry("d", "たい", "TR", "europe", "exchange", "2017-09-01"),
            ]
            .join(",")
        );
        decode_cities(&text).unwrap().partners
    }

    #[test]
    fn the_year_shows_the_partnerships_that_existed_then() {
        let all = partners();
        let ids = |year: Option<u16>| {
            let f = PartnerFilter {
                year,
                ..PartnerFilter::default()
            };
            all.iter()
                .filter(|p| f.matches(p))
                .map(|p| p.id.to_string())
                .collect::<Vec<_>>()
        };
        // c has no start: always shown.
        assert_eq!(ids(Some(1990)), ["c"]);
        assert_eq!(ids(Some(1993)), ["c", "b"]);
        assert_eq!(ids(Some(2017)), ["c", "b", "d"]);
        assert_eq!(ids(Some(2021)), ["c", "a", "b", "d"]);
        assert_eq!(ids(None), ids(Some(2021)));
        assert_eq!(first_partnership_year(&all), Some(1993));
        assert_eq!(first_partnership_year(&all[..1]), None);
    }

    #[test]
    fn counts_are_computed_from_the_data() {
        let all = partners();
        assert_eq!(
            counts(&all),
            Counts {
                partners: 4,
                countries: 3,
                continents: 2
            }
        );
        assert_eq!(counts([]), Counts::default());
    }

    #[test]
    fn filters_combine_relation_and_continent() {
        let all = partners();
        let ids = |f: PartnerFilter| {
            all.iter()
                .filter(|p| f.matches(p))
                .map(|p| p.id.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(PartnerFilter::default()), ["c", "a", "b", "d"]);
        assert_eq!(
            ids(PartnerFilter {
                relation: Some(Relation::Sister),
                ..PartnerFilter::default()
            }),
            ["c", "b"]
        );
        assert_eq!(
            ids(PartnerFilter {
                relation: Some(Relation::Sister),
                continent: Some(Continent::Asia),
                year: None,
            }),
            ["b"]
        );
        assert!(ids(PartnerFilter {
            continent: Some(Continent::Africa),
            ..PartnerFilter::default()
        })
        .is_empty());
    }

    #[test]
    fn sorting_by_each_column() {
        let all = partners();
        let sorted = |key, desc| {
            let mut idx: Vec<usize> = (0..all.len()).collect();
            sort_indexes(&all, &mut idx, key, desc, "ja");
            idx.iter()
                .map(|&i| all[i].id.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(sorted(SortKey::Name, false), ["a", "b", "c", "d"]);
        assert_eq!(sorted(SortKey::Name, true), ["d", "c", "b", "a"]);
        assert_eq!(
            sorted(SortKey::Since, false),
            ["b", "d", "a", "c"],
            "unknown last"
        );
        assert_eq!(
            sorted(SortKey::Since, true),
            ["a", "d", "b", "c"],
            "unknown still last"
        );
        assert_eq!(
            sorted(SortKey::Relation, false),
            ["c", "b", "d", "a"],
            "ties keep data order"
        );
        assert_eq!(sorted(SortKey::Country, false), ["a", "b", "c", "d"]);
        assert_eq!(sorted(SortKey::Data, false), ["c", "a", "b", "d"]);
    }
}
