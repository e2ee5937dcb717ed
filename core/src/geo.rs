//! Map geometry: the Equal Earth projection, great-circle arcs, SVG paths.
//!
//! Equal Earth (Šavrič, Patterson, Jenny 2018) is equal-area and made for
//! world overviews; the formulas and constants are those of d3-geo's
//! `geoEqualEarthRaw`. Longitudes and latitudes are in degrees; projected
//! "raw" coordinates have y pointing north, screen coordinates south.

use std::f64::consts::PI;
use std::fmt::Write as _;

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;
const M: f64 = 0.866_025_403_784_438_6; // sqrt(3) / 2

/// Equal Earth in raw units for (lon, lat) in radians.
pub fn equal_earth_raw(lambda: f64, phi: f64) -> (f64, f64) {
    let l = (M * phi.sin()).asin();
    let l2 = l * l;
    let l6 = l2 * l2 * l2;
    let x = lambda * l.cos() / (M * (A1 + 3.0 * A2 * l2 + l6 * (7.0 * A3 + 9.0 * A4 * l2)));
    let y = l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2));
    (x, y)
}

/// The inverse of [`equal_earth_raw`] (Newton's method, as d3-geo).
pub fn equal_earth_invert(x: f64, y: f64) -> (f64, f64) {
    let mut l = y;
    for _ in 0..12 {
        let l2 = l * l;
        let l6 = l2 * l2 * l2;
        let fy = l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2)) - y;
        let fpy = A1 + 3.0 * A2 * l2 + l6 * (7.0 * A3 + 9.0 * A4 * l2);
        let delta = fy / fpy;
        l -= delta;
        if delta.abs() < 1e-12 {
            break;
        }
    }
    let l2 = l * l;
    let l6 = l2 * l2 * l2;
    let lambda = M * x * (A1 + 3.0 * A2 * l2 + l6 * (7.0 * A3 + 9.0 * A4 * l2)) / l.cos();
    let phi = (l.sin() / M).clamp(-1.0, 1.0).asin();
    (lambda, phi)
}

/// Half the width and half the height of the whole world in raw units.
pub fn world_half_extent() -> (f64, f64) {
    let (x, _) = equal_earth_raw(PI, 0.0);
    let (_, y) = equal_earth_raw(0.0, PI / 2.0);
    (x, y)
}

/// Equal Earth scaled so that the whole world fills `width` (and the height
/// that keeps its shape), with (0, 0) at the top left, y pointing down.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorldProjection {
    scale: f64,
    half_width: f64,
    half_height: f64,
}

impl WorldProjection {
    pub fn fit_width(width: f64) -> Self {
        let (hx, hy) = world_half_extent();
        let scale = width / (2.0 * hx);
        Self {
            scale,
            half_width: hx * scale,
            half_height: hy * scale,
        }
    }

    /// The size of the whole world in screen units.
    pub fn size(&self) -> (f64, f64) {
        (2.0 * self.half_width, 2.0 * self.half_height)
    }

    /// Projects (lon, lat) in degrees.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = equal_earth_raw(lon.to_radians(), lat.to_radians());
        (
            self.half_width + x * self.scale,
            self.half_height - y * self.scale,
        )
    }

    /// The (lon, lat) in degrees at a screen point.
    pub fn invert(&self, x: f64, y: f64) -> (f64, f64) {
        let (lambda, phi) = equal_earth_invert(
            (x - self.half_width) / self.scale,
            (self.half_height - y) / self.scale,
        );
        (lambda.to_degrees(), phi.to_degrees())
    }
}

/// The great-circle route from `from` to `to` ((lon, lat) in degrees) as
/// `samples + 1` points, split into separate lines where it crosses the
/// antimeridian, each piece ending exactly on ±180°.
pub fn great_circle(from: (f64, f64), to: (f64, f64), samples: usize) -> Vec<Vec<(f64, f64)>> {
    let a = unit_vector(from);
    let b = unit_vector(to);
    let omega = dot(a, b).clamp(-1.0, 1.0).acos();
    let samples = samples.max(1);
    let points: Vec<(f64, f64)> = (0..=samples)
        .map(|i| {
            let t = i as f64 / samples as f64;
            match i {
                0 => return from,
                _ if i == samples => return to,
                _ if omega < 1e-6 => return from, // under ~6 m apart
                _ => {}
            }
            let (sa, sb) = (
                ((1.0 - t) * omega).sin() / omega.sin(),
                (t * omega).sin() / omega.sin(),
            );
            lon_lat([
                a[0] * sa + b[0] * sb,
                a[1] * sa + b[1] * sb,
                a[2] * sa + b[2] * sb,
            ])
        })
        .collect();
    split_at_antimeridian(&points)
}

