//! Pan and zoom of the map, and where markers and labels go on screen.
//!
//! The world is drawn once in "world units" (the projection fitted to the
//! map's width); a [`MapView`] maps world units to screen pixels with one
//! scale and one translation, so panning and zooming change a single
//! transform, never each marker.

use std::collections::HashMap;

/// A rectangle in screen pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, width: f64, height: f64) -> Self {
        Self {
            x,
            y,
            width,
            height,
        }
    }

    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.width
            && other.x < self.x + self.width
            && self.y < other.y + other.height
            && other.y < self.y + self.height
    }

    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.x + self.width && y >= self.y && y <= self.y + self.height
    }

    pub fn inside(&self, outer: &Rect) -> bool {
        self.x >= outer.x
            && self.y >= outer.y
            && self.x + self.width <= outer.x + outer.width
            && self.y + self.height <= outer.y + outer.height
    }
}

pub const MIN_ZOOM: f64 = 1.0;
pub const MAX_ZOOM: f64 = 64.0;

/// Screen = world × `k` + (`tx`, `ty`), for a viewport of `width` × `height`
/// showing a world of the same size at zoom 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapView {
    pub k: f64,
    pub tx: f64,
    pub ty: f64,
    pub width: f64,
    pub height: f64,
}

impl MapView {
    /// The whole world, for a viewport of this size.
    pub fn whole(width: f64, height: f64) -> Self {
        Self {
            k: 1.0,
            tx: 0.0,
            ty: 0.0,
            width,
            height,
        }
    }

    pub fn to_screen(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (x * self.k + self.tx, y * self.k + self.ty)
    }

    pub fn to_world(&self, (x, y): (f64, f64)) -> (f64, f64) {
        ((x - self.tx) / self.k, (y - self.ty) / self.k)
    }

    /// Zooms by `factor` keeping the world point under `at` (screen) in place.
    pub fn zoom_at(self, at: (f64, f64), factor: f64) -> Self {
        let k = (self.k * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let world = self.to_world(at);
        Self {
            k,
            tx: at.0 - world.0 * k,
            ty: at.1 - world.1 * k,
            ..self
        }
        .clamped()
    }

    /// Zooms about the centre of the viewport.
    pub fn zoom(self, factor: f64) -> Self {
        self.zoom_at((self.width / 2.0, self.height / 2.0), factor)
    }

    /// Moves the map by (`dx`, `dy`) screen pixels.
    pub fn pan(self, dx: f64, dy: f64) -> Self {
        Self {
            tx: self.tx + dx,
            ty: self.ty + dy,
            ..self
        }
        .clamped()
    }

    /// Centres the world point `at`, zooming in to at least `k`.
    pub fn centre_on(self, at: (f64, f64), k: f64) -> Self {
        let k = self.k.max(k).clamp(MIN_ZOOM, MAX_ZOOM);
        Self {
            k,
            tx: self.width / 2.0 - at.0 * k,
            ty: self.height / 2.0 - at.1 * k,
            ..self
        }
        .clamped()
    }

    /// Keeps some of the world in view: it may not be dragged out of sight.
    fn clamped(self) -> Self {
        let (w, h) = (self.width * self.k, self.height * self.k);
        let clamp_axis = |t: f64, size: f64, view: f64| {
            if size <= view {
                (view - size) / 2.0
            } else {
                t.clamp(view - size, 0.0)
            }
        };
        Self {
            tx: clamp_axis(self.tx, w, self.width),
            ty: clamp_axis(self.ty, h, self.height),
            ..self
        }
    }

    /// The viewport, in screen units.
    pub fn screen(&self) -> Rect {
        Rect::new(0.0, 0.0, self.width, self.height)
    }

    /// The viewport grown by `fraction` of its size on every side, so that
    /// markers just off screen are ready when a drag brings them in.
    pub fn screen_with_margin(&self, fraction: f64) -> Rect {
        let (mx, my) = (self.width * fraction, self.height * fraction);
        Rect::new(-mx, -my, self.width + 2.0 * mx, self.height + 2.0 * my)
    }
}

/// Markers drawn at one place: a single partner, or a cluster of them.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkerGroup {
    /// Indexes into the points given to [`group_markers`].
    pub members: Vec<usize>,
    /// Where to draw it, in world units.
    pub at: (f64, f64),
}

