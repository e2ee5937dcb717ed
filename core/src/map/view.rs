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
}
