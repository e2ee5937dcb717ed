//! The partner list: filters, counts and sorting, shared by the map and the table.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use crate::cities::{Continent, Partner, Relation};

/// Which partners to show. `None` shows all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PartnerFilter {
    pub relation: Option<Relation>,
    pub continent: Option<Continent>,
}

impl PartnerFilter {
    pub fn matches(&self, partner: &Partner) -> bool {
        self.relation.is_none_or(|r| r == partner.relation)
            && self.continent.is_none_or(|c| c == partner.continent)
    }
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
            .replace(r#""since": "2021""#, r#""since": "2021-01""#)
        );
        decode_cities(&text).unwrap().partners
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
                continent: None
            }),
            ["c", "b"]
        );
        assert_eq!(
            ids(PartnerFilter {
                relation: Some(Relation::Sister),
                continent: Some(Continent::Asia)
            }),
            ["b"]
        );
        assert!(ids(PartnerFilter {
            relation: None,
            continent: Some(Continent::Africa)
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
