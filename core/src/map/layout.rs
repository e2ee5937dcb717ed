//! Which markers the map draws for a view: partners off screen left out,
//! dense places clustered (on a touch screen, anything closer than a
//! fingertip), each single partner with its label if one fits. Pure, so the
//! map component only renders what this decides.

use std::collections::{BTreeMap, HashMap};

use super::labels::{place_labels, TextAnchor};
use super::view::{MapView, Rect};

/// How markers are laid out, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutOptions {
    /// A marker's radius.
    pub marker_px: f64,
    /// A label's font size.
    pub label_px: f64,
    /// A screen cell this wide holding `cluster_from` or more partners
    /// becomes one cluster.
    pub cluster_cell_px: f64,
    pub cluster_from: usize,
    /// On a touch screen: partners closer than this share one target, so
    /// that no two targets of this size overlap.
    pub touch_px: Option<f64>,
}

/// One thing drawn on the map at a place (world units).
#[derive(Debug, Clone, PartialEq)]
pub enum Marker {
    Partner {
        /// The partner's index in the data.
        index: usize,
        at: (f64, f64),
        label: Option<Label>,
    },
    Cluster {
        count: usize,
        at: (f64, f64),
    },
}

/// Where a marker's label goes, relative to it, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Label {
    pub dx: f64,
    pub dy: f64,
    pub anchor: TextAnchor,
}

/// The markers for `view`. `partners` holds each partner to show as (its
/// index in the data, its position in world units); `label_width` gives the
/// width in pixels of a partner's label; `units_per_px` is world units per
/// CSS pixel at zoom 1. Markers come west to east: the order Tab walks them.
pub fn layout_markers(
    partners: &[(usize, (f64, f64))],
    label_width: impl Fn(usize) -> f64,
    view: &MapView,
    units_per_px: f64,
    options: &LayoutOptions,
) -> Vec<Marker> {
    let points: Vec<(f64, f64)> = partners.iter().map(|&(_, at)| at).collect();
    let area = view.screen_with_margin(0.5);
    // Screen units to CSS pixels.
    let px = |(x, y): (f64, f64)| (x / units_per_px, y / units_per_px);
    let mut groups: Vec<MarkerGroup> = match options.touch_px {
        Some(touch) => group_for_touch(&points, view, area, px, touch),
        None => group_markers(
            &points,
            view,
            area,
            options.cluster_cell_px * units_per_px,
            options.cluster_from,
        ),
    };
    groups.sort_by(|a, b| a.at.0.total_cmp(&b.at.0).then(a.at.1.total_cmp(&b.at.1)));
    // Labels for single markers, placed in screen pixels.
    let singles: Vec<(usize, (f64, f64))> = groups
        .iter()
        .filter(|g| g.members.len() == 1)
        .map(|g| (partners[g.members[0]].0, g.at))
        .collect();
    let anchors: Vec<(f64, f64)> = singles
        .iter()
        .map(|&(_, at)| px(view.to_screen(at)))
        .collect();
    let sizes: Vec<(f64, f64)> = singles
        .iter()
        .map(|&(index, _)| (label_width(index), options.label_px * 1.3))
        .collect();
    let bounds = Rect::new(
        0.0,
        0.0,
        view.width / units_per_px,
        view.height / units_per_px,
    );
    let placed = place_labels(&anchors, &sizes, options.marker_px, bounds);
    let labels: HashMap<usize, Label> = singles
        .iter()
        .zip(placed)
        .filter_map(|(&(index, _), p)| {
            p.map(|p| {
                let label = Label {
                    dx: p.dx,
                    dy: p.dy,
                    anchor: p.anchor,
                };
                (index, label)
            })
        })
        .collect();
    groups
        .into_iter()
        .map(|g| match g.members.as_slice() {
            [one] => {
                let index = partners[*one].0;
                Marker::Partner {
                    index,
                    at: g.at,
                    label: labels.get(&index).copied(),
                }
            }
            many => Marker::Cluster {
                count: many.len(),
                at: g.at,
            },
        })
        .collect()
}

