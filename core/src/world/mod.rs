//! The app's world map (`/map/world-110m.json`): country outlines as rings
//! of longitude and latitude, made by `cargo xtask gen-map` from Natural
//! Earth via npm's world-atlas, and projected when loaded, for the map's own
//! central meridian (the home district's): cut at the opposite meridian, and
//! closed along it around a pole.

use serde::{Deserialize, Serialize};

use crate::error::DataError;
use crate::json::decode_text;
use crate::map::projection::{relative_longitude, WorldProjection};
use crate::map::svg::svg_path;

pub mod topojson;

pub const WORLD_FILE: &str = "world-110m.json";

/// Coordinates are kept in hundredths of a degree (about a kilometre).
const PER_DEGREE: f64 = 100.0;
/// Projected points closer than this (world units) to the one before are dropped.
const MIN_STEP: f64 = 0.3;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct World {
    /// Where the outlines come from, and under which licence.
    pub source: String,
    pub countries: Vec<Country>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Country {
    /// ISO 3166-1 alpha-2, when the country has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub name: String,
    /// Each ring as longitude, latitude pairs in hundredths of a degree; after
    /// the first, each point is the difference from the one before.
    pub rings: Vec<Vec<i32>>,
}

impl Country {
    pub fn new(code: Option<String>, name: String, rings: &[Vec<(f64, f64)>]) -> Self {
        let rings = rings
            .iter()
            .map(|ring| {
                let mut out = Vec::with_capacity(ring.len() * 2);
                let mut before = (0i32, 0i32);
                for &(lon, lat) in ring {
                    let at = (
                        (lon * PER_DEGREE).round() as i32,
                        (lat * PER_DEGREE).round() as i32,
                    );
                    out.extend([at.0 - before.0, at.1 - before.1]);
                    before = at;
                }
                out
            })
            .collect();
        Self { code, name, rings }
    }

    /// The rings as (lon, lat) in degrees.
    pub fn rings(&self) -> Vec<Vec<(f64, f64)>> {
        self.rings
            .iter()
            .map(|ring| {
                let mut at = (0i64, 0i64);
                ring.chunks_exact(2)
                    .map(|step| {
                        at = (at.0 + i64::from(step[0]), at.1 + i64::from(step[1]));
                        (at.0 as f64 / PER_DEGREE, at.1 as f64 / PER_DEGREE)
                    })
                    .collect()
            })
            .collect()
    }
}

/// The world drawn for one projection.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectedWorld {
    /// The size of the whole world in world units.
    pub width: f64,
    pub height: f64,
    pub countries: Vec<ProjectedCountry>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProjectedCountry {
    pub code: Option<String>,
    /// The outline as an SVG path in world units.
    pub d: String,
}

impl World {
    /// Every country projected: longitudes relative to the central meridian,
    /// rings cut where they cross the seam (or closed around the pole).
    pub fn project(&self, projection: &WorldProjection) -> ProjectedWorld {
        let (width, height) = projection.size();
        let central = projection.central();
        let countries = self
            .countries
            .iter()
            .map(|country| {
                let rings: Vec<Vec<(f64, f64)>> = country
                    .rings()
                    .into_iter()
                    .flat_map(|ring| {
                        let relative: Vec<(f64, f64)> = ring
                            .into_iter()
                            .map(|(lon, lat)| (relative_longitude(lon, central), lat))
                            .collect();
                        cut_at_seam(&relative)
                    })
                    .map(|ring| {
                        let projected = ring
                            .into_iter()
                            .map(|(lon, lat)| projection.project_relative(lon, lat))
                            .collect();
                        thin(projected, MIN_STEP)
                    })
                    .filter(|ring| ring.len() >= 3)
                    .collect();
                ProjectedCountry {
                    code: country.code.clone(),
                    d: svg_path(rings.iter().map(Vec::as_slice), true),
                }
            })
            .filter(|c| !c.d.is_empty())
            .collect();
        ProjectedWorld {
            width,
            height: (height * 10.0).round() / 10.0,
            countries,
        }
    }
}

pub fn decode_world(text: &str) -> Result<World, DataError> {
    decode_text(WORLD_FILE, text)
}

/// Where a ring (longitudes relative to the central meridian) crosses the
/// seam (±180°): an even number of times, as an island or a country the seam
/// runs through, it becomes one ring on each side; once, around a pole (the
/// Antarctic), it is closed along the seam through the pole.
pub fn cut_at_seam(ring: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
    let crossings = ring
        .windows(2)
        .filter(|w| (w[1].0 - w[0].0).abs() > 180.0)
        .count();
    match crossings {
        0 => vec![ring.to_vec()],
        n if n % 2 == 1 => close_around_pole(ring),
        _ => cut_at_antimeridian(ring),
    }
}

/// A ring around a pole (crossing the seam an odd number of times): with
/// its longitudes made continuous it runs once round the world; closed
/// through the pole, it is a plain polygon, which is then clipped to the
/// map, with what runs past either edge brought round to the other side.
/// Points at the pole itself are left out (the data may close the ring
/// along its own seam there).
fn close_around_pole(ring: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
    let points: Vec<(f64, f64)> = ring
        .iter()
        .copied()
        .filter(|&(_, lat)| lat.abs() < 89.9)
        .collect();
    let Some(&first) = points.first() else {
        return Vec::new();
    };
    let mut polygon = vec![first];
    for &(lon, lat) in &points[1..] {
        let before = polygon[polygon.len() - 1].0;
        let mut lon = lon;
        while lon - before > 180.0 {
            lon -= 360.0;
        }
        while lon - before < -180.0 {
            lon += 360.0;
        }
        polygon.push((lon, lat));
    }
    let pole = if points.iter().map(|p| p.1).sum::<f64>() < 0.0 {
        -90.0
    } else {
        90.0
    };
    let end = polygon[polygon.len() - 1];
    polygon.extend([(end.0, pole), (first.0, pole)]);
    [-360.0, 0.0, 360.0]
        .into_iter()
        .map(|shift| {
            let shifted: Vec<(f64, f64)> = polygon
                .iter()
                .map(|&(lon, lat)| (lon + shift, lat))
                .collect();
            let west = clip_at_meridian(&shifted, -180.0, |lon| lon >= -180.0);
            let mut clipped = clip_at_meridian(&west, 180.0, |lon| lon <= 180.0);
            if let Some(&start) = clipped.first() {
                clipped.push(start);
            }
            clipped
        })
        .filter(|ring| ring.len() >= 4)
        .collect()
}

/// Sutherland–Hodgman against one meridian: keeps the side where `inside`.
fn clip_at_meridian(
    ring: &[(f64, f64)],
    meridian: f64,
    inside: impl Fn(f64) -> bool,
) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    for i in 0..ring.len() {
        let (p, q) = (ring[i], ring[(i + 1) % ring.len()]);
        let (p_in, q_in) = (inside(p.0), inside(q.0));
        if p_in {
            out.push(p);
        }
        if p_in != q_in && (q.0 - p.0).abs() > f64::EPSILON {
            let t = (meridian - p.0) / (q.0 - p.0);
            out.push((meridian, p.1 + t * (q.1 - p.1)));
        }
    }
    out
}