/// Groups the points (world units) that fall inside `area` (screen units)
/// for `view`: a screen cell of `cell` units holding `cluster_from` or more
/// points becomes one cluster; fewer are drawn one by one. Points outside
/// `area` are left out.
pub fn group_markers(
    points: &[(f64, f64)],
    view: &MapView,
    area: Rect,
    cell: f64,
    cluster_from: usize,
) -> Vec<MarkerGroup> {
    use std::collections::BTreeMap;
    let screen = area;
    let mut cells: BTreeMap<(i64, i64), Vec<usize>> = BTreeMap::new();
    for (i, &p) in points.iter().enumerate() {
        let (x, y) = view.to_screen(p);
        if screen.contains(x, y) {
            cells
                .entry(((x / cell).floor() as i64, (y / cell).floor() as i64))
                .or_default()
                .push(i);
        }
    }
    let mut groups = Vec::new();
    for members in cells.into_values() {
        if members.len() >= cluster_from.max(2) {
            let n = members.len() as f64;
            let (sx, sy) = members.iter().fold((0.0, 0.0), |(sx, sy), &i| {
                (sx + points[i].0, sy + points[i].1)
            });
            groups.push(MarkerGroup {
                members,
                at: (sx / n, sy / n),
            });
        } else {
            groups.extend(members.into_iter().map(|i| MarkerGroup {
                members: vec![i],
                at: points[i],
            }));
        }
    }
    groups
}

