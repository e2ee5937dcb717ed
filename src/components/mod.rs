//! Building blocks of the pages. Each takes plain values or signals and
//! renders them; none fetches data or touches storage.

pub mod article_actions;
pub mod article_body;
pub mod article_meta;
pub mod article_partners;
pub mod article_view;
pub mod breadcrumbs;
pub mod data_notice;
pub mod font_size_control;
pub mod language_switcher;
pub mod load_error;
pub mod map_legend;
pub mod partner_filters;
pub mod partner_map;
pub mod partner_panel;
pub mod partner_table;
pub mod print_parts;
pub mod site_footer;
pub mod site_header;
pub mod static_map;
