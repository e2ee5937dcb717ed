//! Decoding JSON with field paths in the errors.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::DataError;

/// Decodes `text` as `T`, reporting the field path of the first problem.
pub(crate) fn decode_text<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, DataError> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let value: T =
        serde_path_to_error::deserialize(&mut *de).map_err(|e| from_path_error(file, "", e))?;
    de.end()
        .map_err(|e| DataError::new(file, "", syntax_problem(&e)))?;
    Ok(value)
}

/// Decodes one already parsed value (a list entry) as `T`; `prefix` is the
/// path of that value in its file, such as `partners[3]`.
pub(crate) fn decode_value<T: DeserializeOwned>(
    file: &str,
    prefix: &str,
    value: Value,
) -> Result<T, DataError> {
    serde_path_to_error::deserialize(value).map_err(|e| from_path_error(file, prefix, e))
}

/// Joins a path prefix and a field or index segment.
pub(crate) fn join(prefix: &str, segment: &str) -> String {
    if segment.is_empty() {
        return prefix.to_owned();
    }
    match (prefix.is_empty(), segment.starts_with('[')) {
        (true, _) => segment.to_owned(),
        (false, true) => format!("{prefix}{segment}"),
        (false, false) => format!("{prefix}.{segment}"),
    }
}

fn from_path_error(
    file: &str,
    prefix: &str,
    e: serde_path_to_error::Error<serde_json::Error>,
) -> DataError {
    let mut path = e.path().to_string();
    if path == "." {
        path.clear();
    }
    let inner = e.inner();
    if inner.is_syntax() || inner.is_eof() {
        return DataError::new(file, "", syntax_problem(inner));
    }
    let mut problem = strip_location(&inner.to_string());
    // serde says "missing field `lat`" at the parent; name the field itself.
    if let Some(field) = problem
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        path = join(&path, field);
        problem = "is missing".to_owned();
    }
    DataError::new(file, join(prefix, &path), humanize(&problem))
}

fn syntax_problem(e: &serde_json::Error) -> String {
    format!(
        "not valid JSON ({} at line {}, column {})",
        strip_location(&e.to_string()),
        e.line(),
        e.column()
    )
}

fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

/// Rewrites serde's type names into words an editor knows.
fn humanize(problem: &str) -> String {
    const WORDS: [(&str, &str); 9] = [
        ("expected f64", "expected a number"),
        ("expected f32", "expected a number"),
        ("expected u64", "expected a whole number, 0 or more"),
        ("expected u32", "expected a whole number, 0 or more"),
        ("expected i64", "expected a whole number"),
        ("expected a sequence", "expected a list"),
        ("expected struct ", "expected an object "),
        ("expected a borrowed string", "expected a string"),
        ("invalid type: ", ""),
    ];
    let mut out = problem.to_owned();
    for (from, to) in WORDS {
        out = out.replace(from, to);
    }
    // "string \"x\", expected a number" reads better as "expected a number, found string \"x\"".
    match out.split_once(", expected ") {
        Some((found, expected)) if !found.starts_with("expected") => {
            format!("expected {expected}, found {found}")
        }
        _ => out,
    }
}

/// The JSON type of a value, for messages.
pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Point {
        lat: f64,
        tags: Vec<String>,
    }

    #[test]
    fn wrong_type_names_the_field_and_the_expected_type() {
        let err = decode_text::<Point>("p.json", r#"{"lat": "north", "tags": []}"#).unwrap_err();
        assert_eq!(err.path, "lat");
        assert_eq!(err.problem, r#"expected a number, found string "north""#);
    }

    #[test]
    fn missing_field_is_named_in_the_path() {
        let err = decode_text::<Point>("p.json", r#"{"tags": []}"#).unwrap_err();
        assert_eq!(err.to_string(), "p.json: lat: is missing");
    }

    #[test]
    fn nested_list_index_appears_in_the_path() {
        let err = decode_text::<Point>("p.json", r#"{"lat": 1, "tags": ["a", 2]}"#).unwrap_err();
        assert_eq!(err.path, "tags[1]");
    }

    #[test]
    fn not_json_says_so_with_a_location() {
        let err = decode_text::<Point>("p.json", "<!doctype html>").unwrap_err();
        assert_eq!(err.path, "");
        assert!(err.problem.starts_with("not valid JSON"), "{}", err.problem);
        assert!(err.problem.contains("line 1"), "{}", err.problem);
    }

    #[test]
    fn trailing_garbage_is_not_json() {
        let err = decode_text::<Point>("p.json", r#"{"lat": 1, "tags": []} x"#).unwrap_err();
        assert!(err.problem.starts_with("not valid JSON"), "{}", err.problem);
    }

    #[test]
    fn prefix_is_joined_to_the_path() {
        let value = serde_json::json!({"lat": true, "tags": []});
        let err = decode_value::<Point>("c.json", "partners[3]", value).unwrap_err();
        assert_eq!(err.path, "partners[3].lat");
    }
}
