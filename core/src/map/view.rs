//! Pan and zoom of the map: one transform from world units to the screen.
//!
//! The world is drawn once in "world units" (the projection fitted to a
//! width); a [`MapView`] maps world units to screen units with one scale
//! and one translation, so panning and zooming change a single transform,
//! never each marker.

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

/// How far in a reader can zoom, relative to the whole world in view.
pub const MAX_ZOOM: f64 = 64.0;
/// How far in a fitted view goes at most, relative to the whole world
/// (see [`MapView::fitting`]): a region, not a street.
pub const FIT_AT_MOST: f64 = 8.0;

/// Screen = world × `k` + (`tx`, `ty`), for a viewport of `width` ×
/// `height` screen units showing a world of `world` units. The viewport
/// may have any shape: a tall one on a phone, a wide one on a kiosk.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapView {
    pub k: f64,
    pub tx: f64,
    pub ty: f64,
    pub width: f64,
    pub height: f64,
    /// The size of the whole world at `k` = 1.
    pub world: (f64, f64),
}

impl MapView {
    /// The whole world in the viewport, as large as it fits, centred.
    pub fn whole(world: (f64, f64), viewport: (f64, f64)) -> Self {
        let fit = Self::fit_zoom(world, viewport);
        Self {
            k: fit,
            tx: 0.0,
            ty: 0.0,
            width: viewport.0,
            height: viewport.1,
            world,
        }
        .clamped()
    }

    /// The view that shows `points` (world units) as large as they fit,
    /// with `margin` (a fraction of the viewport's size) left free on each
    /// side: what a map of a few places opens on, instead of the whole
    /// world around them. Never farther out than the whole world, nor
    /// closer than [`FIT_AT_MOST`] times it (one place, or places close
    /// together, still show where they are); no points, the whole world.
    pub fn fitting(
        world: (f64, f64),
        viewport: (f64, f64),
        points: &[(f64, f64)],
        margin: f64,
    ) -> Self {
        let whole = Self::whole(world, viewport);
        let mut finite = points
            .iter()
            .filter(|(x, y)| x.is_finite() && y.is_finite());
        let Some(&(x, y)) = finite.next() else {
            return whole;
        };
        let (x0, y0, x1, y1) = finite.fold((x, y, x, y), |(x0, y0, x1, y1), &(x, y)| {
            (x0.min(x), y0.min(y), x1.max(x), y1.max(y))
        });
        let free = (1.0 - 2.0 * margin.clamp(0.0, 0.45)).max(0.1);
        let k = [(viewport.0, x1 - x0), (viewport.1, y1 - y0)]
            .into_iter()
            .map(|(size, extent)| size * free / extent)
            .filter(|k| k.is_finite())
            .fold(f64::INFINITY, f64::min)
            .min(whole.k * FIT_AT_MOST);
        whole.centre_on(((x0 + x1) / 2.0, (y0 + y1) / 2.0), k)
    }

    /// Whether two views show the world the same way: the same transform,
    /// to rounding (a glide to where the map already is does nothing).
    pub fn same_as(&self, other: &MapView) -> bool {
        let near = |a: f64, b: f64| (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0);
        near(self.k, other.k) && near(self.tx, other.tx) && near(self.ty, other.ty)
    }

    /// The zoom at which the whole world just fits the viewport.
    fn fit_zoom(world: (f64, f64), viewport: (f64, f64)) -> f64 {
        let k = (viewport.0 / world.0).min(viewport.1 / world.1);
        if k.is_finite() && k > 0.0 {
            k
        } else {
            1.0
        }
    }

    /// The zoom range: the whole world, to [`MAX_ZOOM`] times closer.
    fn zoom_range(&self) -> (f64, f64) {
        let fit = Self::fit_zoom(self.world, (self.width, self.height));
        (fit, fit * MAX_ZOOM)
    }

    /// How far in this view is, relative to the whole world (1 = all of it).
    pub fn zoom_level(&self) -> f64 {
        self.k / self.zoom_range().0
    }

