//! The partner map's pure logic: the projection centred on home, routes
//! from home, the pan/zoom view, where markers and labels go, marker shapes,
//! and SVG path data. The app's map component only renders what these decide.

pub mod arcs;
pub mod labels;
pub mod layout;
pub mod projection;
pub mod shapes;
pub mod svg;
pub mod view;

#[cfg(test)]
pub(crate) mod test_support {
    /// Repeatable pseudo-random whole numbers below `below`, as `f64`.
    pub fn pseudo_random(seed: u64, below: u64) -> impl FnMut() -> f64 {
        let mut state = seed;
        move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) % below) as f64
        }
    }
}
