//! Lines and rings as compact SVG path data.
//!
//! Each line starts at its first point (`M`, absolute) and goes on by steps
//! from one point to the next (`l`, relative: a country's outline is
//! mostly short steps, written in fewer digits than where they end), in
//! tenths of a unit. Steps are taken between the rounded points, so the
//! rounding never adds up along a line. A point the same as the one before
//! (once rounded) is left out, and a ring that ends where it began ends
//! with `z` instead of a last step. Numbers drop a leading zero (`.5`) and
//! the space before a minus, or before a second fraction (`.5.5`).

/// An SVG path of `lines`, each closed (`z`) when `closed`, with every
/// point rounded to one decimal.
pub fn svg_path<'a>(lines: impl IntoIterator<Item = &'a [(f64, f64)]>, closed: bool) -> String {
    let mut d = String::new();
    for line in lines {
        let points: Vec<(i64, i64)> = line.iter().map(|&(x, y)| (tenths(x), tenths(y))).collect();
        let Some(&start) = points.first() else {
            continue;
        };
        d.push('M');
        push_numbers(&mut d, [start.0, start.1]);
        // A ring's last point, where it began, is what `z` draws back to.
        let end = match points.last() {
            Some(&last) if closed && points.len() > 1 && last == start => points.len() - 1,
            _ => points.len(),
        };
        let mut at = start;
        let mut steps = Vec::new();
        for &point in &points[1..end] {
            if point != at {
                steps.extend([point.0 - at.0, point.1 - at.1]);
                at = point;
            }
        }
        if !steps.is_empty() {
            d.push('l');
            push_numbers(&mut d, steps);
        }
        if closed {
            d.push('z');
        }
    }
    d
}

/// `v` in tenths, rounded.
fn tenths(v: f64) -> i64 {
    (v * 10.0).round() as i64
}

/// Appends numbers given in tenths, each apart from the one before only
/// where the reader of the path could not tell them apart otherwise.
fn push_numbers(d: &mut String, numbers: impl IntoIterator<Item = i64>) {
    let mut previous_has_point: Option<bool> = None;
    for n in numbers {
        let text = number(n);
        let own_start =
            text.starts_with('-') || (text.starts_with('.') && previous_has_point == Some(true));
        if previous_has_point.is_some() && !own_start {
            d.push(' ');
        }
        previous_has_point = Some(text.contains('.'));
        d.push_str(&text);
    }
}

/// A number of tenths as the shortest decimal: `12`, `1.5`, `.5`, `-.5`.
fn number(tenths: i64) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, tenth) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
    match (whole, tenth) {
        (_, 0) => format!("{sign}{whole}"),
        (0, _) => format!("{sign}.{tenth}"),
        _ => format!("{sign}{whole}.{tenth}"),
    }
}

/// The points of each line of a path written by [`svg_path`], absolute,
/// and whether it is closed; for tests.
#[cfg(test)]
pub fn lines_of(d: &str) -> Vec<(Vec<(f64, f64)>, bool)> {
    let mut lines = Vec::new();
    for part in d.split('M').filter(|part| !part.is_empty()) {
        let closed = part.ends_with('z');
        let part = part.trim_end_matches('z');
        let (start, steps) = part.split_once('l').unwrap_or((part, ""));
        let start = numbers_in(start);
        let mut at = (start[0], start[1]);
        let mut points = vec![at];
        for step in numbers_in(steps).chunks(2) {
            at = (at.0 + step[0], at.1 + step[1]);
            points.push(at);
        }
        lines.push((points, closed));
    }
    lines
}

/// The numbers in a run of path data, as [`push_numbers`] writes them.
#[cfg(test)]
fn numbers_in(text: &str) -> Vec<f64> {
    let mut numbers = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        let starts_another = c == ' ' || c == '-' || (c == '.' && current.contains('.'));
        if starts_another && !current.is_empty() {
            numbers.push(current.parse::<f64>().unwrap());
            current.clear();
        }
        if c != ' ' {
            current.push(c);
        }
    }
    if !current.is_empty() {
        numbers.push(current.parse::<f64>().unwrap());
    }
    numbers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_compact() {
        let d = svg_path(
            [
                &[(1.04, 2.0), (-3.0, -4.6), (1.04, 2.0)][..],
                &[(0.0, 0.0), (1.0, 1.0), (1.0, 1.0), (1.5, 1.6)][..],
            ],
            true,
        );
        // The first ring ends where it began: no last step. A repeated
        // point is left out.
        assert_eq!(d, "M1 2l-4-6.6zM0 0l1 1 .5.6z");
        assert_eq!(svg_path([&[(0.04, -0.04)][..]], false), "M0 0");
        assert_eq!(
            svg_path([&[(0.0, 0.0), (-0.5, 0.5), (0.0, 1.0)][..]], false),
            "M0 0l-.5.5.5.5"
        );
    }

    #[test]
    fn numbers_are_written_as_short_as_they_read() {
        for (tenths, text) in [
            (0, "0"),
            (5, ".5"),
            (-5, "-.5"),
            (10, "1"),
            (-123, "-12.3"),
            (2000, "200"),
        ] {
            assert_eq!(number(tenths), text);
        }
    }

    #[test]
    fn every_point_reads_back_where_it_was_rounded_to() {
        // A long wandering line, open and closed: no error adds up.
        let line: Vec<(f64, f64)> = (0..500)
            .map(|i| {
                let t = f64::from(i) * 0.37;
                (
                    300.0 + 250.0 * t.sin() + 0.049 * f64::from(i % 3),
                    150.0 - 120.0 * (1.3 * t).cos(),
                )
            })
            .collect();
        let rounded: Vec<(f64, f64)> = line
            .iter()
            .map(|&(x, y)| ((x * 10.0).round() / 10.0, (y * 10.0).round() / 10.0))
            .collect();
        for closed in [false, true] {
            let lines = lines_of(&svg_path([line.as_slice()], closed));
            assert_eq!(lines.len(), 1);
            let (points, was_closed) = &lines[0];
            assert_eq!(*was_closed, closed);
            assert_eq!(points.len(), rounded.len());
            for (read, want) in points.iter().zip(&rounded) {
                assert!(
                    (read.0 - want.0).abs() < 1e-6 && (read.1 - want.1).abs() < 1e-6,
                    "{read:?} {want:?}"
                );
            }
        }
    }
}
