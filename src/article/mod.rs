//! One article, element by element as the district's page had them: the
//! breadcrumb, the title, the date and view count, the text size, the body
//! with its headings, the partners it is about, print and close.

pub mod article_actions;
pub mod article_body;
pub mod article_meta;
pub mod article_partners;
pub mod article_view;
pub mod breadcrumbs;
pub mod font_size_control;
