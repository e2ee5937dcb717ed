//! Marker shapes: one per relation, so markers differ by shape as well as
//! by colour; and the home district's star.

use crate::cities::Relation;

/// The home district's marker: a star.
pub const HOME_SHAPE: &str =
    "M0-10L2.9-4L9.5-3.1L4.7 1.5L5.9 8.1L0 5L-5.9 8.1L-4.7 1.5L-9.5-3.1L-2.9-4Z";

/// Marker shapes, centred on the origin, `r` pixels in radius.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerShape {
    Circle,
    Diamond,
    Triangle,
}

impl MarkerShape {
    /// The shape as an SVG path.
    pub fn path(self, r: f64) -> String {
        match self {
            MarkerShape::Circle => format!(
                "M{} 0a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 {} 0Z",
                -r,
                2.0 * r,
                -2.0 * r
            ),
            MarkerShape::Diamond => format!("M0 {0}L{1} 0L0 {1}L{0} 0Z", -r * 1.2, r * 1.2),
            MarkerShape::Triangle => {
                format!("M0 {}L{} {}L{} {}Z", -r * 1.15, r, r * 0.85, -r, r * 0.85)
            }
        }
    }
}

impl MarkerShape {
    /// The shape of a relation's markers (and of its legend entry).
    pub fn for_relation(relation: Relation) -> Self {
        match relation {
            Relation::Sister => MarkerShape::Circle,
            Relation::Exchange => MarkerShape::Diamond,
            Relation::Contact => MarkerShape::Triangle,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_shapes_are_well_formed_paths() {
        assert_eq!(
            MarkerShape::Circle.path(7.0),
            "M-7 0a7 7 0 1 0 14 0a7 7 0 1 0 -14 0Z"
        );
        assert_eq!(MarkerShape::Diamond.path(5.0), "M0 -6L6 0L0 6L-6 0Z");
        assert_eq!(MarkerShape::Triangle.path(4.0), "M0 -4.6L4 3.4L-4 3.4Z");
    }

    #[test]
    fn each_relation_has_its_own_shape() {
        let shapes: Vec<MarkerShape> = Relation::ALL
            .iter()
            .map(|&r| MarkerShape::for_relation(r))
            .collect();
        assert_eq!(
            shapes,
            [
                MarkerShape::Circle,
                MarkerShape::Diamond,
                MarkerShape::Triangle
            ]
        );
        assert_eq!(
            MarkerShape::for_relation(Relation::Exchange).path(5.0),
            "M0 -6L6 0L0 6L-6 0Z"
        );
    }
}
