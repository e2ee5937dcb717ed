//! Reading aids: sentences for reading aloud, readings (furigana) for
//! kanji, and how both fit into a text with its partner links.

pub mod dictionary;
pub mod furigana;
pub mod inline;
pub mod plan;
pub mod ruby;
pub mod sentences;
