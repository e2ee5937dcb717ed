//! Pure logic of the Changning news reader.
//!
//! Everything here is plain Rust: no web types, no I/O, no Leptos. The web
//! crate fetches bytes and hands them to the `decode_*` functions; what comes
//! back is either a validated model or a [`DataError`] that names the file and
//! the field an editor has to fix.

pub mod article;
pub mod cities;
pub mod colour_theme;
pub mod column;
pub mod date;
pub mod error;
pub mod font_scale;
pub mod id;
mod json;
pub mod kiosk;
pub mod language;
pub mod linking;
pub mod load;
pub mod localized;
pub mod map;
pub mod meta;
pub mod number;
pub mod pagination;
pub mod partners;
pub mod print;
pub mod reading;
pub mod route;
pub mod search;
pub mod settings;
pub mod world;

pub use article::{decode_article, Article, Block};
pub use cities::{
    decode_cities, Cities, CitiesDecoder, Continent, Country, Home, Partner, Relation,
};
pub use colour_theme::ColourTheme;
pub use column::{decode_column, Column, ColumnEntry};
pub use date::IsoDate;
pub use error::{DataError, EntryNotice, Expected, Found, JsonKind, Problem};
pub use font_scale::FontScale;
pub use id::Id;
pub use load::{classify_response, LoadError};
pub use localized::LocalizedText;
pub use route::AppRoute;