/// On a touch screen: the markers on screen closer than `touch` CSS pixels
/// (`px`: screen units to pixels) share a group.
fn group_for_touch(
    points: &[(f64, f64)],
    view: &MapView,
    area: Rect,
    px: impl Fn((f64, f64)) -> (f64, f64),
    touch: f64,
) -> Vec<MarkerGroup> {
    let on_screen: Vec<usize> = (0..points.len())
        .filter(|&i| {
            let (x, y) = view.to_screen(points[i]);
            area.contains(x, y)
        })
        .collect();
    let positions: Vec<(f64, f64)> = on_screen
        .iter()
        .map(|&i| px(view.to_screen(points[i])))
        .collect();
    group_by_distance(&positions, touch)
        .into_iter()
        .map(|g| MarkerGroup {
            at: points[on_screen[g[0]]],
            members: g.into_iter().map(|j| on_screen[j]).collect(),
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    use crate::map::test_support::pseudo_random;

    #[test]
    fn few_points_stay_single_and_many_in_a_cell_cluster() {
        let view = MapView::whole((1000.0, 500.0), (1000.0, 500.0));
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
        let view = MapView::whole((1000.0, 500.0), (1000.0, 500.0)).centre_on((100.0, 100.0), 8.0);
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

    const MAP: LayoutOptions = LayoutOptions {
        marker_px: 7.0,
        label_px: 12.0,
        cluster_cell_px: 28.0,
        cluster_from: 6,
        touch_px: None,
    };

    fn scattered(n: usize, seed: u64) -> Vec<(usize, (f64, f64))> {
        let mut next = pseudo_random(seed, 1000);
        (0..n).map(|i| (i * 3, (next(), next() / 2.0))).collect()
    }

    /// How many partners the markers hold.
    fn members(markers: &[Marker]) -> usize {
        markers
            .iter()
            .map(|m| match m {
                Marker::Partner { .. } => 1,
                Marker::Cluster { count, .. } => *count,
            })
            .sum()
    }

    #[test]
    fn every_partner_in_view_is_in_exactly_one_marker() {
        let partners = scattered(3000, 7);
        let view = MapView::whole((1000.0, 500.0), (1000.0, 500.0));
        let markers = layout_markers(&partners, |_| 50.0, &view, 1.0, &MAP);
        assert_eq!(members(&markers), partners.len());
        assert!(
            markers.iter().any(|m| matches!(m, Marker::Cluster { .. })),
            "dense cells cluster"
        );
        let indexes: Vec<usize> = markers
            .iter()
            .filter_map(|m| match m {
                Marker::Partner { index, .. } => Some(*index),
                Marker::Cluster { .. } => None,
            })
            .collect();
        assert!(
            indexes.iter().all(|i| i % 3 == 0),
            "partner indexes, not positions"
        );
        // Zoomed in on one corner: the rest is left out.
        let zoomed = view.centre_on((100.0, 100.0), 8.0);
        let near = layout_markers(&partners, |_| 50.0, &zoomed, 1.0, &MAP);
        assert!(members(&near) < partners.len() / 4);
    }

    #[test]
    fn markers_come_west_to_east() {
        let markers = layout_markers(
            &scattered(40, 3),
            |_| 40.0,
            &MapView::whole((1000.0, 500.0), (1000.0, 500.0)),
            1.0,
            &MAP,
        );
        let xs: Vec<f64> = markers
            .iter()
            .map(|m| match m {
                Marker::Partner { at, .. } | Marker::Cluster { at, .. } => at.0,
            })
            .collect();
        assert!(xs.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn on_a_touch_screen_no_two_targets_are_closer_than_a_fingertip() {
        let partners = scattered(500, 11);
        let view = MapView::whole((1000.0, 500.0), (1000.0, 500.0));
        // 0.8 world units per pixel: the map is 1250 px wide.
        let touch = LayoutOptions {
            touch_px: Some(46.0),
            ..MAP
        };
        let markers = layout_markers(&partners, |_| 40.0, &view, 0.8, &touch);
        assert_eq!(members(&markers), partners.len());
        let at: Vec<(f64, f64)> = markers
            .iter()
            .map(|m| match m {
                Marker::Partner { at, .. } | Marker::Cluster { at, .. } => (at.0 / 0.8, at.1 / 0.8),
            })
            .collect();
        for (i, a) in at.iter().enumerate() {
            for b in &at[i + 1..] {
                assert!((a.0 - b.0).hypot(a.1 - b.1) >= 46.0 - 1e-9, "{a:?} {b:?}");
            }
        }
    }
}
