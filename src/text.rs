//! Interface text that is more than one string: sentences built from data,
//! and labels chosen by a value. The strings themselves live in
//! `locales/{ja,zh,en}.json`; everything here picks from them by language.

use reader_core::{
    Continent, DataError, Expected, FontScale, Found, JsonKind, LoadError, Problem, Relation,
};

use crate::i18n::{td_string, Locale};
use reader_core::pagination::PageNumber;

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
            td_string!(lang, error_bad_data, detail = data_error(data, lang)).to_string(),
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

/// The column's title on its page `page` (page 1: the title alone).
pub fn column_page_title(title: &str, page: PageNumber, lang: Locale) -> String {
    if page == PageNumber::FIRST {
        return title.to_owned();
    }
    let page = page.get();
    td_string!(lang, column_page_title, title, page).to_string()
}

/// The accessible name of the link to the column's page `page`.
pub fn column_page_number(page: PageNumber, lang: Locale) -> String {
    let page = page.get();
    td_string!(lang, column_page_number, page).to_string()
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

/// A data error in the reader's language: the file and the field path as
/// the newsroom wrote them, the problem said in words.
pub fn data_error(error: &DataError, lang: Locale) -> String {
    let (place, problem) = data_error_parts(error, lang);
    format!("{place}: {problem}")
}

/// Where the error is (`cities.json: partners[3].lat`, verbatim) and what
/// it is (in the reader's language), for views that set them apart.
pub fn data_error_parts(error: &DataError, lang: Locale) -> (String, String) {
    (data_error_place(error), problem(&error.problem, lang))
}

/// Where a data error is: `cities.json: partners[3].lat`, as the newsroom wrote it.
pub fn data_error_place(error: &DataError) -> String {
    if error.path.is_empty() {
        error.file.clone()
    } else {
        format!("{}: {}", error.file, error.path)
    }
}

pub fn problem(problem: &Problem, lang: Locale) -> String {
    match problem {
        Problem::NotJson { line, column } => {
            td_string!(lang, problem_not_json, line = *line, column = *column).to_string()
        }
        Problem::NotUtf8 => td_string!(lang, problem_not_utf8).to_owned(),
        Problem::Html => td_string!(lang, problem_html).to_owned(),
        Problem::TooDeep => td_string!(lang, problem_too_deep).to_owned(),
        Problem::NumberTooLarge => td_string!(lang, problem_number_too_large).to_owned(),
        Problem::Missing => td_string!(lang, problem_missing).to_owned(),
        Problem::WrongType {
            expected: e,
            found: f,
        } => td_string!(
            lang,
            problem_wrong_type,
            expected = expected(e, lang),
            found = found(f, lang)
        )
        .to_string(),
        Problem::Invalid { expected: e, found } => td_string!(
            lang,
            problem_wrong_type,
            expected = expected(e, lang),
            found = found
        )
        .to_string(),
        Problem::OutOfRange { min, max, found } => {
            td_string!(lang, problem_out_of_range, found, min, max).to_string()
        }
        Problem::Unknown { found, allowed } => {
            let allowed = allowed.join(", ");
            td_string!(lang, problem_unknown, found, allowed).to_string()
        }
        Problem::Duplicate { first } => td_string!(lang, problem_duplicate, first).to_string(),
        Problem::Empty => td_string!(lang, problem_empty).to_owned(),
        Problem::IdMismatch { expected, found } => {
            td_string!(lang, problem_id_mismatch, expected, found).to_string()
        }
        Problem::Reserved { found } => td_string!(lang, problem_reserved, found).to_string(),
        Problem::UnknownKind { found } => td_string!(lang, problem_unknown_kind, found).to_string(),
        Problem::NotSameSite { found } => {
            td_string!(lang, problem_not_same_site, found).to_string()
        }
        Problem::NotARoute { found } => td_string!(lang, problem_not_a_route, found).to_string(),
        Problem::ArticleMissing => td_string!(lang, problem_article_missing).to_owned(),
        // The decoder's own words: nothing better to say it with.
        Problem::Other(text) => text.clone(),
    }
}

fn expected(expected: &Expected, lang: Locale) -> String {
    match expected {
        Expected::Text => td_string!(lang, expected_text),
        Expected::Number => td_string!(lang, expected_number),
        Expected::WholeNumber => td_string!(lang, expected_whole_number),
        Expected::Count => td_string!(lang, expected_count),
        Expected::Boolean => td_string!(lang, expected_boolean),
        Expected::List => td_string!(lang, expected_list),
        Expected::Object => td_string!(lang, expected_object),
        Expected::LocalizedText => td_string!(lang, expected_localized_text),
        Expected::Date => td_string!(lang, expected_date),
        Expected::DateOrYear => td_string!(lang, expected_date_or_year),
        Expected::Id => td_string!(lang, expected_id),
        Expected::Other(text) => return text.clone(),
    }
    .to_owned()
}

fn found(found: &Found, lang: Locale) -> String {
    let kind = match found.kind {
        JsonKind::Null => td_string!(lang, found_null),
        JsonKind::Boolean => td_string!(lang, found_boolean),
        JsonKind::Number => td_string!(lang, found_number),
        JsonKind::Text => td_string!(lang, found_text),
        JsonKind::List => td_string!(lang, found_list),
        JsonKind::Object => td_string!(lang, found_object),
        JsonKind::Other => td_string!(lang, found_other),
    };
    match &found.literal {
        Some(literal) => td_string!(lang, found_literal, kind, literal).to_string(),
        None => kind.to_owned(),
    }
}

/// How many articles a search found: "12件", "12 条结果", "12 results".
pub fn search_count(count: usize, lang: Locale) -> String {
    if count == 1 {
        td_string!(lang, search_count_one).to_string()
    } else {
        td_string!(lang, search_count, count).to_string()
    }
}

/// Why a search could not be made, in the reader's language.
pub fn search_error(error: crate::api::SearchError, lang: Locale) -> &'static str {
    match error {
        crate::api::SearchError::Unavailable => td_string!(lang, search_unavailable),
        crate::api::SearchError::Failed => td_string!(lang, search_failed),
    }
}