    /// The same view for a viewport of another size: the same point in the
    /// middle, at the same zoom relative to the whole world.
    pub fn resized(self, viewport: (f64, f64)) -> Self {
        let centre = self.to_world((self.width / 2.0, self.height / 2.0));
        let level = self.zoom_level();
        let whole = Self::whole(self.world, viewport);
        if level <= 1.0 + 1e-9 {
            whole
        } else {
            whole.centre_on(centre, whole.k * level)
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
        let (min, max) = self.zoom_range();
        let k = (self.k * factor).clamp(min, max);
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

    /// Moves the map by (`dx`, `dy`) screen units.
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
        let (min, max) = self.zoom_range();
        let k = self.k.max(k).clamp(min, max);
        Self {
            k,
            tx: self.width / 2.0 - at.0 * k,
            ty: self.height / 2.0 - at.1 * k,
            ..self
        }
        .clamped()
    }

    /// Keeps the world in view: where it is smaller than the viewport it is
    /// centred, where larger it may not be dragged out of sight.
    fn clamped(self) -> Self {
        let (w, h) = (self.world.0 * self.k, self.world.1 * self.k);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    const WORLD: (f64, f64) = (1000.0, 500.0);

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let view = MapView::whole(WORLD, WORLD);
        let at = (700.0, 200.0);
        let before = view.to_world(at);
        let zoomed = view.zoom_at(at, 4.0);
        assert_eq!(zoomed.k, 4.0);
        let after = zoomed.to_world(at);
        assert!(close(before.0, after.0) && close(before.1, after.1));
    }

    #[test]
    fn zoom_is_bounded() {
        let view = MapView::whole(WORLD, WORLD);
        assert_eq!(view.zoom(0.1).k, 1.0);
        assert_eq!(view.zoom(1e6).k, MAX_ZOOM);
    }

    #[test]
    fn the_world_cannot_be_dragged_out_of_sight() {
        let view = MapView::whole(WORLD, WORLD);
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
        let view = MapView::whole(WORLD, WORLD).centre_on((600.0, 200.0), 4.0);
        let (x, y) = view.to_screen((600.0, 200.0));
        assert!(close(x, 500.0) && close(y, 250.0));
        assert_eq!(view.k, 4.0);
    }

    #[test]
    fn a_tall_viewport_shows_the_whole_world_in_its_middle() {
        // A phone: the viewport is three times as tall as the world's shape.
        let view = MapView::whole(WORLD, (1000.0, 1500.0));
        assert_eq!(view.k, 1.0);
        assert!(close(view.ty, 500.0), "{}", view.ty);
        assert_eq!(view.to_screen((500.0, 250.0)), (500.0, 750.0));
        // Zoomed in, the world fills it top to bottom and can be dragged.
        let zoomed = view.zoom(4.0).pan(0.0, -100_000.0);
        assert!(close(zoomed.ty, 1500.0 - 2000.0));
    }

    #[test]
    fn a_wide_viewport_fits_the_height() {
        let view = MapView::whole(WORLD, (1000.0, 250.0));
        assert_eq!(view.k, 0.5);
        assert!(close(view.tx, 250.0));
        assert_eq!(view.zoom(0.1).k, 0.5, "never smaller than the whole world");
        assert_eq!(view.zoom_level(), 1.0);
    }

    #[test]
    fn resizing_keeps_the_place_and_the_zoom() {
        let view = MapView::whole(WORLD, WORLD).centre_on((300.0, 200.0), 4.0);
        let resized = view.resized((1000.0, 800.0));
        let (x, y) = resized.to_screen((300.0, 200.0));
        assert!(close(x, 500.0) && close(y, 400.0), "({x}, {y})");
        assert!(close(resized.zoom_level(), 4.0));
        assert_eq!(
            MapView::whole(WORLD, WORLD).resized((1000.0, 800.0)),
            MapView::whole(WORLD, (1000.0, 800.0))
        );
    }

    #[test]
    fn a_fitted_view_shows_every_point_as_large_as_the_margin_allows() {
        // Places in a band across the middle of a tall (phone) viewport.
        let points = [(150.0, 200.0), (850.0, 300.0), (500.0, 260.0)];
        let view = MapView::fitting(WORLD, (1000.0, 1500.0), &points, 0.1);
        for &p in &points {
            let (x, y) = view.to_screen(p);
            assert!(
                (99.9..=900.1).contains(&x) && (0.0..=1500.0).contains(&y),
                "{p:?} at ({x}, {y})"
            );
        }
        // The width is what limits: the points span 80% of it.
        let (left, _) = view.to_screen((150.0, 200.0));
        let (right, _) = view.to_screen((850.0, 300.0));
        assert!(close(right - left, 800.0), "{}", right - left);
        assert!(view.k > MapView::whole(WORLD, (1000.0, 1500.0)).k);
    }

    #[test]
    fn a_fitted_view_is_never_wider_than_the_world_nor_closer_than_a_region() {
        let whole = MapView::whole(WORLD, WORLD);
        // Points at the world's corners: the whole world.
        let corners = [(0.0, 0.0), (1000.0, 500.0)];
        assert!(MapView::fitting(WORLD, WORLD, &corners, 0.1).same_as(&whole));
        // One point (or many at one place): centred, at most FIT_AT_MOST in.
        let one = MapView::fitting(WORLD, WORLD, &[(300.0, 200.0), (300.0, 200.0)], 0.1);
        assert_eq!(one.k, whole.k * FIT_AT_MOST);
        let (x, y) = one.to_screen((300.0, 200.0));
        assert!(close(x, 500.0) && close(y, 250.0));
        // None, or none that is a number: the whole world.
        assert!(MapView::fitting(WORLD, WORLD, &[], 0.1).same_as(&whole));
        let nan = [(f64::NAN, 1.0), (1.0, f64::INFINITY)];
        assert!(MapView::fitting(WORLD, WORLD, &nan, 0.1).same_as(&whole));
    }

    #[test]
    fn a_fitted_view_near_the_world_edge_keeps_its_points_in_sight() {
        // Two places near the top-left corner: the view cannot be centred
        // on them (the world would leave the view), yet both show.
        let points = [(5.0, 5.0), (60.0, 40.0)];
        for viewport in [(1000.0, 1500.0), (1000.0, 400.0), (1000.0, 500.0)] {
            let view = MapView::fitting(WORLD, viewport, &points, 0.1);
            for &p in &points {
                assert!(
                    view.screen()
                        .contains(view.to_screen(p).0, view.to_screen(p).1),
                    "{viewport:?}"
                );
            }
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_places_in_any_viewport_are_all_in_sight(
            points in proptest::collection::vec((0.0..1000.0f64, 0.0..500.0f64), 1..40),
            shape in 0.2..4.0f64,
            margin in 0.0..0.3f64,
        ) {
            let viewport = (1000.0, 1000.0 * shape);
            let view = MapView::fitting(WORLD, viewport, &points, margin);
            let screen = view.screen();
            for &p in &points {
                let (x, y) = view.to_screen(p);
                proptest::prop_assert!(screen.contains(x, y), "{:?} at ({}, {}) in {:?}", p, x, y, viewport);
            }
            let whole = MapView::whole(WORLD, viewport);
            proptest::prop_assert!(view.k >= whole.k - 1e-9 && view.k <= whole.k * FIT_AT_MOST + 1e-9);
        }
    }
}
