//! Names beside markers, placed so that none overlaps another or covers a
//! marker; what does not fit is left out (the marker still carries it).

use std::collections::HashMap;

use super::view::Rect;

/// Rectangles looked up by the grid cells they cover, so that checking a
/// new label against those already placed costs what is near it, not
/// everything on the map.
struct RectGrid {
    cell: f64,
    cells: HashMap<(i64, i64), Vec<usize>>,
    rects: Vec<Rect>,
}

impl RectGrid {
    fn new(cell: f64) -> Self {
        Self {
            cell,
            cells: HashMap::new(),
            rects: Vec::new(),
        }
    }

    fn keys(&self, r: &Rect) -> impl Iterator<Item = (i64, i64)> {
        let c = self.cell;
        let (x0, x1) = (
            (r.x / c).floor() as i64,
            ((r.x + r.width) / c).floor() as i64,
        );
        let (y0, y1) = (
            (r.y / c).floor() as i64,
            ((r.y + r.height) / c).floor() as i64,
        );
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    fn insert(&mut self, r: Rect) -> usize {
        let index = self.rects.len();
        let keys: Vec<_> = self.keys(&r).collect();
        for key in keys {
            self.cells.entry(key).or_default().push(index);
        }
        self.rects.push(r);
        index
    }

    /// Whether `r` overlaps any rectangle here but `except`.
    fn overlaps(&self, r: &Rect, except: Option<usize>) -> bool {
        self.keys(r)
            .filter_map(|key| self.cells.get(&key))
            .flatten()
            .any(|&i| Some(i) != except && self.rects[i].overlaps(r))
    }
}

/// Where a label sits relative to its marker, in screen pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelPlacement {
    /// Offset of the label's text anchor from the marker centre.
    pub dx: f64,
    pub dy: f64,
    pub anchor: TextAnchor,
    /// The box the label covers, relative to the marker centre.
    pub bounds: Rect,
}

