//! Great-circle routes: from home to a partner, the way a plane flies.

use super::projection::{relative_longitude, WorldProjection};
use super::svg::svg_path;

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

/// The route from `from` to `to` ((lon, lat) in degrees) as projected
/// lines, computed in the projection's own frame (longitudes relative to its
/// central meridian), so that a route is cut only where it crosses the
/// projection's seam: from a home at the centre, never.
pub fn projected_route(
    projection: &WorldProjection,
    from: (f64, f64),
    to: (f64, f64),
    samples: usize,
) -> Vec<Vec<(f64, f64)>> {
    let relative = |(lon, lat): (f64, f64)| (relative_longitude(lon, projection.central()), lat);
    great_circle(relative(from), relative(to), samples)
        .into_iter()
        .map(|line| {
            line.into_iter()
                .map(|(lon, lat)| projection.project_relative(lon, lat))
                .collect()
        })
        .collect()
}

/// The route as an SVG path: what the interactive map and the printed map
/// both draw from home to each partner.
pub fn route_path(projection: &WorldProjection, from: (f64, f64), to: (f64, f64)) -> String {
    let lines = projected_route(projection, from, to, 48);
    svg_path(lines.iter().map(Vec::as_slice), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() < eps
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
    fn from_a_home_at_the_centre_no_route_is_cut() {
        let home = (121.4245, 31.2204);
        let p = WorldProjection::centred(1000.0, home.0);
        for partner in [
            (-149.5696, -17.535),
            (18.5601, 54.4418),
            (-73.9, 40.7),
            (-77.0, -12.0),
            (151.2, -33.9),
        ] {
            let lines = projected_route(&p, home, partner, 48);
            assert_eq!(lines.len(), 1, "{partner:?}");
            let (start, end) = (lines[0][0], *lines[0].last().unwrap());
            assert!(close(start.0, 500.0, 1e-9));
            assert!(close(end.0, p.project(partner.0, partner.1).0, 1e-9));
            for step in lines[0].windows(2) {
                assert!(
                    (step[1].0 - step[0].0).abs() < 100.0,
                    "no jump across the map"
                );
            }
        }
        // Centred on Greenwich instead, Shanghai to Papeete crosses the seam.
        assert_eq!(
            projected_route(
                &WorldProjection::fit_width(1000.0),
                home,
                (-149.5696, -17.535),
                48
            )
            .len(),
            2
        );
    }
}
