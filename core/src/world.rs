//! The app's own world map file (`/map/world-110m.json`): country outlines
//! already projected to Equal Earth, made by `cargo xtask gen-map` from
//! Natural Earth via npm's world-atlas.

use serde::{Deserialize, Serialize};

use crate::error::DataError;
use crate::json::decode_text;

pub const WORLD_FILE: &str = "world-110m.json";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct World {
    /// Where the outlines come from, and under which licence.
    pub source: String,
    /// The size of the world in world units (Equal Earth fitted to `width`).
    pub width: f64,
    pub height: f64,
    pub countries: Vec<CountryShape>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountryShape {
    /// ISO 3166-1 alpha-2, when the country has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub name: String,
    /// The outline as an SVG path in world units.
    pub d: String,
}

pub fn decode_world(text: &str) -> Result<World, DataError> {
    decode_text(WORLD_FILE, text)
}

/// Turns a TopoJSON topology (world-atlas' `countries-110m.json`) into
/// projected outlines. `alpha2` maps ISO numeric codes to alpha-2.
pub mod topojson {
    use std::collections::HashMap;

    use serde::Deserialize;

    use super::{CountryShape, World};
    use crate::geo::{svg_path, WorldProjection};

    #[derive(Deserialize)]
    struct Topology {
        transform: Transform,
        arcs: Vec<Vec<[i64; 2]>>,
        objects: Objects,
    }

    #[derive(Deserialize)]
    struct Transform {
        scale: [f64; 2],
        translate: [f64; 2],
    }

    #[derive(Deserialize)]
    struct Objects {
        countries: Collection,
    }

    #[derive(Deserialize)]
    struct Collection {
        geometries: Vec<Geometry>,
    }

    #[derive(Deserialize)]
    struct Geometry {
        #[serde(rename = "type")]
        kind: String,
        #[serde(default)]
        arcs: serde_json::Value,
        #[serde(default)]
        id: Option<String>,
        properties: Properties,
    }

    #[derive(Deserialize)]
    struct Properties {
        name: String,
    }

    /// Projects every country to Equal Earth fitted to `width` world units,
    /// dropping points closer than `min_step` to the previous one.
    pub fn to_world(
        topology: &str,
        alpha2: &HashMap<String, String>,
        width: f64,
        min_step: f64,
        source: &str,
    ) -> Result<World, String> {
        let topo: Topology =
            serde_json::from_str(topology).map_err(|e| format!("not a TopoJSON topology: {e}"))?;
        let projection = WorldProjection::fit_width(width);
        let arcs: Vec<Vec<(f64, f64)>> = topo
            .arcs
            .iter()
            .map(|arc| decode_arc(arc, &topo.transform))
            .collect();
        let mut countries = Vec::new();
        for geometry in topo.objects.countries.geometries {
            let polygons: Vec<Vec<Vec<i64>>> = match geometry.kind.as_str() {
                "Polygon" => {
                    vec![serde_json::from_value(geometry.arcs).map_err(|e| e.to_string())?]
                }
                "MultiPolygon" => {
                    serde_json::from_value(geometry.arcs).map_err(|e| e.to_string())?
                }
                _ => continue,
            };
            let rings: Vec<Vec<(f64, f64)>> = polygons
                .iter()
                .flatten()
                .map(|ring| ring_points(ring, &arcs))
                .flat_map(|ring| cut_at_antimeridian(&ring))
                .map(|ring| {
                    thin(
                        ring.into_iter()
                            .map(|(lon, lat)| projection.project(lon, lat))
                            .collect(),
                        min_step,
                    )
                })
                .filter(|ring| ring.len() >= 3)
                .collect();
            if rings.is_empty() {
                continue;
            }
            let code = geometry.id.as_ref().and_then(|id| alpha2.get(id)).cloned();
            countries.push(CountryShape {
                code,
                name: geometry.properties.name,
                d: svg_path(rings.iter().map(Vec::as_slice), true),
            });
        }
        let (w, h) = projection.size();
        Ok(World {
            source: source.to_owned(),
            width: w,
            height: (h * 10.0).round() / 10.0,
            countries,
        })
    }

    fn decode_arc(arc: &[[i64; 2]], t: &Transform) -> Vec<(f64, f64)> {
        let (mut x, mut y) = (0i64, 0i64);
        arc.iter()
            .map(|[dx, dy]| {
                x += dx;
                y += dy;
                (
                    x as f64 * t.scale[0] + t.translate[0],
                    y as f64 * t.scale[1] + t.translate[1],
                )
            })
            .collect()
    }

    /// A ring from arc indexes; a negative index `!i` is arc `i` reversed.
    fn ring_points(ring: &[i64], arcs: &[Vec<(f64, f64)>]) -> Vec<(f64, f64)> {
        let mut points: Vec<(f64, f64)> = Vec::new();
        for &index in ring {
            let (arc, reversed) = if index >= 0 {
                (index as usize, false)
            } else {
                ((!index) as usize, true)
            };
            let Some(arc) = arcs.get(arc) else { continue };
            let mut part = arc.clone();
            if reversed {
                part.reverse();
            }
            // Consecutive arcs share their joining point.
            let skip = usize::from(!points.is_empty());
            points.extend(part.into_iter().skip(skip));
        }
        points
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
        let west = clip_half_plane(&unwrapped, |lon| lon <= 180.0);
        let east: Vec<(f64, f64)> = clip_half_plane(&unwrapped, |lon| lon >= 180.0)
            .into_iter()
            .map(|(lon, lat)| (lon - 360.0, lat))
            .collect();
        [west, east].into_iter().filter(|r| r.len() >= 3).collect()
    }

    /// Sutherland–Hodgman against the meridian 180° (in unwrapped longitudes).
    fn clip_half_plane(ring: &[(f64, f64)], inside: impl Fn(f64) -> bool) -> Vec<(f64, f64)> {
        let mut out = Vec::new();
        for i in 0..ring.len() {
            let (p, q) = (ring[i], ring[(i + 1) % ring.len()]);
            let (p_in, q_in) = (inside(p.0), inside(q.0));
            if p_in {
                out.push(p);
            }
            if p_in != q_in && (q.0 - p.0).abs() > f64::EPSILON {
                let t = (180.0 - p.0) / (q.0 - p.0);
                out.push((180.0, p.1 + t * (q.1 - p.1)));
            }
        }
        out
    }

    fn thin(points: Vec<(f64, f64)>, min_step: f64) -> Vec<(f64, f64)> {
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
            assert!(
                parts[0].iter().all(|p| p.0 >= 170.0) && parts[1].iter().all(|p| p.0 <= -170.0)
            );
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

        #[test]
        fn decodes_delta_arcs_and_reversed_references() {
            // Two arcs forming a square around (0..10, 0..10) degrees.
            let topology = r#"{"type": "Topology",
                "transform": {"scale": [1, 1], "translate": [0, 0]},
                "arcs": [[[0, 0], [10, 0], [0, 10]], [[0, 0], [0, 10], [10, 0]]],
                "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                    {"type": "Polygon", "arcs": [[0, -2]], "id": "392", "properties": {"name": "Square"}},
                    {"type": "Point", "properties": {"name": "Ignored"}}
                ]}}}"#;
            let codes = HashMap::from([("392".to_owned(), "JP".to_owned())]);
            let world = to_world(topology, &codes, 1000.0, 0.0, "test").unwrap();
            assert_eq!(world.countries.len(), 1);
            let country = &world.countries[0];
            assert_eq!(country.code.as_deref(), Some("JP"));
            // Arc 0 goes (0,0)→(10,0)→(10,10); arc 1 reversed goes (10,10)→(0,10)→(0,0).
            assert_eq!(country.d.matches('L').count(), 4, "{}", country.d);
            assert!(country.d.ends_with('Z'));
            let p = WorldProjection::fit_width(1000.0);
            let (x, y) = p.project(10.0, 10.0);
            assert!(
                country
                    .d
                    .contains(&format!("{}", (x * 10.0).round() / 10.0)),
                "{}",
                country.d
            );
            assert!(y < p.project(0.0, 0.0).1);
        }
    }
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
}