/// Groups points (screen units) so that touch targets never overlap: each
/// point joins the first group whose seed is within `distance`, or seeds a
/// new one. Seeds are therefore at least `distance` apart, and every point is
/// within `distance` of its group's seed (the group's first member).
///
/// Seeds are kept in a grid of `distance`-wide cells, so each point looks
/// only at the seeds of its own and the eight neighbouring cells.
pub fn group_by_distance(points: &[(f64, f64)], distance: f64) -> Vec<Vec<usize>> {
    let cell = |(x, y): (f64, f64)| ((x / distance).floor() as i64, (y / distance).floor() as i64);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut seeds: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (i, &(x, y)) in points.iter().enumerate() {
        let (cx, cy) = cell((x, y));
        let near = (cx - 1..=cx + 1)
            .flat_map(|gx| (cy - 1..=cy + 1).map(move |gy| (gx, gy)))
            .filter_map(|key| seeds.get(&key))
            .flatten()
            .copied()
            .filter(|&g| {
                let (sx, sy) = points[groups[g][0]];
                (sx - x).hypot(sy - y) < distance
            })
            .min();
        match near {
            Some(g) => groups[g].push(i),
            None => {
                seeds.entry((cx, cy)).or_default().push(groups.len());
                groups.push(vec![i]);
            }
        }
    }
    groups
}

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
            let candidates = [
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
            ];
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

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let view = MapView::whole(1000.0, 500.0);
        let at = (700.0, 200.0);
        let before = view.to_world(at);
        let zoomed = view.zoom_at(at, 4.0);
        assert_eq!(zoomed.k, 4.0);
        let after = zoomed.to_world(at);
        assert!(close(before.0, after.0) && close(before.1, after.1));
    }

    #[test]
    fn zoom_is_bounded() {
        let view = MapView::whole(1000.0, 500.0);
        assert_eq!(view.zoom(0.1).k, MIN_ZOOM);
        assert_eq!(view.zoom(1e6).k, MAX_ZOOM);
    }

    #[test]
    fn the_world_cannot_be_dragged_out_of_sight() {
        let view = MapView::whole(1000.0, 500.0);
        assert_eq!(
            view.pan(300.0, 0.0),
            view,
            "at zoom 1 the whole world stays put"
        );
        let zoomed = view.zoom(2.0).pan(-5000.0, -5000.0);
        assert!(close(zoomed.tx, 1000.0 - 2000.0) && close(zoomed.ty, 500.0 - 1000.0));
        let back = zoomed.pan(99999.0, 99999.0);
        assert!(close(back.tx, 0.0) && close(back.ty, 0.0));
    }

    #[test]
    fn centring_puts_the_point_in_the_middle() {
        let view = MapView::whole(1000.0, 500.0).centre_on((600.0, 200.0), 4.0);
        let (x, y) = view.to_screen((600.0, 200.0));
        assert!(close(x, 500.0) && close(y, 250.0));
        assert_eq!(view.k, 4.0);
    }

    #[test]
    fn few_points_stay_single_and_many_in_a_cell_cluster() {
        let view = MapView::whole(1000.0, 500.0);
        let points = [(10.0, 10.0), (12.0, 12.0), (500.0, 250.0)];
        let groups = group_markers(&points, &view, view.screen(), 32.0, 5);
        assert_eq!(groups.len(), 3);
        let dense: Vec<(f64, f64)> = (0..6)
            .map(|i| (100.0 + i as f64, 100.0))
            .chain([(900.0, 400.0)])
            .collect();
        let groups = group_markers(&dense, &view, view.screen(), 32.0, 5);
        assert_eq!(groups.len(), 2);
        let cluster = groups.iter().find(|g| g.members.len() > 1).unwrap();
        assert_eq!(cluster.members, [0, 1, 2, 3, 4, 5]);
        assert!(close(cluster.at.0, 102.5));
    }

    #[test]
    fn points_off_screen_are_left_out() {
        let view = MapView::whole(1000.0, 500.0).centre_on((100.0, 100.0), 8.0);
        let groups = group_markers(
            &[(100.0, 100.0), (900.0, 400.0)],
            &view,
            view.screen(),
            32.0,
            5,
        );
        let members: Vec<usize> = groups.iter().flat_map(|g| g.members.clone()).collect();
        assert_eq!(members, [0]);
    }

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
    fn distance_groups_keep_seeds_apart_and_members_near() {
        let points = [
            (0.0, 0.0),
            (10.0, 0.0),
            (50.0, 0.0),
            (60.0, 5.0),
            (200.0, 200.0),
            (30.0, 0.0),
        ];
        let groups = group_by_distance(&points, 46.0);
        assert_eq!(groups, vec![vec![0, 1, 5], vec![2, 3], vec![4]]);
        for (a, ga) in groups.iter().enumerate() {
            for gb in &groups[a + 1..] {
                let (p, q) = (points[ga[0]], points[gb[0]]);
                assert!((p.0 - q.0).hypot(p.1 - q.1) >= 46.0);
            }
            for &m in ga {
                let (p, q) = (points[ga[0]], points[m]);
                assert!((p.0 - q.0).hypot(p.1 - q.1) < 46.0);
            }
        }
    }

    /// Repeatable pseudo-random whole numbers below `below`, as `f64`.
    fn pseudo_random(seed: u64, below: u64) -> impl FnMut() -> f64 {
        let mut state = seed;
        move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) % below) as f64
        }
    }

    #[test]
    fn distance_groups_match_the_pairwise_definition() {
        // The grid must give exactly what comparing with every seed gives.
        let mut next = pseudo_random(12345, 1000);
        let points: Vec<(f64, f64)> = (0..2000).map(|_| (next(), next() / 2.0)).collect();
        let mut expected: Vec<Vec<usize>> = Vec::new();
        for (i, &(x, y)) in points.iter().enumerate() {
            match expected.iter_mut().find(|g| {
                let (sx, sy) = points[g[0]];
                (sx - x).hypot(sy - y) < 46.0
            }) {
                Some(g) => g.push(i),
                None => expected.push(vec![i]),
            }
        }
        assert_eq!(group_by_distance(&points, 46.0), expected);
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
    fn marker_shapes_are_well_formed_paths() {
        assert_eq!(
            MarkerShape::Circle.path(7.0),
            "M-7 0a7 7 0 1 0 14 0a7 7 0 1 0 -14 0Z"
        );
        assert_eq!(MarkerShape::Diamond.path(5.0), "M0 -6L6 0L0 6L-6 0Z");
        assert_eq!(MarkerShape::Triangle.path(4.0), "M0 -4.6L4 3.4L-4 3.4Z");
    }

    #[test]
    fn label_width_counts_cjk_as_one_em() {
        assert_eq!(label_width("枚方市", 10.0), 30.0);
        assert_eq!(label_width("Sopot", 10.0), 30.0);
    }
}
