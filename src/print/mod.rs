//! What only paper shows (and the print view shows on screen): the site's
//! name, the partners as a table and a still map, and a footer that leads
//! back online (the address, the print date, a QR code).

pub mod print_parts;
pub mod static_map;