impl LabelPlacement {
    /// The box the label covers on screen, for a marker at `(x, y)`.
    pub fn at(&self, (x, y): (f64, f64)) -> Rect {
        Rect::new(
            x + self.bounds.x,
            y + self.bounds.y,
            self.bounds.width,
            self.bounds.height,
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextAnchor {
    Start,
    Middle,
    End,
}

impl TextAnchor {
    pub fn as_svg(self) -> &'static str {
        match self {
            TextAnchor::Start => "start",
            TextAnchor::Middle => "middle",
            TextAnchor::End => "end",
        }
    }
}

/// The width of a label in pixels at `font_px`, estimated: CJK characters
/// are one em, others about 0.6 em.
pub fn label_width(text: &str, font_px: f64) -> f64 {
    text.chars()
        .map(|c| if c as u32 >= 0x2E80 { 1.0 } else { 0.6 })
        .sum::<f64>()
        * font_px
}

/// Places labels next to their markers (screen pixels) so that no two
/// labels overlap each other or cover another marker, and all stay inside
/// `bounds`. Earlier labels are placed first; a label with no free place is
/// left out (`None`): its marker still carries the name.
pub fn place_labels(
    markers: &[(f64, f64)],
    sizes: &[(f64, f64)],
    marker_radius: f64,
    bounds: Rect,
) -> Vec<Option<LabelPlacement>> {
    let gap = marker_radius + 3.0;
    // Cells about the size of a label, so each look-up touches a few.
    let cell = sizes
        .iter()
        .map(|&(w, _)| w)
        .fold(4.0 * marker_radius, f64::max)
        .min(256.0);
    let mut marker_boxes = RectGrid::new(cell);
    for &(x, y) in markers {
        marker_boxes.insert(Rect::new(
            x - marker_radius,
            y - marker_radius,
            2.0 * marker_radius,
            2.0 * marker_radius,
        ));
    }
    let mut taken = RectGrid::new(cell);
    markers
        .iter()
        .zip(sizes)
        .enumerate()
        .map(|(i, (&(x, y), &(w, h)))| {
            let candidates = candidate_places(gap, w, h);
            let free = candidates.into_iter().find(|&(_, _, _, rel)| {
                let abs = Rect::new(x + rel.x, y + rel.y, rel.width, rel.height);
                abs.inside(&bounds)
                    && !taken.overlaps(&abs, None)
                    && !marker_boxes.overlaps(&abs, Some(i))
            });
            free.map(|(dx, dy, anchor, rel)| {
                taken.insert(Rect::new(x + rel.x, y + rel.y, rel.width, rel.height));
                LabelPlacement {
                    dx,
                    dy,
                    anchor,
                    bounds: rel,
                }
            })
        })
        .collect()
}

/// Where a label of `w`×`h` may go beside a marker, in order of
/// preference (right, left, above, below, then the four diagonals): its
/// text's offset and anchor, and its box relative to the marker.
fn candidate_places(gap: f64, w: f64, h: f64) -> [(f64, f64, TextAnchor, Rect); 8] {
    [
        (
            gap,
            h * 0.35,
            TextAnchor::Start,
            Rect::new(gap, -h / 2.0, w, h),
        ),
        (
            -gap,
            h * 0.35,
            TextAnchor::End,
            Rect::new(-gap - w, -h / 2.0, w, h),
        ),
        (
            0.0,
            -gap,
            TextAnchor::Middle,
            Rect::new(-w / 2.0, -gap - h * 0.85, w, h),
        ),
        (
            0.0,
            gap + h * 0.7,
            TextAnchor::Middle,
            Rect::new(-w / 2.0, gap - h * 0.15, w, h),
        ),
        (
            gap * 0.7,
            -gap * 0.7,
            TextAnchor::Start,
            Rect::new(gap * 0.7, -gap * 0.7 - h * 0.85, w, h),
        ),
        (
            gap * 0.7,
            gap * 0.7 + h * 0.7,
            TextAnchor::Start,
            Rect::new(gap * 0.7, gap * 0.7 - h * 0.15, w, h),
        ),
        (
            -gap * 0.7,
            -gap * 0.7,
            TextAnchor::End,
            Rect::new(-gap * 0.7 - w, -gap * 0.7 - h * 0.85, w, h),
        ),
        (
            -gap * 0.7,
            gap * 0.7 + h * 0.7,
            TextAnchor::End,
            Rect::new(-gap * 0.7 - w, gap * 0.7 - h * 0.15, w, h),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::map::test_support::pseudo_random;

    #[test]
    fn labels_never_overlap_and_stay_beside_their_marker() {
        // A tight group, like the European partners at world zoom.
        let markers: Vec<(f64, f64)> = vec![
            (520.0, 120.0),
            (545.0, 122.0),
            (548.0, 160.0),
            (555.0, 163.0),
            (560.0, 150.0),
        ];
        let sizes: Vec<(f64, f64)> = [
            "ソポト市",
            "ミンスク市ソビエト地区",
            "シロス島",
            "カルシヤカ区",
            "X",
        ]
        .iter()
        .map(|t| (label_width(t, 12.0), 14.0))
        .collect();
        let bounds = Rect::new(0.0, 0.0, 1000.0, 500.0);
        let placed = place_labels(&markers, &sizes, 6.0, bounds);
        let boxes: Vec<Rect> = placed
            .iter()
            .zip(&markers)
            .filter_map(|(p, &at)| p.map(|p| p.at(at)))
            .collect();
        assert!(boxes.len() >= 3, "most labels find a place: {placed:?}");
        for (i, a) in boxes.iter().enumerate() {
            assert!(a.inside(&bounds));
            for b in &boxes[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
        }
        for (p, &(x, y)) in placed.iter().zip(&markers) {
            if let Some(p) = p {
                let b = Rect::new(
                    x + p.bounds.x - 10.0,
                    y + p.bounds.y - 10.0,
                    p.bounds.width + 20.0,
                    p.bounds.height + 20.0,
                );
                assert!(b.contains(x, y), "label is next to its marker");
            }
        }
    }

    #[test]
    fn a_lone_label_goes_to_the_right_unless_the_edge_is_near() {
        let bounds = Rect::new(0.0, 0.0, 100.0, 100.0);
        let right = place_labels(&[(10.0, 50.0)], &[(40.0, 14.0)], 5.0, bounds);
        assert_eq!(right[0].unwrap().anchor, TextAnchor::Start);
        let left = place_labels(&[(95.0, 50.0)], &[(40.0, 14.0)], 5.0, bounds);
        assert_eq!(left[0].unwrap().anchor, TextAnchor::End);
    }

    #[test]
    fn labels_for_hundreds_of_markers_never_overlap() {
        let mut next = pseudo_random(99, 1280);
        let markers: Vec<(f64, f64)> = (0..400).map(|_| (next(), next() / 2.0)).collect();
        let sizes = vec![(60.0, 15.0); markers.len()];
        let bounds = Rect::new(0.0, 0.0, 1280.0, 640.0);
        let placed = place_labels(&markers, &sizes, 7.0, bounds);
        let boxes: Vec<(usize, Rect)> = placed
            .iter()
            .zip(&markers)
            .enumerate()
            .filter_map(|(j, (p, &at))| p.map(|p| (j, p.at(at))))
            .collect();
        assert!(boxes.len() > 40, "{} labels placed", boxes.len());
        for (i, (owner, a)) in boxes.iter().enumerate() {
            for (_, b) in &boxes[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
            for (j, &(x, y)) in markers.iter().enumerate() {
                let m = Rect::new(x - 7.0, y - 7.0, 14.0, 14.0);
                assert!(j == *owner || !a.overlaps(&m), "a label covers marker {j}");
            }
        }
    }

    #[test]
    fn label_width_counts_cjk_as_one_em() {
        assert_eq!(label_width("枚方市", 10.0), 30.0);
        assert_eq!(label_width("Sopot", 10.0), 30.0);
    }
}
