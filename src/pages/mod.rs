//! One file per route: each reads the URL, asks for data and picks the view
//! for each state (loading, loaded, not found, error).

pub mod article;
pub mod column;
pub mod furigana;
pub mod not_found;
pub mod partners;
pub mod search;
