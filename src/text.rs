//! Interface text that is more than one string: sentences built from data,
//! and labels chosen by a value. The strings themselves live in
//! `locales/{ja,zh,en}.json`; everything here picks from them by language.

use reader_core::{Continent, FontScale, LoadError, Relation};

use crate::i18n::{td_string, Locale};

pub fn font_scale_label(scale: FontScale, lang: Locale) -> &'static str {
    match scale {
        FontScale::Large => td_string!(lang, font_large),
        FontScale::Medium => td_string!(lang, font_medium),
        FontScale::Small => td_string!(lang, font_small),
    }
}

/// A heading and an explanation of a load error, naming the file (and the
/// field, for bad data) so that a reader can pass it on to the newsroom.
pub fn describe(error: &LoadError, lang: Locale) -> (&'static str, String) {
    let file = error.file();
    match error {
        LoadError::NotFound { .. } => (
            td_string!(lang, error_not_found_heading),
            td_string!(lang, error_not_found, file).to_string(),
        ),
        LoadError::Server { status, .. } => (
            td_string!(lang, error_unavailable_heading),
            td_string!(lang, error_server, file, status = *status).to_string(),
        ),
        LoadError::Unreachable { .. } => (
            td_string!(lang, error_unavailable_heading),
            td_string!(lang, error_unreachable, file).to_string(),
        ),
        LoadError::TimedOut { .. } => (
            td_string!(lang, error_unavailable_heading),
            td_string!(lang, error_timed_out, file).to_string(),
        ),
        LoadError::BadData(data) => (
            td_string!(lang, error_bad_data_heading),
            td_string!(lang, error_bad_data, detail = data).to_string(),
        ),
    }
}

pub fn counts_sentence(c: reader_core::partners::Counts, lang: Locale) -> String {
    td_string!(
        lang,
        counts,
        partners = c.partners,
        countries = c.countries,
        continents = c.continents
    )
    .to_string()
}

pub fn cluster_label(count: usize, lang: Locale) -> String {
    td_string!(lang, cluster_label, count).to_string()
}

pub fn page_of(page: usize, pages: usize, lang: Locale) -> String {
    td_string!(lang, page_of, page, pages).to_string()
}

pub fn relation_label(relation: Relation, lang: Locale) -> &'static str {
    match relation {
        Relation::Sister => td_string!(lang, relation_sister),
        Relation::Exchange => td_string!(lang, relation_exchange),
        Relation::Contact => td_string!(lang, relation_contact),
    }
}

pub fn continent_label(continent: Continent, lang: Locale) -> &'static str {
    match continent {
        Continent::Asia => td_string!(lang, continent_asia),
        Continent::Europe => td_string!(lang, continent_europe),
        Continent::Africa => td_string!(lang, continent_africa),
        Continent::NorthAmerica => td_string!(lang, continent_north_america),
        Continent::SouthAmerica => td_string!(lang, continent_south_america),
        Continent::Oceania => td_string!(lang, continent_oceania),
        Continent::Antarctica => td_string!(lang, continent_antarctica),
    }
}

pub fn selected_announcement(name: &str, lang: Locale) -> String {
    td_string!(lang, selected, name).to_string()
}

pub fn kiosk_countdown(seconds: u32, lang: Locale) -> String {
    td_string!(lang, kiosk_countdown, seconds).to_string()
}
