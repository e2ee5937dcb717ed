//! The Equal Earth projection, centred on a chosen meridian.
//!
//! Equal Earth (Šavrič, Patterson, Jenny 2018) is equal-area and made for
//! world overviews; the formulas and constants are those of d3-geo's
//! `geoEqualEarthRaw`. Longitudes and latitudes are in degrees; projected
//! "raw" coordinates have y pointing north, screen coordinates south.
//!
//! A district's map of its partners is centred on the district: the
//! projection's central meridian is the home's longitude, and the world is
//! cut at the opposite meridian (the seam), so that no route from home
//! leaves one edge of the map to come back at the other.

use std::f64::consts::PI;

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

/// A longitude as seen from `central` (degrees, in `[-180, 180)`).
pub fn relative_longitude(lon: f64, central: f64) -> f64 {
    (lon - central + 180.0).rem_euclid(360.0) - 180.0
}

/// Equal Earth centred on `central` (a longitude), scaled so that the whole
/// world fills `width` (and the height that keeps its shape), with (0, 0)
/// at the top left, y pointing down.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorldProjection {
    scale: f64,
    half_width: f64,
    half_height: f64,
    central: f64,
}

impl WorldProjection {
    /// Centred on Greenwich.
    pub fn fit_width(width: f64) -> Self {
        Self::centred(width, 0.0)
    }

    /// Centred on the meridian `central` (degrees east).
    pub fn centred(width: f64, central: f64) -> Self {
        let (hx, hy) = world_half_extent();
        let scale = width / (2.0 * hx);
        Self {
            scale,
            half_width: hx * scale,
            half_height: hy * scale,
            central: if central.is_finite() { central } else { 0.0 },
        }
    }

    /// The central meridian.
    pub fn central(&self) -> f64 {
        self.central
    }

    /// The size of the whole world in screen units.
    pub fn size(&self) -> (f64, f64) {
        (2.0 * self.half_width, 2.0 * self.half_height)
    }

    /// Projects (lon, lat) in degrees.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        self.project_relative(relative_longitude(lon, self.central), lat)
    }

    /// Projects a longitude already relative to the central meridian.
    pub fn project_relative(&self, lon: f64, lat: f64) -> (f64, f64) {
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
        (
            relative_longitude(lambda.to_degrees() + self.central, 0.0),
            phi.to_degrees(),
        )
    }
}

/// The box (x, y, width, height in screen units) that holds `points`,
/// padded by `pad` on every side, at least `min_width` wide (centred on the
/// points), and within the world of size `world`: what a still map shows.
pub fn fit_extent(
    points: &[(f64, f64)],
    pad: f64,
    min_width: f64,
    world: (f64, f64),
) -> (f64, f64, f64, f64) {
    let Some(&(x, y)) = points.first() else {
        return (0.0, 0.0, world.0, world.1);
    };
    let (mut x0, mut y0, mut x1, mut y1) = (x, y, x, y);
    for &(x, y) in points {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    if x1 - x0 < min_width {
        let mid = (x0 + x1) / 2.0;
        (x0, x1) = (mid - min_width / 2.0, mid + min_width / 2.0);
    }
    let (x0, y0) = ((x0 - pad).max(0.0), (y0 - pad).max(0.0));
    let (x1, y1) = ((x1 + pad).min(world.0), (y1 + pad).min(world.1));
    (x0, y0, x1 - x0, y1 - y0)
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
    fn a_projection_centred_on_home_puts_home_in_the_middle() {
        let p = WorldProjection::centred(1000.0, 121.4245);
        let (x, _) = p.project(121.4245, 31.2204);
        assert!(close(x, 500.0, 1e-9), "{x}");
        // Seoul a little east of home; Papeete east (across the Pacific), not at the far west.
        let (seoul, _) = p.project(126.85, 37.55);
        assert!(seoul > 500.0 && seoul < 530.0, "{seoul}");
        let (papeete, _) = p.project(-149.57, -17.53);
        assert!(papeete > 600.0, "{papeete}");
        // Sopot, to the west.
        assert!(p.project(18.56, 54.44).0 < 500.0);
        let (lon, lat) = p.invert(p.project(-149.57, -17.53).0, p.project(-149.57, -17.53).1);
        assert!(
            close(lon, -149.57, 1e-6) && close(lat, -17.53, 1e-6),
            "{lon}"
        );
    }

    #[test]
    fn relative_longitudes_wrap() {
        assert_eq!(relative_longitude(121.0, 121.0), 0.0);
        assert_eq!(relative_longitude(-149.0, 121.0), 90.0);
        assert_eq!(relative_longitude(-59.0, 121.0), -180.0);
        assert_eq!(relative_longitude(10.0, 0.0), 10.0);
    }

    #[test]
    fn the_still_map_box_holds_every_point_with_padding() {
        let (x, y, w, h) = fit_extent(&[(100.0, 50.0), (300.0, 200.0)], 40.0, 0.0, (1000.0, 486.7));
        assert_eq!((x, y, w, h), (60.0, 10.0, 280.0, 230.0));
        // Narrow groups widen to the minimum, around their middle.
        let (x, _, w, _) = fit_extent(
            &[(500.0, 100.0), (510.0, 120.0)],
            0.0,
            300.0,
            (1000.0, 486.7),
        );
        assert_eq!((x, w), (355.0, 300.0));
        // Never past the world's edges.
        let (x, y, w, _) = fit_extent(&[(5.0, 5.0)], 40.0, 0.0, (1000.0, 486.7));
        assert_eq!((x, y, w), (0.0, 0.0, 45.0));
    }
}
