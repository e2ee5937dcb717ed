//! One article, element by element as the district's page had them: the
//! breadcrumb, the title, the date and view count, the text size, the body
//! with its headings, the partners it is about, print and close; and the
//! reading aids beside the text size: colour theme, furigana, read aloud.

pub mod article_actions;
pub mod article_body;
pub mod article_meta;
pub mod article_partners;
pub mod article_view;
pub mod breadcrumbs;
pub mod colour_theme_control;
pub mod font_size_control;
pub mod furigana_toggle;
pub mod inline_text;
pub mod read_aloud;
pub mod read_aloud_control;
