//! Turns a TopoJSON topology (world-atlas' `countries-110m.json`) into
//! rings of (lon, lat) for the app's world file. `alpha2` maps ISO numeric
//! codes to alpha-2.

use std::collections::HashMap;

use serde::Deserialize;

use super::{thin, Country, World};

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

/// Every country as rings of (lon, lat), each point at least
/// `min_step` degrees from the one before.
pub fn to_world(
    topology: &str,
    alpha2: &HashMap<String, String>,
    min_step: f64,
    source: &str,
) -> Result<World, String> {
    let topo: Topology =
        serde_json::from_str(topology).map_err(|e| format!("not a TopoJSON topology: {e}"))?;
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
            "MultiPolygon" => serde_json::from_value(geometry.arcs).map_err(|e| e.to_string())?,
            _ => continue,
        };
        let rings: Vec<Vec<(f64, f64)>> = polygons
            .iter()
            .flatten()
            .map(|ring| thin(ring_points(ring, &arcs), min_step))
            .filter(|ring| ring.len() >= 3)
            .collect();
        if rings.is_empty() {
            continue;
        }
        let code = geometry.id.as_ref().and_then(|id| alpha2.get(id)).cloned();
        countries.push(Country::new(code, geometry.properties.name, &rings));
    }
    Ok(World {
        source: source.to_owned(),
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

#[cfg(test)]
mod tests {
    use super::*;

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
        let world = to_world(topology, &codes, 0.0, "test").unwrap();
        assert_eq!(world.countries.len(), 1);
        let country = &world.countries[0];
        assert_eq!(country.code.as_deref(), Some("JP"));
        // Arc 0 goes (0,0)→(10,0)→(10,10); arc 1 reversed goes (10,10)→(0,10)→(0,0).
        assert_eq!(
            country.rings(),
            vec![vec![
                (0.0, 0.0),
                (10.0, 0.0),
                (10.0, 10.0),
                (0.0, 10.0),
                (0.0, 0.0)
            ]]
        );
    }
}