/// Splits a line of (lon, lat) points where a step jumps across ±180°.
pub fn split_at_antimeridian(points: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
    let mut lines = Vec::new();
    let mut current: Vec<(f64, f64)> = points.first().copied().into_iter().collect();
    for window in points.windows(2) {
        let ((lon0, lat0), (lon1, lat1)) = (window[0], window[1]);
        if (lon1 - lon0).abs() > 180.0 {
            // Crossing: unwrap lon1 next to lon0 and cut at the meridian.
            let edge = if lon0 > 0.0 { 180.0 } else { -180.0 };
            let unwrapped = if lon0 > 0.0 {
                lon1 + 360.0
            } else {
                lon1 - 360.0
            };
            let t = (edge - lon0) / (unwrapped - lon0);
            let lat = lat0 + t * (lat1 - lat0);
            current.push((edge, lat));
            lines.push(std::mem::replace(
                &mut current,
                vec![(-edge, lat), window[1]],
            ));
        } else {
            current.push(window[1]);
        }
    }
    if points.len() == 1 {
        current.push(points[0]);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

fn unit_vector((lon, lat): (f64, f64)) -> [f64; 3] {
    let (lambda, phi) = (lon.to_radians(), lat.to_radians());
    [
        phi.cos() * lambda.cos(),
        phi.cos() * lambda.sin(),
        phi.sin(),
    ]
}

fn lon_lat(v: [f64; 3]) -> (f64, f64) {
    let lat = v[2].clamp(-1.0, 1.0).asin().to_degrees();
    let lon = v[1].atan2(v[0]).to_degrees();
    (lon, lat)
}

fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

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

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() < eps
    }

    #[test]
    fn raw_projection_matches_the_published_extent() {
        // Equal Earth's outline: x = ±2.7066 at the equator, y = ±1.3174 at the poles.
        let (hx, hy) = world_half_extent();
        assert!(close(hx, 2.706_629_3, 1e-6), "{hx}");
        assert!(close(hy, 1.317_362_3, 1e-6), "{hy}");
        assert_eq!(equal_earth_raw(0.0, 0.0), (0.0, 0.0));
    }

    #[test]
    fn raw_projection_matches_d3_geo() {
        // Reference values printed by d3-geo 3's geoEqualEarthRaw.
        for ((lon, lat), (x, y)) in [
            (
                (121.4245, 31.2204),
                (1.698_183_198_456_285_2, 0.615_746_733_122_183_1),
            ),
            (
                (-149.5696, -17.535),
                (-2.198_958_857_655_685, -0.352_309_105_106_069_3),
            ),
            (
                (18.5601, 54.4418),
                (0.221_624_188_858_317_97, 1.009_594_699_757_382_6),
            ),
        ] {
            let (px, py) = equal_earth_raw(f64::to_radians(lon), f64::to_radians(lat));
            assert!(
                close(px, x, 1e-12) && close(py, y, 1e-12),
                "{lon},{lat}: ({px}, {py})"
            );
        }
    }

    #[test]
    fn inverse_round_trips() {
        for (lon, lat) in [
            (0.0, 0.0),
            (121.4, 31.2),
            (-149.6, -17.5),
            (179.9, 89.0),
            (-180.0, -60.0),
        ] {
            let (x, y) = equal_earth_raw(f64::to_radians(lon), f64::to_radians(lat));
            let (l, p) = equal_earth_invert(x, y);
            assert!(
                close(l.to_degrees(), lon, 1e-6) && close(p.to_degrees(), lat, 1e-6),
                "{lon},{lat}"
            );
        }
    }

    #[test]
    fn fitted_projection_puts_the_world_in_the_box() {
        let p = WorldProjection::fit_width(1000.0);
        let (w, h) = p.size();
        assert!(close(w, 1000.0, 1e-9) && close(h, 486.7, 0.1), "{w}x{h}");
        assert!(close(p.project(0.0, 0.0).0, 500.0, 1e-9));
        assert!(close(p.project(-180.0, 0.0).0, 0.0, 1e-9));
        assert!(close(p.project(0.0, 90.0).1, 0.0, 1e-9), "north is up");
        let (lon, lat) = p.invert(p.project(18.56, 54.44).0, p.project(18.56, 54.44).1);
        assert!(close(lon, 18.56, 1e-6) && close(lat, 54.44, 1e-6));
    }

    #[test]
    fn shanghai_to_papeete_is_split_at_the_antimeridian() {
        let lines = great_circle((121.4245, 31.2204), (-149.5696, -17.535), 64);
        assert_eq!(lines.len(), 2, "{lines:?}");
        let end = *lines[0].last().unwrap();
        let start = lines[1][0];
        assert_eq!(end.0, 180.0);
        assert_eq!(start.0, -180.0);
        assert!(close(end.1, start.1, 1e-12));
        assert!(lines[0].iter().all(|p| p.0 > 0.0) && lines[1].iter().all(|p| p.0 < 0.0));
        assert_eq!(lines[0][0], (121.4245, 31.2204));
        let last = *lines[1].last().unwrap();
        assert!(close(last.0, -149.5696, 1e-9) && close(last.1, -17.535, 1e-9));
    }

    #[test]
    fn a_route_that_stays_on_one_side_is_one_line_through_great_circle_points() {
        let lines = great_circle((121.4245, 31.2204), (18.5601, 54.4418), 32);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].len(), 33);
        // The great circle from Shanghai to Poland bends north of both ends.
        assert!(lines[0].iter().map(|p| p.1).fold(f64::MIN, f64::max) > 54.4418);
    }

    #[test]
    fn a_route_to_the_same_place_is_a_point() {
        let lines = great_circle((10.0, 10.0), (10.0, 10.0), 8);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].iter().all(|&p| p == (10.0, 10.0)));
    }

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