/// A ring that crosses ±180° an even number of times (an island or
/// coast that straddles it, like Fiji or Chukotka) becomes two rings,
/// one on each side, so that no edge runs across the whole map. Rings
/// around a pole (crossing once) are left as they are.
pub fn cut_at_antimeridian(ring: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
    let crossings = ring
        .windows(2)
        .filter(|w| (w[1].0 - w[0].0).abs() > 180.0)
        .count();
    if crossings == 0 || crossings % 2 == 1 {
        return vec![ring.to_vec()];
    }
    // Continuous longitudes past 180, then clip each side of 180.
    let unwrapped: Vec<(f64, f64)> = ring
        .iter()
        .map(|&(lon, lat)| (if lon < 0.0 { lon + 360.0 } else { lon }, lat))
        .collect();
    let west = clip_at_meridian(&unwrapped, 180.0, |lon| lon <= 180.0);
    let east: Vec<(f64, f64)> = clip_at_meridian(&unwrapped, 180.0, |lon| lon >= 180.0)
        .into_iter()
        .map(|(lon, lat)| (lon - 360.0, lat))
        .collect();
    [west, east].into_iter().filter(|r| r.len() >= 3).collect()
}

pub(crate) fn thin(points: Vec<(f64, f64)>, min_step: f64) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(points.len());
    for p in points {
        match out.last() {
            Some(&(x, y)) if (p.0 - x).hypot(p.1 - y) < min_step => {}
            _ => out.push(p),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_world_file_decodes_with_shapes_for_partner_countries() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../public/map")
            .join(WORLD_FILE);
        let world = decode_world(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert!(world.countries.len() > 150);
        assert!(world.source.contains("Natural Earth"));
        for code in ["JP", "KR", "PL", "BY", "TR", "GR", "CN"] {
            assert!(
                world
                    .countries
                    .iter()
                    .any(|c| c.code.as_deref() == Some(code)),
                "{code}"
            );
        }
    }

    #[test]
    fn rings_round_trip_through_the_compact_form() {
        let ring = vec![
            (121.42, 31.22),
            (-149.57, -17.54),
            (0.0, 0.0),
            (121.42, 31.22),
        ];
        let country = Country::new(None, "x".into(), std::slice::from_ref(&ring));
        assert_eq!(country.rings(), vec![ring]);
    }

    /// The points of each ring of an SVG path written by `svg_path`, its
    /// first point again at its end where it is closed (as `z` draws it).
    fn rings_of(d: &str) -> Vec<Vec<(f64, f64)>> {
        crate::map::svg::lines_of(d)
            .into_iter()
            .map(|(mut points, closed)| {
                if let Some(&first) = points.first().filter(|_| closed) {
                    points.push(first);
                }
                points
            })
            .collect()
    }

    /// No edge of a projected ring runs across the map, except along its
    /// top or bottom (the poles, where a polar cap is closed).
    fn no_edge_spans_the_map(d: &str, width: f64, height: f64) -> bool {
        let at_pole = |y: f64| y < 0.5 || y > height - 0.5;
        rings_of(d).iter().all(|ring| {
            ring.windows(2).all(|w| {
                let (a, b) = (w[0], w[1]);
                (b.0 - a.0).abs() < width / 2.0 || (at_pole(a.1) && at_pole(b.1))
            })
        })
    }

    #[test]
    fn centred_on_changning_no_country_runs_across_the_map() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../public/map")
            .join(WORLD_FILE);
        let world = decode_world(&std::fs::read_to_string(path).unwrap()).unwrap();
        for central in [121.4245, 0.0, -73.9] {
            let projected = world.project(&WorldProjection::centred(1000.0, central));
            assert!(projected.countries.len() > 150);
            for country in &projected.countries {
                assert!(
                    no_edge_spans_the_map(&country.d, projected.width, projected.height),
                    "{:?} at {central}",
                    country.code
                );
            }
        }
    }

    #[test]
    fn a_cap_around_the_south_pole_is_closed_along_the_bottom() {
        // A cap crossing the seam once, between 170° and -170° relative.
        let ring = [
            (-170.0, -70.0),
            (0.0, -65.0),
            (170.0, -70.0),
            (-170.0, -70.0),
        ];
        let parts = cut_at_seam(&ring);
        let points: Vec<(f64, f64)> = parts.iter().flatten().copied().collect();
        assert!(
            points.contains(&(180.0, -90.0)) && points.contains(&(-180.0, -90.0)),
            "{parts:?}"
        );
        for part in &parts {
            assert_eq!(part.first(), part.last());
            assert!(
                part.iter().all(|p| (-180.0..=180.0).contains(&p.0)),
                "{part:?}"
            );
        }
    }

    #[test]
    fn a_cap_whose_coast_wiggles_across_the_seam_stays_on_the_map() {
        // Like the Antarctic Peninsula under a seam: three crossings.
        let ring = [
            (-100.0, -75.0),
            (0.0, -70.0),
            (100.0, -75.0),
            (179.0, -70.0),
            (-179.0, -65.0),
            (179.5, -63.0),
            (-178.0, -72.0),
            (-100.0, -75.0),
        ];
        let parts = cut_at_seam(&ring);
        assert!(!parts.is_empty());
        for part in &parts {
            assert!(
                part.iter().all(|p| (-180.0..=180.0).contains(&p.0)),
                "{part:?}"
            );
            for w in part.windows(2) {
                let along_an_edge = (w[0].0.abs() == 180.0 && w[1].0.abs() == 180.0)
                    || (w[0].1 == -90.0 && w[1].1 == -90.0);
                assert!((w[1].0 - w[0].0).abs() < 180.0 || along_an_edge, "{w:?}");
            }
        }
    }

    #[test]
    fn a_ring_across_the_antimeridian_is_cut_in_two() {
        // A square from 170°E to 170°W, like Fiji.
        let ring = [
            (170.0, -10.0),
            (-170.0, -10.0),
            (-170.0, -20.0),
            (170.0, -20.0),
            (170.0, -10.0),
        ];
        let parts = cut_at_antimeridian(&ring);
        assert_eq!(parts.len(), 2);
        let west_max = parts[0].iter().map(|p| p.0).fold(f64::MIN, f64::max);
        let east_min = parts[1].iter().map(|p| p.0).fold(f64::MAX, f64::min);
        assert_eq!((west_max, east_min), (180.0, -180.0));
        assert!(parts[0].iter().all(|p| p.0 >= 170.0) && parts[1].iter().all(|p| p.0 <= -170.0));
        for part in &parts {
            for w in part.windows(2) {
                assert!(
                    (w[1].0 - w[0].0).abs() <= 180.0,
                    "no edge spans the map: {part:?}"
                );
            }
        }
    }

    #[test]
    fn rings_that_do_not_cross_or_circle_a_pole_are_kept() {
        let square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 0.0)];
        assert_eq!(cut_at_antimeridian(&square), vec![square.to_vec()]);
        let polar = [
            (-180.0, -80.0),
            (0.0, -70.0),
            (180.0, -80.0),
            (180.0, -90.0),
            (-180.0, -90.0),
        ];
        assert_eq!(cut_at_antimeridian(&polar).len(), 1);
    }
}
