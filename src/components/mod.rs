//! Building blocks of the pages. Each takes plain values or signals and
//! renders them; none fetches data or touches storage.

pub mod article_actions;
pub mod article_body;
pub mod article_meta;
pub mod article_view;
pub mod breadcrumbs;
pub mod font_size_control;
pub mod load_error;
pub mod site_footer;
pub mod site_header;
